import type { ReportChange, ReportEffective, ReportFinding, ReportMachine } from './model.js';
import { machineVerdict } from './summary.js';

/**
 * Each machine's Fail and Warn findings as compact data for the page's script, which shows one machine at a
 * time (`#machine=<row>`). Machines of one kind share their findings word for word, so each distinct finding
 * is stored once and machines refer to it by index: 10,000 machines of a few kinds cost about as much as a
 * few machines, where full HTML per machine was 5-6 KB each (56 MB of a 76 MB page at 10,000).
 *
 * What is in effect on the machine and where it comes from (issue 16 item 2: OS or patch-level default, local, Group
 * Policy) is stored the same way, twice over: each distinct setting once (`e`), each distinct list of them once
 * (`l`, machines of one kind share the whole list), and a machine refers to its list by index.
 *
 * The script builds the section with textContent only; the JSON sits in a non-executed
 * `<script type="application/json">` block with every `<` escaped, so no value can close the block.
 */
export interface DetailsData {
  /** Distinct findings: [ruleId, severity, components, message, fix text or null, change lines, updates, restart]. */
  readonly f: readonly (readonly [string, string, readonly string[], string, string | null, readonly string[], readonly string[], string])[];
  /** Distinct settings in effect: [component, setting, value, origin, where or null, note or null]. */
  readonly e: readonly (readonly [string, string, string, string, string | null, string | null])[];
  /** Distinct lists of settings in effect, as indexes into `e`. */
  readonly l: readonly (readonly number[])[];
  /**
   * Row index -> [name, verdict, OS, build, source, missing updates, finding indexes, index into `l` or null (the
   * object carries no Effective: made before it existed)].
   */
  readonly m: Readonly<Record<string, readonly [string, string, string, number | null, string, readonly string[], readonly number[], number | null]>>;
}

/** Stores each distinct value once (by its JSON) and gives its index. */
function interner<T>(into: T[]): (value: T) => number {
  const index = new Map<string, number>();
  return (value) => {
    const key = JSON.stringify(value);
    let i = index.get(key);
    if (i === undefined) {
      i = into.length;
      into.push(value);
      index.set(key, i);
    }
    return i;
  };
}

/** A machine with something to act on: a Fail or Warn finding. Info-only findings appear in the fleet table only. */
export const actionable = (m: ReportMachine): boolean => m.findings.some((f) => f.severity === 'Fail' || f.severity === 'Warn');

/** A change as the page shows it: the command to paste (issue 17, item 2), or its parts for older objects. */
export function changeLine(c: ReportChange): string {
  if (c.command !== null) return c.command;
  const value = c.value === null ? '(delete)' : typeof c.value === 'number' ? `0x${c.value.toString(16)} (${c.value})` : `"${c.value}"`;
  return `${c.action}  ${c.key}\\${c.name} = ${value}`;
}

export function detailsData(machines: readonly ReportMachine[], label: (component: string) => string): DetailsData {
  const f: DetailsData['f'][number][] = [];
  const e: DetailsData['e'][number][] = [];
  const l: number[][] = [];
  const finding = interner(f);
  const setting = interner(e);
  const settings = interner(l);
  const m: Record<string, DetailsData['m'][string]> = {};
  const keyOf = (x: ReportFinding): DetailsData['f'][number] => [
    x.ruleId, x.severity, x.components.map(label), x.message, x.fix?.text ?? null,
    (x.fix?.changes ?? []).map(changeLine), x.fix?.updates ?? [], x.fix?.restart ?? 'none',
  ];
  const effectiveOf = (x: ReportEffective): DetailsData['e'][number] => [label(x.component), x.setting, x.value, x.origin, x.where, x.note];
  machines.forEach((machine, row) => {
    if (!actionable(machine)) return;
    const refs = machine.findings.filter((x) => x.severity !== 'Info').map((x) => finding(keyOf(x)));
    const inEffect = machine.effective.length === 0 ? null : settings(machine.effective.map((x) => setting(effectiveOf(x))));
    m[String(row)] = [machine.computerName, machineVerdict(machine), machine.os.name, machine.os.build, machine.source, machine.missingUpdates, refs, inEffect];
  });
  return { f, e, l, m };
}

/** JSON for a `<script type="application/json">` block: `<` (and the JS line separators) escaped. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
