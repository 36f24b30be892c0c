import type { Sources } from '../model/source.js';
import { PROTOCOLS, type Protocol } from './names.js';
import { INETRES, KB3140245, MSIDTOOLS, SCHANNEL_H, SCHCRED, SEED, WINHTTP_FLAGS } from './sources.js';

/** The four registry/API bit layouts TLS365 decodes. */
export const LAYOUTS = ['WinHttp', 'WinInet', 'SChannelClient', 'SChannelServer'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface BitDefinition {
  readonly protocol: Protocol;
  readonly bit: number;
  readonly sources: Sources;
}

/** A bit Microsoft defines in this layout that is outside TLS365's protocol vocabulary (PCT, DTLS). */
export interface ForeignBit {
  readonly bit: number;
  readonly name: string;
  readonly sources: Sources;
}

export interface LayoutDefinition {
  readonly layout: Layout;
  /** The registry value or API field this layout describes, for messages. */
  readonly describes: string;
  readonly bits: readonly BitDefinition[];
  readonly foreign: readonly ForeignBit[];
}

/**
 * WinHTTP `DefaultSecureProtocols` (HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp).
 * SSL 2.0 0x8, SSL 3.0 0x20, TLS 1.0 0x80, TLS 1.1 0x200, TLS 1.2 0x800: the table in the Microsoft 365
 * guidance [SEED] and KB3140245. TLS 1.3 0x2000: WINHTTP_OPTION_SECURE_PROTOCOLS [WINHTTP-FLAGS]
 * (KB3140245's older table stops at 0x800). docs/domain-facts.md 1.1.
 */
const WINHTTP: LayoutDefinition = {
  layout: 'WinHttp',
  describes: 'WinHTTP DefaultSecureProtocols',
  bits: [
    { protocol: 'Ssl2', bit: 0x8, sources: [SEED, KB3140245] },
    { protocol: 'Ssl3', bit: 0x20, sources: [SEED, KB3140245] },
    { protocol: 'Tls10', bit: 0x80, sources: [SEED, KB3140245] },
    { protocol: 'Tls11', bit: 0x200, sources: [SEED, KB3140245] },
    { protocol: 'Tls12', bit: 0x800, sources: [SEED, KB3140245] },
    { protocol: 'Tls13', bit: 0x2000, sources: [WINHTTP_FLAGS] },
  ],
  foreign: [],
};

/**
 * WinINet `SecureProtocols` (Internet Settings, HKLM/HKCU and the policy twins): the same bits as WinHTTP,
 * as the inetres.admx policy "Turn off encryption support" lists them [INETRES]. TLS 1.3 = 0x2000 is written
 * by Microsoft's own Set-MsIdWindowsTlsSettings.ps1 [MSIDTOOLS]; docs/domain-facts.md 1.4 marks it unconfirmed by a
 * Windows document, so the source is named here as what it is.
 */
const WININET: LayoutDefinition = {
  layout: 'WinInet',
  describes: 'WinINet SecureProtocols',
  bits: [
    { protocol: 'Ssl2', bit: 0x8, sources: [INETRES] },
    { protocol: 'Ssl3', bit: 0x20, sources: [INETRES] },
    { protocol: 'Tls10', bit: 0x80, sources: [INETRES] },
    { protocol: 'Tls11', bit: 0x200, sources: [INETRES] },
    { protocol: 'Tls12', bit: 0x800, sources: [INETRES] },
    { protocol: 'Tls13', bit: 0x2000, sources: [MSIDTOOLS] },
  ],
  foreign: [],
};

/** SCHANNEL_CRED grbitEnabledProtocols / SecPkgContext_ConnectionInfo dwProtocol, client bits (SP_PROT_*_CLIENT). docs/domain-facts.md 1.3. */
const SCHANNEL_CLIENT: LayoutDefinition = {
  layout: 'SChannelClient',
  describes: "SChannel client bits, SP_PROT_*_CLIENT",
  bits: [
    { protocol: 'Ssl2', bit: 0x8, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Ssl3', bit: 0x20, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls10', bit: 0x80, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls11', bit: 0x200, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls12', bit: 0x800, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls13', bit: 0x2000, sources: [SCHCRED, SCHANNEL_H] },
  ],
  foreign: [
    { bit: 0x2, name: 'SP_PROT_PCT1_CLIENT', sources: [SCHCRED, SCHANNEL_H] },
    { bit: 0x20000, name: 'SP_PROT_DTLS1_0_CLIENT', sources: [SCHCRED] },
    { bit: 0x80000, name: 'SP_PROT_DTLS1_2_CLIENT', sources: [SCHCRED] },
  ],
};

/** The same structures' server bits (SP_PROT_*_SERVER). docs/domain-facts.md 1.3. */
const SCHANNEL_SERVER: LayoutDefinition = {
  layout: 'SChannelServer',
  describes: "SChannel server bits, SP_PROT_*_SERVER",
  bits: [
    { protocol: 'Ssl2', bit: 0x4, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Ssl3', bit: 0x10, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls10', bit: 0x40, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls11', bit: 0x100, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls12', bit: 0x400, sources: [SCHCRED, SCHANNEL_H] },
    { protocol: 'Tls13', bit: 0x1000, sources: [SCHCRED, SCHANNEL_H] },
  ],
  foreign: [
    { bit: 0x1, name: 'SP_PROT_PCT1_SERVER', sources: [SCHCRED, SCHANNEL_H] },
    { bit: 0x10000, name: 'SP_PROT_DTLS1_0_SERVER', sources: [SCHCRED] },
    { bit: 0x40000, name: 'SP_PROT_DTLS1_2_SERVER', sources: [SCHCRED] },
  ],
};

const DEFINITIONS: ReadonlyMap<Layout, LayoutDefinition> = new Map(
  [WINHTTP, WININET, SCHANNEL_CLIENT, SCHANNEL_SERVER].map((d) => [d.layout, d]),
);

export function layoutDefinition(layout: Layout): LayoutDefinition {
  const d = DEFINITIONS.get(layout);
  if (d === undefined) throw new Error(`no definition for layout ${layout}`);
  return d;
}

const LAYOUT_BY_LOWER = new Map<string, Layout>(LAYOUTS.map((l) => [l.toLowerCase(), l]));

export function layoutFromName(name: string): Layout | undefined {
  return LAYOUT_BY_LOWER.get(name.toLowerCase());
}

/**
 * A layout's bit for each protocol (`protocolBits('WinHttp').Tls12` is 0x800): the one table the rules, the
 * planner and the log parsers read protocol bits from. Every layout defines a bit for every protocol.
 */
export function protocolBits(layout: Layout): Readonly<Record<Protocol, number>> {
  const out: Partial<Record<Protocol, number>> = {};
  for (const b of layoutDefinition(layout).bits) out[b.protocol] ??= b.bit;
  const missing = PROTOCOLS.filter((p) => out[p] === undefined);
  if (missing.length > 0) throw new Error(`layout ${layout} defines no bit for ${missing.join(', ')}`);
  return out as Record<Protocol, number>;
}
