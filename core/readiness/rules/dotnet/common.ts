import type { MachineFacts } from '../../facts.js';
import type { Component, Fix, RegChange } from '../../model.js';
import { netFxKey, schannelProtocolKey, type NetFxVersion, type View } from '../../paths.js';
import { readDword, type DwordRead } from '../../registry.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import type { SchannelReading } from '../../schannel-state.js';

/**
 * Shared reading helpers of the .NET Framework rule families (docs/domain-facts.md 4.1, 4.3, 10.5, 10.6). Views follow the
 * "Conventions" of docs/domain-facts.md: "64" is the native view of a 64-bit OS, "32" its Wow6432Node twin; a 32-bit OS
 * has one (native) view, reported as the "32" component.
 */
export type Family = 'v4' | 'v35';

export interface NetView {
  readonly view: View;
  readonly component: Component;
  /** Full path of the view's `.NETFramework\<version>` key. */
  readonly key: string;
  /** Human label of the view, used in messages. */
  readonly label: string;
}

/** Either the views the rule reads, or what the rule returns at once (Unknown, or nothing when not installed). */
export type Prelude =
  | { readonly kind: 'done'; readonly out: readonly RuleOutput[] }
  | { readonly kind: 'views'; readonly views: readonly NetView[]; readonly x64: boolean };

const FAMILY: Record<Family, { readonly version: NetFxVersion; readonly c64: Component; readonly c32: Component; readonly name: string }> = {
  v4: { version: 'v4.0.30319', c64: 'DotNet4', c32: 'DotNet4_32', name: '.NET Framework 4.x' },
  v35: { version: 'v2.0.50727', c64: 'DotNet35', c32: 'DotNet35_32', name: '.NET Framework 3.5' },
};

export const familyComponents = (family: Family): readonly Component[] => [FAMILY[family].c64, FAMILY[family].c32];

export function viewsOf(family: Family, x64: boolean): readonly NetView[] {
  const f = FAMILY[family];
  const mk = (view: View, component: Component, label: string): NetView => ({ view, component, key: netFxKey(view, x64, f.version), label });
  return x64
    ? [mk('64', f.c64, 'native (64-bit) view'), mk('32', f.c32, 'Wow6432Node (32-bit) view')]
    : [mk('32', f.c32, 'only registry view of this 32-bit OS')];
}

/**
 * What every rule of a family checks first. The evaluator already marks the components NotApplicable or
 * Unknown; the rules still never guess: no input -> unknown, not installed -> no finding.
 */
export function prelude(m: MachineFacts, family: Family): Prelude {
  const installed = family === 'v4' ? m.dotnet4.installed : m.dotnet35.installed;
  if (installed === null) return { kind: 'done', out: [unknown(familyComponents(family), 'the input has no .NET Framework keys (NET Framework Setup\\NDP)')] };
  if (!installed) return { kind: 'done', out: [] };
  if (m.x64 === null) return { kind: 'done', out: [unknown(familyComponents(family), 'the input cannot tell a 64-bit OS from a 32-bit one, so the .NET registry views are unknown')] };
  return { kind: 'views', views: viewsOf(family, m.x64), x64: m.x64 };
}

/** A DWORD as the .NET Framework reads it: a value of another type is ignored, i.e. behaves as absent [HC-DOC]. */
export { isOne } from '../../registry.js';
export const isZero = (r: DwordRead): boolean => r.kind === 'dword' && r.value === 0;
export const notSet = (r: DwordRead): boolean => r.kind !== 'dword';

export const read = (m: MachineFacts, key: string, name: string): DwordRead => readDword(m.reg, key, name);

/** "absent", "0", "1", "5 (0x5)", "a REG_SZ (not REG_DWORD)". */
export function describe(r: DwordRead): string {
  if (r.kind === 'absent') return 'absent';
  if (r.kind === 'wrong-type') return `a ${r.type} (not REG_DWORD)`;
  return r.value <= 1 ? String(r.value) : `${r.value} (0x${r.value.toString(16).toUpperCase()})`;
}

/** Comparable form of a raw value (type and data), so that views can be compared value for value. */
export function rawForm(m: MachineFacts, key: string, name: string): string {
  const v = m.reg.value(key, name);
  return v === undefined ? 'absent' : `${v.type}:${JSON.stringify(v.data)}`;
}

export const setOne = (key: string, name: string): RegChange => ({ op: 'set-dword', key, name, data: 1 });

