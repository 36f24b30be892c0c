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
