import type { RegEncoding } from './types.js';

/** Bytes decoded to text, with the first spot where the bytes were not valid in that encoding (if any). */
export interface DecodedText {
  readonly encoding: RegEncoding;
  readonly text: string;
  /** Index in `text` of the first U+FFFD put in for bad bytes, and what was wrong. */
  readonly problem?: { readonly index: number; readonly message: string };
}

/**
 * Windows-1252 bytes 0x80-0x9F (the rest of the code page is Latin-1). The five bytes Microsoft leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as
 * MultiByteToWideChar and the WHATWG Encoding Standard do.
 */
const CP1252_80_9F: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const CHUNK = 4096;

/**
 * Code units to a string, in chunks so a 5 MB file does not overflow the argument list. `apply` takes the
 * typed array as it is (an array-like): six times faster than spreading it.
 */
function unitsToString(units: Uint16Array, length: number): string {
  const fromCodes = (from: number, to: number): string => String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  if (length <= CHUNK) return fromCodes(0, length);
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) parts.push(fromCodes(i, Math.min(i + CHUNK, length)));
  return parts.join('');
}

/** Windows-1252 (regedit's "ANSI" on Western systems): one byte, one character; never fails. */
export function decodeWindows1252(bytes: Uint8Array, start = 0): string {
  const out = new Uint16Array(Math.max(0, bytes.length - start));
  let n = 0;
  for (let i = start; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    out[n] = b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b;
    n += 1;
  }
  return unitsToString(out, n);
}

/** Where UTF-8 decoding first went wrong: index in the text, offset of the byte in the file, the byte, how many in all. */
export interface Utf8Damage {
  readonly index: number;
  readonly offset: number;
  readonly byte: number;
  readonly count: number;
}

/**
 * Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). With `replace` false, returns
 * undefined at the first bad byte (used to tell UTF-8 from ANSI); with `replace` true, each bad byte
 * becomes U+FFFD and `bad` is the index of the first one (-1 when none), `damage` says which byte and how many.
 */
export function decodeUtf8(
  bytes: Uint8Array, start: number, replace: boolean,
): { readonly text: string; readonly bad: number; readonly damage?: Utf8Damage } | undefined {
  const len = bytes.length;
  const out = new Uint16Array(Math.max(0, len - start));
  let n = 0;
  let bad = -1;
  let badOffset = -1;
  let badCount = 0;
  let i = start;
  while (i < len) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      out[n] = b;
      n += 1;
      i += 1;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0 && i + need < len;
    if (ok) {
      for (let k = 1; k <= need; k += 1) {
        const c = bytes[i + k];
        if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
    }
    if (!ok) {
      if (!replace) return undefined;
      if (bad < 0) {
        bad = n;
        badOffset = i;
      }
      badCount += 1;
      out[n] = 0xfffd;
      n += 1;
      i += 1;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out[n] = 0xd800 + (cp >> 10);
      out[n + 1] = 0xdc00 + (cp & 0x3ff);
      n += 2;
    } else {
      out[n] = cp;
      n += 1;
    }
    i += need + 1;
  }
  const text = unitsToString(out, n);
  return bad < 0 ? { text, bad } : { text, bad, damage: { index: bad, offset: badOffset, byte: bytes[badOffset] ?? 0, count: badCount } };
}

/** UTF-16 code units from byte pairs; an odd last byte becomes U+FFFD (`bad` is its index, else -1). */
export function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): { readonly text: string; readonly bad: number } {
  const pairs = Math.max(0, (bytes.length - start) >> 1);
  const odd = (bytes.length - start) % 2 === 1;
  const out = new Uint16Array(pairs + (odd ? 1 : 0));
  const first = littleEndian ? 0 : 1;
  const second = littleEndian ? 1 : 0;
  for (let p = 0, i = start; p < pairs; p += 1, i += 2) {
    out[p] = (bytes[i + first] ?? 0) | ((bytes[i + second] ?? 0) << 8);
  }
  if (odd) out[pairs] = 0xfffd;
  return { text: unitsToString(out, out.length), bad: odd ? pairs : -1 };
}

