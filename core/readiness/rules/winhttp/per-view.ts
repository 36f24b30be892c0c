import type { MachineFacts } from '../../facts.js';
import type { RegChange } from '../../model.js';
import type { RuleOutput } from '../../rule.js';
import { DSP, coveredViews, describeMask, readDsp, viewLabel, type WinHttpView } from './common.js';

/**
 * Shared by the WinHTTP rules about the DefaultSecureProtocols value itself (docs/domain-facts.md 10.2): 001, 006,
 * 007, 008, 012, 013 (and 009's fix). All are "per view": one finding per registry view, attached to that view's
 * component.
 */

type PerView = (m: MachineFacts, v: WinHttpView, value: number, at: string) => RuleOutput | null;

/** Runs `check` for every covered view whose DefaultSecureProtocols is a REG_DWORD. */
export function eachDword(m: MachineFacts, check: PerView): RuleOutput[] {
  const out: RuleOutput[] = [];
  for (const v of coveredViews(m)) {
    const r = readDsp(m, v);
    if (r.kind !== 'dword') continue;
    const o = check(m, v, r.value, `${v.key} ${DSP} = ${describeMask(r.value)} in ${viewLabel(v, m)}`);
    if (o !== null) out.push(o);
  }
  return out;
}

/** `SSL 2.0 and SSL 3.0`: the labels of the given bits that are set. */
export const named = (value: number, bits: readonly (readonly [number, string])[]): string =>
  bits.filter(([b]) => (value & b) !== 0).map(([, l]) => l).join(' and ');

export const setDsp = (v: WinHttpView, data: number): RegChange => ({ op: 'set-dword', key: v.key, name: DSP, data });
