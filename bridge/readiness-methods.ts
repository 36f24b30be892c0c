import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { evaluateSnapshot, snapshotFromJson, snapshotFromReg, type EvaluateOptions, type Readiness, type Role } from '../core/index.js';
import type { Handler } from './dispatch.js';
import { invalid, isRecord, itemsOf, type Checked } from './params.js';

/** Most machines per readiness request: replies stay a few MB, which Windows PowerShell 5.1 parses comfortably. */
export const MAX_READINESS_ITEMS = 5000;

const ROLES: readonly Role[] = ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'];

type ItemResult = { ok: true; readiness: Readiness } | { ok: false; error: { code: string; file: string | null; line: number | null; message: string; errors: readonly string[] } };

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

/** Line (1-based) of a JSON.parse error position, when Node's message gives one. */
function jsonErrorLine(text: string, message: string): number | null {
  const m = /position (\d+)/.exec(message);
  if (m?.[1] === undefined) return null;
  return text.slice(0, Number(m[1])).split('\n').length;
}

/** Reads one image file: the only I/O here. `.json` is a snapshot, anything else is read as a `.reg` export. */
function evaluateFile(path: string, options: EvaluateOptions): ItemResult {
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
      const msg = e instanceof Error ? e.message : String(e);
      const line = jsonErrorLine(text, msg);
      return { ok: false, error: { code: 'SnapshotMalformed', file: path, line, message: `${path}${line === null ? '' : `:${line}`}: not valid JSON (${msg})`, errors: [] } };
    }
    const snap = snapshotFromJson(value, path);
    if (!snap.ok) return { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } };
    return { ok: true, readiness: evaluateSnapshot({ ...snap.value, source: 'Image' }, options) };
  }
  const snap = snapshotFromReg(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  if (!snap.ok) return { ok: false, error: { code: 'ImageMalformed', ...snap.error } };
  return { ok: true, readiness: evaluateSnapshot(snap.value, options) };
}

/**
 * readiness.evaluate {items: [{path} | {snapshot}], options?: {roles, discovery}}
 *   -> {results: [{ok: true, readiness} | {ok: false, error: {code, file, line, message, errors}}]}, in item order.
 * One unreadable or malformed input is that item's failure; every other machine is still evaluated.
 */
export const readinessEvaluate: Handler = (params) => {
  const items = itemsOf(params, MAX_READINESS_ITEMS);
  if (!items.ok) return items;
  const options = optionsOf(params as Record<string, unknown>);
  if (!options.ok) return options;
  const results: ItemResult[] = [];
  for (let i = 0; i < items.value.length; i += 1) {
    const item = items.value[i] as Record<string, unknown>;
    if (typeof item['path'] === 'string') {
      results.push(evaluateFile(item['path'], options.value));
    } else if (item['snapshot'] !== undefined) {
      const origin = typeof item['origin'] === 'string' ? item['origin'] : `item ${i}`;
      const snap = snapshotFromJson(item['snapshot'], origin);
      results.push(snap.ok ? { ok: true, readiness: evaluateSnapshot(snap.value, options.value) } : { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } });
    } else {
      return invalid(`params.items[${i}]`, 'must have a path (string) or a snapshot (object)');
    }
  }
  return { ok: true, result: { results } };
};
