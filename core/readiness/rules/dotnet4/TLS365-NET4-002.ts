import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { RELEASE_45, RELEASE_46, describe, isOne, read, setOne, versionName } from '../dotnet/common.js';
import { RESTART_SUSC, SDTV, SUSC, perViewWithRelease, setFix } from './common.js';

/**
 * TLS365-NET4-002: .NET 4.5 - 4.5.2 (by `Release`) without `SchUseStrongCrypto` = 1 in a view offers only SSL 3.0 and
 * TLS 1.0 (docs/domain-facts.md 10.5; facts 4.1, 4.3) [DOTNET-TLS] [DOTNET-VER].
 */
export const NET4_002: Rule = {
  id: 'TLS365-NET4-002',
  title: '.NET 4.5 - 4.5.2 without SchUseStrongCrypto = 1',
  severity: ['Fail'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_TLS, SRC.DOTNET_VER],
  evaluate(m) {
    return perViewWithRelease(m, (v, rel) => {
      const susc = read(m, v.key, SUSC);
      if (rel < RELEASE_45 || rel >= RELEASE_46 || isOne(susc)) return null;
      return finding(NET4_002, 'Fail', [v.component],
        `.NET Framework ${versionName(rel)} is installed and ${v.key} ${SUSC} is ${describe(susc)} (${v.label}): .NET 4.5 - 4.5.2 offers only SSL 3.0 and TLS 1.0 unless ${SUSC} is 1.`,
        setFix(`Set ${SUSC}=1 and ${SDTV}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}; better, install .NET Framework 4.8.`, [setOne(v.key, SUSC), setOne(v.key, SDTV)]));
    });
  },
  fix: 'Set SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 (DWORD) under the view\'s v4.0.30319 key, then restart the .NET applications; better, install .NET Framework 4.8.',
};
