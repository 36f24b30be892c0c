import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { RELEASE_46, describe, isOne, notSet, read, setOne } from '../dotnet/common.js';
import { RESTART_SUSC, SDTV, SUSC, perViewWithRelease, setFix } from './common.js';

/**
 * TLS365-NET4-003: .NET 4.6+ with `SchUseStrongCrypto` absent (or not a DWORD) in a view: Fail when
 * `SystemDefaultTlsVersions` is not 1 either (apps targeting 4.5.2 or earlier, Windows PowerShell 5.1 among them, offer
 * only SSL 3.0 and TLS 1.0), else Warn (docs/domain-facts.md 10.5; facts 4.1, 4.3) [DOTNET-TLS] [CM-CLIENT] [SEED]
 * [TLS1-PROBLEM].
 */
export const NET4_003: Rule = {
  id: 'TLS365-NET4-003',
  title: '.NET 4.6+ with SchUseStrongCrypto absent',
  severity: ['Fail', 'Warn'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_TLS, SRC.CM_CLIENT, SRC.SEED, SRC.TLS1_PROBLEM],
  evaluate(m) {
    return perViewWithRelease(m, (v, rel) => {
      // A value of another type is ignored by .NET (reported by NET4-006), so it counts as absent here.
      const susc = read(m, v.key, SUSC);
      if (rel < RELEASE_46 || !notSet(susc)) return null;
      const sdtv = read(m, v.key, SDTV);
      const fix = setFix(`Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, [setOne(v.key, SUSC)]);
      if (isOne(sdtv)) {
        return finding(NET4_003, 'Warn', [v.component],
          `${v.key} ${SUSC} is ${describe(susc)} (${v.label}); ${SDTV} is 1 there, so apps that follow the OS default negotiate TLS 1.2, but apps that set their own protocols run without strong cryptography.`,
          fix);
      }
      return finding(NET4_003, 'Fail', [v.component],
        `${v.key} ${SUSC} is ${describe(susc)} and ${SDTV} is ${describe(sdtv)} (${v.label}): .NET apps that target 4.5.2 or earlier, Windows PowerShell 5.1 among them, then offer only SSL 3.0 and TLS 1.0.`,
        fix);
    });
  },
  fix: 'Set SchUseStrongCrypto=1 (DWORD) under the view\'s v4.0.30319 key, then restart the .NET applications (a reboot is recommended).',
};
