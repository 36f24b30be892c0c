import { winHttpKey } from '../../paths.js';
import { readDword } from '../../registry.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { views } from '../exchange/common.js';
import { DSP, DSP_FIX, dword, hex, isConfigMgr, NO_ARCH, show, TLS12 } from './common.js';

/**
 * TLS365-CM-001: on a ConfigMgr client running Windows 7 SP1 / Server 2012 (7601, 9200), a view's WinHTTP
 * DefaultSecureProtocols lacks TLS 1.2 (0x800), so the client is orphaned once its site servers accept only TLS 1.2
 * (docs/domain-facts.md 8, 10.8) [CM-CLIENT].
 */
export const CM_001: Rule = {
  id: 'TLS365-CM-001',
  title: 'ConfigMgr client on Windows 7 SP1 / Server 2012: WinHTTP DefaultSecureProtocols lacks TLS 1.2',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.CM_CLIENT],
  applies: (m, o) => isConfigMgr(m, o.roles),
  evaluate: (m) => {
    if (m.os === null || (m.os.build !== 7601 && m.os.build !== 9200)) return [];
    if (m.x64 === null) return [unknown(['WinHttp', 'WinHttp32'], NO_ARCH)];
    const x64 = m.x64;
    const kb = m.updates.state('KB3140245');
    const updates = kb.kind === 'detected' ? [] : ['KB3140245'];
    const missing = kb.kind === 'not-detected' ? ['KB3140245'] : [];
    return views(x64).flatMap((v): RuleOutput[] => {
      if (!m.coverage.winHttp(v.view)) return [unknown([v.winHttp], `the input has no Internet Settings key in the ${v.label} view`)];
      const key = winHttpKey(v.view, x64);
      const r = readDword(m.reg, key, DSP);
      if (r.kind === 'dword' && (r.value & TLS12) !== 0) return [];
      return [finding(CM_001, 'Fail', [v.winHttp],
        `${key}\\${DSP} is ${show(r)}${r.kind === 'dword' ? ', without TLS 1.2 (0x800)' : ''} on ${m.os?.name ?? 'this OS'}, so this ConfigMgr client's WinHTTP traffic stays on SSL 3.0/TLS 1.0 and the client is orphaned once its site servers accept only TLS 1.2.`,
        { text: `${updates.length > 0 ? 'Install KB3140245 (a later rollup may already contain it), then set' : 'Set'} ${DSP}=${hex(DSP_FIX)} in the ${v.label} WinHTTP key and restart the computer.`, changes: [dword(key, DSP, DSP_FIX)], updates, restart: 'reboot' },
        missing)];
    });
  },
  fix: 'Install KB3140245 if it is not detected, then set DefaultSecureProtocols=0xA00 in the view\'s WinHTTP key and restart the computer.',
};
