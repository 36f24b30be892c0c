import type { Sources } from '../model/source.js';
import { layoutDefinition, protocolBits } from '../protocols/layouts.js';
import { protocolLabel, type Protocol } from '../protocols/names.js';
import { ALG_ID, CONNINFO, EX_TLS, IIS_BLOG, IIS_VARS } from './sources.js';
import type { AlgId, LogProtocol, ProtocolCode } from './types.js';

/** Protocols whose use makes a client a finding (TLS365-DISC-001/003/004): docs/domain-facts.md 9.1 "legacy" class. */
export const LEGACY_PROTOCOLS: readonly Protocol[] = ['Ssl2', 'Ssl3', 'Tls10', 'Tls11'];

export function isLegacyProtocol(p: LogProtocol): boolean {
  return p === 'Ssl2' || p === 'Ssl3' || p === 'Tls10' || p === 'Tls11';
}

/** Sources of the crypt-protocol decoding: dwProtocol constants [CONNINFO], logged as bare hex [IIS-BLOG, IIS-VARS]. */
export const CRYPT_PROTOCOL_SOURCES: Sources = [CONNINFO, IIS_BLOG, IIS_VARS];

/**
 * `crypt-protocol` as IIS writes each vocabulary protocol: its SChannel server bit (docs/domain-facts.md 9.1) in
 * bare lower-case hex (`40` is TLS 1.0). The text the byte filter and the parser compare fields with.
 */
export const IIS_PROTOCOL_CODES: Readonly<Record<Protocol, string>> = (() => {
  const bits = protocolBits('SChannelServer');
  const out: Partial<Record<Protocol, string>> = {};
  for (const p of Object.keys(bits) as Protocol[]) out[p] = bits[p].toString(16);
  return out as Record<Protocol, string>;
})();

const HEX_VALUE = /^(?:0x)?([0-9a-f]{1,8})$/i;

/**
 * Decodes an IIS `crypt-protocol` value: bare lower-case hex as IIS writes it (`40`, `100`, `400`, `1000`),
 * also `0x400` and upper case (post-processed logs; docs/domain-facts.md 9.1). `40` is hex 0x40 = TLS 1.0, never decimal.
 * The value is a dwProtocol (docs/domain-facts.md 1.3): IIS is the server, so the `_SERVER` bits are expected, but the
 * decoding is by bit test over both columns so a client bit still resolves (docs/log-formats.md 1.5). A value with bits
 * of two protocols, a PCT/DTLS bit, an unknown bit, zero, or text that is not hex is `Unknown` with a label
 * naming it (`unknown (0xff)`), never dropped (docs/log-formats.md 5.16). Callers handle `-` (plain HTTP) first.
 */
export function decodeCryptProtocol(text: string): ProtocolCode {
  const cached = PROTOCOL_CACHE.get(text);
  if (cached !== undefined) return cached;
  const decoded = decodeCryptProtocolUncached(text);
  if (PROTOCOL_CACHE.size < 256) PROTOCOL_CACHE.set(text, decoded);
  return decoded;
}

const PROTOCOL_CACHE = new Map<string, ProtocolCode>();

const SERVER = layoutDefinition('SChannelServer');
const CLIENT = layoutDefinition('SChannelClient');
const PROTOCOL_BITS = [...SERVER.bits, ...CLIENT.bits];
const FOREIGN_BITS = [...SERVER.foreign, ...CLIENT.foreign];

function decodeCryptProtocolUncached(text: string): ProtocolCode {
  const m = HEX_VALUE.exec(text.trim());
  const digits = m?.[1];
  if (digits === undefined) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    return { protocol: 'Unknown', code: text, label: `unknown (${shown})`, legacy: false };
  }
  const value = parseInt(digits, 16) >>> 0;
  const code = `0x${value.toString(16)}`;
  let found: Protocol | undefined;
  let known = 0;
  let mixed = false;
  for (const b of PROTOCOL_BITS) {
    known |= b.bit;
    if ((value & b.bit) === 0) continue;
    if (found !== undefined && found !== b.protocol) mixed = true;
    found = b.protocol;
  }
  const unknownBits = (value & ~known) >>> 0;
  if (found !== undefined && !mixed && unknownBits === 0) {
    return { protocol: found, code, label: protocolLabel(found), legacy: isLegacyProtocol(found) };
  }
  const foreign = FOREIGN_BITS.find((f) => f.bit === value);
  const label = foreign === undefined ? `unknown (${code})` : `unknown (${code}, ${foreign.name})`;
  return { protocol: 'Unknown', code, label, legacy: false };
}

/**
 * Exchange SMTP protocol token (`TLS1_0` from `SP_PROT_TLS1_0_SERVER`) to the vocabulary; `TLS1` is the
 * schannel.h alias of TLS1_0 [EX-TLS; SCHANNEL-H]. PCT and DTLS stay `Unknown` with a readable label.
 */
export function smtpProtocol(token: string, logged: string): ProtocolCode {
  let p: Protocol | undefined;
  switch (token) {
    case 'SSL2': p = 'Ssl2'; break;
    case 'SSL3': p = 'Ssl3'; break;
    case 'TLS1': case 'TLS1_0': p = 'Tls10'; break;
    case 'TLS1_1': p = 'Tls11'; break;
    case 'TLS1_2': p = 'Tls12'; break;
    case 'TLS1_3': p = 'Tls13'; break;
    default: p = undefined;
  }
  if (p === undefined) return { protocol: 'Unknown', code: logged, label: `unknown (${logged})`, legacy: false };
  return { protocol: p, code: logged, label: protocolLabel(p), legacy: isLegacyProtocol(p) };
}

