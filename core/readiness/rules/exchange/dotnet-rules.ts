import type { MachineFacts } from '../../facts.js';
import type { Component, Fix, RegChange } from '../../model.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, NO_ARCH, NO_DOTNET, NO_SCHANNEL, views } from './common.js';
import { hcNetView, hcTls, isOne, NET_VALUES, netValue, show, type HcNetView } from './healthchecker.js';

/**
 * Exchange rules on the .NET 4.x values (docs/domain-facts.md 7 table, 10.7): EXCH-006 a v4.0.30319 value is not defined,
 * EXCH-007 TLS 1.0 or 1.1 is disabled but a v4.0.30319 value is not 1. Each finding attaches only to the view
 * whose value is wrong; the fix writes all four values, as HealthChecker and [EX-TLS] ask.
 */

const DOTNET_BOTH: readonly Component[] = ['DotNet4', 'DotNet4_32'];

interface NetViews {
  readonly views: readonly { readonly net: HcNetView; readonly component: Component; readonly label: string }[];
  readonly fix: Fix;
}

function withNet(m: MachineFacts, body: (n: NetViews) => RuleOutput[]): readonly RuleOutput[] {
  if (!m.coverage.dotnet) return [unknown(DOTNET_BOTH, NO_DOTNET)];
  if (m.x64 === null) return [unknown(DOTNET_BOTH, NO_ARCH)];
  const x64 = m.x64;
  const vs = views(x64).map((v) => ({ net: hcNetView(m.reg, v.view, x64), component: v.dotnet4, label: v.label }));
  const changes: RegChange[] = vs.flatMap((v) => NET_VALUES.map((name): RegChange => ({ op: 'set-dword', key: v.net.key, name, data: 1 })));
  const fix: Fix = {
    text: `Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under v4.0.30319 in ${x64 ? 'both the native and the Wow6432Node views' : 'the registry'}, then restart the server.`,
    changes, updates: [], restart: 'reboot',
  };
  return body({ views: vs, fix });
}

const exch006: Rule = {
  id: 'TLS365-EXCH-006',
  title: 'Exchange: .NET 4.x TLS values are not defined',
  sources: [SRC.HC_AN, SRC.EX_TLS],
  appliesTo: isExchange,
  evaluate: (m) => withNet(m, ({ views: vs, fix }) => vs.flatMap(({ net, component, label }) => {
    const absent = NET_VALUES.filter((name) => netValue(net, name).kind === 'absent');
    if (absent.length === 0) return [];
    return [finding(exch006, 'Fail', [component],
      `${absent.join(' and ')} ${absent.length > 1 ? 'are' : 'is'} absent under ${net.key} (${label} view); an undefined SystemDefaultTlsVersions behaves like 0 and HealthChecker requires both values to be defined, otherwise .NET code in Exchange may not use the TLS versions Schannel allows.`,
      fix)];
  })),
};

const exch007: Rule = {
  id: 'TLS365-EXCH-007',
  title: 'Exchange: TLS 1.0/1.1 disabled but the .NET 4.x values are not 1',
  sources: [SRC.HC_AN],
  appliesTo: isExchange,
  evaluate: (m) => {
    if (!m.coverage.schannel) return [unknown(DOTNET_BOTH, NO_SCHANNEL)];
    const lower = (['TLS 1.0', 'TLS 1.1'] as const).filter((p) => hcTls(m.reg, p).disabled);
    if (lower.length === 0) return [];
    return withNet(m, ({ views: vs, fix }) => vs.flatMap(({ net, component, label }) => {
      const bad = NET_VALUES.filter((name) => !isOne(netValue(net, name)));
      if (bad.length === 0) return [];
      return [finding(exch007, 'Fail', [component],
        `${lower.join(' and ')} ${lower.length > 1 ? 'are' : 'is'} disabled in Schannel but under ${net.key} (${label} view) ${bad.map((name) => `${name} is ${show(netValue(net, name))}`).join(' and ')} instead of 1, so .NET code in Exchange may still offer only the disabled versions and fail to connect.`,
        fix)];
    }));
  },
};

export const exchangeDotnetRules: readonly Rule[] = [exch006, exch007];
