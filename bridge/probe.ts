import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type SecureVersion } from 'node:tls';
import { PROTOCOLS, protocolFromName, protocolLabel, type Protocol } from '../core/index.js';
import type { Handler, Outcome } from './dispatch.js';
import { invalid, isRecord, itemsOf } from './params.js';

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

export function probeOnce(host: string, port: number, protocol: Protocol, timeoutMs: number): Promise<ProbeResult> {
  const version = VERSION[protocol];
  if (version === undefined) {
    return Promise.resolve({ status: 'NotTestable', protocol, detail: `${protocol} cannot be offered by Node's OpenSSL; test it with a client that still has it` });
  }
  return new Promise((resolve) => {
    let settled = false;
    const options: ConnectionOptions = {
      host,
      port,
      minVersion: version,
      maxVersion: version,
      rejectUnauthorized: false,
      ciphers: 'DEFAULT:@SECLEVEL=0',
      ...(isIP(host) === 0 ? { servername: host } : {}),
    };
    const socket = connect(options);
    const done = (r: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ status: 'TimedOut', protocol, detail: `no handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.once('secureConnect', () => {
      const cipher = socket.getCipher();
      done({ status: 'Accepted', protocol, negotiated: socket.getProtocol() ?? version, cipher: cipher.standardName || cipher.name });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(classifyFailure(protocol, port, e)));
    socket.once('close', () => done(classifyFailure(protocol, port, { code: 'ECONNRESET', message: 'closed' })));
  });
}

interface ProbeItem { host: string; port: number; protocol: Protocol; timeoutMs: number }

/**
 * tls.probe {items: [{host, port?, protocol, timeoutSeconds?}]} -> {results: [{ok: true, host, port, ...ProbeResult}
 * | {ok: false, host, port, protocol, error: {code, message}}]}, in item order, probed at most 16 at a time; each
 * result is also sent as an `item` notification {index, result} the moment it is known. A host that cannot be a
 * name fails its own item only; malformed ports, protocols and timeouts refuse the request.
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
    work.push({ host, port, protocol, timeoutMs: Math.round(seconds * 1000) });
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
        : { ok: true, host: w.host, port: w.port, ...(await probeOnce(w.host, w.port, w.protocol, w.timeoutMs)) };
      // Each answer as it is known: the client shows it at once, keeps it if the call fails later, and
      // counts it as progress (its timeout measures the time without one, see Send-Tls365BridgeRequest).
      notify('item', { index: i, result: results[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, work.length) }, worker));
  // A client that asked for the stream has every answer already (params.ts, streamItems).
  return { ok: true, result: isRecord(params) && params['stream'] === true ? { streamed: results.length } : { results } };
};

