import { NDP_V4_FULL_KEY } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { RELEASE_45, RELEASE_462, versionName } from '../dotnet/common.js';
import { perViewWithRelease } from './common.js';

/**
 * TLS365-NET4-009: `Release` says .NET Framework 4.5 - 4.6.1, below 4.6.2; Configuration Manager's guidance says .NET
 * 4.6 and earlier need updates for TLS 1.1 and 1.2 (docs/domain-facts.md 10.5; facts 4.3) [CM-CLIENT]. Info.
 */
export const NET4_009: Rule = {
  id: 'TLS365-NET4-009',
  title: '.NET 4.x below 4.6.2',
  severity: ['Info'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.CM_CLIENT],
  evaluate(m) {
    return perViewWithRelease(m, (v, rel) => {
      if (rel < RELEASE_45 || rel >= RELEASE_462) return null;
      return finding(NET4_009, 'Info', [v.component],
        `${NDP_V4_FULL_KEY} Release says .NET Framework ${versionName(rel)}, below 4.6.2: Configuration Manager's guidance says .NET 4.6 and earlier need updates for TLS 1.1 and 1.2.`,
        { text: 'Install .NET Framework 4.8 (or at least 4.6.2), then reboot.', changes: [], updates: [], restart: 'reboot' });
    });
  },
  fix: 'Install .NET Framework 4.8 (or at least 4.6.2), then reboot.',
};
