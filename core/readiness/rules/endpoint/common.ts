import { originText } from '../../../endpoints/effective.js';
import type { Judgement, EraResult, ProfileResult } from '../../../endpoints/judge.js';
import { needsOf } from '../../../endpoints/needs.js';
import type { Missing } from '../../../endpoints/verdict.js';
import type { EndpointEra, EndpointProfile } from '../../../endpoints/types.js';
import type { MachineFacts } from '../../facts.js';
import type { EndpointRef, Fix } from '../../model.js';
import type { EvaluateOptions } from '../../rule.js';
import { listFix } from '../schannel/cipher-suites.js';

/** Shared by TLS365-ENDPOINT-001..004: message parts and the one fix (cipherTarget's list; the curve order as a command). */

const listShort = (xs: readonly string[], n = 4): string => (xs.length <= n ? xs.join(', ') : `${xs.slice(0, n).join(', ')} and ${xs.length - n} more`);

export function missingText(missing: readonly Missing[], era: EndpointEra): string {
  // The TLS 1.3 reasons matter only for an endpoint without TLS 1.2.
  const relevant = era.protocols.includes('TLS 1.2') ? missing.filter((x) => x.protocol === 'TLS 1.2') : missing;
  return relevant.map((x) => {
    switch (x.kind) {
      case 'protocol': return `${x.protocol} is not on for the Schannel client`;
      case 'suite': return `the machine offers none of the ${x.protocol} suites it accepts (${listShort(x.wanted)})`;
      case 'curve': return `its ${x.protocol} suites that the endpoint accepts (${listShort(x.suites, 3)}) are ECDHE, and the machine offers none of the curves it accepts (${x.wanted.join(', ')})`;
    }
  }).join('; ');
}

export function stateText(j: Extract<Judgement, { kind: 'ok' }>): string {
  const s = j.crypto.suites;
  const c = j.crypto.curves;
  const parts = [`suites: ${s.list.length} from the ${originText(s.origin)}${s.key === null ? ` of ${j.crypto.os.family}` : ` (${s.key} Functions)`}`];
  if (s.removed.length > 0) parts.push(`${s.removed.length} removed by ${[...new Set(s.removed.map((r) => r.by))].join(', ')}`);
  if (s.ignored.length > 0) parts.push(`${s.ignored.length} configured name(s) this Windows does not have: ${listShort(s.ignored, 3)}`);
  if (s.needUpdate.length > 0) parts.push(`waiting for an update: ${listShort(s.needUpdate.map((u) => `${u.name} (${u.kb})`), 3)}`);
  parts.push(`curves: ${c.list.length === 0 ? 'none' : c.list.join(', ')} (${originText(c.origin)}${c.key === null ? '' : `, ${c.key} EccCurves`})`);
  return parts.join('; ');
}

/**
 * A verdict that rests on a fact only a secondary source gives (or that is inferred) is a Warn, never a Fail: the
 * issue asks that such facts be "marked so in the profile and in the finding", and TLS365 does not fail a machine on
 * a fact Microsoft has not published. The facts a verdict rests on are those its missing items name.
 */
export function restsOnSecondary(missing: readonly Missing[], era: EndpointEra): boolean {
  const relevant = era.protocols.includes('TLS 1.2') ? missing.filter((x) => x.protocol === 'TLS 1.2') : missing;
  return relevant.some((x) => {
    const cite = x.kind === 'protocol' ? era.cites.protocols : x.kind === 'curve' ? era.cites.curves : x.protocol === 'TLS 1.3' ? era.cites.tls13Suites : era.cites.tls12Suites;
    return cite.confidence === 'secondary';
  });
}

export const tls12Note = (j: Extract<Judgement, { kind: 'ok' }>): string => (j.tls12Off ? ' (Judged as if TLS 1.2 were on for the Schannel client, which the SCHANNEL finding\'s fix does: today it is not.)' : '');

/** Sources of one era's facts, with the secondary ones said so (the issue: "marked so in the profile and in the finding"). */
export function citeText(era: EndpointEra): string {
  const facts = [['protocols', era.cites.protocols], ['TLS 1.2 suites', era.cites.tls12Suites], ['TLS 1.3 suites', era.cites.tls13Suites], ['curves', era.cites.curves]] as const;
  const tags = [...new Set(facts.map(([, c]) => c.source.tag))];
  const secondary = facts.filter(([, c]) => c.confidence === 'secondary').map(([name, c]) => `${name} [${c.source.tag}]`);
  return `Profile facts: ${tags.join(', ')}${secondary.length > 0 ? `; from a secondary source or inferred, not published by Microsoft: ${secondary.join(', ')}` : ''}.`;
}

export const ref = (profile: EndpointProfile, breaksOn: string): EndpointRef => ({ id: profile.id, name: profile.name, breaksOn });

/**
 * The fix of an endpoint finding: the shared cipher-suite list (cipherTarget, which already holds every suite the
 * selected endpoints need), plus curves to enable as a command (a REG_MULTI_SZ value the plan does not write),
 * plus the updates a needed suite waits for. Null when no setting of this OS can fix it.
 */
export function endpointFix(m: MachineFacts, options: EvaluateOptions, j: Extract<Judgement, { kind: 'ok' }>, profile: EndpointProfile, era: EndpointEra): Fix | null {
  const needs = needsOf(m, j);
  if (needs.impossible.some((x) => x.profile.id === profile.id && x.era.from === era.from)) return null;
  const list = listFix(m, options);
  const parts: string[] = [];
  if (list !== null) parts.push(list.text.replace(/, then restart the machine\.$/, ''));
  if (needs.curves.length > 0) {
    const names = needs.curves.join(', ');
    parts.push(j.crypto.curves.origin === 'policy'
      ? `add the curve(s) ${names} to the Group Policy "ECC Curve Order" (${j.crypto.curves.key ?? ''} EccCurves), which overrides the local order`
      : `enable the curve(s) ${names} (${needs.curves.map((c) => `Enable-TlsEccCurve -Name ${c}`).join('; ')})`);
  }
  if (needs.updates.length > 0) parts.push(`install ${needs.updates.join(', ')}, which adds the suites it needs to this Windows version`);
  if (parts.length === 0) return null;
  const text = `${parts.join('; ')}; then restart the machine.`;
  return { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}`, changes: list?.changes ?? [], updates: needs.updates, restart: 'reboot' };
}

export const noFixText = (j: Extract<Judgement, { kind: 'ok' }>): string => `No setting of ${j.crypto.os.family} offers a suite it accepts: only a newer Windows (Windows 10 / Server 2016 or later) can reach it.`;

export type Ok = Extract<Judgement, { kind: 'ok' }>;
export type { EraResult, ProfileResult };
