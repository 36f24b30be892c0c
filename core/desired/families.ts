import type { Component } from '../readiness/model.js';
import { schannelProtocolKey, softwareKey, WININET_KEYS, winHttpKey, type Role, type SchannelProtocol } from '../readiness/paths.js';
import { viewsOf } from '../readiness/rules/dotnet/common.js';
import { BIT, composeMask, legacyBits, legacyConsent } from '../plan/intent.js';
import { WININET_ASSUMED_DEFAULT } from '../plan/targets/masks.js';
import type { PlanSettings } from '../plan/model.js';
import type { DesiredState } from './model.js';

/**
 * A desired state as fixed values per OS family, for the channels that cannot decide on the machine (issue 15,
 * item 2): a `.reg` file (one per family and architecture) and the Group Policy Preferences registry items
 * (one set per family, targeted by item-level targeting). A family is a run of builds for which every value
 * of the state is the same; what the scripts compute from a machine's own values is fixed here as follows:
 *
 * - Schannel: TLS 1.2 Client and Server written on (1/0), as Microsoft's guides write it; TLS 1.3 on where
 *   asked for and the family has it; TLS 1.0/1.1 off (disableLegacy) or on (allowLegacy), else not written;
 *   SSL 2.0/3.0 written off in every file (the scripts turn them off only where on: a file cannot know).
 * - WinHTTP DefaultSecureProtocols in every view of the family's architecture (never Wow6432Node on x86), and
 *   the machine-wide WinINet policy SecureProtocols: TLS 1.2, TLS 1.3 where asked for and supported by WinHTTP,
 *   and the TLS 1.0/1.1 bits of the family's own default unless disableLegacy/allowLegacy decide. A file cannot
 *   keep each machine's own TLS 1.0/1.1 choice: `fixedLegacy` says so, and the renderers write it in headers.
 * - .NET: SystemDefaultTlsVersions and SchUseStrongCrypto = 1 for v4.0.30319 and v2.0.50727 in every view, as
 *   Microsoft's sample .reg does (creating the v2.0.50727 key does not install or detect .NET 3.5).
 *
 * Families are the planner's per-OS facts: the WinHTTP default (core/readiness/rules/winhttp/common.ts), TLS 1.3
 * support (core/readiness/os.ts) and the architecture.
 */
export interface FamilyValue {
  readonly key: string;
  readonly name: string;
  readonly data: number;
  readonly owner: Component;
}

export interface OsFamily {
  readonly id: string;
  readonly label: string;
  /** The builds (CurrentBuildNumber) of the family. */
  readonly builds: readonly number[];
  /** Whether the family is only servers (true), only clients (false), or both (null). */
  readonly server: boolean | null;
  readonly x64: boolean;
  /** What a machine of the family needs first, or null. */
  readonly prerequisite: string | null;
  readonly tls13: boolean;
  /** WinHTTP's default mask on the family, and the WinINet default TLS365 assumes (docs/domain-facts.md 1.4, 2). */
  readonly winHttpDefault: number;
  readonly winInetDefault: number;
}

const WIN10_BUILDS = [10240, 10586, 14393, 15063, 16299, 17134, 17763, 18362, 18363, 19041, 19042, 19043, 19044, 19045];

function family(id: string, label: string, builds: readonly number[], server: boolean | null, prerequisite: string | null, tls13: boolean, winHttpDefault: number, winInetDefault: number): OsFamily[] {
  const both = builds.every((b) => b < 20348) && server !== true;
  const x86 = both || id === 'ws2008sp2';
  return [
    { id: `${id}-x64`, label: `${label}, 64-bit`, builds, server, x64: true, prerequisite, tls13, winHttpDefault, winInetDefault },
    ...(x86 ? [{ id: `${id}-x86`, label: `${label}, 32-bit`, builds, server, x64: false, prerequisite, tls13, winHttpDefault, winInetDefault }] : []),
  ];
}

const TLS10_11_12 = BIT.Tls10 | BIT.Tls11 | BIT.Tls12;

