import type { Protocol } from '../protocols/names.js';
import type { LongLine } from './lines.js';

/**
 * Events produced by the log parsers (IIS W3C, Exchange SMTP protocol logs) and consumed by the aggregator.
 * Plain data, one discriminated union: `kind` says what a line meant. Parsers never throw for bad input:
 * a line they cannot read is a `malformed` event naming the source and line.
 */

/** The log formats TLS365 reads. `ExchangeSmtpReceive`/`Send` are the two protocol-log types of Exchange. */
export const LOG_FORMATS = ['IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** A negotiated protocol: the TLS365 vocabulary, or `Unknown` (PCT, DTLS, combined or unreadable values). */
export type LogProtocol = Protocol | 'Unknown';

/** A decoded protocol value. `code` is what identified it: `0x40` (IIS) or `SP_PROT_TLS1_0_SERVER` (SMTP). */
export interface ProtocolCode {
  readonly protocol: LogProtocol;
  readonly code: string;
  /** `TLS 1.0`, or `unknown (0xff)` / `unknown (0x1, SP_PROT_PCT1_SERVER)` for values outside the vocabulary. */
  readonly label: string;
  /** SSL 2.0, SSL 3.0, TLS 1.0, TLS 1.1 (docs/domain-facts.md 9.1, TLS365-DISC-001). */
  readonly legacy: boolean;
}

/** A decoded ALG_ID (IIS hex such as `6610`, or an Exchange constant such as `CALG_AES_256`). */
export interface AlgId {
  /** `0x6610` when the hex is known; otherwise the text as logged. */
  readonly code: string;
  /** `CALG_AES_256`; absent for an unknown value. */
  readonly constant?: string;
  /** `AES-256`, or `unknown (0x1234)`. */
  readonly label: string;
  /** RC4, 3DES, DES, RC2 (TLS365-DISC-005 names RC4 and 3DES). */
  readonly weak: boolean;
  /** Strength in bits, when the log gives it (Exchange only). */
  readonly bits?: number;
}

/** Why a request looks like monitoring or server-to-server traffic rather than a real client (docs/log-formats.md 5.21). */
export type InternalReason = 'loopback' | 'exchange-backend' | 'health-probe';

interface At {
  readonly source: string;
  readonly line: number;
}

/**
 * A request or handshake whose protocol is known. `clientIp` is the address to group by: the TCP peer (`c-ip`),
 * normalised (IPv6 lower case and compressed, zone dropped, IPv4-mapped shown as IPv4). It stays the TCP peer
 * when the line has an X-Forwarded-For style field: the crypt-* fields describe the TLS session of the
 * connection IIS accepted, so behind a load balancer that terminates TLS the protocol is that of the load
 * balancer's back-end connection, and the load balancer is what breaks when IIS turns the protocol off. The
 * forwarded addresses are the clients behind it (`forwardedFor`, `forwardedClient`; docs/log-formats.md 1.5).
 * `time` is ISO 8601 with milliseconds, ending in `Z` for UTC and without it for local time (IIS
 * Advanced Logging `date-local`/`time-local`).
 */
export interface IisHitEvent extends At {
  readonly kind: 'hit';
  readonly format: 'IisW3C';
  readonly time?: string;
  readonly clientIp: string;
  /** `c-ip` as logged (`fe80::1%12`). */
  readonly clientIpRaw: string;
  /** The X-Forwarded-For style value as logged (`203.0.113.5,+10.0.0.9`), when the line has one. */
  readonly forwardedFor?: string;
  /**
   * The client behind the TCP peer: the first address of `forwardedFor`, normalised (`ip.ts` forwardedClient),
   * or `unknown` when only a later element is an address. Set when `forwardedFor` names an address: `clientIp` is
   * then a load balancer or proxy. Its own TLS version is not in this log.
   */
  readonly forwardedClient?: string;
  readonly protocol: LogProtocol;
  readonly protocolCode: string;
  readonly protocolLabel: string;
  readonly legacy: boolean;
  readonly cipher?: AlgId;
  readonly hash?: AlgId;
  readonly keyExchange?: AlgId;
  /** As logged (`+` for spaces); use `plusToSpace` for display only (docs/log-formats.md 5.11). */
  readonly userAgent?: string;
  readonly username?: string;
  readonly method?: string;
  /** cs-uri-stem. */
  readonly uri?: string;
  readonly site?: string;
  readonly serverIp?: string;
  readonly serverPort?: number;
  readonly status?: number;
  /** Unsigned 32-bit or larger; a JavaScript number, never an int32 (docs/log-formats.md 5.17). */
  readonly win32Status?: number;
  readonly internal?: InternalReason;
}

/** An Exchange SMTP `TLS protocol SP_PROT_... negotiation succeeded` row, joined to its session. */
export interface SmtpHitEvent extends At {
  readonly kind: 'hit';
  readonly format: 'ExchangeSmtpReceive' | 'ExchangeSmtpSend';
  readonly time?: string;
  /** The remote endpoint's address (the client on receive logs, the partner server on send logs). */
  readonly clientIp: string;
  readonly clientIpRaw: string;
  readonly clientPort?: number;
  readonly protocol: LogProtocol;
  /** The token as logged, for example `SP_PROT-TLS1_2_CLIENT`. */
  readonly protocolCode: string;
  readonly protocolLabel: string;
  readonly legacy: boolean;
  /** `server`: this Exchange server accepted the handshake (receive); `client`: it connected out (send). */
  readonly role: 'server' | 'client';
  readonly cipher?: AlgId;
  readonly hash?: AlgId;
  readonly keyExchange?: AlgId;
  /** First EHLO/HELO name of the session, as the client claimed it. */
  readonly ehloName?: string;
  readonly connector?: string;
  /** The Exchange server: the part of the connector id before `\`, or the parser's `server` option. */
  readonly server?: string;
  readonly sessionId?: string;
  readonly localEndpoint?: string;
  readonly internal?: InternalReason;
}

export type HitEvent = IisHitEvent | SmtpHitEvent;

/** An IIS request over plain HTTP: the crypt-protocol field exists and is `-` (docs/log-formats.md 5.10, T3). */
export interface PlainEvent extends At {
  readonly kind: 'plain';
  readonly format: 'IisW3C';
  readonly time?: string;
  readonly clientIp: string;
  readonly site?: string;
  readonly serverPort?: number;
  readonly internal?: InternalReason;
}

/**
 * An IIS request in a schema block without a crypt-protocol field (TLS365-DISC-002). `https` says whether
 * the server port is one of the parser's HTTPS ports: `unknown` when the schema has no `s-port` either.
 */
export interface NoTlsFieldEvent extends At {
  readonly kind: 'no-tls-field';
  readonly format: 'IisW3C';
  readonly time?: string;
  readonly clientIp: string;
  readonly site?: string;
  readonly serverPort?: number;
  readonly https: 'yes' | 'no' | 'unknown';
  readonly internal?: InternalReason;
}

export type MalformedReason =
  /** Token count differs from the current `#Fields` (and from every earlier one, unless `recovered`). */
  | 'field-count'
  /** A record before any `#Fields` line and no schema given in the options (docs/log-formats.md 5.7). */
  | 'no-schema'
  /** An SMTP row mentioning `SP_PROT` that is not a readable `TLS protocol ... negotiation succeeded` row. */
  | 'tls-row'
  /** A line over `MAX_LOG_LINE` (lines.ts): not held, not parsed; `actual` is its length, `expected` the cap. */
  | 'too-long';

/**
 * A line the parser could not use as intended. `recovered: true` means the line matched an earlier
 * `#Fields` block of the same file with that token count and was parsed with it (docs/log-formats.md 5.6, beats_test.log):
 * the record then also yields its normal event, and this event only reports the mismatch.
 */
export interface MalformedEvent extends At {
  readonly kind: 'malformed';
  readonly format: LogFormat;
  readonly reason: MalformedReason;
  readonly message: string;
  readonly expected?: number;
  readonly actual?: number;
  readonly recovered?: boolean;
  /** The first 200 characters of the line. */
  readonly excerpt: string;
}

export type LogEvent = HitEvent | PlainEvent | NoTlsFieldEvent | MalformedEvent;

/** Counters kept by a parser, for reports and for tests: `records` is every non-blank, non-directive line. */
export interface ParserStats {
  readonly lines: number;
  readonly blank: number;
  readonly directives: number;
  readonly records: number;
  readonly hits: number;
  readonly plain: number;
  readonly noTlsField: number;
  readonly malformed: number;
  readonly recovered: number;
  /** Records left unparsed by the IIS pre-filter (`onlyProtocols`): they carried only unselected known protocols. */
  readonly skipped: number;
}

/** The incremental parser interface shared by both formats. */
export interface LogParser {
  /**
   * One decoded line without its newline (a trailing `\r` and BOM are removed here); `lineNo` is 1-based. A
   * `LongLine` (a line over the cap, from the splitter or the byte filter) gives one `too-long` malformed event.
   */
  pushLine(line: string | LongLine, lineNo: number): LogEvent[];
  /** Finishes the input; returns any event still pending (none today, kept for symmetry). */
  end(): LogEvent[];
  /**
   * Starts the next file of the same directory/server: directives and schema are reset, but what may
   * legitimately carry over stays (IIS: the last schema, for a continuation file without directives;
   * SMTP: open sessions, docs/log-formats.md 2.5 and 5.24).
   */
  beginFile(source: string): void;
  stats(): ParserStats;
}
