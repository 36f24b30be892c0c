import { fail, ok, type Result } from '../model/result.js';
import { PROTOCOLS, protocolFromName, type Protocol } from '../protocols/names.js';
import type { AggregateOptionError, AggregatorOptions, MalformedSample } from './aggregate.js';
import { parseInstant } from './time.js';
import type { LogFormat, LogProtocol } from './types.js';

/**
 * The aggregator's plain state (aggregate.ts): the options as read once, and the maps the events are folded
 * into. The functions of aggregate-*.ts take it as their first argument; nothing else holds data.
 */

/** The options of an aggregator, validated. */
export interface Settings {
  readonly selected: ReadonlySet<Protocol>;
  readonly since: string | undefined;
  /** `until`, a date-only value meaning the whole day. */
  readonly untilBound: string | undefined;
  readonly bounded: boolean;
  readonly includeUnknown: boolean;
  readonly excludeInternal: boolean;
  readonly maxListed: number;
  /** A partial aggregator (AggregatorOptions.partial): tallies keep every distinct value. */
  readonly unbounded: boolean;
}

export interface Tally {
  readonly values: string[];
  readonly counts: number[];
  /** Partial aggregators only: value -> position, every distinct value being kept. */
  readonly index?: Map<string, number>;
}

export interface PlainTally {
  readonly values: readonly string[];
  readonly counts: readonly number[];
}

export interface MutableRecord {
  clientIp: string;
  protocol: LogProtocol;
  protocolLabel: string;
  legacy: boolean;
  count: number;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
  sources: string[];
  lastSource: string;
  sourcesTruncated: boolean;
  formats: LogFormat[];
  sites: string[] | undefined;
  userAgents: Tally | undefined;
  usernames: Tally | undefined;
  ehloNames: Tally | undefined;
  connectors: Tally | undefined;
  sampleUri: string | undefined;
  /** The clients behind this TCP peer (forwarded-for), with an index; `forwardedOther`: requests of those not tracked. */
  forwarded: Tally | undefined;
  forwardedOther: number;
  internalCount: number;
  weakCiphers: string[] | undefined;
  rules: string[];
}

export interface MutableSummary {
  format: LogFormat;
  site: string;
  protocol: LogProtocol;
  protocolLabel: string;
  requests: number;
  clients: Set<string>;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

export interface MutableNoTls {
  site: string;
  requests: number;
  https: number;
  notHttps: number;
  unknownPort: number;
  sources: string[];
  lastSource: string;
  sourcesTruncated: boolean;
}

export interface Totals {
  events: number;
  hits: number;
  plain: number;
  noTlsField: number;
  malformed: number;
  recovered: number;
  outOfRange: number;
  internalExcluded: number;
}

type RecordState = Omit<MutableRecord, 'userAgents' | 'usernames' | 'ehloNames' | 'connectors' | 'forwarded'> & {
  readonly forwarded: PlainTally | undefined;
  readonly userAgents: PlainTally | undefined;
  readonly usernames: PlainTally | undefined;
  readonly ehloNames: PlainTally | undefined;
  readonly connectors: PlainTally | undefined;
};

type SummaryState = Omit<MutableSummary, 'clients'> & { readonly clients: readonly string[] };

/** An aggregator's state as plain data (see `Aggregator.state`); only `merge` reads it. */
export interface AggregateState {
  readonly records: readonly RecordState[];
  readonly summary: readonly SummaryState[];
  readonly noTls: readonly MutableNoTls[];
  readonly byProtocol: readonly (readonly [string, number])[];
  readonly samples: readonly MalformedSample[];
  readonly totals: Totals;
}

/** Keyed by (protocol label, client address) and (format, protocol label, site): no joined key string to build and hash for every hit. */
export type Nested<V> = Map<string, Map<string, V>>;

export interface AggState {
  readonly settings: Settings;
  readonly records: Nested<MutableRecord>;
  readonly summary: Map<string, Nested<MutableSummary>>;
  readonly noTls: Map<string, MutableNoTls>;
  readonly byProtocol: Map<string, number>;
  readonly samples: MalformedSample[];
  readonly totals: Totals;
}

export const MALFORMED_SAMPLES = 20;

export function newAggState(settings: Settings): AggState {
  return {
    settings,
    records: new Map(),
    summary: new Map(),
    noTls: new Map(),
    byProtocol: new Map(),
    samples: [],
    totals: { events: 0, hits: 0, plain: 0, noTlsField: 0, malformed: 0, recovered: 0, outOfRange: 0, internalExcluded: 0 },
  };
}

export function settingsOf(options: AggregatorOptions): Result<Settings, AggregateOptionError> {
  const selected = new Set<Protocol>();
  const unknownNames: string[] = [];
  for (const name of options.protocols) {
    const p = protocolFromName(name);
    if (p === undefined) unknownNames.push(name);
    else selected.add(p);
  }
  if (unknownNames.length > 0) {
    return fail({
      code: 'InvalidOption',
      message: `not a protocol name: ${unknownNames.map((n) => JSON.stringify(n)).join(', ')}; use ${PROTOCOLS.join(', ')}`,
    });
  }
  const bounds = boundsOf(options);
  if (!bounds.ok) return bounds;
  const { since, untilBound } = bounds.value;
  return ok({
    selected, since, untilBound, bounded: since !== undefined || untilBound !== undefined,
    includeUnknown: options.includeUnknown ?? true,
    excludeInternal: options.excludeInternal ?? false,
    maxListed: Math.max(1, options.maxListed ?? 16),
    unbounded: options.partial === true,
  });
}

function boundsOf(options: AggregatorOptions): Result<{ since: string | undefined; untilBound: string | undefined }, AggregateOptionError> {
  const since = options.since === undefined ? undefined : parseInstant(options.since);
  if (options.since !== undefined && since === undefined) {
    return fail({ code: 'InvalidOption', message: `since: ${JSON.stringify(options.since)} is not an ISO 8601 date or time` });
  }
  const until = options.until === undefined ? undefined : parseInstant(options.until);
  if (options.until !== undefined && until === undefined) {
    return fail({ code: 'InvalidOption', message: `until: ${JSON.stringify(options.until)} is not an ISO 8601 date or time` });
  }
  // A date-only `until` means the whole day.
  const untilBound = until !== undefined && options.until !== undefined && options.until.trim().length === 10
    ? `${until.slice(0, 10)}T23:59:59.999`
    : until;
  if (since !== undefined && untilBound !== undefined && since > untilBound) {
    return fail({ code: 'InvalidOption', message: `since (${since}) is after until (${untilBound})` });
  }
  return ok({ since, untilBound });
}

export function nestedSet<V>(m: Nested<V>, a: string, b: string, v: V): void {
  let inner = m.get(a);
  if (inner === undefined) {
    inner = new Map();
    m.set(a, inner);
  }
  inner.set(b, v);
}

export function nestedValues<V>(m: Nested<V>): V[] {
  const out: V[] = [];
  for (const inner of m.values()) for (const v of inner.values()) out.push(v);
  return out;
}
