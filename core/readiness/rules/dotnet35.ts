import type { MachineFacts } from '../facts.js';
import type { OsFacts } from '../os.js';
import { finding, unknown, type Rule, type RuleOutput } from '../rule.js';
import { SRC } from '../sources.js';
import {
  defineRule, describe, familyComponents, isOne, prelude, rawForm, read, setOne, tls12ClientBlocksFamily,
  type NetView,
} from './dotnet/common.js';

/**
 * .NET Framework 3.5 rules, TLS365-NET35-001..005 (docs/domain-facts.md 10.6; facts 4.1, 4.4, 5). Per view, keys
 * `.NETFramework\v2.0.50727`: native is DotNet35, Wow6432Node DotNet35_32 (a 32-bit OS's single view is
 * DotNet35_32). For CLR 2 an absent value means 0 [DOTNET-TLS].
 */

const SUSC = 'SchUseStrongCrypto';
const SDTV = 'SystemDefaultTlsVersions';
/** After SystemDefaultTlsVersions alone. */
const RESTART_APPS = 'restart the .NET 3.5 applications';
/** After SchUseStrongCrypto: ConfigMgr says the value "requires a restart" [CM-CLIENT]. */
const RESTART_SUSC = 'restart the .NET 3.5 applications (a reboot is recommended: Configuration Manager\'s guidance says this value requires a restart)';

function perView(m: MachineFacts, each: (v: NetView, views: readonly NetView[]) => RuleOutput | null): readonly RuleOutput[] {
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

const NET35_001 = defineRule('TLS365-NET35-001', '.NET 3.5 does not use the OS default protocols (SystemDefaultTlsVersions not 1)', [SRC.DOTNET_TLS, SRC.CM_CLIENT], (self, m) =>
  perView(m, (v, views) => {
    const sdtv = read(m, v.key, SDTV);
    if (isOne(sdtv)) return null;
    // The catalogue's fix sets the value in both views, which keeps them aligned (NET35-004).
    const ordered = [v, ...views.filter((o) => o !== v)];
    const needsKb = m.os !== null && net35UpdateFor(m.os) !== null ? ' (it takes effect only with the .NET 3.5 TLS update for this OS, see TLS365-NET35-002)' : '';
    return finding(self, 'Fail', [v.component],
      `${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}): .NET 3.5 apps there use the protocols .NET picks (SSL 3.0 and TLS 1.0) instead of the OS defaults, so they do not negotiate TLS 1.2.`,
      {
        text: `Set ${SDTV}=1 (DWORD) under ${ordered.map((o) => o.key).join(' and ')}${needsKb}, then ${RESTART_APPS}.`,
        changes: ordered.map((o) => setOne(o.key, SDTV)), updates: [], restart: 'apps',
      });
  }));

const NET35_002 = defineRule('TLS365-NET35-002', '.NET 3.5 TLS System Default Versions update not detected', [SRC.DOTNET_TLS], (self, m) => {
  const p = prelude(m, 'v35');
  if (p.kind === 'done') return p.out;
  const comps = p.views.map((v) => v.component);
  if (m.os === null) return [unknown(familyComponents('v35'), 'the input has no OS build, so the .NET 3.5 update this OS needs is unknown')];
  const need = net35UpdateFor(m.os);
  if (need === null) return [];
  const state = m.updates.state(need.kb);
  if (state.kind === 'detected') return [];
  if (state.kind === 'unknown') return [unknown(comps, `the input has no hotfix list or CBS packages, so it cannot tell whether ${need.kb} (.NET 3.5 TLS System Default Versions for ${need.os}) is installed`)];
  const sp1 = m.os.build === 7600 ? 'Install Service Pack 1, then ' : 'Install ';
  return [finding(self, 'Warn', comps,
    `${need.kb}, the update that lets .NET 3.5 use TLS 1.2 and honour ${SDTV} on ${need.os}, was not detected (a later .NET rollup may include it without naming it).`,
    { text: `${sp1}${need.kb} (or confirm that an installed .NET rollup includes it), then reboot.`, changes: [], updates: [need.kb], restart: 'reboot' },
    [need.kb])];
});

const NET35_003 = defineRule('TLS365-NET35-003', '.NET 3.5 strong cryptography not switched on (SchUseStrongCrypto not 1)', [SRC.DOTNET_TLS, SRC.EX_TLS], (self, m) =>
  perView(m, (v) => {
    const susc = read(m, v.key, SUSC);
    if (isOne(susc)) return null;
    return finding(self, 'Warn', [v.component],
      `${v.key} ${SUSC} is ${describe(susc)} (${v.label}): .NET 3.5 apps that ask for TLS explicitly run without strong cryptography, so weak algorithms such as RC4 stay allowed.`,
      { text: `Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, changes: [setOne(v.key, SUSC)], updates: [], restart: 'apps' });
  }));

const NET35_004 = defineRule('TLS365-NET35-004', '.NET 3.5 values differ between the native and Wow6432Node views', [SRC.CM_CLIENT], (self, m) => {
  const p = prelude(m, 'v35');
  if (p.kind === 'done') return p.out;
  const [native, wow] = p.views;
  if (!p.x64 || native === undefined || wow === undefined) return [];
  const diffs = [SDTV, SUSC]
    .filter((n) => rawForm(m, native.key, n) !== rawForm(m, wow.key, n))
    .map((n) => `${n} is ${describe(read(m, native.key, n))} natively but ${describe(read(m, wow.key, n))} under Wow6432Node`);
  if (diffs.length === 0) return [];
  return [finding(self, 'Warn', [wow.component],
    `${native.key} and ${wow.key} differ (${diffs.join('; ')}): 32-bit .NET 3.5 apps then use other TLS settings than 64-bit ones.`,
    {
      text: `Set ${SDTV}=1 and ${SUSC}=1 (DWORD) in both views (${native.key} and ${wow.key}), then ${RESTART_SUSC}.`,
      changes: [native, wow].flatMap((v) => [setOne(v.key, SDTV), setOne(v.key, SUSC)]), updates: [], restart: 'apps',
    })];
});

const NET35_005 = defineRule('TLS365-NET35-005', '.NET 3.5 cannot use TLS 1.2 because the Schannel TLS 1.2 client is not usable by default', [SRC.DOTNET_TLS], (self, m) =>
  // OffByDefault only matters to apps that follow the OS default, i.e. SystemDefaultTlsVersions = 1 (absent is 0 on 3.5).
  tls12ClientBlocksFamily(self, m, 'v35', isOne, (v, _sdtv, offByDefault) => (offByDefault
    ? `and ${v.key} ${SDTV} is 1 (${v.label}), so .NET 3.5 apps follow that default and will not offer TLS 1.2.`
    : `so no .NET 3.5 app in the ${v.label} can negotiate TLS 1.2.`)));

/** TLS365-NET35-001..005, in catalogue order. */
export const dotnet35Rules: readonly Rule[] = [NET35_001, NET35_002, NET35_003, NET35_004, NET35_005];
