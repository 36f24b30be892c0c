import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
// The logs part of the core only: a worker thread loads this file first, and the whole core takes longer.
import {
  createAggregator, createIisByteFilter, createIisParser, fieldsDirectiveKey, filteredLineText, filterFieldsKey,
  type AggregateState, type FilteredLine, type HitEvent, type IisField, type IisParserState, type IisStateUse, type LogEvent,
} from '../core/logs/index.js';
import type { Protocol } from '../core/protocols/names.js';

/**
 * One unit of a parallel logs.scan: a whole IIS file (plain or gzip) or a line-aligned byte range of a plain
 * UTF-8 one, read through the core's byte pre-filter and IIS parser into a partial aggregator. It runs in a
 * worker thread (logs-worker.ts) or on the main thread (a unit to redo, tests). The caller merges the units
 * of a scan in file order (logs-scan.ts) and checks each against the true parser state at its start:
 *
 * - A range starts and ends at line starts: a range [start, end) holds the lines whose first byte lies in it,
 *   so `lineStartAtOrAfter` of the same offset ends one range and begins the next, whatever the line lengths.
 * - Its starting `#Fields` is the last `#Fields` line before the start (read backwards, at most `backBytes`);
 *   when there is none that close, the caller's hint (the state of the last merged range) is used. The filter
 *   and the parser recognise directives slightly differently, so both are looked for.
 * - Lines are numbered from 1 within the unit; the caller adds the lines of the ranges before.
 */
export interface UnitTask {
  readonly file: string;
  readonly gz: boolean;
  /** Byte offsets in the file; a unit of a gzip file is the whole file (0, null). `end` null: to the end. */
  readonly start: number;
  readonly end: number | null;
  /** The parser state at `start` when `exact`, otherwise the best known guess (refined by reading back). */
  readonly state: IisParserState;
  /** The byte filter's `#Fields` key at `start` (same rule). */
  readonly filterFields?: string;
  readonly exact: boolean;
  readonly backBytes: number;
  readonly fieldMap: Partial<Record<IisField, string>>;
  readonly onlyProtocols: readonly Protocol[];
  readonly aggregate: { readonly protocols: readonly string[]; readonly since?: string; readonly until?: string };
  /** Raw hits to keep (the scan's maxHits left when the unit was handed out). */
  readonly hitCap: number;
}

export interface UnitResult {
  /** The state the unit started from, as it assumed it. */
  readonly assumed: IisParserState;
  readonly assumedFilter?: string;
  /** The parser's state after the unit, and what the unit read of its starting state. */
  readonly final: IisParserState;
  readonly use: IisStateUse;
  readonly filterFinal?: string;
  readonly filterSeen: boolean;
  readonly aggregate: AggregateState;
  /** Raw hits, lines numbered within the unit. */
  readonly hits: readonly HitEvent[];
  /** Lines of the unit, and the number of the last line passed to the parser (0: none). */
  readonly lines: number;
  readonly lastKept: number;
  readonly skipped: number;
  readonly bytes: number;
  /** Reading failed (a damaged gzip stream): what came before counts, the rest of the file does not. */
  readonly error?: { readonly code: 'Truncated' | 'Unreadable'; readonly message: string };
}

const CHUNK = 1024 * 1024;
const PROBE = 64 * 1024;

/**
 * An error of the gzip stream itself (zlib's Z_DATA_ERROR, Z_BUF_ERROR "unexpected end of file"): the
 * compressed data is damaged or cut off. Anything else (a read error, a RangeError) is not called that.
 */
export function isZlibError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * The offset of the first line start at or after `pos`: just after the first LF at or after `pos - 1`; or
 * `limit` when no line starts before it. The limit keeps a long line linear: a range that lies wholly inside
 * one line (a 2 GB line without a newline) looks only at its own bytes, not on to the line's end.
 */
export function lineStartAtOrAfter(fd: number, pos: number, limit = Infinity): number {
  if (pos <= 0) return 0;
  if (pos >= limit) return limit;
  const buf = Buffer.allocUnsafe(PROBE);
  let at = pos - 1;
  for (;;) {
    // An LF in [pos - 1, limit - 1) starts a line before the limit.
    const want = Math.min(buf.length, limit - 1 - at);
    if (want <= 0) return limit;
    const n = readSync(fd, buf, 0, want, at);
    if (n === 0) return at;
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += n;
  }
}

/**
 * The `#Fields` keys in force at `pos` (a line start) by the parser's and by the filter's rule: the last such
 * line in the `backBytes` before it. `null`: not found that close (unknown); undefined: the file has none.
 */
export function fieldsBefore(fd: number, pos: number, backBytes: number): { parser: string | undefined | null; filter: string | undefined | null } {
  let parser: string | undefined | null = null;
  let filter: string | undefined | null = null;
  if (pos <= 0) return { parser: undefined, filter: undefined };
  const from = Math.max(0, pos - backBytes);
  const buf = Buffer.allocUnsafe(pos - from);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  const text = buf.subarray(0, got);
  const decoder = new TextDecoder('utf-8');
  // From the last line back; the window's first line is cut unless the window starts the file.
  let lineEnd = text.length;
  if (lineEnd > 0 && text[lineEnd - 1] === 10) lineEnd -= 1;
  for (;;) {
    const nl = lineEnd > 0 ? text.lastIndexOf(10, lineEnd - 1) : -1;
    if (nl < 0 && from > 0) break;
    const line = text.subarray(nl + 1, lineEnd);
    if (looksLikeDirective(line)) {
      if (filter === null) {
        const k = filterFieldsKey(line);
        if (k !== undefined) filter = k;
      }
      if (parser === null) {
        const k = fieldsDirectiveKey(decoder.decode(line));
        if (k !== undefined) parser = k;
      }
      if (parser !== null && filter !== null) break;
    }
    if (nl < 0) break;
    lineEnd = nl;
  }
  if (from === 0) {
    if (parser === null) parser = undefined;
    if (filter === null) filter = undefined;
  }
  return { parser, filter };
}

