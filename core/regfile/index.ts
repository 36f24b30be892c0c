/**
 * regedit `.reg` files as plain data: parse (bytes or text) into a `RegImage`, look keys and values up
 * case-insensitively, and write an image back as regedit "Version 5.00" text / UTF-16LE bytes.
 * Pure: no I/O, no Node globals, bad input comes back as data (`RegDiagnostic`, `RegRenderError`).
 *
 * Decisions (see the doc comments where each is implemented):
 * - Errors: every bad line of a file is reported (file, 1-based line, code, message) and the result then
 *   has no image; only a bad header stops at once (the file is probably not a .reg file). The header error
 *   names the first non-empty line (line 1 unless the file starts with blank lines).
 * - Warnings, not errors: bytes not valid in the detected encoding (U+FFFD put in), typed hex data whose
 *   size does not fit its type (kept as REG_OTHER with its type number), a REGEDIT4 export concatenated
 *   after a v5 one (each export's hex(1)/(2)/(7) text is read by its own header).
 * - Encodings: BOM FF FE / FE FF / EF BB BF; else UTF-16LE if the first line has a zero in every odd byte;
 *   else UTF-8 when the bytes are valid UTF-8; else Windows-1252 (the result reports which).
 * - Lenient where regedit's own files never go but hand-written files do: hive abbreviations and any case
 *   for hive names, `dword:`/`hex:`; spaces around `=`; 1-8 digit dwords; one-digit hex bytes; a trailing
 *   comma; a `; comment` after a complete value; `\` continuation without the comma before it. Not
 *   allowed: anything after the `]` of a key line, comments or blank lines inside a continuation.
 * - Names: only `\\` and `\"` are escapes. The default value is the name ''. Repeated sections merge; the
 *   first spelling of a key or value name is kept, the last data written wins.
 * - REG_SZ with CR, LF or NUL is written as hex(1) (UTF-16LE) and hex(1) reads back as REG_SZ.
 *   REG_DWORD_BIG_ENDIAN (hex(5)) is its own variant. REG_QWORD is a decimal string, plus `number` when
 *   it is at most 2^53.
 * - The writer always writes v5; parse(render(image)) deep-equals any v5 image the parser produced (a
 *   REGEDIT4 image comes back with format 'v5'). What cannot be written (CR, LF or NUL in a name, a DWORD
 *   out of range, bad hex...) is a `RegRenderError`, never a file that means something else.
 */
export type {
  RegDiagnostic,
  RegDiagnosticCode,
  RegEncoding,
  RegFileParseResult,
  RegFormat,
  RegImage,
  RegKey,
  RegParseResult,
  RegRenderError,
  RegRenderInput,
  RegRenderResult,
  RegValue,
  RegValueEntry,
  RegValueType,
} from './types.js';
export { BAD_BYTES_ADVICE, decodeRegBytes, decodeWindows1252, type DecodedText } from './decode.js';
export { encodeUtf16le } from './encode.js';
export { formatDiagnostic, parseRegFile, parseRegText } from './parse.js';
export { foldName, normaliseKeyPath } from './paths.js';
export { bytesToHex, decodeHexValue, REG_TYPE } from './values.js';
export { getKey, getValue, isKeyDeleted, subkeys } from './lookup.js';
export { quoteRegString, renderRegFile } from './write.js';
