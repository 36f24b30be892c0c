import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { describe, isZero, notSet, read, setOne } from '../dotnet/common.js';
import { RESTART_APPS, SDTV, perView, setFix } from './common.js';

/**
 * TLS365-NET4-004: `SystemDefaultTlsVersions` absent or 0 in a view: .NET 4.x apps there use the protocols .NET picks
 * instead of the OS defaults (docs/domain-facts.md 10.5; facts 4.1) [DOTNET-TLS] [EX-TLS].
 */
export const NET4_004: Rule = {
  id: 'TLS365-NET4-004',
  title: '.NET 4.x does not use the OS default protocols (SystemDefaultTlsVersions absent or 0)',
  severity: ['Warn'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_TLS, SRC.EX_TLS],
  evaluate(m) {
    return perView(m, (v) => {
      const sdtv = read(m, v.key, SDTV);
      if (!notSet(sdtv) && !isZero(sdtv)) return null;
      const why = isZero(sdtv)
        ? 'every .NET 4.x app there uses the protocols .NET picks instead of the OS defaults'
        : '.NET apps that target 4.6.2 or earlier use the protocols .NET picks instead of the OS defaults';
      return finding(NET4_004, 'Warn', [v.component],
        `${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}): ${why}.`,
        setFix(`Set ${SDTV}=1 (DWORD) under ${v.key}, then ${RESTART_APPS}.`, [setOne(v.key, SDTV)]));
    });
  },
  fix: 'Set SystemDefaultTlsVersions=1 (DWORD) under the view\'s v4.0.30319 key, then restart the .NET applications.',
};
