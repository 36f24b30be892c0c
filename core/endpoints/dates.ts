/** Day arithmetic on YYYY-MM-DD strings (UTC), for the endpoint rules; pure. */

export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as a UTC midnight timestamp, or null when it is not a real YYYY-MM-DD day. */
export function dayValue(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
}

/** Whole days from `a` to `b` (negative when b is earlier). Both must be valid days. */
export function daysBetween(a: string, b: string): number {
  const ta = dayValue(a);
  const tb = dayValue(b);
  if (ta === null || tb === null) throw new Error(`not a YYYY-MM-DD day: ${ta === null ? a : b}`);
  return Math.round((tb - ta) / 86_400_000);
}

/** Today in UTC as YYYY-MM-DD: for the edges (bridge), never the core. */
export const todayUtc = (now: Date): string => now.toISOString().slice(0, 10);
