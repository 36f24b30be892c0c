import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import {
  backupOf, changeImage, changeRows, checkWrites, evaluateFacts, machineFacts, imageRestoreReads, imageValues, judgeRestore, planRemediation, readChangeRecord, replayWrites,
  rewriteRefusal, sameValue, snapshotFromJson, renderBackupReg, renderPlanReg, renderScript, snapshotFromReg, undo, undoDecision, valueText,
  type ChangeRecord, type Plan, type PlanError, type PlanOptions, type ScriptKind,
} from '../core/index.js';
import { EXPORT_FORMATS } from '../core/plan/export-formats.js';
import { visible } from '../core/model/visible.js';
import { encodeUtf16le, getValue, parseRegFile, renderRegFile, type RegImage, type RegValue } from '../core/regfile/index.js';
import type { Handler, Outcome } from './dispatch.js';
import { MAX_IMAGE_BYTES, readBoundedFile } from './files.js';
import { canWrite, createExclusive, lockImage, writeAtomic } from './image-io.js';
import { endpointOptionsOf } from './endpoint-options.js';
import { todayUtc } from '../core/endpoints/dates.js';
import { effectiveSettings } from '../core/readiness/origins.js';
import { tlsSettings } from '../core/readiness/settings.js';
import { invalid, isRecord, mapItems, type Checked } from './params.js';
import { MAX_READINESS_ITEMS, readImage, startsLikeJson, type ItemError } from './readiness-methods.js';
import { toPowerShellShape } from './readiness-shape.js';

/**
 * The remediation methods: the I/O edge of core/plan. They read and write only the files named in params
 * (the image, the backup .reg and its .json) and execute nothing. Failures that concern the files or the
 * plan are data (`{ok: false, error: {code, file, line, message}}`); only a malformed request is -32602.
 *
 * The backup .json is the core's Backup object plus `image`: the bytes the image had before (base64) and the
 * SHA-256 of the bytes written. Undo writes the original bytes back when the image is still exactly what the
 * apply wrote (so the file is restored byte for byte, whatever encoding it had); when it changed since, undo
 * restores the recorded values in the current image instead.
 *
 * Neither writes an image whose bytes were not all valid in its encoding (core/plan/rewrite.ts): that is the
 * item's failure `WouldChangeBytes`, naming the file and line, and the file is not touched. Messages, and the
 * values read from the image that a result reports (before/after), show control characters as \xHH.
 */

type Failure = { ok: false; error: ItemError };

const failure = (code: string, file: string | null, message: string, line: number | null = null): Failure =>
  ({ ok: false, error: { code, file, line, message: visible(message), errors: [] } });

const planErrors = (code: string, file: string | null, what: string, errors: readonly PlanError[]): Failure => ({
  ok: false,
  error: { code, file, line: null, message: visible(`${what}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`), errors: errors.map((e) => visible(`${e.path}: ${e.message}`)) },
});

