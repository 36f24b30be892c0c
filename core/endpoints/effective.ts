import type { MachineFacts } from '../readiness/facts.js';
import { CIPHER_LOCAL_KEY, CIPHER_POLICY_KEY, SCHANNEL_KEY } from '../readiness/paths.js';
import { readDword } from '../readiness/registry.js';
import { osSuitesFor } from './os-suites.js';
import type { CurveName, OsSuite, OsSuiteDefaults, TlsVersion } from './types.js';

/**
 * The machine side of issue 16 item 1: the TLS 1.2/1.3 client cipher suites and curves Schannel will offer, in
 * order, and where each list comes from (docs/endpoint-facts.md):
 * - suites: the Group Policy "SSL Cipher Suite Order" (`...\Policies\...\SSL\00010002` Functions, REG_SZ,
 *   comma-separated) wins over the local list (`...\Control\Cryptography\Configuration\Local\SSL\00010002`
 *   Functions, REG_MULTI_SZ), which wins over the OS build's default list [HC-CIPHER]; a configured name the OS does
 *   not support is ignored (Windows has no suite by that name), and so is, before Windows 10, an ECDHE name without
 *   the `_P256`/`_P384` suffix that binds its curve (Microsoft's per-version pages spell them so);
 * - curves: on Windows 10 / Server 2016 and later the Group Policy "ECC Curve Order" (`EccCurves`, REG_MULTI_SZ)
 *   wins over the local `EccCurves` (written by Enable-/Disable-TlsEccCurve), which wins over the OS default
 *   order; "the elliptic curve priority order ... overrides the suffix" there, so a `_P256` name is its plain suite
 *   [CURVES-1607]. Before Windows 10 the suffix is the curve: an ECDHE suite offers exactly that one curve;
 * - the `SCHANNEL\KeyExchangeAlgorithms` (`ECDH`, `Diffie-Hellman`, `PKCS`) and `SCHANNEL\Ciphers` (`AES 128/128`,
 *   `AES 256/256`) keys with `Enabled` = 0 remove every suite that needs them [TLSREG-2019], whatever the list says;
 * - a suite that Microsoft's page says an update added counts unless the input shows the update is not there (a
 *   hotfix list or CBS packages without it); with no update input it is trusted, as every other KB rule does.
 * Pure: reads MachineFacts, returns data.
 */

export type ListOrigin = 'policy' | 'local' | 'default';

export interface MachineSuite {
  /** As the list spells it. */
  readonly name: string;
  /** Upper case, curve suffix removed: the IANA-style name endpoints are described with. */
  readonly base: string;
  readonly protocols: readonly TlsVersion[];
  /** Key exchange: ECDHE, DHE, RSA, or TLS13 (TLS 1.3 suites, whose key exchange is negotiated separately). */
  readonly kx: 'ECDHE' | 'DHE' | 'RSA' | 'TLS13' | 'OTHER';
  /** Before Windows 10: the curve the suffix binds; null otherwise. */
  readonly boundCurve: CurveName | null;
}

export interface EffectiveCrypto {
  readonly os: OsSuiteDefaults;
  readonly suites: {
    readonly origin: ListOrigin;
    /** The registry key of a configured list; null for the OS default. */
    readonly key: string | null;
    /** Usable suites, in the order Schannel offers them. */
    readonly list: readonly MachineSuite[];
    /** Configured names the OS does not support (or, before Windows 10, ECDHE names without their curve suffix). */
    readonly ignored: readonly string[];
    /** Suites in the list that a SCHANNEL key removes, with the key ("...\KeyExchangeAlgorithms\Diffie-Hellman Enabled = 0"). */
    readonly removed: readonly { readonly name: string; readonly by: string }[];
    /** Suites in the list whose update (the page names it) is not detected on this machine: left out, with the KB. */
    readonly needUpdate: readonly { readonly name: string; readonly kb: string }[];
  };
  readonly curves: {
    /** 'suffix': before Windows 10, where each ECDHE suite name carries its curve. */
    readonly origin: ListOrigin | 'suffix';
    readonly key: string | null;
    readonly list: readonly CurveName[];
    /** Configured names TLS365 does not know as TLS curves Microsoft endpoints could use (brainpool..., secP...). */
    readonly other: readonly string[];
  };
}

