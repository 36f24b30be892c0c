import { fail, ok, type Result } from '../model/result.js';
import type { RegKey, RegValue } from '../regfile/index.js';

/**
 * MachineSnapshot: the one shape every source becomes (docs/snapshot-schema.md). A `.reg` image, a snapshot
 * `.json` written by the collector or by SCCM, and a live or remote collection all arrive here, so one
 * evaluation serves them all.
 */
export const SNAPSHOT_SCHEMA = 'tls365.snapshot/1';

export type SnapshotSource = 'Local' | 'Image' | 'Remote';

export interface MachineSnapshot {
  readonly schema: typeof SNAPSHOT_SCHEMA;
  /** The machine's name as collected; null lets the evaluation take it from the registry or the file name. */
  readonly computerName: string | null;
  readonly source: SnapshotSource;
  /** The file or host the snapshot came from (for messages). */
  readonly origin: string | null;
  readonly collectedAt: string | null;
  /** 'x64' | 'x86' | 'arm64' as collected; null for images (then derived from the registry). */
  readonly architecture: 'x64' | 'x86' | 'arm64' | null;
  /** Registry keys with their values, full hive names (`HKEY_LOCAL_MACHINE\...`), both views spelled out. */
  readonly registry: readonly RegKey[];
  /**
   * Key roots the collector read in full, so that a missing key there means "absent" rather than "not
   * collected". null for images: coverage is then derived from which keys the image holds.
   */
  readonly covered: readonly string[] | null;
  /** KB ids of installed hotfixes (Get-HotFix); null when not collected. */
  readonly hotfixes: readonly string[] | null;
  /** File versions collected live, e.g. { "winhttp.dll": "6.1.7601.23375" }. */
  readonly fileVersions: Readonly<Record<string, string>>;
  /**
   * What the collector could not read (a key the registry refused, the hotfix list when WMI is broken), with
   * the error. A covered root with an unreadable key at, above or below it is not covered: its inputs are
   * unknown, never absent. Absent (older collectors, images) means nothing was refused.
   */
  readonly unreadable?: readonly Unreadable[];
  /**
   * The account the collector ran as (DOMAIN\\user). Its HKEY_CURRENT_USER is what the snapshot holds: SYSTEM's under
   * ConfigMgr, the admin's when collected remotely; per-user findings name it. Absent for images and older collectors.
   */
  readonly account?: string | null;
}

export interface Unreadable {
  readonly path: string;
  readonly error: string;
}

export interface SnapshotError {
  readonly path: string;
  readonly message: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const VALUE_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_DWORD_BIG_ENDIAN', 'REG_QWORD', 'REG_BINARY', 'REG_NONE', 'REG_OTHER']);

function checkValue(v: unknown, path: string): Result<RegValue, SnapshotError> {
  if (!isRecord(v) || typeof v['type'] !== 'string' || !VALUE_TYPES.has(v['type'])) {
    return fail({ path, message: `must be {type, data} with type one of ${[...VALUE_TYPES].join(', ')}` });
  }
  const t = v['type'];
  const d = v['data'];
  switch (t) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 0xffffffff) return fail({ path: `${path}.data`, message: 'must be an integer from 0 to 4294967295' });
      return ok({ type: t, data: d });
    case 'REG_MULTI_SZ':
      if (!Array.isArray(d) || !d.every((s) => typeof s === 'string')) return fail({ path: `${path}.data`, message: 'must be an array of strings' });
      return ok({ type: t, data: d });
    case 'REG_QWORD':
      if (typeof d !== 'string' || !/^[0-9]{1,20}$/.test(d)) return fail({ path: `${path}.data`, message: 'must be a decimal string' });
      return ok(Number(d) <= 2 ** 53 ? { type: t, data: d, number: Number(d) } : { type: t, data: d });
    case 'REG_OTHER':
      if (typeof d !== 'string' || typeof v['kind'] !== 'number') return fail({ path, message: 'REG_OTHER needs kind (number) and data (hex string)' });
      return ok({ type: t, kind: v['kind'], data: d });
    default:
      if (typeof d !== 'string') return fail({ path: `${path}.data`, message: 'must be a string' });
      return ok({ type: t as 'REG_SZ', data: d });
  }
}

/**
 * Validates a snapshot read from JSON (a collector's file, SCCM's, a remote collection). Every problem
 * names the JSON path. Unknown extra properties are ignored, so later collectors can add facts.
 */
