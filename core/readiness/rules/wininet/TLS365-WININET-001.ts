import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT } from '../winhttp/common.js';
import { COMPONENTS, WININET_FIX, where, winInetSetting, writeFix } from './common.js';

/**
 * TLS365-WININET-001: the effective WinINet SecureProtocols (first REG_DWORD in TLS365's order) lacks the TLS 1.2 bit
 * 0x800 (docs/domain-facts.md 10.3; facts 1.4) [INETRES] [TLS365].
 */
export const WININET_001: Rule = {
  id: 'TLS365-WININET-001',
  title: 'WinINet SecureProtocols is set without TLS 1.2',
  severity: ['Fail'],
  components: COMPONENTS,
  sources: [SRC.INETRES, SRC.TLSCONV],
  evaluate(m) {
    const s = winInetSetting(m);
    if (!m.coverage.winInet || s.kind !== 'set' || (s.value & BIT.Tls12) !== 0) return [];
    return [finding(WININET_001, 'Fail', COMPONENTS,
      `${where(m, s)} has no TLS 1.2 bit (0x800), so applications that use WinINet cannot negotiate TLS 1.2.`,
      writeFix(s, WININET_FIX, 'Add TLS 1.2 (0x00000A80, or 0x00000800 for TLS 1.2 only)'))];
  },
  fix: 'Add TLS 1.2 to WinINet SecureProtocols (0x00000A80) where it is set, by Group Policy for a policy key, then restart the applications that use WinINet.',
};
