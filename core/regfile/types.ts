/**
 * The plain-data model of a regedit `.reg` file: JSON-serialisable (no Map, no class, no bigint), readonly.
 *
 * A `RegImage` is the NET EFFECT of applying the file in order, expressed so that "apply every deletion in
 * `deletedKeys`, then every key in `keys`" is equivalent to applying the file line by line:
 * - `[-K]` removes K and its subkeys from `keys` (whatever the file set earlier) and lists K in `deletedKeys`;
 * - `[K]` adds K to `keys` (or re-opens it: repeated sections of one key merge into the first);
 * - `"v"=-` removes v from the key's `values` and lists it in `deletedValues`; setting v again later removes
 *   it from `deletedValues` (a name is never in both lists); the last write of a value wins.
 * Key paths and value names compare case-insensitively (as Windows does) but keep the spelling first used.
 */

/** Which header the (first) export in the file carries. */
export type RegFormat = 'v5' | 'regedit4';

/** How `parseRegFile` decoded the bytes. */
export type RegEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

export type RegValue =
  /** `"text"`, or `hex(1):` bytes (how the writer stores a string holding CR, LF or NUL). */
  | { readonly type: 'REG_SZ'; readonly data: string }
  /** `hex(2):` UTF-16LE bytes (v5) or ANSI bytes (REGEDIT4); one terminating NUL is removed. */
  | { readonly type: 'REG_EXPAND_SZ'; readonly data: string }
  /** `hex(7):` strings separated by NUL; the trailing NULs that end the list are removed. */
  | { readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] }
  /** `dword:` or `hex(4):` (4 little-endian bytes); 0 to 0xFFFFFFFF. */
  | { readonly type: 'REG_DWORD'; readonly data: number }
  /** `hex(5):` 4 big-endian bytes. */
  | { readonly type: 'REG_DWORD_BIG_ENDIAN'; readonly data: number }
  /** `hex(b):` 8 little-endian bytes, as a decimal string; `number` too when the value is at most 2^53. */
  | { readonly type: 'REG_QWORD'; readonly data: string; readonly number?: number }
  /** `hex:` or `hex(3):`; lower-case hex, no separators. */
  | { readonly type: 'REG_BINARY'; readonly data: string }
  /** `hex(0):`; lower-case hex. */
  | { readonly type: 'REG_NONE'; readonly data: string }
  /**
   * `hex(N):` for any other type number N (REG_LINK 6, REG_RESOURCE_LIST 8, ...), and for a known type whose
   * bytes do not fit it (a 3-byte `hex(4):`, an odd-length UTF-16 `hex(2):`), which also yields a warning.
   */
  | { readonly type: 'REG_OTHER'; readonly kind: number; readonly data: string };

export type RegValueType = RegValue['type'];

/** One value of a key. `name` is '' for the default value (`@`). */
export interface RegValueEntry {
  readonly name: string;
  readonly value: RegValue;
}

export interface RegKey {
  /** Full path with the hive spelled out: `HKEY_LOCAL_MACHINE\SOFTWARE\...`. */
  readonly path: string;
  readonly values: readonly RegValueEntry[];
  /** Names deleted by `"name"=-` ('' for `@=-`). */
  readonly deletedValues: readonly string[];
}

export interface RegImage {
  readonly format: RegFormat;
  /** In file order of first appearance. */
  readonly keys: readonly RegKey[];
  /** `[-key]` lines, full normalised paths, in file order of first appearance. */
  readonly deletedKeys: readonly string[];
}

export type RegDiagnosticCode =
  // errors
  | 'BadHeader'
  | 'BadKey'
  | 'ValueOutsideKey'
  | 'UnterminatedString'
  | 'BadValueLine'
  | 'BadData'
  | 'BadDword'
  | 'BadHex'
  | 'BadContinuation'
  // warnings
  | 'BadEncoding'
  | 'SizeMismatch'
  | 'MixedFormats';

/** An error or warning, always naming the file and the 1-based line. */
export interface RegDiagnostic {
  readonly code: RegDiagnosticCode;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * All errors of the file are collected (parsing goes on after a bad line), except after a bad header: a file
 * that does not start with a regedit header is probably not a .reg file at all, so that is the only error.
 */
export type RegParseResult =
  | { readonly ok: true; readonly image: RegImage; readonly warnings: readonly RegDiagnostic[] }
  | { readonly ok: false; readonly errors: readonly RegDiagnostic[]; readonly warnings: readonly RegDiagnostic[] };

export type RegFileParseResult = RegParseResult & { readonly encoding: RegEncoding };

/** What the writer accepts: a `RegImage` fits (its `format` is ignored: the writer always writes v5). */
export interface RegRenderInput {
  readonly keys?: readonly RegKey[];
  readonly deletedKeys?: readonly string[];
}

/** Something the writer cannot express in a .reg file (a newline in a value name, a DWORD of 2^32...). */
export interface RegRenderError {
  readonly key: string;
  /** The value's name, when the problem is in a value. */
  readonly value?: string;
  readonly message: string;
}

export type RegRenderResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly RegRenderError[] };
