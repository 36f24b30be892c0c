import { PROTOCOLS, type Protocol } from '../protocols/names.js';
import { IIS_PROTOCOL_CODES } from './codes.js';
import { IIS_DEFAULT_NAMES, normName, splitFields, type IisField } from './iis-w3c-fields.js';
import { LONG_LINE_HEAD, MAX_LOG_LINE, type LongLine } from './lines.js';

/**
 * A pre-filter over the raw bytes of an IIS W3C log (UTF-8 or ASCII), for the scan's hot path: it splits
 * lines on LF and drops, without decoding them, the plain records whose crypt-protocol field is the code
 * of a known protocol the caller did not ask for (at a 90% TLS 1.2 share, most of the file). Everything else
 * — directives, quoted or oddly spaced records, selected, unknown or absent codes — is passed on with its
 * 1-based line number for the full parser, so nothing the caller asked for is lost. It follows `#Fields`
 * itself (the same column names as the parser, and the fieldMap) to know where crypt-protocol is.
 */
export interface FilteredLine {
  /** The line's bytes; for a line over the cap, its first `LONG_LINE_HEAD` bytes only. */
  readonly bytes: Uint8Array;
  readonly lineNo: number;
  /** Set for a line over `MAX_LOG_LINE` bytes (lines.ts): its whole length; it was not held. */
  readonly tooLong?: number;
}

export interface IisByteFilter {
  push(chunk: Uint8Array): FilteredLine[];
  end(): FilteredLine[];
  skipped(): number;
  /** Lines seen so far (the last line number given out, or skipped). */
  lines(): number;
  /** The key (normalised names joined by one space) of the `#Fields` the filter follows; undefined before one. */
  fields(): string | undefined;
  /** Whether a `#Fields` line was seen since the filter was created. */
  fieldsSeen(): boolean;
}

export interface IisByteFilterStart {
  /** Start inside a file, under this `#Fields` key (what `fields()` of the filter of the range before reported). */
  readonly fields?: string;
}


/** The index of the next `byte` at or after `from`, Infinity when there is none. */
function nextByte(chunk: Uint8Array, byte: number, from: number): number {
  const i = chunk.indexOf(byte, from);
  return i < 0 ? Infinity : i;
}

function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1) s += String.fromCharCode(bytes[i] as number);
  return s;
}

/**
 * The `#Fields` key of a raw line as this filter reads it (a UTF-8 BOM, then `#fields:` in any case), or
 * undefined for any other line. Not the parser's rule, which also allows blanks and spaces around the name:
 * a reader that starts inside a file needs both.
 */
export function filterFieldsKey(line: Uint8Array): string | undefined {
  let end = line.length;
  if (end > 0 && line[end - 1] === 13) end -= 1;
  let first = 0;
  if (end >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) first = 3;
  if (first >= end || line[first] !== 35) return undefined;
  const m = /^#fields:\s*(.*)$/i.exec(asciiText(line.subarray(first, end)));
  return m?.[1] === undefined ? undefined : splitFields(m[1]).map(normName).join(' ');
}

/** What a parser is given for a filtered line: its text, or a `LongLine` for a line over the cap. */
export function filteredLineText(line: FilteredLine, decode: (bytes: Uint8Array) => string): string | LongLine {
  return line.tooLong === undefined ? decode(line.bytes) : { kind: 'too-long', length: line.tooLong, unit: 'bytes', head: decode(line.bytes) };
}