/** UTF-16LE without a BOM: the first line (at least two characters) has a zero in every odd byte. */
function looksUtf16le(bytes: Uint8Array): boolean {
  let chars = 0;
  for (let i = 0; i + 1 < bytes.length && i < 512; i += 2) {
    const lo = bytes[i] ?? 0;
    const hi = bytes[i + 1] ?? 0;
    if (hi !== 0 || lo === 0) return false;
    if (lo === 0x0a || lo === 0x0d) break;
    chars += 1;
  }
  return chars >= 2;
}

const byteText = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
const REPLACED = 'U+FFFD, the replacement character';

/** What an odd trailing byte of a UTF-16 file is, in words. */
function oddByte(bytes: Uint8Array, start: string): string {
  const at = bytes.length - 1;
  return `${start}: its last byte, ${byteText(bytes[at] ?? 0)} at offset ${at}, is half a character and was read as ${REPLACED}`;
}

/**
 * Decodes a .reg file the way its bytes say:
 * - BOM FF FE: UTF-16LE (what regedit's "Version 5.00" export writes); BOM FE FF: UTF-16BE;
 * - BOM EF BB BF: UTF-8 (bad sequences become U+FFFD and are reported);
 * - no BOM, but the first line has a zero in every odd byte: UTF-16LE;
 * - no BOM and valid UTF-8: UTF-8 (plain ASCII lands here too, where UTF-8 and ANSI agree);
 * - anything else: Windows-1252, the ANSI code page of REGEDIT4 exports on Western Windows.
 *
 * Lossless except where `problem` says otherwise: Windows-1252 maps each of the 256 byte values to its own
 * character, UTF-8 without a BOM is chosen only when every byte is valid, and UTF-16 code units (lone
 * surrogates too) are copied as they are. Only bytes invalid in the encoding a BOM or the zeros declare (a
 * UTF-8 BOM file with a stray 0xFF, a UTF-16 file with an odd byte at its end) become U+FFFD, and then
 * `problem` names the first such byte (value and offset), how many there are, and where in the text it is.
 */
export function decodeRegBytes(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const le = b0 === 0xff;
    const { text, bad } = decodeUtf16(bytes, 2, le);
    const encoding: RegEncoding = le ? 'utf-16le' : 'utf-16be';
    return bad < 0
      ? { encoding, text }
      : { encoding, text, problem: { index: bad, message: oddByte(bytes, `the file has an odd number of bytes after its ${le ? 'UTF-16LE' : 'UTF-16BE'} byte order mark`) } };
  }
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const decoded = decodeUtf8(bytes, 3, true);
    const text = decoded?.text ?? '';
    const d = decoded?.damage;
    if (d === undefined) return { encoding: 'utf-8', text };
    const which = d.count > 1 ? `it and ${d.count - 1} more such byte${d.count > 2 ? 's' : ''} were` : 'it was';
    return {
      encoding: 'utf-8',
      text,
      problem: { index: d.index, message: `byte ${byteText(d.byte)} at offset ${d.offset} is not UTF-8, though the file starts with a UTF-8 byte order mark; ${which} read as ${REPLACED}` },
    };
  }
  if (looksUtf16le(bytes)) {
    const { text, bad } = decodeUtf16(bytes, 0, true);
    return bad < 0
      ? { encoding: 'utf-16le', text }
      : { encoding: 'utf-16le', text, problem: { index: bad, message: oddByte(bytes, 'the file looks like UTF-16LE without a byte order mark but has an odd number of bytes') } };
  }
  const utf8 = decodeUtf8(bytes, 0, false);
  if (utf8 !== undefined) return { encoding: 'utf-8', text: utf8.text };
  return { encoding: 'windows-1252', text: decodeWindows1252(bytes) };
}

/**
 * What to do about bytes that were read as U+FFFD: get bytes that say what the machine holds. regedit's export
 * writes UTF-16LE, in which every byte pair is a character; an editor can save the corrected file as UTF-16LE
 * ("Unicode") too.
 */
export const BAD_BYTES_ADVICE = 're-export it with regedit (File > Export writes UTF-16LE), or correct those bytes and save the file as UTF-16LE';
