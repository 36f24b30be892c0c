import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { setOne, viewDifferences } from '../dotnet/common.js';
import { RESTART_SUSC, SDTV, SUSC, setFix } from './common.js';

/**
 * TLS365-NET4-005: the native and Wow6432Node `v4.0.30319` keys differ in `SystemDefaultTlsVersions` or
 * `SchUseStrongCrypto`, so 32-bit .NET apps use other TLS settings than 64-bit ones; attached to DotNet4_32
 * (docs/domain-facts.md 10.5; facts 4.1) [HC-REG] [CM-CLIENT].
 */
export const NET4_005: Rule = {
  id: 'TLS365-NET4-005',
  title: '.NET 4.x values differ between the native and Wow6432Node views',
  severity: ['Warn'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.HC_REG, SRC.CM_CLIENT],
  evaluate: (m) =>
    viewDifferences(m, 'v4', (native, wow, diffs) => finding(NET4_005, 'Warn', [wow.component],
      `${native.key} and ${wow.key} differ (${diffs.join('; ')}): 32-bit .NET apps then use other TLS settings than 64-bit ones.`,
      setFix(`Set ${SDTV}=1 and ${SUSC}=1 (DWORD) in both views (${native.key} and ${wow.key}), then ${RESTART_SUSC}.`,
        [native, wow].flatMap((v) => [setOne(v.key, SDTV), setOne(v.key, SUSC)])))),
  fix: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 (DWORD) in both views, then restart the .NET applications (a reboot is recommended).',
};
