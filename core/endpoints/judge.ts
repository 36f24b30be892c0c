import type { MachineFacts } from '../readiness/facts.js';
import type { EvaluateOptions } from '../readiness/rule.js';
import { daysBetween } from './dates.js';
import { effectiveCrypto, type EffectiveCrypto } from './effective.js';
import { PROFILES, profileById } from './profiles.js';
import type { EndpointEra, EndpointProfile } from './types.js';
import { reach, type ClientProtocols, type Reach } from './verdict.js';

/**
 * One machine against the selected endpoint profiles on a day (issue 16 item 1): the era in force and every later
 * announced era, each with its verdict. Computed once per machine and shared by TLS365-ENDPOINT-001..004.
 */
export const WARN_DAYS = 90;

export interface EraResult {
  readonly era: EndpointEra;
  readonly reach: Reach;
  /** Days from the judged day to the era's start (0 or less: in force). */
  readonly inDays: number;
}

export interface ProfileResult {
  readonly profile: EndpointProfile;
  /** The era in force on the day, or null when the profile starts later. */
  readonly now: EraResult | null;
  /** Later announced eras, in date order. */
  readonly later: readonly EraResult[];
}

export type Judgement =
  | { readonly kind: 'off' }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'ok'; readonly asOf: string; readonly crypto: EffectiveCrypto; readonly client: ClientProtocols; readonly tls12Off: boolean; readonly results: readonly ProfileResult[] };

export function selectedProfiles(options: EvaluateOptions): readonly EndpointProfile[] {
  if (options.endpoints === undefined) return PROFILES;
  return options.endpoints.map(profileById).filter((p): p is EndpointProfile => p !== null);
}

const CACHE = new WeakMap<MachineFacts, Map<string, Judgement>>();

export function judge(m: MachineFacts, options: EvaluateOptions): Judgement {
  if (options.asOf === undefined) return { kind: 'off' };
  const key = `${options.asOf}|${options.endpoints?.join(',') ?? '*'}`;
  let byKey = CACHE.get(m);
  const hit = byKey?.get(key);
  if (hit !== undefined) return hit;
  const result = compute(m, options.asOf, selectedProfiles(options));
  if (byKey === undefined) { byKey = new Map(); CACHE.set(m, byKey); }
  byKey.set(key, result);
  return result;
}

function compute(m: MachineFacts, asOf: string, profiles: readonly EndpointProfile[]): Judgement {
  const read = effectiveCrypto(m);
  if (read.kind === 'unknown') return read;
  const crypto = read.value;
  // TLS 1.2 for the Schannel client is the SCHANNEL rules' finding, and their fix turns it on: judged here as on,
  // so these rules say what else is missing (suites, curves) instead of repeating it. `tls12Off` keeps the truth.
  const tls12Off = m.schannel('TLS 1.2', 'Client').state !== 'On';
  const client: ClientProtocols = { 'TLS 1.2': true, 'TLS 1.3': m.schannel('TLS 1.3', 'Client').state === 'On' };
  const results = profiles.map((profile): ProfileResult => {
    const one = (era: EndpointEra): EraResult => ({ era, reach: reach(crypto, client, era), inDays: daysBetween(asOf, era.from === '0000-01-01' ? asOf : era.from) });
    const current = [...profile.eras].reverse().find((e) => e.from <= asOf) ?? null;
    return { profile, now: current === null ? null : one(current), later: profile.eras.filter((e) => e.from > asOf).map(one) };
  });
  return { kind: 'ok', asOf, crypto, client, tls12Off, results };
}
