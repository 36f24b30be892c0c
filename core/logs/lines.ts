/**
 * Incremental line splitting of already-decoded text, for callers that read a file in chunks (a file
 * still being written, a decompression stream; docs/log-formats.md 5.3, 5.27, 5.28). LF and CRLF end lines (a CR split
 * from its LF by a chunk boundary is handled); a final line without a newline comes out of `end()`.
 * The BOM is left to the parsers (they drop it at the start of any line).
 *
 * Lines are capped (`MAX_LOG_LINE`): a longer line is not held. Its first characters are kept for the
 * report and the rest is counted and dropped up to the next newline, so a 2 GB file without a newline costs
 * the time to read it and 1 MiB of memory; it comes out as a `LongLine` in its place, and the parsers turn it
 * into a `too-long` malformed event with its line number (the line is skipped, the next ones are read).
 */

/**
 * The longest log line kept: 1 MiB (bytes for the byte filter, UTF-16 code units here). IIS writes one
 * request per line, bounded by HTTP.sys's request limits (MaxRequestBytes, 16 KB by default; URL and
 * headers are what make a line long); Exchange protocol-log rows are shorter still. 1 MiB is 64 times the
 * default request limit, and small enough that a reader per thread holds at most a few of them.
 */
export const MAX_LOG_LINE = 1024 * 1024;

/** How much of a line over the cap is kept: what a malformed event shows (`excerpt`, 200 characters). */
export const LONG_LINE_HEAD = 200;

/** A line over the cap, in its place in the sequence of lines: its length and first characters. */
export interface LongLine {
  readonly kind: 'too-long';
  /** The line's length without its line end: code units here, bytes from the byte filter. */
  readonly length: number;
  readonly unit: 'bytes' | 'characters';
  readonly head: string;
}

export type SplitLine = string | LongLine;

export interface LineSplitter {
  /** The complete lines in `chunk` plus what was pending, without their line ends. */
  push(chunk: string): SplitLine[];
  /** The last line when the text did not end with a newline (a truncated or growing file). */
  end(): SplitLine[];
}

export function createLineSplitter(maxLength: number = MAX_LOG_LINE): LineSplitter {
  // The pending start of a line, as parts joined once (joining on every chunk would copy the line again
  // and again: quadratic in its length). `dropped` >= 0: the line is over the cap and only counted.
  let parts: string[] = [];
  let size = 0;
  let head = '';
  let dropped = -1;
  let droppedCr = false;

  // A CR before the LF is not part of the line: one more code unit is held, and take() decides.
  const add = (piece: string): void => {
    if (dropped >= 0) {
      dropped += piece.length;
    } else if (size + piece.length > maxLength + 1) {
      head = (parts.join('') + piece.slice(0, LONG_LINE_HEAD)).slice(0, LONG_LINE_HEAD);
      dropped = size + piece.length;
      parts = [];
      size = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      size += piece.length;
    }
    if (dropped >= 0 && piece.length > 0) droppedCr = piece.charCodeAt(piece.length - 1) === 13;
  };
  const take = (): SplitLine => {
    if (dropped >= 0) {
      const long: LongLine = { kind: 'too-long', length: dropped - (droppedCr ? 1 : 0), unit: 'characters', head };
      dropped = -1;
      head = '';
      return long;
    }
    const joined = parts.length === 1 ? parts[0] as string : parts.join('');
    parts = [];
    size = 0;
    const line = joined.endsWith('\r') ? joined.slice(0, -1) : joined;
    return line.length > maxLength ? { kind: 'too-long', length: line.length, unit: 'characters', head: line.slice(0, LONG_LINE_HEAD) } : line;
  };

  return {
    push(chunk: string): SplitLine[] {
      const out: SplitLine[] = [];
      let nl = chunk.indexOf('\n');
      if (nl < 0) {
        add(chunk);
        return out;
      }
      add(chunk.slice(0, nl));
      out.push(take());
      let start = nl + 1;
      for (;;) {
        nl = chunk.indexOf('\n', start);
        if (nl < 0) break;
        if (nl - start > maxLength) {
          // Over the cap, or exactly at it with a CR: take() decides.
          add(chunk.slice(start, nl));
          out.push(take());
        } else {
          const end = nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          out.push(chunk.slice(start, end));
        }
        start = nl + 1;
      }
      add(chunk.slice(start));
      return out;
    },
    end(): SplitLine[] {
      if (dropped < 0 && size === 0) return [];
      return [take()];
    },
  };
}

/** The text a parser works on for a line over the cap, and the message of its malformed event. */
export function longLineMessage(source: string, lineNo: number, line: LongLine): string {
  return `${source} line ${lineNo}: a line of ${line.length.toLocaleString('en-US')} ${line.unit}, over the limit of `
    + `${MAX_LOG_LINE.toLocaleString('en-US')}: not a log record (a file cut or concatenated without newlines, or binary data); line skipped`;
}

/** Removes BOMs at the start (docs/log-formats.md 5.1, also mid-file after concatenation) and trailing CRs (5.2). */
export function cleanLine(line: string): string {
  let start = 0;
  while (start < line.length && line.charCodeAt(start) === 0xfeff) start += 1;
  let end = line.length;
  while (end > start && line.charCodeAt(end - 1) === 13) end -= 1;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}
