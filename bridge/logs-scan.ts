import type { Handler, Notify, Outcome } from './dispatch.js';
import { defaultTuning, optionsOf, type ScanTuning } from './logs-options.js';
import { dispatched, drain, schedulerFor } from './logs-parallel.js';
import { finish, newScanState, progress } from './logs-scan-state.js';
import { scanOnMain } from './logs-single-pass.js';
import { invalid } from './params.js';

/**
 * logs.scan: the streaming reader behind Find-Tls365LegacyClient. The I/O edge only: it opens each file,
 * gunzips `.gz` by magic bytes, decodes UTF-8 (or UTF-16LE with a BOM), splits lines in chunks of 1 MiB and
 * feeds the pure core parsers and one aggregator. Memory stays flat whatever the file size: no file and no
 * hit list is held (except the capped `-Detailed` hits). Progress goes to the client as `progress`
 * notifications (bytes and files). A file that cannot be read, is not a log, or ends inside a gzip stream
 * is reported in `fileErrors`, and the scan goes on; what was read before the error still counts.
 *
 * Its parts: the options (logs-options.ts), the state of one scan (logs-scan-state.ts), the head of a file
 * (logs-head.ts), the single pass over one file (logs-single-pass.ts), and the parallel scan: the scheduler
 * (logs-parallel.ts) and the merge (logs-merge.ts).
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
export { defaultTuning, MAX_LOG_FILES, type ScanTuning } from './logs-options.js';

export const logsScan: Handler = (params, _session, notify: Notify): Promise<Outcome> => scanLogs(params, notify, defaultTuning());

export async function scanLogs(params: unknown, notify: Notify, tuning: ScanTuning): Promise<Outcome> {
  const opts = optionsOf(params);
  if (!opts.ok) return opts;
  const started = newScanState(opts.value, notify);
  if (!started.ok) return invalid('params', started.message);
  const s = started.value;
  const q = schedulerFor(s, tuning);
  try {
    for (let i = 0; i < s.o.paths.length; i += 1) {
      const file = s.o.paths[i] as string;
      progress(s, file, i);
      if (q !== null) {
        if (await dispatched(s, q, i, file)) continue;
        await drain(s, q);
      }
      await scanOnMain(s, i, file);
    }
    if (q !== null) await drain(s, q);
  } finally {
    if (q !== null) await q.runner.close();
  }
  return { ok: true, result: finish(s) };
}
