import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange } from './common.js';
import { DOTNET_BOTH, withNet } from './dotnet.js';
import { NET_VALUES, netValue } from './healthchecker.js';

/**
 * TLS365-EXCH-006: a v4.0.30319 `SystemDefaultTlsVersions` or `SchUseStrongCrypto` is absent in a view, which
 * HealthChecker requires to be defined (docs/domain-facts.md 7 table, 10.7) [HC-AN] [EX-TLS].
 */
export const EXCH_006: Rule = {
  id: 'TLS365-EXCH-006',
  title: 'Exchange: .NET 4.x TLS values are not defined',
  severity: ['Fail'],
  components: DOTNET_BOTH,
  sources: [SRC.HC_AN, SRC.EX_TLS],
  applies: isExchange,
  evaluate: (m) => withNet(m, ({ views: vs, fix }) => vs.flatMap(({ net, component, label }) => {
    const absent = NET_VALUES.filter((name) => netValue(net, name).kind === 'absent');
    if (absent.length === 0) return [];
    return [finding(EXCH_006, 'Fail', [component],
      `${absent.join(' and ')} ${absent.length > 1 ? 'are' : 'is'} absent under ${net.key} (${label} view); an undefined SystemDefaultTlsVersions behaves like 0 and HealthChecker requires both values to be defined, otherwise .NET code in Exchange may not use the TLS versions Schannel allows.`,
      fix)];
  })),
  fix: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under v4.0.30319 in every registry view, then restart the server.',
};
