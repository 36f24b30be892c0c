import { effectiveCrypto, originText } from '../endpoints/effective.js';
import type { MachineFacts } from './facts.js';
import type { Component } from './model.js';
import { netFxKey, schannelProtocolKey, winHttpKey, WININET_KEYS, type NetFxVersion, type Role, type SchannelProtocol } from './paths.js';
import { readDword } from './registry.js';
import { views } from './rules/exchange/common.js';
import { show } from './rules/exchange/healthchecker.js';

/**
 * A machine's TLS settings (issue 16, item 3), so that machines with the same settings group together and a group
 * differs from another in named values: first the Schannel protocols each role has in effect (OS defaults applied)
 * and the client cipher suites and curves in effect (issue 16, item 1),
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
    // The client suites and curves in effect (core/endpoints/effective.ts): an untouched OS default list is named by its
    // build family (the same family, the same list); anything else is the list itself, in order.
    const crypto = effectiveCrypto(m);
    if (crypto.kind === 'ok') {
      const s = crypto.value.suites;
      const untouched = s.origin === 'default' && s.removed.length === 0 && s.needUpdate.length === 0;
      out.push({ label: 'Schannel client cipher suites in effect', component: 'SChannelClient', value: untouched ? `OS default of ${crypto.value.os.family}` : `${originText(s.origin)}: ${s.list.length === 0 ? 'none' : s.list.map((x) => x.name).join(', ')}` });
      const c = crypto.value.curves;
      out.push({ label: 'Schannel client curves in effect', component: 'SChannelClient', value: `${c.list.length === 0 ? 'none' : c.list.join(', ')} (${originText(c.origin)})` });
    }
  }
  if (m.coverage.schannel) {
    for (const p of SETTING_PROTOCOLS) {
      for (const role of ['Client', 'Server'] as const) {
        const component: Component = role === 'Client' ? 'SChannelClient' : 'SChannelServer';
        const key = schannelProtocolKey(p, role);
        for (const name of ['Enabled', 'DisabledByDefault'] as const) out.push({ label: schannelSettingLabel(p, role, name), component, value: show(readDword(m.reg, key, name)) });
      }
    }
  }
  if (m.x64 === null) return out;
  const viewList = views(m.x64);
  if (m.coverage.dotnet) {
    for (const version of NET_VERSIONS) {
      for (const v of viewList) {
        const key = netFxKey(v.view, m.x64, version);
        const component: Component = version === 'v4.0.30319' ? v.dotnet4 : v.view === '64' ? 'DotNet35' : 'DotNet35_32';
        for (const name of NET_VALUE_NAMES) out.push({ label: netSettingLabel(version, v.label, name), component, value: show(readDword(m.reg, key, name)) });
      }
    }
  }
  for (const v of viewList) {
    if (!m.coverage.winHttp(v.view)) continue;
    out.push({ label: `WinHTTP (${v.label}) DefaultSecureProtocols`, component: v.winHttp, value: show(readDword(m.reg, winHttpKey(v.view, m.x64), 'DefaultSecureProtocols')) });
  }
  if (!m.coverage.winInet) return out;
  for (const w of WININET_KEYS) {
    out.push({ label: `WinINet (${w.label}) SecureProtocols`, component: 'WinInet', value: show(readDword(m.reg, w.key, 'SecureProtocols')) });
  }
  return out;
}