/**
 * NET4-005 and NET35-004: on a 64-bit OS, the family's native and Wow6432Node keys compared value by value
 * (SystemDefaultTlsVersions, then SchUseStrongCrypto; absent is a value of its own). `differ` builds the one
 * finding from the two views and the differences; nothing when they agree, the prelude's Unknown without input.
 */
export function viewDifferences(m: MachineFacts, family: Family, differ: (native: NetView, wow: NetView, diffs: readonly string[]) => RuleOutput): readonly RuleOutput[] {
  const p = prelude(m, family);
  if (p.kind === 'done') return p.out;
  const [native, wow] = p.views;
  if (!p.x64 || native === undefined || wow === undefined) return [];
  const diffs = ['SystemDefaultTlsVersions', 'SchUseStrongCrypto']
    .filter((n) => rawForm(m, native.key, n) !== rawForm(m, wow.key, n))
    .map((n) => `${n} is ${describe(read(m, native.key, n))} natively but ${describe(read(m, wow.key, n))} under Wow6432Node`);
  if (diffs.length === 0) return [];
  return [differ(native, wow, diffs)];
}

// ---------------------------------------------------------------------------------------------------------
// .NET 4.x Release values (docs/domain-facts.md 4.3, [DOTNET-VER]; [DOTNET-INST]; [HC-NET]): "≥ minimum", newest first.

export const RELEASE_45 = 378389;
export const RELEASE_46 = 393295;
export const RELEASE_462 = 394802;

const RELEASES: readonly (readonly [number, string])[] = [
  [533320, '4.8.1'], [528040, '4.8'], [461808, '4.7.2'], [461308, '4.7.1'], [460798, '4.7'], [394802, '4.6.2'],
  [394254, '4.6.1'], [393295, '4.6'], [379893, '4.5.2'], [378675, '4.5.1'], [378389, '4.5'],
];

/** "4.6.2 (Release 394806)"; below 4.5 it is .NET 4.0 only (TLS365 convention, docs/domain-facts.md 4.3). */
export function versionName(release: number): string {
  const hit = RELEASES.find(([min]) => release >= min);
  return `${hit === undefined ? '4.0' : hit[1]} (Release ${release})`;
}

/** The `Release` value as read: the facts give null for both absent and non-DWORD, which rules tell apart. */
export type ReleaseRead = { readonly kind: 'known'; readonly value: number } | { readonly kind: 'absent' } | { readonly kind: 'wrong-type'; readonly type: string };

export function releaseOf(m: MachineFacts, ndpV4FullKey: string): ReleaseRead {
  if (m.dotnet4.release !== null) return { kind: 'known', value: m.dotnet4.release };
  const r = readDword(m.reg, ndpV4FullKey, 'Release');
  return r.kind === 'wrong-type' ? { kind: 'wrong-type', type: r.type } : { kind: 'absent' };
}

// ---------------------------------------------------------------------------------------------------------
// Schannel TLS 1.2 client, as the .NET rules see it (docs/domain-facts.md 3.3; NET4-008, NET35-005).

export const TLS12_CLIENT_KEY = schannelProtocolKey('TLS 1.2', 'Client');

/** Why TLS 1.2 is not usable by default for Schannel clients, as words for a message. */
export function tls12ClientWords(r: SchannelReading): string {
  const vals = `Enabled ${describe(r.enabled)}, DisabledByDefault ${describe(r.disabledByDefault)}`;
  switch (r.state) {
    case 'NotSupported':
      return 'this OS\'s Schannel does not support TLS 1.2';
    case 'Disabled':
      return `${TLS12_CLIENT_KEY} disables the TLS 1.2 client (${vals})`;
    case 'OffByDefault':
      return r.basis === 'default'
        ? `the TLS 1.2 client is off by default on this OS and ${TLS12_CLIENT_KEY} does not switch it on (${vals})`
        : `${TLS12_CLIENT_KEY} leaves the TLS 1.2 client off by default (${vals})`;
    case 'On':
      return `${TLS12_CLIENT_KEY} has the TLS 1.2 client on (${vals})`;
  }
}

/** The Schannel part of NET4-008 / NET35-005 fixes: the SCHANNEL-003 values. */
export const TLS12_CLIENT_ON: readonly RegChange[] = [
  { op: 'set-dword', key: TLS12_CLIENT_KEY, name: 'Enabled', data: 1 },
  { op: 'set-dword', key: TLS12_CLIENT_KEY, name: 'DisabledByDefault', data: 0 },
];