export function validateSnapshot(x: unknown): Result<MachineSnapshot, SnapshotError> {
  if (!isRecord(x)) return fail({ path: '$', message: 'a snapshot must be a JSON object' });
  if (x['schema'] !== SNAPSHOT_SCHEMA) {
    return fail({ path: '$.schema', message: `must be "${SNAPSHOT_SCHEMA}" (found ${JSON.stringify(x['schema'] ?? null)})` });
  }
  const str = (name: string): Result<string | null, SnapshotError> => {
    const v = x[name];
    if (v === undefined || v === null) return ok(null);
    return typeof v === 'string' ? ok(v) : fail({ path: `$.${name}`, message: 'must be a string or null' });
  };
  const computerName = str('computerName');
  if (!computerName.ok) return computerName;
  const origin = str('origin');
  if (!origin.ok) return origin;
  const collectedAt = str('collectedAt');
  if (!collectedAt.ok) return collectedAt;
  const source = x['source'] ?? 'Image';
  if (source !== 'Local' && source !== 'Image' && source !== 'Remote') return fail({ path: '$.source', message: 'must be Local, Image or Remote' });
  const arch = x['architecture'] ?? null;
  if (arch !== null && arch !== 'x64' && arch !== 'x86' && arch !== 'arm64') return fail({ path: '$.architecture', message: 'must be x64, x86, arm64 or null' });

  const rawKeys = x['registry'];
  if (!Array.isArray(rawKeys)) return fail({ path: '$.registry', message: 'must be an array of {path, values}' });
  const registry: RegKey[] = [];
  for (let i = 0; i < rawKeys.length; i += 1) {
    const k: unknown = rawKeys[i];
    const kp = `$.registry[${i}]`;
    if (!isRecord(k) || typeof k['path'] !== 'string' || !/^HKEY_[A-Z_]+(\\|$)/i.test(k['path'])) {
      return fail({ path: `${kp}.path`, message: 'must be a full key path starting with a hive name (HKEY_LOCAL_MACHINE\\...)' });
    }
    const rawValues = k['values'] ?? [];
    if (!Array.isArray(rawValues)) return fail({ path: `${kp}.values`, message: 'must be an array of {name, value}' });
    const values: { name: string; value: RegValue }[] = [];
    for (let j = 0; j < rawValues.length; j += 1) {
      const e: unknown = rawValues[j];
      const vp = `${kp}.values[${j}]`;
      if (!isRecord(e) || typeof e['name'] !== 'string') return fail({ path: `${vp}.name`, message: 'must be a string' });
      const value = checkValue(e['value'], `${vp}.value`);
      if (!value.ok) return value;
      values.push({ name: e['name'], value: value.value });
    }
    registry.push({ path: k['path'], values, deletedValues: [] });
  }

  const list = (name: string, pattern: RegExp, what: string): Result<readonly string[] | null, SnapshotError> => {
    const v = x[name];
    if (v === undefined || v === null) return ok(null);
    if (!Array.isArray(v)) return fail({ path: `$.${name}`, message: `must be an array of ${what} or null` });
    for (let i = 0; i < v.length; i += 1) {
      if (typeof v[i] !== 'string' || !pattern.test(v[i] as string)) return fail({ path: `$.${name}[${i}]`, message: `must be ${what}` });
    }
    return ok(v as string[]);
  };
  const covered = list('covered', /^HKEY_/i, 'key paths');
  if (!covered.ok) return covered;
  const hotfixes = list('hotfixes', /^KB[0-9]+$/i, 'KB ids such as KB3140245');
  if (!hotfixes.ok) return hotfixes;
  const rawUnreadable = x['unreadable'] ?? [];
  if (!Array.isArray(rawUnreadable)) return fail({ path: '$.unreadable', message: 'must be an array of {path, error} or null' });
  const unreadable: Unreadable[] = [];
  for (let i = 0; i < rawUnreadable.length; i += 1) {
    const u: unknown = rawUnreadable[i];
    if (!isRecord(u) || typeof u['path'] !== 'string') return fail({ path: `$.unreadable[${i}].path`, message: 'must be a string' });
    unreadable.push({ path: u['path'], error: typeof u['error'] === 'string' ? u['error'] : '' });
  }
  const account = x['account'] ?? null;
  if (account !== null && typeof account !== 'string') return fail({ path: '$.account', message: 'must be a string (DOMAIN\\user) or null' });
  const rawFiles = x['fileVersions'] ?? {};
  if (!isRecord(rawFiles) || !Object.values(rawFiles).every((v) => typeof v === 'string')) {
    return fail({ path: '$.fileVersions', message: 'must be an object of file name -> version string' });
  }
  return ok({
    schema: SNAPSHOT_SCHEMA,
    computerName: computerName.value,
    source,
    origin: origin.value,
    collectedAt: collectedAt.value,
    architecture: arch,
    registry,
    covered: covered.value,
    hotfixes: hotfixes.value === null ? null : hotfixes.value.map((h) => h.toUpperCase()),
    fileVersions: rawFiles as Record<string, string>,
    unreadable,
    ...(account === null ? {} : { account }),
  });
}
