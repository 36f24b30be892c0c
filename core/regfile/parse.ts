import { visible } from '../model/visible.js';
import { decodeRegBytes } from './decode.js';
import { foldName, isRootKey, normaliseKeyPath } from './paths.js';
import type { RegDiagnostic, RegDiagnosticCode, RegFileParseResult, RegFormat, RegImage, RegKey, RegParseResult, RegValue } from './types.js';
import { decodeHexValue } from './values.js';

const HEADER_V5 = 'Windows Registry Editor Version 5.00';
const HEADER_4 = 'REGEDIT4';
const LINE_BREAK = /\r\n|\n|\r/;

/** A key while the file is read: entries are mutable here, the image handed out is not. */
interface KeyBuilder {
  readonly path: string;
  readonly values: Map<string, { readonly name: string; value: RegValue }>;
  readonly deleted: Map<string, string>;
  live: boolean;
}

/** Where value lines go: a key, nowhere yet, after a [-key], or after a key line that was itself an error. */
type Target = KeyBuilder | 'none' | 'deleted' | 'broken';

interface State {
  readonly file: string;
  readonly lines: readonly string[];
  /** The format of the export being read (a concatenated file may switch). */
  section: RegFormat;
  target: Target;
  readonly order: KeyBuilder[];
  readonly byFold: Map<string, KeyBuilder>;
  readonly deletedKeys: Map<string, string>;
  readonly errors: RegDiagnostic[];
  readonly warnings: RegDiagnostic[];
}

function headerFormat(trimmed: string): RegFormat | undefined {
  if (trimmed === HEADER_V5) return 'v5';
  if (trimmed === HEADER_4) return 'regedit4';
  return undefined;
}

/** A line trimmed at the start, without the BOM a concatenated UTF-16 export leaves before its header. */
function lineStart(line: string): string {
  const t = line.trimStart();
  return t.charCodeAt(0) === 0xfeff ? t.slice(1).trimStart() : t;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

/** How messages name a value: `"Enabled"`, or `@` for the default value. */
function label(name: string): string {
  return name === '' ? '@' : JSON.stringify(name);
}

/** Messages quote the file's own text (a line, a name): control characters in it are shown as \xHH (model/visible.ts). */
function report(st: State, code: RegDiagnosticCode, index: number, message: string): void {
  st.errors.push({ code, file: st.file, line: index + 1, message: visible(message) });
}

function warn(st: State, code: RegDiagnosticCode, index: number, message: string): void {
  st.warnings.push({ code, file: st.file, line: index + 1, message: visible(message) });
}

/**
 * A quoted string starting at `start` (which holds `"`): regedit escapes only `\\` and `\"`; any other
 * backslash is kept as it is. `end` is the index after the closing quote; undefined when it never closes.
 */
function readQuoted(text: string, start: number): { readonly text: string; readonly end: number } | undefined {
  let out = '';
  let from = start + 1;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { text: out + text.slice(from, i), end: i + 1 };
    if (c === 0x5c) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x5c || next === 0x22) {
        out += text.slice(from, i);
        from = i + 1;
        i += 2;
        continue;
      }
    }
    i += 1;
  }
  return undefined;
}

