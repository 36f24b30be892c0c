import type { ClientRecord } from '../core/index.js';

/**
 * A legacy-client record in the exact shape of the PowerShell TLS365.LegacyClient object, so the module only
 * stamps the type name (per-object construction in script was most of Find-Tls365LegacyClient's own time).
 * Presentation only: IIS writes spaces in user agents as `+`, shown here as spaces; absent values are null.
 */
export function legacyClientShape(r: ClientRecord): unknown {
  return {
    ClientIp: r.clientIp,
    ForwardedFor: forwardedForShape(r),
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

/**
 * ForwardedFor of a TLS365.LegacyClient: the clients behind a load balancer or proxy (ClientIp, the TCP peer whose
 * own connection used the protocol), as `203.0.113.5 (12)`: address and requests, most requests first, at most 20
 * (FORWARDED_LISTED), then `... and 37 more (120)` for the rest (addresses, requests) when there are more, `... and
 * at least 981 more (4512)` past the 1000 counted one by one. Empty for a direct client.
 */
export function forwardedForShape(r: ClientRecord): string[] {
  const out = r.forwardedFor.map((f) => `${f.address} (${f.count})`);
  const listed = r.forwardedFor.reduce((n, f) => n + f.count, 0);
  const more = r.forwardedClients - r.forwardedFor.length;
  if (more > 0 || r.forwardedTruncated) {
    out.push(`... and ${r.forwardedTruncated ? 'at least ' : ''}${r.forwardedTruncated ? more + 1 : more} more (${r.forwardedRequests - listed})`);
  }
  return out;
}

/**
 * A raw hit (-Detailed, TLS365.LegacyHit) with PascalCase property names, as every other public object has
 * (issue 14, item 6): `clientIp` becomes `ClientIp`, nested objects (cipher, hash, key exchange) too. The
 * values are the core's, unchanged.
 */
export function legacyHitShape(hit: unknown): unknown {
  if (Array.isArray(hit)) return hit.map(legacyHitShape);
  if (typeof hit !== 'object' || hit === null) return hit;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(hit)) out[k.charAt(0).toUpperCase() + k.slice(1)] = legacyHitShape(v);
  return out;
}
