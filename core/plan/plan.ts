import { fail, ok, type Result } from '../model/result.js';
import { evaluateFacts, evaluateSnapshot } from '../readiness/evaluate.js';
import { machineFacts, type MachineFacts } from '../readiness/facts.js';
import { COMPONENTS, type Component, type Finding, type Readiness, type RuleId } from '../readiness/model.js';
import { SCHANNEL_KEY } from '../readiness/paths.js';
import { isExchange } from '../readiness/rules/exchange/common.js';
import type { EvaluateOptions } from '../readiness/rule.js';
import { CIPHER_POLICY_KEY } from '../readiness/paths.js';
import type { MachineSnapshot } from '../readiness/snapshot.js';
import { foldName, type RegValue } from '../regfile/index.js';
import { writeValues, type ValueEdit } from './image.js';
import { warning, type Intent, type TargetContext } from './intent.js';
import {
  PLAN_SCHEMA, type Plan, type PlanChange, type PlanComponent, type PlanError, type PlanOptions, type PlanSettings, type PlanUnresolved,
  type PlanUpdate, type PlanWarning, type Restart,
} from './model.js';
import { planSettings } from './options.js';
import { cipherIntents } from './targets/ciphers.js';
import { dotnetIntents } from './targets/dotnet.js';
import { winHttpIntents, winInetIntents } from './targets/masks.js';
import { schannelIntents } from './targets/schannel.js';

/**
 * planRemediation: the target state the options describe, compared with the snapshot's current values,
 * gives the changes (never a concatenation of the findings' fixes, which overlap and can disagree). The
 * snapshot is then re-evaluated with the changes applied, purely, which tells what the plan fixes: each
 * change lists the findings it fixes, and every Fail/Warn finding that would still fire is listed as
 * unresolved with the reason (an update to install, not a registry fix, outside `components`, or a decision
 * the options leave to the admin). The plan never claims more than that re-evaluation shows.
 */

const PAIRS: readonly (readonly [Component, Component])[] = [
  ['WinHttp', 'WinHttp32'], ['SChannelClient', 'SChannelServer'], ['DotNet4', 'DotNet4_32'], ['DotNet35', 'DotNet35_32'],
];

const valueId = (key: string, name: string): string => `${foldName(key)}\0${foldName(name)}`;
const findingId = (f: Finding): string => `${f.ruleId}|${f.components.join(',')}`;

function sameValue(current: RegValue | undefined, want: Intent['want']): boolean {
  switch (want.op) {
    case 'delete-value':
      return current === undefined;
    case 'set-dword':
      return current?.type === 'REG_DWORD' && current.data === want.data;
    case 'set-string':
      return current?.type === 'REG_SZ' && current.data === want.data;
  }
}

const sameWant = (a: Intent['want'], b: Intent['want']): boolean => a.op === b.op && (a.op === 'delete-value' || (b.op !== 'delete-value' && a.data === b.data));

/** One intent per value, in phase order; two different wishes for one value are a planner bug, reported as data. */
function merge(intents: readonly Intent[]): Result<Intent[], readonly PlanError[]> {
  const byId = new Map<string, Intent>();
  const errors: PlanError[] = [];
  const ordered = intents.map((intent, i) => ({ intent, i })).sort((a, b) => a.intent.phase - b.intent.phase || a.i - b.i);
  for (const { intent } of ordered) {
    const id = valueId(intent.key, intent.name);
    const first = byId.get(id);
    if (first === undefined) byId.set(id, intent);
    else if (!sameWant(first.want, intent.want)) {
      errors.push({ code: 'Conflict', path: `${intent.key}\\${intent.name}`, message: `the target state wants ${JSON.stringify(first.want)} (${first.reason}) and ${JSON.stringify(intent.want)} (${intent.reason})` });
    }
  }
  return errors.length > 0 ? fail(errors) : ok([...byId.values()]);
}

const rank: Record<Restart, number> = { none: 0, apps: 1, reboot: 2 };

/** Which way a declined finding's fix points, for the hint the plan gives. */
function hint(f: Finding, settings: PlanSettings): string {
  const keys = (f.fix?.changes ?? []).map((c) => c.key.toUpperCase());
  const under = (p: string): boolean => keys.some((k) => k.startsWith(`${SCHANNEL_KEY.toUpperCase()}\\PROTOCOLS\\${p}\\`));
  if (under('TLS 1.0') || under('TLS 1.1')) {
    return settings.allowLegacy
      ? 'allowLegacy keeps TLS 1.0/1.1 on, which this finding reports'
      : 'turning TLS 1.0/1.1 on or off is the admin\'s decision: disableLegacy writes them off (once nothing depends on them), allowLegacy writes them on';
  }
  if (under('TLS 1.3')) return 'TLS 1.3 needs a decision: protocols Tls12+Tls13 turns it on where the OS (and Exchange) supports it';
  return 'the target state the options describe does not include this fix';
}

