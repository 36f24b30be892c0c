import type { MachineFacts } from '../facts.js';
import type { Fix } from '../model.js';
import { NDP_V4_FULL_KEY } from '../paths.js';
import { finding, unknown, type Rule, type RuleOutput } from '../rule.js';
import { SRC } from '../sources.js';
import {
  RELEASE_45, RELEASE_46, RELEASE_462, defineRule, describe, isOne, isZero, notSet, prelude, rawForm, read, releaseOf, setOne, tls12ClientBlocksFamily, versionName, type NetView, type Prelude, type ReleaseRead,
} from './dotnet/common.js';

/**
 * .NET Framework 4.x rules, TLS365-NET4-001..009 (docs/domain-facts.md 10.5; facts 4.1-4.3). Per view: the native
 * `HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319` is DotNet4, its Wow6432Node twin DotNet4_32 (on a 32-bit
 * OS the single native key is DotNet4_32). `Release` (NDP\v4\Full) is view-independent.
 */

const SUSC = 'SchUseStrongCrypto';
const SDTV = 'SystemDefaultTlsVersions';
/** After SystemDefaultTlsVersions alone. */
const RESTART_APPS = 'restart the .NET applications';
/** After SchUseStrongCrypto: ConfigMgr says the value "requires a restart" [CM-CLIENT]. */
const RESTART_SUSC = 'restart the .NET applications (a reboot is recommended: Configuration Manager\'s guidance says this value requires a restart)';

/** Runs `each` for every view of an installed .NET 4.x; the prelude's Unknown / nothing otherwise. */
function perView(m: MachineFacts, each: (v: NetView, p: Extract<Prelude, { kind: 'views' }>) => RuleOutput | null): readonly RuleOutput[] {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  return p.views.flatMap((v) => { const out = each(v, p); return out === null ? [] : [out]; });
}

/** The Release value, or an Unknown output when it is not a DWORD (the installed version cannot be told). */
function release(m: MachineFacts, p: Extract<Prelude, { kind: 'views' }>): ReleaseRead | RuleOutput {
  const r = releaseOf(m, NDP_V4_FULL_KEY);
  if (r.kind === 'wrong-type') return unknown(p.views.map((v) => v.component), `${NDP_V4_FULL_KEY} Release is ${r.type}, not REG_DWORD, so the installed .NET 4.x version is unknown`);
  return r;
}
const isOutput = (x: ReleaseRead | RuleOutput): x is RuleOutput => x.kind === 'finding' || x.kind === 'unknown';

/** Runs a Release-dependent per-view rule: only for .NET 4.5+ (Release known); 4.0-only is NET4-007's. */
function perViewWithRelease(m: MachineFacts, each: (v: NetView, rel: number) => RuleOutput | null): readonly RuleOutput[] {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  const r = release(m, p);
  if (isOutput(r)) return [r];
  if (r.kind !== 'known') return [];
  return p.views.flatMap((v) => { const out = each(v, r.value); return out === null ? [] : [out]; });
}

const setFix = (text: string, changes: Fix['changes']): Fix => ({ text, changes, updates: [], restart: 'apps' });

