import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { setOne, viewDifferences } from '../dotnet/common.js';
import { RESTART_SUSC, SDTV, SUSC } from './common.js';

/**
 * TLS365-NET35-004: the native and Wow6432Node `v2.0.50727` keys differ in `SystemDefaultTlsVersions` or
 * `SchUseStrongCrypto`, so 32-bit .NET 3.5 apps use other TLS settings than 64-bit ones; attached to DotNet35_32
 * (docs/domain-facts.md 10.6; facts 4.1) [CM-CLIENT].
 */
export const NET35_004: Rule = {
  id: 'TLS365-NET35-004',
  title: '.NET 3.5 values differ between the native and Wow6432Node views',
  severity: ['Warn'],
  components: ['DotNet35', 'DotNet35_32'],
  sources: [SRC.CM_CLIENT],
  evaluate: (m) =>
    viewDifferences(m, 'v35', (native, wow, diffs) => finding(NET35_004, 'Warn', [wow.component],
      `${native.key} and ${wow.key} differ (${diffs.join('; ')}): 32-bit .NET 3.5 apps then use other TLS settings than 64-bit ones.`,
      {
        text: `Set ${SDTV}=1 and ${SUSC}=1 (DWORD) in both views (${native.key} and ${wow.key}), then ${RESTART_SUSC}.`,
        changes: [native, wow].flatMap((v) => [setOne(v.key, SDTV), setOne(v.key, SUSC)]), updates: [], restart: 'apps',
      })),
  fix: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 (DWORD) in both views, then restart the .NET 3.5 applications (a reboot is recommended).',
};
