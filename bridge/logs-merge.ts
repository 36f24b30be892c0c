import { iisCarriedAfter, iisFileStartState, iisStateAfter, iisStateFits, type IisParserState } from '../core/index.js';
import type { FileRun, Scheduler, Unit } from './logs-parallel.js';
import { countBytes, currentCarried, readError, type ScanState } from './logs-scan-state.js';
import { scanUnit, type UnitResult } from './logs-unit.js';

/**
 * The merge of parallel units (logs-parallel.ts), strictly in file and range order, so that the result is
 * the one of the single pass: line numbers are shifted by the lines of the ranges before, and a range whose
 * assumed parser state at its start (found by reading back to the last `#Fields`) proves wrong is read again
 * with the true one.
 */

/** Merges the oldest unit handed out, once it is done. */
export async function mergeNext(s: ScanState, q: Scheduler): Promise<void> {
  const u = q.units.shift();
  if (u === undefined) return;
  const out = await u.outcome;
  const run = u.run;
  if (run.failed) return; // the single pass stops reading a file at its first error
  if (u.first) {
    run.state = iisFileStartState(currentCarried(s));
    run.filterState = undefined;
  }
  const truth = run.state ?? iisFileStartState(currentCarried(s));
  const read = out.ok ? out.result : await readHere(s, u);
  const reread = !iisStateFits(read.assumed, truth, read.use) || read.assumedFilter !== run.filterState;
  const r = reread ? await readExact(u, truth) : read;
  q.tuning.onUnit?.({ file: run.file, start: u.task.start, reread, threadFailed: !out.ok });
  addUnit(s, run, r, truth);
  if (r.error !== undefined) {
    run.failed = true;
    s.fileErrors.push({ file: run.file, code: r.error.code, message: readError(run.file, r.error.code, run.lastKept, r.error.message) });
    return;
  }
  if (u.last) s.files.push({ file: run.file, format: 'IisW3C', bytes: s.sizes[run.index] ?? 0, lines: run.lastKept });
}

/** The thread failed: the unit is read here, counting only the bytes it had not reported. */
function readHere(s: ScanState, u: Unit): Promise<UnitResult> {
  let left = u.reported;
  return scanUnit(u.task, (n) => {
    const already = Math.min(left, n);
    left -= already;
    if (n > already) countBytes(s, n - already, u.run.file, u.run.index);
  });
}

/** The unit read again from the true state at its start (its guess was wrong). */
function readExact(u: Unit, truth: IisParserState): Promise<UnitResult> {
  const filterState = u.run.filterState;
  const { filterFields: _guess, ...task } = u.task;
  return scanUnit({ ...task, state: truth, ...(filterState === undefined ? {} : { filterFields: filterState }), exact: true }, null);
}

/** A unit's findings and counts added to the scan, and the file's state moved past it. */
function addUnit(s: ScanState, run: FileRun, r: UnitResult, truth: IisParserState): void {
  s.aggregator.merge(r.aggregate, run.lineOffset);
  for (const h of r.hits) {
    if (s.hits.length >= s.o.maxHits) break;
    s.hits.push(run.lineOffset === 0 ? h : { ...h, line: h.line + run.lineOffset });
  }
  s.unitSkipped += r.skipped;
  if (r.lastKept > 0) run.lastKept = run.lineOffset + r.lastKept;
  run.lineOffset += r.lines;
  run.state = iisStateAfter(truth, r.final, r.use);
  if (r.filterSeen) run.filterState = r.filterFinal;
  s.iisCarried = iisCarriedAfter(run.state);
  s.iisStale = true;
}
