import { fail, ok, type Result } from '../model/result.js';
import type { RegValue } from '../regfile/index.js';
import { backupTrustProblems } from '../plan/backup-trust.js';
import type { Plan, PlanChange, PlanError } from '../plan/model.js';
import { checkKey, validatePlan } from '../plan/validate.js';
import { CHANGE_SCHEMA, sameValue, valueShown, valueText, type ChangeEntry, type ChangeRecord, type ChangeTarget } from './record.js';

/**
 * The change transaction, purely: what Set-Tls365Protocols and Undo-Tls365Change do, for a registry image and
 * for the live registry alike. The back ends (bridge/plan-methods.ts for images, module/Private/
 * Invoke-Tls365LiveChange.ps1 and Undo-Tls365Change for the live registry through the registry seam) only read,
 * write and report; every decision is made here:
 *
 *   plan + what the back end read  -> beginChange   -> the record (the backup, written first) + ordered writes
 *   what it read after the writes   -> checkWrites   -> which value is not what was written
 *   a failure at write k            -> rollbackOps   -> the writes that put back entries 0..k, then the created keys
 *   the record + what is there now  -> undoDecision  -> refused (why, naming values) or the ops of the undo
 *   what it read after a restore    -> judgeRestore  -> Exact, or each value / key that is not as it was, and why
 *
 * Exact has one meaning everywhere: every touched value has its prior state again (existence, kind, data) and
 * every key the change created is gone: the touched trees are as they were, keys included.
 */

/** One registry operation a back end carries out. */
export type RegOp =
  | { readonly op: 'set'; readonly key: string; readonly name: string; readonly value: RegValue }
  | { readonly op: 'delete-value'; readonly key: string; readonly name: string }
  /** Delete the key when it exists and is empty (no values, no subkeys); a key that is not there is fine. */
  | { readonly op: 'remove-key'; readonly key: string };

/** What a back end read of one value before the change: its value (null: absent) and the keys on its way that do not exist (parents first). */
export interface PriorRead {
  readonly value: RegValue | null;
  readonly missingKeys: readonly string[];
}

const written = (c: PlanChange): RegValue | null =>
  c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD', data: c.data } : { type: 'REG_SZ', data: c.data };

const opOf = (e: ChangeEntry, value: RegValue | null): RegOp =>
  (value === null ? { op: 'delete-value', key: e.key, name: e.name } : { op: 'set', key: e.key, name: e.name, value });

/**
 * The record and the ordered writes of a plan's changes, given what was read before (one PriorRead per change,
 * in order). The plan is checked as any plan from outside is (validatePlan: keys, data, never SSL 2.0/3.0 on).
 */
export function beginChange(target: ChangeTarget, plan: Plan, priors: readonly PriorRead[], createdAt: string): Result<{ readonly record: ChangeRecord; readonly writes: readonly RegOp[] }, readonly PlanError[]> {
  const errors = validatePlan(plan);
  if (errors.length > 0) return fail(errors);
  if (priors.length !== plan.changes.length) return fail([{ code: 'BadData', path: 'priors', message: `${priors.length} prior reads for ${plan.changes.length} changes` }]);
  const entries: ChangeEntry[] = [];
  const createdKeys: string[] = [];
  const seen = new Set<string>();
  plan.changes.forEach((c, i) => {
    const key = checkKey(c.key, '');
    const prior = priors[i] as PriorRead;
    entries.push({ key: key.ok ? key.value : c.key, name: c.name, before: prior.value, after: written(c), index: null, deletedIndex: null });
    if (c.op === 'delete-value') return;
    for (const k of prior.missingKeys) {
      const id = k.toUpperCase();
      if (!seen.has(id)) { seen.add(id); createdKeys.push(k); }
    }
  });
  const record: ChangeRecord = { schema: CHANGE_SCHEMA, target, createdAt, entries, createdKeys, addedSections: [] };
  return ok({ record, writes: entries.map((e) => opOf(e, e.after)) });
}

export interface ValueProblem {
  /** `KEY\name` or `KEY`. */
  readonly target: string;
  readonly message: string;
}

