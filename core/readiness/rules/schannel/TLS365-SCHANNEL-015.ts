import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { AFD_GCM_SUITES, has, listFix, M365_SUITES, shown, suiteList, where } from './cipher-suites.js';

/**
 * TLS365-SCHANNEL-015: the configured cipher-suite list has Microsoft 365 suites but none that Azure Front Door (Teams
 * among others) accepts since it dropped the DHE suites on 2026-04-01 (docs/domain-facts.md 3.4, 10.4) [M365-ENC]; the
 * dated, per-endpoint verdict is TLS365-ENDPOINT-001..003's.
 */
export const SCHANNEL_015: Rule = {
  id: 'TLS365-SCHANNEL-015',
  title: 'Cipher-suite list lacks the suites Azure Front Door accepts',
  severity: ['Warn'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC],
  evaluate: (m, options) => {
    const list = suiteList(m);
    if (list === null || !has(list, M365_SUITES) || has(list, AFD_GCM_SUITES) || m.os === null) return [];
    return [finding(SCHANNEL_015, 'Warn', ['SChannelClient'],
      `${where(list)} is ${shown(list)}: it has Microsoft 365 suites but none of the suites Azure Front Door accepts since 2026-04-01 (ECDHE_RSA AES-GCM on Windows 10 and later; the ECDHE_RSA AES CBC SHA384/SHA256 suites on 7/8/8.1; it no longer negotiates the DHE_RSA ones), so services that Microsoft 365 fronts with Azure Front Door (Teams among them) fail the handshake.`,
      listFix(m, options))];
  },
  fix: 'Put the suites Azure Front Door accepts (ECDHE_RSA AES-GCM on Windows 10 and later, ECDHE_RSA AES CBC SHA384/SHA256 on 7/8/8.1) at the top of the cipher-suite list, drop any 3DES and RC4 suites, write the result as the Group Policy "SSL Cipher Suite Order" list, then restart the machine.',
};
