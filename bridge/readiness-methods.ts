import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { evaluateSnapshot, snapshotFromJson, snapshotFromReg, type EvaluateOptions, type MachineSnapshot, type Role } from '../core/index.js';
import { locateJsonError } from '../core/json/locate-error.js';
import type { Handler } from './dispatch.js';
import { toPowerShellShape } from './readiness-shape.js';
import { invalid, isRecord, mapItems, type Checked } from './params.js';

/** Most machines per readiness request: replies stay a few MB, which Windows PowerShell 5.1 parses comfortably. */
export const MAX_READINESS_ITEMS = 5000;

const ROLES: readonly Role[] = ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'];

export interface ItemError { code: string; file: string | null; line: number | null; message: string; errors: readonly string[] }
type ItemResult = { ok: true; readiness: unknown } | { ok: false; error: ItemError };
export type SnapshotRead = { ok: true; snapshot: MachineSnapshot } | { ok: false; error: ItemError };

function optionsOf(params: Record<string, unknown>): Checked<EvaluateOptions> {
  const raw = params['options'] ?? {};
  if (!isRecord(raw)) return invalid('params.options', 'must be an object');
  const roles = raw['roles'] ?? [];
  if (!Array.isArray(roles) || !roles.every((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r))) {
    return invalid('params.options.roles', `must be an array of ${ROLES.join(', ')}`);
  }
  const discovery = raw['discovery'] ?? false;
  if (typeof discovery !== 'boolean') return invalid('params.options.discovery', 'must be a boolean');
  return { ok: true, value: { roles, discovery } };
}

/** Reads one image file into a snapshot: the only I/O here. `.json` (or text starting with `{`) is a snapshot, anything else a `.reg` export. */
export function readImage(path: string): SnapshotRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, error: { code: 'FileUnreadable', file: path, line: null, message: `${path}: cannot read the file (${code})`, errors: [] } };
  }
  const looksJson = extname(path).toLowerCase() === '.json' || (bytes.length > 0 && bytes[0] === 0x7b);
  if (looksJson) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const where = locateJsonError(text);
      const detail = where === null ? (e instanceof Error ? e.message : String(e)) : `${where.message} at column ${where.column}`;
      const line = where?.line ?? null;
      return { ok: false, error: { code: 'SnapshotMalformed', file: path, line, message: `${path}${line === null ? '' : `:${line}`}: not valid JSON: ${detail}`, errors: [] } };
    }
    const snap = snapshotFromJson(value, path);
    if (!snap.ok) return { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } };
    // A snapshot read from a file is an image of that machine, whoever collected it.
    return { ok: true, snapshot: { ...snap.value, source: 'Image' } };
  }
  const snap = snapshotFromReg(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  if (!snap.ok) return { ok: false, error: { code: 'ImageMalformed', ...snap.error } };
  return { ok: true, snapshot: snap.value };
}

function evaluateFile(path: string, options: EvaluateOptions): ItemResult {
  const read = readImage(path);
  return read.ok ? { ok: true, readiness: toPowerShellShape(evaluateSnapshot(read.snapshot, options)) } : read;
}

/**
 * snapshot.read {items: [{path}]} -> {results: [{ok: true, snapshot} | {ok: false, error}]}: an image file as a
 * TLS365 snapshot (for `Get-Tls365Readiness -Snapshot`, and to turn .reg exports into snapshot files).
 */
export const snapshotRead: Handler = (params) => mapItems(params, MAX_READINESS_ITEMS, (item, path) => {
  const file = item['path'];
  return typeof file === 'string' ? { ok: true, value: readImage(file) } : invalid(`${path}.path`, 'must be a string');
});

/**
 * readiness.evaluate {items: [{path} | {snapshot}], options?: {roles, discovery}}
 *   -> {results: [{ok: true, readiness} | {ok: false, error: {code, file, line, message, errors}}]}, in item order;
 *   readiness is in the PowerShell object shape (readiness-shape.ts).
 * One unreadable or malformed input is that item's failure; every other machine is still evaluated.
 */
export const readinessEvaluate: Handler = (params) => {
  const options = optionsOf(isRecord(params) ? params : {});
  if (!options.ok) return options;
  return mapItems(params, MAX_READINESS_ITEMS, (item, path): Checked<ItemResult> => {
    if (typeof item['path'] === 'string') return { ok: true, value: evaluateFile(item['path'], options.value) };
    if (item['snapshot'] === undefined) return invalid(path, 'must have a path (string) or a snapshot (object)');
    const origin = typeof item['origin'] === 'string' ? item['origin'] : path;
    const snap = snapshotFromJson(item['snapshot'], origin);
    return {
      ok: true,
      value: snap.ok ? { ok: true, readiness: toPowerShellShape(evaluateSnapshot(snap.value, options.value)) } : { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } },
    };
  });
};
