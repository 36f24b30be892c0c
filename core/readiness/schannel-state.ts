import type { OsFacts } from './os.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from './paths.js';
import { readDword, type DwordRead, type RegistryIndex } from './registry.js';

/**
 * The effective state of a Schannel protocol for one role (docs/domain-facts.md 3.3), used by every rule that asks
 * "will TLS 1.2 be negotiated". Per-OS defaults from docs/domain-facts.md 3.2 [PROTOCOLS]; [DOTNET-TLS]; [WIN-DEPR].
 */
export type SchannelState = 'NotSupported' | 'Disabled' | 'OffByDefault' | 'On';

/** What the state rests on: explicit values, or the OS default (which rules such as SCHANNEL-008 treat differently). */
export interface SchannelReading {
  readonly state: SchannelState;
  readonly basis: 'values' | 'default' | 'not-supported';
  readonly enabled: DwordRead;
  readonly disabledByDefault: DwordRead;
}

export type SchannelDefault = 'On' | 'Off' | 'n/s';

/** Table 3.2: [client, server] default when both values are absent. */
export function osDefault(p: SchannelProtocol, role: Role, os: OsFacts, kb4019276: boolean): SchannelDefault {
  const b = os.build;
  const pick = (client: SchannelDefault, server: SchannelDefault): SchannelDefault => (role === 'Client' ? client : server);
  switch (p) {
    case 'SSL 2.0':
      if (b >= 14393) return 'n/s';
      if (b >= 9200) return 'Off';
      return pick('Off', 'On');
    case 'SSL 3.0':
      return b >= 14393 ? 'Off' : 'On';
    case 'TLS 1.0':
      return 'On';
    case 'TLS 1.1':
    case 'TLS 1.2':
      if (b < 6002) return 'n/s';
      if (b === 6002 || b === 6003) {
        if (os.isServer === false) return 'n/s'; // Vista
        return kb4019276 ? 'Off' : 'n/s';
      }
      if (b < 9200) return 'Off';
      return 'On';
    case 'TLS 1.3':
      return os.tls13Capable ? 'On' : 'n/s';
  }
}

/**
 * Builds where TLS 1.1/1.2 are off by default and stay off until DisabledByDefault=0 is written, even with
 * Enabled=1 (Windows Server 2008 SP2 / Vista SP2 and Windows 7 / 2008 R2; docs/domain-facts.md 3.2, 3.3 step 4). The one
 * home of this fact: SCHANNEL-001 and the default table read it here.
 */
export const TLS12_OFF_BY_DEFAULT_BUILDS: ReadonlySet<number> = new Set([6002, 6003, 7600, 7601]);

export function schannelState(reg: RegistryIndex, os: OsFacts, p: SchannelProtocol, role: Role, kb4019276: boolean): SchannelReading {
  const key = schannelProtocolKey(p, role);
  const enabled = readDword(reg, key, 'Enabled');
  const disabledByDefault = readDword(reg, key, 'DisabledByDefault');
  const def = osDefault(p, role, os, kb4019276);
  const mk = (state: SchannelState, basis: SchannelReading['basis']): SchannelReading => ({ state, basis, enabled, disabledByDefault });
  if (def === 'n/s') return mk('NotSupported', 'not-supported');
  // Values of another type than REG_DWORD are reported by SCHANNEL-010 and otherwise ignored here.
  const en = enabled.kind === 'dword' ? enabled.value : null;
  const dbd = disabledByDefault.kind === 'dword' ? disabledByDefault.value : null;
  if (en === 0) return mk('Disabled', 'values');
  if (dbd !== null && dbd !== 0) return mk('OffByDefault', 'values');
  if (dbd === 0) return mk('On', 'values');
  if (en !== null) {
    if ((p === 'TLS 1.1' || p === 'TLS 1.2') && TLS12_OFF_BY_DEFAULT_BUILDS.has(os.build)) return mk('OffByDefault', 'values');
    return mk('On', 'values');
  }
  return mk(def === 'On' ? 'On' : 'OffByDefault', 'default');
}
