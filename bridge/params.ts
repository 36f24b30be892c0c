import { ErrorCode, type RpcError } from './protocol.js';
import type { Notify, Outcome } from './dispatch.js';

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

/**
 * The shape of every batch method: validate `params.items`, answer each item with `answer(item, path)` in
 * order, and return `{results}`. An item's own failure is data in its result; `answer` returns a failed
 * Checked only for a malformed request (then the whole request is refused with -32602).
 */
export function mapItems(params: unknown, max: number, answer: (item: Record<string, unknown>, path: string) => Checked<unknown>):
  { readonly ok: true; readonly result: { readonly results: readonly unknown[] } } | { readonly ok: false; readonly error: RpcError } {
  const items = itemsOf(params, max);
  if (!items.ok) return items;
  const results: unknown[] = [];
  for (let i = 0; i < items.value.length; i += 1) {
    const r = answer(items.value[i] as Record<string, unknown>, `params.items[${i}]`);
    if (!r.ok) return r;
    results.push(r.value);
  }
  return { ok: true, result: { results } };
}

/**
 * `mapItems` for a client that asked for `params.stream: true`: each item's answer is sent the moment it is
 * known, as an `item` notification {index, result}, and the reply is {streamed: n} (the results are not sent
 * twice). The event loop runs between items, so the notifications leave at once: they are the progress the
 * client's timeout waits for, and the answers it keeps if the bridge dies before the end. Without the flag,
 * exactly `mapItems`.
 */
export async function streamItems(params: unknown, max: number, notify: Notify, answer: (item: Record<string, unknown>, path: string) => Checked<unknown>): Promise<Outcome> {
  if (!isRecord(params) || params['stream'] !== true) return mapItems(params, max, answer);
  const items = itemsOf(params, max);
  if (!items.ok) return items;
  for (let i = 0; i < items.value.length; i += 1) {
    const r = answer(items.value[i] as Record<string, unknown>, `params.items[${i}]`);
    if (!r.ok) return r;
    notify('item', { index: i, result: r.value });
    await new Promise<void>((resolve) => { setImmediate(resolve); });
  }
  return { ok: true, result: { streamed: items.value.length } };
}
