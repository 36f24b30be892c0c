import { ErrorCode, type RpcError } from './protocol.js';

/** Small, explicit validators for method params: each failure names the field path (for -32602). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RpcError };

export const invalid = (path: string, message: string): { ok: false; error: RpcError } => ({
  ok: false,
  error: { code: ErrorCode.InvalidParams, message: `${path}: ${message}`, data: { path } },
});

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `params.items`: a non-empty array of objects, at most `max` long. */
export function itemsOf(params: unknown, max: number): Checked<readonly Record<string, unknown>[]> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const items = params['items'];
  if (!Array.isArray(items)) return invalid('params.items', 'must be an array');
  if (items.length > max) return invalid('params.items', `has ${items.length} entries; the limit is ${max} per request`);
  for (let i = 0; i < items.length; i += 1) {
    if (!isRecord(items[i])) return invalid(`params.items[${i}]`, 'must be an object');
  }
  return { ok: true, value: items as Record<string, unknown>[] };
}
