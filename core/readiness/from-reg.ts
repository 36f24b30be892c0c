import { parseRegFile, type RegDiagnostic } from '../regfile/index.js';
import { fail, ok, type Result } from '../model/result.js';
import { SNAPSHOT_SCHEMA, validateSnapshot, type MachineSnapshot, type SnapshotError } from './snapshot.js';

/** A failure to read one input file, naming the file and, where there is one, the line or JSON path. */
export interface InputError {
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
  readonly errors: readonly string[];
}

/** A `.reg` export (any regedit encoding) as a snapshot. The machine's name is left for the evaluation to find. */
export function snapshotFromReg(bytes: Uint8Array, file: string): Result<MachineSnapshot, InputError> {
  const parsed = parseRegFile(bytes, file);
  if (!parsed.ok) {
    const first = parsed.errors[0] as RegDiagnostic;
    const rest = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more error(s))` : '';
    return fail({
      file,
      line: first.line,
      message: `${file}:${first.line}: ${first.message}${rest}`,
      errors: parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`),
    });
  }
  return ok({
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
  });
}

/** A snapshot `.json` (collector, SCCM) already parsed from text by the caller. */
export function snapshotFromJson(value: unknown, file: string): Result<MachineSnapshot, InputError> {
  const v = validateSnapshot(value);
  if (!v.ok) {
    const e: SnapshotError = v.error;
    return fail({ file, line: null, message: `${file}: ${e.path}: ${e.message}`, errors: [`${e.path}: ${e.message}`] });
  }
  return ok({ ...v.value, origin: v.value.origin ?? file });
}
