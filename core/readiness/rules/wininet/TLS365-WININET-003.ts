import { HKCU, HKLM, INTERNET_SETTINGS, WININET_KEYS } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { COMPONENTS, NAME, ORDER, WININET_FIX, isPolicy, winInetSetting, writeFix } from './common.js';

/**
 * TLS365-WININET-003: WinINet SecureProtocols is absent everywhere on Windows 7 SP1 / Server 2012 (7601, 9200),
 * where Microsoft documents no WinINet default (docs/domain-facts.md 10.3; facts 1.4, default unconfirmed) [INETRES]
 * [TLS365].
 */
const HKCU_SETTINGS = `${HKCU}\\SOFTWARE\\${INTERNET_SETTINGS}`;

export const WININET_003: Rule = {
  id: 'TLS365-WININET-003',
  title: 'WinINet SecureProtocols is absent on Windows 7 SP1 / Server 2012 (default unconfirmed)',
  severity: ['Warn'],
  components: COMPONENTS,
  sources: [SRC.INETRES, SRC.TLSCONV],
  evaluate(m) {
    const b = m.os?.build;
    if ((b !== 7601 && b !== 9200) || !m.coverage.winInet) return [];
    const s = winInetSetting(m);
    if (s.kind !== 'absent') return [];
    // The fix writes the machine policy (docs/domain-facts.md 10.3 "set 0xA80 by policy"), wherever it sits in the order.
    const policy = WININET_KEYS.find((k) => k.key.startsWith(`${HKLM}\\`) && isPolicy(k.key));
    if (policy === undefined) return [];
    const notes = [
      s.ignored.length > 0 ? `values that are not REG_DWORD were ignored: ${s.ignored.join(', ')}` : '',
      m.reg.hasKey(HKCU_SETTINGS) ? '' : 'the input holds no HKEY_CURRENT_USER, so a per-user value could not be checked',
    ].filter((x) => x !== '');
    return [finding(WININET_003, 'Warn', COMPONENTS,
      `WinINet ${NAME} is absent in every location (${ORDER})${notes.length > 0 ? ` (${notes.join('; ')})` : ''}, and Microsoft documents no WinINet default for build ${b}, so TLS365 cannot confirm that WinINet applications offer TLS 1.2.`,
      writeFix(policy, WININET_FIX, 'Set the protocols explicitly by policy'))];
  },
  fix: 'Set WinINet SecureProtocols explicitly by machine policy (0x00000A80), then restart the applications that use WinINet.',
};
