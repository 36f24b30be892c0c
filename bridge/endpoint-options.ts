import { dayValue, todayUtc } from '../core/endpoints/dates.js';
import { PROFILES, profileById } from '../core/endpoints/profiles.js';
import { invalid, type Checked } from './params.js';

/**
 * `asOf` and `endpoints` of a readiness or plan request (issue 16): the day the endpoint profiles are judged on
 * (YYYY-MM-DD; absent: today, UTC, read here at the edge because the core has no clock) and the profile ids
 * (absent: every profile). An unknown id or a day that does not exist is the request's error, naming the field.
 */
export function endpointOptionsOf(raw: Record<string, unknown>, at: string, now: () => Date = () => new Date()): Checked<{ asOf: string; endpoints?: readonly string[] }> {
  const asOf = raw['asOf'] ?? todayUtc(now());
  if (typeof asOf !== 'string' || dayValue(asOf) === null) return invalid(`${at}.asOf`, 'must be a day written YYYY-MM-DD');
  const endpoints = raw['endpoints'];
  if (endpoints === undefined || endpoints === null) return { ok: true, value: { asOf } };
  const known = PROFILES.map((p) => p.id).join(', ');
  if (!Array.isArray(endpoints)) return invalid(`${at}.endpoints`, `must be an array of ${known}`);
  const ids: string[] = [];
  for (const e of endpoints) {
    const p = typeof e === 'string' ? profileById(e) : null;
    if (p === null) return invalid(`${at}.endpoints`, `${JSON.stringify(e)} is not an endpoint profile; the profiles are ${known}`);
    if (!ids.includes(p.id)) ids.push(p.id);
  }
  return { ok: true, value: { asOf, endpoints: ids } };
}
