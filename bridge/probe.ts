import { isIP } from 'node:net';
import { connect, type ConnectionOptions, type SecureVersion } from 'node:tls';
import { PROTOCOLS, protocolFromName, type Protocol } from '../core/index.js';
import type { Handler, Outcome } from './dispatch.js';
import { invalid, itemsOf } from './params.js';

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
  | { readonly status: 'Unreachable' | 'TimedOut' | 'NotTestable'; readonly protocol: Protocol; readonly detail: string };

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

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
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (UNREACHABLE.has(code)) done({ status: 'Unreachable', protocol, detail: `${code}: ${e.message}` });
      else done({ status: 'Refused', protocol, detail: e.message });
    });
    socket.once('close', () => done({ status: 'Refused', protocol, detail: 'the server closed the connection during the handshake' }));
  });
}

interface ProbeItem { host: string; port: number; protocol: Protocol; timeoutMs: number }

/**
 * tls.probe {items: [{host, port?, protocol, timeoutSeconds?}]} -> {results: [{ok: true, host, port, ...ProbeResult}
 * | {ok: false, host, port, protocol, error: {code, message}}]}, in item order, probed at most 16 at a time. A host
 * that cannot be a name fails its own item only; malformed ports, protocols and timeouts refuse the request.
 */
export const tlsProbe: Handler = async (params): Promise<Outcome> => {
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
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, work.length) }, worker));
  return { ok: true, result: { results } };
};

