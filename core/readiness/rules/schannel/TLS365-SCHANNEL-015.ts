import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { AFD_GCM_SUITES, has, listFix, M365_SUITES, shown, suiteList, where } from './cipher-suites.js';

/**
 * TLS365-SCHANNEL-015: the configured cipher-suite list has Microsoft 365 suites but none of the ECDHE_RSA or DHE_RSA
 * AES-GCM suites that Azure Front Door (Teams among others) needs (docs/domain-facts.md 3.4, 10.4) [M365-ENC].
 */
export const SCHANNEL_015: Rule = {
  id: 'TLS365-SCHANNEL-015',
  title: 'Cipher-suite list lacks the AES-GCM suites Azure Front Door needs',
  severity: ['Warn'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC],
  evaluate: (m) => {
    const list = suiteList(m);
    if (list === null || !has(list, M365_SUITES) || has(list, AFD_GCM_SUITES) || m.os === null) return [];
    return [finding(SCHANNEL_015, 'Warn', ['SChannelClient'],
      `${where(list)} is ${shown(list)}: it has Microsoft 365 suites but none of the ECDHE_RSA or DHE_RSA AES-GCM suites (Windows 10 and later should list the ECDHE ones, 7/8/8.1 the DHE ones), so services that Microsoft 365 fronts with Azure Front Door (Teams among them) can fail the handshake.`,
      listFix(list, m.os.build))];
  },
  fix: 'Put the AES-GCM suites with forward secrecy (ECDHE_RSA on Windows 10 and later, DHE_RSA on 7/8/8.1) at the top of the cipher-suite list, drop any 3DES and RC4 suites, write the result as the Group Policy "SSL Cipher Suite Order" list, then restart the machine.',
};