/** A registry value as a result reports it: string data read from an image shows control characters as \xHH. */
function shownValue(v: RegValue | null): RegValue | null {
  if (v === null) return null;
  switch (v.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { ...v, data: visible(v.data) };
    case 'REG_MULTI_SZ':
      return { ...v, data: v.data.map(visible) };
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
    case 'REG_QWORD':
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_OTHER':
    default:
      return v; // numbers and hex: nothing to show differently
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
const ok = (result: unknown): Outcome => ({ ok: true, result });
const asView = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** The plan options as the core takes them; the core checks their content (BadOption). */
function planOptionsOf(params: Record<string, unknown>): Checked<PlanOptions> {
  const raw = params['options'] ?? {};
  if (!isRecord(raw)) return invalid('params.options', 'must be an object');
  // The endpoint profiles' day: the caller's, or today (the core has no clock); the core checks the rest.
  const judged = endpointOptionsOf(raw, 'params.options');
  if (!judged.ok) return judged;
  return { ok: true, value: { ...raw, ...judged.value } };
}

function stringParam(params: unknown, name: string): Checked<string> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const v = params[name];
  if (typeof v !== 'string' || v.length === 0) return invalid(`params.${name}`, 'must be a non-empty string');
  return { ok: true, value: v };
}

function planParam(params: unknown): Checked<Plan> {
  if (!isRecord(params) || !isRecord(params['plan'])) return invalid('params.plan', 'must be an object (a plan from plan.create)');
  return { ok: true, value: params['plan'] as unknown as Plan };
}

type ImageRead = { ok: true; bytes: Buffer; image: RegImage } | Failure;

/** A `.reg` image to change: snapshots (.json) are evaluated and exported from, never rewritten. */
function readRegImage(path: string): ImageRead {
  const read = readBoundedFile(path, MAX_IMAGE_BYTES, 'a registry image');
  if (!read.ok) return failure(read.code, path, read.message);
  const bytes = read.bytes;
  if (extname(path).toLowerCase() === '.json' || startsLikeJson(bytes)) {
    return failure('NotRegImage', path, `${path}: only a .reg image can be changed; a snapshot (.json) can be planned and exported from, not written to`);
  }
  const parsed = parseRegFile(asView(bytes), path);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return failure('ImageMalformed', path, `${path}:${first?.line ?? 1}: ${first?.message ?? 'not a registry export'}`, first?.line ?? null);
  }
  // Checked before anything is planned or written: the one image of this request is left as it is.
  const refused = rewriteRefusal(parsed);
  if (refused !== null) return failure('WouldChangeBytes', path, refused.message, refused.line);
  return { ok: true, bytes, image: parsed.image };
}

/** Puts the original bytes back after a failed verify; the message says whether that worked too, and where the backup is. */
function restoreOriginal(path: string, original: Buffer, why: Failure, kept: string): Failure {
  try {
    writeAtomic(path, original);
    return { ok: false, error: { ...why.error, message: `${why.error.message}; the original file was restored (${kept})` } };
  } catch (e) {
    return { ok: false, error: { ...why.error, message: `${why.error.message}; restoring the original file failed too (${errno(e)}): ${kept}` } };
  }
}

function readinessOf(path: string, bytes: Uint8Array, settings: Plan['settings'] | undefined): unknown {
  const judged = settings ?? null;
  const roles = settings?.roles;
  const snap = snapshotFromReg(bytes, path);
  if (!snap.ok) return null;
  const asOf = judged?.asOf ?? todayUtc(new Date());
  const m = machineFacts(snap.value);
  const r = evaluateFacts(m, { roles: roles ?? [], asOf, ...(judged?.endpoints === undefined ? {} : { endpoints: judged.endpoints }) });
  return toPowerShellShape(r, null, tlsSettings(m), effectiveSettings(m), asOf);
}

/**
 * plan.create {items: [{path, forWrite?} | {snapshot, origin}], options?: PlanOptions} -> {results: [{ok: true, plan} | {ok: false, error}]}:
 * one remediation plan per image (.reg or snapshot .json), read as readiness.evaluate reads it. With forWrite
 * (Set-Tls365Protocols), an image that plan.applyImage would refuse (a snapshot, bytes a rewrite would change) is
 * refused here with the same error, so -WhatIf says what the real run would do instead of listing changes.
 */
export const planCreate: Handler = (params) => {
  const options = planOptionsOf(isRecord(params) ? params : {});
  if (!options.ok) return options;
  return mapItems(params, MAX_READINESS_ITEMS, (item, path) => {
    if (item['snapshot'] !== undefined) {
      // A live collection (Set-Tls365Protocols without -Path): the machine's collector snapshot.
      const origin = typeof item['origin'] === 'string' ? item['origin'] : path;
      const snap = snapshotFromJson(item['snapshot'], origin);
      if (!snap.ok) return { ok: true, value: { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } } };
      const livePlan = planRemediation(snap.value, options.value);
      return { ok: true, value: livePlan.ok ? { ok: true, plan: livePlan.value } : planErrors(livePlan.error[0]?.code ?? 'BadOption', origin, origin, livePlan.error) };
    }
    const file = item['path'];
    if (typeof file !== 'string') return invalid(`${path}.path`, 'must be a string (or give a snapshot)');
    const read = readImage(file);
    if (!read.ok) return { ok: true, value: read };
    if (item['forWrite'] === true) {
      const writable = readRegImage(file);
      if (!writable.ok) return { ok: true, value: writable };
    }
    const plan = planRemediation(read.snapshot, options.value);
    return { ok: true, value: plan.ok ? { ok: true, plan: plan.value } : planErrors(plan.error[0]?.code ?? 'BadOption', file, file, plan.error) };
  });
};

