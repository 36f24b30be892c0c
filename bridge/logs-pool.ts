import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanUnit, type UnitResult, type UnitTask } from './logs-unit.js';

/**
 * Runs the units of a parallel logs.scan: on worker threads (one unit per thread at a time, the others
 * queued in order), or on the calling thread (`inline`: tests, and any unit whose thread failed).
 */
export interface UnitRunner {
  run(task: UnitTask, onBytes: (n: number) => void): Promise<UnitResult>;
  close(): Promise<void>;
}

export const inlineRunner: UnitRunner = {
  run: (task, onBytes) => scanUnit(task, onBytes),
  close: async () => undefined,
};

interface Job {
  readonly id: number;
  readonly task: UnitTask;
  readonly onBytes: (n: number) => void;
  readonly resolve: (r: UnitResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
}

/** How a worker thread starts: a script, or code to evaluate (tests start the .ts source through ts-node). */
export type WorkerEntry = { readonly script: string } | { readonly code: string };

/**
 * The worker script, `logs-worker.js` next to this file (dist/, or a packaged bridge that ships it); null when
 * it is missing (the .ts sources, a single-file bundle without it): logs.scan then reads in the single pass.
 */
export function workerEntry(): WorkerEntry | null {
  const js = join(__dirname, 'logs-worker.js');
  return __filename.endsWith('.js') && existsSync(js) ? { script: js } : null;
}

/** A small young generation: a unit's garbage is short-lived, and the default adds tens of MB per thread for no speed. */
function startWorker(entry: WorkerEntry): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  return 'script' in entry ? new Worker(entry.script, { resourceLimits }) : new Worker(entry.code, { eval: true, resourceLimits });
}

/** Up to `size` worker threads, started on the first unit (a scan that needs none starts none). */
export function createThreadRunner(size: number, entry: WorkerEntry | null = workerEntry()): UnitRunner {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let started = false;
  let closed = false;

  const fail = (slot: Slot, e: Error): void => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    if (slot.job !== null) slot.job.reject(e);
    slot.job = null;
    void slot.worker.terminate();
    // No thread left: whatever is queued is refused, and the caller runs it inline.
    if (slots.length === 0) for (const j of queue.splice(0)) j.reject(e);
  };

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.job !== null) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  };

  const start = (): void => {
    started = true;
    for (let i = 0; i < size && entry !== null; i += 1) {
      let worker: Worker;
      try {
        worker = startWorker(entry);
      } catch {
        break; // no thread: run() refuses, and the scan reads the unit itself
      }
      const slot: Slot = { worker, job: null };
      slot.worker.on('message', (m: { id: number; kind: 'bytes' | 'done' | 'failed'; n?: number; result?: UnitResult; message?: string }) => {
        const job = slot.job;
        if (job === null || job.id !== m.id) return;
        if (m.kind === 'bytes') job.onBytes(m.n ?? 0);
        else {
          slot.job = null;
          if (m.kind === 'done' && m.result !== undefined) job.resolve(m.result);
          else job.reject(new Error(m.message ?? 'the worker failed'));
          pump();
        }
      });
      slot.worker.on('error', (e) => fail(slot, e));
      slot.worker.on('exit', (code) => { if (!closed) fail(slot, new Error(`the worker exited (${code})`)); });
      slots.push(slot);
    }
  };

  return {
    run(task, onBytes) {
      if (!started) start();
      return new Promise<UnitResult>((resolve, reject) => {
        if (slots.length === 0) {
          reject(new Error('no worker thread'));
          return;
        }
        queue.push({ id: nextId += 1, task, onBytes, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const j of queue.splice(0)) j.reject(new Error('closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