/**
 * The fix (and missing updates) when the TLS 1.2 client is not usable: the SCHANNEL-003 values, or, where
 * Schannel lacks TLS 1.2, KB4019276 (Server 2008 SP2, docs/domain-facts.md 5) or an OS upgrade (TLS365-OS-001).
 * Returns an unknown output when the input cannot tell whether KB4019276 is installed.
 */
export function tls12ClientFix(m: MachineFacts, r: SchannelReading, components: readonly Component[]):
  | { readonly kind: 'fix'; readonly fix: Fix; readonly missingUpdates: readonly string[] }
  | { readonly kind: 'unknown'; readonly out: RuleOutput } {
  if (r.state !== 'NotSupported') {
    return {
      kind: 'fix',
      fix: { text: `Switch the Schannel TLS 1.2 client on: Enabled=1 and DisabledByDefault=0 (DWORD) under ${TLS12_CLIENT_KEY} (as TLS365-SCHANNEL-003), then reboot.`, changes: TLS12_CLIENT_ON, updates: [], restart: 'reboot' },
      missingUpdates: [],
    };
  }
  if (m.os?.osClass === 'ws2008sp2') {
    const kb = m.updates.state('KB4019276');
    if (kb.kind === 'unknown') return { kind: 'unknown', out: unknown(components, 'the input has no hotfix list or CBS packages, so it cannot tell whether KB4019276 (TLS 1.2 for Server 2008 SP2 Schannel) is installed') };
    return {
      kind: 'fix',
      fix: { text: `Install KB4019276 (TLS 1.1/1.2 for Server 2008 SP2), then set Enabled=1 and DisabledByDefault=0 (DWORD) under ${TLS12_CLIENT_KEY} and reboot.`, changes: TLS12_CLIENT_ON, updates: ['KB4019276'], restart: 'reboot' },
      missingUpdates: kb.kind === 'not-detected' ? ['KB4019276'] : [],
    };
  }
  return { kind: 'fix', fix: { text: 'Upgrade the operating system: this Windows version has no TLS 1.2 in Schannel (TLS365-OS-001).', changes: [], updates: [], restart: 'reboot' }, missingUpdates: [] };
}

/** Prerequisites of reading the TLS 1.2 client state: a known OS and a SCHANNEL key in the input. */
export function tls12ClientReading(m: MachineFacts, components: readonly Component[]): { readonly kind: 'reading'; readonly r: SchannelReading } | { readonly kind: 'unknown'; readonly out: RuleOutput } {
  if (m.os === null) return { kind: 'unknown', out: unknown(components, 'the input has no OS build, so the Schannel TLS 1.2 default is unknown') };
  if (!m.coverage.schannel) return { kind: 'unknown', out: unknown(components, 'the input has no SCHANNEL key, which decides whether TLS 1.2 is usable') };
  return { kind: 'reading', r: m.schannel('TLS 1.2', 'Client') };
}

/** Capitalises the first letter of a message. */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * NET4-008 and NET35-005: the Schannel TLS 1.2 client is not usable, so a .NET family cannot negotiate TLS 1.2.
 * The families differ only in who follows the OS default when it is "off by default" (`followsDefault`: 4.x
 * unless SystemDefaultTlsVersions is explicitly 0, 3.5 only when it is 1) and in the words (`tail`).
 */
export function tls12ClientBlocksFamily(
  self: Pick<Rule, 'id' | 'sources'>,
  m: MachineFacts,
  family: Family,
  followsDefault: (sdtv: DwordRead) => boolean,
  tail: (v: NetView, sdtv: DwordRead, offByDefault: boolean) => string,
): readonly RuleOutput[] {
  const p = prelude(m, family);
  if (p.kind === 'done') return p.out;
  const comps = p.views.map((v) => v.component);
  const s = tls12ClientReading(m, comps);
  if (s.kind === 'unknown') return [s.out];
  const r = s.r;
  if (r.state === 'On') return [];
  const fx = tls12ClientFix(m, r, comps);
  if (fx.kind === 'unknown') return [fx.out];
  return p.views.flatMap((v): RuleOutput[] => {
    const sdtv = read(m, v.key, 'SystemDefaultTlsVersions');
    const offByDefault = r.state === 'OffByDefault';
    if (offByDefault && !followsDefault(sdtv)) return [];
    return [finding(self, 'Fail', [v.component], sentence(`${tls12ClientWords(r)}, ${tail(v, sdtv, offByDefault)}`), fx.fix, fx.missingUpdates)];
  });
}
