import { assertNever } from '../model/result.js';
import { utf16leBytes } from './encode.js';
import { isRootKey, normaliseKeyPath } from './paths.js';
import type { RegKey, RegRenderError, RegRenderInput, RegRenderResult, RegValueEntry } from './types.js';
import { bytesToHex, hexToBytes, REG_TYPE } from './values.js';

const CRLF = '\r\n';
/** Wine's regedit export constant, which reproduces Windows regedit's wrapping: lines stay within 80 columns. */
const MAX_HEX_CHARS = 77;
/** Characters a quoted string or name cannot hold: regedit has no escape for them. */
const UNQUOTABLE = /[\r\n\0]/;
const MAX_QWORD = 2n ** 64n - 1n;

/** regedit's escaping: a backslash and a double quote get a backslash; nothing else does. */
export function quoteRegString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** `"name"=` or `@=`: regedit writes the default value as @. */
function namePrefix(name: string): string {
  return name === '' ? '@=' : `${quoteRegString(name)}=`;
}

/**
 * `hex:`/`hex(N):` and the bytes, wrapped like regedit: after each `xx,` the running line length grows by 3,
 * and once it reaches 77 the line ends with `\` and the next starts with two spaces.
 */
function hexLine(prefix: string, kind: number, bytes: readonly number[]): string {
  const tag = kind === REG_TYPE.REG_BINARY ? 'hex:' : `hex(${kind.toString(16)}):`;
  let out = prefix + tag;
  let lineLen = out.length;
  const last = bytes.length - 1;
  for (let i = 0; i <= last; i += 1) {
    out += bytesToHex([bytes[i] ?? 0]);
    if (i === last) break;
    out += ',';
    lineLen += 3;
    if (lineLen >= MAX_HEX_CHARS) {
      out += `\\${CRLF}  `;
      lineLen = 2;
    }
  }
  return out;
}

function isDword(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/** The line(s) for one value, or why it cannot be written. */
function valueText(entry: RegValueEntry): { readonly text: string } | { readonly error: string } {
  const prefix = namePrefix(entry.name);
  const v = entry.value;
  switch (v.type) {
    case 'REG_SZ':
      // A quoted string cannot hold CR, LF or NUL: such a string is written as hex(1) UTF-16LE, which the
      // parser reads back as REG_SZ.
      return UNQUOTABLE.test(v.data) ? { text: hexLine(prefix, REG_TYPE.REG_SZ, utf16leBytes(`${v.data}\0`)) } : { text: prefix + quoteRegString(v.data) };
    case 'REG_EXPAND_SZ':
      return { text: hexLine(prefix, REG_TYPE.REG_EXPAND_SZ, utf16leBytes(`${v.data}\0`)) };
    case 'REG_MULTI_SZ': {
      if (v.data.some((s) => s.includes('\0'))) return { error: 'a REG_MULTI_SZ string cannot contain NUL, which separates the strings' };
      if (v.data.length > 0 && v.data[v.data.length - 1] === '') return { error: 'a REG_MULTI_SZ cannot end with an empty string: Windows reads it as the end of the list' };
      return { text: hexLine(prefix, REG_TYPE.REG_MULTI_SZ, utf16leBytes(`${v.data.join('\0')}\0\0`)) };
    }
    case 'REG_DWORD':
      if (!isDword(v.data)) return { error: `${v.data} is not a DWORD (an integer from 0 to 0xFFFFFFFF)` };
      return { text: `${prefix}dword:${v.data.toString(16).padStart(8, '0')}` };
    case 'REG_DWORD_BIG_ENDIAN': {
      if (!isDword(v.data)) return { error: `${v.data} is not a DWORD (an integer from 0 to 0xFFFFFFFF)` };
      const n = v.data;
      return { text: hexLine(prefix, REG_TYPE.REG_DWORD_BIG_ENDIAN, [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]) };
    }
    case 'REG_QWORD': {
      if (!/^[0-9]{1,20}$/.test(v.data) || BigInt(v.data) > MAX_QWORD) return { error: `"${v.data}" is not a QWORD (a decimal string from 0 to 18446744073709551615)` };
      let n = BigInt(v.data);
      const bytes: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        bytes.push(Number(n & 0xffn));
        n >>= 8n;
      }
      return { text: hexLine(prefix, REG_TYPE.REG_QWORD, bytes) };
    }
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_OTHER': {
      const bytes = hexToBytes(v.data);
      if (bytes === undefined) return { error: `${JSON.stringify(v.data.slice(0, 40))} is not hex bytes (two hex digits a byte, no separators)` };
      if (v.type === 'REG_OTHER' && !isDword(v.kind)) return { error: `${v.kind} is not a registry type number (0 to 0xFFFFFFFF)` };
      const kind = v.type === 'REG_BINARY' ? REG_TYPE.REG_BINARY : v.type === 'REG_NONE' ? REG_TYPE.REG_NONE : v.kind;
      return { text: hexLine(prefix, kind, bytes) };
    }
    default:
      return assertNever(v);
  }
}

function keyPath(path: string, errors: RegRenderError[]): string | undefined {
  if (UNQUOTABLE.test(path)) {
    errors.push({ key: path, message: 'a key path with CR, LF or NUL cannot be written to a .reg file' });
    return undefined;
  }
  const norm = normaliseKeyPath(path);
  if (!norm.ok) {
    errors.push({ key: path, message: norm.error });
    return undefined;
  }
  return norm.value;
}

function keySection(key: RegKey, errors: RegRenderError[]): string | undefined {
  const path = keyPath(key.path, errors);
  const lines = [`[${path ?? ''}]`];
  for (const name of key.deletedValues) {
    if (UNQUOTABLE.test(name)) errors.push({ key: key.path, value: name, message: 'a value name with CR, LF or NUL cannot be written to a .reg file' });
    else lines.push(`${namePrefix(name)}-`);
  }
  for (const entry of key.values) {
    if (UNQUOTABLE.test(entry.name)) {
      errors.push({ key: key.path, value: entry.name, message: 'a value name with CR, LF or NUL cannot be written to a .reg file' });
      continue;
    }
    const text = valueText(entry);
    if ('error' in text) errors.push({ key: key.path, value: entry.name, message: text.error });
    else lines.push(text.text);
  }
  return path === undefined ? undefined : lines.join(CRLF);
}

/**
 * Writes regedit "Version 5.00" text: the header, then one `[-key]` section per deleted key, then one
 * `[key]` section per key (its `"name"=-` deletions first, then its values), a blank line after each section,
 * CRLF line endings. Deletions come first because a `RegImage` means "delete these, then set those".
 * Strings and names escape `\` and `"`; REG_DWORD is `dword:`, REG_SZ holding CR, LF or NUL is hex(1), the
 * other types are hex lists wrapped like regedit's. Whatever cannot be written (a newline in a name, a
 * DWORD out of range, bad hex) is collected as errors instead of producing a file that means something else.
 * `encodeUtf16le` turns the text into the bytes regedit writes.
 */
export function renderRegFile(input: RegRenderInput): RegRenderResult {
  const errors: RegRenderError[] = [];
  const sections: string[] = ['Windows Registry Editor Version 5.00'];
  for (const deleted of input.deletedKeys ?? []) {
    const path = keyPath(deleted, errors);
    if (path === undefined) continue;
    if (isRootKey(path)) errors.push({ key: deleted, message: 'a root key cannot be deleted' });
    else sections.push(`[-${path}]`);
  }
  for (const key of input.keys ?? []) {
    const section = keySection(key, errors);
    if (section !== undefined) sections.push(section);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, text: sections.join(CRLF + CRLF) + CRLF + CRLF };
}