/** The families, oldest first. Windows 7 RTM (7600) and Vista are not in any: they need Service Pack 1 / an upgrade first. */
export const OS_FAMILIES: readonly OsFamily[] = [
  ...family('ws2008sp2', 'Windows Server 2008 SP2 (build 6002/6003)', [6002, 6003], true, 'KB4019276 (TLS 1.1/1.2 in Schannel) and, for WinHTTP, the update TLS365-WINHTTP-011 names', false, 0xa0, WININET_ASSUMED_DEFAULT),
  ...family('win7', 'Windows 7 SP1 / Server 2008 R2 SP1 (build 7601)', [7601], null, 'KB3140245 (WinHTTP reads DefaultSecureProtocols only with it)', false, 0xa0, WININET_ASSUMED_DEFAULT),
  ...family('win8', 'Windows 8 / Server 2012 (build 9200)', [9200], null, 'KB3140245 (WinHTTP reads DefaultSecureProtocols only with it)', false, 0xa0, WININET_ASSUMED_DEFAULT),
  ...family('win81', 'Windows 8.1 / Server 2012 R2 (build 9600)', [9600], null, null, false, 0xaa0, TLS10_11_12),
  ...family('win10', 'Windows 10 / Server 2016 and 2019 (builds 10240-19045)', WIN10_BUILDS, null, null, false, 0xaa0, TLS10_11_12),
  ...family('ws2022', 'Windows Server 2022 and 2025 (builds 20348, 26100)', [20348, 26100], true, null, true, 0xaa0, TLS10_11_12),
  ...family('win11', 'Windows 11 (builds 22000 and later)', [22000, 22621, 22631, 26100], false, null, true, BIT.Tls12 | BIT.Tls13, TLS10_11_12),
];

/** The family of a machine (build, edition, architecture), or null when none fits. */
export function familyOf(build: number, server: boolean | null, x64: boolean): OsFamily | null {
  return OS_FAMILIES.find((f) => f.x64 === x64 && f.builds.includes(build) && (f.server === null || server === null || f.server === server)
    && !(build === 26100 && server === null)) ?? null;
}

/** True when the state leaves TLS 1.0/1.1 to each machine, which fixed values cannot do for the masks. */
export const fixedLegacy = (state: DesiredState): boolean => !state.disableLegacy && !state.allowLegacy;

const ROLES: readonly Role[] = ['Client', 'Server'];
const owner = (role: Role): Component => (role === 'Client' ? 'SChannelClient' : 'SChannelServer');

/** Every value the state fixes on the family, in the order the planner writes (protocols on, masks, .NET, protocols off). */
export function familyValues(f: OsFamily, state: DesiredState): FamilyValue[] {
  const settings: PlanSettings = { protocols: state.protocols, disableLegacy: state.disableLegacy, allowLegacy: state.allowLegacy, components: state.components, roles: [] };
  const out: FamilyValue[] = [];
  const pair = (p: SchannelProtocol, on: boolean): void => {
    for (const role of ROLES) {
      out.push({ key: schannelProtocolKey(p, role), name: 'Enabled', data: on ? 1 : 0, owner: owner(role) });
      out.push({ key: schannelProtocolKey(p, role), name: 'DisabledByDefault', data: on ? 0 : 1, owner: owner(role) });
    }
  };
  const tls13 = state.protocols.includes('Tls13') && f.tls13;
  pair('TLS 1.2', true);
  if (tls13) pair('TLS 1.3', true);
  if (state.allowLegacy) { pair('TLS 1.0', true); pair('TLS 1.1', true); }

  const consent = legacyConsent(settings);
  const dsp = composeMask(legacyBits(settings, f.winHttpDefault, consent), tls13 || (f.winHttpDefault & BIT.Tls13) !== 0);
  const views = f.x64 ? (['64', '32'] as const) : (['32'] as const);
  for (const v of views) out.push({ key: winHttpKey(v, f.x64), name: 'DefaultSecureProtocols', data: dsp, owner: v === '64' ? 'WinHttp' : 'WinHttp32' });
  const policy = WININET_KEYS[0]?.key ?? softwareKey('64', true, 'Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings');
  out.push({ key: policy, name: 'SecureProtocols', data: composeMask(legacyBits(settings, f.winInetDefault, consent), false), owner: 'WinInet' });
  for (const fam of ['v4', 'v35'] as const) {
    for (const v of viewsOf(fam, f.x64)) {
      for (const name of ['SystemDefaultTlsVersions', 'SchUseStrongCrypto']) out.push({ key: v.key, name, data: 1, owner: v.component });
    }
  }
  if (state.disableLegacy) { pair('TLS 1.1', false); pair('TLS 1.0', false); }
  pair('SSL 3.0', false);
  pair('SSL 2.0', false);
  return out.filter((v) => state.components.includes(v.owner));
}
