import { COMPONENTS } from '../readiness/model.js';
import type { MachineVerdict, ReportFailure, ReportMachine } from './model.js';

/**
 * The numbers at the top of the fleet report. Pure counting; the renderer only lays them out, and the
 * Chromium test checks the rendered numbers against these.
 *
 * A machine's verdict: Ready when Get-Tls365Readiness said Ready; NotReady when any component is NotReady;
 * otherwise Unknown (some component could not be decided from the data, and nothing is known to be wrong).
 */
export function machineVerdict(m: ReportMachine): MachineVerdict {
  if (m.ready) return 'Ready';
  return m.components.some((c) => c.status === 'NotReady') ? 'NotReady' : 'Unknown';
}

export interface VerdictCounts { total: number; Ready: number; NotReady: number; Unknown: number }

export interface ComponentCounts {
  readonly name: string;
  Ready: number;
  NotReady: number;
  Unknown: number;
  NotApplicable: number;
  /** Machines with no result at all (unreachable or failed): nothing is known about this component there. */
  NotCollected: number;
}

export interface OsCounts extends VerdictCounts { readonly name: string; Unreachable: number; Failed: number }

export interface FindingGroup {
  readonly ruleId: string;
  readonly severity: string;
  readonly components: readonly string[];
  /** Computer names, in input order, each once. */
  readonly machines: readonly string[];
  /** The first machine's message and fix: rules word them the same way across machines, values can differ. */
  readonly message: string;
  readonly fixText: string | null;
}

export interface ReportSummary {
  readonly machines: VerdictCounts & { Unreachable: number; Failed: number };
  readonly components: readonly ComponentCounts[];
  readonly os: readonly OsCounts[];
  readonly findings: readonly FindingGroup[];
  /** KB id -> machines missing it, most common first. */
  readonly missingUpdates: readonly { readonly kb: string; readonly machines: number }[];
}

const SEVERITY_ORDER: Readonly<Record<string, number>> = { Fail: 0, Warn: 1, Info: 2 };
export const NO_OS = '(not collected)';

function byCountThenName<T>(count: (x: T) => number, name: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || name(a).localeCompare(name(b), 'en');
}

export function summarize(machines: readonly ReportMachine[], failures: readonly ReportFailure[]): ReportSummary {
  const unreachable = failures.filter((f) => f.kind === 'Unreachable').length;
  const totals = { total: machines.length + failures.length, Ready: 0, NotReady: 0, Unknown: 0, Unreachable: unreachable, Failed: failures.length - unreachable };

  const known = new Set<string>(COMPONENTS);
  const componentOrder = [...COMPONENTS, ...new Set(machines.flatMap((m) => m.components.map((c) => c.name)).filter((n) => !known.has(n)))];
  const components = new Map<string, ComponentCounts>(componentOrder.map((name) => [name, { name, Ready: 0, NotReady: 0, Unknown: 0, NotApplicable: 0, NotCollected: failures.length }]));
  const os = new Map<string, OsCounts>();
  const findings = new Map<string, { group: FindingGroup; seen: Set<string> }>();
  const kbs = new Map<string, number>();

  for (const m of machines) {
    const v = machineVerdict(m);
    totals[v] += 1;
    const osName = m.os.name === '' ? 'Unknown OS' : m.os.name;
    const o = os.get(osName) ?? { name: osName, total: 0, Ready: 0, NotReady: 0, Unknown: 0, Unreachable: 0, Failed: 0 };
    o.total += 1;
    o[v] += 1;
    os.set(osName, o);
    for (const c of m.components) {
      const counts = components.get(c.name);
      if (counts === undefined) continue;
      if (c.status === 'Ready' || c.status === 'NotReady' || c.status === 'NotApplicable') counts[c.status] += 1;
      else counts.Unknown += 1;
    }
    for (const f of m.findings) {
      const entry = findings.get(f.ruleId) ?? {
        group: { ruleId: f.ruleId, severity: f.severity, components: f.components, machines: [], message: f.message, fixText: f.fix?.text ?? null },
        seen: new Set<string>(),
      };
      if (!entry.seen.has(m.computerName)) {
        entry.seen.add(m.computerName);
        (entry.group.machines as string[]).push(m.computerName);
      }
      findings.set(f.ruleId, entry);
    }
    for (const kb of new Set(m.missingUpdates)) kbs.set(kb, (kbs.get(kb) ?? 0) + 1);
  }
  if (failures.length > 0) os.set(NO_OS, { name: NO_OS, total: failures.length, Ready: 0, NotReady: 0, Unknown: 0, Unreachable: unreachable, Failed: failures.length - unreachable });

  return {
    machines: totals,
    components: [...components.values()],
    // Machines with no result come last: they have no OS to sort by.
    os: [...os.values()].sort((a, b) => Number(a.name === NO_OS) - Number(b.name === NO_OS) || byCountThenName<OsCounts>((o) => o.total, (o) => o.name)(a, b)),
    findings: [...findings.values()].map((e) => e.group).sort((a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || b.machines.length - a.machines.length || a.ruleId.localeCompare(b.ruleId, 'en')),
    missingUpdates: [...kbs].map(([kb, n]) => ({ kb, machines: n })).sort(byCountThenName((x) => x.machines, (x) => x.kb)),
  };
}

/** A module ErrorRecord id as a failure kind: remoting errors mean the machine was not reached. */
export function failureKind(errorId: string): ReportFailure['kind'] {
  return errorId.startsWith('TLS365.Remoting.') ? 'Unreachable' : 'Failed';
}
