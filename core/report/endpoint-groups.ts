import { dayValue, daysBetween } from '../endpoints/dates.js';
import { PROFILES } from '../endpoints/profiles.js';
import type { ReportMachine } from './model.js';

/**
 * Microsoft endpoints across the fleet (issue 16): per endpoint profile (core/endpoints/profiles.ts), the machines
 * that cannot reach it on the judged day (TLS365-ENDPOINT-001, Fail, or Warn when the verdict rests on a secondary
 * source only) and those that will stop reaching it on an announced later date (TLS365-ENDPOINT-002 and -003, grouped
 * by the date, with the days left when the report knows the judged day). A machine with no finding for an endpoint
 * counts as reaching it; one whose endpoint checks could not be made (TLS365-ENDPOINT-004) is counted apart. Pure:
 * plain data in and out, the renderer lays it out.
 */
export interface EndpointMachine {
  /** The machine's row in the report input (the machine table's `#machine=<row>`). */
  readonly row: number;
  readonly name: string;
}

export interface EndpointBreak {
  /** YYYY-MM-DD from which these machines cannot reach the endpoint. */
  readonly breaksOn: string;
  /** Days from the judged day to breaksOn; null when the report does not know the judged day. */
  readonly daysLeft: number | null;
  /** In input order, each once. */
  readonly machines: readonly EndpointMachine[];
}

export interface EndpointGroup {
  readonly id: string;
  readonly name: string;
  /** TLS365-ENDPOINT-001 Fail: cannot reach it on the judged day. */
  readonly fail: readonly EndpointMachine[];
  /** TLS365-ENDPOINT-001 Warn: cannot reach it on the judged day by a fact only a secondary source gives. */
  readonly warn: readonly EndpointMachine[];
  /** Machines checked that reach it on the judged day (those in `later` included). */
  readonly reaching: number;
  /** TLS365-ENDPOINT-002/003: reach it now, break on a later announced date; earliest date first. */
  readonly later: readonly EndpointBreak[];
}

export interface EndpointGroups {
  /** Whether the readiness results were judged against the endpoints at all (a day given, or any endpoint finding). */
  readonly judged: boolean;
  /** The judged day (YYYY-MM-DD) when the report was told it, else null. */
  readonly asOf: string | null;
  /** Machines with a result whose endpoint checks were made (every machine with a result but the `notChecked`). */
  readonly checked: number;
  /** TLS365-ENDPOINT-004: the endpoint checks could not be made (no build, no SCHANNEL key, unknown build). */
  readonly notChecked: readonly EndpointMachine[];
  /** Every known profile in its order, then any other endpoint a finding names, in order of appearance. */
  readonly endpoints: readonly EndpointGroup[];
}

export const NOW_RULE = 'TLS365-ENDPOINT-001';
export const NOT_CHECKED_RULE = 'TLS365-ENDPOINT-004';

interface Acc { id: string; name: string; fail: EndpointMachine[]; warn: EndpointMachine[]; later: Map<string, EndpointMachine[]> }

/** `asOf`: the judged day as given to the report (ignored unless a real YYYY-MM-DD day). */
export function endpointGroups(machines: readonly ReportMachine[], asOf: string | null = null): EndpointGroups {
  const day = asOf !== null && dayValue(asOf) !== null ? asOf : null;
  const byId = new Map<string, Acc>(PROFILES.map((p) => [p.id, { id: p.id, name: p.name, fail: [], warn: [], later: new Map() }]));
  const notChecked: EndpointMachine[] = [];
  const named = new Set<string>();
  let any = false;
  machines.forEach((m, row) => {
    const me: EndpointMachine = { row, name: m.computerName };
    if (m.findings.some((f) => f.ruleId === NOT_CHECKED_RULE)) { notChecked.push(me); any = true; }
    // Per endpoint, the machine's verdict: cannot reach it now (Fail over Warn) or its earliest later date.
    const now = new Map<string, 'Fail' | 'Warn'>();
    const later = new Map<string, string>();
    for (const f of m.findings) {
      const e = f.endpoint;
      if (e === null || e === undefined) continue;
      any = true;
      const known = byId.get(e.id);
      // The name the objects carry wins over the profile's (the same unless the profiles changed since).
      if (known === undefined) byId.set(e.id, { id: e.id, name: e.name || e.id, fail: [], warn: [], later: new Map() });
      else if (!named.has(e.id) && e.name !== '') known.name = e.name;
      named.add(e.id);
      if (f.ruleId === NOW_RULE) {
        now.set(e.id, f.severity === 'Fail' || now.get(e.id) === 'Fail' ? 'Fail' : 'Warn');
      } else {
        const seen = later.get(e.id);
        if (seen === undefined || e.breaksOn < seen) later.set(e.id, e.breaksOn);
      }
    }
    for (const [id, sev] of now) {
      const acc = byId.get(id);
      if (acc !== undefined) (sev === 'Fail' ? acc.fail : acc.warn).push(me);
    }
    for (const [id, date] of later) {
      const acc = byId.get(id);
      if (acc === undefined || now.has(id)) continue;
      acc.later.set(date, [...(acc.later.get(date) ?? []), me]);
    }
  });
  const checked = machines.length - notChecked.length;
  const endpoints: EndpointGroup[] = [...byId.values()].map((a) => ({
    id: a.id,
    name: a.name,
    fail: a.fail,
    warn: a.warn,
    reaching: checked - a.fail.length - a.warn.length,
    later: [...a.later.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([breaksOn, list]) => ({
      breaksOn,
      daysLeft: day !== null && dayValue(breaksOn) !== null ? daysBetween(day, breaksOn) : null,
      machines: list,
    })),
  }));
  return { judged: any || day !== null, asOf: day, checked, notChecked, endpoints };
}

/** "2026-04-01 (in 45 days)", "(the day judged)", "(3 days before the day judged)", or the date alone when the judged day is unknown. */
export function breakDateText(b: EndpointBreak): string {
  if (b.daysLeft === null) return b.breaksOn;
  if (b.daysLeft === 0) return `${b.breaksOn} (the day judged)`;
  const n = Math.abs(b.daysLeft);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  return b.daysLeft > 0 ? `${b.breaksOn} (in ${days})` : `${b.breaksOn} (${days} before the day judged)`;
}