/**
 * plan.applyImage {path, plan, backupPath} -> {ok: true, changes: [{key, name, before, after, status}], readiness, backupPath, backupHash}
 * | {ok: false, error}. Under the image's lock (image-io.ts, held from the read to the check): check that the image
 * can be written and still holds the plan's `before` values; create the backup (.json, then .reg; exclusively:
 * an existing file or link there is BackupExists); write the image through a temporary file renamed over it (a
 * killed bridge leaves the old image or the new one, never a cut one); read it back and check every value. A
 * failure after the write puts the original bytes back the same way and names the value. `backupHash` is the
 * SHA-256 of the backup .json: kept by the caller (TLS365.ChangeResult.BackupHash), it proves the backup at undo.
 */
export const planApplyImage: Handler = (params) => {
  const path = stringParam(params, 'path');
  if (!path.ok) return path;
  const backupPath = stringParam(params, 'backupPath');
  if (!backupPath.ok) return backupPath;
  const plan = planParam(params);
  if (!plan.ok) return plan;
  const lock = lockImage(path.value);
  if (!lock.ok) return ok(failure('Locked', path.value, lock.message));
  try {
    return ok(applyLocked(path.value, backupPath.value, plan.value));
  } finally {
    lock.release();
  }
};

function applyLocked(file: string, backupPath: string, plan: Plan): unknown {
  const jsonPath = `${backupPath}.json`;
  const read = readRegImage(file);
  if (!read.ok) return read;
  const writable = canWrite(file);
  if (!writable.ok) return failure('FileUnwritable', file, `${file}: the file cannot be written (${writable.code}: read-only, or not this account's to change); nothing was changed and no backup was written`);
  const changes = Array.isArray(plan.changes) ? plan.changes : [];
  for (const c of changes) {
    if (!sameValue(getValue(read.image, c.key, c.name), c.before)) {
      return failure('Conflict', file, `${file}: ${valueText(c.key, c.name)} is no longer what the plan was made from; plan again`);
    }
  }
  // The engine's record (core/change): the same backup format as a live change, naming this image.
  const changed = changeImage(read.image, plan, { kind: 'image', path: resolve(file), original: read.bytes.toString('base64'), originalHash: sha256(read.bytes), written: '' }, new Date().toISOString());
  if (!changed.ok) return planErrors(changed.error[0]?.code ?? 'BadOp', file, `${file}: the plan cannot be applied`, changed.error);

  // Everything is rendered before anything is written.
  const backupReg = renderBackupReg(backupOf(changed.value.record));
  if (!backupReg.ok) return planErrors('BackupFailed', backupPath, `${backupPath}: cannot render the backup`, backupReg.error);
  const rendered = renderRegFile(changed.value.image);
  if (!rendered.ok) {
    const e = rendered.errors[0];
    const what = e === undefined ? file : e.value === undefined ? e.key : valueText(e.key, e.value);
    return failure('RenderFailed', file, `${file}: cannot write ${what}: ${e?.message ?? 'render failed'}; nothing was changed`);
  }
  const newBytes = encodeUtf16le(rendered.text);
  const target = changed.value.record.target;
  const backupRecord: ChangeRecord = { ...changed.value.record, target: target.kind === 'image' ? { ...target, written: sha256(newBytes) } : target };
  const backupJson = Buffer.from(JSON.stringify(backupRecord, null, 2), 'utf8');
  try {
    createExclusive(jsonPath, backupJson);
  } catch (e) {
    if (errno(e) === 'EEXIST') return failure('BackupExists', jsonPath, `${jsonPath}: a file or link already exists there; choose another BackupPath (nothing was changed)`);
    return failure('BackupFailed', jsonPath, `${jsonPath}: cannot write the backup (${errno(e)}); nothing was changed`);
  }
  try {
    createExclusive(backupPath, backupReg.value.bytes);
  } catch (e) {
    rmQuiet(jsonPath);
    const what = errno(e) === 'EEXIST' ? 'a file or link already exists there; choose another BackupPath' : `cannot write the backup (${errno(e)})`;
    return failure(errno(e) === 'EEXIST' ? 'BackupExists' : 'BackupFailed', backupPath, `${backupPath}: ${what}; nothing was changed`);
  }
  const backupHash = sha256(backupJson);
  const kept = `the backup is ${backupPath}`;

  // Another writer (not TLS365: it would hold the lock) changed the file since it was read: its edit wins.
  const now = readQuiet(file);
  if (now === null || sha256(now) !== sha256(read.bytes)) {
    rmQuiet(jsonPath);
    rmQuiet(backupPath);
    return failure('Conflict', file, `${file}: the file changed while the plan was applied (another program wrote it); nothing was changed, plan again`);
  }
  try {
    writeAtomic(file, newBytes);
  } catch (e) {
    rmQuiet(jsonPath);
    rmQuiet(backupPath);
    return failure('FileUnwritable', file, `${file}: cannot write the file (${errno(e)}); it was not changed and no backup was kept`);
  }

  // Read back what is on disk now: the result reports that, never what was meant.
  const backBytes = readQuiet(file);
  const parsed = backBytes === null ? null : parseRegFile(asView(backBytes), file);
  if (backBytes === null || parsed === null || !parsed.ok) {
    const why = backBytes === null ? 'cannot read the written file back' : `the written file does not parse: ${parsed !== null && !parsed.ok ? parsed.errors[0]?.message ?? '' : ''}`;
    return restoreOriginal(file, read.bytes, failure('VerifyFailed', file, `${file}: ${why}`), kept);
  }
  const wrong = checkWrites(backupRecord, imageValues(parsed.image, backupRecord));
  if (wrong.length > 0) {
    return restoreOriginal(file, read.bytes, failure('VerifyFailed', file, `${file}: ${wrong.map((w) => `${w.target} ${w.message}`).join('; ')}`), kept);
  }
  const result = changeRows(backupRecord).map((r) => ({ ...r, before: shownValue(r.before), after: shownValue(r.after) }));
  return { ok: true, changes: result, readiness: readinessOf(file, asView(backBytes), plan.settings), backupPath, backupHash, restart: plan.restart };
}

