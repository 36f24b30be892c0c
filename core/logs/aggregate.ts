import { ok, type Result } from '../model/result.js';
import { detach } from './aggregate-lists.js';
import { mergeState, stateOf } from './aggregate-merge.js';
import { addNoTls } from './aggregate-no-tls.js';
import { addHit } from './aggregate-records.js';
import { resultOf } from './aggregate-result.js';
import { MALFORMED_SAMPLES, newAggState, settingsOf, type AggregateState, type AggState } from './aggregate-state.js';
import { DISC_RULES } from './rules/index.js';
import type { LogEvent, LogFormat, LogProtocol, MalformedReason } from './types.js';

/**
 * Folds parser events into one record per (client address, protocol), plus a per-protocol-and-site
 * summary (`-AsSummary`) and the TLS365-DISC-002 list of sites that log HTTPS without crypt-protocol.
 * Memory is bounded by the number of distinct clients and sites, never by the number of events: no hit is
 * kept, every list inside a record is capped, and kept strings are copies (see `detach`).
 */

/** The TLS365-DISC rule ids by what they find, derived from the rule objects (rules/, one file per id). */
export { DISC_RULES };
export { detach };
export type { AggregateState };

export interface AggregatorOptions {
  /** The protocols to report per client, vocabulary names in any case (`Tls10`, `tls11`). */
  readonly protocols: readonly string[];
  /** Inclusive bounds, ISO 8601 (`2024-05-01`, `2024-05-01T10:00:00Z`, with an offset, ...). */
  readonly since?: string;
  readonly until?: string;
  /** Also report values no vocabulary protocol explains (`unknown (0xff)`; docs/log-formats.md 5.16). Default true. */
  readonly includeUnknown?: boolean;
  /** Leave out hits tagged internal (loopback, Exchange back end, health probes; docs/log-formats.md 5.21). Default false. */
  readonly excludeInternal?: boolean;
  /** Cap of every list inside a record (sources, sites, weak ciphers). Default 16. */
  readonly maxListed?: number;
  /**
   * For a slice of the input that another aggregator will `merge` (a range of a large file read in a worker
   * thread): user agents, user names, EHLO names and connectors are counted for every distinct value, not
   * only the first 8, so that the merge is exact. Memory then grows with the distinct values of the slice:
   * give it bounded slices.
   */
  readonly partial?: boolean;
}

export interface ClientRecord {
  readonly clientIp: string;
  readonly protocol: LogProtocol;
  readonly protocolLabel: string;
  readonly legacy: boolean;
  readonly count: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** Files the client was seen in, first ones first; `sourcesTruncated` when there were more. */
  readonly sources: readonly string[];
  readonly sourcesTruncated: boolean;
  readonly formats: readonly LogFormat[];
  /** IIS site names (s-sitename) and Exchange connector ids the hits came through. */
  readonly sites: readonly string[];
  /** Most frequent among the first 8 distinct values, the first one on a tie; as logged (`+` for spaces). */
  readonly userAgent?: string;
  readonly username?: string;
  readonly ehloName?: string;
  readonly connector?: string;
  /** The first cs-uri-stem seen. */
  readonly sampleUri?: string;
  /**
   * The clients behind this address when it is a load balancer or proxy (IIS lines whose X-Forwarded-For style
   * field names an address): each request's first forwarded address (`forwardedClient`) with its request count,
   * most requests first (the first seen first on a tie), at most FORWARDED_LISTED (20); empty for a direct
   * client. `clientIp` stays the TCP peer: the protocol is that of its own connection to IIS, and the clients
   * behind it negotiated theirs with it, which this log does not show (docs/log-formats.md 1.5).
   */
  readonly forwardedFor: readonly ForwardedCount[];
  /** Distinct clients behind it; at least this many when `forwardedTruncated`. */
  readonly forwardedClients: number;
  /** Requests that named a client behind it. */
  readonly forwardedRequests: number;
  /** More than FORWARDED_TRACKED (1000) distinct clients behind it: the later ones are only in `forwardedRequests`. */
  readonly forwardedTruncated: boolean;
  /** Hits tagged internal (loopback, Exchange back end, health probe). */
  readonly internalCount: number;
  /** Labels of weak bulk ciphers seen (RC4, 3DES, ...). */
  readonly weakCiphers: readonly string[];
  /** TLS365-DISC-* rule ids this record triggers. */
  readonly rules: readonly string[];
}

