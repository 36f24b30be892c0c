import { formatHex } from '../../../protocols/dword.js';
import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, RECOMMENDED_DSP, defaultPhrase, dspChanges, winHttpViews } from './common.js';
import { KB, KB_BUILDS, both, build } from './scope.js';

/**
 * TLS365-WINHTTP-003 (both): KB3140245 not detected on Windows 7 SP1 / Server 2008 R2 SP1 / Server 2012, where
 * WinHTTP ignores DefaultSecureProtocols without it (docs/domain-facts.md 10.2; facts 2, 5) [KB3140245] [SEED]
 * [CM-CLIENT]; Unknown when the input has no hotfix list or CBS packages.
 */
export const WINHTTP_003: Rule = {
  id: 'TLS365-WINHTTP-003',
  title: 'KB3140245 (WinHTTP DefaultSecureProtocols support) not detected on Windows 7 SP1 / Server 2008 R2 SP1 / Server 2012',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB3140245, SRC.SEED, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    const components = both(m);
    if (b === null || !KB_BUILDS.has(b) || components.length === 0) return [];
    const state = m.updates.state(KB);
    if (state.kind === 'unknown') {
      return [unknown(components, `WinHTTP on build ${b} needs ${KB}, and the input has no hotfix list or CBS packages to tell whether it is installed`)];
    }
    if (state.kind === 'detected') return [];
    return [finding(WINHTTP_003, 'Fail', components,
      `${KB} was not detected (hotfix list and CBS packages), and without it WinHTTP on ${m.os?.name ?? `build ${b}`} ignores ${DSP} and keeps ${defaultPhrase(m)}, so Office and other WinHTTP applications cannot use TLS 1.2.`,
      {
        text: `Install ${KB} (not detected here; a later monthly rollup may already contain it), then set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views and reboot.`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: [KB],
        restart: 'reboot',
      }, [KB])];
  },
  fix: 'Install KB3140245, then set DefaultSecureProtocols = 0x00000A00 in both registry views and reboot.',
};