function readQuiet(file: string): Buffer | null {
  try { return readFileSync(file); } catch { return null; }
}

function rmQuiet(file: string): void {
  try { unlinkSync(file); } catch { /* not there */ }
}

const samePath = (a: string, b: string): boolean =>
  (process.platform === 'win32' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b));

/**
 * plan.undoImage {path, backupPath, backupHash?, force?, allowLegacy?} -> {ok: true, restored, exact, readiness, notes} | {ok: false, error}.
 * `backupPath` is the backup .reg (its .json beside it is read) or the .json itself. Under the image's lock:
 *
 * - the backup is checked before anything is written: its SHA-256 against `backupHash` when given (what Set
 *   returned; a tampered or truncated backup is BackupTampered), its schema, its scope (core/plan/backup-trust.ts:
 *   BackupUntrusted, never overridden), values that would turn SSL 2.0/3.0 on (RestoresLegacySsl unless
 *   `allowLegacy`, then a RISK note each), that it names this image (BackupMismatch), and that
 *   its original bytes are the ones it recorded and hold the values its entries say (BackupTampered);
 * - when the image is exactly what Set wrote, or no longer a registry image at all (emptied, cut off), its
 *   original bytes are written back: the file is as before, byte for byte (`exact`);
 * - otherwise each value Set wrote must still be what it wrote: a value edited since is named and nothing is
 *   written (EditedSince), unless `force`; then the recorded values are restored in the current image.
 * Every write goes through a temporary file and a rename.
 */
