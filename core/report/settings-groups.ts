import type { ReportMachine } from './model.js';

/**
 * Fleet drift (issue 16, item 3): machines grouped by identical TLS settings (TlsSettings, core/readiness/settings.ts:
 * the Schannel protocols in effect per role, then the raw Schannel, .NET, WinHTTP and WinINet values), largest group
 * first, and for the groups side by side the settings in which they differ, the way Exchange's HealthChecker
 * compares servers [HC-EP]: "118 machines in group A, 2 in group B: TLS 1.1\Server Enabled 1 (A: absent)".
 * TLS365-EXCH-009 is the same comparison over Exchange servers and HealthChecker's subset of the values.
 * Machines whose object carries no settings (older objects) are counted apart, not grouped. Pure.
 */
export interface SettingsGroup {
  /** A, B, C, ... by size, largest first (ties by first machine name). */
  readonly label: string;
  /** Computer names, in input order. */
  readonly machines: readonly string[];
  /** label -> value, for every setting this group's machines carry. */
  readonly values: ReadonlyMap<string, string>;
}

export interface SettingsGroups {
  readonly groups: readonly SettingsGroup[];
  /** Setting labels whose value is not the same in every group (a group without the setting counts as different), in input order. */
  readonly differing: readonly string[];
  /** Machines with no settings in their object. */
  readonly ungrouped: number;
}

const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `${letters(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`);

function split(entry: string): readonly [string, string] {
  const at = entry.indexOf('=');
  return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
}

export function settingsGroups(machines: readonly ReportMachine[]): SettingsGroups {
  const byKey = new Map<string, { machines: string[]; settings: readonly string[] }>();
  let ungrouped = 0;
  for (const m of machines) {
    if (m.settings.length === 0) { ungrouped += 1; continue; }
    const key = m.settings.join('\n');
    const g = byKey.get(key) ?? { machines: [], settings: m.settings };
    g.machines.push(m.computerName);
    byKey.set(key, g);
  }
  const ordered = [...byKey.values()].sort((a, b) => b.machines.length - a.machines.length || (a.machines[0] ?? '').localeCompare(b.machines[0] ?? '', 'en'));
  const groups: SettingsGroup[] = ordered.map((g, i) => ({ label: letters(i), machines: g.machines, values: new Map(g.settings.map(split)) }));
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const g of ordered) for (const s of g.settings) { const [label] = split(s); if (!seen.has(label)) { seen.add(label); labels.push(label); } }
  const differing = groups.length <= 1 ? [] : labels.filter((l) => new Set(groups.map((g) => g.values.get(l) ?? '\u0000')).size > 1);
  return { groups, differing, ungrouped };
}

/** How a group differs from the largest: "TLS 1.1\Server Enabled 1 (A: absent)". */
export function differenceFromFirst(all: SettingsGroups, g: SettingsGroup): readonly string[] {
  const first = all.groups[0];
  if (first === undefined || first === g) return [];
  return all.differing
    .filter((l) => g.values.get(l) !== first.values.get(l))
    .map((l) => `${l} ${g.values.get(l) ?? 'not read'} (${first.label}: ${first.values.get(l) ?? 'not read'})`);
}
