import { formatHex } from '../protocols/dword.js';
import type { Finding, Fix, Readiness, RegChange } from '../readiness/model.js';
import { foldName } from '../regfile/index.js';
import type { Plan, PlanChange } from './model.js';

/**
 * The findings' fixes told as Set-Tls365Protocols will carry them out (issue 17, item 2). A rule's fix names the
 * value its own check wants (WinHTTP: DefaultSecureProtocols = 0x00000A00); the plan, made from the whole
 * machine, may write another value that fixes the same finding (0x00000880: it keeps the TLS 1.0 bit the admin
 * had and adds TLS 1.2). Where the plan writes a value of a finding's fix and lists that finding as fixed by it,
 * the fix's change becomes the plan's, and its text says what Set writes instead and why (the plan's reason).
 * Changes the plan does not make (a decision it leaves to the admin, such as turning TLS 1.0 off) stay as the
 * rule wrote them. Pure: returns a new Readiness; the verdicts are untouched.
 */
const id = (key: string, name: string): string => `${foldName(key)}\0${foldName(name)}`;

const shown = (c: RegChange | PlanChange): string =>
  c.op === 'delete-value' ? `${c.name} deleted` : c.op === 'set-dword' ? `${c.name} = ${formatHex(c.data)}` : `${c.name} = "${c.data}"`;

const same = (a: RegChange, b: PlanChange): boolean =>
  a.op === b.op && (a.op === 'delete-value' || (b.op !== 'delete-value' && a.data === b.data));

/** A plan change as the registry change it writes (the shape a finding's fix and changeCommand take). */
export function asRegChange(p: PlanChange): RegChange {
  switch (p.op) {
    case 'set-dword': return { op: 'set-dword', key: p.key, name: p.name, data: p.data };
    case 'set-string': return { op: 'set-string', key: p.key, name: p.name, data: p.data };
    case 'delete-value': return { op: 'delete-value', key: p.key, name: p.name };
  }
}

function alignFix(f: Finding, fix: Fix, byValue: ReadonlyMap<string, PlanChange>): Fix {
  const notes: string[] = [];
  const changes = fix.changes.map((c) => {
    const p = byValue.get(id(c.key, c.name));
    if (p === undefined || !p.fixes.includes(f.ruleId) || same(c, p)) return c;
    if (!notes.some((n) => n.startsWith(`${shown(p)} `))) notes.push(`${shown(p)} (${p.reason})`);
    return asRegChange(p);
  });
  if (notes.length === 0) return fix;
  // A delete the rule asked for before its set (a value of the wrong type) and the plan's set: one change remains.
  const unique = changes.filter((c, i) => changes.findIndex((d) => id(d.key, d.name) === id(c.key, c.name) && d.op === c.op) === i);
  return { ...fix, changes: unique, text: `${fix.text} Set-Tls365Protocols writes ${notes.join('; ')}.` };
}

export function alignFixes(r: Readiness, plan: Plan): Readiness {
  const byValue = new Map(plan.changes.map((p) => [id(p.key, p.name), p]));
  if (byValue.size === 0) return r;
  return { ...r, findings: r.findings.map((f) => (f.fix === null ? f : { ...f, fix: alignFix(f, f.fix, byValue) })) };
}
