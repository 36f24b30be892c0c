import { legacyClientShape, legacyHitShape } from './logs-shape.js';
import { createReadStream, readSync, closeSync, statSync } from 'node:fs';
import { openRegularFile } from './files.js';
import { availableParallelism } from 'node:os';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import {
  createAggregator, createExchangeSmtpParser, createIisByteFilter, createIisParser, createLineSplitter, detectFormat, filteredLineText, IIS_FIELDS,
  fieldsDirectiveKey, filterFieldsKey, iisCarriedAfter, iisFileStartState, iisStateAfter, iisStateFits, protocolFromName,
  type HitEvent, type IisField, type IisParser, type IisParserState, type LogEvent, type LogParser, type Protocol, type SplitLine,
} from '../core/index.js';
import type { Handler, Notify, Outcome } from './dispatch.js';
import { createThreadRunner, inlineRunner, workerEntry, type UnitRunner, type WorkerEntry } from './logs-pool.js';
import { isZlibError, scanUnit, type UnitResult, type UnitTask } from './logs-unit.js';
import { invalid, isRecord } from './params.js';

/**
 * logs.scan: the streaming reader behind Find-Tls365LegacyClient. The I/O edge only: it opens each file,
 * gunzips `.gz` by magic bytes, decodes UTF-8 (or UTF-16LE with a BOM), splits lines in chunks of 1 MiB and
 * feeds the pure core parsers and one aggregator. Memory stays flat whatever the file size: no file and no
 * hit list is held (except the capped `-Detailed` hits). Progress goes to the client as `progress`
 * notifications (bytes and files). A file that cannot be read, is not a log, or ends inside a gzip stream
 * is reported in `fileErrors`, and the scan goes on; what was read before the error still counts.
 *
 * Parallel scan (`ScanTuning`): when there is enough to read, IIS files in UTF-8 (plain or gzip) are read on
 * worker threads, each file or each 32 MiB range of a large plain file being one unit (logs-unit.ts) with its
 * own partial aggregator. Units are merged strictly in file and range order, so the result is the one of the
 * single pass: line numbers are shifted by the lines of the ranges before, and a range whose assumed parser
 * state at its start (found by reading back to the last `#Fields`) proves wrong is read again with the true
 * one. Exchange SMTP logs (sessions span files), UTF-16 files and undetected formats are read on this thread,
 * after the units before them are merged. At most `workers * 3` units are out at a time (one while `-Detailed`
 * hits are still missing): memory stays flat. Without the built worker script next to the bridge (a bundle
 * that does not ship bridge/logs-worker.js) everything is read in the single pass.
 */
export const MAX_LOG_FILES = 100_000;
const CHUNK = 1024 * 1024;
const PROGRESS_EVERY = 8 * 1024 * 1024;
type Format = 'Auto' | 'IisW3C' | 'ExchangeSmtpReceive' | 'ExchangeSmtpSend';
const FORMATS: readonly Format[] = ['Auto', 'IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend'];

interface ScanOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly fieldMap: Partial<Record<IisField, string>>;
  readonly protocols: readonly string[];
  readonly since?: string;
  readonly until?: string;
  readonly maxHits: number;
  /** `powershell`: records as TLS365.LegacyClient objects (legacyClientShape), which the module only stamps. */
  readonly shape: 'core' | 'powershell';
}

interface FileError { readonly file: string; readonly code: string; readonly message: string }
interface FileDone { readonly file: string; readonly format: string; readonly bytes: number; readonly lines: number }

