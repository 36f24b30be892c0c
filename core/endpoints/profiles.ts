import type { Source } from '../model/source.js';
import { ESRC } from './sources.js';
import type { Cite, CurveName, EndpointEra, EndpointProfile, TlsVersion } from './types.js';

/**
 * What each Microsoft endpoint family accepts, era by era (issue 16 item 1). Every fact carries the source it was
 * read from, the day it was read and the words that carry it; a fact that only a non-Microsoft source gives, or that
 * is inferred, is `secondary` and says so. docs/endpoint-facts-profiles.md shows the same data as tables, with what
 * could not be confirmed.
 *
 * Conventions: a profile lists what the whole family is documented to accept (a protocol only "some services" offer
 * is not counted); '0000-01-01' is "as far back as this profile goes", not a claim about every earlier day.
 */
const CHECKED = '2026-12-05';
export const PROFILE_VERSION = '2026-12';

const ms = (source: Source, quote: string): Cite => ({ source, confidence: 'microsoft', checked: CHECKED, quote });
const sec = (source: Source, quote: string): Cite => ({ source, confidence: 'secondary', checked: CHECKED, quote });

// Suite names (IANA as Windows spells them, no curve suffix).
const ECDHE_RSA_256_GCM = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
const ECDHE_RSA_128_GCM = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const ECDHE_RSA_256_CBC384 = 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384';
const ECDHE_RSA_128_CBC256 = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256';
const ECDHE_RSA_256_CBC = 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA';
const ECDHE_RSA_128_CBC = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA';
const RSA_256_GCM = 'TLS_RSA_WITH_AES_256_GCM_SHA384';
const RSA_128_GCM = 'TLS_RSA_WITH_AES_128_GCM_SHA256';
const RSA_256_CBC = 'TLS_RSA_WITH_AES_256_CBC_SHA';
const RSA_128_CBC = 'TLS_RSA_WITH_AES_128_CBC_SHA';
const RSA_256_CBC256 = 'TLS_RSA_WITH_AES_256_CBC_SHA256';
const RSA_128_CBC256 = 'TLS_RSA_WITH_AES_128_CBC_SHA256';
const RSA_3DES = 'TLS_RSA_WITH_3DES_EDE_CBC_SHA';
const DHE_RSA_256_GCM = 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384';
const DHE_RSA_128_GCM = 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256';
const ECDHE_ECDSA_128_GCM = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256';
const ECDHE_ECDSA_256_GCM = 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384';
const ECDHE_ECDSA_128_CBC256 = 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256';
const ECDHE_ECDSA_256_CBC384 = 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384';
const TLS13_AES_256 = 'TLS_AES_256_GCM_SHA384';
const TLS13_AES_128 = 'TLS_AES_128_GCM_SHA256';

