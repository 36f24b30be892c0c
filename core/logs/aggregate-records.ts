import { addCapped, addToTally, countInto, detach, FORWARDED_TRACKED } from './aggregate-lists.js';
import { nestedSet, type AggState, type MutableRecord, type Settings } from './aggregate-state.js';
import { addToSummary } from './aggregate-summary.js';
import { HIT_RULES } from './rules/index.js';
import type { HitEvent, IisHitEvent, LogProtocol, SmtpHitEvent } from './types.js';

/**
 * Record folding: one record per (client address, protocol) with bounded lists (aggregate-lists.ts), and the
 * TLS365-DISC rules each hit triggers (rules/). The client address is the TCP peer; behind a load balancer the
 * clients it forwards for are counted in the peer's record (`forwarded`), never made records of their own.
 */

export function addHit(st: AggState, e: HitEvent): void {
  const { settings, totals } = st;
  totals.hits += 1;
  st.byProtocol.set(e.protocolLabel, (st.byProtocol.get(e.protocolLabel) ?? 0) + 1);
  if (e.internal !== undefined && settings.excludeInternal) {
    totals.internalExcluded += 1;
    return;
  }
  const wanted = e.protocol === 'Unknown' ? settings.includeUnknown : settings.selected.has(e.protocol);
  if (!wanted) return;
  const site = addToRecord(settings, recordOf(st, e), e);
  addToSummary(st, e, site ?? '');
}

/** Folds a hit into its record; returns the site it came through (IIS site, Exchange connector). */
function addToRecord(settings: Settings, r: MutableRecord, e: HitEvent): string | undefined {
  const maxListed = settings.maxListed;
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
  const site = e.format === 'IisW3C' ? addIisDetails(settings, r, e) : addSmtpDetails(settings, r, e);
  if (e.cipher?.weak === true) addCapped(r.weakCiphers ??= [], e.cipher.label, maxListed);
  for (const rule of HIT_RULES) if (rule.applies(e)) addRule(r, rule.id);
  if (site !== undefined) addCapped(r.sites ??= [], site, maxListed);
  return site;
}

function addIisDetails(settings: Settings, r: MutableRecord, e: IisHitEvent): string | undefined {
  if (e.userAgent !== undefined) r.userAgents = addToTally(r.userAgents, e.userAgent, settings.unbounded);
  if (e.username !== undefined) r.usernames = addToTally(r.usernames, e.username, settings.unbounded);
  if (r.sampleUri === undefined && e.uri !== undefined) r.sampleUri = detach(e.uri);
  if (e.forwardedClient !== undefined) addForwarded(r, e.forwardedClient, 1, settings.unbounded);
  return e.site;
}

/**
 * Counts `n` requests of a client behind this record's peer: every distinct one up to FORWARDED_TRACKED (all in a
 * partial aggregator), found through an index; requests of later new ones go to `forwardedOther`.
 */
export function addForwarded(r: MutableRecord, client: string, n: number, unbounded: boolean): void {
  const t = r.forwarded ??= { values: [], counts: [], index: new Map() };
  if (!countInto(t, client, n, unbounded ? Infinity : FORWARDED_TRACKED)) r.forwardedOther += n;
}

function addSmtpDetails(settings: Settings, r: MutableRecord, e: SmtpHitEvent): string | undefined {
  if (e.ehloName !== undefined) r.ehloNames = addToTally(r.ehloNames, e.ehloName, settings.unbounded);
  if (e.connector !== undefined) r.connectors = addToTally(r.connectors, e.connector, settings.unbounded);
  return e.connector;
}

export function recordOf(st: AggState, from: { clientIp: string; protocol: LogProtocol; protocolLabel: string; legacy: boolean }): MutableRecord {
  let r = st.records.get(from.protocolLabel)?.get(from.clientIp);
  if (r === undefined) {
    r = {
      clientIp: detach(from.clientIp), protocol: from.protocol, protocolLabel: from.protocolLabel, legacy: from.legacy, count: 0,
      firstSeen: undefined, lastSeen: undefined, sources: [], lastSource: '', sourcesTruncated: false, formats: [],
      sites: undefined, userAgents: undefined, usernames: undefined, ehloNames: undefined, connectors: undefined,
      sampleUri: undefined, forwarded: undefined, forwardedOther: 0, internalCount: 0, weakCiphers: undefined, rules: [],
    };
    nestedSet(st.records, r.protocolLabel, r.clientIp, r);
  }
  return r;
}

export function addRule(r: MutableRecord, rule: string): void {
  if (!r.rules.includes(rule)) r.rules.push(rule);
}
