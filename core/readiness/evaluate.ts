import { visible } from '../model/visible.js';
import { componentBase, type Base } from './components.js';
import { machineFacts, type MachineFacts } from './facts.js';
import { COMPONENTS, type Component, type ComponentVerdict, type Finding, type Readiness, type Severity } from './model.js';
import type { EvaluateOptions, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { shownFinding } from './shown.js';
import type { MachineSnapshot } from './snapshot.js';

const RANK: Record<Severity, number> = { Info: 0, Warn: 1, Fail: 2 };

function baseName(origin: string | null): string | null {
  if (origin === null) return null;
  const last = origin.split(/[\\/]/).pop() ?? '';
  const stem = last.replace(/\.[^.]*$/, '');
  return stem === '' ? null : stem;
}

/**
 * Evaluates one machine: every rule, then a verdict per component (the worst severity among the findings
 * attached to it: Fail -> NotReady, Warn/Pass -> Ready; Info never changes a verdict), Ready only when every
 * applicable component is Ready, and MissingUpdates from the Fail and Warn findings (docs/domain-facts.md "Conventions").
 * The result is what is reported, so its texts (computer and OS name, reasons, messages, fix texts) show
 * control characters from the input as \xHH (model/visible.ts); fix changes stay exact.
 */
export function evaluateSnapshot(snapshot: MachineSnapshot, options: EvaluateOptions = { roles: [] }, rules: readonly Rule[] = RULES): Readiness {
  return evaluateFacts(machineFacts(snapshot), options, rules);
}

/** The same, from facts already derived (the bridge keeps Exchange servers' facts for the fleet rule). */
export function evaluateFacts(m: MachineFacts, options: EvaluateOptions = { roles: [] }, rules: readonly Rule[] = RULES): Readiness {
  const snapshot = m.snapshot;
  const bases = new Map<Component, Base>(COMPONENTS.map((c) => [c, componentBase(m, c)]));
  const applicable = (c: Component): boolean => bases.get(c)?.kind !== 'NotApplicable';
  const unknowns = new Map<Component, string>();
  const findings: Finding[] = [];

  if (m.os !== null) {
    for (const rule of rules) {
      if (rule.applies !== undefined && !rule.applies(m, options)) continue;
      for (const out of rule.evaluate(m, options)) {
        if (out.kind === 'unknown') {
          for (const c of out.components) if (!unknowns.has(c)) unknowns.set(c, visible(out.reason));
          continue;
        }
        const components = out.finding.components.filter(applicable);
        if (components.length === 0 && out.finding.components.length > 0) continue;
        const shown = shownFinding(out.finding);
        findings.push(components.length === shown.components.length ? shown : { ...shown, components });
      }
    }
  }

  const components: ComponentVerdict[] = COMPONENTS.map((name) => {
    const base = bases.get(name) as Base;
    if (base.kind !== 'evaluate') return { name, status: base.kind, reason: visible(base.reason) };
    const mine = findings.filter((f) => f.components.includes(name));
    const worst = mine.reduce<Severity>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'Info');
    if (worst === 'Fail') {
      const ids = [...new Set(mine.filter((f) => f.severity === 'Fail').map((f) => f.ruleId))];
      return { name, status: 'NotReady', reason: `${ids.join(', ')}: ${mine.find((f) => f.severity === 'Fail')?.message ?? ''}` };
    }
    const unknownReason = unknowns.get(name);
    if (unknownReason !== undefined) return { name, status: 'Unknown', reason: unknownReason };
    const warns = mine.filter((f) => f.severity === 'Warn').length;
    return { name, status: 'Ready', reason: warns === 0 ? 'TLS 1.2 will be negotiated' : `TLS 1.2 will be negotiated; ${warns} warning(s)` };
  });

  const missing = new Set<string>();
  for (const f of findings) if (f.severity !== 'Info') for (const kb of f.missingUpdates) missing.add(kb.toUpperCase());

  return {
    computerName: visible(m.computerName ?? baseName(snapshot.origin) ?? 'unknown'),
    source: snapshot.source,
    origin: snapshot.origin === null ? null : visible(snapshot.origin),
    os: m.os === null ? { name: 'Unknown', build: null, ubr: null } : { name: visible(m.os.name), build: m.os.build, ubr: m.os.ubr },
    ready: components.every((c) => c.status === 'Ready' || c.status === 'NotApplicable') && components.some((c) => c.status === 'Ready'),
    components,
    findings,
    missingUpdates: [...missing].sort(),
  };
}
