import { isTls13Suite } from './openssl-names.js';
import { eraOn } from './profiles.js';
import type { CurveName, EndpointEra, EndpointProfile } from './types.js';

/**
 * The live check of a host against an endpoint profile (Test-Tls365Connection -Endpoint / -CipherSuite, issue 16
 * item 1): which handshakes to try, and what the profile's era in force on the day says each should get. Pure: the
 * bridge (bridge/probe.ts) makes the handshakes and compares.
 *
 * - One `Suite` probe per suite: every TLS 1.2 suite any era of the profile names (so a suite the profile says was
 *   dropped is still tried: a host that still accepts it shows), every TLS 1.3 suite, then each extra suite asked
 *   for. TLS 1.3 suites are offered over TLS 1.3, the others over TLS 1.2, each alone.
 * - One `Curve` probe per curve any era names: the ECDHE suites the era in force accepts (over TLS 1.2; over TLS 1.3
 *   with its TLS 1.3 suites when it has no ECDHE suite at TLS 1.2) with that curve alone.
 * - `expected`: what the era in force says (Accepted when it lists the suite or curve at that protocol, else
 *   Refused); null without a profile, or before its first era.
 */
export type Expectation = 'Accepted' | 'Refused';

export interface SuiteProbe {
  readonly test: 'Suite' | 'Curve';
  readonly protocol: 'Tls12' | 'Tls13';
  /** The suite offered alone (Suite probes); null for a Curve probe. */
  readonly suite: string | null;
  /** The curve offered alone (Curve probes); null for a Suite probe. */
  readonly curve: CurveName | null;
  /** Every suite offered (IANA names): the suite of a Suite probe, the era's suites of a Curve probe. */
  readonly offer: readonly string[];
  readonly expected: Expectation | null;
}

export interface SuiteProbePlan {
  /** The era whose facts `expected` follows (its `from`), or null. */
  readonly era: string | null;
  readonly probes: readonly SuiteProbe[];
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function suiteExpected(era: EndpointEra | null, suite: string, protocol: 'Tls12' | 'Tls13'): Expectation | null {
  if (era === null) return null;
  const ok = protocol === 'Tls13'
    ? era.protocols.includes('TLS 1.3') && era.tls13Suites.includes(suite)
    : era.protocols.includes('TLS 1.2') && era.tls12Suites.includes(suite);
  return ok ? 'Accepted' : 'Refused';
}

/** The ECDHE suites a curve probe offers, and over which version: the era's (or, with no era, every era's). */
function curveOffer(profile: EndpointProfile, era: EndpointEra | null): { protocol: 'Tls12' | 'Tls13'; offer: string[] } {
  const eras = era === null ? profile.eras : [era];
  const tls12 = unique(eras.filter((e) => e.protocols.includes('TLS 1.2')).flatMap((e) => e.tls12Suites.filter((s) => s.startsWith('TLS_ECDHE_'))));
  if (tls12.length > 0) return { protocol: 'Tls12', offer: tls12 };
  return { protocol: 'Tls13', offer: unique(eras.filter((e) => e.protocols.includes('TLS 1.3')).flatMap((e) => e.tls13Suites)) };
}

/**
 * What to probe a host with: the profile's suites and curves (`profile` null: only `extraSuites`, nothing expected)
 * judged on `asOf` (YYYY-MM-DD). `extraSuites` are IANA names; a name already in the profile's list is not repeated.
 */
export function planSuiteProbes(profile: EndpointProfile | null, asOf: string, extraSuites: readonly string[]): SuiteProbePlan {
  const era = profile === null ? null : eraOn(profile, asOf);
  const probes: SuiteProbe[] = [];
  const tls12 = profile === null ? [] : unique(profile.eras.flatMap((e) => e.tls12Suites));
  const tls13 = profile === null ? [] : unique(profile.eras.flatMap((e) => e.tls13Suites));
  const listed = new Set([...tls12, ...tls13]);
  const extra = unique(extraSuites).filter((s) => !listed.has(s));
  for (const suite of [...tls12, ...tls13, ...extra]) {
    const protocol = isTls13Suite(suite) ? 'Tls13' : 'Tls12';
    probes.push({ test: 'Suite', protocol, suite, curve: null, offer: [suite], expected: suiteExpected(era, suite, protocol) });
  }
  if (profile !== null) {
    const { protocol, offer } = curveOffer(profile, era);
    for (const curve of unique(profile.eras.flatMap((e) => e.curves))) {
      const expected = era === null ? null : era.curves.includes(curve) && offer.length > 0 ? 'Accepted' : 'Refused';
      probes.push({ test: 'Curve', protocol, suite: null, curve, offer, expected });
    }
  }
  return { era: era === null ? null : era.from, probes };
}

/** Whether a probe's answer is what the profile says: null when nothing is expected or the probe got no answer (unreachable, timed out, not testable). */
export function matchesProfile(status: string, expected: Expectation | null): boolean | null {
  if (expected === null || (status !== 'Accepted' && status !== 'Refused')) return null;
  return status === expected;
}
