import { statSync } from 'node:fs';
import {
  createAggregator, createExchangeSmtpParser, createIisParser, iisCarriedAfter, iisFileStartState, protocolFromName,
  type Aggregator, type HitEvent, type IisParser, type LogEvent, type LogParser, type Protocol,
} from '../core/index.js';
import type { Notify } from './dispatch.js';
import type { ScanOptions } from './logs-options.js';
import { legacyClientShape, legacyHitShape } from './logs-shape.js';

/**
 * The state of one logs.scan (logs-scan.ts): the aggregator, the parsers of this thread, what was found and
 * what failed, and the byte counts behind the progress notifications. The single pass (logs-single-pass.ts)
 * and the merge of parallel units (logs-merge.ts) both add to it.
 */

export interface FileError { readonly file: string; readonly code: string; readonly message: string }
interface FileDone { readonly file: string; readonly format: string; readonly bytes: number; readonly lines: number }

export interface ScanState {
  readonly o: ScanOptions;
  readonly notify: Notify;
  readonly aggregateOptions: { readonly protocols: readonly string[]; readonly since?: string; readonly until?: string };
  readonly aggregator: Aggregator;
  /** IIS pre-filter: records carrying only unselected known protocols are not parsed (see IisParserOptions). */
  readonly onlyProtocols: readonly Protocol[] | null;
  readonly sizes: readonly number[];
  readonly bytesTotal: number;
  readonly fileErrors: FileError[];
  readonly files: FileDone[];
  readonly hits: HitEvent[];
  readonly parsers: Map<string, LogParser>;
  /**
   * The IIS parser of this thread, and the schema the next IIS file inherits once units have read IIS files
   * (`iisStale`: this thread's parser has not seen them; it is replaced before its next file).
   */
  iisMain: IisParser | undefined;
  iisStale: boolean;
  iisCarried: string | undefined;
  retiredSkipped: number;
  bytesDone: number;
  sinceProgress: number;
  filterSkipped: number;
  unitSkipped: number;
}

const PROGRESS_EVERY = 8 * 1024 * 1024;

export function newScanState(o: ScanOptions, notify: Notify): { ok: true; value: ScanState } | { ok: false; message: string } {
  const aggregateOptions = { protocols: o.protocols, ...(o.since === undefined ? {} : { since: o.since }), ...(o.until === undefined ? {} : { until: o.until }) };
  const agg = createAggregator(aggregateOptions);
  if (!agg.ok) return { ok: false, message: agg.error.message };
  const selected = o.protocols.map((p) => protocolFromName(p));
  const sizes = o.paths.map((p) => { try { return statSync(p).size; } catch { return 0; } });
  return {
    ok: true,
    value: {
      o, notify, aggregateOptions, aggregator: agg.value,
      onlyProtocols: selected.every((p): p is Protocol => p !== undefined) ? selected : null,
      sizes, bytesTotal: sizes.reduce((a, b) => a + b, 0),
      fileErrors: [], files: [], hits: [], parsers: new Map(),
      iisMain: undefined, iisStale: false, iisCarried: undefined, retiredSkipped: 0,
      bytesDone: 0, sinceProgress: 0, filterSkipped: 0, unitSkipped: 0,
    },
  };
}

/** A `progress` notification: the file being read (null at the end) and how many came before it. */
export function progress(s: ScanState, file: string | null, filesDone: number): void {
  s.notify('progress', { file, filesDone, filesTotal: s.o.paths.length, bytesDone: s.bytesDone, bytesTotal: s.bytesTotal });
}

/** `n` more bytes read of file `i`: a progress notification every 8 MiB. */
export function countBytes(s: ScanState, n: number, file: string, i: number): void {
  s.bytesDone += n;
  s.sinceProgress += n;
  if (s.sinceProgress >= PROGRESS_EVERY) {
    s.sinceProgress = 0;
    progress(s, file, i);
  }
}

/** Events of this thread's parsers: to the aggregator, and the first `maxHits` hits kept. */
export function take(s: ScanState, events: readonly LogEvent[]): void {
  s.aggregator.addAll(events);
  if (s.o.maxHits > 0) for (const e of events) if (e.kind === 'hit' && s.hits.length < s.o.maxHits) s.hits.push(e);
}

/** This thread's parser of a format, started on `source` (one per format, carried from file to file). */
export function parserFor(s: ScanState, format: string, source: string): LogParser {
  let p = s.parsers.get(format);
  if (format === 'IisW3C' && s.iisStale) {
    if (p !== undefined) s.retiredSkipped += p.stats().skipped;
    s.iisMain = newIisParser(s, source, iisFileStartState(s.iisCarried));
    s.iisStale = false;
    s.parsers.set(format, s.iisMain);
    return s.iisMain;
  }
  if (p === undefined) {
    if (format === 'IisW3C') {
      s.iisMain = newIisParser(s, source);
      p = s.iisMain;
    } else {
      p = createExchangeSmtpParser({ source });
    }
    s.parsers.set(format, p);
  } else {
    p.beginFile(source);
  }
  return p;
}

function newIisParser(s: ScanState, source: string, state?: ReturnType<typeof iisFileStartState>): IisParser {
  const only = s.onlyProtocols === null ? {} : { onlyProtocols: s.onlyProtocols };
  return createIisParser({ source, fieldMap: s.o.fieldMap, ...only, ...(state === undefined ? {} : { state }) });
}

/** The schema the next IIS file inherits: from this thread's parser, or from the units merged since it last read. */
export function currentCarried(s: ScanState): string | undefined {
  return s.iisStale || s.iisMain === undefined ? s.iisCarried : iisCarriedAfter(s.iisMain.state());
}

export function readError(file: string, code: string, lineNo: number, message: string): string {
  return `${file}: ${code === 'Truncated' ? 'the compressed stream is damaged or cut off' : 'reading failed'} after line ${lineNo} (${message}); the lines before it were counted`;
}

/** The result of the scan, once every file is read: the parsers are ended and the last progress sent. */
export function finish(s: ScanState): unknown {
  for (const p of s.parsers.values()) take(s, p.end());
  progress(s, null, s.o.paths.length);
  const skipped = s.filterSkipped + s.unitSkipped + s.retiredSkipped + [...s.parsers.values()].reduce((n, p) => n + p.stats().skipped, 0);
  const aggregate = s.aggregator.result();
  const records = s.o.shape === 'powershell' ? aggregate.records.map(legacyClientShape) : aggregate.records;
  return { ...aggregate, records, files: s.files, fileErrors: s.fileErrors, hits: s.hits.map(legacyHitShape), skipped };
}
