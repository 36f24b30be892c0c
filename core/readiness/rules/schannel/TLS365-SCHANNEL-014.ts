import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { has, listFix, M365_SUITES, shown, suiteList, where } from './cipher-suites.js';

/**
 * TLS365-SCHANNEL-014: the configured cipher-suite list (Group Policy, else local) holds none of the 8 suites Microsoft
 * 365 supports over TLS 1.2, and suites outside a configured list are not used (docs/domain-facts.md 3.4, 10.4)
 * [M365-ENC] [HC-CIPHER].
 */
export const SCHANNEL_014: Rule = {
  id: 'TLS365-SCHANNEL-014',
  title: 'Cipher-suite list has no suite Microsoft 365 supports',
  severity: ['Fail'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC, SRC.HC_CIPHER],
  evaluate: (m, options) => {
    const list = suiteList(m);
    if (list === null || has(list, M365_SUITES) || m.os === null) return [];
    return [finding(SCHANNEL_014, 'Fail', ['SChannelClient'],
      `${where(list)} is ${shown(list)}: it contains none of the 8 cipher suites Microsoft 365 supports over TLS 1.2, and suites outside a configured list are not used, so TLS handshakes with Microsoft 365 fail.`,
      listFix(m, options))];
  },
  fix: 'Put AES-GCM suites Microsoft 365 supports (those this Windows version has) at the top of the cipher-suite list, drop any 3DES and RC4 suites, write the result as the Group Policy "SSL Cipher Suite Order" list, then restart the machine.',
};
