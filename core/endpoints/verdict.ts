import type { EffectiveCrypto, MachineSuite } from './effective.js';
import type { CurveName, EndpointEra, TlsVersion } from './types.js';

/**
 * Can a client with these effective suites, curves and protocols complete a handshake with an endpoint era?
 * TLS 1.3 first (both sides have it, a common TLS 1.3 suite and a common curve), else TLS 1.2 (a common suite
 * that lists TLS 1.2; an ECDHE suite also needs a common curve: the Windows 10+ curve order, or before Windows 10
 * the curve its name's suffix binds; DHE and RSA key exchange need none). Which suite the server then picks is its
 * choice: `suite` is the first common one in the client's order, reported as "can negotiate", not a prediction.
 */
export type Reach =
  | { readonly kind: 'reachable'; readonly protocol: TlsVersion; readonly suite: string; readonly curve: CurveName | null }
  | { readonly kind: 'unreachable'; readonly missing: readonly Missing[] };

/** Why not, each a thing the admin can act on. */
export type Missing =
  | { readonly kind: 'protocol'; readonly protocol: TlsVersion }
  | { readonly kind: 'suite'; readonly protocol: TlsVersion; readonly wanted: readonly string[] }
  | { readonly kind: 'curve'; readonly protocol: TlsVersion; readonly wanted: readonly CurveName[]; readonly suites: readonly string[] };

export interface ClientProtocols {
  /** Schannel client state of TLS 1.2 / 1.3 is On (schannel-state.ts). */
  readonly 'TLS 1.2': boolean;
  readonly 'TLS 1.3': boolean;
}

function curveFor(s: MachineSuite, crypto: EffectiveCrypto, era: EndpointEra): CurveName | null | 'none' {
  if (s.kx !== 'ECDHE' && s.kx !== 'TLS13') return null;
  if (s.boundCurve !== null) return era.curves.includes(s.boundCurve) ? s.boundCurve : 'none';
  return crypto.curves.list.find((c) => era.curves.includes(c)) ?? 'none';
}

export function reach(crypto: EffectiveCrypto, client: ClientProtocols, era: EndpointEra): Reach {
  const missing: Missing[] = [];
  const attempts: readonly { protocol: 'TLS 1.3' | 'TLS 1.2'; accepted: readonly string[] }[] = [
    { protocol: 'TLS 1.3', accepted: era.tls13Suites },
    { protocol: 'TLS 1.2', accepted: era.tls12Suites },
  ];
  for (const { protocol, accepted } of attempts) {
    if (!era.protocols.includes(protocol)) continue;
    if (!client[protocol]) { missing.push({ kind: 'protocol', protocol }); continue; }
    const common = crypto.suites.list.filter((s) => s.protocols.includes(protocol) && accepted.includes(s.base));
    if (common.length === 0) { missing.push({ kind: 'suite', protocol, wanted: accepted }); continue; }
    for (const s of common) {
      const c = curveFor(s, crypto, era);
      if (c !== 'none') return { kind: 'reachable', protocol, suite: s.name, curve: c };
    }
    missing.push({ kind: 'curve', protocol, wanted: era.curves, suites: common.map((s) => s.name) });
  }
  return { kind: 'unreachable', missing };
}
