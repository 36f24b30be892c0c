import { readOs, type OsFacts } from './os.js';
import {
  AADC_KEY, ACTIVE_COMPUTER_NAME_KEY, COMPUTER_NAME_KEY, ENVIRONMENT_KEY, EXCHANGE_2010_SETUP_KEY, EXCHANGE_EDGE_KEY, EXCHANGE_SETUP_KEY,
  HKCU, HKLM, INTERNET_SETTINGS, NDP_KEY, NDP_V35_KEY, NDP_V4_FULL_KEY, REBOOT_MARKERS, SCHANNEL_KEY, SMS_CLIENT_KEY, WOW_ROOT, softwareKey,
  type RebootMarker, type View,
} from './paths.js';
import { indexRegistry, readDword, readString, type RegistryIndex } from './registry.js';
import { schannelState, type SchannelReading } from './schannel-state.js';
import type { MachineSnapshot } from './snapshot.js';
import { readUpdates, type UpdateFacts } from './updates.js';
import type { Role, SchannelProtocol } from './paths.js';

/**
 * Everything the rules know about one machine, derived once from its snapshot. Rules read facts and the
 * registry index; they never parse anything themselves.
 */
export interface MachineFacts {
  readonly snapshot: MachineSnapshot;
  readonly reg: RegistryIndex;
  readonly computerName: string | null;
  /** null: no usable Windows NT\CurrentVersion in the input, so per-OS defaults are unknown. */
  readonly os: OsFacts | null;
  /** null: the input cannot tell (no Wow6432Node, no PROCESSOR_ARCHITECTURE, no HKLM\SOFTWARE at all). */
  readonly x64: boolean | null;
  readonly coverage: Coverage;
  /** '' or the keys the collector could not read, appended to every Unknown reason. */
  readonly unreadableNote: string;
  readonly updates: UpdateFacts;
  readonly dotnet4: { readonly installed: boolean | null; readonly release: number | null };
  readonly dotnet35: { readonly installed: boolean | null };
  readonly products: Products;
  /** The pending-restart markers (paths.ts REBOOT_MARKERS), each present, absent or not in the input. */
  readonly reboot: readonly RebootReading[];
  /** Effective Schannel state; requires os !== null. */
  readonly schannel: (p: SchannelProtocol, role: Role) => SchannelReading;
}

export interface Coverage {
  readonly os: boolean;
  readonly schannel: boolean;
  readonly winHttp: (view: View) => boolean;
  readonly winInet: boolean;
  readonly dotnet: boolean;
  readonly updates: boolean;
}

/**
 * One pending-restart marker: `present` when the input holds the key; `absent` only when the input shows it would
 * hold it (a collector that read it: its path or an ancestor in `covered`; an image that lists the marker's parent
 * itself); `unknown` otherwise (older snapshots, narrower images, a refused read), which must never read as "not pending".
 */
export interface RebootReading {
  readonly marker: RebootMarker;
  readonly state: 'present' | 'absent' | 'unknown';
}

export interface Products {
  /** Exchange build (e.g. 15.2.1544.4), null when not detected. */
  readonly exchange: { readonly version: string; readonly edge: boolean } | null;
  readonly configMgrClient: boolean;
  readonly azureAdConnect: boolean;
}

/** A key the collector could not read at, above or below `root`: that root's inputs are unknown. */
function blockedBy(snapshot: MachineSnapshot): (root: string) => boolean {
  const refused = (snapshot.unreadable ?? []).map((u) => u.path.toUpperCase());
  return (root) => {
    const r = root.toUpperCase();
    return refused.some((p) => p === r || p.startsWith(`${r}\\`) || r.startsWith(`${p}\\`));
  };
}

/** `root` is at or below a root the collector read in full. */
const inCovered = (roots: readonly string[], root: string): boolean => {
  const r = root.toUpperCase();
  return roots.some((c) => { const u = c.toUpperCase(); return r === u || r.startsWith(`${u}\\`); });
};

/**
 * Coverage rule for images (covered === null): a component's inputs are known when the image holds the
 * component's root key or anything below it; a key that exists on every Windows installation (SCHANNEL,
 * Internet Settings, NDP) is the root. For collected snapshots, the collector's list of roots it read decides.
 */
function coverageOf(snapshot: MachineSnapshot, reg: RegistryIndex, x64: boolean | null): Coverage {
  const roots = snapshot.covered;
  const blocked = blockedBy(snapshot);
  const under = (root: string): boolean => {
    if (blocked(root)) return false;
    if (roots !== null) return inCovered(roots, root) || reg.hasKey(root);
    return reg.hasKey(root);
  };
  const allOf = (rootsOfComponent: readonly string[]): boolean => !rootsOfComponent.some(blocked) && rootsOfComponent.some(under);
  return {
    os: readOs(reg) !== null,
    schannel: under(SCHANNEL_KEY),
    winHttp: (view) => x64 !== null && under(softwareKey(view, x64, INTERNET_SETTINGS)),
    // Several roots feed one component: any of them refused makes it unknown, whatever the others hold.
    winInet: allOf([`${HKLM}\\SOFTWARE\\${INTERNET_SETTINGS}`, `${HKCU}\\SOFTWARE\\${INTERNET_SETTINGS}`, `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`]),
    dotnet: allOf([NDP_KEY, `${HKLM}\\SOFTWARE\\Microsoft\\.NETFramework`]),
    updates: snapshot.hotfixes !== null || under(`${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages`),
  };
}

