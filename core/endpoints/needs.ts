import type { MachineFacts } from '../readiness/facts.js';
import { baseName, CURVE_ORDER_FROM_BUILD, keyExchange, removedBy, toMachineSuite } from './effective.js';
import type { Judgement } from './judge.js';
import type { CurveName, EndpointEra, EndpointProfile, OsSuite } from './types.js';

/**
 * What the cipher-suite list and curve order need so that the machine reaches every selected endpoint now and
 * after every announced change (issue 16 item 1): the suites to put first (as this OS spells them), the curves to
 * enable, the updates that a needed suite waits for, and what no setting can fix on this OS. Pure.
 */
export interface Needs {
  /** Suites to put at the top of the list, OS spelling, in the endpoint's order of preference. */
  readonly add: readonly string[];
  /** Curves to enable (Windows 10+ curve order), when no accepted curve is on. */
  readonly curves: readonly CurveName[];
  /** KBs a suite the endpoint needs waits for (the suite is not offered without it). */
  readonly updates: readonly string[];
  /** Eras no suite of this OS can reach: only a newer Windows fixes these. */
  readonly impossible: readonly { readonly profile: EndpointProfile; readonly era: EndpointEra }[];
}

export const NO_NEEDS: Needs = { add: [], curves: [], updates: [], impossible: [] };

/** How many of an endpoint's suites to add: its two most preferred that this OS has (each with every curve variant it accepts). */
const ADD_PER_ERA = 2;
const PREFERRED_CURVES: readonly CurveName[] = ['NistP256', 'NistP384'];

export function needsOf(m: MachineFacts, j: Judgement): Needs {
  if (j.kind !== 'ok' || m.os === null) return NO_NEEDS;
  const modern = m.os.build >= CURVE_ORDER_FROM_BUILD;
  const add: string[] = [];
  const curves: CurveName[] = [];
  const updates: string[] = [];
  const impossible: { profile: EndpointProfile; era: EndpointEra }[] = [];
  const inList = new Set(j.crypto.suites.list.map((s) => s.name.toUpperCase()));

  for (const r of j.results) {
    for (const er of [...(r.now === null ? [] : [r.now]), ...r.later]) {
      if (er.reach.kind === 'reachable') continue;
      const era = er.era;
      // The client protocol is the SCHANNEL rules' business (their fix turns TLS 1.2 on); suites and curves are ours.
      if (!era.protocols.includes('TLS 1.2')) {
        if (era.protocols.includes('TLS 1.3') && !era.protocols.includes('TLS 1.2') && !j.client['TLS 1.3']) impossible.push({ profile: r.profile, era });
        continue;
      }
      const usable = (s: OsSuite): boolean => {
        const base = baseName(s.name);
        if (!s.protocols.includes('TLS 1.2') || !era.tls12Suites.includes(base)) return false;
        if (removedBy(m, base, keyExchange(base)) !== null) return false;
        const ms = toMachineSuite(s, modern);
        return ms.boundCurve === null || era.curves.includes(ms.boundCurve);
      };
      const candidates = j.crypto.os.suites.filter(usable);
      const ready = candidates.filter((s) => s.requiresUpdate === undefined || m.updates.state(s.requiresUpdate).kind !== 'not-detected');
      if (ready.length === 0) {
        const kbs = [...new Set(candidates.map((s) => s.requiresUpdate).filter((k): k is string => k !== undefined))];
        if (kbs.length > 0) updates.push(...kbs.filter((k) => !updates.includes(k)));
        else impossible.push({ profile: r.profile, era });
        continue;
      }
      // Before Windows 10 each suite comes once per curve: keep the P-256/P-384 variants when there are any (P-521 is off by default).
      const common = ready.filter((s) => { const c = toMachineSuite(s, modern).boundCurve; return c === null || PREFERRED_CURVES.includes(c); });
      const pick = common.length > 0 ? common : ready;
      const offered = pick.filter((s) => inList.has(s.name.toUpperCase()));
      if (offered.length === 0) {
        const bases = [...new Set(era.tls12Suites.filter((b) => pick.some((s) => baseName(s.name) === b)))].slice(0, ADD_PER_ERA);
        for (const b of bases) for (const s of pick) if (baseName(s.name) === b && !add.includes(s.name)) add.push(s.name);
      }
      // With a suite in place, what is left is the curve (Windows 10+: the curve order; before 10 the suffix did it).
      const ecdheOnly = ready.every((s) => keyExchange(baseName(s.name)) === 'ECDHE');
      if (modern && ecdheOnly && !j.crypto.curves.list.some((c) => era.curves.includes(c))) {
        for (const c of PREFERRED_CURVES) if (era.curves.includes(c) && !curves.includes(c)) curves.push(c);
      }
    }
  }
  return { add, curves, updates, impossible };
}