export function planRemediation(snapshot: MachineSnapshot, options: PlanOptions = {}): Result<Plan, readonly PlanError[]> {
  const s = planSettings(options);
  if (!s.ok) return s;
  const m = machineFacts(snapshot);
  const { roles, asOf, endpoints } = s.value;
  const evalOptions: EvaluateOptions = { roles, ...(asOf === undefined ? {} : { asOf }), ...(endpoints === undefined ? {} : { endpoints }) };
  return planFromEvaluation(snapshot, m, evaluateFacts(m, evalOptions), evalOptions, options);
}

/**
 * planRemediation for a machine already evaluated (readiness.evaluate shows what Set would write beside the
 * findings, issue 17, item 2): `m` and `before` must be that snapshot's facts and its evaluation with
 * `evalOptions` (whose roles are the plan's), which the re-evaluation after the changes uses too.
 */
export function planFromEvaluation(snapshot: MachineSnapshot, m: MachineFacts, before: Readiness, evalOptions: EvaluateOptions, options: PlanOptions = {}): Result<Plan, readonly PlanError[]> {
  const s = planSettings(options);
  if (!s.ok) return s;
  const settings = s.value;
  const warnings: PlanWarning[] = [];
  const ctx: TargetContext = { m, settings, exchange: isExchange(m, evalOptions), warn: (w) => warnings.push(w), options: evalOptions };
  const inScope = (c: Component): boolean => settings.components.includes(c);

  const all = [...schannelIntents(ctx), ...cipherIntents(ctx), ...winHttpIntents(ctx), ...winInetIntents(ctx), ...dotnetIntents(ctx)];
  const merged = merge(all);
  if (!merged.ok) return merged;
  const needed = merged.value.filter((i) => !sameValue(m.reg.value(i.key, i.name), i.want));
  const chosen = needed.filter((i) => inScope(i.owner));
  const dropped = new Set(needed.filter((i) => !inScope(i.owner)).map((i) => i.owner));
  for (const [a, b] of PAIRS) {
    const [kept, lost] = inScope(a) && dropped.has(b) ? [a, b] : inScope(b) && dropped.has(a) ? [b, a] : [null, null];
    if (kept !== null && lost !== null) {
      warnings.push(warning('scope-split', `components includes ${kept} but not ${lost}, so ${lost}'s values stay as they are although the plan would change them too: the two are meant to be configured alike.`, [kept, lost]));
    }
  }

  // A value under ...\SOFTWARE\Policies\ belongs to Group Policy: it wins over local values, and a GPO that manages
  // it rewrites it at the next refresh, so the change does not last unless the GPO changes too (issue 16 item 2).
  // The cipher-suite list says so in its own warning (cipher-policy).
  for (const i of chosen) {
    if (!/\\SOFTWARE\\Policies\\/i.test(i.key) || (i.key === CIPHER_POLICY_KEY && i.name === 'Functions')) continue;
    warnings.push(warning('policy-managed', `${i.key} ${i.name} is a Group Policy value: it overrides the local setting, and a GPO that manages it rewrites it at the next Group Policy refresh. If a GPO manages it, change it there too (or make this change there), or it will not last.`, [i.owner]));
  }

  // Re-evaluate with the changes applied: what the plan fixes, and what it does not.
  const edits: ValueEdit[] = chosen.map((i) => ({ key: i.key, name: i.name, value: i.want.op === 'delete-value' ? null : i.want.op === 'set-dword' ? { type: 'REG_DWORD', data: i.want.data } : { type: 'REG_SZ', data: i.want.data } }));
  const applied = writeValues({ format: 'v5', keys: snapshot.registry, deletedKeys: [] }, edits);
  const after = evaluateSnapshot({ ...snapshot, registry: applied.image.keys }, evalOptions);

  const remaining = new Map<string, Finding[]>();
  for (const f of after.findings) remaining.set(findingId(f), [...(remaining.get(findingId(f)) ?? []), f]);
  const outcome = before.findings.map((f) => {
    const left = remaining.get(findingId(f));
    const still = left?.shift();
    return { f, still };
  });
  const introduced = [...remaining.values()].flat().filter((f) => f.severity !== 'Info');
  for (const f of introduced) {
    warnings.push({ code: 'introduced-finding', message: `applying the plan would raise ${f.ruleId} (${f.severity}): ${f.message}`, components: f.components, ruleIds: [f.ruleId] });
  }

  const why = (f: Finding): PlanUnresolved['why'] => {
    if (f.components.length > 0 && !f.components.some(inScope)) return 'out-of-scope';
    if (f.missingUpdates.length > 0 || (f.fix?.updates.length ?? 0) > 0) return 'update';
    if (f.fix === null || f.fix.changes.length === 0) return 'not-registry';
    return 'declined';
  };
  const unresolved: PlanUnresolved[] = [];
  for (const { still } of outcome) {
    if (still === undefined || still.severity === 'Info') continue;
    const w = why(still);
    unresolved.push({ ruleId: still.ruleId, severity: still.severity, components: still.components, why: w, message: w === 'declined' ? `${still.message} (${hint(still, settings)})` : still.message });
    if (w === 'declined') warnings.push({ code: 'decision-needed', message: `${still.ruleId} stays: ${hint(still, settings)}.`, components: still.components, ruleIds: [still.ruleId] });
  }

  // Which findings each change fixes: the ones that are gone afterwards (or stay only for an update), matched by the values their fixes write.
  const fixes = new Map<string, { ids: RuleId[]; comps: Set<Component> }>(chosen.map((i) => [valueId(i.key, i.name), { ids: [], comps: new Set([i.owner]) }]));
  for (const { f, still } of outcome) {
    if (still !== undefined && why(still) !== 'update') continue;
    const named = (f.fix?.changes ?? []).map((c) => valueId(c.key, c.name)).filter((id) => fixes.has(id));
    const targets = named.length > 0 || still !== undefined ? named : chosen.filter((i) => f.components.includes(i.owner)).map((i) => valueId(i.key, i.name));
    for (const id of new Set(targets)) {
      const entry = fixes.get(id);
      if (entry === undefined) continue;
      if (!entry.ids.includes(f.ruleId)) entry.ids.push(f.ruleId);
      for (const c of f.components) entry.comps.add(c);
    }
  }

  const changes: PlanChange[] = chosen.map((i) => {
    const entry = fixes.get(valueId(i.key, i.name));
    const comps = [i.owner, ...COMPONENTS.filter((c) => c !== i.owner && entry?.comps.has(c) === true)];
    return {
      ...i.want,
      key: i.key,
      name: i.name,
      before: m.reg.value(i.key, i.name) ?? null,
      createsKey: !m.reg.hasKey(i.key),
      owner: i.owner,
      components: comps,
      fixes: entry?.ids ?? [],
      restart: i.restart,
      reason: i.reason,
    };
  });

  const updates = new Map<string, { ruleIds: RuleId[]; comps: Set<Component>; text: string }>();
  for (const { still } of outcome) {
    if (still === undefined || still.severity === 'Info' || why(still) === 'out-of-scope') continue;
    for (const kb of new Set([...still.missingUpdates, ...(still.fix?.updates ?? [])].map((k) => k.toUpperCase()))) {
      const u = updates.get(kb) ?? { ruleIds: [], comps: new Set<Component>(), text: still.fix?.text ?? still.message };
      if (!u.ruleIds.includes(still.ruleId)) u.ruleIds.push(still.ruleId);
      for (const c of still.components) u.comps.add(c);
      updates.set(kb, u);
    }
  }
  const planUpdates: PlanUpdate[] = [...updates].map(([kb, u]) => ({ kb, ruleIds: u.ruleIds, components: COMPONENTS.filter((c) => u.comps.has(c)), text: u.text }));

  for (const c of before.components) {
    if (c.status === 'Unknown' && inScope(c.name)) warnings.push(warning('input-incomplete', `${c.name} is Unknown (${c.reason}): the plan does not change what it cannot read.`, [c.name]));
  }
  if (settings.allowLegacy) {
    const n = changes.filter((c) => /\\TLS 1\.[01]\\/i.test(c.key) && c.op === 'set-dword' && ((c.name === 'Enabled' && c.data !== 0) || (c.name === 'DisabledByDefault' && c.data === 0))).length;
    warnings.unshift(warning('legacy-enabled',
      `RISK: allowLegacy is set, so this plan keeps or turns TLS 1.0 and TLS 1.1 ON (${n} Schannel value(s), plus the TLS 1.0/1.1 bits of the WinHTTP/WinINet masks it writes). Microsoft 365 refuses both, RFC 8996 deprecates them, and every client or service still offering them can be downgraded to them by an attacker in the middle; use this only for a named dependency that cannot do TLS 1.2 yet, and run the plan again without allowLegacy (or with disableLegacy) as soon as it is gone.`,
      []));
  }

  const components: PlanComponent[] = before.components.map((c) => ({ name: c.name, before: c.status, after: after.components.find((a) => a.name === c.name)?.status ?? c.status }));
  const restart = changes.reduce<Restart>((r, c) => (rank[c.restart] > rank[r] ? c.restart : r), 'none');
  const shown = warnings.filter((w) => w.components.length === 0 || w.components.some(inScope));

  return ok({
    schema: PLAN_SCHEMA,
    computerName: before.computerName,
    target: { build: m.os?.build ?? null, x64: m.x64 },
    settings,
    changes,
    updates: planUpdates,
    restart,
    warnings: shown,
    unresolved,
    components,
  });
}