/** Blank or a `;` comment: what may follow a complete value on its line. */
function isRestEmpty(rest: string): boolean {
  const t = rest.trim();
  return t === '' || t.startsWith(';');
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Appends the bytes of one line's worth of `xx,xx,...` (already without comment and trailing `\`) to
 * `out`; a trailing comma is fine. Returns what is wrong, or undefined.
 */
function scanBytes(s: string, out: number[]): string | undefined {
  const len = s.length;
  let i = 0;
  while (i < len && isSpace(s.charCodeAt(i))) i += 1;
  while (i < len) {
    const start = i;
    let v = 0;
    while (i < len && isHexDigit(s.charCodeAt(i))) {
      v = v * 16 + hexValue(s.charCodeAt(i));
      i += 1;
    }
    const digits = i - start;
    while (i < len && isSpace(s.charCodeAt(i))) i += 1;
    if (digits === 0 || digits > 2 || (i < len && s.charCodeAt(i) !== 0x2c)) {
      const comma = s.indexOf(',', start);
      const token = s.slice(start, comma < 0 ? len : comma).trim();
      if (token === '') return 'there is an empty byte between two commas';
      return digits > 2 && /^[0-9a-fA-F]+$/.test(token)
        ? `"${token}" is not a hex byte: a byte is one or two hex digits, with commas between bytes`
        : `"${token}" is not a hex byte`;
    }
    out.push(v);
    i += 1; // the comma (or past the end)
    while (i < len && isSpace(s.charCodeAt(i))) i += 1;
  }
  return undefined;
}

/** True for a line that cannot be hex data continuing a value: a key, a value, a comment, a header. */
function startsStatement(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 0x5b || c === 0x22 || c === 0x40 || headerFormat(t.trimEnd()) !== undefined;
}

/**
 * Reads a hex byte list that starts on line `index` with `first` and goes on while a line ends with `\`.
 * Reports every bad byte (by its own line) and every broken continuation. Returns the bytes (undefined when
 * anything was wrong) and the index of the last line it consumed.
 */
function readHexList(st: State, index: number, first: string, what: string): { readonly bytes: number[] | undefined; readonly last: number } {
  const bytes: number[] = [];
  let ok = true;
  let at = index;
  let segment = first;
  for (;;) {
    const semi = segment.indexOf(';');
    let s = (semi < 0 ? segment : segment.slice(0, semi)).trimEnd();
    const more = s.endsWith('\\');
    if (more) s = s.slice(0, -1);
    const problem = scanBytes(s, bytes);
    if (problem !== undefined) {
      report(st, 'BadHex', at, `${what}: ${problem}`);
      ok = false;
    }
    if (!more) return { bytes: ok ? bytes : undefined, last: at };
    // Find the line that continues this one.
    let next = at + 1;
    for (;;) {
      const line = st.lines[next];
      if (line === undefined) {
        report(st, 'BadContinuation', at, `${what}: the line ends with "\\" to continue the hex data, but the file ends here`);
        return { bytes: undefined, last: at };
      }
      const t = lineStart(line);
      if (t === '') {
        report(st, 'BadContinuation', next, `${what}: the line before ends with "\\" to continue the hex data, but this line is blank`);
        return { bytes: undefined, last: next };
      }
      if (t.startsWith(';')) {
        report(st, 'BadContinuation', next, `${what}: a comment cannot appear inside hex data continued with "\\"`);
        ok = false;
        next += 1;
        continue;
      }
      if (startsStatement(t)) {
        report(st, 'BadContinuation', at, `${what}: the line ends with "\\" to continue the hex data, but the next line is not hex data: ${shown(t)}`);
        return { bytes: undefined, last: at };
      }
      segment = t;
      at = next;
      break;
    }
  }
}

/** After a line that could not be read: also consume the lines it continues onto, so they are not errors twice. */
function skipContinuation(st: State, index: number): number {
  let at = index;
  for (;;) {
    const line = st.lines[at];
    const next = st.lines[at + 1];
    if (line === undefined || next === undefined || !line.trimEnd().endsWith('\\')) return at;
    const t = lineStart(next);
    if (t === '' || t.startsWith(';') || startsStatement(t)) return at;
    at += 1;
  }
}

const DWORD = /^dword:([^\s;]*)(.*)$/i;
const HEX_PREFIX = /^hex(?:\(([^)]*)\))?:/i;
const HEX_KIND = /^[0-9a-fA-F]{1,8}$/;
const HEX_DIGITS = /^[0-9a-fA-F]+$/;
const HEX_ONLY_LINE = /^[0-9a-fA-F]{1,2}(?:\s*,\s*[0-9a-fA-F]{1,2})*\s*,?\s*\\?\s*$/;

