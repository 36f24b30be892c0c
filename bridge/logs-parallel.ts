import { fieldsDirectiveKey, filterFieldsKey, iisFileStartState, type IisParserState } from '../core/index.js';
import { isUtf8Iis, readHead, type Head } from './logs-head.js';
import { mergeNext } from './logs-merge.js';
import type { ScanTuning } from './logs-options.js';
import { createThreadRunner, inlineRunner, workerEntry, type UnitRunner } from './logs-pool.js';
import { countBytes, currentCarried, type ScanState } from './logs-scan-state.js';
import type { UnitResult, UnitTask } from './logs-unit.js';

/**
 * The parallel scheduler of logs.scan (`ScanTuning`): when there is enough to read, IIS files in UTF-8 (plain
 * or gzip) are read on worker threads, each file or each range of a large plain file being one unit
 * (logs-unit.ts) with its own partial aggregator. Units are handed out in order and merged in order
 * (logs-merge.ts). At most `window` units are out at a time (one while `-Detailed` hits are still missing):
 * memory stays flat.
 */

/** A file read by units: the true parser state at the next unit to merge, and the lines merged so far. */
export interface FileRun {
  readonly index: number;
  readonly file: string;
  readonly gz: boolean;
  /** Units of the file: 1 for gzip and small files, else one per `unitBytes`. */
  readonly count: number;
  /** The guess for ranges before the first one is merged (`hintFromHead`). */
  readonly headHint: { readonly state: IisParserState; readonly filter?: string };
  state: IisParserState | null;
  filterState: string | undefined;
  lineOffset: number;
  lastKept: number;
  failed: boolean;
}

export interface Unit {
  readonly run: FileRun;
  readonly first: boolean;
  readonly last: boolean;
  readonly task: UnitTask;
  reported: number;
  outcome: Promise<{ ok: true; result: UnitResult } | { ok: false }>;
}

export interface Scheduler {
  readonly tuning: ScanTuning;
  readonly runner: UnitRunner;
  readonly unitBytes: number;
  readonly window: number;
  /** Handed out, not merged yet, in file and range order. */
  readonly units: Unit[];
}

/** The scheduler of a scan, or null for the single pass (tuning off, unknown protocol names, too little to read). */
export function schedulerFor(s: ScanState, tuning: ScanTuning): Scheduler | null {
  if (tuning.mode === 'off' || s.onlyProtocols === null || s.bytesTotal < tuning.minBytes) return null;
  const workers = Math.max(1, tuning.workers);
  // Ranges small enough for about four per worker, so that the last ones end together.
  const unitBytes = tuning.mode === 'threads'
    ? Math.min(tuning.unitBytes, Math.max(4 * 1024 * 1024, Math.ceil(s.bytesTotal / (workers * 4))))
    : tuning.unitBytes;
  const runner = tuning.mode === 'threads' ? createThreadRunner(workers, tuning.worker ?? workerEntry()) : inlineRunner;
  const window = tuning.window ?? (tuning.mode === 'threads' ? workers * 3 : 1);
  return { tuning, runner, unitBytes, window, units: [] };
}

/** Hands file `i` out in units when it is an IIS log in UTF-8; false: the single pass is to read it. */
export async function dispatched(s: ScanState, q: Scheduler, i: number, file: string): Promise<boolean> {
  const first = readHead(file);
  if (!first.ok || first.head.zip || !isUtf8Iis(first.head, s.o.format)) return false;
  await dispatch(s, q, i, file, first.head);
  return true;
}

/** Merges every unit handed out (before a file the single pass reads, and at the end). */
export async function drain(s: ScanState, q: Scheduler): Promise<void> {
  while (q.units.length > 0) await mergeNext(s, q);
}

async function dispatch(s: ScanState, q: Scheduler, i: number, file: string, head: Head): Promise<void> {
  const size = s.sizes[i] ?? 0;
  const count = head.gz || size <= q.unitBytes ? 1 : Math.ceil(size / q.unitBytes);
  const headHint = count > 1 ? hintFromHead(head.bytes, currentCarried(s)) : { state: iisFileStartState(undefined) };
  const run: FileRun = { index: i, file, gz: head.gz, count, headHint, state: null, filterState: undefined, lineOffset: 0, lastKept: 0, failed: false };
  for (let k = 0; k < count; k += 1) {
    // -Detailed: until maxHits raw hits are merged, one unit at a time, each keeping what is still missing,
    // so that hits held by units never exceed maxHits (as in the single pass); then the full window.
    const limit = s.o.maxHits > 0 && s.hits.length < s.o.maxHits ? 1 : q.window;
    while (q.units.length >= limit) await mergeNext(s, q);
    if (run.failed) return;
    q.units.push(startUnit(s, q, run, k));
  }
}

function startUnit(s: ScanState, q: Scheduler, run: FileRun, k: number): Unit {
  const o = s.o;
  // The guess for a range: the true state of the last merged range, else the last #Fields of the head.
  const merged = k > 0 && run.state !== null;
  const hint = merged ? run.state as IisParserState : k > 0 ? run.headHint.state : iisFileStartState(currentCarried(s));
  const filterFields = merged ? run.filterState : k > 0 ? run.headHint.filter : undefined;
  const last = k === run.count - 1;
  const task: UnitTask = {
    file: run.file, gz: run.gz, start: k * q.unitBytes, end: last ? null : (k + 1) * q.unitBytes,
    state: hint, ...(filterFields === undefined ? {} : { filterFields }), exact: false, backBytes: q.tuning.backBytes,
    fieldMap: o.fieldMap, onlyProtocols: s.onlyProtocols ?? [], aggregate: s.aggregateOptions, hitCap: Math.max(0, o.maxHits - s.hits.length),
  };
  const unit: Unit = { run, first: k === 0, last, task, reported: 0, outcome: Promise.resolve({ ok: false }) };
  unit.outcome = q.runner.run(task, (n) => { unit.reported += n; countBytes(s, n, run.file, run.index); }).then(
    (result) => ({ ok: true as const, result }),
    () => ({ ok: false as const }),
  );
  return unit;
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
