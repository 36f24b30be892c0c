/**
 * A worker thread of a parallel logs.scan (see logs-pool.ts): runs one unit at a time (logs-unit.ts) and
 * posts back its byte progress and its result. No state outlives a unit.
 */
import { parentPort } from 'node:worker_threads';
import { scanUnit, type UnitTask } from './logs-unit.js';

const port = parentPort;
if (port !== null) {
  port.on('message', (m: { readonly id: number; readonly task: UnitTask }) => {
    let pending = 0;
    const onBytes = (n: number): void => {
      // Batched: one message per 4 MiB read is plenty for progress.
      pending += n;
      if (pending >= 4 * 1024 * 1024) {
        port.postMessage({ id: m.id, kind: 'bytes', n: pending });
        pending = 0;
      }
    };
    scanUnit(m.task, onBytes).then(
      (result) => {
        if (pending > 0) port.postMessage({ id: m.id, kind: 'bytes', n: pending });
        port.postMessage({ id: m.id, kind: 'done', result });
      },
      (e: unknown) => port.postMessage({ id: m.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  });
}
