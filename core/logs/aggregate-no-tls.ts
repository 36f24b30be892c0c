import { addCapped, detach } from './aggregate-lists.js';
import type { AggState, MutableNoTls } from './aggregate-state.js';
import type { NoTlsFieldEvent } from './types.js';

/** The TLS365-DISC-002 list: sites whose logs have no crypt-protocol field, with their HTTPS requests. */

export function addNoTls(st: AggState, e: NoTlsFieldEvent): void {
  st.totals.noTlsField += 1;
  const row = noTlsRowOf(st, e.site ?? '');
  row.requests += 1;
  if (e.https === 'yes') row.https += 1;
  else if (e.https === 'no') row.notHttps += 1;
  else row.unknownPort += 1;
  if (row.lastSource !== e.source) {
    row.lastSource = detach(e.source);
    row.sourcesTruncated = addCapped(row.sources, e.source, st.settings.maxListed) || row.sourcesTruncated;
  }
}

export function noTlsRowOf(st: AggState, site: string): MutableNoTls {
  let row = st.noTls.get(site);
  if (row === undefined) {
    row = { site: detach(site), requests: 0, https: 0, notHttps: 0, unknownPort: 0, sources: [], lastSource: '', sourcesTruncated: false };
    st.noTls.set(site, row);
  }
  return row;
}
