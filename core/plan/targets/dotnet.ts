import { viewsOf, type Family } from '../../readiness/rules/dotnet/common.js';
import type { Intent, TargetContext } from '../intent.js';

/**
 * .NET Framework part of the target state (docs/domain-facts.md 4.1, 7, 8, 10.5, 10.6): `SystemDefaultTlsVersions`=1 and
 * `SchUseStrongCrypto`=1 in every view (native and Wow6432Node on a 64-bit OS) of every installed version
 * key: v4.0.30319 when .NET 4.x is installed, v2.0.50727 when .NET 3.5 is. That is the Microsoft sample,
 * ConfigMgr's, Azure AD Connect's and Exchange's recipe at once [DOTNET-TLS]; [CM-CLIENT]; [AADC]; [EX-TLS].
 * A value of another type or other than 1 is rewritten (NET4-006). Restart: the .NET applications.
 */
const NAMES = ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const;

export function dotnetIntents(ctx: TargetContext): Intent[] {
  const { m } = ctx;
  if (m.x64 === null) return [];
  const x64 = m.x64;
  const out: Intent[] = [];
  const families: { readonly family: Family; readonly installed: boolean | null; readonly phase: number; readonly label: string }[] = [
    { family: 'v4', installed: m.dotnet4.installed, phase: 50, label: '.NET 4.x (v4.0.30319)' },
    { family: 'v35', installed: m.dotnet35.installed, phase: 60, label: '.NET 3.5 (v2.0.50727)' },
  ];
  for (const f of families) {
    if (f.installed !== true) continue;
    viewsOf(f.family, x64).forEach((v, i) => {
      for (const name of NAMES) {
        out.push({
          key: v.key, name, want: { op: 'set-dword', data: 1 }, owner: v.component, phase: f.phase + i, restart: 'apps',
          reason: `${f.label} ${name}=1 in the ${v.label}: every view of every installed version, as Microsoft's recipes write them`,
        });
      }
    });
  }
  return out;
}
