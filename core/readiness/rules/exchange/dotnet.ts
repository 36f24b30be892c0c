import type { MachineFacts } from '../../facts.js';
import type { Component, Fix, RegChange } from '../../model.js';
import { unknown, type RuleOutput } from '../../rule.js';
import { NO_ARCH, NO_DOTNET, views } from './common.js';
import { hcNetView, NET_VALUES, type HcNetView } from './healthchecker.js';

/**
 * Shared by the Exchange rules on the .NET 4.x values (docs/domain-facts.md 7 table, 10.7): EXCH-006 a v4.0.30319 value
 * is not defined, EXCH-007 TLS 1.0 or 1.1 is disabled but a v4.0.30319 value is not 1. Each finding attaches only
 * to the view whose value is wrong; the fix writes all four values, as HealthChecker and [EX-TLS] ask.
 */

export const DOTNET_BOTH: readonly Component[] = ['DotNet4', 'DotNet4_32'];

interface NetViews {
  readonly views: readonly { readonly net: HcNetView; readonly component: Component; readonly label: string }[];
  readonly fix: Fix;
}

export function withNet(m: MachineFacts, body: (n: NetViews) => RuleOutput[]): readonly RuleOutput[] {
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
