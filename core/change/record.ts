import type { RegValue } from '../regfile/index.js';

/**
 * The one backup format of a change, for a registry image and for the live registry alike (schema
 * `tls365.change/1`). Set-Tls365Protocols writes it before the first write; Undo-Tls365Change reads it back.
 *
 * - `target` says what was changed: a registry image (its path, its original bytes and their hash, the hash of
 *   the bytes Set wrote) or a machine's live registry (the computer and the account whose HKCU it was).
 * - `entries`, in the order they were written: each value's prior state (`before`, null = absent) with its
 *   kind, and what Set wrote (`after`, null = deleted). Every kind a plan can overwrite is kept with its kind:
 *   DWORD, QWORD, string, expand-string, multi-string, binary (and REG_NONE / other types as hex).
 * - `createdKeys`: the keys the writes created (parents first); undo removes them again when they are empty.
 * - `index`, `deletedIndex` and `addedSections` are image bookkeeping (where a value stood), so an image comes
 *   back byte for byte; a live record has them null / empty.
 *
 * Older files are read too (core/change/read-record.ts): the image backups `tls365.backup/1` and the live
 * manifests `tls365.live-backup/1` and `/2` of earlier versions.
 */
export const CHANGE_SCHEMA = 'tls365.change/1';

export type ChangeTarget =
  | {
    readonly kind: 'image';
    /** Full path of the image when it was changed. */
    readonly path: string;
    /** Its bytes before the change, base64. */
    readonly original: string;
    /** SHA-256 (hex) of those bytes. */
    readonly originalHash: string;
    /** SHA-256 (hex) of the bytes Set wrote. */
    readonly written: string;
  }
  | {
    readonly kind: 'live';
    readonly computerName: string;
    /** DOMAIN\user whose HKEY_CURRENT_USER the change wrote to (or read), '' when unknown. */
    readonly account: string;
  };

export interface ChangeEntry {
  /** Full key path, hive spelled out. */
  readonly key: string;
  readonly name: string;
  /** The value before the change; null: it did not exist. */
  readonly before: RegValue | null;
  /** What the change wrote; null: it deleted the value. */
  readonly after: RegValue | null;
  /** Image bookkeeping: where the value stood among its key's values (null when it did not exist, or live). */
  readonly index: number | null;
  /** Image bookkeeping: its place in the key's `"name"=-` list (null when not there, or live). */
  readonly deletedIndex: number | null;
}

export interface ChangeRecord {
  readonly schema: typeof CHANGE_SCHEMA;
  readonly target: ChangeTarget;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly entries: readonly ChangeEntry[];
  readonly createdKeys: readonly string[];
  /** Image bookkeeping: key sections the change added to the image. */
  readonly addedSections: readonly string[];
}

/** A value as messages name it: `KEY\name`, `(default)` for the unnamed value. */
export const valueText = (key: string, name: string): string => `${key}\\${name === '' ? '(default)' : name}`;

/** Two registry values (or absences) are the same: same type, same data. */
export const sameValue = (a: RegValue | null | undefined, b: RegValue | null | undefined): boolean =>
  JSON.stringify(normal(a ?? null)) === JSON.stringify(normal(b ?? null));

/** REG_QWORD's optional `number` is a convenience of the parser: the decimal string alone is the value. */
function normal(v: RegValue | null): unknown {
  if (v === null) return null;
  if (v.type === 'REG_QWORD') return { type: v.type, data: v.data };
  if (v.type === 'REG_OTHER') return { type: v.type, kind: v.kind, data: v.data };
  return { type: v.type, data: v.data };
}

/** A value as a confirmation or an error shows it: `dword:00000001 (1)`, `"text"`, `(absent)`. */
export function valueShown(v: RegValue | null): string {
  if (v === null) return '(absent)';
  switch (v.type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      return `${v.type === 'REG_DWORD' ? 'dword' : 'dword-big-endian'}:${v.data.toString(16).padStart(8, '0')} (${v.data})`;
    case 'REG_QWORD':
      return `qword:${v.data}`;
    case 'REG_SZ':
      return JSON.stringify(v.data);
    case 'REG_EXPAND_SZ':
      return `expand:${JSON.stringify(v.data)}`;
    case 'REG_MULTI_SZ':
      return `multi:${JSON.stringify(v.data)}`;
    case 'REG_BINARY':
      return `hex:${v.data}`;
    case 'REG_NONE':
      return `hex(0):${v.data}`;
    case 'REG_OTHER':
    default:
      return `hex(${v.kind.toString(16)}):${v.data}`;
  }
}