function optionsOf(params: unknown): { ok: true; value: ScanOptions } | ReturnType<typeof invalid> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const paths = params['paths'];
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_LOG_FILES || !paths.every((p) => typeof p === 'string' && p.length > 0)) {
    return invalid('params.paths', `must be 1 to ${MAX_LOG_FILES} file paths`);
  }
  const format = params['format'] ?? 'Auto';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return invalid('params.format', `must be one of ${FORMATS.join(', ')}`);
  const rawMap = params['fieldMap'] ?? {};
  if (!isRecord(rawMap)) return invalid('params.fieldMap', 'must be an object of field -> column name');
  const fieldMap: Partial<Record<IisField, string>> = {};
  for (const [k, v] of Object.entries(rawMap)) {
    const field = IIS_FIELDS.find((f) => f.toLowerCase() === k.toLowerCase());
    if (field === undefined || typeof v !== 'string' || v.trim() === '') return invalid(`params.fieldMap.${k}`, `keys are ${IIS_FIELDS.join(', ')}; values are column names`);
    fieldMap[field] = v.trim();
  }
  const protocols = params['protocols'] ?? ['Tls10', 'Tls11'];
  if (!Array.isArray(protocols) || !protocols.every((p) => typeof p === 'string')) return invalid('params.protocols', 'must be an array of protocol names');
  const since = params['since'];
  const until = params['until'];
  if (since !== undefined && typeof since !== 'string') return invalid('params.since', 'must be an ISO 8601 string');
  if (until !== undefined && typeof until !== 'string') return invalid('params.until', 'must be an ISO 8601 string');
  const maxHits = params['maxHits'] ?? 0;
  if (typeof maxHits !== 'number' || !Number.isInteger(maxHits) || maxHits < 0 || maxHits > 1_000_000) return invalid('params.maxHits', 'must be 0 to 1000000');
  const shape = params['shape'] ?? 'core';
  if (shape !== 'core' && shape !== 'powershell') return invalid('params.shape', 'must be core or powershell');
  return {
    ok: true,
    value: { paths: paths as string[], format: format as Format, fieldMap, protocols: protocols as string[], maxHits, shape, ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) },
  };
}

/**
 * The first 64 KiB of a file: magic bytes, and enough lines to detect the format before streaming. Opened
 * without blocking and checked to be a regular file, so a FIFO or a device is refused at once.
 */
function firstBytes(file: string): { ok: true; head: Buffer } | { ok: false; error: FileError } {
  const opened = openRegularFile(file, 'a log file');
  if (!opened.ok) return { ok: false, error: { file, code: opened.code === 'NotAFile' ? 'NotAFile' : 'Unreadable', message: opened.message } };
  try {
    const b = Buffer.alloc(64 * 1024);
    const n = readSync(opened.fd, b, 0, b.length, 0);
    return { ok: true, head: b.subarray(0, n) };
  } catch (e) {
    return { ok: false, error: { file, code: 'Unreadable', message: `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'EIO'})` } };
  } finally {
    closeSync(opened.fd);
  }
}