const TLS10_12: readonly TlsVersion[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2'];
const TLS12: readonly TlsVersion[] = ['TLS 1.2'];
const TLS12_13: readonly TlsVersion[] = ['TLS 1.2', 'TLS 1.3'];
const TLS13_SUITES: readonly string[] = [TLS13_AES_256, TLS13_AES_128];
const NIST_256_384: readonly CurveName[] = ['NistP256', 'NistP384'];
const NIST_256_384_521: readonly CurveName[] = ['NistP256', 'NistP384', 'NistP521'];

// ---------------------------------------------------------------- Microsoft 365 (services not behind Azure Front Door)

/** The eight TLS 1.2 suites of the Microsoft 365 encryption reference, strongest first [M365-ENC]. */
const M365_TLS12: readonly string[] = [
  ECDHE_RSA_256_GCM, ECDHE_RSA_128_GCM, ECDHE_RSA_256_CBC384, ECDHE_RSA_128_CBC256,
  ECDHE_RSA_256_CBC, ECDHE_RSA_128_CBC, RSA_256_GCM, RSA_128_GCM,
];
/** The suites that "supported TLS 1.0 and 1.1 protocols until their deprecation date" and are not in the list above [M365-ENC]. */
const M365_LEGACY: readonly string[] = [RSA_256_CBC, RSA_128_CBC, RSA_256_CBC256, RSA_128_CBC256];
/** Microsoft 365 from 20 October 2025, per message center MC1155427 (secondary: a mirror of the admin-center post). */
const M365_TLS12_2025: readonly string[] = [ECDHE_RSA_256_GCM, ECDHE_RSA_128_GCM, ECDHE_RSA_256_CBC384, ECDHE_RSA_128_CBC256];

const M365_CURVES = sec(ESRC.M365_ENC, 'curves not stated; inferred from the table\'s ECDH/192 and ECDH/128 strengths (P-384, P-256)');

const MICROSOFT_365: EndpointProfile = {
  id: 'Microsoft365',
  name: 'Microsoft 365 services (Exchange Online, SharePoint Online and others not behind Azure Front Door)',
  hosts: ['outlook.office365.com'],
  version: PROFILE_VERSION,
  eras: [
    {
      from: '0000-01-01',
      protocols: TLS10_12,
      tls12Suites: [...M365_TLS12, ...M365_LEGACY, RSA_3DES],
      tls13Suites: [],
      curves: NIST_256_384,
      cites: {
        protocols: ms(ESRC.M365_ENC, 'These cipher suites supported TLS 1.0 and 1.1 protocols until their deprecation date'),
        tls12Suites: ms(ESRC.M365_ENC, 'Since February 28, 2019, this cipher suite [TLS_RSA_WITH_3DES_EDE_CBC_SHA] has been disabled'),
        tls13Suites: ms(ESRC.M365_ENC_2021, 'TLS version 1.3 (TLS 1.3) is currently not supported.'),
        curves: M365_CURVES,
      },
      change: 'Profile start: Microsoft 365 accepts TLS 1.0 to 1.2 with its published suite list, 3DES (TLS_RSA_WITH_3DES_EDE_CBC_SHA) included.',
    },
    {
      from: '2019-02-28',
      protocols: TLS10_12,
      tls12Suites: [...M365_TLS12, ...M365_LEGACY],
      tls13Suites: [],
      curves: NIST_256_384,
      cites: {
        protocols: ms(ESRC.M365_ENC, 'For Worldwide and GCC environments that date was October 15, 2020.'),
        tls12Suites: ms(ESRC.M365_ENC, 'Since February 28, 2019, this cipher suite has been disabled in Office 365.'),
        tls13Suites: ms(ESRC.M365_ENC_2021, 'TLS version 1.3 (TLS 1.3) is currently not supported.'),
        curves: M365_CURVES,
      },
      change: 'Microsoft 365 disables the 3DES suite TLS_RSA_WITH_3DES_EDE_CBC_SHA.',
    },
    {
      from: '2020-10-15',
      protocols: TLS12,
      tls12Suites: M365_TLS12,
      tls13Suites: [],
      curves: NIST_256_384,
      cites: {
        protocols: ms(ESRC.M365_ENC, 'We began disabling TLS 1.0 and 1.1 for Worldwide and GCC environments beginning on October 15, 2020'),
        tls12Suites: ms(ESRC.M365_ENC, 'Office 365 supports the cipher suites listed in the following table'),
        tls13Suites: ms(ESRC.M365_ENC, 'TLS version 1.3 (TLS 1.3) is supported by some of the services (not counted: not the whole family)'),
        curves: M365_CURVES,
      },
      change: 'Microsoft 365 (Worldwide and GCC) starts disabling TLS 1.0 and 1.1, rolled out over the following weeks and months; TLS 1.2 with eight suites remains.',
    },
    {
      from: '2025-10-20',
      protocols: TLS12_13,
      tls12Suites: M365_TLS12_2025,
      tls13Suites: TLS13_SUITES,
      curves: NIST_256_384,
      cites: {
        protocols: sec(ESRC.MC1155427, 'Microsoft 365-Dienste unterstützen nur noch folgende TLS-Chiffriersuiten: TLS 1.3 ... TLS 1.2 ...'),
        tls12Suites: sec(ESRC.MC1155427, 'Ab dem 20. Oktober 2025 ... TLS_ECDHE_RSA_WITH_AES_256/128_GCM, _256_CBC_SHA384, _128_CBC_SHA256; veraltete Chiffriersuiten ... fehlschlagen'),
        tls13Suites: sec(ESRC.MC1155427, 'TLS 1.3: TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256'),
        curves: M365_CURVES,
      },
      change: 'Microsoft 365 accepts only the four ECDHE_RSA AES suites (GCM, CBC-SHA384/SHA256) over TLS 1.2, dropping TLS_RSA_* and the ECDHE CBC-SHA1 suites (message center MC1155427, read from a secondary copy).',
    },
  ],
};

// ---------------------------------------------------------------- Azure Front Door (Teams and other Microsoft 365 front ends)

const AFD_TLS12_2025: readonly string[] = [
  ECDHE_RSA_256_GCM, ECDHE_RSA_128_GCM, ECDHE_RSA_256_CBC384, ECDHE_RSA_128_CBC256, DHE_RSA_256_GCM, DHE_RSA_128_GCM,
];
const AFD_TLS12_2026: readonly string[] = [ECDHE_RSA_256_GCM, ECDHE_RSA_128_GCM, ECDHE_RSA_256_CBC384, ECDHE_RSA_128_CBC256];

const AZURE_FRONT_DOOR: EndpointProfile = {
  id: 'AzureFrontDoor',
  name: 'Azure Front Door (Microsoft Teams and other Microsoft 365 products that terminate TLS there)',
  hosts: ['teams.microsoft.com'],
  version: PROFILE_VERSION,
  eras: [
    {
      from: '0000-01-01',
      protocols: TLS12_13,
      tls12Suites: AFD_TLS12_2025,
      tls13Suites: TLS13_SUITES,
      curves: NIST_256_384_521,
      cites: {
        protocols: ms(ESRC.AFD_TLS_2025, 'use TLS 1.2 as the default minimum with TLS 1.3 enabled'),
        tls12Suites: ms(ESRC.AFD_TLS_2025, 'The ECDHE_CBC and DHE cipher suites have been provided for compatibility with those operating systems'),
        tls13Suites: ms(ESRC.AFD_TLS_2025, 'TLS_AES_256_GCM_SHA384 (TLS 1.3 only), TLS_AES_128_GCM_SHA256 (TLS 1.3 only)'),
        curves: ms(ESRC.AFD_TLS_2025, 'Microsoft SDL compliant EC Curves, including Secp384r1, Secp256r1, and Secp521 (said of TLS 1.3 clients)'),
      },
      change: 'Profile start: Azure Front Door\'s documented default, TLS 1.2 minimum with TLS 1.3, ECDHE_RSA GCM and CBC suites and the two DHE_RSA GCM suites.',
    },
    {
      from: '2026-04-01',
      protocols: TLS12_13,
      tls12Suites: AFD_TLS12_2026,
      tls13Suites: TLS13_SUITES,
      curves: NIST_256_384_521,
      cites: {
        protocols: ms(ESRC.AFD_TLS_2026, 'TLS 1.0 and 1.1 aren\'t supported.'),
        tls12Suites: ms(ESRC.AFD_TLS_2026, 'Support for DHE cipher suites retired on April 1, 2026. ... The ECDHE_CBC cipher suites are provided for compatibility'),
        tls13Suites: ms(ESRC.AFD_POLICY_2026, 'TLS_AES_256_GCM_SHA384 (TLS 1.3 only), TLS_AES_128_GCM_SHA256 (TLS 1.3 only)'),
        curves: ms(ESRC.AFD_KX, 'Standard (default): SecP256r1MLKEM768, X25519MLKEM768, prime256v1, secp384r1, secp521r1'),
      },
      change: 'Azure Front Door stops negotiating TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 and TLS_DHE_RSA_WITH_AES_128_GCM_SHA256; Windows 7/8/8.1 need the ECDHE_RSA CBC SHA384/SHA256 suites instead.',
    },
  ],
};

// ---------------------------------------------------------------- Microsoft Entra ID sign-in

/** The list ENTRA-TLS links as "TLS Cipher Suites supported by Microsoft Entra ID" (the B2C requirements page). */
const ENTRA_TLS12: readonly string[] = [
  ECDHE_ECDSA_128_GCM, ECDHE_ECDSA_256_GCM, ECDHE_RSA_128_GCM, ECDHE_RSA_256_GCM,
  ECDHE_ECDSA_128_CBC256, ECDHE_ECDSA_256_CBC384, ECDHE_RSA_128_CBC256, ECDHE_RSA_256_CBC384,
];
const ENTRA_CURVES = sec(ESRC.ENTRA_TLS, 'curves not stated by Microsoft; NistP256 and NistP384 inferred for the ECDHE suites');
const ENTRA_TLS13 = ms(ESRC.ENTRA_TLS, 'Microsoft Entra is also rolling out support for TLS 1.3 (no date; not counted until complete)');

const ENTRA_ID: EndpointProfile = {
  id: 'EntraID',
  name: 'Microsoft Entra ID sign-in (public cloud)',
  hosts: ['login.microsoftonline.com'],
  version: PROFILE_VERSION,
  eras: [
    {
      from: '0000-01-01',
      protocols: TLS10_12,
      tls12Suites: [...ENTRA_TLS12, RSA_3DES],
      tls13Suites: [],
      curves: NIST_256_384,
      cites: {
        protocols: ms(ESRC.ENTRA_TLS, 'Public instances | January 31, 2022 | COMPLETED (TLS 1.0, TLS 1.1 and 3DES deprecated)'),
        tls12Suites: sec(ESRC.ENTRA_TLS, 'reconstructed: the 3DES suite was accepted until January 31, 2022; the rest of the earlier list is not published, the later list is assumed'),
        tls13Suites: ENTRA_TLS13,
        curves: ENTRA_CURVES,
      },
      change: 'Profile start: Azure AD (public instances) accepts TLS 1.0, 1.1 and 1.2 and the 3DES suite.',
    },
    {
      from: '2022-01-31',
      protocols: TLS12,
      tls12Suites: ENTRA_TLS12,
      tls13Suites: [],
      curves: NIST_256_384,
      cites: {
        protocols: ms(ESRC.ENTRA_TLS, 'TLS 1.0, TLS 1.1, and 3DES Cipher suite ... Public instances | January 31, 2022 | COMPLETED'),
        tls12Suites: ms(ESRC.B2C_CIPHERS, 'ENTRA-TLS links "TLS Cipher Suites supported by Microsoft Entra ID" to this list of eight ECDHE suites'),
        tls13Suites: ENTRA_TLS13,
        curves: ENTRA_CURVES,
      },
      change: 'Microsoft Entra ID (public instances) stops supporting TLS 1.0, TLS 1.1 and TLS_RSA_WITH_3DES_EDE_CBC_SHA.',
    },
  ],
};

export const PROFILES: readonly EndpointProfile[] = [MICROSOFT_365, AZURE_FRONT_DOOR, ENTRA_ID];

/** The profile with this id, compared case-insensitively ('entraid' finds 'EntraID'); null when there is none. */
export function profileById(id: string): EndpointProfile | null {
  const wanted = id.trim().toLowerCase();
  return PROFILES.find((p) => p.id.toLowerCase() === wanted) ?? null;
}

/** The era in force on `date` (YYYY-MM-DD): the last one whose `from` is not after it; null before the first. */
export function eraOn(p: EndpointProfile, date: string): EndpointEra | null {
  let found: EndpointEra | null = null;
  for (const e of p.eras) if (e.from <= date) found = e;
  return found;
}

/** The next announced era after `date`: the first one whose `from` is after it; null when none is announced. */
export function nextEra(p: EndpointProfile, date: string): EndpointEra | null {
  return p.eras.find((e) => e.from > date) ?? null;
}
