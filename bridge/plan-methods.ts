import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  applyPlan, evaluateSnapshot, planRemediation, rewriteRefusal, snapshotFromJson, renderBackupReg, renderPlanReg, renderScript, snapshotFromReg, undo,
  type Backup, type Plan, type PlanError, type PlanOptions, type ScriptKind,
} from '../core/index.js';
import { visible } from '../core/model/visible.js';
import { encodeUtf16le, getValue, parseRegFile, renderRegFile, type RegImage, type RegValue } from '../core/regfile/index.js';
import type { Handler, Outcome } from './dispatch.js';
import { MAX_IMAGE_BYTES, readBoundedFile } from './files.js';
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
    default:
      return v;
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
const ok = (result: unknown): Outcome => ({ ok: true, result });
const asView = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const FORMATS: Readonly<Record<string, ScriptKind | 'reg'>> = { Reg: 'reg', Script: 'apply', SccmDiscovery: 'sccm-discovery', SccmRemediation: 'sccm-remediation' };

/** The plan options as the core takes them; the core checks their content (BadOption). */
function planOptionsOf(params: Record<string, unknown>): Checked<PlanOptions> {
  const raw = params['options'] ?? {};
  if (!isRecord(raw)) return invalid('params.options', 'must be an object');
  return { ok: true, value: raw as PlanOptions };
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

const sameValue = (a: RegValue | null | undefined, b: RegValue | null | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const valueText = (key: string, name: string): string => `${key}\\${name === '' ? '(default)' : name}`;

/** Writes the image as regedit v5 UTF-16LE; returns the bytes written or the failure (naming the value renderRegFile refused). */
function writeImage(path: string, image: RegImage): { ok: true; bytes: Uint8Array } | Failure {
  const r = renderRegFile(image);
  if (!r.ok) {
    const e = r.errors[0];
    const what = e === undefined ? path : e.value === undefined ? e.key : valueText(e.key, e.value);
    return failure('RenderFailed', path, `${path}: cannot write ${what}: ${e?.message ?? 'render failed'}`);
  }
  const bytes = encodeUtf16le(r.text);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    return failure('FileUnwritable', path, `${path}: cannot write the file (${errno(e)})`);
  }
  return { ok: true, bytes };
}

/** Puts the original bytes back after a failed write; the message says whether that worked too. */
function restoreOriginal(path: string, original: Buffer, why: Failure): Failure {
  try {
    writeFileSync(path, original);
    return { ok: false, error: { ...why.error, message: `${why.error.message}; the original file was restored` } };
  } catch (e) {
    return { ok: false, error: { ...why.error, message: `${why.error.message}; restoring the original file failed too (${errno(e)})` } };
  }
}

function readinessOf(path: string, bytes: Uint8Array, roles: Plan['settings']['roles'] | undefined): unknown {
  const snap = snapshotFromReg(bytes, path);
  return snap.ok ? toPowerShellShape(evaluateSnapshot(snap.value, { roles: roles ?? [] })) : null;
}

/**
 * plan.create {items: [{path} | {snapshot, origin}], options?: PlanOptions} -> {results: [{ok: true, plan} | {ok: false, error}]}:
 * one remediation plan per image (.reg or snapshot .json), read as readiness.evaluate reads it.
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
    const plan = planRemediation(read.snapshot, options.value);
    return { ok: true, value: plan.ok ? { ok: true, plan: plan.value } : planErrors(plan.error[0]?.code ?? 'BadOption', file, file, plan.error) };
  });
};

/**
 * plan.applyImage {path, plan, backupPath} -> {ok: true, changes: [{key, name, before, after, status}], readiness, backupPath}
 * | {ok: false, error}. Order: check that the image still holds the plan's `before` values, write the backup
 * (.reg and .json; an existing backup is never overwritten), write the image, read it back and check every
 * value. A failure after the backup puts the original bytes back and names the value.
 */
export const planApplyImage: Handler = (params) => {
  const path = stringParam(params, 'path');
  if (!path.ok) return path;
  const backupPath = stringParam(params, 'backupPath');
  if (!backupPath.ok) return backupPath;
  const plan = planParam(params);
  if (!plan.ok) return plan;
  const file = path.value;
  const jsonPath = `${backupPath.value}.json`;

  const read = readRegImage(file);
  if (!read.ok) return ok(read);
  const changes = Array.isArray(plan.value.changes) ? plan.value.changes : [];
  for (const c of changes) {
    if (!sameValue(getValue(read.image, c.key, c.name), c.before)) {
      return ok(failure('Conflict', file, `${file}: ${valueText(c.key, c.name)} is no longer what the plan was made from; plan again`));
    }
  }
  const applied = applyPlan(read.image, plan.value);
  if (!applied.ok) return ok(planErrors(applied.error[0]?.code ?? 'BadOp', file, `${file}: the plan cannot be applied`, applied.error));

  // Everything is rendered before anything is written.
  const backupReg = renderBackupReg(applied.value.backup);
  if (!backupReg.ok) return ok(planErrors('BackupFailed', backupPath.value, `${backupPath.value}: cannot render the backup`, backupReg.error));
  const rendered = renderRegFile(applied.value.image);
  if (!rendered.ok) {
    const e = rendered.errors[0];
    const what = e === undefined ? file : e.value === undefined ? e.key : valueText(e.key, e.value);
    return ok(failure('RenderFailed', file, `${file}: cannot write ${what}: ${e?.message ?? 'render failed'}; nothing was changed`));
  }
  const newBytes = encodeUtf16le(rendered.text);

  for (const target of [backupPath.value, jsonPath]) {
    if (existsSync(target)) return ok(failure('BackupExists', target, `${target}: a backup already exists there; choose another BackupPath (nothing was changed)`));
  }
  const backupRecord = { ...applied.value.backup, image: { path: file, original: read.bytes.toString('base64'), written: sha256(newBytes) } };
  try {
    writeFileSync(jsonPath, JSON.stringify(backupRecord, null, 2), 'utf8');
    writeFileSync(backupPath.value, backupReg.value.bytes);
  } catch (e) {
    return ok(failure('BackupFailed', backupPath.value, `${backupPath.value}: cannot write the backup (${errno(e)}); nothing was changed`));
  }

  try {
    writeFileSync(file, newBytes);
  } catch (e) {
    return ok(restoreOriginal(file, read.bytes, failure('FileUnwritable', file, `${file}: cannot write the file (${errno(e)})`)));
  }

  // Read back what is on disk now: the result reports that, never what was meant.
  let back: RegImage;
  let backBytes: Buffer;
  try {
    backBytes = readFileSync(file);
    const parsed = parseRegFile(asView(backBytes), file);
    if (!parsed.ok) return ok(restoreOriginal(file, read.bytes, failure('VerifyFailed', file, `${file}: the written file does not parse: ${parsed.errors[0]?.message ?? ''}`)));
    back = parsed.image;
  } catch (e) {
    return ok(restoreOriginal(file, read.bytes, failure('VerifyFailed', file, `${file}: cannot read the written file back (${errno(e)})`)));
  }
  const result: { key: string; name: string; before: RegValue | null; after: RegValue | null; status: string }[] = [];
  for (const c of changes) {
    const after = getValue(back, c.key, c.name) ?? null;
    const expected: RegValue | null = c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD', data: c.data } : { type: 'REG_SZ', data: c.data };
    if (!sameValue(after, expected)) {
      return ok(restoreOriginal(file, read.bytes, failure('VerifyFailed', file, `${file}: ${valueText(c.key, c.name)} reads back as ${JSON.stringify(after)}, not ${JSON.stringify(expected)}`)));
    }
    result.push({ key: c.key, name: c.name, before: shownValue(c.before), after: shownValue(after), status: 'Applied' });
  }
  return ok({ ok: true, changes: result, readiness: readinessOf(file, asView(backBytes), plan.value.settings?.roles), backupPath: backupPath.value, restart: plan.value.restart });
};

interface BackupRecord extends Backup {
  readonly image?: { readonly path?: unknown; readonly original?: unknown; readonly written?: unknown };
}

/**
 * plan.undoImage {path, backupPath} -> {ok: true, restored, exact, readiness} | {ok: false, error}: the values
 * the backup recorded are restored in the image. `backupPath` is the backup .reg (its .json beside it is
 * read) or the .json itself. exact: the image was untouched since the apply, so its original bytes were written back.
 */
export const planUndoImage: Handler = (params) => {
  const path = stringParam(params, 'path');
  if (!path.ok) return path;
  const backupPath = stringParam(params, 'backupPath');
  if (!backupPath.ok) return backupPath;
  const file = path.value;
  const jsonPath = extname(backupPath.value).toLowerCase() === '.json' ? backupPath.value : `${backupPath.value}.json`;

  let record: BackupRecord;
  try {
    record = JSON.parse(readFileSync(jsonPath, 'utf8').replace(/^\uFEFF/, '')) as BackupRecord;
  } catch (e) {
    const why = e instanceof SyntaxError ? `not valid JSON: ${e.message}` : `cannot read it (${errno(e)})`;
    return ok(failure('BackupUnreadable', jsonPath, `${jsonPath}: ${why}`));
  }
  const read = readRegImage(file);
  if (!read.ok) return ok(read);
  const restored = undo(read.image, record);
  if (!restored.ok) return ok(planErrors('BadBackup', jsonPath, `${jsonPath}: not a TLS365 backup`, restored.error));

  const image = isRecord(record.image) ? record.image : {};
  const exact = typeof image.original === 'string' && typeof image.written === 'string' && image.written === sha256(read.bytes);
  let written: Uint8Array;
  if (exact) {
    written = asView(Buffer.from(image.original as string, 'base64'));
    try {
      writeFileSync(file, written);
    } catch (e) {
      return ok(failure('FileUnwritable', file, `${file}: cannot write the file (${errno(e)})`));
    }
  } else {
    const w = writeImage(file, restored.value);
    if (!w.ok) return ok(restoreOriginal(file, read.bytes, w));
    written = w.bytes;
  }
  return ok({ ok: true, path: file, restored: record.entries.length, exact, readiness: readinessOf(file, written, undefined) });
};

/** plan.render {plan, format: Reg | Script | SccmDiscovery | SccmRemediation} -> {ok: true, text} | {ok: false, error}. */
export const planRender: Handler = (params) => {
  const plan = planParam(params);
  if (!plan.ok) return plan;
  const format = isRecord(params) ? params['format'] : undefined;
  const kind = typeof format === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, format) ? FORMATS[format] : undefined;
  if (kind === undefined) return invalid('params.format', `must be one of ${Object.keys(FORMATS).join(', ')}`);
  if (kind === 'reg') {
    const r = renderPlanReg(plan.value);
    return ok(r.ok ? { ok: true, text: r.value.text } : planErrors(r.error[0]?.code ?? 'BadOp', null, 'the plan cannot be rendered', r.error));
  }
  const s = renderScript(plan.value, kind);
  return ok(s.ok ? { ok: true, text: s.value } : planErrors(s.error[0]?.code ?? 'BadOp', null, 'the plan cannot be rendered', s.error));
};