/** The first bytes of the text: the head itself, or what a gzip head inflates to (null: it does not). */
function textOfHead(head: Buffer, gz: boolean): Buffer | null {
  if (!gz) return head;
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** The format of a UTF-8/ASCII log from its first bytes (gzip: what the first bytes inflate to), or 'Unknown'. */
function formatFromHead(head: Buffer, gz: boolean): string {
  const text = textOfHead(head, gz);
  if (text === null) return 'Unknown';
  const lines = text.toString('utf8').split('\n').slice(0, 20).map((l) => l.replace(/\r$/, ''));
  return detectFormat(lines).format;
}

/**
 * Binary data, not a text log: NUL bytes and not one newline in the first 64 KiB of text (a log's directives
 * and records are short lines). NULs after a newline are left to the parsers: IIS leaves runs of them in a
 * log cut by a crash, and the lines around them still count.
 */
function looksBinary(text: Buffer | null, utf16: boolean): boolean {
  if (text === null || utf16 || text.length === 0) return false;
  return text.indexOf(10) < 0 && text.indexOf(0) >= 0;
}

/** How logs.scan spreads its work. The defaults suit the bridge; tests force tiny ranges. */
export interface ScanTuning {
  /** `threads`: worker threads; `inline`: the same units, on this thread (tests); `off`: the single pass. */
  readonly mode: 'threads' | 'inline' | 'off';
  readonly workers: number;
  /** The size of a range of a large plain file. */
  readonly unitBytes: number;
  /** Below this many bytes in all, the single pass (threads cost more to start than they save). */
  readonly minBytes: number;
  /** How far back a range looks for the `#Fields` in force at its start. */
  readonly backBytes: number;
  /** Units handed out and not merged yet, at most (default: 3 per worker; 1 inline). */
  readonly window?: number;
  /** Tests: how worker threads start (default: logs-worker.js next to the bridge). */
  readonly worker?: WorkerEntry;
  /**
   * Tests: told of every merged unit, whether its assumed start state was wrong (it was read again), and whether
   * its thread failed (it was read on this thread instead).
   */
  readonly onUnit?: (unit: { readonly file: string; readonly start: number; readonly reread: boolean; readonly threadFailed: boolean }) => void;
}

const envInt = (value: string | undefined, fallback: number): number => (value !== undefined && /^\d{1,12}$/.test(value) ? Number(value) : fallback);

/**
 * One worker per core (at most 8), ranges of up to 32 MiB, threads from 256 MiB to read; the single pass when
 * the worker entry is missing (a bundle that does not ship bridge/logs-worker.js). The environment
 * overrides these for tests and benchmarks: TLS365_LOG_WORKERS (0: the single pass), TLS365_LOG_UNIT_BYTES,
 * TLS365_LOG_MIN_BYTES.
 */
export function defaultTuning(env: NodeJS.ProcessEnv = process.env): ScanTuning {
  const cores = availableParallelism();
  const workers = Math.min(64, envInt(env['TLS365_LOG_WORKERS'], cores > 1 ? Math.min(cores, 8) : 0));
  const unitBytes = Math.max(4096, envInt(env['TLS365_LOG_UNIT_BYTES'], 32 * 1024 * 1024));
  // Each thread first runs its code cold, for about the time the main thread needs for 100 MB: below
  // 256 MiB in all, the single pass is as fast (measured on 2 cores: 100 MB 0.34 s single, 0.6 s threaded).
  const minBytes = envInt(env['TLS365_LOG_MIN_BYTES'], 256 * 1024 * 1024);
  return { mode: workers > 0 && workerEntry() !== null ? 'threads' : 'off', workers, unitBytes, minBytes, backBytes: 1024 * 1024 };
}

/** A file read by units: the true parser state at the next unit to merge, and the lines merged so far. */
interface FileRun {
  readonly index: number;
  readonly file: string;
  state: IisParserState | null;
  filterState: string | undefined;
  lineOffset: number;
  lastKept: number;
  failed: boolean;
}

interface Unit {
  readonly run: FileRun;
  readonly first: boolean;
  readonly last: boolean;
  readonly task: UnitTask;
  reported: number;
  outcome: Promise<{ ok: true; result: UnitResult } | { ok: false }>;
}

export const logsScan: Handler = (params, _session, notify: Notify): Promise<Outcome> => scanLogs(params, notify, defaultTuning());

export async function scanLogs(params: unknown, notify: Notify, tuning: ScanTuning): Promise<Outcome> {
  const opts = optionsOf(params);
  if (!opts.ok) return opts;
  const o = opts.value;
  const aggregateOptions = { protocols: o.protocols, ...(o.since === undefined ? {} : { since: o.since }), ...(o.until === undefined ? {} : { until: o.until }) };
  const agg = createAggregator(aggregateOptions);
  if (!agg.ok) return invalid('params', agg.error.message);
  const aggregator = agg.value;
  const fileErrors: FileError[] = [];
  const files: FileDone[] = [];
  const hits: HitEvent[] = [];
  const parsers = new Map<string, LogParser>();
  // IIS pre-filter: records carrying only unselected known protocols are not parsed (see IisParserOptions).
  const selected = o.protocols.map((p) => protocolFromName(p));
  const onlyProtocols = selected.every((p): p is Protocol => p !== undefined) ? selected : null;
  // The IIS parser of this thread, and the schema the next IIS file inherits once units have read IIS files
  // (`iisStale`: this thread's parser has not seen them; it is replaced before its next file).
  let iisMain: IisParser | undefined;
  let iisStale = false;
  let iisCarried: string | undefined;
  let retiredSkipped = 0;
  const parserFor = (format: string, source: string): LogParser => {
    let p = parsers.get(format);
    if (format === 'IisW3C' && iisStale) {
      if (p !== undefined) retiredSkipped += p.stats().skipped;
      iisMain = createIisParser({ source, fieldMap: o.fieldMap, ...(onlyProtocols === null ? {} : { onlyProtocols }), state: iisFileStartState(iisCarried) });
      iisStale = false;
      parsers.set(format, iisMain);
      return iisMain;
    }
    if (p === undefined) {
      if (format === 'IisW3C') {
        iisMain = createIisParser({ source, fieldMap: o.fieldMap, ...(onlyProtocols === null ? {} : { onlyProtocols }) });
        p = iisMain;
      } else {
        p = createExchangeSmtpParser({ source });
      }
      parsers.set(format, p);
    } else {
      p.beginFile(source);
    }
    return p;
  };
  const currentCarried = (): string | undefined => (iisStale || iisMain === undefined ? iisCarried : iisCarriedAfter(iisMain.state()));
  const take = (events: readonly LogEvent[]): void => {
    aggregator.addAll(events);
    if (o.maxHits > 0) for (const e of events) if (e.kind === 'hit' && hits.length < o.maxHits) hits.push(e);
  };

  const sizes = o.paths.map((p) => { try { return statSync(p).size; } catch { return 0; } });
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  let sinceProgress = 0;
  let filterSkipped = 0;
  let unitSkipped = 0;

  /** The single pass over one file, on this thread. */
  const scanOnMain = async (i: number, file: string): Promise<void> => {
    const first = firstBytes(file);
    if (!first.ok) {
      fileErrors.push(first.error);
      return;
    }
    const head = first.head;
    const gz = head[0] === 0x1f && head[1] === 0x8b;
    if (head[0] === 0x50 && head[1] === 0x4b) {
      fileErrors.push({ file, code: 'UnsupportedArchive', message: `${file}: a zip archive; extract it first (gzip files are read directly)` });
      return;
    }
    const utf16 = !gz && head[0] === 0xff && head[1] === 0xfe;
    if (looksBinary(textOfHead(head, gz), utf16)) {
      const what = gz ? 'a gzip file whose content is binary data' : 'binary data';
      fileErrors.push({ file, code: 'NotText', message: `${file}: ${what} (NUL bytes and no line end in the first 64 KiB), not a log; give the IIS W3C or Exchange SMTP protocol log files themselves` });
      return;
    }
    const decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8');
    const splitter = createLineSplitter();
    const raw = createReadStream(file, { highWaterMark: CHUNK });
    const stream = gz ? raw.pipe(createGunzip()) : raw;
    raw.on('data', (chunk: Buffer | string) => {
      const n = typeof chunk === 'string' ? chunk.length : chunk.length;
      bytesDone += n;
      sinceProgress += n;
      if (sinceProgress >= PROGRESS_EVERY) {
        sinceProgress = 0;
        notify('progress', { file, filesDone: i, filesTotal: o.paths.length, bytesDone, bytesTotal });
      }
    });
    // Hot path for IIS logs in UTF-8/ASCII: raw bytes go through the core's byte pre-filter and only the
    // lines it keeps are decoded and parsed (most TLS 1.2 records are never decoded at all).
    const iis = !utf16 && onlyProtocols !== null && (o.format === 'IisW3C' || (o.format === 'Auto' && formatFromHead(head, gz) === 'IisW3C'));
    const byteFilter = iis && onlyProtocols !== null ? createIisByteFilter(onlyProtocols, o.fieldMap) : null;
    let parser: LogParser | null = byteFilter !== null ? parserFor('IisW3C', file) : o.format === 'Auto' ? null : parserFor(o.format, file);
    let format = byteFilter !== null ? 'IisW3C' : o.format === 'Auto' ? 'Unknown' : o.format;
    const early: SplitLine[] = [];
    const detect = (): ReturnType<typeof detectFormat> => detectFormat(early.map((l) => (typeof l === 'string' ? l : l.head)));
    let lineNo = 0;
    const feed = (lines: readonly SplitLine[]): boolean => {
      for (const line of lines) {
        if (parser === null) {
          early.push(line);
          if (early.length < 20) continue;
          const d = detect();
          if (d.format === 'Unknown') return false;
          format = d.format;
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
          continue;
        }
        lineNo += 1;
        take(parser.pushLine(line, lineNo));
      }
      return true;
    };
    let known = true;
    try {
      if (byteFilter !== null && parser !== null) {
        const p: LogParser = parser;
        const lineDecoder = new TextDecoder('utf-8');
        const decode = (b: Uint8Array): string => lineDecoder.decode(b);
        const feedBytes = (lines: ReturnType<typeof byteFilter.push>): void => {
          for (const l of lines) take(p.pushLine(filteredLineText(l, decode), l.lineNo));
          if (lines.length > 0) lineNo = (lines[lines.length - 1] as { lineNo: number }).lineNo;
        };
        for await (const chunk of stream) feedBytes(byteFilter.push(chunk as Buffer));
        feedBytes(byteFilter.end());
        filterSkipped += byteFilter.skipped();
      } else {
        for await (const chunk of stream) {
          if (!feed(splitter.push(decoder.decode(chunk as Buffer, { stream: true })))) { known = false; break; }
        }
      }
      if (known && byteFilter === null) {
        const tail = decoder.decode();
        known = feed([...splitter.push(tail), ...splitter.end()]);
      }
      if (known && parser === null) {
        const d = detect();
        if (d.format === 'Unknown') known = false;
        else {
          format = d.format;
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
        }
      }
    } catch (e) {
      // Keep what was read before the damage, even lines still waiting for format detection.
      if (parser === null && early.length > 0) {
        const d = detect();
        if (d.format !== 'Unknown') {
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
        }
      }
      const message = e instanceof Error ? e.message : String(e);
      const code = gz && isZlibError(e) ? 'Truncated' : 'Unreadable';
      fileErrors.push({ file, code, message: readError(file, code, lineNo, message) });
      raw.destroy();
      return;
    } finally {
      raw.destroy();
    }
    if (!known) {
      fileErrors.push({ file, code: 'UnknownFormat', message: `${file}: not an IIS W3C or Exchange SMTP protocol log (use -Format to force one)` });
      return;
    }
    files.push({ file, format, bytes: sizes[i] ?? 0, lines: lineNo });
  };

  // Parallel: units handed out in order, merged in order (see the file comment).
  const parallel = tuning.mode !== 'off' && onlyProtocols !== null && bytesTotal >= tuning.minBytes;
  // Ranges small enough for about four per worker, so that the last ones end together.
  const unitBytes = tuning.mode === 'threads'
    ? Math.min(tuning.unitBytes, Math.max(4 * 1024 * 1024, Math.ceil(bytesTotal / (Math.max(1, tuning.workers) * 4))))
    : tuning.unitBytes;
  const runner: UnitRunner | null = !parallel ? null : tuning.mode === 'threads' ? createThreadRunner(Math.max(1, tuning.workers), tuning.worker ?? workerEntry()) : inlineRunner;
  const window = tuning.window ?? (tuning.mode === 'threads' ? Math.max(1, tuning.workers) * 3 : 1);
  const units: Unit[] = [];
  const progress = (n: number, file: string, i: number): void => {
    bytesDone += n;
    sinceProgress += n;
    if (sinceProgress >= PROGRESS_EVERY) {
      sinceProgress = 0;
      notify('progress', { file, filesDone: i, filesTotal: o.paths.length, bytesDone, bytesTotal });
    }
  };

  const mergeNext = async (): Promise<void> => {
    const u = units.shift();
    if (u === undefined) return;
    const out = await u.outcome;
    const run = u.run;
    if (run.failed) return; // the single pass stops reading a file at its first error
    if (u.first) {
      run.state = iisFileStartState(currentCarried());
      run.filterState = undefined;
    }
    const truth = run.state ?? iisFileStartState(currentCarried());
    let r: UnitResult;
    if (out.ok) r = out.result;
    else {
      // The thread failed: read the unit here, counting only the bytes it had not reported.
      let left = u.reported;
      r = await scanUnit(u.task, (n) => {
        const already = Math.min(left, n);
        left -= already;
        if (n > already) progress(n - already, run.file, run.index);
      });
    }
    const reread = !iisStateFits(r.assumed, truth, r.use) || r.assumedFilter !== run.filterState;
    if (reread) {
      const { filterFields: _guess, ...task } = u.task;
      r = await scanUnit({ ...task, state: truth, ...(run.filterState === undefined ? {} : { filterFields: run.filterState }), exact: true }, null);
    }
    tuning.onUnit?.({ file: run.file, start: u.task.start, reread, threadFailed: !out.ok });
    aggregator.merge(r.aggregate, run.lineOffset);
    for (const h of r.hits) {
      if (hits.length >= o.maxHits) break;
      hits.push(run.lineOffset === 0 ? h : { ...h, line: h.line + run.lineOffset });
    }
    unitSkipped += r.skipped;
    if (r.lastKept > 0) run.lastKept = run.lineOffset + r.lastKept;
    run.lineOffset += r.lines;
    run.state = iisStateAfter(truth, r.final, r.use);
    if (r.filterSeen) run.filterState = r.filterFinal;
    iisCarried = iisCarriedAfter(run.state);
    iisStale = true;
    if (r.error !== undefined) {
      run.failed = true;
      fileErrors.push({ file: run.file, code: r.error.code, message: readError(run.file, r.error.code, run.lastKept, r.error.message) });
      return;
    }
    if (u.last) files.push({ file: run.file, format: 'IisW3C', bytes: sizes[run.index] ?? 0, lines: run.lastKept });
  };
  const drain = async (): Promise<void> => {
    while (units.length > 0) await mergeNext();
  };

  const dispatch = async (i: number, file: string, head: Buffer, gz: boolean, r: UnitRunner): Promise<void> => {
    const run: FileRun = { index: i, file, state: null, filterState: undefined, lineOffset: 0, lastKept: 0, failed: false };
    const size = sizes[i] ?? 0;
    const count = gz || size <= unitBytes ? 1 : Math.ceil(size / unitBytes);
    const headHint = count > 1 ? hintFromHead(head, currentCarried()) : { state: iisFileStartState(undefined) };
    for (let k = 0; k < count; k += 1) {
      // -Detailed: until maxHits raw hits are merged, one unit at a time, each keeping what is still missing,
      // so that hits held by units never exceed maxHits (as in the single pass); then the full window.
      const limit = o.maxHits > 0 && hits.length < o.maxHits ? 1 : window;
      while (units.length >= limit) await mergeNext();
      if (run.failed) return;
      // The guess for a range: the true state of the last merged range, else the last #Fields of the head.
      const merged = k > 0 && run.state !== null;
      const hint = merged ? run.state as IisParserState : k > 0 ? headHint.state : iisFileStartState(currentCarried());
      const filterFields = merged ? run.filterState : k > 0 ? headHint.filter : undefined;
      const task: UnitTask = {
        file, gz, start: k * unitBytes, end: k === count - 1 ? null : (k + 1) * unitBytes,
        state: hint, ...(filterFields === undefined ? {} : { filterFields }), exact: false, backBytes: tuning.backBytes,
        fieldMap: o.fieldMap, onlyProtocols: onlyProtocols ?? [], aggregate: aggregateOptions, hitCap: Math.max(0, o.maxHits - hits.length),
      };
      const unit: Unit = { run, first: k === 0, last: k === count - 1, task, reported: 0, outcome: Promise.resolve({ ok: false }) };
      unit.outcome = r.run(task, (n) => { unit.reported += n; progress(n, file, i); }).then(
        (result) => ({ ok: true as const, result }),
        () => ({ ok: false as const }),
      );
      units.push(unit);
    }
  };

  try {
    for (let i = 0; i < o.paths.length; i += 1) {
      const file = o.paths[i] as string;
      notify('progress', { file, filesDone: i, filesTotal: o.paths.length, bytesDone, bytesTotal });
      if (runner !== null && onlyProtocols !== null) {
        const first = firstBytes(file);
        const head = first.ok ? first.head : null;
        if (head !== null && !(head[0] === 0x50 && head[1] === 0x4b)) {
          const gz = head[0] === 0x1f && head[1] === 0x8b;
          const utf16 = !gz && head[0] === 0xff && head[1] === 0xfe;
          if (!utf16 && (o.format === 'IisW3C' || (o.format === 'Auto' && formatFromHead(head, gz) === 'IisW3C'))) {
            await dispatch(i, file, head, gz, runner);
            continue;
          }
        }
      }
      await drain();
      await scanOnMain(i, file);
    }
    await drain();
  } finally {
    if (runner !== null) await runner.close();
  }
  for (const p of parsers.values()) take(p.end());
  notify('progress', { file: null, filesDone: o.paths.length, filesTotal: o.paths.length, bytesDone, bytesTotal });
  const skipped = filterSkipped + unitSkipped + retiredSkipped + [...parsers.values()].reduce((n, p) => n + p.stats().skipped, 0);
  const aggregate = aggregator.result();
  const records = o.shape === 'powershell' ? aggregate.records.map(legacyClientShape) : aggregate.records;
  return { ok: true, result: { ...aggregate, records, files, fileErrors, hits: hits.map(legacyHitShape), skipped } };
}

/**
 * A guess of the parser and filter state inside a file from its first 64 KiB: the schemas declared there, the
 * last one in force. Ranges far from any `#Fields` start from it until the first range is merged.
 */
function hintFromHead(head: Buffer, carried: string | undefined): { state: IisParserState; filter?: string } {
  const lines = head.subarray(0, head.lastIndexOf(10) + 1);
  const decoder = new TextDecoder('utf-8');
  const schemas: string[] = [];
  let fields: string | undefined;
  let filter: string | undefined;
  let at = 0;
  while (at < lines.length) {
    const nl = lines.indexOf(10, at);
    const line = lines.subarray(at, nl < 0 ? lines.length : nl);
    at = nl < 0 ? lines.length : nl + 1;
    if (line.indexOf(35) < 0) continue;
    const f = filterFieldsKey(line);
    if (f !== undefined) filter = f;
    const k = fieldsDirectiveKey(decoder.decode(line));
    if (k !== undefined) {
      fields = k;
      if (!schemas.includes(k)) schemas.push(k);
    }
  }
  const state: IisParserState = { ...iisFileStartState(carried), schemas, ...(fields === undefined ? {} : { fields }) };
  return filter === undefined ? { state } : { state, filter };
}

function readError(file: string, code: string, lineNo: number, message: string): string {
  return `${file}: ${code === 'Truncated' ? 'the compressed stream is damaged or cut off' : 'reading failed'} after line ${lineNo} (${message}); the lines before it were counted`;
}
