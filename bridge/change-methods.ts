import {
  beginChange, changeRows, checkValue, checkWrites, createdKeysToCheck, judgeRestore, readChangeRecord, rollbackOps, undoDecision,
  type ChangeRecord, type Plan, type PlanError, type PriorRead, type ValueProblem,
} from '../core/index.js';
import { visible } from '../core/model/visible.js';
import type { RegValue } from '../core/regfile/index.js';
import type { Handler, Outcome } from './dispatch.js';
import { invalid, isRecord, type Checked } from './params.js';

/**
 * The change engine (core/change) for the live registry's back end: Set-Tls365Protocols and Undo-Tls365Change
 * read and write the registry through the module's seam and ask these methods every decision. They read and
 * write nothing themselves; the record travels as its JSON text (`record`), which the module writes to the
 * backup file as it is and gives back unchanged, so that what is decided is exactly what the file holds.
 *
 *   change.begin    {target, plan, priors: [{value, missingKeys}]}       -> {ok, record, writes, keys, entries (the result rows)} | {ok: false, error}
 *   change.check    {record, values: [RegValue|null]}                     -> {problems: [{target, message}]}
 *   change.rollback {record, attempted}                                   -> {ops, keys}
 *   change.read     {text}                                                -> {ok, record, target, entries: [{key, name}], keys} | {ok: false, error}
 *   change.undo     {record, here, current, force, allowLegacy}           -> {ok, ops, notes, summary, keys} | {ok: false, error: {code, message}}
 *   change.judge    {record, values, keysLeft, failures: [{target, message}]} -> {exact, problems}
 *
 * `keys` are the created keys in the order `keysLeft` is given back (deepest first).
 */

const ok = (result: unknown): Outcome => ({ ok: true, result });

const planErrorText = (errors: readonly PlanError[]): string => errors.map((e) => `${e.path}: ${e.message}`).join('; ');

/** The params object and the record it carries (its JSON text, read and checked as a backup file is). */
function withRecord(params: unknown): Checked<{ readonly p: Record<string, unknown>; readonly record: ChangeRecord }> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const text = params['record'];
  if (typeof text !== 'string') return invalid('params.record', 'must be the record\'s JSON text');
  let json: unknown;
  try { json = JSON.parse(text); } catch { return invalid('params.record', 'is not JSON'); }
  const r = readChangeRecord(json);
  return r.ok ? { ok: true, value: { p: params, record: r.value } } : invalid('params.record', planErrorText(r.error));
}

function valuesParam(raw: unknown, path: string): Checked<(RegValue | null)[]> {
  if (!Array.isArray(raw)) return invalid(path, 'must be an array of registry values (or null)');
  const out: (RegValue | null)[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const v = checkValue(raw[i] ?? null, `${path}[${i}]`);
    if (!v.ok) return invalid(v.error.path, v.error.message);
    out.push(v.value);
  }
  return { ok: true, value: out };
}

const problemsOut = (problems: readonly ValueProblem[]): { target: string; message: string }[] =>
  problems.map((p) => ({ target: visible(p.target), message: visible(p.message) }));

export const changeBegin: Handler = (params) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const target = params['target'];
  if (!isRecord(target) || target['kind'] !== 'live' || typeof target['computerName'] !== 'string') return invalid('params.target', 'must be {kind: "live", computerName, account}');
  const plan = params['plan'];
  if (!isRecord(plan)) return invalid('params.plan', 'must be a plan');
  const priorsRaw = params['priors'];
  if (!Array.isArray(priorsRaw)) return invalid('params.priors', 'must be an array');
  const priors: PriorRead[] = [];
  for (let i = 0; i < priorsRaw.length; i += 1) {
    const p = priorsRaw[i] as unknown;
    if (!isRecord(p)) return invalid(`params.priors[${i}]`, 'must be an object');
    const value = checkValue(p['value'] ?? null, `params.priors[${i}].value`);
    if (!value.ok) return invalid(value.error.path, value.error.message);
    const missing = p['missingKeys'] ?? [];
    if (!Array.isArray(missing) || !missing.every((k) => typeof k === 'string')) return invalid(`params.priors[${i}].missingKeys`, 'must be an array of key paths');
    priors.push({ value: value.value, missingKeys: missing });
  }
  const account = typeof target['account'] === 'string' ? target['account'] : '';
  const begun = beginChange({ kind: 'live', computerName: target['computerName'], account }, plan as unknown as Plan, priors, new Date().toISOString());
  if (!begun.ok) return ok({ ok: false, error: { code: begun.error[0]?.code ?? 'BadData', message: visible(`the plan cannot be applied: ${planErrorText(begun.error)}`) } });
  return ok({ ok: true, record: JSON.stringify(begun.value.record, null, 2), writes: begun.value.writes, keys: createdKeysToCheck(begun.value.record), entries: changeRows(begun.value.record) });
};

