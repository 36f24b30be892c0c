import type { ReportChange, ReportFinding, ReportMachine } from './model.js';
import { machineVerdict } from './summary.js';

/**
 * Each machine's Fail and Warn findings as compact data for the page's script, which shows one machine at a
 * time (`#machine=<row>`). Machines of one kind share their findings word for word, so each distinct finding
 * is stored once and machines refer to it by index: 10,000 machines of a few kinds cost about as much as a
 * few machines, where full HTML per machine was 5-6 KB each (56 MB of a 76 MB page at 10,000).
 *
 * The script builds the section with textContent only; the JSON sits in a non-executed
 * `<script type="application/json">` block with every `<` escaped, so no value can close the block.
 */
export interface DetailsData {
  /** Distinct findings: [ruleId, severity, components, message, fix text or null, change lines, updates, restart]. */
  readonly f: readonly (readonly [string, string, readonly string[], string, string | null, readonly string[], readonly string[], string])[];
  /** Row index -> [name, verdict, OS, build, source, missing updates, finding indexes]. */
  readonly m: Readonly<Record<string, readonly [string, string, string, number | null, string, readonly string[], readonly number[]]>>;
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
  const index = new Map<string, number>();
  const m: Record<string, DetailsData['m'][string]> = {};
  const keyOf = (x: ReportFinding): DetailsData['f'][number] => [
    x.ruleId, x.severity, x.components.map(label), x.message, x.fix?.text ?? null,
    (x.fix?.changes ?? []).map(changeLine), x.fix?.updates ?? [], x.fix?.restart ?? 'none',
  ];
  machines.forEach((machine, row) => {
    if (!actionable(machine)) return;
    const refs = machine.findings.filter((x) => x.severity !== 'Info').map((x) => {
      const entry = keyOf(x);
      const key = JSON.stringify(entry);
      let i = index.get(key);
      if (i === undefined) {
        i = f.length;
        f.push(entry);
        index.set(key, i);
      }
      return i;
    });
    m[String(row)] = [machine.computerName, machineVerdict(machine), machine.os.name, machine.os.build, machine.source, machine.missingUpdates, refs];
  });
  return { f, m };
}

/** JSON for a `<script type="application/json">` block: `<` (and the JS line separators) escaped. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
