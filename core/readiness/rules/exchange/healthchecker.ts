import { netFxKey, schannelProtocolKey, type Role, type View } from '../../paths.js';
import { readDword, type DwordRead, type RegistryIndex } from '../../registry.js';

/**
 * HealthChecker's own reading of the Schannel and .NET 4 values (docs/domain-facts.md section 7 table), kept apart from
 * TLS365's OS-default effective state (schannel-state.ts): the Exchange rules reproduce what HealthChecker
 * reports, which is an Exchange-server simplification [HC-REG]; [HC-AN]; [HC-DOC].
 *
 * Per role: `Enabled` absent counts as true (as false for TLS 1.3), present counts as "≠ 0";
 * `DisabledByDefault` absent counts as false, present counts as "≠ 0". Per version:
 *   Disabled      = Server and Client Enabled false, each with DisabledByDefault true or absent
 *   Half Disabled = Server Enabled false with DisabledByDefault explicitly 0, or Server Enabled true with DisabledByDefault true
 *   Misconfigured = Client and Server differ in Enabled or in DisabledByDefault
 * and the configuration label is the last of Enabled < Disabled < Half Disabled < Misconfigured that holds.
 * A value that is not a REG_DWORD is ignored here (Schannel ignores it too; SCHANNEL-010 reports it).
 */
export const HC_PROTOCOLS = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'] as const;
export type HcProtocol = (typeof HC_PROTOCOLS)[number];
export type HcConfiguration = 'Enabled' | 'Disabled' | 'Half Disabled' | 'Misconfigured';

export interface HcRole {
  readonly role: Role;
  readonly key: string;
  readonly enabledRaw: DwordRead;
  readonly disabledByDefaultRaw: DwordRead;
  readonly enabled: boolean;
  readonly disabledByDefault: boolean;
}

export interface HcTls {
  readonly protocol: HcProtocol;
  readonly client: HcRole;
  readonly server: HcRole;
  /** HealthChecker's `TLSVersionDisabled` flag (used by the ".NET not set" check even when the label says otherwise). */
  readonly disabled: boolean;
  readonly misconfigured: boolean;
  readonly halfDisabled: boolean;
  readonly configuration: HcConfiguration;
}

const dword = (r: DwordRead): number | null => (r.kind === 'dword' ? r.value : null);

function hcRole(reg: RegistryIndex, p: HcProtocol, role: Role): HcRole {
  const key = schannelProtocolKey(p, role);
  const enabledRaw = readDword(reg, key, 'Enabled');
  const disabledByDefaultRaw = readDword(reg, key, 'DisabledByDefault');
  const en = dword(enabledRaw);
  const dbd = dword(disabledByDefaultRaw);
  return { role, key, enabledRaw, disabledByDefaultRaw, enabled: en === null ? p !== 'TLS 1.3' : en !== 0, disabledByDefault: dbd !== null && dbd !== 0 };
}

export function hcTls(reg: RegistryIndex, p: HcProtocol): HcTls {
  const client = hcRole(reg, p, 'Client');
  const server = hcRole(reg, p, 'Server');
  const dbdAbsent = (r: HcRole): boolean => dword(r.disabledByDefaultRaw) === null;
  const disabled = !server.enabled && (server.disabledByDefault || dbdAbsent(server)) && !client.enabled && (client.disabledByDefault || dbdAbsent(client));
  const misconfigured = server.enabled !== client.enabled || server.disabledByDefault !== client.disabledByDefault;
  const halfDisabled = (!server.enabled && !server.disabledByDefault && !dbdAbsent(server)) || (server.enabled && server.disabledByDefault);
  const configuration: HcConfiguration = misconfigured ? 'Misconfigured' : halfDisabled ? 'Half Disabled' : disabled ? 'Disabled' : 'Enabled';
  return { protocol: p, client, server, disabled, misconfigured, halfDisabled, configuration };
}

/** The .NET 4.x values HealthChecker reads in one registry view (`v4.0.30319`). */
export interface HcNetView {
  readonly view: View;
  readonly key: string;
  readonly systemDefaultTlsVersions: DwordRead;
  readonly schUseStrongCrypto: DwordRead;
}

export const NET_VALUES = ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const;
export type NetValue = (typeof NET_VALUES)[number];

export function hcNetView(reg: RegistryIndex, view: View, x64: boolean): HcNetView {
  const key = netFxKey(view, x64, 'v4.0.30319');
  return { view, key, systemDefaultTlsVersions: readDword(reg, key, 'SystemDefaultTlsVersions'), schUseStrongCrypto: readDword(reg, key, 'SchUseStrongCrypto') };
}

export const netValue = (v: HcNetView, name: NetValue): DwordRead => (name === 'SystemDefaultTlsVersions' ? v.systemDefaultTlsVersions : v.schUseStrongCrypto);

/** HealthChecker treats only exactly 1 as "set" for the .NET values [HC-REG]. */
export { isOne } from '../../registry.js';

/** How a raw value reads in a message. */
export function show(r: DwordRead): string {
  if (r.kind === 'absent') return 'absent';
  if (r.kind === 'wrong-type') return `a ${r.type} (not a REG_DWORD)`;
  return r.value > 9 ? `0x${r.value.toString(16).toUpperCase()}` : String(r.value);
}