export const changeCheck: Handler = (params) => {
  const given = withRecord(params);
  if (!given.ok) return given;
  const { p, record } = given.value;
  const values = valuesParam(p['values'], 'params.values');
  if (!values.ok) return values;
  return ok({ problems: problemsOut(checkWrites(record, values.value)) });
};

export const changeRollback: Handler = (params) => {
  const given = withRecord(params);
  if (!given.ok) return given;
  const { p, record } = given.value;
  const attempted = p['attempted'];
  if (typeof attempted !== 'number' || !Number.isInteger(attempted) || attempted < 0) return invalid('params.attempted', 'must be a count of writes');
  return ok({ ops: rollbackOps(record, attempted), keys: createdKeysToCheck(record) });
};

export const changeRead: Handler = (params) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const text = params['text'];
  if (typeof text !== 'string') return invalid('params.text', 'must be the backup file\'s text');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return ok({ ok: false, error: { code: 'BackupUnreadable', message: visible(`not valid JSON (${e instanceof Error ? e.message : String(e)})`) } });
  }
  const r = readChangeRecord(json);
  if (!r.ok) return ok({ ok: false, error: { code: 'BadBackup', message: visible(`not a TLS365 backup: ${planErrorText(r.error)}`) } });
  const t = r.value.target;
  return ok({
    ok: true, record: JSON.stringify(r.value, null, 2), target: t.kind === 'live' ? { kind: 'live', computerName: t.computerName, account: t.account } : { kind: 'image', path: t.path },
    entries: r.value.entries.map((e) => ({ key: e.key, name: e.name })), keys: createdKeysToCheck(r.value),
  });
};

export const changeUndo: Handler = (params) => {
  const given = withRecord(params);
  if (!given.ok) return given;
  const { p, record } = given.value;
  const here = p['here'];
  if (typeof here !== 'string') return invalid('params.here', 'must be the computer name');
  const current = valuesParam(p['current'], 'params.current');
  if (!current.ok) return current;
  const decision = undoDecision(record, {
    here, current: current.value, force: p['force'] === true, allowLegacy: p['allowLegacy'] === true,
    samePlace: (a, b) => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0,
  });
  if (!decision.ok) return ok({ ok: false, error: { code: decision.code, message: visible(decision.message) } });
  return ok({ ok: true, ops: decision.ops, notes: decision.notes.map(visible), summary: decision.summary.map(visible), keys: createdKeysToCheck(record) });
};

export const changeJudge: Handler = (params) => {
  const given = withRecord(params);
  if (!given.ok) return given;
  const { p, record } = given.value;
  const values = valuesParam(p['values'], 'params.values');
  if (!values.ok) return values;
  const keysLeft = p['keysLeft'] ?? [];
  if (!Array.isArray(keysLeft) || !keysLeft.every((k) => typeof k === 'boolean')) return invalid('params.keysLeft', 'must be an array of booleans');
  const failures = p['failures'] ?? [];
  if (!Array.isArray(failures) || !failures.every((f) => isRecord(f) && typeof f['target'] === 'string' && typeof f['message'] === 'string')) {
    return invalid('params.failures', 'must be an array of {target, message}');
  }
  const judged = judgeRestore(record, { values: values.value, keysLeft }, failures as ValueProblem[]);
  return ok({ exact: judged.exact, problems: problemsOut(judged.problems) });
};
