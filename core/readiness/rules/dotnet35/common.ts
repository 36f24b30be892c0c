import type { MachineFacts } from '../../facts.js';
import type { OsFacts } from '../../os.js';
import type { RuleOutput } from '../../rule.js';
import { prelude, type NetView } from '../dotnet/common.js';

/**
 * Shared by the .NET Framework 3.5 rules, TLS365-NET35-001..005 (docs/domain-facts.md 10.6; facts 4.1, 4.4, 5). Per
 * view, keys `.NETFramework\v2.0.50727`: native is DotNet35, Wow6432Node DotNet35_32 (a 32-bit OS's single view is
 * DotNet35_32). For CLR 2 an absent value means 0 [DOTNET-TLS].
 */

export const SUSC = 'SchUseStrongCrypto';
export const SDTV = 'SystemDefaultTlsVersions';
/** After SystemDefaultTlsVersions alone. */
export const RESTART_APPS = 'restart the .NET 3.5 applications';
/** After SchUseStrongCrypto: ConfigMgr says the value "requires a restart" [CM-CLIENT]. */
export const RESTART_SUSC = 'restart the .NET 3.5 applications (a reboot is recommended: Configuration Manager\'s guidance says this value requires a restart)';

export function perView(m: MachineFacts, each: (v: NetView, views: readonly NetView[]) => RuleOutput | null): readonly RuleOutput[] {
  const p = prelude(m, 'v35');
  if (p.kind === 'done') return p.out;
  return p.views.flatMap((v) => { const out = each(v, p.views); return out === null ? [] : [out]; });
}

/**
 * The .NET 3.5 "TLS System Default Versions" update for this OS (docs/domain-facts.md 4.4, [DOTNET-TLS]); null when no
 * such update exists or none is needed: builds >= 10240 (the rule does not apply) and builds below 6002
 * (no TLS 1.2 at all: TLS365-OS-001). KB3156421 (Windows 10) is never used (its label is ambiguous, 4.4).
 */
export function net35UpdateFor(os: OsFacts): { readonly kb: string; readonly os: string } | null {
  const b = os.build;
  if (b >= 10240 || b < 6002) return null;
  if (b === 6002 || b === 6003) return { kb: 'KB3154517', os: 'Windows Server 2008 SP2 / Vista SP2 (.NET 2.0 SP2)' };
  if (b < 9200) return { kb: 'KB3154518', os: 'Windows 7 SP1 / Server 2008 R2 SP1 (.NET 3.5.1)' };
  if (b < 9600) return { kb: 'KB3154519', os: 'Windows 8 / Server 2012' };
  return { kb: 'KB3154520', os: 'Windows 8.1 / Server 2012 R2' };
}
