import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type SecureVersion } from 'node:tls';
import { PROTOCOLS, protocolFromName, protocolLabel, type Protocol } from '../core/index.js';
import { dayValue, todayUtc } from '../core/endpoints/dates.js';
import { CURVE_NAMES, OPENSSL_CURVE, curveFromOpenssl, curveName, opensslSuite } from '../core/endpoints/openssl-names.js';
import { matchesProfile, planSuiteProbes, type Expectation } from '../core/endpoints/probe-plan.js';
import { PROFILES, profileById } from '../core/endpoints/profiles.js';
import type { CurveName } from '../core/endpoints/types.js';
import type { Handler, Outcome } from './dispatch.js';
import { invalid, isRecord, itemsOf, type Checked } from './params.js';

/**
 * Handshake probes for Test-Tls365Connection: one TLS handshake per (host, port, protocol), pinned to exactly
 * that version, reporting whether the server accepted it and the negotiated cipher.
 *
 * This is an I/O edge of the bridge (it opens connections to the hosts and ports it is asked about, nothing
 * else; it executes nothing). It uses Node's OpenSSL, not SChannel: it answers "which versions does the
 * server accept", which does not depend on the client stack. Legacy versions are offered at OpenSSL security
 * level 0 so that a server still accepting TLS 1.0/1.1 is found (that is the point of the probe); the
 * certificate is not verified (the question is the protocol, not trust). SSL 2.0/3.0 cannot be offered by
 * this OpenSSL build: they are reported as NotTestable, never as refused.
 */
export const MAX_PROBES = 1000;
const CONCURRENCY = 16;

const VERSION: Partial<Record<Protocol, SecureVersion>> = { Tls10: 'TLSv1', Tls11: 'TLSv1.1', Tls12: 'TLSv1.2', Tls13: 'TLSv1.3' };

export type ProbeResult =
  | { readonly status: 'Accepted'; readonly protocol: Protocol; readonly negotiated: string; readonly cipher: string }
  | { readonly status: 'Refused'; readonly protocol: Protocol; readonly detail: string }
  | { readonly status: 'NotTls' | 'Unreachable' | 'TimedOut' | 'NotTestable'; readonly protocol: Protocol; readonly detail: string };

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** OpenSSL's errors for a first answer that is not a TLS record: HTTP, SMTP before STARTTLS, anything else. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_RECORD_LAYER_FAILURE', 'ERR_SSL_HTTP_REQUEST', 'ERR_SSL_HTTPS_PROXY_REQUEST']);

/** TLS alert descriptions (RFC 8446 section 6, RFC 5246 section 7.2) a refusing server sends. */
const ALERTS: Readonly<Record<number, string>> = {
  10: 'unexpected_message', 20: 'bad_record_mac', 40: 'handshake_failure', 42: 'bad_certificate', 47: 'illegal_parameter',
  50: 'decode_error', 51: 'decrypt_error', 70: 'protocol_version', 71: 'insufficient_security', 80: 'internal_error',
  86: 'inappropriate_fallback', 90: 'user_canceled', 109: 'missing_extension', 110: 'unsupported_extension',
  112: 'unrecognized_name', 120: 'no_application_protocol',
};

/** The reason part of an OpenSSL error line (`...:SSL routines:func:reason:file:line:`), or the message. */
function opensslReason(message: string): string {
  const m = /:SSL routines:[^:]*:([^:]+):/.exec(message);
  return (m?.[1] ?? message).trim().slice(0, 200);
}

/**
 * What a failed handshake means, in words an admin can act on: a TLS alert (the server refused this version
 * or found nothing in common), a connection closed without one (how SChannel refuses a disabled version), or
 * an answer that is not TLS at all (an HTTP or SMTP port). OpenSSL's own words follow in parentheses.
 */
