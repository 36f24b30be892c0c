import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT, repairedMask } from '../winhttp/common.js';
import { COMPONENTS, WININET_FIX, where, winInetSetting, writeFix } from './common.js';

/**
 * TLS365-WININET-002: the effective WinINet SecureProtocols enables SSL 2.0 (0x8) or SSL 3.0 (0x20)
 * (docs/domain-facts.md 10.3; facts 1.4) [INETRES] [SEED].
 */
export const WININET_002: Rule = {
  id: 'TLS365-WININET-002',
  title: 'WinINet SecureProtocols enables SSL 2.0 or SSL 3.0',
  severity: ['Warn'],
  components: COMPONENTS,
  sources: [SRC.INETRES, SRC.SEED],
  evaluate(m) {
    const s = winInetSetting(m);
    if (!m.coverage.winInet || s.kind !== 'set' || (s.value & (BIT.Ssl2 | BIT.Ssl3)) === 0) return [];
    return [finding(WININET_002, 'Warn', COMPONENTS,
      `${where(m, s)} enables SSL, which Microsoft calls outdated and insecure (KB3009008).`,
      writeFix(s, repairedMask(s.value, WININET_FIX), 'Remove the SSL bits (0x8, 0x20)'))];
  },
  fix: 'Remove the SSL bits (0x8, 0x20) from WinINet SecureProtocols where it is set, then restart the applications that use WinINet.',
};