/**
 * The pending-restart markers (docs/domain-facts.md 5.1): a marker key in the input is a pending restart whatever
 * else it says; its absence counts only where the input shows it would hold the key (see RebootReading).
 */
function rebootOf(snapshot: MachineSnapshot, reg: RegistryIndex): RebootReading[] {
  const blocked = blockedBy(snapshot);
  return REBOOT_MARKERS.map((marker) => {
    if (reg.hasKey(marker.key)) return { marker, state: 'present' };
    if (blocked(marker.key)) return { marker, state: 'unknown' };
    const known = snapshot.covered !== null ? inCovered(snapshot.covered, marker.key) : reg.listed(marker.parent);
    return { marker, state: known ? 'absent' : 'unknown' };
  });
}

/** '' or "; the collector could not read: <path> (<error>), ..." for every Unknown reason of this machine. */
function unreadableNote(snapshot: MachineSnapshot): string {
  const list = snapshot.unreadable ?? [];
  if (list.length === 0) return '';
  return `; the collector could not read: ${list.map((u) => (u.error === '' ? u.path : `${u.path} (${u.error})`)).join('; ')}`;
}

function architectureOf(snapshot: MachineSnapshot, reg: RegistryIndex): boolean | null {
  if (snapshot.architecture !== null) return snapshot.architecture !== 'x86';
  const env = readString(reg, ENVIRONMENT_KEY, 'PROCESSOR_ARCHITECTURE');
  if (env !== undefined) return !/^x86$/i.test(env.trim());
  if (reg.hasKey(WOW_ROOT)) return true;
  // A 64-bit Windows has a Wow6432Node twin of both Internet Settings and .NETFramework. An image that holds
  // both natively but no Wow6432Node at all is a broad export of a 32-bit OS; anything narrower cannot tell.
  const broad = reg.hasKey(`${HKLM}\\SOFTWARE\\${INTERNET_SETTINGS}`) && (reg.hasKey(`${HKLM}\\SOFTWARE\\Microsoft\\.NETFramework`) || reg.hasKey(NDP_KEY));
  return broad ? false : null;
}

function nameOf(reg: RegistryIndex): string | null {
  for (const key of [ACTIVE_COMPUTER_NAME_KEY, COMPUTER_NAME_KEY]) {
    const v = readString(reg, key, 'ComputerName');
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return null;
}

function productsOf(reg: RegistryIndex): Products {
  let exchange: Products['exchange'] = null;
  for (const key of [EXCHANGE_SETUP_KEY, EXCHANGE_2010_SETUP_KEY]) {
    const parts = ['MsiProductMajor', 'MsiProductMinor', 'MsiBuildMajor', 'MsiBuildMinor'].map((n) => readDword(reg, key, n));
    if (parts.every((p) => p.kind === 'dword')) {
      exchange = { version: parts.map((p) => (p.kind === 'dword' ? p.value : 0)).join('.'), edge: reg.hasKey(EXCHANGE_EDGE_KEY) };
      break;
    }
  }
  return {
    exchange,
    configMgrClient: readString(reg, SMS_CLIENT_KEY, 'ProductVersion') !== undefined,
    azureAdConnect: reg.hasKey(AADC_KEY),
  };
}

export function machineFacts(snapshot: MachineSnapshot): MachineFacts {
  const reg = indexRegistry(snapshot.registry);
  const os = readOs(reg);
  const x64 = architectureOf(snapshot, reg);
  const updates = readUpdates(reg, snapshot.hotfixes, snapshot.fileVersions, os?.build ?? null);
  const coverage = coverageOf(snapshot, reg, x64);
  const release = readDword(reg, NDP_V4_FULL_KEY, 'Release');
  const dotnetCovered = coverage.dotnet;
  const v35 = readDword(reg, NDP_V35_KEY, 'Install');
  const kb4019276 = updates.state('KB4019276').kind === 'detected';
  // Many rules ask for the same few protocol/role states: read each once per machine.
  const states = new Map<string, SchannelReading>();
  return {
    snapshot,
    reg,
    computerName: snapshot.computerName ?? nameOf(reg),
    os,
    x64,
    coverage,
    unreadableNote: unreadableNote(snapshot),
    updates,
    dotnet4: { installed: dotnetCovered ? reg.hasKey(NDP_V4_FULL_KEY) : null, release: release.kind === 'dword' ? release.value : null },
    dotnet35: { installed: dotnetCovered ? v35.kind === 'dword' && v35.value === 1 : null },
    products: productsOf(reg),
    reboot: rebootOf(snapshot, reg),
    schannel: (p, role) => {
      if (os === null) throw new Error('schannel() needs a known OS: check facts.os first');
      const id = `${p}|${role}`;
      let reading = states.get(id);
      if (reading === undefined) {
        reading = schannelState(reg, os, p, role, kb4019276);
        states.set(id, reading);
      }
      return reading;
    },
  };
}