export type EffectiveRead = { readonly kind: 'ok'; readonly value: EffectiveCrypto } | { readonly kind: 'unknown'; readonly reason: string };

const SUFFIX = /_P(256|384|521)$/i;
const CURVE_OF_SUFFIX: Readonly<Record<string, CurveName>> = { '256': 'NistP256', '384': 'NistP384', '521': 'NistP521' };
const CURVES: readonly CurveName[] = ['curve25519', 'NistP256', 'NistP384', 'NistP521'];
/** First Windows 10 build: the ECC curve order setting and suffix-free names [CURVES-1607]. */
export const CURVE_ORDER_FROM_BUILD = 10240;

export const baseName = (name: string): string => name.trim().toUpperCase().replace(SUFFIX, '');

export function keyExchange(base: string): MachineSuite['kx'] {
  if (/^TLS_AES_|^TLS_CHACHA20_/.test(base)) return 'TLS13';
  if (base.startsWith('TLS_ECDHE_')) return 'ECDHE';
  if (base.startsWith('TLS_DHE_')) return 'DHE';
  if (base.startsWith('TLS_RSA_')) return 'RSA';
  return 'OTHER';
}

/** A configured list value: REG_SZ/REG_EXPAND_SZ or REG_MULTI_SZ (optionally split on commas), trimmed; null when absent, empty or another type. */
export function configuredList(m: MachineFacts, key: string, name: string, splitCommas: boolean): readonly string[] | null {
  const v = m.reg.value(key, name);
  if (v === undefined) return null;
  let parts: readonly string[];
  if (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') parts = [v.data];
  else if (v.type === 'REG_MULTI_SZ') parts = v.data;
  else return null;
  const items = parts.flatMap((p) => (splitCommas ? p.split(',') : [p])).map((s) => s.trim()).filter((s) => s !== '');
  return items.length === 0 ? null : items;
}

/** Disabled by a SCHANNEL key: `Enabled` present and 0 (any other value leaves it to the list). */
function schannelOff(m: MachineFacts, sub: string): string | null {
  const key = `${SCHANNEL_KEY}\\${sub}`;
  const r = readDword(m.reg, key, 'Enabled');
  return r.kind === 'dword' && r.value === 0 ? `${key} Enabled = 0` : null;
}

export function removedBy(m: MachineFacts, base: string, kx: MachineSuite['kx']): string | null {
  if (kx === 'ECDHE') { const w = schannelOff(m, 'KeyExchangeAlgorithms\\ECDH'); if (w !== null) return w; }
  if (kx === 'DHE') { const w = schannelOff(m, 'KeyExchangeAlgorithms\\Diffie-Hellman'); if (w !== null) return w; }
  if (kx === 'RSA') { const w = schannelOff(m, 'KeyExchangeAlgorithms\\PKCS'); if (w !== null) return w; }
  if (/_AES_128_/.test(base)) { const w = schannelOff(m, 'Ciphers\\AES 128/128'); if (w !== null) return w; }
  if (/_AES_256_/.test(base)) { const w = schannelOff(m, 'Ciphers\\AES 256/256'); if (w !== null) return w; }
  return null;
}

export function toMachineSuite(s: OsSuite, modern: boolean): MachineSuite {
  const base = baseName(s.name);
  const kx = keyExchange(base);
  const suffix = SUFFIX.exec(s.name.trim());
  const bound = !modern && suffix !== null ? CURVE_OF_SUFFIX[suffix[1] ?? ''] ?? null : null;
  return { name: s.name, base, protocols: s.protocols, kx, boundCurve: bound };
}

/** The OS suite a configured name selects: exact spelling (case-insensitive); on Windows 10+ the suffix does not matter. */
function lookup(os: OsSuiteDefaults, name: string, modern: boolean): OsSuite | null {
  const upper = name.trim().toUpperCase();
  const exact = os.suites.find((s) => s.name.toUpperCase() === upper);
  if (exact !== undefined) return exact;
  if (!modern) return null;
  const base = baseName(name);
  return os.suites.find((s) => baseName(s.name) === base) ?? null;
}

/** One reading per machine: the endpoint rules, the settings groups and the origins all ask (facts are immutable). */
const READ = new WeakMap<MachineFacts, EffectiveRead>();

export function effectiveCrypto(m: MachineFacts): EffectiveRead {
  const hit = READ.get(m);
  if (hit !== undefined) return hit;
  const read = readEffective(m);
  READ.set(m, read);
  return read;
}

function readEffective(m: MachineFacts): EffectiveRead {
  if (m.os === null) return { kind: 'unknown', reason: 'the OS build is unknown, so its default cipher suites are too' };
  if (!m.coverage.schannel) return { kind: 'unknown', reason: `the input has no SCHANNEL key (${SCHANNEL_KEY}), so the suites in effect are unknown` };
  const os = osSuitesFor(m.os.build);
  if (os === null) return { kind: 'unknown', reason: `TLS365 has no cipher-suite list for build ${m.os.build}` };
  const modern = m.os.build >= CURVE_ORDER_FROM_BUILD;

  const policy = configuredList(m, CIPHER_POLICY_KEY, 'Functions', true);
  const local = policy === null ? configuredList(m, CIPHER_LOCAL_KEY, 'Functions', true) : null;
  const origin: ListOrigin = policy !== null ? 'policy' : local !== null ? 'local' : 'default';
  const configured = policy ?? local;

  const chosen: OsSuite[] = [];
  const ignored: string[] = [];
  if (configured === null) chosen.push(...os.suites.filter((s) => s.enabledByDefault));
  else {
    for (const name of configured) {
      const hit = lookup(os, name, modern);
      if (hit === null) ignored.push(name);
      else if (!chosen.includes(hit)) chosen.push(hit);
    }
  }
  const list: MachineSuite[] = [];
  const removed: { name: string; by: string }[] = [];
  const needUpdate: { name: string; kb: string }[] = [];
  for (const s of chosen) {
    if (s.requiresUpdate !== undefined && m.updates.state(s.requiresUpdate).kind === 'not-detected') { needUpdate.push({ name: s.name, kb: s.requiresUpdate }); continue; }
    const ms = toMachineSuite(s, modern);
    const by = removedBy(m, ms.base, ms.kx);
    if (by === null) list.push(ms);
    else removed.push({ name: s.name, by });
  }

  let curves: EffectiveCrypto['curves'];
  if (!modern) {
    const bound: CurveName[] = [];
    for (const s of list) if (s.boundCurve !== null && !bound.includes(s.boundCurve)) bound.push(s.boundCurve);
    curves = { origin: 'suffix', key: null, list: bound, other: [] };
  } else {
    const pc = configuredList(m, CIPHER_POLICY_KEY, 'EccCurves', false);
    const lc = pc === null ? configuredList(m, CIPHER_LOCAL_KEY, 'EccCurves', false) : null;
    const names = pc ?? lc;
    if (names === null) curves = { origin: 'default', key: null, list: os.curves, other: [] };
    else {
      const known: CurveName[] = [];
      const other: string[] = [];
      for (const n of names) {
        const c = CURVES.find((k) => k.toLowerCase() === n.toLowerCase());
        if (c === undefined) other.push(n);
        else if (!known.includes(c)) known.push(c);
      }
      curves = { origin: pc !== null ? 'policy' : 'local', key: pc !== null ? CIPHER_POLICY_KEY : CIPHER_LOCAL_KEY, list: known, other };
    }
  }

  return {
    kind: 'ok',
    value: {
      os,
      suites: { origin, key: origin === 'policy' ? CIPHER_POLICY_KEY : origin === 'local' ? CIPHER_LOCAL_KEY : null, list, ignored, removed, needUpdate },
      curves,
    },
  };
}

/** "policy list", "local list", "OS default", for messages. */
export const originText = (o: ListOrigin | 'suffix'): string => (o === 'policy' ? 'Group Policy list' : o === 'local' ? 'local list' : o === 'default' ? 'OS default' : 'curve suffixes of the suite names');