const NET4_001 = defineRule('TLS365-NET4-001', '.NET 4.x strong cryptography switched off (SchUseStrongCrypto = 0)', [SRC.DOTNET_TLS], (self, m) => {
  return perView(m, (v) => {
    if (!isZero(read(m, v.key, SUSC))) return null;
    return finding(self, 'Fail', [v.component],
      `${v.key} ${SUSC} is 0 (${v.label}): strong cryptography is switched off for every .NET 4.x app there, so apps that choose their own protocols offer only SSL 3.0 and TLS 1.0 and weak algorithms such as RC4 are allowed again.`,
      setFix(`Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, [setOne(v.key, SUSC)]));
  });
});

const NET4_002 = defineRule('TLS365-NET4-002', '.NET 4.5 - 4.5.2 without SchUseStrongCrypto = 1', [SRC.DOTNET_TLS, SRC.DOTNET_VER], (self, m) => {
  return perViewWithRelease(m, (v, rel) => {
    const susc = read(m, v.key, SUSC);
    if (rel < RELEASE_45 || rel >= RELEASE_46 || isOne(susc)) return null;
    return finding(self, 'Fail', [v.component],
      `.NET Framework ${versionName(rel)} is installed and ${v.key} ${SUSC} is ${describe(susc)} (${v.label}): .NET 4.5 - 4.5.2 offers only SSL 3.0 and TLS 1.0 unless ${SUSC} is 1.`,
      setFix(`Set ${SUSC}=1 and ${SDTV}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}; better, install .NET Framework 4.8.`, [setOne(v.key, SUSC), setOne(v.key, SDTV)]));
  });
});

const NET4_003 = defineRule('TLS365-NET4-003', '.NET 4.6+ with SchUseStrongCrypto absent', [SRC.DOTNET_TLS, SRC.CM_CLIENT, SRC.SEED, SRC.TLS1_PROBLEM], (self, m) => {
  return perViewWithRelease(m, (v, rel) => {
    // A value of another type is ignored by .NET (reported by NET4-006), so it counts as absent here.
    const susc = read(m, v.key, SUSC);
    if (rel < RELEASE_46 || !notSet(susc)) return null;
    const sdtv = read(m, v.key, SDTV);
    const fix = setFix(`Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, [setOne(v.key, SUSC)]);
    if (isOne(sdtv)) {
      return finding(self, 'Warn', [v.component],
        `${v.key} ${SUSC} is ${describe(susc)} (${v.label}); ${SDTV} is 1 there, so apps that follow the OS default negotiate TLS 1.2, but apps that set their own protocols run without strong cryptography.`,
        fix);
    }
    return finding(self, 'Fail', [v.component],
      `${v.key} ${SUSC} is ${describe(susc)} and ${SDTV} is ${describe(sdtv)} (${v.label}): .NET apps that target 4.5.2 or earlier, Windows PowerShell 5.1 among them, then offer only SSL 3.0 and TLS 1.0.`,
      fix);
  });
});

const NET4_004 = defineRule('TLS365-NET4-004', '.NET 4.x does not use the OS default protocols (SystemDefaultTlsVersions absent or 0)', [SRC.DOTNET_TLS, SRC.EX_TLS], (self, m) => {
  return perView(m, (v) => {
    const sdtv = read(m, v.key, SDTV);
    if (!notSet(sdtv) && !isZero(sdtv)) return null;
    const why = isZero(sdtv)
      ? 'every .NET 4.x app there uses the protocols .NET picks instead of the OS defaults'
      : '.NET apps that target 4.6.2 or earlier use the protocols .NET picks instead of the OS defaults';
    return finding(self, 'Warn', [v.component],
      `${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}): ${why}.`,
      setFix(`Set ${SDTV}=1 (DWORD) under ${v.key}, then ${RESTART_APPS}.`, [setOne(v.key, SDTV)]));
  });
});

const NET4_005 = defineRule('TLS365-NET4-005', '.NET 4.x values differ between the native and Wow6432Node views', [SRC.HC_REG, SRC.CM_CLIENT], (self, m) => {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  const [native, wow] = p.views;
  if (!p.x64 || native === undefined || wow === undefined) return [];
  const diffs = [SDTV, SUSC]
    .filter((n) => rawForm(m, native.key, n) !== rawForm(m, wow.key, n))
    .map((n) => `${n} is ${describe(read(m, native.key, n))} natively but ${describe(read(m, wow.key, n))} under Wow6432Node`);
  if (diffs.length === 0) return [];
  return [finding(self, 'Warn', [wow.component],
    `${native.key} and ${wow.key} differ (${diffs.join('; ')}): 32-bit .NET apps then use other TLS settings than 64-bit ones.`,
    setFix(`Set ${SDTV}=1 and ${SUSC}=1 (DWORD) in both views (${native.key} and ${wow.key}), then ${RESTART_SUSC}.`,
      [native, wow].flatMap((v) => [setOne(v.key, SDTV), setOne(v.key, SUSC)])))];
});