type DataOutcome = { readonly kind: 'set'; readonly value: RegValue } | { readonly kind: 'delete' } | { readonly kind: 'bad' };

/** The data after `=`; returns what to do and the last line consumed. */
function readData(st: State, index: number, data: string, name: string): { readonly outcome: DataOutcome; readonly last: number } {
  const what = `value ${label(name)}`;
  const bad = { kind: 'bad' } as const;
  if (data.startsWith('"')) {
    const q = readQuoted(data, 0);
    if (q === undefined) {
      report(st, 'UnterminatedString', index, `${what}: the string data has no closing quote on this line (write \\" for a quote inside it)`);
      return { outcome: bad, last: skipContinuation(st, index) };
    }
    if (!isRestEmpty(data.slice(q.end))) {
      report(st, 'BadValueLine', index, `${what}: unexpected text after the closing quote: ${shown(data.slice(q.end).trim())}`);
      return { outcome: bad, last: skipContinuation(st, index) };
    }
    return { outcome: { kind: 'set', value: { type: 'REG_SZ', data: q.text } }, last: index };
  }
  if (data.startsWith('-')) {
    if (isRestEmpty(data.slice(1))) return { outcome: { kind: 'delete' }, last: index };
    report(st, 'BadData', index, `${what}: unrecognised data ${shown(data)}; "-" alone deletes the value`);
    return { outcome: bad, last: skipContinuation(st, index) };
  }
  const dword = DWORD.exec(data);
  if (dword !== null) {
    const digits = dword[1] ?? '';
    const rest = dword[2] ?? '';
    const dw = `dword value ${label(name)}`;
    if (!isRestEmpty(rest)) report(st, 'BadDword', index, `${dw}: unexpected text after the digits: ${shown(rest.trim())}`);
    else if (digits === '') report(st, 'BadDword', index, `${dw} has no hex digits after "dword:"`);
    else if (!HEX_DIGITS.test(digits)) report(st, 'BadDword', index, `${dw}: "${digits}" is not hexadecimal (dword: takes 1 to 8 hex digits, such as dword:00000a80)`);
    else if (digits.length > 8) report(st, 'BadDword', index, `${dw} has ${digits.length} hex digits; a DWORD has at most 8`);
    else return { outcome: { kind: 'set', value: { type: 'REG_DWORD', data: parseInt(digits, 16) >>> 0 } }, last: index };
    return { outcome: bad, last: skipContinuation(st, index) };
  }
  const hex = HEX_PREFIX.exec(data);
  if (hex !== null) {
    const kindText = hex[1];
    let kind: number | undefined = 3;
    if (kindText !== undefined) {
      kind = HEX_KIND.test(kindText) ? parseInt(kindText, 16) : undefined;
      if (kind === undefined) report(st, 'BadHex', index, `${what}: "hex(${kindText})" is not a registry type: N in hex(N) is 1 to 8 hex digits, such as hex(7)`);
    }
    const list = readHexList(st, index, data.slice(hex[0].length), what);
    if (kind === undefined || list.bytes === undefined) return { outcome: bad, last: list.last };
    const decoded = decodeHexValue(kind, list.bytes, st.section);
    if (decoded.warning !== undefined) warn(st, 'SizeMismatch', index, `${what}: ${decoded.warning}`);
    return { outcome: { kind: 'set', value: decoded.value }, last: list.last };
  }
  report(
    st,
    'BadData',
    index,
    data === ''
      ? `${what} has no data after "="`
      : `${what}: unrecognised data ${shown(data)}; expected "text", dword:, hex:, hex(N): or - (delete)`,
  );
  return { outcome: bad, last: skipContinuation(st, index) };
}

