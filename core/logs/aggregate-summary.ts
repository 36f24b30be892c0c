import { detach } from './aggregate-lists.js';
import { nestedSet, nestedValues, type AggState, type MutableSummary } from './aggregate-state.js';
import type { HitEvent, LogFormat, LogProtocol } from './types.js';

/** The summary (`-AsSummary`): one row per (format, protocol label, site), with its distinct clients. */

export function addToSummary(st: AggState, e: HitEvent, site: string): void {
  const s = summaryOf(st, e.format, e.protocolLabel, site, e);
  s.requests += 1;
  if (!s.clients.has(e.clientIp)) s.clients.add(detach(e.clientIp));
  if (e.time !== undefined) {
    if (s.firstSeen === undefined || e.time < s.firstSeen) s.firstSeen = e.time;
    if (s.lastSeen === undefined || e.time > s.lastSeen) s.lastSeen = e.time;
  }
}

export function summaryOf(st: AggState, format: LogFormat, label: string, site: string, from: { protocol: LogProtocol }): MutableSummary {
  let byFormat = st.summary.get(format);
  if (byFormat === undefined) {
    byFormat = new Map();
    st.summary.set(format, byFormat);
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

export function summaryRows(st: AggState): MutableSummary[] {
  return [...st.summary.values()].flatMap(nestedValues);
}
