import type { MachineFacts } from './facts.js';
import type { Component } from './model.js';
import { netFxKey, schannelProtocolKey, winHttpKey, WININET_KEYS, type NetFxVersion, type Role, type SchannelProtocol, type View } from './paths.js';
import { readDword, type DwordRead } from './registry.js';

/**
 * A machine's TLS settings (issue 16, item 3), so that machines with the same settings group together and a group
 * differs from another in named values: first the Schannel protocols each role has in effect (OS defaults applied),
 * then the registry values that decide what each component offers, raw (`absent` is a value of its own, as
 * HealthChecker compares them [HC-EP]):
 * - Schannel `Enabled` and `DisabledByDefault` of SSL 2.0 to TLS 1.3, client and server;
 * - .NET `SystemDefaultTlsVersions` and `SchUseStrongCrypto` of v4.0.30319 and v2.0.50727, in each registry view;
 * - WinHTTP `DefaultSecureProtocols` in each view; WinINet `SecureProtocols` in each of its four locations.
 * Settings the snapshot could not read (no SCHANNEL or .NET keys collected, unknown architecture) are left out:
 * unknown is not different. Pure; the labels are stable (the report and TLS365-EXCH-009 compare them).
 */
export interface TlsSetting {
  readonly label: string;
  readonly component: Component;
  readonly value: string;
}

export const SETTING_PROTOCOLS: readonly SchannelProtocol[] = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];
const NET_VERSIONS: readonly NetFxVersion[] = ['v4.0.30319', 'v2.0.50727'];
const NET_VALUE_NAMES = ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const;

/** A raw DWORD as compared and shown: absent, a wrong type, or the number (hex above 9). */
export function showDword(r: DwordRead): string {
  if (r.kind === 'absent') return 'absent';
  if (r.kind === 'wrong-type') return `a ${r.type} (not a REG_DWORD)`;
  return r.value > 9 ? `0x${r.value.toString(16).toUpperCase()}` : String(r.value);
}

/** The registry views of a machine, labelled as HealthChecker and the EXCH rules label them. */
export function settingViews(x64: boolean): readonly { readonly view: View; readonly label: string; readonly dotnet4: Component; readonly dotnet35: Component; readonly winHttp: Component }[] {
  const v32 = { view: '32' as const, label: x64 ? 'Wow6432Node' : 'only', dotnet4: 'DotNet4_32' as const, dotnet35: 'DotNet35_32' as const, winHttp: 'WinHttp32' as const };
  return x64 ? [{ view: '64', label: 'native', dotnet4: 'DotNet4', dotnet35: 'DotNet35', winHttp: 'WinHttp' }, v32] : [v32];
}

export function schannelSettingLabel(p: SchannelProtocol, role: Role, name: 'Enabled' | 'DisabledByDefault'): string {
  return `${p}\\${role} ${name}`;
}

export function netSettingLabel(version: NetFxVersion, viewLabel: string, name: string): string {
  return `.NET ${version} (${viewLabel}) ${name}`;
}

export function tlsSettings(m: MachineFacts): readonly TlsSetting[] {
  const out: TlsSetting[] = [];
  // First what is in effect: the Schannel protocols each role offers, OS defaults applied (schannel-state.ts).
  if (m.coverage.schannel && m.os !== null) {
    for (const role of ['Client', 'Server'] as const) {
      const on = SETTING_PROTOCOLS.filter((p) => m.schannel(p, role).state === 'On');
      out.push({ label: `Schannel ${role.toLowerCase()} protocols in effect`, component: role === 'Client' ? 'SChannelClient' : 'SChannelServer', value: on.length === 0 ? 'none' : on.join(', ') });
    }
  }
  if (m.coverage.schannel) {
    for (const p of SETTING_PROTOCOLS) {
      for (const role of ['Client', 'Server'] as const) {
        const component: Component = role === 'Client' ? 'SChannelClient' : 'SChannelServer';
        const key = schannelProtocolKey(p, role);
        for (const name of ['Enabled', 'DisabledByDefault'] as const) out.push({ label: schannelSettingLabel(p, role, name), component, value: showDword(readDword(m.reg, key, name)) });
      }
    }
  }
  if (m.x64 === null) return out;
  const views = settingViews(m.x64);
  if (m.coverage.dotnet) {
    for (const version of NET_VERSIONS) {
      for (const v of views) {
        const key = netFxKey(v.view, m.x64, version);
        const component = version === 'v4.0.30319' ? v.dotnet4 : v.dotnet35;
        for (const name of NET_VALUE_NAMES) out.push({ label: netSettingLabel(version, v.label, name), component, value: showDword(readDword(m.reg, key, name)) });
      }
    }
  }
  for (const v of views) {
    if (!m.coverage.winHttp(v.view)) continue;
    out.push({ label: `WinHTTP (${v.label}) DefaultSecureProtocols`, component: v.winHttp, value: showDword(readDword(m.reg, winHttpKey(v.view, m.x64), 'DefaultSecureProtocols')) });
  }
  if (!m.coverage.winInet) return out;
  for (const w of WININET_KEYS) {
    out.push({ label: `WinINet (${w.label}) SecureProtocols`, component: 'WinInet', value: showDword(readDword(m.reg, w.key, 'SecureProtocols')) });
  }
  return out;
}
