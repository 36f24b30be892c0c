import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, RECOMMENDED_DSP, coveredViews, defaultPhrase, readDsp, viewLabel } from './common.js';
import { KB, KB_BUILDS, build } from './scope.js';

/**
 * TLS365-WINHTTP-005 (per view): KB3140245 is installed but DefaultSecureProtocols is absent (or not a REG_DWORD),
 * so WinHTTP keeps the OS default (docs/domain-facts.md 10.2; facts 2) [KB3140245] [WINHTTP-FLAGS] [CM-CLIENT].
 */
export const WINHTTP_005: Rule = {
  id: 'TLS365-WINHTTP-005',
  title: 'KB3140245 is installed but DefaultSecureProtocols is absent',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB3140245, SRC.WINHTTP_FLAGS, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    if (b === null || !KB_BUILDS.has(b) || m.updates.state(KB).kind !== 'detected') return [];
    const out: RuleOutput[] = [];
    for (const v of coveredViews(m)) {
      const r = readDsp(m, v);
      if (r.kind === 'dword') continue;
      out.push(finding(WINHTTP_005, 'Fail', [v.component],
        `${v.key} ${DSP} is ${r.kind === 'absent' ? 'absent' : `not a REG_DWORD (${r.type})`} in ${viewLabel(v, m)}, so even with ${KB} installed WinHTTP keeps ${defaultPhrase(m)} and cannot use TLS 1.2 (KB3140245: "If the registry entry is not present, WinHTTP will use the existing operating system defaults"; Configuration Manager also says to create the value); note that the Microsoft 365 guidance says the contrary ("unless you have to customize what secure protocols are enabled or restricted, this key is not required"), which TLS365 does not follow.`,
        {
          text: `Set ${DSP} = ${formatHex(RECOMMENDED_DSP)} (TLS 1.1 + TLS 1.2) in this view, then reboot.`,
          changes: r.kind === 'absent'
            ? [{ op: 'set-dword', key: v.key, name: DSP, data: RECOMMENDED_DSP }]
            : [{ op: 'delete-value', key: v.key, name: DSP }, { op: 'set-dword', key: v.key, name: DSP, data: RECOMMENDED_DSP }],
          updates: [],
          restart: 'reboot',
        }));
    }
    return out;
  },
  fix: 'Set DefaultSecureProtocols = 0x00000A00 (TLS 1.1 + TLS 1.2) in the view\'s WinHttp key, then reboot.',
};
