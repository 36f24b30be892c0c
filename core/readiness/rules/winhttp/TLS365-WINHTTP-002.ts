import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT, DSP, coveredViews, defaultPhrase, describeMask, readDsp, repairedMask } from './common.js';
import { KB_BUILDS, build } from './scope.js';

/**
 * TLS365-WINHTTP-002: on a 64-bit Windows 7 SP1 / Server 2012, DefaultSecureProtocols has TLS 1.2 in the native view
 * but is absent (or not a REG_DWORD) under Wow6432Node, where KB3140245 says it "must also be added"
 * (docs/domain-facts.md 10.2; facts 2) [KB3140245] [CM-CLIENT].
 */
export const WINHTTP_002: Rule = {
  id: 'TLS365-WINHTTP-002',
  title: 'WinHTTP DefaultSecureProtocols is set in the native view only (Windows 7 SP1 / Server 2012)',
  severity: ['Fail'],
  components: ['WinHttp32'],
  sources: [SRC.KB3140245, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    if (m.x64 !== true || b === null || !KB_BUILDS.has(b)) return [];
    const views = coveredViews(m);
    const native = views.find((v) => v.view === '64');
    const wow = views.find((v) => v.view === '32');
    if (native === undefined || wow === undefined) return [];
    const n = readDsp(m, native);
    const w = readDsp(m, wow);
    if (n.kind !== 'dword' || (n.value & BIT.Tls12) === 0 || w.kind === 'dword') return [];
    const data = repairedMask(n.value);
    return [finding(WINHTTP_002, 'Fail', [wow.component],
      `${wow.key} ${DSP} is ${w.kind === 'absent' ? 'absent' : `not a REG_DWORD (${w.type})`} while the native view has ${describeMask(n.value)}, so 32-bit WinHTTP applications on this 64-bit system keep ${defaultPhrase(m)} and cannot use TLS 1.2 (KB3140245: the value "must also be added" under Wow6432Node).`,
      {
        text: `Write the native view's protocols under Wow6432Node too: ${DSP} = ${formatHex(data)} in ${wow.key}, then reboot.`,
        changes: [{ op: 'set-dword', key: wow.key, name: DSP, data }],
        updates: [],
        restart: 'reboot',
      })];
  },
  fix: 'Write the native view\'s DefaultSecureProtocols (its TLS bits) under Wow6432Node too, then reboot.',
};