function valueLine(st: State, index: number, t: string): number {
  let name: string;
  let pos: number;
  if (t.startsWith('@')) {
    name = '';
    pos = 1;
  } else {
    const q = readQuoted(t, 0);
    if (q === undefined) {
      report(st, 'UnterminatedString', index, `the value name ${shown(t)} has no closing quote (write \\" for a quote inside a name)`);
      return skipContinuation(st, index);
    }
    name = q.text;
    pos = q.end;
  }
  while (isSpace(t.charCodeAt(pos))) pos += 1;
  if (t.charAt(pos) !== '=') {
    report(st, 'BadValueLine', index, `expected "=" after the value name ${label(name)}, found ${shown(t.slice(pos))}`);
    return skipContinuation(st, index);
  }
  pos += 1;
  while (isSpace(t.charCodeAt(pos))) pos += 1;
  const { outcome, last } = readData(st, index, t.slice(pos), name);
  const target = st.target;
  if (target === 'none') {
    report(st, 'ValueOutsideKey', index, `value ${label(name)} comes before any [key] line`);
  } else if (target === 'deleted') {
    report(st, 'ValueOutsideKey', index, `value ${label(name)} follows a [-key] deletion; values belong under a [key] line`);
  } else if (target !== 'broken') {
    const fold = foldName(name);
    if (outcome.kind === 'set') {
      const existing = target.values.get(fold);
      if (existing === undefined) target.values.set(fold, { name, value: outcome.value });
      else existing.value = outcome.value;
      target.deleted.delete(fold);
    } else if (outcome.kind === 'delete') {
      target.values.delete(fold);
      if (!target.deleted.has(fold)) target.deleted.set(fold, name);
    }
  }
  return last;
}

function keyLine(st: State, index: number, t: string): void {
  const body = t.trimEnd();
  st.target = 'broken';
  if (!body.endsWith(']') || body.length < 2) {
    report(st, 'BadKey', index, `the key line ${shown(body)} does not end with "]"`);
    return;
  }
  const deletion = body.charAt(1) === '-';
  const path = normaliseKeyPath(body.slice(deletion ? 2 : 1, -1));
  if (!path.ok) {
    report(st, 'BadKey', index, path.error);
    return;
  }
  const fold = foldName(path.value);
  if (deletion) {
    if (isRootKey(path.value)) {
      report(st, 'BadKey', index, `[-${path.value}] would delete a root key, which regedit cannot do`);
      return;
    }
    const prefix = `${fold}\\`;
    for (const [f, key] of st.byFold) {
      if (f === fold || f.startsWith(prefix)) {
        key.live = false;
        st.byFold.delete(f);
      }
    }
    if (!st.deletedKeys.has(fold)) st.deletedKeys.set(fold, path.value);
    st.target = 'deleted';
    return;
  }
  let key = st.byFold.get(fold);
  if (key === undefined) {
    key = { path: path.value, values: new Map(), deleted: new Map(), live: true };
    st.byFold.set(fold, key);
    st.order.push(key);
  }
  st.target = key;
}

function byLine(a: RegDiagnostic, b: RegDiagnostic): number {
  return a.line - b.line;
}

/**
 * Parses the text of a .reg file (any line endings; a leading U+FEFF is ignored). The first non-blank line
 * must be a regedit header; further headers (concatenated exports) start a new export. Every bad line is an
 * error naming `fileName` and its 1-based line, and all of them are collected.
 */
