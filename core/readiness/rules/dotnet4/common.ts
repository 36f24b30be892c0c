import type { MachineFacts } from '../../facts.js';
import type { Fix } from '../../model.js';
import { NDP_V4_FULL_KEY } from '../../paths.js';
import { unknown, type RuleOutput } from '../../rule.js';
import { prelude, releaseOf, type NetView, type Prelude, type ReleaseRead } from '../dotnet/common.js';

/**
 * Shared by the .NET Framework 4.x rules, TLS365-NET4-001..009 (docs/domain-facts.md 10.5; facts 4.1-4.3). Per view:
 * the native `HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319` is DotNet4, its Wow6432Node twin DotNet4_32 (on a
 * 32-bit OS the single native key is DotNet4_32). `Release` (NDP\v4\Full) is view-independent.
 */

export const SUSC = 'SchUseStrongCrypto';
export const SDTV = 'SystemDefaultTlsVersions';
/** After SystemDefaultTlsVersions alone. */
export const RESTART_APPS = 'restart the .NET applications';
/** After SchUseStrongCrypto: ConfigMgr says the value "requires a restart" [CM-CLIENT]. */
export const RESTART_SUSC = 'restart the .NET applications (a reboot is recommended: Configuration Manager\'s guidance says this value requires a restart)';

/** Runs `each` for every view of an installed .NET 4.x; the prelude's Unknown / nothing otherwise. */
export function perView(m: MachineFacts, each: (v: NetView, p: Extract<Prelude, { kind: 'views' }>) => RuleOutput | null): readonly RuleOutput[] {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  return p.views.flatMap((v) => { const out = each(v, p); return out === null ? [] : [out]; });
}

/** The Release value, or an Unknown output when it is not a DWORD (the installed version cannot be told). */
export function release(m: MachineFacts, p: Extract<Prelude, { kind: 'views' }>): ReleaseRead | RuleOutput {
  const r = releaseOf(m, NDP_V4_FULL_KEY);
  if (r.kind === 'wrong-type') return unknown(p.views.map((v) => v.component), `${NDP_V4_FULL_KEY} Release is ${r.type}, not REG_DWORD, so the installed .NET 4.x version is unknown`);
  return r;
}
export const isOutput = (x: ReleaseRead | RuleOutput): x is RuleOutput => x.kind === 'finding' || x.kind === 'unknown';

/** Runs a Release-dependent per-view rule: only for .NET 4.5+ (Release known); 4.0-only is NET4-007's. */
export function perViewWithRelease(m: MachineFacts, each: (v: NetView, rel: number) => RuleOutput | null): readonly RuleOutput[] {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  const r = release(m, p);
  if (isOutput(r)) return [r];
  if (r.kind !== 'known') return [];
  return p.views.flatMap((v) => { const out = each(v, r.value); return out === null ? [] : [out]; });
}

export const setFix = (text: string, changes: Fix['changes']): Fix => ({ text, changes, updates: [], restart: 'apps' });
