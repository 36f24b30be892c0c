import { availableParallelism } from 'node:os';
import { IIS_FIELDS, type IisField } from '../core/index.js';
import { workerEntry, type WorkerEntry } from './logs-pool.js';
import { invalid, isRecord, type Checked } from './params.js';

/**
 * The options of logs.scan (logs-scan.ts): the request's params, read and validated (each failure names its
 * field path), and how the scan spreads its work (`ScanTuning`).
 */
export const MAX_LOG_FILES = 100_000;

export type Format = 'Auto' | 'IisW3C' | 'ExchangeSmtpReceive' | 'ExchangeSmtpSend';
const FORMATS: readonly Format[] = ['Auto', 'IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend'];

export interface ScanOptions {
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

export function optionsOf(params: unknown): Checked<ScanOptions> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const paths = params['paths'];
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_LOG_FILES || !paths.every((p) => typeof p === 'string' && p.length > 0)) {
    return invalid('params.paths', `must be 1 to ${MAX_LOG_FILES} file paths`);
  }
  const format = params['format'] ?? 'Auto';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return invalid('params.format', `must be one of ${FORMATS.join(', ')}`);
  const fieldMap = fieldMapOf(params['fieldMap'] ?? {});
  if (!fieldMap.ok) return fieldMap;
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
    value: {
      paths: paths as string[], format: format as Format, fieldMap: fieldMap.value, protocols, maxHits, shape,
      ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }),
    },
  };
}

function fieldMapOf(rawMap: unknown): Checked<Partial<Record<IisField, string>>> {
  if (!isRecord(rawMap)) return invalid('params.fieldMap', 'must be an object of field -> column name');
  const fieldMap: Partial<Record<IisField, string>> = {};
  for (const [k, v] of Object.entries(rawMap)) {
    const field = IIS_FIELDS.find((f) => f.toLowerCase() === k.toLowerCase());
    if (field === undefined || typeof v !== 'string' || v.trim() === '') return invalid(`params.fieldMap.${k}`, `keys are ${IIS_FIELDS.join(', ')}; values are column names`);
    fieldMap[field] = v.trim();
  }
  return { ok: true, value: fieldMap };
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