export function createIisByteFilter(only: readonly Protocol[], fieldMap: Partial<Record<IisField, string>> = {}, start: IisByteFilterStart = {}, maxLine: number = MAX_LOG_LINE): IisByteFilter {
  // Byte patterns of the codes to skip: "400", "0x400" (the parser also reads 0X and upper-case hex, which
  // these decimal-digit codes do not have).
  const skip = PROTOCOLS.filter((p) => !only.includes(p)).flatMap((p) => [IIS_PROTOCOL_CODES[p], `0x${IIS_PROTOCOL_CODES[p]}`, `0X${IIS_PROTOCOL_CODES[p]}`])
    .map((c) => Uint8Array.from(c, (ch) => ch.charCodeAt(0)));
  const wanted = fieldMap.protocol === undefined ? IIS_DEFAULT_NAMES.protocol : [normName(fieldMap.protocol), ...IIS_DEFAULT_NAMES.protocol];
  let protocolIdx = -1;
  let fieldCount = 0;
  let fieldsKey: string | undefined;
  let seen = false;
  // The start of a line cut by a chunk end, as copied parts joined once at its newline (joining on every
  // chunk is quadratic in the line's length); over `maxLine` bytes only its head is kept and the rest counted.
  let parts: Uint8Array[] = [];
  let size = 0;
  let head: Uint8Array | null = null;
  let lineNo = 0;
  let skippedCount = 0;
  const follow = (key: string): void => {
    const names = key === '' ? [] : key.split(' ');
    fieldsKey = key;
    fieldCount = names.length;
    protocolIdx = names.findIndex((n) => wanted.includes(n));
  };
  if (start.fields !== undefined) follow(start.fields);

  const matchesSkip = (line: Uint8Array, start: number, end: number): boolean => {
    const len = end - start;
    for (const code of skip) {
      if (code.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i += 1) {
        if (line[start + i] !== code[i]) { same = false; break; }
      }
      if (same) return true;
    }
    return false;
  };

  const onLine = (line: Uint8Array, out: FilteredLine[]): void => {
    lineNo += 1;
    let end = line.length;
    if (end > 0 && line[end - 1] === 13) end -= 1;
    let first = 0;
    // A UTF-8 BOM before the first character.
    if (end >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) first = 3;
    if (first < end && line[first] === 35) {
      const key = filterFieldsKey(line);
      if (key !== undefined) {
        follow(key);
        seen = true;
      }
      out.push({ bytes: line, lineNo });
      return;
    }
    if (protocolIdx >= 0 && skip.length > 0) {
      // One plain byte loop (measured faster here than native indexOf jumps over subarrays).
      let spaces = 0;
      let start = protocolIdx === 0 ? first : -1;
      let stop = -1;
      let plain = true;
      for (let i = first; i < end; i += 1) {
        const c = line[i];
        if (c === 32) {
          spaces += 1;
          if (spaces === protocolIdx) start = i + 1;
          else if (spaces === protocolIdx + 1) stop = i;
        } else if (c === 34 || c === 9) {
          plain = false;
          break;
        }
      }
      if (plain && spaces === fieldCount - 1 && start >= 0 && matchesSkip(line, start, stop < 0 ? end : stop)) {
        skippedCount += 1;
        return;
      }
    }
    out.push({ bytes: line, lineNo });
  };

  /**
   * The skip decision of `onLine` for a line `chunk[s, nl)` that starts with neither `#` nor a BOM, without
   * copying it and without a loop over every byte: the next quote and tab of the chunk are found natively, the
   * protocol column is found from the end of the line (when the line has exactly the schema's fields, it is
   * the same column counted from either side), and only a line whose column holds a code to skip has its
   * spaces counted, four bytes at a time (`countSpaces`).
   */
  let quoteAt = -1;
  let tabAt = -1;
  let words: Uint32Array | null = null;
  let wordBase = 0;
  const fastSkip = (chunk: Uint8Array, s: number, nl: number): boolean => {
    let end = nl;
    if (end > s && chunk[end - 1] === 13) end -= 1;
    if (quoteAt < s && quoteAt !== Infinity) quoteAt = nextByte(chunk, 34, s);
    if (tabAt < s && tabAt !== Infinity) tabAt = nextByte(chunk, 9, s);
    if (quoteAt < end || tabAt < end) return false;
    // From the right: the column has `right` spaces after it.
    const right = fieldCount - 1 - protocolIdx;
    let back = 0;
    let stop = right === 0 ? end : -1;
    let i = end - 1;
    for (; i >= s; i -= 1) {
      if (chunk[i] === 32) {
        back += 1;
        if (back === right) stop = i;
        else if (back === right + 1) break;
      }
    }
    let start: number;
    if (i >= s) start = i + 1;
    else if (back === right && protocolIdx === 0) start = s;
    else return false;
    if (stop < 0 || !matchesSkip(chunk, start, stop)) return false;
    return (i > s ? back + countSpaces(chunk, s, i) : back) === fieldCount - 1;
  };
  const countSpaces = (chunk: Uint8Array, s: number, e: number): number => {
    const w = words as Uint32Array;
    let n = 0;
    let i = s;
    while (i < e && ((wordBase + i) & 3) !== 0) {
      if (chunk[i] === 32) n += 1;
      i += 1;
    }
    const last = (wordBase + e) >>> 2;
    for (let k = (wordBase + i) >>> 2; k < last; k += 1) {
      // Bytes equal to 0x20 become 0x00; the top bit of each zero byte is set, exactly, then counted.
      const x = (w[k] as number) ^ 0x20202020;
      const z = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
      n += Math.imul(z >>> 7, 0x01010101) >>> 24;
    }
    i = Math.max(i, (last << 2) - wordBase);
    for (; i < e; i += 1) if (chunk[i] === 32) n += 1;
    return n;
  };

  /**
   * Holds `chunk[from, to)` as part of the pending line (a copy: the caller may reuse its chunk buffer). One
   * byte more than the cap is held (a CR before the LF is not part of the line); past that, the head only.
   */
  let lastCr = false;
  const keep = (chunk: Uint8Array, from: number, to: number): void => {
    if (to > from) lastCr = chunk[to - 1] === 13;
    if (head === null && size + (to - from) <= maxLine + 1) {
      if (to > from) parts.push(Uint8Array.prototype.slice.call(chunk, from, to));
      size += to - from;
      return;
    }
    if (head === null) {
      const first = new Uint8Array(Math.min(LONG_LINE_HEAD, size + (to - from)));
      let at = 0;
      for (const p of parts) {
        if (at >= first.length) break;
        const n = Math.min(p.length, first.length - at);
        first.set(p.subarray(0, n), at);
        at += n;
      }
      if (at < first.length) first.set(chunk.subarray(from, from + first.length - at), at);
      head = first;
      parts = [];
    }
    size += to - from;
  };
  /** The pending line is complete: the filter decides on it, or it is given out as a line over the cap. */
  const finish = (out: FilteredLine[]): void => {
    const length = size - (size > 0 && lastCr ? 1 : 0);
    if (head !== null || length > maxLine) {
      lineNo += 1;
      out.push({ bytes: head ?? (parts[0] as Uint8Array).subarray(0, LONG_LINE_HEAD), lineNo, tooLong: length });
    } else {
      let line: Uint8Array;
      if (parts.length === 1) line = parts[0] as Uint8Array;
      else {
        line = new Uint8Array(size);
        let at = 0;
        for (const p of parts) { line.set(p, at); at += p.length; }
      }
      onLine(line, out);
    }
    parts = [];
    size = 0;
    head = null;
    lastCr = false;
  };

  return {
    push(chunk) {
      const out: FilteredLine[] = [];
      let start = 0;
      if (size > 0 || head !== null) {
        const nl = chunk.indexOf(10);
        keep(chunk, 0, nl < 0 ? chunk.length : nl);
        if (nl < 0) return out;
        finish(out);
        start = nl + 1;
      }
      quoteAt = -1;
      tabAt = -1;
      words = new Uint32Array(chunk.buffer, 0, chunk.buffer.byteLength >>> 2);
      wordBase = chunk.byteOffset;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl < 0) break;
        const c = chunk[start];
        if (nl - start > maxLine) {
          // Over the cap, or exactly at it with a CR: finish() decides.
          keep(chunk, start, nl);
          finish(out);
        } else if (protocolIdx < 0 || skip.length === 0 || c === 35 || c === 0xef) onLine(chunk.subarray(start, nl), out);
        else {
          lineNo += 1;
          if (fastSkip(chunk, start, nl)) skippedCount += 1;
          else out.push({ bytes: chunk.subarray(start, nl), lineNo });
        }
        start = nl + 1;
      }
      words = null;
      if (start < chunk.length) keep(chunk, start, chunk.length);
      return out;
    },
    end() {
      const out: FilteredLine[] = [];
      if (size > 0 || head !== null) finish(out);
      return out;
    },
    skipped: () => skippedCount,
    lines: () => lineNo,
    fields: () => fieldsKey,
    fieldsSeen: () => seen,
  };
}