export function parseRegText(text: string, fileName: string): RegParseResult {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(LINE_BREAK);
  let first = 0;
  while (first < lines.length && (lines[first] ?? '').trim() === '') first += 1;
  const headerLine = lines[first];
  const format = headerLine === undefined ? undefined : headerFormat(lineStart(headerLine).trimEnd());
  if (format === undefined) {
    const message =
      headerLine === undefined
        ? `the file is empty; a .reg file starts with "${HEADER_V5}" or "${HEADER_4}"`
        : `expected the header "${HEADER_V5}" or "${HEADER_4}", found ${shown(headerLine.trim())}`;
    const line = headerLine === undefined ? 1 : first + 1;
    return { ok: false, errors: [{ code: 'BadHeader', file: fileName, line, message: visible(message) }], warnings: [] };
  }
  const st: State = {
    file: fileName,
    lines,
    section: format,
    target: 'none',
    order: [],
    byFold: new Map(),
    deletedKeys: new Map(),
    errors: [],
    warnings: [],
  };
  for (let i = first + 1; i < lines.length; i += 1) {
    const t = lineStart(lines[i] ?? '');
    if (t === '') continue;
    const c = t.charCodeAt(0);
    if (c === 0x3b) continue; // ;
    if (c === 0x5b) {
      keyLine(st, i, t); // [
      continue;
    }
    if (c === 0x22 || c === 0x40) {
      i = valueLine(st, i, t); // " or @
      continue;
    }
    const header = headerFormat(t.trimEnd());
    if (header !== undefined) {
      if (header !== st.section) {
        const [now, before, text] = header === 'v5' ? ['version 5.00', 'REGEDIT4', 'UTF-16LE'] : ['REGEDIT4', 'version 5.00', 'ANSI'];
        warn(st, 'MixedFormats', i, `a ${now} export follows a ${before} one; text in hex(1), hex(2) and hex(7) data is read as ${text} from here on`);
      }
      st.section = header;
      st.target = 'none';
      continue;
    }
    if (HEX_ONLY_LINE.test(t)) {
      report(st, 'BadContinuation', i, `hex bytes on a line of their own: the line before does not end with "\\" to continue a value`);
      i = skipContinuation(st, i);
      continue;
    }
    report(st, 'BadValueLine', i, `unrecognised line ${shown(t.trimEnd())}; expected [key], [-key], "name"=data, @=data or a ; comment`);
    i = skipContinuation(st, i);
  }
  if (st.errors.length > 0) return { ok: false, errors: st.errors.sort(byLine), warnings: st.warnings.sort(byLine) };
  const keys: RegKey[] = [];
  for (const k of st.order) {
    if (!k.live) continue;
    keys.push({
      path: k.path,
      values: Array.from(k.values.values(), (e) => ({ name: e.name, value: e.value })),
      deletedValues: Array.from(k.deleted.values()),
    });
  }
  const image: RegImage = { format, keys, deletedKeys: Array.from(st.deletedKeys.values()) };
  return { ok: true, image, warnings: st.warnings.sort(byLine) };
}

/** Line (1-based) of a character index, counting line breaks the way the parser splits lines. */
function lineOfIndex(text: string, index: number): number {
  return text.slice(0, index).split(LINE_BREAK).length;
}

/**
 * Parses the bytes of a .reg file: decodes them (see decodeRegBytes: UTF-16LE/BE by BOM, UTF-8 with or
 * without BOM, UTF-16LE without BOM, else Windows-1252) and parses the text. Bytes that are not valid in the
 * detected encoding are a `BadEncoding` warning naming the first one (its line, value and offset); an error on
 * that same line (the U+FFFD put in usually spoils it) says so too, so it does not send the reader looking for
 * a typo. The result says which encoding was used.
 */
export function parseRegFile(bytes: Uint8Array, fileName: string): RegFileParseResult {
  const decoded = decodeRegBytes(bytes);
  const result = parseRegText(decoded.text, fileName);
  if (decoded.problem === undefined) return { ...result, encoding: decoded.encoding };
  const line = lineOfIndex(decoded.text, decoded.problem.index);
  const warning: RegDiagnostic = { code: 'BadEncoding', file: fileName, line, message: decoded.problem.message };
  const warnings = [warning, ...result.warnings].sort(byLine);
  if (result.ok) return { ...result, warnings, encoding: decoded.encoding };
  const errors = result.errors.map((e) => (e.line === line ? { ...e, message: `${e.message}; ${decoded.problem?.message ?? ''}` } : e));
  return { ok: false, errors, warnings, encoding: decoded.encoding };
}

/** `file:line: message`, the form compilers use, for logs and test output. */
export function formatDiagnostic(d: RegDiagnostic): string {
  return `${d.file}:${d.line}: ${d.message}`;
}
