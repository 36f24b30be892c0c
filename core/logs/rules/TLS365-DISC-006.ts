import { IIS_VARS, XFF } from '../sources.js';
import type { HitEvent } from '../types.js';
import type { LogRule } from './rule.js';

/**
 * An IIS request with a legacy protocol (the class of TLS365-DISC-001) whose line carries an X-Forwarded-For style
 * field naming an address: the client (`c-ip`) is a load balancer or reverse proxy. The crypt-* fields are server
 * variables of the connection IIS accepted (CRYPT_PROTOCOL: "the cryptographic protocol used to establish the
 * connection" [IIS-VARS]), i.e. with that TCP peer; a device that adds X-Forwarded-For [XFF] has ended the client's
 * TLS itself and opened its own connection. So the legacy protocol is the load balancer's back-end leg: it is what
 * breaks when this server turns the protocol off, and the real clients' own versions are not in this log
 * (docs/log-formats.md 1.5). Warn, per load balancer; the record lists the clients behind it (`forwardedFor`).
 */
export const TLS365_DISC_006 = {
  id: 'TLS365-DISC-006',
  title: 'IIS legacy-TLS client is a load balancer or proxy that terminates TLS (the request carries X-Forwarded-For)',
  severity: 'Warn',
  sources: [IIS_VARS, XFF],
  fix: 'This client is a load balancer or proxy that terminates TLS: its back-end connection to IIS uses the legacy protocol, '
    + 'and the real clients\' own TLS versions are not in this log (ForwardedFor lists the clients behind it). Set its back-end '
    + '(server-side) TLS profile to TLS 1.2 or later before turning TLS 1.0/1.1 off on this server, and find the clients\' '
    + 'TLS versions in the load balancer\'s own logs.',
  applies: (event: HitEvent): boolean => event.format === 'IisW3C' && event.legacy && event.forwardedClient !== undefined,
} as const satisfies LogRule;
