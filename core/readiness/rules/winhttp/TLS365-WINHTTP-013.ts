import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT } from './common.js';
import { eachDword } from './per-view.js';

/**
 * TLS365-WINHTTP-013 (per view): DefaultSecureProtocols includes TLS 1.3 (0x2000) on a build below 20348, whose
 * Schannel has no TLS 1.3 (docs/domain-facts.md 10.2; facts 1.1) [PROTOCOLS]. Info.
 */
export const WINHTTP_013: Rule = {
  id: 'TLS365-WINHTTP-013',
  title: 'WinHTTP DefaultSecureProtocols asks for TLS 1.3 on a Windows version without it',
  severity: ['Info'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.PROTOCOLS],
  evaluate(m) {
    if (m.os === null || m.os.build >= 20348) return [];
    const build = m.os.build;
    return eachDword(m, (_, v, value, at) => ((value & BIT.Tls13) === 0 ? null : finding(WINHTTP_013, 'Info', [v.component],
      `${at} includes TLS 1.3 (0x2000), which Schannel supports only from Windows Server 2022 / Windows 11, so the bit has no effect on build ${build}.`,
      null)));
  },
  fix: 'None: informational.',
};
