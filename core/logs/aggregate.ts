import { fail, ok, type Result } from '../model/result.js';
import { PROTOCOLS, protocolFromName, protocolLabel, type Protocol } from '../protocols/names.js';
import { parseInstant } from './time.js';
import type { HitEvent, LogEvent, LogFormat, LogProtocol, MalformedReason } from './types.js';

/**
 * Folds parser events into one record per (client address, protocol), plus a per-protocol-and-site
 * summary (`-AsSummary`) and the TLS365-DISC-002 list of sites that log HTTPS without crypt-protocol.
 * Memory is bounded by the number of distinct clients and sites, never by the number of events: no hit is
 * kept, every list inside a record is capped, and kept strings are copies (see `detach`).
 */

export const DISC_RULES = {
  /** IIS request with crypt-protocol SSL 2.0/3.0, TLS 1.0/1.1 (docs/domain-facts.md 10.9). */
  iisLegacy: 'TLS365-DISC-001',
  /** HTTPS site logs without a crypt-protocol field. */
  noTlsField: 'TLS365-DISC-002',
  /** Exchange receive-log `SP_PROT_TLS1_0_SERVER`/`TLS1_1_SERVER` (and older). */
  smtpReceiveLegacy: 'TLS365-DISC-003',
  /** Exchange send-log `SP_PROT[-_]TLS1_[01]_CLIENT` (and older). */
  smtpSendLegacy: 'TLS365-DISC-004',
  /** IIS crypt-cipher RC4 (6801) or 3DES (6603); DES and RC2 are counted with them. */
  weakCipher: 'TLS365-DISC-005',
} as const;

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
  /** Cap of every list inside a record (sources, sites, proxies). Default 16. */
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
  /** TCP peers (load balancers) when the client address came from a forwarded-for field. */
  readonly peerIps: readonly string[];
  /** Hits tagged internal (loopback, Exchange back end, health probe). */
  readonly internalCount: number;
  /** Labels of weak bulk ciphers seen (RC4, 3DES, ...). */
  readonly weakCiphers: readonly string[];
  /** TLS365-DISC-* rule ids this record triggers. */
  readonly rules: readonly string[];
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

/** An aggregator's state as plain data (see `Aggregator.state`); only `merge` reads it. */
export interface AggregateState {
  readonly records: readonly RecordState[];
  readonly summary: readonly SummaryState[];
  readonly noTls: readonly MutableNoTls[];
  readonly byProtocol: readonly (readonly [string, number])[];
  readonly samples: readonly MalformedSample[];
  readonly totals: Totals;
}

interface PlainTally {
  readonly values: readonly string[];
  readonly counts: readonly number[];
}

type RecordState = Omit<MutableRecord, 'userAgents' | 'usernames' | 'ehloNames' | 'connectors'> & {
  readonly userAgents: PlainTally | undefined;
  readonly usernames: PlainTally | undefined;
  readonly ehloNames: PlainTally | undefined;
  readonly connectors: PlainTally | undefined;
};

type SummaryState = Omit<MutableSummary, 'clients'> & { readonly clients: readonly string[] };

interface Totals {
  events: number;
  hits: number;
  plain: number;
  noTlsField: number;
  malformed: number;
  recovered: number;
  outOfRange: number;
  internalExcluded: number;
}

export interface AggregateOptionError {
  readonly code: 'InvalidOption';
  readonly message: string;
}

interface Tally {
  readonly values: string[];
  readonly counts: number[];
  /** Partial aggregators only: value -> position, every distinct value being kept. */
  readonly index?: Map<string, number>;
}

interface MutableRecord {
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
  peerIps: string[] | undefined;
  internalCount: number;
  weakCiphers: string[] | undefined;
  rules: string[];
}

