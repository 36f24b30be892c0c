import { fail, ok, type Result } from '../model/result.js';
import type { RegValue } from '../regfile/index.js';
import type { PlanError } from '../plan/model.js';
import { checkKey, unsafeText } from '../plan/validate.js';
import { CHANGE_SCHEMA, type ChangeEntry, type ChangeRecord, type ChangeTarget } from './record.js';

/**
 * A change record as it comes back from a file (JSON.parse output), checked field by field: the schema, every
 * key (a TLS365 key path, no control characters), every value (a registry value of a known type whose data has
 * that type's shape). Records of earlier versions are converted:
 *
 * - `tls365.backup/1` (image backups): entries {key, name, before, index, deletedIndex}, createdKeys,
 *   addedSections, `image` {path, original, originalHash, written} and `written` [{key, name, value}];
 * - `tls365.live-backup/1|2` (live manifests): entries {hive, key, name, existed, kind, value, op, data} with
 *   the module's kind names (DWord, QWord, String, ExpandString, MultiString, Binary, None) and createdKeys
 *   [{hive, key}] (/2).
 *
 * A field that is missing or of the wrong shape is a BadBackup error naming it; nothing is guessed.
 */
const bad = (path: string, message: string): PlanError => ({ code: 'BadBackup', path, message });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const HEX = /^(?:[0-9a-f]{2})*$/;
const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;

/** A registry value of a known type with data of that type's shape, or an error at `path`. */
export function checkValue(raw: unknown, path: string): Result<RegValue | null, PlanError> {
  if (raw === null) return ok(null);
  if (!isObject(raw) || typeof raw['type'] !== 'string') return fail(bad(path, 'must be null (absent) or a registry value {type, data}'));
  const data = raw['data'];
  const type = raw['type'];
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      return typeof data === 'number' && Number.isInteger(data) && data >= 0 && data <= 0xFFFFFFFF ? ok({ type, data }) : fail(bad(`${path}.data`, `a ${type} is a whole number from 0 to 4294967295`));
    case 'REG_QWORD':
      return typeof data === 'string' && DECIMAL.test(data) && BigInt(data) <= 0xFFFFFFFFFFFFFFFFn ? ok({ type, data }) : fail(bad(`${path}.data`, 'a REG_QWORD is a decimal string from 0 to 18446744073709551615'));
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return typeof data === 'string' ? ok({ type, data }) : fail(bad(`${path}.data`, `a ${type} is a string`));
    case 'REG_MULTI_SZ':
      return Array.isArray(data) && data.every((s) => typeof s === 'string') ? ok({ type, data }) : fail(bad(`${path}.data`, 'a REG_MULTI_SZ is an array of strings'));
    case 'REG_BINARY':
    case 'REG_NONE':
      return typeof data === 'string' && HEX.test(data) ? ok({ type, data }) : fail(bad(`${path}.data`, `a ${type} is lower-case hex bytes`));
    case 'REG_OTHER': {
      const kind = raw['kind'];
      return typeof data === 'string' && HEX.test(data) && typeof kind === 'number' && Number.isInteger(kind) && kind >= 0 && kind <= 0xFFFFFFFF
        ? ok({ type, kind, data }) : fail(bad(path, 'a REG_OTHER has a type number (kind) and lower-case hex bytes'));
    }
    default:
      return fail(bad(`${path}.type`, `"${String(type).slice(0, 40)}" is not a registry value type`));
  }
}

/** The module's RegistryValueKind names (live manifests) as registry values. */
export function fromKind(kind: string, value: unknown): RegValue | null {
  switch (kind) {
    case 'DWord': return { type: 'REG_DWORD', data: Number(value) };
    case 'QWord': return { type: 'REG_QWORD', data: String(value) };
    case 'String': return { type: 'REG_SZ', data: String(value ?? '') };
    case 'ExpandString': return { type: 'REG_EXPAND_SZ', data: String(value ?? '') };
    case 'MultiString': return { type: 'REG_MULTI_SZ', data: Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : [String(value)] };
    case 'Binary': return { type: 'REG_BINARY', data: String(value ?? '') };
    case 'None': return { type: 'REG_NONE', data: String(value ?? '') };
    default: return null;
  }
}

