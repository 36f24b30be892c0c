import { formatHex } from '../../../protocols/dword.js';
import { decodeMask } from '../../../protocols/mask.js';
import { protocolBits, type Layout } from '../../../protocols/layouts.js';
import type { MachineFacts } from '../../facts.js';
import type { Component, Fix, RegChange } from '../../model.js';
import { schannelProtocolKey, winHttpKey, type View } from '../../paths.js';
import { readDword, type DwordRead } from '../../registry.js';
import { unknown, type RuleOutput } from '../../rule.js';
import type { SchannelReading } from '../../schannel-state.js';
import type { OsFacts } from '../../os.js';

/**
 * Helpers shared by the WinHTTP (docs/domain-facts.md 10.2) and WinINet (10.3) rule families: the registry views, mask
 * descriptions, the effective WinHTTP mask and the "TLS 1.2 client is off in Schannel" fix.
 */

export const DSP = 'DefaultSecureProtocols';

/** Protocol bits of DefaultSecureProtocols / SecureProtocols (docs/domain-facts.md 1.1, 1.4): the WinHttp layout's. */
export const BIT = protocolBits('WinHttp');
/** Known-bit mask for validation: every protocol bit, 0x2AA8 (docs/domain-facts.md 1.1, TLS365 convention). */
export const KNOWN_BITS = Object.values(BIT).reduce((a, b) => a | b, 0);
/** TLS 1.1 + TLS 1.2, KB3140245's worked example and the Office 365 table [KB3140245]; [SEED]. */
export const RECOMMENDED_DSP = 0x00000a00;
/** The TLS bits a fix may keep (never SSL 2.0/3.0, never unknown bits). */
const TLS_BITS = BIT.Tls10 | BIT.Tls11 | BIT.Tls12 | BIT.Tls13;

/** `0x000000A0 (Ssl3, Tls10)`; unknown bits are named, an empty mask says so. */
export function describeMask(value: number, layout: Layout = 'WinHttp'): string {
  const v = value >>> 0;
  const known = decodeMask(v & KNOWN_BITS, layout);
  const names: string[] = known.ok ? [...known.value.protocols] : [];
  const unknownBits = (v & ~KNOWN_BITS) >>> 0;
  if (unknownBits !== 0) names.push(`unknown bits ${formatHex(unknownBits)}`);
  return `${formatHex(v)} (${names.length === 0 ? 'no protocol' : names.join(', ')})`;
}

/** The value a fix writes when it keeps what the admin chose: the TLS bits only, or the recommended value if TLS 1.2 would be missing. */
export function repairedMask(value: number, fallback: number = RECOMMENDED_DSP): number {
  const kept = (value & TLS_BITS) >>> 0;
  return (kept & BIT.Tls12) !== 0 ? kept : fallback;
}

/** One WinHTTP registry view and the component it reports to (docs/domain-facts.md "Conventions": a 32-bit OS has only the "32" view). */
export interface WinHttpView {
  readonly view: View;
  readonly component: Extract<Component, 'WinHttp' | 'WinHttp32'>;
  readonly key: string;
}

/** The views that exist on this machine; none when the architecture is unknown (the evaluator marks both Unknown). */
export function winHttpViews(m: MachineFacts): readonly WinHttpView[] {
  if (m.x64 === null) return [];
  const x64 = m.x64;
  const views: View[] = x64 ? ['64', '32'] : ['32'];
  return views.map((view) => ({ view, component: view === '64' ? 'WinHttp' : 'WinHttp32', key: winHttpKey(view, x64) }));
}

/** Views whose Internet Settings key is in the input: value-based rules never read "absent" from a key the input lacks. */
export function coveredViews(m: MachineFacts): readonly WinHttpView[] {
  return winHttpViews(m).filter((v) => m.coverage.winHttp(v.view));
}

export const readDsp = (m: MachineFacts, v: WinHttpView): DwordRead => readDword(m.reg, v.key, DSP);

export const viewLabel = (v: WinHttpView, m: MachineFacts): string =>
  (m.x64 === false ? 'the only registry view (32-bit OS)' : v.view === '64' ? 'the native (64-bit) view' : 'the Wow6432Node (32-bit) view');

/** Sets DefaultSecureProtocols in every given view that does not already hold a DWORD with TLS 1.2. */
export function dspChanges(m: MachineFacts, views: readonly WinHttpView[], data: number = RECOMMENDED_DSP): RegChange[] {
  return views
    .filter((v) => {
      const r = readDsp(m, v);
      return !(r.kind === 'dword' && (r.value & BIT.Tls12) !== 0);
    })
    .map((v) => ({ op: 'set-dword', key: v.key, name: DSP, data }));
}

/**
 * The protocols WinHTTP offers by default in one view (docs/domain-facts.md 10.2, last paragraph): DefaultSecureProtocols
 * when present and honoured (B >= 9600, or B in {7601, 9200} with KB3140245); otherwise the OS default, 0xA0
 * on 7600/7601/9200 and 0xAA0 on B >= 9600 [WINHTTP-FLAGS]; [CM-CLIENT]. Windows 11 clients (B >= 22000) use
 * 0x2800, "only TLS1.2 and TLS1.3" (docs/domain-facts.md 2.2 [WINHTTP-FLAGS], more specific than the 10.2 summary).
 * A value that is not a REG_DWORD counts as not honoured (docs/domain-facts.md 10.2, WINHTTP-009). Schannel is not taken
 * into account here: a protocol disabled there is not negotiated whatever this mask says [KB3140245].
 */
export type WinHttpMask =
  | { readonly kind: 'mask'; readonly mask: number; readonly basis: 'value' | 'default' }
  | { readonly kind: 'unknown'; readonly reason: string };

