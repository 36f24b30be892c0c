import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, NO_SCHANNEL } from './common.js';
import { DOTNET_BOTH, withNet } from './dotnet.js';
import { hcTls, isOne, NET_VALUES, netValue, show } from './healthchecker.js';

/**
 * TLS365-EXCH-007: TLS 1.0 or 1.1 is "Disabled" in Schannel but a v4.0.30319 value is not 1 in a view, so .NET code in
 * Exchange may still offer only the disabled versions (docs/domain-facts.md 7 table, 10.7) [HC-AN].
 */
export const EXCH_007: Rule = {
  id: 'TLS365-EXCH-007',
  title: 'Exchange: TLS 1.0/1.1 disabled but the .NET 4.x values are not 1',
  severity: ['Fail'],
  components: DOTNET_BOTH,
  sources: [SRC.HC_AN],
  applies: isExchange,
  evaluate: (m) => {
    if (!m.coverage.schannel) return [unknown(DOTNET_BOTH, NO_SCHANNEL)];
    const lower = (['TLS 1.0', 'TLS 1.1'] as const).filter((p) => hcTls(m.reg, p).disabled);
    if (lower.length === 0) return [];
    return withNet(m, ({ views: vs, fix }) => vs.flatMap(({ net, component, label }) => {
      const bad = NET_VALUES.filter((name) => !isOne(netValue(net, name)));
      if (bad.length === 0) return [];
      return [finding(EXCH_007, 'Fail', [component],
        `${lower.join(' and ')} ${lower.length > 1 ? 'are' : 'is'} disabled in Schannel but under ${net.key} (${label} view) ${bad.map((name) => `${name} is ${show(netValue(net, name))}`).join(' and ')} instead of 1, so .NET code in Exchange may still offer only the disabled versions and fail to connect.`,
        fix)];
    }));
  },
  fix: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under v4.0.30319 in every registry view, then restart the server.',
};
