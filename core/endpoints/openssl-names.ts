import type { CurveName } from './types.js';

/**
 * IANA cipher-suite names (as Windows spells them) and curve names (as Windows spells them) in OpenSSL's words, for
 * the live suite and curve probes of Test-Tls365Connection (issue 16 item 1). Pure data and lookups: the bridge
 * (bridge/probe.ts) offers what these return.
 *
 * - TLS 1.3 suites keep their IANA names in OpenSSL (they are set as TLS 1.3 `ciphersuites`).
 * - TLS 1.2 suites have OpenSSL names of their own (the `ciphers` list); `openssl ciphers -stdname` prints both, and
 *   tests/core/endpoints/openssl-names.test.ts holds this table to it.
 * - A name Windows gives with a curve suffix (`TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256`, before Windows 10) is the
 *   suite without the suffix, offered with that curve only.
 * - A suite OpenSSL has no equivalent for (single DES, export grade), or one it cannot offer without a secret this
 *   probe does not have (PSK), is `untestable` with the reason, never a guess.
 */

/** TLS 1.3 suites OpenSSL knows (RFC 8446 section B.4). */
export const TLS13_SUITES: readonly string[] = [
  'TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_CCM_SHA256', 'TLS_AES_128_CCM_8_SHA256',
];

/** TLS 1.2 (and earlier) suites: IANA name -> OpenSSL name. */
export const OPENSSL_TLS12: Readonly<Record<string, string>> = {
  // ECDHE with an RSA certificate
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384: 'ECDHE-RSA-AES256-SHA384',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: 'ECDHE-RSA-AES128-SHA256',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA: 'ECDHE-RSA-DES-CBC3-SHA',
  TLS_ECDHE_RSA_WITH_RC4_128_SHA: 'ECDHE-RSA-RC4-SHA',
  // ECDHE with an ECDSA certificate
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384: 'ECDHE-ECDSA-AES256-SHA384',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: 'ECDHE-ECDSA-AES128-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA: 'ECDHE-ECDSA-DES-CBC3-SHA',
  // finite-field DHE
  TLS_DHE_RSA_WITH_AES_256_GCM_SHA384: 'DHE-RSA-AES256-GCM-SHA384',
  TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: 'DHE-RSA-AES128-GCM-SHA256',
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA256: 'DHE-RSA-AES256-SHA256',
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: 'DHE-RSA-AES128-SHA256',
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA: 'DHE-RSA-AES256-SHA',
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA: 'DHE-RSA-AES128-SHA',
  TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'DHE-RSA-CHACHA20-POLY1305',
  TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA: 'DHE-RSA-DES-CBC3-SHA',
  TLS_DHE_DSS_WITH_AES_256_GCM_SHA384: 'DHE-DSS-AES256-GCM-SHA384',
  TLS_DHE_DSS_WITH_AES_128_GCM_SHA256: 'DHE-DSS-AES128-GCM-SHA256',
  TLS_DHE_DSS_WITH_AES_256_CBC_SHA256: 'DHE-DSS-AES256-SHA256',
  TLS_DHE_DSS_WITH_AES_128_CBC_SHA256: 'DHE-DSS-AES128-SHA256',
  TLS_DHE_DSS_WITH_AES_256_CBC_SHA: 'DHE-DSS-AES256-SHA',
  TLS_DHE_DSS_WITH_AES_128_CBC_SHA: 'DHE-DSS-AES128-SHA',
  TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA: 'DHE-DSS-DES-CBC3-SHA',
  // RSA key exchange
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_CBC_SHA256: 'AES256-SHA256',
  TLS_RSA_WITH_AES_128_CBC_SHA256: 'AES128-SHA256',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: 'DES-CBC3-SHA',
  TLS_RSA_WITH_RC4_128_SHA: 'RC4-SHA',
  TLS_RSA_WITH_RC4_128_MD5: 'RC4-MD5',
  TLS_RSA_WITH_NULL_SHA256: 'NULL-SHA256',
  TLS_RSA_WITH_NULL_SHA: 'NULL-SHA',
  TLS_RSA_WITH_NULL_MD5: 'NULL-MD5',
};