export function winHttpDefaultMask(m: MachineFacts): number | null {
  return m.os === null ? null : winHttpDefaultOf(m.os);
}

/** winHttpDefaultMask for an OS alone (the desired-state scripts' OS table is generated from it). */
export function winHttpDefaultOf(os: OsFacts): number | null {
  const b = os.build;
  if (b >= 22000 && os.isServer === false) return BIT.Tls12 | BIT.Tls13;
  if (b >= 9600) return 0xaa0;
  if (b >= 7600) return 0xa0;
  return null;
}

/** DefaultSecureProtocols is read by WinHTTP on this build (true), not (false), or it depends on an undetectable KB (null). */
export function dspHonoured(m: MachineFacts): boolean | null {
  if (m.os === null) return null;
  const b = m.os.build;
  if (b >= 9600) return true;
  if (b === 7601 || b === 9200) {
    const kb = m.updates.state('KB3140245').kind;
    return kb === 'unknown' ? null : kb === 'detected';
  }
  return false;
}

export function winHttpEffectiveMask(m: MachineFacts, view: View): WinHttpMask {
  const v = winHttpViews(m).find((x) => x.view === view);
  if (m.os === null || v === undefined) return { kind: 'unknown', reason: 'the OS build or the registry view is not known' };
  const read = readDsp(m, v);
  if (read.kind === 'dword') {
    const honoured = dspHonoured(m);
    if (honoured === null) return { kind: 'unknown', reason: 'whether KB3140245 is installed is not known, so whether WinHTTP reads DefaultSecureProtocols is not known' };
    if (honoured) return { kind: 'mask', mask: read.value, basis: 'value' };
  }
  const def = winHttpDefaultMask(m);
  if (def === null) return { kind: 'unknown', reason: `no Microsoft source states the WinHTTP default protocols of build ${m.os.build}` };
  return { kind: 'mask', mask: def, basis: 'default' };
}

/** "the OS default 0x000000A0 (Ssl3, Tls10)" for messages; empty when unknown. */
export function defaultPhrase(m: MachineFacts): string {
  const def = winHttpDefaultMask(m);
  return def === null ? 'the OS default' : `the OS default ${describeMask(def)}`;
}

const TLS12_CLIENT = schannelProtocolKey('TLS 1.2', 'Client');

function describeSchannelReading(r: SchannelReading): string {
  const v = (d: SchannelReading['enabled']): string => (d.kind === 'dword' ? formatHex(d.value) : d.kind === 'absent' ? 'absent' : `not a DWORD (${d.type})`);
  return `Enabled ${v(r.enabled)}, DisabledByDefault ${v(r.disabledByDefault)}`;
}

/**
 * Shared by WINHTTP-010 and WININET-004: S(TLS 1.2, Client) in {Disabled, NotSupported} (docs/domain-facts.md 3.3).
 * Returns null when TLS 1.2 client is usable, an `unknown` when the answer rests on a KB that cannot be
 * detected, else the message tail and the fix (the SCHANNEL-001 fix, or KB4019276 / an OS upgrade when the
 * OS cannot do TLS 1.2).
 */
export function tls12ClientBlocked(m: MachineFacts, components: readonly Component[]):
  | null
  | { readonly kind: 'unknown'; readonly output: RuleOutput }
  | { readonly kind: 'blocked'; readonly what: string; readonly fix: Fix; readonly missing: readonly string[] } {
  if (m.os === null || !m.coverage.schannel) return null;
  const r = m.schannel('TLS 1.2', 'Client');
  const b = m.os.build;
  const enableChanges: RegChange[] = [
    { op: 'set-dword', key: TLS12_CLIENT, name: 'Enabled', data: 1 },
    { op: 'set-dword', key: TLS12_CLIENT, name: 'DisabledByDefault', data: 0 },
  ];
  if (r.state === 'Disabled') {
    return {
      kind: 'blocked',
      what: `Schannel disables TLS 1.2 for clients (${TLS12_CLIENT}: ${describeSchannelReading(r)})`,
      fix: { text: `Set Enabled = 1 and DisabledByDefault = 0 under ${TLS12_CLIENT} (as TLS365-SCHANNEL-001), then reboot.`, changes: enableChanges, updates: [], restart: 'reboot' },
      missing: [],
    };
  }
  if (r.state !== 'NotSupported') return null;
  if ((b === 6002 || b === 6003) && m.os.isServer !== false) {
    const kb = m.updates.state('KB4019276');
    if (kb.kind === 'unknown') {
      return { kind: 'unknown', output: unknown(components, 'TLS 1.2 on Server 2008 SP2 needs KB4019276, and the input has no hotfix list or CBS packages to tell whether it is installed') };
    }
    const missing = kb.kind === 'not-detected' ? ['KB4019276'] : [];
    return {
      kind: 'blocked',
      what: `Schannel on build ${b} (Server 2008 SP2) has no TLS 1.2 without KB4019276, which was not detected (hotfix list and CBS packages)`,
      fix: {
        text: `Install KB4019276 (not detected here; a later rollup may already contain it), then set Enabled = 1 and DisabledByDefault = 0 under ${TLS12_CLIENT} and reboot.`,
        changes: enableChanges,
        updates: missing,
        restart: 'reboot',
      },
      missing,
    };
  }
  return {
    kind: 'blocked',
    what: `Schannel on build ${b} does not support TLS 1.2 at all`,
    fix: { text: 'Upgrade to a Windows version that supports TLS 1.2 (Windows 7 SP1 / Server 2008 R2 SP1 or later; Server 2008 SP2 with KB4019276).', changes: [], updates: [], restart: 'none' },
    missing: [],
  };
}