export function classifyFailure(protocol: Protocol, port: number, e: { readonly code?: string | undefined; readonly message: string }): ProbeResult {
  const code = e.code ?? '';
  const name = protocolLabel(protocol);
  if (UNREACHABLE.has(code)) return { status: 'Unreachable', protocol, detail: `${code}: ${e.message}` };
  if (NOT_TLS.has(code)) {
    return {
      status: 'NotTls', protocol,
      detail: `the service on port ${port} answered, but not with TLS (plain HTTP, SMTP before STARTTLS or another protocol): probe the port of the TLS service (${opensslReason(e.message)})`,
    };
  }
  const alert = /alert number (\d+)/i.exec(e.message);
  if (alert !== null || /ALERT/.test(code)) {
    const n = alert === null ? NaN : Number(alert[1]);
    const what = ALERTS[n] ?? opensslReason(e.message);
    const why = n === 70 ? `the server does not accept ${name}`
      : n === 40 ? `the server refused the ${name} handshake: ${name} is disabled there, or it has no cipher suite in common with this probe at ${name}`
        : `the server ended the ${name} handshake with an alert`;
    return { status: 'Refused', protocol, detail: `${why} (TLS alert ${Number.isNaN(n) ? '?' : n}, ${what})` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { status: 'Refused', protocol, detail: `the server closed the connection on the ${name} hello without a TLS alert (how Windows SChannel refuses a disabled version; a service that is not TLS may do the same)` };
  }
  return { status: 'Refused', protocol, detail: `the ${name} handshake failed (${code === '' ? '' : `${code}: `}${opensslReason(e.message)})` };
}

/** What a handshake offers beyond its version: OpenSSL's cipher list (TLS 1.2) or TLS 1.3 suites, and groups. */
interface Tuning { readonly ciphers: string; readonly ecdhCurve?: string; /** What is offered, in words, for a NotTestable answer. */ readonly what?: string }

/** One handshake pinned to `version`; `withCurve` adds the negotiated curve (Windows's name) to an accepted answer. */
function handshake(host: string, port: number, protocol: Protocol, version: SecureVersion, timeoutMs: number, tuning: Tuning,
  refusal: (e: { readonly code?: string | undefined; readonly message: string }) => ProbeResult, withCurve: boolean): Promise<ProbeResult & { negotiatedCurve?: string | null }> {
  return new Promise((resolve) => {
    let settled = false;
    const options: ConnectionOptions = {
      host,
      port,
      minVersion: version,
      maxVersion: version,
      rejectUnauthorized: false,
      ciphers: tuning.ciphers,
      ...(tuning.ecdhCurve === undefined ? {} : { ecdhCurve: tuning.ecdhCurve }),
      ...(isIP(host) === 0 ? { servername: host } : {}),
    };
    let socket: ReturnType<typeof connect>;
    try {
      socket = connect(options);
    } catch (e) {
      // OpenSSL here cannot offer what was asked (a suite left out of this build: RC4, 3DES; a group it lacks).
      const err = e as NodeJS.ErrnoException;
      resolve({ status: 'NotTestable', protocol, detail: `Node's OpenSSL ${process.versions.openssl} cannot offer ${tuning.what ?? 'this'} (${err.code ?? 'error'}: ${opensslReason(err.message)}): test it with a client that still has it` });
      return;
    }
    const done = (r: ProbeResult & { negotiatedCurve?: string | null }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ status: 'TimedOut', protocol, detail: `no handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher();
      const accepted = { status: 'Accepted' as const, protocol, negotiated: socket.getProtocol() ?? version, cipher: cipher.standardName || cipher.name };
      if (!withCurve) { done(accepted); return; }
      const key = socket.getEphemeralKeyInfo();
      done({ ...accepted, negotiatedCurve: curveFromOpenssl(typeof key === 'object' && key !== null && 'name' in key ? (key as { name?: string }).name : null) });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(refusal(e)));
    socket.once('close', () => done(refusal({ code: 'ECONNRESET', message: 'closed' })));
  });
}

export function probeOnce(host: string, port: number, protocol: Protocol, timeoutMs: number): Promise<ProbeResult> {
  const version = VERSION[protocol];
  if (version === undefined) {
    return Promise.resolve({ status: 'NotTestable', protocol, detail: `${protocol} cannot be offered by Node's OpenSSL; test it with a client that still has it` });
  }
  return handshake(host, port, protocol, version, timeoutMs, { ciphers: 'DEFAULT:@SECLEVEL=0' }, (e) => classifyFailure(protocol, port, e), false);
}

/** A suite or curve probe's answer: a ProbeResult, the negotiated curve when accepted. */
export type SuiteProbeResult = ProbeResult & { readonly negotiatedCurve?: string | null };

/**
 * One handshake at `protocol` (Tls12 or Tls13) offering exactly `suites` (IANA names; TLS 1.3 suites as TLS 1.3
 * `ciphersuites`, the others by their OpenSSL names) and, when given, only `curve`. A suite this client cannot offer
 * (no OpenSSL equivalent, a PSK suite, one this OpenSSL build left out, a TLS 1.3 suite at TLS 1.2) is NotTestable,
 * naming it; with several suites such a suite is left out, and the probe is NotTestable only when none is left.
 * A refusal says what was refused: the suite, or the curve with the suites offered.
 */
export function probeSuites(host: string, port: number, protocol: 'Tls12' | 'Tls13', suites: readonly string[], curve: CurveName | null, timeoutMs: number): Promise<SuiteProbeResult> {
  const version = VERSION[protocol] as SecureVersion;
  const label = protocolLabel(protocol);
  const usable: string[] = [];
  const reasons: string[] = [];
  let suffixCurve: CurveName | null = null;
  for (const name of suites) {
    const s = opensslSuite(name);
    if (!s.testable) { reasons.push(s.reason); continue; }
    if (s.protocol !== protocol) {
      reasons.push(s.protocol === 'Tls13' ? `${name} is a TLS 1.3 suite: it is offered over TLS 1.3 only` : `${name} is not a TLS 1.3 suite: it is offered over TLS 1.2`);
      continue;
    }
    usable.push(s.openssl);
    if (suites.length === 1) suffixCurve = s.curve;
  }
  if (usable.length === 0) return Promise.resolve({ status: 'NotTestable', protocol, detail: reasons.join('; ') || 'no suite to offer' });
  const group = curve ?? suffixCurve;
  const tuning: Tuning = {
    // TLS 1.3 names (TLS_*) are TLS 1.3 ciphersuites to Node; SECLEVEL 0 lets a weak TLS 1.2 suite be offered at all.
    ciphers: protocol === 'Tls13' ? usable.join(':') : `${usable.join(':')}:@SECLEVEL=0`,
    ...(group === null ? {} : { ecdhCurve: OPENSSL_CURVE[group] }),
    what: `${suites.join(', ')} (${usable.join(':')})${group === null ? '' : ` with the curve ${group} (${OPENSSL_CURVE[group]})`}`,
  };
  const what = curve !== null ? `the curve ${curve} with ${suites.length === 1 ? suites[0] as string : `the ${usable.length} suites offered`}`
    : suites.length === 1 ? suites[0] as string : `any of the ${usable.length} suites offered`;
  const refusal = (e: { readonly code?: string | undefined; readonly message: string }): ProbeResult => {
    const alert = /alert number (\d+)/i.exec(e.message);
    const n = alert === null ? NaN : Number(alert[1]);
    if (n === 40 || n === 71) return { status: 'Refused', protocol, detail: `the server does not accept ${what} over ${label} (TLS alert ${n}, ${ALERTS[n]})` };
    return classifyFailure(protocol, port, e);
  };
  return handshake(host, port, protocol, version, timeoutMs, tuning, refusal, true);
}

/** At most this many suites in one probe's offer, and in one plan's extra suites. */
export const MAX_SUITES = 64;
const SUITE_NAME = /^[A-Z0-9_]{1,100}$/;

/** A list of IANA suite names: an array of 1 to MAX_SUITES names of A-Z, 0-9 and _ (at most 100 characters each). */
function suiteNamesOf(raw: unknown, path: string): Checked<readonly string[]> {
  if (!Array.isArray(raw)) return invalid(path, 'must be an array of cipher-suite names');
  if (raw.length === 0 || raw.length > MAX_SUITES) return invalid(path, `must have 1 to ${MAX_SUITES} entries (it has ${raw.length})`);
  for (let j = 0; j < raw.length; j += 1) {
    const name = raw[j];
    if (typeof name !== 'string' || !SUITE_NAME.test(name)) {
      return invalid(`${path}[${j}]`, 'must be an IANA cipher-suite name such as TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (A-Z, 0-9 and _ only, at most 100 characters)');
    }
  }
  return { ok: true, value: raw as string[] };
}

interface ProbeItem {
  host: string; port: number; protocol: Protocol; timeoutMs: number;
  /** Suite and curve probes only. */
  offer?: { suites: readonly string[]; curve: CurveName | null; expected: Expectation | null };
}

/** The optional suite/curve part of a probe item: suites, curve, expected; undefined when the item has none. */
function offerOf(item: Record<string, unknown>, path: string, protocol: Protocol): Checked<ProbeItem['offer']> {
  const hasSuites = item['suites'] !== undefined && item['suites'] !== null;
  const hasCurve = item['curve'] !== undefined && item['curve'] !== null;
  if (!hasSuites && !hasCurve && (item['expected'] === undefined || item['expected'] === null)) return { ok: true, value: undefined };
  if (protocol !== 'Tls12' && protocol !== 'Tls13') return invalid(`${path}.protocol`, 'must be Tls12 or Tls13 when suites or a curve are offered');
  let suites: readonly string[] = [];
  if (hasSuites) {
    const s = suiteNamesOf(item['suites'], `${path}.suites`);
    if (!s.ok) return s;
    suites = s.value;
  }
  let curve: CurveName | null = null;
  if (hasCurve) {
    curve = typeof item['curve'] === 'string' ? curveName(item['curve']) : null;
    if (curve === null) return invalid(`${path}.curve`, `must be one of ${CURVE_NAMES.join(', ')}`);
  }
  const expected = item['expected'] ?? null;
  if (expected !== null && expected !== 'Accepted' && expected !== 'Refused') return invalid(`${path}.expected`, 'must be Accepted, Refused or null');
  if (suites.length === 0) return invalid(`${path}.suites`, 'must name the suites to offer with the curve');
  return { ok: true, value: { suites, curve, expected } };
}

/** One item's answer: a protocol probe, or a suite/curve probe with what the profile expected and whether it matches. */
async function answerOf(w: ProbeItem): Promise<Record<string, unknown>> {
  if (w.offer === undefined) return { ok: true, host: w.host, port: w.port, ...(await probeOnce(w.host, w.port, w.protocol, w.timeoutMs)) };
  const r = await probeSuites(w.host, w.port, w.protocol as 'Tls12' | 'Tls13', w.offer.suites, w.offer.curve, w.timeoutMs);
  return {
    ok: true, host: w.host, port: w.port, suites: w.offer.suites, curve: w.offer.curve, ...r,
    ...(r.status === 'Accepted' ? { negotiatedCurve: r.negotiatedCurve ?? null } : {}),
    expected: w.offer.expected, matchesProfile: matchesProfile(r.status, w.offer.expected),
  };
}

/**
 * tls.probe {items: [{host, port?, protocol, timeoutSeconds?, suites?, curve?, expected?}]} -> {results: [{ok: true,
 * host, port, ...ProbeResult} | {ok: false, host, port, protocol, error: {code, message}}]}, in item order, probed
 * at most 16 at a time; each result is also sent as an `item` notification {index, result} the moment it is known.
 * An item with `suites` (IANA names, 1 to 64) and optionally `curve` (curve25519, NistP256, NistP384, NistP521) is a
 * suite or curve probe at Tls12 or Tls13 (probeSuites): its result adds suites, curve, negotiatedCurve (accepted),
 * expected (echoed: Accepted, Refused or null) and matchesProfile (null when nothing was expected or there was no
 * answer). A host that cannot be a name fails its own item only; malformed ports, protocols, timeouts, suite names,
 * curves and expectations refuse the request.
 */
export const tlsProbe: Handler = async (params, _session, notify): Promise<Outcome> => {
  const items = itemsOf(params, MAX_PROBES);
  if (!items.ok) return items;
  const work: ProbeItem[] = [];
  for (let i = 0; i < items.value.length; i += 1) {
    const item = items.value[i] as Record<string, unknown>;
    const path = `params.items[${i}]`;
    const host = item['host'];
    if (typeof host !== 'string') return invalid(`${path}.host`, 'must be a string');
    const port = item['port'] ?? 443;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return invalid(`${path}.port`, 'must be 1 to 65535');
    const protocol = typeof item['protocol'] === 'string' ? protocolFromName(item['protocol']) : undefined;
    if (protocol === undefined) return invalid(`${path}.protocol`, `must be one of ${PROTOCOLS.join(', ')}`);
    const seconds = item['timeoutSeconds'] ?? 5;
    if (typeof seconds !== 'number' || !(seconds > 0 && seconds <= 120)) return invalid(`${path}.timeoutSeconds`, 'must be more than 0 and at most 120');
    const offer = offerOf(item, path, protocol);
    if (!offer.ok) return offer;
    work.push({ host, port, protocol, timeoutMs: Math.round(seconds * 1000), ...(offer.value === undefined ? {} : { offer: offer.value }) });
  }
  // A name that cannot be a host is that item's answer, never its neighbours' (they come from the pipeline).
  const badHost = (h: string): string | null => (h.length === 0 ? 'is empty' : h.length > 255 ? 'is longer than 255 characters'
    : /[\s/\\]/.test(h) ? 'contains a space, a slash or a backslash' : null);
  const results: unknown[] = new Array(work.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      const i = next;
      next += 1;
      const w = work[i] as ProbeItem;
      const why = badHost(w.host);
      results[i] = why !== null
        ? { ok: false, host: w.host, port: w.port, protocol: w.protocol, error: { code: 'InvalidHost', message: `${JSON.stringify(w.host.slice(0, 80))} ${why}: not a host name or IP address, so it was not probed` } }
        : await answerOf(w);
      // Each answer as it is known: the client shows it at once, keeps it if the call fails later, and
      // counts it as progress (its timeout measures the time without one, see Send-Tls365BridgeRequest).
      notify('item', { index: i, result: results[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, work.length) }, worker));
  // A client that asked for the stream has every answer already (params.ts, streamItems).
  return { ok: true, result: isRecord(params) && params['stream'] === true ? { streamed: results.length } : { results } };
};

/**
 * tls.plan {endpoint?, asOf?, cipherSuites?} -> {endpoint: {id, name, hosts} | null, asOf, era, probes: SuiteProbe[]}:
 * the suite and curve probes Test-Tls365Connection makes per host (core/endpoints/probe-plan.ts), each with what the
 * endpoint profile's era in force on asOf (YYYY-MM-DD, default today UTC) expects. Without an endpoint, only the
 * cipherSuites (IANA names, 1 to 64), nothing expected. Pure: it opens no connection.
 */
export const tlsPlan: Handler = (params): Outcome => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const rawEndpoint = params['endpoint'] ?? null;
  let profile = null;
  if (rawEndpoint !== null) {
    profile = typeof rawEndpoint === 'string' ? profileById(rawEndpoint) : null;
    if (profile === null) return invalid('params.endpoint', `must be one of ${PROFILES.map((p) => p.id).join(', ')}`);
  }
  const asOf = params['asOf'] ?? todayUtc(new Date());
  if (typeof asOf !== 'string' || dayValue(asOf) === null) return invalid('params.asOf', 'must be a day written YYYY-MM-DD');
  let extra: readonly string[] = [];
  if (params['cipherSuites'] !== undefined && params['cipherSuites'] !== null) {
    const s = suiteNamesOf(params['cipherSuites'], 'params.cipherSuites');
    if (!s.ok) return s;
    extra = s.value;
  }
  if (profile === null && extra.length === 0) return invalid('params', 'needs an endpoint, cipherSuites or both');
  const plan = planSuiteProbes(profile, asOf, extra);
  return {
    ok: true,
    result: { endpoint: profile === null ? null : { id: profile.id, name: profile.name, hosts: profile.hosts }, asOf, era: plan.era, probes: plan.probes },
  };
};