/** Curve names as Windows spells them -> the OpenSSL group name a client offers (`ecdhCurve`). */
export const OPENSSL_CURVE: Readonly<Record<CurveName, string>> = {
  curve25519: 'X25519',
  NistP256: 'prime256v1',
  NistP384: 'secp384r1',
  NistP521: 'secp521r1',
};

/** The curves, in the order Windows lists them by default (Windows 10 and later). */
export const CURVE_NAMES: readonly CurveName[] = ['curve25519', 'NistP256', 'NistP384', 'NistP521'];

const SUFFIX_CURVE: Readonly<Record<string, CurveName>> = { P256: 'NistP256', P384: 'NistP384', P521: 'NistP521' };

/** What a suite name means to an OpenSSL client: how to offer it, or why it cannot be offered. */
export type OpensslSuite =
  | { readonly testable: true; readonly iana: string; readonly protocol: 'Tls12' | 'Tls13'; readonly openssl: string; readonly curve: CurveName | null }
  | { readonly testable: false; readonly iana: string; readonly reason: string };

/**
 * How to offer `name` (an IANA name as Windows spells it, upper case, a `_P256`/`_P384`/`_P521` suffix allowed on
 * an ECDHE suite): its protocol (TLS 1.3 suites: Tls13, every other one: Tls12), its OpenSSL name and the curve its
 * suffix binds; or why it cannot be offered.
 */
export function opensslSuite(name: string): OpensslSuite {
  if (TLS13_SUITES.includes(name)) return { testable: true, iana: name, protocol: 'Tls13', openssl: name, curve: null };
  const direct = OPENSSL_TLS12[name];
  if (direct !== undefined) return { testable: true, iana: name, protocol: 'Tls12', openssl: direct, curve: null };
  const suffixed = /^(TLS_ECDHE_[A-Z0-9_]+)_(P256|P384|P521)$/.exec(name);
  if (suffixed !== null) {
    const base = OPENSSL_TLS12[suffixed[1] as string];
    const curve = SUFFIX_CURVE[suffixed[2] as string] as CurveName;
    if (base !== undefined) return { testable: true, iana: suffixed[1] as string, protocol: 'Tls12', openssl: base, curve };
  }
  const reason = /_PSK_/.test(name) ? `${name} is a pre-shared-key (PSK) suite: it needs a key shared with the server, which this probe does not have`
    : /EXPORT|_DES_CBC_|_DES40_|_RC2_|_IDEA_/.test(name) ? `${name} (single DES, RC2, IDEA or export grade) is not in OpenSSL any more: no client here can offer it`
      : `${name} has no OpenSSL equivalent known to TLS365 (core/endpoints/openssl-names.ts): it cannot be offered by this probe`;
  return { testable: false, iana: name, reason };
}

/** Whether `name` is a TLS 1.3 suite (it is offered over TLS 1.3, every other name over TLS 1.2). */
export const isTls13Suite = (name: string): boolean => TLS13_SUITES.includes(name);

/**
 * The Windows name of the curve OpenSSL reports for a connection (`getEphemeralKeyInfo().name`): prime256v1 ->
 * NistP256 and so on; a group Windows has no name for here (X448, a hybrid post-quantum group) is returned as
 * OpenSSL names it; null for no name (a finite-field DHE or RSA key exchange).
 */
export function curveFromOpenssl(name: string | undefined | null): string | null {
  if (name === undefined || name === null || name === '') return null;
  const alias: Readonly<Record<string, CurveName>> = { 'P-256': 'NistP256', 'P-384': 'NistP384', 'P-521': 'NistP521', secp256r1: 'NistP256', x25519: 'curve25519' };
  for (const [curve, openssl] of Object.entries(OPENSSL_CURVE)) if (openssl === name) return curve;
  return alias[name] ?? name;
}

/** A curve name as Windows spells it (curve25519, NistP256, NistP384, NistP521), compared exactly; null otherwise. */
export function curveName(name: string): CurveName | null {
  return (CURVE_NAMES as readonly string[]).includes(name) ? name as CurveName : null;
}