const HIVES: Readonly<Record<string, string>> = { LocalMachine: 'HKEY_LOCAL_MACHINE', CurrentUser: 'HKEY_CURRENT_USER' };

function entryOf(raw: unknown, i: number, errors: PlanError[]): ChangeEntry | null {
  const path = `entries[${i}]`;
  if (!isObject(raw)) { errors.push(bad(path, 'must be an object')); return null; }
  const key = checkKey(raw['key'], `${path}.key`);
  if (!key.ok) { errors.push(key.error); return null; }
  if (typeof raw['name'] !== 'string') { errors.push(bad(`${path}.name`, 'must be a string')); return null; }
  const name = unsafeText(raw['name'], `${path}.name`, 'the value name');
  if (name !== null) { errors.push(name); return null; }
  const before = checkValue(raw['before'] ?? null, `${path}.before`);
  const after = checkValue(raw['after'] ?? null, `${path}.after`);
  if (!before.ok) errors.push(before.error);
  if (!after.ok) errors.push(after.error);
  const index = raw['index'] ?? null;
  const deletedIndex = raw['deletedIndex'] ?? null;
  for (const [field, at] of [['index', index], ['deletedIndex', deletedIndex]] as const) {
    if (at !== null && (typeof at !== 'number' || !Number.isInteger(at) || at < 0)) errors.push(bad(`${path}.${field}`, `${field} must be null or an index`));
  }
  if (!before.ok || !after.ok) return null;
  return { key: key.value, name: raw['name'], before: before.value, after: after.value, index: index as number | null, deletedIndex: deletedIndex as number | null };
}

function keysOf(raw: unknown, path: string, errors: PlanError[]): string[] {
  if (!Array.isArray(raw)) { errors.push(bad(path, 'must be an array of key paths')); return []; }
  const out: string[] = [];
  raw.forEach((k, i) => {
    const key = checkKey(k, `${path}[${i}]`);
    if (key.ok) out.push(key.value); else errors.push(key.error);
  });
  return out;
}

function targetOf(raw: unknown, errors: PlanError[]): ChangeTarget | null {
  if (!isObject(raw)) { errors.push(bad('target', 'must be an object {kind: "image" | "live", ...}')); return null; }
  if (raw['kind'] === 'image') {
    const fields = ['path', 'original', 'originalHash', 'written'] as const;
    const missing = fields.filter((f) => typeof raw[f] !== 'string');
    if (missing.length > 0) { errors.push(bad('target', `an image target has ${missing.join(', ')} (strings)`)); return null; }
    for (const f of ['originalHash', 'written'] as const) if (!/^[0-9a-f]{64}$/.test(raw[f] as string)) errors.push(bad(`target.${f}`, 'must be a SHA-256 in lower-case hex'));
    return { kind: 'image', path: raw['path'] as string, original: raw['original'] as string, originalHash: raw['originalHash'] as string, written: raw['written'] as string };
  }
  if (raw['kind'] === 'live') {
    if (typeof raw['computerName'] !== 'string') { errors.push(bad('target.computerName', 'must be a string')); return null; }
    return { kind: 'live', computerName: raw['computerName'], account: typeof raw['account'] === 'string' ? raw['account'] : '' };
  }
  errors.push(bad('target.kind', 'must be "image" or "live"'));
  return null;
}

