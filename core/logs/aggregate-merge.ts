import type { MalformedSample } from './aggregate.js';
import { addCapped, detach, earliest, latest, mergeCapped, mergeTally, plainTally } from './aggregate-lists.js';
import { addForwarded, addRule, recordOf } from './aggregate-records.js';
import { noTlsRowOf } from './aggregate-no-tls.js';
import { MALFORMED_SAMPLES, nestedValues, type AggregateState, type AggState, type Totals } from './aggregate-state.js';
import { summaryOf, summaryRows } from './aggregate-summary.js';

/**
 * Merge of partial aggregators: an aggregator's state as plain data (it can be posted to another thread), and
 * that state added to another aggregator as if its events had been added there.
 */

export function stateOf(st: AggState): AggregateState {
  return {
    records: nestedValues(st.records).map((r) => ({
      ...r, sources: [...r.sources], formats: [...r.formats], rules: [...r.rules],
      sites: r.sites === undefined ? undefined : [...r.sites],
      weakCiphers: r.weakCiphers === undefined ? undefined : [...r.weakCiphers],
      userAgents: plainTally(r.userAgents), usernames: plainTally(r.usernames),
      ehloNames: plainTally(r.ehloNames), connectors: plainTally(r.connectors), forwarded: plainTally(r.forwarded),
    })),
    summary: summaryRows(st).map((x) => ({ ...x, clients: [...x.clients] })),
    noTls: [...st.noTls.values()].map((x) => ({ ...x, sources: [...x.sources] })),
    byProtocol: [...st.byProtocol.entries()],
    samples: [...st.samples],
    totals: { ...st.totals },
  };
}

// Every step below gives what adding the partial's events one by one would give. Capped lists: the partial's
// first `maxListed` distinct values are enough to fill what is left here; `sources` is truncated when either
// side overflowed. Tallies: the partial kept every value in first-seen order, so the first 8 here get exact
// counts; the clients behind a proxy likewise, up to FORWARDED_TRACKED. Times: earliest and latest.
export function mergeState(st: AggState, from: AggregateState, lineOffset: number): void {
  for (const k of Object.keys(st.totals) as (keyof Totals)[]) st.totals[k] += from.totals[k];
  for (const [label, n] of from.byProtocol) st.byProtocol.set(label, (st.byProtocol.get(label) ?? 0) + n);
  for (const m of from.samples) {
    if (st.samples.length >= MALFORMED_SAMPLES) break;
    st.samples.push(lineOffset === 0 ? m : shiftSample(m, lineOffset));
  }
  for (const p of from.records) mergeRecord(st, p);
  for (const p of from.summary) mergeSummary(st, p);
  for (const p of from.noTls) mergeNoTls(st, p);
}

function mergeRecord(st: AggState, p: AggregateState['records'][number]): void {
  const { maxListed, unbounded } = st.settings;
  const r = recordOf(st, p);
  r.count += p.count;
  r.firstSeen = earliest(r.firstSeen, p.firstSeen);
  r.lastSeen = latest(r.lastSeen, p.lastSeen);
  r.sourcesTruncated = mergeCapped(r.sources, p.sources, p.sourcesTruncated, maxListed) || r.sourcesTruncated;
  if (p.lastSource !== '') r.lastSource = p.lastSource;
  for (const f of p.formats) if (!r.formats.includes(f)) r.formats.push(f);
  if (p.sites !== undefined) for (const x of p.sites) addCapped(r.sites ??= [], x, maxListed);
  if (p.weakCiphers !== undefined) for (const x of p.weakCiphers) addCapped(r.weakCiphers ??= [], x, maxListed);
  r.userAgents = mergeTally(r.userAgents, p.userAgents, unbounded);
  r.usernames = mergeTally(r.usernames, p.usernames, unbounded);
  r.ehloNames = mergeTally(r.ehloNames, p.ehloNames, unbounded);
  r.connectors = mergeTally(r.connectors, p.connectors, unbounded);
  const fw = p.forwarded;
  if (fw !== undefined) for (let k = 0; k < fw.values.length; k += 1) addForwarded(r, fw.values[k] as string, fw.counts[k] ?? 0, unbounded);
  r.forwardedOther += p.forwardedOther;
  if (r.sampleUri === undefined && p.sampleUri !== undefined) r.sampleUri = detach(p.sampleUri);
  r.internalCount += p.internalCount;
  for (const rule of p.rules) addRule(r, rule);
}

function mergeSummary(st: AggState, p: AggregateState['summary'][number]): void {
  const s = summaryOf(st, p.format, p.protocolLabel, p.site, p);
  s.requests += p.requests;
  for (const c of p.clients) if (!s.clients.has(c)) s.clients.add(detach(c));
  s.firstSeen = earliest(s.firstSeen, p.firstSeen);
  s.lastSeen = latest(s.lastSeen, p.lastSeen);
}

function mergeNoTls(st: AggState, p: AggregateState['noTls'][number]): void {
  const row = noTlsRowOf(st, p.site);
  row.requests += p.requests;
  row.https += p.https;
  row.notHttps += p.notHttps;
  row.unknownPort += p.unknownPort;
  row.sourcesTruncated = mergeCapped(row.sources, p.sources, p.sourcesTruncated, st.settings.maxListed) || row.sourcesTruncated;
  if (p.lastSource !== '') row.lastSource = detach(p.lastSource);
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