const NET4_006 = defineRule('TLS365-NET4-006', '.NET 4.x TLS value other than DWORD 0 or 1', [SRC.HC_DOC], (self, m) => {
  return perView(m, (v) => {
    const bad = [SDTV, SUSC].filter((n) => { const r = read(m, v.key, n); return r.kind === 'wrong-type' || (r.kind === 'dword' && r.value > 1); });
    if (bad.length === 0) return null;
    return finding(self, 'Warn', [v.component],
      `${v.key} ${bad.map((n) => `${n} is ${describe(read(m, v.key, n))}`).join(' and ')} (${v.label}): only the DWORD values 0 and 1 are defined, and tools such as Exchange HealthChecker treat anything else as not set.`,
      setFix(`Set ${bad.join(' and ')} to exactly 1 (DWORD) under ${v.key}, then ${bad.includes(SUSC) ? RESTART_SUSC : RESTART_APPS}.`, bad.map((n) => setOne(v.key, n))));
  });
});

const NET4_007 = defineRule('TLS365-NET4-007', '.NET Framework 4.0 only (no Release value, or below 4.5)', [SRC.DOTNET_VER], (self, m) => {
  const p = prelude(m, 'v4');
  if (p.kind === 'done') return p.out;
  const r = release(m, p);
  if (isOutput(r)) return [r];
  if (r.kind === 'known' && r.value >= RELEASE_45) return [];
  const found = r.kind === 'known' ? `Release is ${r.value}` : 'Release is absent';
  return [finding(self, 'Fail', p.views.map((v) => v.component),
    `${NDP_V4_FULL_KEY} exists but ${found}: only .NET Framework 4.0 is installed, which has no TLS 1.2 support.`,
    { text: 'Install .NET Framework 4.8 (or 4.8.1), then reboot.', changes: [], updates: [], restart: 'reboot' })];
});

const NET4_008 = defineRule('TLS365-NET4-008', '.NET 4.x cannot use TLS 1.2 because the Schannel TLS 1.2 client is not usable by default', [SRC.DOTNET_TLS, SRC.EX_TLS], (self, m) =>
  // OffByDefault only hurts apps that follow the OS default: SystemDefaultTlsVersions not explicitly 0.
  tls12ClientBlocksFamily(self, m, 'v4', (sdtv) => !isZero(sdtv), (v, sdtv, offByDefault) => (offByDefault
    ? `and ${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}), so .NET 4.x apps that follow the OS default will not offer TLS 1.2.`
    : `so no .NET 4.x app in the ${v.label} can negotiate TLS 1.2.`)));

const NET4_009 = defineRule('TLS365-NET4-009', '.NET 4.x below 4.6.2', [SRC.CM_CLIENT], (self, m) => {
  return perViewWithRelease(m, (v, rel) => {
    if (rel < RELEASE_45 || rel >= RELEASE_462) return null;
    return finding(self, 'Info', [v.component],
      `${NDP_V4_FULL_KEY} Release says .NET Framework ${versionName(rel)}, below 4.6.2: Configuration Manager's guidance says .NET 4.6 and earlier need updates for TLS 1.1 and 1.2.`,
      { text: 'Install .NET Framework 4.8 (or at least 4.6.2), then reboot.', changes: [], updates: [], restart: 'reboot' });
  });
});

/** TLS365-NET4-001..009, in catalogue order. */
export const dotnet4Rules: readonly Rule[] = [NET4_001, NET4_002, NET4_003, NET4_004, NET4_005, NET4_006, NET4_007, NET4_008, NET4_009];
