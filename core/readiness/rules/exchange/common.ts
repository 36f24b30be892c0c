import type { MachineFacts } from '../../facts.js';
import type { Component, RegChange } from '../../model.js';
import type { View } from '../../paths.js';
import type { EvaluateOptions } from '../../rule.js';
import type { HcProtocol, HcTls } from './healthchecker.js';

/** Exchange rules run when Exchange is detected (ExchangeServer\v15 or v14 `Setup` build values) or with `-Role Exchange` (docs/domain-facts.md 7, 10.7). */
export const isExchange = (m: MachineFacts, options: EvaluateOptions): boolean => m.products.exchange !== null || options.roles.includes('Exchange');

export const SCHANNEL_BOTH: readonly Component[] = ['SChannelClient', 'SChannelServer'];
export const NO_SCHANNEL = 'the input has no SCHANNEL key, so HealthChecker\'s TLS configuration cannot be read';
export const NO_DOTNET = 'the input has no .NET Framework keys, so the v4.0.30319 TLS values cannot be read';
export const NO_ARCH = 'the input cannot tell a 64-bit OS from a 32-bit one, so the .NET registry views are unknown';

/** The registry views of .NET / WinHTTP on this OS with the component each one reports as (a 32-bit OS has one view, reported as "32"). */
export function views(x64: boolean): readonly { readonly view: View; readonly dotnet4: Component; readonly winHttp: Component; readonly label: string }[] {
  const v32 = { view: '32' as const, dotnet4: 'DotNet4_32' as const, winHttp: 'WinHttp32' as const, label: x64 ? 'Wow6432Node' : 'only' };
  return x64 ? [{ view: '64', dotnet4: 'DotNet4', winHttp: 'WinHttp', label: 'native' }, v32] : [v32];
}

/** Compares dotted versions numerically ("15.2.1748.10" > "15.2.1544.4"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Exchange 2019 CU15; Exchange SE RTM is 15.2.2562.17, above it (docs/domain-facts.md 12 item 15). */
export const EXCHANGE_2019_CU15 = '15.2.1748.10';

/**
 * Whether TLS 1.3 is acceptable on this Exchange server per HealthChecker (f88378b1): only on Server 2022 or
 * later (build ≥ 20348) with Exchange 2019 CU15 or later, Exchange SE included (docs/domain-facts.md 7, 10.7 EXCH-004).
 * 'unknown' when the OS qualifies but the Exchange build is not in the input (role given with -Role only).
 */
export function tls13Bar(m: MachineFacts): 'above' | 'below' | 'unknown' {
  if (m.os === null || m.os.build < 20348 || m.os.isServer === false) return 'below';
  const ex = m.products.exchange;
  if (ex === null) return 'unknown';
  return compareVersions(ex.version, EXCHANGE_2019_CU15) >= 0 ? 'above' : 'below';
}

export interface Pair {
  readonly enabled: 0 | 1;
  readonly disabledByDefault: 0 | 1;
}
export const ON: Pair = { enabled: 1, disabledByDefault: 0 };
export const OFF: Pair = { enabled: 0, disabledByDefault: 1 };

/**
 * The one Client+Server state every Exchange fix writes for a version, so that the fixes of different rules
 * never contradict each other: TLS 1.2 on (1/0) [EX-TLS]; TLS 1.3 off (0/1) unless the server is above the
 * TLS 1.3 bar and a role enables it explicitly; TLS 1.0/1.1 off (0/1), the state [EX-TLS] and HealthChecker's
 * hardening recommendation ask for (EXCH-008), so the texts tell the admin to check dependencies first.
 */
export function targetPair(t: HcTls, tls13Allowed: boolean): Pair {
  if (t.protocol === 'TLS 1.2') return ON;
  if (t.protocol === 'TLS 1.3') return tls13Allowed && (t.client.enabled || t.server.enabled) ? ON : OFF;
  return OFF;
}

export const isLegacy = (p: HcProtocol): boolean => p === 'TLS 1.0' || p === 'TLS 1.1';

/** Fix-text suffix for TLS 1.0/1.1 (given as `label`), which the fixes write disabled. */
export const legacyCaveat = (label: string): string =>
  ` (${label} written disabled, as Exchange's TLS guidance recommends: first confirm that nothing still needs it, otherwise write Enabled=1, DisabledByDefault=0 on both roles)`;

export const pairText = (p: Pair): string => `Enabled=${p.enabled}, DisabledByDefault=${p.disabledByDefault}`;

/** Writes the pair to `...\Protocols\<p>\Client` and `\Server` (full HKEY_LOCAL_MACHINE paths). */
export function pairChanges(t: HcTls, pair: Pair): RegChange[] {
  return [t.client, t.server].flatMap((r): RegChange[] => [
    { op: 'set-dword', key: r.key, name: 'Enabled', data: pair.enabled },
    { op: 'set-dword', key: r.key, name: 'DisabledByDefault', data: pair.disabledByDefault },
  ]);
}

export const versionOf = (p: HcProtocol): string => p.replace('TLS ', '');