export const planUndoImage: Handler = (params) => {
  const path = stringParam(params, 'path');
  if (!path.ok) return path;
  const backupPath = stringParam(params, 'backupPath');
  if (!backupPath.ok) return backupPath;
  const record = isRecord(params) ? params : {};
  const hash = record['backupHash'];
  if (hash !== undefined && (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash))) return invalid('params.backupHash', 'must be a SHA-256 in hex');
  const force = record['force'] === true;
  const allowLegacy = record['allowLegacy'] === true;
  const lock = lockImage(path.value);
  if (!lock.ok) return ok(failure('Locked', path.value, lock.message));
  try {
    return ok(undoLocked(path.value, backupPath.value, typeof hash === 'string' ? hash.toLowerCase() : null, force, allowLegacy));
  } finally {
    lock.release();
  }
};

function undoLocked(file: string, backupPath: string, hash: string | null, force: boolean, allowLegacy: boolean): unknown {
  const jsonPath = extname(backupPath).toLowerCase() === '.json' ? backupPath : `${backupPath}.json`;
  let raw: Buffer;
  try {
    raw = readFileSync(jsonPath);
  } catch (e) {
    return failure('BackupUnreadable', jsonPath, `${jsonPath}: cannot read it (${errno(e)})`);
  }
  if (hash !== null && sha256(raw) !== hash) {
    return failure('BackupTampered', jsonPath, `${jsonPath}: its SHA-256 is not the one Set-Tls365Protocols recorded (BackupHash): the backup was changed or cut since; nothing was restored`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return failure('BackupUnreadable', jsonPath, `${jsonPath}: not valid JSON (${e instanceof Error ? e.message : String(e)}); nothing was restored`);
  }
  const read = readChangeRecord(json);
  if (!read.ok) return planErrors('BadBackup', jsonPath, `${jsonPath}: not a TLS365 backup`, read.error);
  const record = read.value;
  if (record.target.kind !== 'image') {
    return failure('BackupMismatch', jsonPath, `${jsonPath}: a backup of the live registry of ${record.target.computerName}, not of an image; nothing was restored (run Undo-Tls365Change -BackupPath without -Path on that computer)`);
  }
  const image = record.target;

  const current = readBoundedFile(file, MAX_IMAGE_BYTES, 'a registry image');
  const currentBytes = current.ok ? current.bytes : null;
  const parsedNow = currentBytes === null ? null : parseRegFile(asView(currentBytes), file);
  const damaged = parsedNow === null || !parsedNow.ok;
  const untouched = currentBytes !== null && image.written === sha256(currentBytes);
  // One decision for every back end (core/change): scope, SSL, whose backup, values edited since.
  const decision = undoDecision(record, {
    here: file, current: parsedNow !== null && parsedNow.ok && !untouched ? imageValues(parsedNow.image, record) : [], force, allowLegacy, samePlace: samePath,
  });
  if (!decision.ok) return failure(decision.code, decision.code === 'EditedSince' ? file : jsonPath, `${decision.code === 'EditedSince' ? file : jsonPath}: ${decision.message}`);
  const notes = [...decision.notes];
  const original = Buffer.from(image.original, 'base64');
  const checked = originalProblem(original, image, record, file);
  if (checked !== null) return failure('BackupTampered', jsonPath, `${jsonPath}: ${checked}; nothing was restored`);

  let bytes: Uint8Array;
  if (untouched || damaged) {
    if (damaged) notes.push(`${file} was no longer a registry image (${currentBytes === null ? 'unreadable or missing' : 'it does not parse'}); its original bytes were written back from the backup`);
    bytes = asView(original);
  } else {
    if (parsedNow === null || !parsedNow.ok) return failure('ImageMalformed', file, `${file}: not a registry image; nothing was restored`);
    const refused = rewriteRefusal(parsedNow);
    if (refused !== null) return failure('WouldChangeBytes', file, refused.message, refused.line);
    const restored = undo(parsedNow.image, backupOf(record));
    if (!restored.ok) return planErrors('BadBackup', jsonPath, `${jsonPath}: not a TLS365 backup`, restored.error);
    const r = renderRegFile(restored.value);
    if (!r.ok) return failure('RenderFailed', file, `${file}: cannot write ${r.errors[0]?.key ?? file}: ${r.errors[0]?.message ?? 'render failed'}; nothing was restored`);
    bytes = encodeUtf16le(r.text);
  }
  try {
    writeAtomic(file, bytes);
  } catch (e) {
    return failure('FileUnwritable', file, `${file}: cannot write the file (${errno(e)}); nothing was restored`);
  }
  // Read back what is on disk and judge it as every back end is judged: each touched value as it was, each created key gone.
  const back = readQuiet(file);
  const parsedBack = back === null ? null : parseRegFile(asView(back), file);
  const judged = parsedBack !== null && parsedBack.ok
    ? judgeRestore(record, imageRestoreReads(parsedBack.image, record), [])
    : { exact: false, problems: [{ target: file, message: 'cannot read the restored file back as a registry image' }] };
  return { ok: true, path: file, restored: record.entries.length, exact: judged.exact, problems: judged.problems.map((p) => visible(`${p.target}: ${p.message}`)), notes, readiness: readinessOf(file, bytes, undefined) };
}

/** Why the backup's original bytes cannot be trusted, or null: their hash, that they parse, that they hold the recorded values. */
function originalProblem(original: Buffer, image: Extract<ChangeRecord['target'], { kind: 'image' }>, record: ChangeRecord, file: string): string | null {
  if (sha256(original) !== image.originalHash) return 'its original bytes are not the ones it recorded (their SHA-256 differs)';
  const parsed = parseRegFile(asView(original), file);
  if (!parsed.ok) return `its original bytes are not a registry image (${parsed.errors[0]?.message ?? 'they do not parse'})`;
  for (const e of record.entries) {
    if (!sameValue(getValue(parsed.image, e.key, e.name) ?? null, e.before)) return `its original bytes do not hold ${valueText(e.key, e.name)} as its entries record it`;
  }
  // The original with the values Set wrote must be, byte for byte, the image Set wrote (its recorded hash).
  const again = renderRegFile(replayWrites(parsed.image, record.entries.map((e) => ({ key: e.key, name: e.name, value: e.after }))));
  if (!again.ok || sha256(encodeUtf16le(again.text)) !== image.written) return 'its original bytes with the values it says Set wrote do not make the image Set wrote (the backup was changed)';
  return null;
}

/** plan.render {plan, format: Reg | Script | SccmDiscovery | SccmRemediation} -> {ok: true, text} | {ok: false, error}. */
export const planRender: Handler = (params) => {
  const plan = planParam(params);
  if (!plan.ok) return plan;
  const format = isRecord(params) ? params['format'] : undefined;
  const kind = typeof format === 'string' && Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, format) ? (EXPORT_FORMATS as Readonly<Record<string, ScriptKind | 'reg' | 'gpp'>>)[format] : undefined;
  if (kind === undefined) return invalid('params.format', `must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  if (kind === 'gpp') return ok(failure('DesiredStateOnly', null, 'GroupPolicy writes a desired state for every machine a GPO reaches, not one machine\'s plan: leave out -Path'));
  if (kind === 'reg') {
    const r = renderPlanReg(plan.value);
    return ok(r.ok ? { ok: true, text: r.value.text } : planErrors(r.error[0]?.code ?? 'BadOp', null, 'the plan cannot be rendered', r.error));
  }
  const s = renderScript(plan.value, kind);
  return ok(s.ok ? { ok: true, text: s.value } : planErrors(s.error[0]?.code ?? 'BadOp', null, 'the plan cannot be rendered', s.error));
};