/** Each value that does not read back as the change wrote it (reads: one per entry, in order, up to those read). */
export function checkWrites(record: ChangeRecord, reads: readonly (RegValue | null)[]): readonly ValueProblem[] {
  const out: ValueProblem[] = [];
  reads.forEach((read, i) => {
    const e = record.entries[i];
    if (e !== undefined && !sameValue(read, e.after)) {
      out.push({ target: valueText(e.key, e.name), message: `reads back as ${valueShown(read)}, not ${valueShown(e.after)}` });
    }
  });
  return out;
}

/** Deepest first: a key's children go before it. */
const deepestFirst = (keys: readonly string[]): string[] => [...keys].sort((a, b) => b.split('\\').length - a.split('\\').length);

/**
 * The operations that undo entries 0..attempted-1 (the ones written, and the one whose write failed: a write
 * can fail half-way, its key created and its value not set), last first, each value with its prior kind and
 * data; then the created keys, deepest first (removed only when empty).
 */
export function rollbackOps(record: ChangeRecord, attempted: number): readonly RegOp[] {
  const entries = record.entries.slice(0, Math.max(0, Math.min(attempted, record.entries.length)));
  const seen = new Set<string>();
  const ops: RegOp[] = [];
  // The first entry of a value holds its state before the change; later ones (none in a valid plan) follow it.
  const firsts = entries.filter((e) => {
    const id = `${e.key}\0${e.name}`.toUpperCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  for (const e of [...firsts].reverse()) ops.push(opOf(e, e.before));
  for (const k of deepestFirst(record.createdKeys)) ops.push({ op: 'remove-key', key: k });
  return ops;
}

/** What a back end read after a restore: one value per entry (the first `entries` of them) and, per created key, whether it is still there. */
export interface RestoreReads {
  readonly values: readonly (RegValue | null)[];
  readonly keysLeft: readonly boolean[];
}

/**
 * Exact, or every value and key that is not as it was before the change, and why: the failed operations in the
 * back end's words, then what reads back differently. Never "all restored" when one is not.
 */
export function judgeRestore(record: ChangeRecord, reads: RestoreReads, opFailures: readonly ValueProblem[]): { readonly exact: boolean; readonly problems: readonly ValueProblem[] } {
  const problems: ValueProblem[] = opFailures.map((f) => ({ target: f.target, message: `the restore failed: ${f.message}` }));
  const seen = new Set<string>();
  reads.values.forEach((read, i) => {
    const e = record.entries[i];
    if (e === undefined) return;
    const id = `${e.key}\0${e.name}`.toUpperCase();
    if (seen.has(id)) return;
    seen.add(id);
    if (!sameValue(read, e.before)) problems.push({ target: valueText(e.key, e.name), message: `is ${valueShown(read)}, was ${valueShown(e.before)} before the change` });
  });
  const ordered = deepestFirst(record.createdKeys);
  reads.keysLeft.forEach((left, i) => {
    if (left) problems.push({ target: ordered[i] ?? '?', message: 'the change created this key and it is still there' });
  });
  return { exact: problems.length === 0, problems };
}

/** The created keys in the order judgeRestore expects `keysLeft`. */
export const createdKeysToCheck = (record: ChangeRecord): readonly string[] => deepestFirst(record.createdKeys);

export interface UndoOptions {
  /** The computer the undo runs on (live), or the image path it is given (image). */
  readonly here: string;
  /** Values as they are now, one per entry. */
  readonly current: readonly (RegValue | null)[];
  /** Restore over values edited since the change, or a record made on another computer / of another path. */
  readonly force: boolean;
  /** Restore values that turn SSL 2.0/3.0 on (as they were). */
  readonly allowLegacy: boolean;
  /** How paths compare (images: case-insensitively on Windows). */
  readonly samePlace: (a: string, b: string) => boolean;
}

export type UndoRefusal = 'BackupUntrusted' | 'RestoresLegacySsl' | 'BackupMismatch' | 'EditedSince';

export type UndoDecision =
  | { readonly ok: false; readonly code: UndoRefusal; readonly message: string }
  | { readonly ok: true; readonly ops: readonly RegOp[]; readonly notes: readonly string[]; readonly summary: readonly string[] };

/**
 * Whether a record may be restored here and how. Refused, with nothing written, when it names values or keys
 * outside TLS365's scope (never overridden), when it would turn SSL 2.0/3.0 on (unless allowLegacy: each is
 * then a RISK note), when it was made of another machine or image (unless force), and when a value was
 * changed since the change wrote it to anything but its prior state (unless force: it names each, up to five).
 */
export function undoDecision(record: ChangeRecord, o: UndoOptions): UndoDecision {
  const trust = backupTrustProblems({ schema: 'tls365.backup/1', entries: record.entries, createdKeys: record.createdKeys, addedSections: [] });
  if (trust.scope.length > 0) return { ok: false, code: 'BackupUntrusted', message: `refused, nothing was restored: ${trust.scope.map((p) => p.message).join('; ')}` };
  if (trust.legacy.length > 0 && !o.allowLegacy) {
    return { ok: false, code: 'RestoresLegacySsl', message: `nothing was restored: ${trust.legacy.map((p) => p.message).join('; ')}. TLS365 turns SSL 2.0/3.0 on only when told to: run Undo-Tls365Change again with -AllowLegacy to restore them as they were` };
  }
  const notes: string[] = trust.legacy.map((p) => `RISK: ${p.message} (restored as it was, -AllowLegacy)`);
  const madeOf = record.target.kind === 'live' ? record.target.computerName : record.target.path;
  if (madeOf !== '' && !o.samePlace(madeOf, o.here)) {
    const what = record.target.kind === 'live' ? `made on ${madeOf}, not on ${o.here}` : `made of ${madeOf}, not ${o.here}`;
    if (!o.force) {
      return { ok: false, code: 'BackupMismatch', message: `this backup was ${what}; nothing was restored (${record.target.kind === 'live' ? 'run it on the computer it names, or -Force, which writes that machine\'s values here' : 'give the image it names, or -Force if the file was moved'})` };
    }
    notes.push(`the backup was ${what}; restored anyway (-Force)`);
  }
  const edited = record.entries
    .map((e, i) => ({ e, now: o.current[i] ?? null }))
    // A value already back to its prior state is not an edit (an undo run again, after a partial one).
    .filter(({ e, now }, i) => i < o.current.length && !sameValue(now, e.after) && !sameValue(now, e.before));
  if (edited.length > 0 && !o.force) {
    const list = edited.slice(0, 5).map(({ e, now }) => `${valueText(e.key, e.name)} is ${valueShown(now)}, Set wrote ${valueShown(e.after)}`).join('; ');
    return { ok: false, code: 'EditedSince', message: `${edited.length} value(s) changed since Set-Tls365Protocols wrote them (${list}); nothing was restored. Undo would overwrite those edits: check them, then run Undo-Tls365Change again with -Force` };
  }
  if (edited.length > 0) notes.push(`${edited.length} value(s) edited since the change were overwritten (-Force)`);
  const ops = rollbackOps(record, record.entries.length);
  return { ok: true, ops, notes, summary: ops.map(opSummary) };
}

/** One line of a confirmation: what an operation will write. */
export function opSummary(op: RegOp): string {
  switch (op.op) {
    case 'set': return `${valueText(op.key, op.name)} = ${valueShown(op.value)}`;
    case 'delete-value': return `${valueText(op.key, op.name)}: delete`;
    case 'remove-key':
    default: return `${op.key}: delete the key if empty`;
  }
}

/** The rows of TLS365.ChangeResult for a change that verified: Status Applied for every back end. */
export const changeRows = (record: ChangeRecord): readonly { readonly key: string; readonly name: string; readonly before: RegValue | null; readonly after: RegValue | null; readonly status: 'Applied' }[] =>
  record.entries.map((e) => ({ key: e.key, name: e.name, before: e.before, after: e.after, status: 'Applied' as const }));
