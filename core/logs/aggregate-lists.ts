import type { ForwardedCount } from './aggregate.js';
import type { PlainTally, Tally } from './aggregate-state.js';

/**
 * The bounded lists inside aggregator records: capped lists, tallies of the first distinct values, earliest
 * and latest times. Every kept string is a copy (`detach`).
 */

const TALLY_DISTINCT = 8;

/**
 * Distinct clients behind one TCP peer (a load balancer fronts many) counted one by one; requests of later new
 * ones are counted together. A partial aggregator counts them all, so that a merge is exact.
 */
export const FORWARDED_TRACKED = 1000;

/** The clients behind a TCP peer that a record lists, most requests first. */
export const FORWARDED_LISTED = 20;

/**
 * A copy of a string that kept values do not share with the caller's buffers. V8 represents a slice of a
 * long string as a view that keeps the whole parent alive: a user agent sliced from a 64 KB read chunk
 * would pin the chunk for as long as the record lives. Concatenating and slicing forces a small copy.
 */
export function detach(text: string): string {
  return (` ${text}`).slice(1);
}

/** Adds when absent and there is room; returns true when the value was dropped for lack of room. */
export function addCapped(list: string[], value: string, cap: number): boolean {
  if (list.includes(value)) return false;
  if (list.length >= cap) return true;
  list.push(detach(value));
  return false;
}

/** Adds `from` to the capped list `into`; true when `from` was truncated or a value of it found no room. */
export function mergeCapped(into: string[], from: readonly string[], fromTruncated: boolean, cap: number): boolean {
  let dropped = fromTruncated;
  for (const value of from) dropped = addCapped(into, value, cap) || dropped;
  return dropped;
}

function newTally(unbounded: boolean): Tally {
  return unbounded ? { values: [], counts: [], index: new Map() } : { values: [], counts: [] };
}

/**
 * Counts `n` more of a value among the first `cap` distinct ones; later new values are not tracked (bounded) and
 * give false. A tally with an index finds values through it.
 */
export function countInto(t: Tally, value: string, n: number, cap: number): boolean {
  const i = t.index === undefined ? t.values.indexOf(value) : t.index.get(value) ?? -1;
  if (i >= 0) {
    t.counts[i] = (t.counts[i] ?? 0) + n;
    return true;
  }
  if (t.values.length >= cap) return false;
  const v = detach(value);
  t.index?.set(v, t.values.length);
  t.values.push(v);
  t.counts.push(n);
  return true;
}

/** The first TALLY_DISTINCT distinct values; every one in a partial aggregator (`unbounded`), whose tallies have an index. */
const tallyCap = (unbounded: boolean): number => (unbounded ? Infinity : TALLY_DISTINCT);

/** Counts one value; `unbounded` (partial aggregators): every distinct value is tracked, found through an index. */
export function addToTally(existing: Tally | undefined, value: string, unbounded: boolean): Tally {
  const t = existing ?? newTally(unbounded);
  countInto(t, value, 1, tallyCap(unbounded));
  return t;
}

/** `addToTally`, replayed: the partial's values in first-seen order with their counts (see Aggregator.merge). */
export function mergeTally(into: Tally | undefined, from: PlainTally | undefined, unbounded: boolean): Tally | undefined {
  if (from === undefined || from.values.length === 0) return into;
  const t = into ?? newTally(unbounded);
  for (let k = 0; k < from.values.length; k += 1) countInto(t, from.values[k] as string, from.counts[k] ?? 0, tallyCap(unbounded));
  return t;
}

/** The `k` values with the highest counts, highest first, the first seen first on a tie. */
export function topCounts(t: Tally | undefined, k: number): ForwardedCount[] {
  if (t === undefined) return [];
  const order = t.values.map((_, i) => i);
  order.sort((a, b) => (t.counts[b] ?? 0) - (t.counts[a] ?? 0) || a - b);
  return order.slice(0, k).map((i) => ({ address: t.values[i] as string, count: t.counts[i] ?? 0 }));
}

export function plainTally(t: Tally | undefined): PlainTally | undefined {
  return t === undefined ? undefined : { values: [...t.values], counts: [...t.counts] };
}

/** The most frequent value, the first one on a tie. */
export function top(t: Tally | undefined): string | undefined {
  if (t === undefined) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (let i = 0; i < t.values.length; i += 1) {
    const c = t.counts[i] ?? 0;
    if (c > bestCount) {
      bestCount = c;
      best = t.values[i];
    }
  }
  return best;
}

export function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return b === undefined ? a : a === undefined || b < a ? detach(b) : a;
}

export function latest(a: string | undefined, b: string | undefined): string | undefined {
  return b === undefined ? a : a === undefined || b > a ? detach(b) : a;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
