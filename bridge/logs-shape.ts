import type { ClientRecord } from '../core/index.js';

/**
 * A legacy-client record in the exact shape of the PowerShell TLS365.LegacyClient object, so the module only
 * stamps the type name (per-object construction in script was most of Find-Tls365LegacyClient's own time).
 * Presentation only: IIS writes spaces in user agents as `+`, shown here as spaces; absent values are null.
 */
export function legacyClientShape(r: ClientRecord): unknown {
  return {
    ClientIp: r.clientIp,
    Protocol: r.protocol,
    Count: r.count,
    FirstSeen: r.firstSeen ?? null,
    LastSeen: r.lastSeen ?? null,
    Source: r.sources,
    UserAgent: r.userAgent === undefined ? null : r.userAgent.replace(/\+/g, ' '),
    EhloName: r.ehloName ?? null,
    Uri: r.sampleUri ?? null,
    Connector: r.connector ?? null,
    Rules: r.rules,
  };
}