/** A client behind a load balancer or proxy, and the requests that named it. */
export interface ForwardedCount {
  readonly address: string;
  readonly count: number;
}

export interface SummaryRow {
  readonly format: LogFormat;
  /** IIS s-sitename, or the Exchange connector id; empty when the log names neither. */
  readonly site: string;
  readonly protocol: LogProtocol;
  readonly protocolLabel: string;
  readonly requests: number;
  readonly clients: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
}

export interface NoTlsFieldRow {
  readonly rule: typeof DISC_RULES.noTlsField;
  readonly site: string;
  readonly requests: number;
  readonly https: number;
  readonly notHttps: number;
  readonly unknownPort: number;
  readonly sources: readonly string[];
  readonly sourcesTruncated: boolean;
}

export interface MalformedSample {
  readonly source: string;
  readonly line: number;
  readonly reason: MalformedReason;
  readonly message: string;
}

export interface AggregateTotals {
  readonly events: number;
  readonly hits: number;
  /** Hits per protocol label (all protocols, selected or not), vocabulary order then unknown labels. */
  readonly byProtocol: readonly { readonly protocolLabel: string; readonly count: number }[];
  readonly plain: number;
  readonly noTlsField: number;
  readonly malformed: number;
  readonly recovered: number;
  /** Events outside since/until, and events without a time while a bound is set. */
  readonly outOfRange: number;
  readonly internalExcluded: number;
}

export interface AggregateResult {
  readonly records: readonly ClientRecord[];
  readonly summary: readonly SummaryRow[];
  readonly noTlsField: readonly NoTlsFieldRow[];
  readonly totals: AggregateTotals;
  /** The first 20 malformed events, for the report. */
  readonly malformedSamples: readonly MalformedSample[];
}

export interface Aggregator {
  add(event: LogEvent): void;
  addAll(events: readonly LogEvent[]): void;
  result(): AggregateResult;
  /** Everything added so far, as plain data (it can be posted to another thread), for `merge`. */
  state(): AggregateState;
  /**
   * Adds a `partial` aggregator's state as if its events had been added here, after everything added so far:
   * the result is the same as one aggregator fed every event in that order. `lineOffset` is added to the
   * line numbers of malformed samples (a range of a file numbers its lines from 1).
   */
  merge(state: AggregateState, lineOffset?: number): void;
}

export interface AggregateOptionError {
  readonly code: 'InvalidOption';
  readonly message: string;
}

/**
 * The plain state and the functions over it are in aggregate-state.ts (options, maps), aggregate-records.ts
 * (record folding and rules), aggregate-summary.ts, aggregate-no-tls.ts (DISC-002), aggregate-merge.ts and
 * aggregate-result.ts; this object only binds them to one state.
 */
export function createAggregator(options: AggregatorOptions): Result<Aggregator, AggregateOptionError> {
  const settings = settingsOf(options);
  if (!settings.ok) return settings;
  const st = newAggState(settings.value);
  return ok({
    add: (e: LogEvent): void => addEvent(st, e),
    addAll(events: readonly LogEvent[]): void {
      for (const e of events) addEvent(st, e);
    },
    result: () => resultOf(st),
    state: () => stateOf(st),
    merge: (partial: AggregateState, lineOffset = 0): void => mergeState(st, partial, lineOffset),
  });
}

function addEvent(st: AggState, e: LogEvent): void {
  const totals = st.totals;
  totals.events += 1;
  if (e.kind === 'malformed') {
    totals.malformed += 1;
    if (e.recovered === true) totals.recovered += 1;
    if (st.samples.length < MALFORMED_SAMPLES) st.samples.push({ source: e.source, line: e.line, reason: e.reason, message: e.message });
    return;
  }
  if (!inRange(st, e.time)) {
    totals.outOfRange += 1;
    return;
  }
  if (e.kind === 'hit') addHit(st, e);
  else if (e.kind === 'plain') totals.plain += 1;
  else addNoTls(st, e);
}

function inRange(st: AggState, time: string | undefined): boolean {
  const { bounded, since, untilBound } = st.settings;
  if (!bounded) return true;
  if (time === undefined) return false;
  const t = time.length > 23 ? time.slice(0, 23) : time;
  if (since !== undefined && t < since) return false;
  if (untilBound !== undefined && t > untilBound) return false;
  return true;
}