/** A cheap test before decoding: `#` after any UTF-8 BOMs, spaces and tabs. */
function looksLikeDirective(line: Uint8Array): boolean {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === 32 || c === 9) i += 1;
    else if (c === 0xef && line[i + 1] === 0xbb && line[i + 2] === 0xbf) i += 3;
    else return c === 35;
  }
  return false;
}

/** The guess for a range's start: the hint, with the `#Fields` found by reading back. */
function assumedState(hint: IisParserState, fields: string | undefined | null): IisParserState {
  if (fields === null) return hint;
  const schemas = fields === undefined || hint.schemas.includes(fields) ? hint.schemas : [...hint.schemas, fields];
  const { fields: _old, ...rest } = hint;
  return { ...rest, schemas, ...(fields === undefined ? {} : { fields }) };
}

export async function scanUnit(task: UnitTask, onBytes: ((n: number) => void) | null): Promise<UnitResult> {
  const only = task.onlyProtocols;
  let fd: number | null = null;
  let start = task.start;
  let end = task.end === null ? Infinity : task.end;
  let assumed = task.state;
  let assumedFilter = task.filterFields;
  let error: UnitResult['error'];
  if (!task.gz) {
    try {
      fd = openSync(task.file, 'r');
      start = lineStartAtOrAfter(fd, task.start, task.end ?? Infinity);
      if (task.end !== null) end = start >= task.end ? start : lineStartAtOrAfter(fd, task.end);
      if (!task.exact && start > 0) {
        const found = fieldsBefore(fd, start, task.backBytes);
        assumed = assumedState(task.state, found.parser);
        if (found.filter !== null) assumedFilter = found.filter;
      }
    } catch (e) {
      // Gone or unreadable since the scan looked at it: an error for the file, as a failed read.
      error = { code: 'Unreadable', message: e instanceof Error ? e.message : String(e) };
      if (fd !== null) closeSync(fd);
      fd = null;
    }
  }
  const filter = createIisByteFilter(only, task.fieldMap, assumedFilter === undefined ? {} : { fields: assumedFilter });
  const parser = createIisParser({ source: task.file, fieldMap: task.fieldMap, onlyProtocols: only, state: assumed });
  const agg = createAggregator({ ...task.aggregate, partial: true });
  if (!agg.ok) throw new Error(agg.error.message);
  const aggregator = agg.value;
  const hits: HitEvent[] = [];
  const decoder = new TextDecoder('utf-8');
  const decode = (b: Uint8Array): string => decoder.decode(b);
  let lastKept = 0;
  let bytes = 0;
  const take = (events: readonly LogEvent[]): void => {
    aggregator.addAll(events);
    if (hits.length < task.hitCap) for (const e of events) if (e.kind === 'hit' && hits.length < task.hitCap) hits.push(e);
  };
  const feed = (lines: readonly FilteredLine[]): void => {
    for (const l of lines) take(parser.pushLine(filteredLineText(l, decode), l.lineNo));
    if (lines.length > 0) lastKept = (lines[lines.length - 1] as FilteredLine).lineNo;
  };
  const counted = (n: number): void => {
    bytes += n;
    if (onBytes !== null) onBytes(n);
  };
  if (fd !== null) {
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      let pos = start;
      while (pos < end) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
        if (n === 0) break;
        counted(n);
        feed(filter.push(buf.subarray(0, n)));
        pos += n;
      }
      feed(filter.end());
    } catch (e) {
      error = { code: 'Unreadable', message: e instanceof Error ? e.message : String(e) };
    } finally {
      closeSync(fd);
    }
  } else if (task.gz) {
    const raw = createReadStream(task.file, { highWaterMark: CHUNK });
    raw.on('data', (chunk: Buffer | string) => counted(chunk.length));
    try {
      for await (const chunk of raw.pipe(createGunzip())) feed(filter.push(chunk as Buffer));
      feed(filter.end());
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      error = { code: isZlibError(e) ? 'Truncated' : 'Unreadable', message };
    } finally {
      raw.destroy();
    }
  }
  // As the single pass: the filter's count of a file that failed is not kept, the parser's is.
  const skipped = (error === undefined ? filter.skipped() : 0) + parser.stats().skipped;
  const filterFinal = filter.fields();
  return {
    assumed, ...(assumedFilter === undefined ? {} : { assumedFilter }),
    final: parser.state(), use: parser.stateUse(),
    ...(filterFinal === undefined ? {} : { filterFinal }), filterSeen: filter.fieldsSeen(),
    aggregate: aggregator.state(), hits, lines: filter.lines(), lastKept, skipped, bytes,
    ...(error === undefined ? {} : { error }),
  };
}
