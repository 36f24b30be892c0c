import { decodeUtf16, decodeWindows1252 } from './decode.js';
import type { RegFormat, RegValue } from './types.js';

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lower-case hex, two digits a byte, no separators: how REG_BINARY, REG_NONE and REG_OTHER keep data. */
export function bytesToHex(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) out += HEX2[(bytes[i] ?? 0) & 0xff] ?? '00';
  return out;
}

const HEX_DATA = /^(?:[0-9a-fA-F]{2})*$/;

/** The inverse of bytesToHex (either case); undefined when the text is not whole hex bytes. */
export function hexToBytes(hex: string): number[] | undefined {
  if (!HEX_DATA.test(hex)) return undefined;
  const out = new Array<number>(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Registry type numbers, as `hex(N):` writes them (N in hex). */
export const REG_TYPE = {
  REG_NONE: 0,
  REG_SZ: 1,
  REG_EXPAND_SZ: 2,
  REG_BINARY: 3,
  REG_DWORD: 4,
  REG_DWORD_BIG_ENDIAN: 5,
  REG_LINK: 6,
  REG_MULTI_SZ: 7,
  REG_RESOURCE_LIST: 8,
  REG_FULL_RESOURCE_DESCRIPTOR: 9,
  REG_RESOURCE_REQUIREMENTS_LIST: 10,
  REG_QWORD: 11,
} as const;

/** A decoded value, plus why its bytes did not fit the declared type when they were kept raw instead. */
export interface DecodedValue {
  readonly value: RegValue;
  readonly warning?: string;
}

const TWO_POW_53 = 2n ** 53n;

/** `1 byte`, `3 bytes`. */
function count(bytes: readonly number[]): string {
  return `${bytes.length} byte${bytes.length === 1 ? '' : 's'}`;
}

function raw(kind: number, bytes: readonly number[], warning: string): DecodedValue {
  return { value: { type: 'REG_OTHER', kind, data: bytesToHex(bytes) }, warning };
}

/**
 * Text of hex(1)/hex(2)/hex(7) bytes: UTF-16LE in a v5 export, ANSI (Windows-1252 here) in a REGEDIT4 one.
 * Undefined for an odd number of UTF-16 bytes.
 */
function bytesToText(bytes: readonly number[], format: RegFormat): string | undefined {
  if (format === 'regedit4') return decodeWindows1252(Uint8Array.from(bytes));
  if (bytes.length % 2 !== 0) return undefined;
  return decodeUtf16(Uint8Array.from(bytes), 0, true).text;
}

/**
 * Decodes the bytes of `hex(kind):` into a typed value. Strings lose exactly one terminating NUL (so
 * "a\0\0" keeps one NUL and writes back the same); a REG_MULTI_SZ loses all trailing NULs, then splits on
 * NUL (empty data is the empty list). Bytes that do not fit their type (a 3-byte REG_DWORD, odd-length
 * UTF-16) are kept as REG_OTHER with that type number and a warning, never dropped.
 */
export function decodeHexValue(kind: number, bytes: readonly number[], format: RegFormat): DecodedValue {
  switch (kind) {
    case REG_TYPE.REG_NONE:
      return { value: { type: 'REG_NONE', data: bytesToHex(bytes) } };
    case REG_TYPE.REG_BINARY:
      return { value: { type: 'REG_BINARY', data: bytesToHex(bytes) } };
    case REG_TYPE.REG_SZ:
    case REG_TYPE.REG_EXPAND_SZ: {
      const type = kind === REG_TYPE.REG_SZ ? 'REG_SZ' : 'REG_EXPAND_SZ';
      const text = bytesToText(bytes, format);
      if (text === undefined) return raw(kind, bytes, `hex(${kind.toString(16)}) data has ${count(bytes)}, an odd number, so it is not UTF-16 text; kept as raw bytes`);
      return { value: { type, data: text.endsWith('\0') ? text.slice(0, -1) : text } };
    }
    case REG_TYPE.REG_MULTI_SZ: {
      const text = bytesToText(bytes, format);
      if (text === undefined) return raw(kind, bytes, `hex(7) data has ${count(bytes)}, an odd number, so it is not UTF-16 text; kept as raw bytes`);
      let end = text.length;
      while (end > 0 && text.charCodeAt(end - 1) === 0) end -= 1;
      return { value: { type: 'REG_MULTI_SZ', data: end === 0 ? [] : text.slice(0, end).split('\0') } };
    }
    case REG_TYPE.REG_DWORD:
    case REG_TYPE.REG_DWORD_BIG_ENDIAN: {
      const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
      if (bytes.length !== 4) return raw(kind, bytes, `hex(${kind}) data has ${count(bytes)}; a ${kind === 4 ? 'REG_DWORD' : 'REG_DWORD_BIG_ENDIAN'} has 4; kept as raw bytes`);
      return kind === REG_TYPE.REG_DWORD
        ? { value: { type: 'REG_DWORD', data: (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0 } }
        : { value: { type: 'REG_DWORD_BIG_ENDIAN', data: ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0 } };
    }
    case REG_TYPE.REG_QWORD: {
      if (bytes.length !== 8) return raw(kind, bytes, `hex(b) data has ${count(bytes)}; a REG_QWORD has 8; kept as raw bytes`);
      let v = 0n;
      for (let i = 7; i >= 0; i -= 1) v = (v << 8n) | BigInt(bytes[i] ?? 0);
      return { value: v <= TWO_POW_53 ? { type: 'REG_QWORD', data: v.toString(), number: Number(v) } : { type: 'REG_QWORD', data: v.toString() } };
    }
    default:
      return { value: { type: 'REG_OTHER', kind, data: bytesToHex(bytes) } };
  }
}