interface MutableSummary {
  format: LogFormat;
  site: string;
  protocol: LogProtocol;
  protocolLabel: string;
  requests: number;
  clients: Set<string>;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

interface MutableNoTls {
  site: string;
  requests: number;
  https: number;
  notHttps: number;
  unknownPort: number;
  sources: string[];
  lastSource: string;
  sourcesTruncated: boolean;
}

const TALLY_DISTINCT = 8;
const MALFORMED_SAMPLES = 20;

export function createAggregator(options: AggregatorOptions): Result<Aggregator, AggregateOptionError> {
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
  const includeUnknown = options.includeUnknown ?? true;
  const excludeInternal = options.excludeInternal ?? false;
  const maxListed = Math.max(1, options.maxListed ?? 16);
  const bounded = since !== undefined || untilBound !== undefined;

  // Keyed by (protocol label, client address) and (format, protocol label, site) through nested maps: no
  // joined key string to build and hash for every hit.
  const records: Nested<MutableRecord> = new Map();
  const summary = new Map<string, Nested<MutableSummary>>();
  const noTls = new Map<string, MutableNoTls>();
  const byProtocol = new Map<string, number>();
  const samples: MalformedSample[] = [];
  const totals: Totals = { events: 0, hits: 0, plain: 0, noTlsField: 0, malformed: 0, recovered: 0, outOfRange: 0, internalExcluded: 0 };
  const unbounded = options.partial === true;
  const tally = (t: Tally | undefined, value: string): Tally => addToTally(t, value, unbounded);

  function inRange(time: string | undefined): boolean {
    if (!bounded) return true;
    if (time === undefined) return false;
    const t = time.length > 23 ? time.slice(0, 23) : time;
    if (since !== undefined && t < since) return false;
    if (untilBound !== undefined && t > untilBound) return false;
    return true;
  }

  function addHit(e: HitEvent): void {
    totals.hits += 1;
    byProtocol.set(e.protocolLabel, (byProtocol.get(e.protocolLabel) ?? 0) + 1);
    if (e.internal !== undefined && excludeInternal) {
      totals.internalExcluded += 1;
      return;
    }
    const wanted = e.protocol === 'Unknown' ? includeUnknown : selected.has(e.protocol);
    if (!wanted) return;
    const r = recordOf(e);
    r.count += 1;
    if (e.time !== undefined) {
      if (r.firstSeen === undefined || e.time < r.firstSeen) r.firstSeen = e.time;
      if (r.lastSeen === undefined || e.time > r.lastSeen) r.lastSeen = e.time;
    }
    if (r.lastSource !== e.source) {
      // Not a copy: a source is a path from the caller, and the same string object makes this test cheap.
      r.lastSource = e.source;
      r.sourcesTruncated = addCapped(r.sources, e.source, maxListed) || r.sourcesTruncated;
    }
    if (!r.formats.includes(e.format)) r.formats.push(e.format);
    if (e.internal !== undefined) r.internalCount += 1;
    let site: string | undefined;
    if (e.format === 'IisW3C') {
      site = e.site;
      if (e.userAgent !== undefined) r.userAgents = tally(r.userAgents, e.userAgent);
      if (e.username !== undefined) r.usernames = tally(r.usernames, e.username);
      if (r.sampleUri === undefined && e.uri !== undefined) r.sampleUri = detach(e.uri);
      if (e.peerIp !== undefined) addCapped(r.peerIps ??= [], e.peerIp, maxListed);
      if (e.legacy) addRule(r, DISC_RULES.iisLegacy);
      if (e.cipher?.weak === true) {
        addCapped(r.weakCiphers ??= [], e.cipher.label, maxListed);
        addRule(r, DISC_RULES.weakCipher);
      }
    } else {
      site = e.connector;
      if (e.ehloName !== undefined) r.ehloNames = tally(r.ehloNames, e.ehloName);
      if (e.connector !== undefined) r.connectors = tally(r.connectors, e.connector);
      if (e.cipher?.weak === true) addCapped(r.weakCiphers ??= [], e.cipher.label, maxListed);
      if (e.legacy) addRule(r, e.role === 'server' ? DISC_RULES.smtpReceiveLegacy : DISC_RULES.smtpSendLegacy);
    }
    if (site !== undefined) addCapped(r.sites ??= [], site, maxListed);

    const s = summaryOf(e.format, e.protocolLabel, site ?? '', e);
    s.requests += 1;
    if (!s.clients.has(e.clientIp)) s.clients.add(detach(e.clientIp));
    if (e.time !== undefined) {
      if (s.firstSeen === undefined || e.time < s.firstSeen) s.firstSeen = e.time;
      if (s.lastSeen === undefined || e.time > s.lastSeen) s.lastSeen = e.time;
    }
  }

  function add(e: LogEvent): void {
    totals.events += 1;
    switch (e.kind) {
      case 'malformed':
        totals.malformed += 1;
        if (e.recovered === true) totals.recovered += 1;
        if (samples.length < MALFORMED_SAMPLES) samples.push({ source: e.source, line: e.line, reason: e.reason, message: e.message });
        return;
      case 'hit':
        if (!inRange(e.time)) { totals.outOfRange += 1; return; }
        addHit(e);
        return;
      case 'plain':
        if (!inRange(e.time)) { totals.outOfRange += 1; return; }
        totals.plain += 1;
        return;
      case 'no-tls-field': {
        if (!inRange(e.time)) { totals.outOfRange += 1; return; }
        totals.noTlsField += 1;
        const site = e.site ?? '';
        let row = noTls.get(site);
        if (row === undefined) {
          row = { site: detach(site), requests: 0, https: 0, notHttps: 0, unknownPort: 0, sources: [], lastSource: '', sourcesTruncated: false };
          noTls.set(site, row);
        }
        row.requests += 1;
        if (e.https === 'yes') row.https += 1;
        else if (e.https === 'no') row.notHttps += 1;
        else row.unknownPort += 1;
        if (row.lastSource !== e.source) {
          row.lastSource = detach(e.source);
          row.sourcesTruncated = addCapped(row.sources, e.source, maxListed) || row.sourcesTruncated;
        }
        return;
      }
    }
  }

  function recordOf(from: { clientIp: string; protocol: LogProtocol; protocolLabel: string; legacy: boolean }): MutableRecord {
    let r = records.get(from.protocolLabel)?.get(from.clientIp);
    if (r === undefined) {
      r = {
        clientIp: detach(from.clientIp), protocol: from.protocol, protocolLabel: from.protocolLabel, legacy: from.legacy, count: 0,
        firstSeen: undefined, lastSeen: undefined, sources: [], lastSource: '', sourcesTruncated: false, formats: [],
        sites: undefined, userAgents: undefined, usernames: undefined, ehloNames: undefined, connectors: undefined,
        sampleUri: undefined, peerIps: undefined, internalCount: 0, weakCiphers: undefined, rules: [],
      };
      nestedSet(records, r.protocolLabel, r.clientIp, r);
    }
    return r;
  }

  function summaryOf(format: LogFormat, label: string, site: string, from: { protocol: LogProtocol }): MutableSummary {
    let byFormat = summary.get(format);
    if (byFormat === undefined) {
      byFormat = new Map();
      summary.set(format, byFormat);
    }
    let s = byFormat.get(label)?.get(site);
    if (s === undefined) {
      s = {
        format, site: detach(site), protocol: from.protocol, protocolLabel: label, requests: 0,
        clients: new Set<string>(), firstSeen: undefined, lastSeen: undefined,
      };
      nestedSet(byFormat, label, s.site, s);
    }
    return s;
  }

  const summaryRows = (): MutableSummary[] => [...summary.values()].flatMap(nestedValues);

  function state(): AggregateState {
    return {
      records: nestedValues(records).map((r) => ({
        ...r, sources: [...r.sources], formats: [...r.formats], rules: [...r.rules],
        sites: r.sites === undefined ? undefined : [...r.sites],
        peerIps: r.peerIps === undefined ? undefined : [...r.peerIps],
        weakCiphers: r.weakCiphers === undefined ? undefined : [...r.weakCiphers],
        userAgents: plainTally(r.userAgents), usernames: plainTally(r.usernames),
        ehloNames: plainTally(r.ehloNames), connectors: plainTally(r.connectors),
      })),
      summary: summaryRows().map((x) => ({ ...x, clients: [...x.clients] })),
      noTls: [...noTls.values()].map((x) => ({ ...x, sources: [...x.sources] })),
      byProtocol: [...byProtocol.entries()],
      samples: [...samples],
      totals: { ...totals },
    };
  }

  // Every step below gives what adding the partial's events one by one would give. Capped lists: the partial's
  // first `maxListed` distinct values are enough to fill what is left here; `sources` is truncated when either
  // side overflowed. Tallies: the partial kept every value in first-seen order, so the first 8 here get exact
  // counts. Times: earliest and latest.
  function merge(st: AggregateState, lineOffset = 0): void {
    for (const k of Object.keys(totals) as (keyof Totals)[]) totals[k] += st.totals[k];
    for (const [label, n] of st.byProtocol) byProtocol.set(label, (byProtocol.get(label) ?? 0) + n);
    for (const m of st.samples) {
      if (samples.length >= MALFORMED_SAMPLES) break;
      samples.push(lineOffset === 0 ? m : shiftSample(m, lineOffset));
    }
    for (const p of st.records) {
      const r = recordOf(p);
      r.count += p.count;
      r.firstSeen = earliest(r.firstSeen, p.firstSeen);
      r.lastSeen = latest(r.lastSeen, p.lastSeen);
      let dropped = p.sourcesTruncated;
      for (const src of p.sources) dropped = addCapped(r.sources, src, maxListed) || dropped;
      r.sourcesTruncated = r.sourcesTruncated || dropped;
      if (p.lastSource !== '') r.lastSource = p.lastSource;
      for (const f of p.formats) if (!r.formats.includes(f)) r.formats.push(f);
      if (p.sites !== undefined) for (const x of p.sites) addCapped(r.sites ??= [], x, maxListed);
      if (p.peerIps !== undefined) for (const x of p.peerIps) addCapped(r.peerIps ??= [], x, maxListed);
      if (p.weakCiphers !== undefined) for (const x of p.weakCiphers) addCapped(r.weakCiphers ??= [], x, maxListed);
      r.userAgents = mergeTally(r.userAgents, p.userAgents, unbounded);
      r.usernames = mergeTally(r.usernames, p.usernames, unbounded);
      r.ehloNames = mergeTally(r.ehloNames, p.ehloNames, unbounded);
      r.connectors = mergeTally(r.connectors, p.connectors, unbounded);
      if (r.sampleUri === undefined && p.sampleUri !== undefined) r.sampleUri = detach(p.sampleUri);
      r.internalCount += p.internalCount;
      for (const rule of p.rules) addRule(r, rule);
    }
    for (const p of st.summary) {
      const s = summaryOf(p.format, p.protocolLabel, p.site, p);
      s.requests += p.requests;
      for (const c of p.clients) if (!s.clients.has(c)) s.clients.add(detach(c));
      s.firstSeen = earliest(s.firstSeen, p.firstSeen);
      s.lastSeen = latest(s.lastSeen, p.lastSeen);
    }
    for (const p of st.noTls) {
      let row = noTls.get(p.site);
      if (row === undefined) {
        row = { site: detach(p.site), requests: 0, https: 0, notHttps: 0, unknownPort: 0, sources: [], lastSource: '', sourcesTruncated: false };
        noTls.set(p.site, row);
      }
      row.requests += p.requests;
      row.https += p.https;
      row.notHttps += p.notHttps;
      row.unknownPort += p.unknownPort;
      let dropped = p.sourcesTruncated;
      for (const src of p.sources) dropped = addCapped(row.sources, src, maxListed) || dropped;
      row.sourcesTruncated = row.sourcesTruncated || dropped;
      if (p.lastSource !== '') row.lastSource = detach(p.lastSource);
    }
  }

  function result(): AggregateResult {
    const recordList: ClientRecord[] = nestedValues(records).map(freezeRecord);
    recordList.sort((a, b) => protocolRank(a.protocol) - protocolRank(b.protocol)
      || compare(a.protocolLabel, b.protocolLabel) || b.count - a.count || compare(a.clientIp, b.clientIp));
    const summaryList: SummaryRow[] = summaryRows().map((s) => {
      const row: { -readonly [K in keyof SummaryRow]: SummaryRow[K] } = {
        format: s.format, site: s.site, protocol: s.protocol, protocolLabel: s.protocolLabel, requests: s.requests,
        clients: s.clients.size,
      };
      if (s.firstSeen !== undefined) row.firstSeen = s.firstSeen;
      if (s.lastSeen !== undefined) row.lastSeen = s.lastSeen;
      return row;
    });
    summaryList.sort((a, b) => protocolRank(a.protocol) - protocolRank(b.protocol)
      || compare(a.protocolLabel, b.protocolLabel) || compare(a.format, b.format) || compare(a.site, b.site));
    const noTlsList: NoTlsFieldRow[] = [...noTls.values()]
      .map((r) => ({
        rule: DISC_RULES.noTlsField, site: r.site, requests: r.requests, https: r.https, notHttps: r.notHttps,
        unknownPort: r.unknownPort, sources: [...r.sources], sourcesTruncated: r.sourcesTruncated,
      }))
      .sort((a, b) => compare(a.site, b.site));
    const labels = [...byProtocol.entries()]
      .map(([protocolLabel, count]) => ({ protocolLabel, count }))
      .sort((a, b) => labelRank(a.protocolLabel) - labelRank(b.protocolLabel) || compare(a.protocolLabel, b.protocolLabel));
    return {
      records: recordList,
      summary: summaryList,
      noTlsField: noTlsList,
      totals: { ...totals, byProtocol: labels },
      malformedSamples: [...samples],
    };
  }

  return ok({
    add,
    addAll(events: readonly LogEvent[]): void {
      for (const e of events) add(e);
    },
    result,
    state,
    merge,
  });
}

type Nested<V> = Map<string, Map<string, V>>;

function nestedSet<V>(m: Nested<V>, a: string, b: string, v: V): void {
  let inner = m.get(a);
  if (inner === undefined) {
    inner = new Map();
    m.set(a, inner);
  }
  inner.set(b, v);
}

function nestedValues<V>(m: Nested<V>): V[] {
  const out: V[] = [];
  for (const inner of m.values()) for (const v of inner.values()) out.push(v);
  return out;
}

function freezeRecord(r: MutableRecord): ClientRecord {
  const out: { -readonly [K in keyof ClientRecord]: ClientRecord[K] } = {
    clientIp: r.clientIp, protocol: r.protocol, protocolLabel: r.protocolLabel, legacy: r.legacy, count: r.count,
    sources: [...r.sources], sourcesTruncated: r.sourcesTruncated, formats: [...r.formats], sites: [...(r.sites ?? [])],
    peerIps: [...(r.peerIps ?? [])], internalCount: r.internalCount, weakCiphers: [...(r.weakCiphers ?? [])], rules: [...r.rules].sort(),
  };
  if (r.firstSeen !== undefined) out.firstSeen = r.firstSeen;
  if (r.lastSeen !== undefined) out.lastSeen = r.lastSeen;
  const ua = top(r.userAgents);
  if (ua !== undefined) out.userAgent = ua;
  const user = top(r.usernames);
  if (user !== undefined) out.username = user;
  const ehlo = top(r.ehloNames);
  if (ehlo !== undefined) out.ehloName = ehlo;
  const connector = top(r.connectors);
  if (connector !== undefined) out.connector = connector;
  if (r.sampleUri !== undefined) out.sampleUri = r.sampleUri;
  return out;
}

/**
 * Counts a value among the first TALLY_DISTINCT distinct ones; later new values are not tracked (bounded).
 * `unbounded` (partial aggregators): every distinct value is tracked, found through an index.
 */
function addToTally(existing: Tally | undefined, value: string, unbounded: boolean): Tally {
  if (existing === undefined) {
    const v = detach(value);
    return unbounded ? { values: [v], counts: [1], index: new Map([[v, 0]]) } : { values: [v], counts: [1] };
  }
  const t = existing;
  const i = t.index === undefined ? t.values.indexOf(value) : t.index.get(value) ?? -1;
  if (i >= 0) t.counts[i] = (t.counts[i] ?? 0) + 1;
  else if (t.index !== undefined || t.values.length < TALLY_DISTINCT) {
    const v = detach(value);
    t.index?.set(v, t.values.length);
    t.values.push(v);
    t.counts.push(1);
  }
  return t;
}

/** `add`, replayed: the partial's values in first-seen order with their counts (see Aggregator.merge). */
function mergeTally(into: Tally | undefined, from: PlainTally | undefined, unbounded: boolean): Tally | undefined {
  if (from === undefined || from.values.length === 0) return into;
  const t: Tally = into ?? (unbounded ? { values: [], counts: [], index: new Map() } : { values: [], counts: [] });
  for (let k = 0; k < from.values.length; k += 1) {
    const value = from.values[k] as string;
    const n = from.counts[k] ?? 0;
    const i = t.index === undefined ? t.values.indexOf(value) : t.index.get(value) ?? -1;
    if (i >= 0) t.counts[i] = (t.counts[i] ?? 0) + n;
    else if (t.index !== undefined || t.values.length < TALLY_DISTINCT) {
      const v = detach(value);
      t.index?.set(v, t.values.length);
      t.values.push(v);
      t.counts.push(n);
    }
  }
  return t;
}

function plainTally(t: Tally | undefined): PlainTally | undefined {
  return t === undefined ? undefined : { values: [...t.values], counts: [...t.counts] };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  return b === undefined ? a : a === undefined || b < a ? detach(b) : a;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return b === undefined ? a : a === undefined || b > a ? detach(b) : a;
}

/**
 * A malformed sample of a range moved to its place in the whole file: the line number, and the same number
 * in the message, which every parser starts with `<source> line <n>: `.
 */
function shiftSample(m: MalformedSample, offset: number): MalformedSample {
  const line = m.line + offset;
  const prefix = `${m.source} line ${m.line}: `;
  const message = m.message.startsWith(prefix) ? `${m.source} line ${line}: ${m.message.slice(prefix.length)}` : m.message;
  return { ...m, line, message };
}

function top(t: Tally | undefined): string | undefined {
  if (t === undefined) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (let i = 0; i < t.values.length; i += 1) {
    const c = t.counts[i] ?? 0;
    if (c > bestCount) {
      bestCount = c;
      best = t.values[i];
    }
  }
  return best;
}

/** Adds when absent and there is room; returns true when the value was dropped for lack of room. */
function addCapped(list: string[], value: string, cap: number): boolean {
  if (list.includes(value)) return false;
  if (list.length >= cap) return true;
  list.push(detach(value));
  return false;
}

/**
 * A copy of a string that kept values do not share with the caller's buffers. V8 represents a slice of a
 * long string as a view that keeps the whole parent alive: a user agent sliced from a 64 KB read chunk
 * would pin the chunk for as long as the record lives. Concatenating and slicing forces a small copy.
 */
export function detach(text: string): string {
  return (` ${text}`).slice(1);
}

function addRule(r: MutableRecord, rule: string): void {
  if (!r.rules.includes(rule)) r.rules.push(rule);
}

function protocolRank(p: LogProtocol): number {
  const i = (PROTOCOLS as readonly string[]).indexOf(p);
  return i < 0 ? PROTOCOLS.length : i;
}

const LABEL_ORDER: readonly string[] = PROTOCOLS.map(protocolLabel);

function labelRank(label: string): number {
  const i = LABEL_ORDER.indexOf(label);
  return i < 0 ? LABEL_ORDER.length : i;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
