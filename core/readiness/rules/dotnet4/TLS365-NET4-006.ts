import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { describe, read, setOne } from '../dotnet/common.js';
import { RESTART_APPS, RESTART_SUSC, SDTV, SUSC, perView, setFix } from './common.js';

/**
 * TLS365-NET4-006: a view's `SystemDefaultTlsVersions` or `SchUseStrongCrypto` is not DWORD 0 or 1, which tools such as
 * HealthChecker treat as not set (docs/domain-facts.md 10.5; facts 4.1) [HC-DOC].
 */
export const NET4_006: Rule = {
  id: 'TLS365-NET4-006',
  title: '.NET 4.x TLS value other than DWORD 0 or 1',
  severity: ['Warn'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.HC_DOC],
  evaluate(m) {
    return perView(m, (v) => {
      const bad = [SDTV, SUSC].filter((n) => { const r = read(m, v.key, n); return r.kind === 'wrong-type' || (r.kind === 'dword' && r.value > 1); });
      if (bad.length === 0) return null;
      return finding(NET4_006, 'Warn', [v.component],
        `${v.key} ${bad.map((n) => `${n} is ${describe(read(m, v.key, n))}`).join(' and ')} (${v.label}): only the DWORD values 0 and 1 are defined, and tools such as Exchange HealthChecker treat anything else as not set.`,
        setFix(`Set ${bad.join(' and ')} to exactly 1 (DWORD) under ${v.key}, then ${bad.includes(SUSC) ? RESTART_SUSC : RESTART_APPS}.`, bad.map((n) => setOne(v.key, n))));
    });
  },
  fix: 'Set SystemDefaultTlsVersions or SchUseStrongCrypto, where it is not DWORD 0 or 1, to exactly 1 (DWORD) under the view\'s v4.0.30319 key, then restart the .NET applications.',
};