function current(raw: Record<string, unknown>): Result<ChangeRecord, readonly PlanError[]> {
  const errors: PlanError[] = [];
  const target = targetOf(raw['target'], errors);
  if (!Array.isArray(raw['entries'])) errors.push(bad('entries', 'must be an array'));
  const entries = Array.isArray(raw['entries']) ? raw['entries'].map((e, i) => entryOf(e, i, errors)) : [];
  const createdKeys = keysOf(raw['createdKeys'] ?? [], 'createdKeys', errors);
  const addedSections = keysOf(raw['addedSections'] ?? [], 'addedSections', errors);
  if (errors.length > 0 || target === null) return fail(errors);
  return ok({ schema: CHANGE_SCHEMA, target, createdAt: typeof raw['createdAt'] === 'string' ? raw['createdAt'] : '', entries: entries as ChangeEntry[], createdKeys, addedSections });
}

/** tls365.backup/1: the image backups of earlier versions (`written` gives each entry's after). */
function imageV1(raw: Record<string, unknown>): Result<ChangeRecord, readonly PlanError[]> {
  const image = isObject(raw['image']) ? raw['image'] : {};
  const written = Array.isArray(raw['written']) ? raw['written'] : null;
  if (!Array.isArray(raw['entries'])) return fail([bad('entries', 'must be an array')]);
  const entries = raw['entries'].map((e, i) => {
    const w = written?.[i];
    return isObject(e) ? { ...e, after: isObject(w) ? w['value'] ?? null : null } : e;
  });
  return current({ ...raw, target: { kind: 'image', ...image }, entries });
}

/** tls365.live-backup/1|2: the live manifests of earlier versions. */
function liveV2(raw: Record<string, unknown>): Result<ChangeRecord, readonly PlanError[]> {
  const errors: PlanError[] = [];
  const full = (hive: unknown, key: unknown, path: string): string | null => {
    if (typeof hive !== 'string' || HIVES[hive] === undefined || typeof key !== 'string') { errors.push(bad(path, 'hive must be LocalMachine or CurrentUser and key a string')); return null; }
    return `${HIVES[hive]}\\${key}`;
  };
  if (!Array.isArray(raw['entries'])) return fail([bad('entries', 'must be an array')]);
  const entries = raw['entries'].map((e, i) => {
    if (!isObject(e)) return e;
    const before = e['existed'] === true ? fromKind(String(e['kind']), e['value']) : null;
    if (e['existed'] === true && before === null) errors.push(bad(`entries[${i}].kind`, `"${String(e['kind']).slice(0, 20)}" is not a kind TLS365 restores`));
    const after = e['op'] === 'set-dword' ? { type: 'REG_DWORD', data: Number(e['data']) } : e['op'] === 'set-string' ? { type: 'REG_SZ', data: String(e['data']) } : null;
    return { key: full(e['hive'], e['key'], `entries[${i}]`), name: e['name'], before, after, index: null, deletedIndex: null };
  });
  const created = Array.isArray(raw['createdKeys']) ? raw['createdKeys'].map((k, i) => (isObject(k) ? full(k['hive'], k['key'], `createdKeys[${i}]`) : k)) : [];
  if (errors.length > 0) return fail(errors);
  return current({ target: { kind: 'live', computerName: typeof raw['computerName'] === 'string' ? raw['computerName'] : '', account: '' }, createdAt: raw['createdAt'], entries, createdKeys: created, addedSections: [] });
}

/** A change record from parsed JSON, any version; errors name the field. */
export function readChangeRecord(raw: unknown): Result<ChangeRecord, readonly PlanError[]> {
  if (!isObject(raw)) return fail([bad('$', 'a TLS365 backup is a JSON object')]);
  switch (raw['schema']) {
    case CHANGE_SCHEMA: return current(raw);
    case 'tls365.backup/1': return imageV1(raw);
    case 'tls365.live-backup/1':
    case 'tls365.live-backup/2': return liveV2(raw);
    default: return fail([bad('schema', `"${String(raw['schema']).slice(0, 40)}" is not a TLS365 backup schema (${CHANGE_SCHEMA})`)]);
  }
}
