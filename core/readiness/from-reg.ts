import { locateJsonError } from '../json/locate-error.js';
import { fail, ok, type Result } from '../model/result.js';
import { visible } from '../model/visible.js';
import { BAD_BYTES_ADVICE, parseRegFile, type RegDiagnostic } from '../regfile/index.js';
import { SNAPSHOT_SCHEMA, validateSnapshot, type MachineSnapshot, type SnapshotError } from './snapshot.js';

/**
 * A failure to read one input file, naming the file and, where there is one, the line or JSON path. `file` is
 * the name as given (for the caller to target); `message` and `errors` are for display, with any control
 * character (from the file's text or its name) shown as \xHH (model/visible.ts).
 */
export interface InputError {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
  readonly errors: readonly string[];
}

/** A `.reg` export read as a snapshot, with what the reader should know about it (`file:line: message`, for display). */
export interface RegSnapshot {
  readonly snapshot: MachineSnapshot;
  readonly warnings: readonly string[];
}

/**
 * A parser warning as the user reads it. Bytes read as U+FFFD are said to be so, with what that means for the
 * evaluation and what to do; the other warnings (a hex(4) of 3 bytes, a REGEDIT4 export after a v5 one) as they are.
 */
function warningText(d: RegDiagnostic): string {
  const where = `${d.file}:${d.line}: ${d.message}`;
  const text = d.code === 'BadEncoding'
    ? `${where}. The image was evaluated as read, so a name or value on that line may not be what the machine holds: ${BAD_BYTES_ADVICE}`
    : where;
  return visible(text);
}

/** A `.reg` export (any regedit encoding) as a snapshot, with its parser warnings. The machine's name is left for the evaluation to find. */
export function readRegSnapshot(bytes: Uint8Array, file: string): Result<RegSnapshot, InputError> {
  const parsed = parseRegFile(bytes, file);
  if (!parsed.ok) {
    const first = parsed.errors[0] as RegDiagnostic;
    const rest = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more error(s))` : '';
    return fail({
      file,
      line: first.line,
      message: visible(`${file}:${first.line}: ${first.message}${rest}`),
      errors: parsed.errors.map((e) => visible(`${e.file}:${e.line}: ${e.message}`)),
    });
  }
  const snapshot: MachineSnapshot = {
    schema: SNAPSHOT_SCHEMA,
    computerName: null,
    source: 'Image',
    origin: file,
    collectedAt: null,
    architecture: null,
    registry: parsed.image.keys,
    covered: null,
    hotfixes: null,
    fileVersions: {},
  };
  return ok({ snapshot, warnings: parsed.warnings.map(warningText) });
}

/** A `.reg` export as a snapshot (its warnings dropped: readRegSnapshot keeps them). */
export function snapshotFromReg(bytes: Uint8Array, file: string): Result<MachineSnapshot, InputError> {
  const r = readRegSnapshot(bytes, file);
  return r.ok ? ok(r.value.snapshot) : r;
}

/** A snapshot `.json` (collector, SCCM, a remote collection) already parsed from text by the caller. */
export function snapshotFromJson(value: unknown, file: string): Result<MachineSnapshot, InputError> {
  const v = validateSnapshot(value);
  if (!v.ok) {
    const e: SnapshotError = v.error;
    return fail({ file, line: null, message: visible(`${file}: ${e.path}: ${e.message}`), errors: [visible(`${e.path}: ${e.message}`)] });
  }
  return ok({ ...v.value, origin: v.value.origin ?? file });
}

/**
 * What a snapshot is and how to get one, for the messages about a file that is not one. A valid snapshot is an
 * object whose deepest part is a REG_MULTI_SZ's data: $.registry[i].values[j].value.data, 7 levels of objects
 * and arrays.
 */
const SNAPSHOT_IS =
  `A snapshot is one JSON object {"schema": "${SNAPSHOT_SCHEMA}", "computerName": ..., "registry": [...], ...} (docs/snapshot-schema.md); ` +
  'write one with Get-Tls365Readiness -Snapshot | ConvertTo-Json -Depth 8, or with the collector: Get-Tls365Snapshot.ps1 -OutFile <file>.';

export type SnapshotTextError = InputError & { readonly kind: 'malformed' | 'invalid' };

/**
 * The text of a snapshot file as a snapshot. When it is not one, the message names the file, says so, and says
 * why: where the JSON breaks (line and column) or nests deeper than a snapshot ever does, or which property of
 * valid JSON is wrong (its JSON path); then what a snapshot is and how to make one.
 */
export function snapshotFromJsonText(text: string, file: string): Result<MachineSnapshot, SnapshotTextError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text);
    const why = at === null
      ? `invalid JSON (${e instanceof Error ? e.message : String(e)})`
      : at.kind === 'depth'
        ? `the JSON is ${at.message} at line ${at.line}, column ${at.column}, and a snapshot is nested 7 levels at most`
        : `invalid JSON at line ${at.line}, column ${at.column}: ${at.message}`;
    return fail({ kind: 'malformed', file, line: at?.line ?? null, message: visible(`${file}: not a TLS365 snapshot: ${why}. ${SNAPSHOT_IS}`), errors: [visible(why)] });
  }
  const v = validateSnapshot(value);
  if (!v.ok) {
    const why = `${v.error.path}: ${v.error.message}`;
    return fail({ kind: 'invalid', file, line: null, message: visible(`${file}: not a TLS365 snapshot: ${why}. ${SNAPSHOT_IS}`), errors: [visible(why)] });
  }
  return ok({ ...v.value, origin: v.value.origin ?? file });
}
