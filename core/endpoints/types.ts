import type { Source } from '../model/source.js';

/**
 * The data of issue 16 item 1: what each Microsoft endpoint family accepts, from which date (profiles.ts), and
 * what each Windows build offers by default (os-suites.ts). Plain data; effective.ts and verdict.ts compute
 * with it. Every fact carries a citation; a fact that rests on one secondary source says so (`confidence`).
 */

/** TLS versions that matter for Microsoft 365 (1.0 and 1.1 are refused by every endpoint here). */
export type TlsVersion = 'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3';

/** Curve names as Windows spells them (`Get-TlsEccCurve`, the `EccCurves` value): curve25519, NistP256, NistP384, NistP521. */
export type CurveName = 'curve25519' | 'NistP256' | 'NistP384' | 'NistP521';

/** Where a fact comes from. `microsoft`: a Microsoft page says it; `secondary`: only a non-Microsoft source does (shown in the finding). */
export interface Cite {
  readonly source: Source;
  readonly confidence: 'microsoft' | 'secondary';
  /** YYYY-MM-DD: when this source was last read for this fact. */
  readonly checked: string;
  /** The words of the source that carry the fact, short. */
  readonly quote?: string;
}

/** One suite in an OS build's list, as Microsoft's per-version cipher-suite page names it (with `_P256`/`_P384` before Windows 10). */
export interface OsSuite {
  readonly name: string;
  /** The protocol versions the page lists for it. */
  readonly protocols: readonly TlsVersion[];
  /** In the default priority list ("enabled by default"); false: supported, only usable when a configured list names it. */
  readonly enabledByDefault: boolean;
  /** The update that added it to this OS, when the page says so (for example KB2919355); absent: in the release. */
  readonly requiresUpdate?: string;
}

/** The cipher-suite facts of a range of Windows builds (one Microsoft page). */
export interface OsSuiteDefaults {
  /** For example "Windows 7 / Server 2008 R2". */
  readonly family: string;
  /** Inclusive build range (CurrentBuildNumber). */
  readonly fromBuild: number;
  readonly toBuild: number;
  /** Every supported suite, enabled-by-default ones first in their default priority order, then the others. */
  readonly suites: readonly OsSuite[];
  /** Default curve order where Windows has one (Windows 10 / Server 2016 and later); empty before, where the suite's suffix binds the curve. */
  readonly curves: readonly CurveName[];
  readonly cite: Cite;
  readonly curvesCite?: Cite;
}

/** What an endpoint family accepts from `from` (inclusive) until the next era of the same profile. */
export interface EndpointEra {
  /** YYYY-MM-DD, or '0000-01-01' for "as far back as this profile goes". */
  readonly from: string;
  /** Protocol versions the endpoint negotiates. */
  readonly protocols: readonly TlsVersion[];
  /** TLS 1.2 suites the endpoint accepts (IANA names as Windows spells them, no curve suffix). */
  readonly tls12Suites: readonly string[];
  /** TLS 1.3 suites (TLS_AES_256_GCM_SHA384, ...); empty when the endpoint has no TLS 1.3. */
  readonly tls13Suites: readonly string[];
  /** Curves the endpoint accepts for ECDHE. */
  readonly curves: readonly CurveName[];
  /** One citation per fact of this era. */
  readonly cites: {
    readonly protocols: Cite;
    readonly tls12Suites: Cite;
    readonly tls13Suites: Cite;
    readonly curves: Cite;
  };
  /** What changed at `from`, one sentence, for findings ("Azure Front Door stops negotiating the DHE suites"). */
  readonly change: string;
}

export interface EndpointProfile {
  /** Short, stable, used by `-Endpoint`: 'Microsoft365', 'AzureFrontDoor', 'EntraID'. */
  readonly id: string;
  readonly name: string;
  /** Host names this profile describes, for Test-Tls365Connection (a live check against the same profile). */
  readonly hosts: readonly string[];
  /** Profile data version (bumped when a fact changes). */
  readonly version: string;
  /** Sorted by `from`, ascending; the era in force on a date is the last one whose `from` is not after it. */
  readonly eras: readonly EndpointEra[];
}
