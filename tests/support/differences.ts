/**
 * The places where two JSON values differ, one line each ("Findings[3]: expected "A", got "B""), for assertion
 * messages that a one-line CI summary does not cut down to "Lines skipped".
 */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 12): string {
  const out: string[] = [];
  const walk = (e: unknown, a: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(e) && Array.isArray(a)) {
      const missing = e.filter((x) => !a.some((y) => JSON.stringify(y) === JSON.stringify(x)));
      const extra = a.filter((y) => !e.some((x) => JSON.stringify(x) === JSON.stringify(y)));
      if (missing.length + extra.length > 0) {
        for (const m of missing) out.push(`${at}: missing ${JSON.stringify(m)}`);
        for (const x of extra) out.push(`${at}: extra ${JSON.stringify(x)}`);
      } else if (JSON.stringify(e) !== JSON.stringify(a)) {
        out.push(`${at}: same items, other order: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
      }
      return;
    }
    if (e !== null && a !== null && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
      const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
      for (const k of keys) walk((e as Record<string, unknown>)[k], (a as Record<string, unknown>)[k], at === '' ? k : `${at}.${k}`);
      return;
    }
    if (JSON.stringify(e) !== JSON.stringify(a)) out.push(`${at === '' ? '(value)' : at}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  };
  walk(expected, actual, '');
  return out.length === 0 ? '(no difference)' : out.slice(0, limit).join('; ');
}
