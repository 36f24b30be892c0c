import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isWeak, listFix, suiteList, where } from './cipher-suites.js';

/**
 * TLS365-SCHANNEL-016: the configured cipher-suite list contains 3DES or RC4, which Microsoft 365 no longer accepts
 * (docs/domain-facts.md 3.4, 10.4) [M365-ENC]. Info.
 */
export const SCHANNEL_016: Rule = {
  id: 'TLS365-SCHANNEL-016',
  title: 'Cipher-suite list contains 3DES or RC4',
  severity: ['Info'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC],
  evaluate: (m, options) => {
    const list = suiteList(m);
    if (list === null || m.os === null) return [];
    const weak = list.suites.filter(isWeak);
    if (weak.length === 0) return [];
    return [finding(SCHANNEL_016, 'Info', ['SChannelClient'],
      `${where(list)} contains ${weak.join(', ')}: Microsoft 365 no longer accepts 3DES (disabled 2019-02-28) and RC4 is broken, so these suites only weaken connections to other servers.`,
      listFix(m, options))];
  },
  fix: 'Remove the 3DES and RC4 suites from the cipher-suite list, write the result as the Group Policy "SSL Cipher Suite Order" list, then restart the machine.',
};
