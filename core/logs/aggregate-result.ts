import type { AggregateResult, ClientRecord, NoTlsFieldRow, SummaryRow } from './aggregate.js';
import { compare, FORWARDED_LISTED, top, topCounts } from './aggregate-lists.js';
import { nestedValues, type AggState, type MutableRecord } from './aggregate-state.js';
import { summaryRows } from './aggregate-summary.js';
import { PROTOCOLS, protocolLabel } from '../protocols/names.js';
import { DISC_RULES } from './rules/index.js';
import type { LogProtocol } from './types.js';

/** Result building: the records, summary and DISC-002 rows as frozen copies, in report order. */

export function resultOf(st: AggState): AggregateResult {
  const labels = [...st.byProtocol.entries()]
    .map(([protocolLabel, count]) => ({ protocolLabel, count }))
    .sort((a, b) => labelRank(a.protocolLabel) - labelRank(b.protocolLabel) || compare(a.protocolLabel, b.protocolLabel));
  return {
    records: recordRows(st),
    summary: summaryList(st),
    noTlsField: noTlsRows(st),
    totals: { ...st.totals, byProtocol: labels },
    malformedSamples: [...st.samples],
  };
}

function recordRows(st: AggState): ClientRecord[] {
  const recordList: ClientRecord[] = nestedValues(st.records).map(freezeRecord);
  recordList.sort((a, b) => protocolRank(a.protocol) - protocolRank(b.protocol)
    || compare(a.protocolLabel, b.protocolLabel) || b.count - a.count || compare(a.clientIp, b.clientIp));
  return recordList;
}

function summaryList(st: AggState): SummaryRow[] {
  const rows: SummaryRow[] = summaryRows(st).map((s) => {
    const row: { -readonly [K in keyof SummaryRow]: SummaryRow[K] } = {
      format: s.format, site: s.site, protocol: s.protocol, protocolLabel: s.protocolLabel, requests: s.requests,
      clients: s.clients.size,
    };
    if (s.firstSeen !== undefined) row.firstSeen = s.firstSeen;
    if (s.lastSeen !== undefined) row.lastSeen = s.lastSeen;
    return row;
  });
  rows.sort((a, b) => protocolRank(a.protocol) - protocolRank(b.protocol)
    || compare(a.protocolLabel, b.protocolLabel) || compare(a.format, b.format) || compare(a.site, b.site));
  return rows;
}

function noTlsRows(st: AggState): NoTlsFieldRow[] {
  return [...st.noTls.values()]
    .map((r) => ({
      rule: DISC_RULES.noTlsField, site: r.site, requests: r.requests, https: r.https, notHttps: r.notHttps,
      unknownPort: r.unknownPort, sources: [...r.sources], sourcesTruncated: r.sourcesTruncated,
    }))
    .sort((a, b) => compare(a.site, b.site));
}

function freezeRecord(r: MutableRecord): ClientRecord {
  const out: { -readonly [K in keyof ClientRecord]: ClientRecord[K] } = {
    clientIp: r.clientIp, protocol: r.protocol, protocolLabel: r.protocolLabel, legacy: r.legacy, count: r.count,
    sources: [...r.sources], sourcesTruncated: r.sourcesTruncated, formats: [...r.formats], sites: [...(r.sites ?? [])],
    ...forwardedOf(r), internalCount: r.internalCount, weakCiphers: [...(r.weakCiphers ?? [])], rules: [...r.rules].sort(),
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

/** The clients behind a proxy as a record gives them: the most frequent FORWARDED_LISTED, and the totals. */
function forwardedOf(r: MutableRecord): Pick<ClientRecord, 'forwardedFor' | 'forwardedClients' | 'forwardedRequests' | 'forwardedTruncated'> {
  const t = r.forwarded;
  let requests = r.forwardedOther;
  if (t !== undefined) for (const c of t.counts) requests += c;
  return {
    forwardedFor: topCounts(t, FORWARDED_LISTED), forwardedClients: t?.values.length ?? 0, forwardedRequests: requests,
    forwardedTruncated: r.forwardedOther > 0,
  };
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