export const SMTP_PROTOCOL_SOURCES: Sources = [EX_TLS];

interface AlgDefinition {
  readonly hex: number;
  readonly constant: string;
  readonly label: string;
  readonly weak: boolean;
  /** Other spellings Exchange writes for the same algorithm (docs/log-formats.md 2.4: `CALG_ECDHE`). */
  readonly aliases?: readonly string[];
}

/**
 * ALG_ID values seen in IIS crypt-cipher/-hash/-keyexchange fields and Exchange TLS rows (docs/log-formats.md 1.5 and
 * 2.4; docs/domain-facts.md 9.1). Weak = the bulk ciphers docs/domain-facts.md 10.9 (DISC-005) and the ALG_ID table call weak.
 */
export const ALG_IDS: readonly AlgDefinition[] = [
  { hex: 0x6601, constant: 'CALG_DES', label: 'DES', weak: true },
  { hex: 0x6602, constant: 'CALG_RC2', label: 'RC2', weak: true },
  { hex: 0x6603, constant: 'CALG_3DES', label: '3DES', weak: true },
  { hex: 0x6609, constant: 'CALG_3DES_112', label: '3DES (two-key)', weak: true },
  { hex: 0x660e, constant: 'CALG_AES_128', label: 'AES-128', weak: false },
  { hex: 0x660f, constant: 'CALG_AES_192', label: 'AES-192', weak: false },
  { hex: 0x6610, constant: 'CALG_AES_256', label: 'AES-256', weak: false },
  { hex: 0x6611, constant: 'CALG_AES', label: 'AES', weak: false },
  { hex: 0x6801, constant: 'CALG_RC4', label: 'RC4', weak: true },
  { hex: 0x8003, constant: 'CALG_MD5', label: 'MD5', weak: false },
  { hex: 0x8004, constant: 'CALG_SHA1', label: 'SHA-1', weak: false, aliases: ['CALG_SHA'] },
  { hex: 0x800c, constant: 'CALG_SHA_256', label: 'SHA-256', weak: false },
  { hex: 0x800d, constant: 'CALG_SHA_384', label: 'SHA-384', weak: false },
  { hex: 0x800e, constant: 'CALG_SHA_512', label: 'SHA-512', weak: false },
  { hex: 0xa400, constant: 'CALG_RSA_KEYX', label: 'RSA key exchange', weak: false },
  { hex: 0xaa01, constant: 'CALG_DH_SF', label: 'DH', weak: false },
  { hex: 0xaa02, constant: 'CALG_DH_EPHEM', label: 'DHE', weak: false },
  { hex: 0xaa05, constant: 'CALG_ECDH', label: 'ECDH', weak: false },
  { hex: 0xae06, constant: 'CALG_ECDH_EPHEM', label: 'ECDHE', weak: false, aliases: ['CALG_ECDHE'] },
  { hex: 0x2203, constant: 'CALG_ECDSA', label: 'ECDSA', weak: false },
];

export const ALG_ID_SOURCES: Sources = [ALG_ID, IIS_BLOG];

const ALG_BY_HEX = new Map<number, AlgDefinition>(ALG_IDS.map((a) => [a.hex, a]));
const ALG_BY_CONSTANT = new Map<string, AlgDefinition>();
for (const a of ALG_IDS) {
  ALG_BY_CONSTANT.set(a.constant, a);
  for (const alias of a.aliases ?? []) ALG_BY_CONSTANT.set(alias, a);
}
const ALG_CACHE = new Map<string, AlgId>();

/** Decodes an IIS crypt-cipher/-hash/-keyexchange hex value (`6610`, `660e`, `0x660E`); unknown values keep their code. */
export function decodeAlgId(text: string): AlgId {
  const cached = ALG_CACHE.get(text);
  if (cached !== undefined) return cached;
  const m = HEX_VALUE.exec(text.trim());
  const digits = m?.[1];
  let decoded: AlgId;
  if (digits === undefined) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    decoded = { code: text, label: `unknown (${shown})`, weak: false };
  } else {
    const value = parseInt(digits, 16) >>> 0;
    const code = `0x${value.toString(16)}`;
    const def = ALG_BY_HEX.get(value);
    decoded = def === undefined
      ? { code, label: `unknown (${code})`, weak: false }
      : { code, constant: def.constant, label: def.label, weak: def.weak };
  }
  if (ALG_CACHE.size < 1024) ALG_CACHE.set(text, decoded);
  return decoded;
}

/** Decodes an Exchange algorithm name (`CALG_AES_256`, `CALG_ECDHE`) with its strength in bits; `code` keeps the name as logged. */
export function algIdFromConstant(name: string, bits: number | undefined): AlgId {
  const def = ALG_BY_CONSTANT.get(name.toUpperCase());
  const base: AlgId = def === undefined
    ? { code: name, label: `unknown (${name})`, weak: false }
    : { code: name, constant: def.constant, label: def.label, weak: def.weak };
  return bits === undefined ? base : { ...base, bits };
}
