import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, RECOMMENDED_DSP, defaultPhrase, dspChanges, winHttpViews } from './common.js';
import { KB, both, build } from './scope.js';

/**
 * TLS365-WINHTTP-004 (both): on build 7600 (Windows 7 / Server 2008 R2 without SP1) KB3140245 does not apply, so
 * WinHTTP keeps its OS default without TLS 1.2 (docs/domain-facts.md 10.2; facts 2.3, 5) [KB3140245].
 */

/** Windows 7 / Server 2008 R2 Service Pack 1: the prerequisite of KB3140245 on build 7600 (docs/domain-facts.md 2.3). */
const SP1_KB = 'KB976932';

export const WINHTTP_004: Rule = {
  id: 'TLS365-WINHTTP-004',
  title: 'WinHTTP cannot get TLS 1.2 by default on Windows 7 / Server 2008 R2 without SP1',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB3140245],
  evaluate(m) {
    const components = both(m);
    if (build(m) !== 7600 || components.length === 0) return [];
    return [finding(WINHTTP_004, 'Fail', components,
      `Build 7600 (Windows 7 / Server 2008 R2 without Service Pack 1): ${KB} applies to SP1 only, so WinHTTP keeps ${defaultPhrase(m)} and cannot use TLS 1.2 by default.`,
      {
        text: `Install Service Pack 1 (${SP1_KB}), then ${KB}, then set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views and reboot (see TLS365-OS-004).`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: [SP1_KB, KB],
        restart: 'reboot',
      })];
  },
  fix: 'Install Service Pack 1 (KB976932), then KB3140245, then set DefaultSecureProtocols = 0x00000A00 in both registry views and reboot.',
};
