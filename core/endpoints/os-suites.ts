import { ESRC } from './sources.js';
import type { Cite, CurveName, OsSuite, OsSuiteDefaults, TlsVersion } from './types.js';

/**
 * What each Windows build offers by default: the tables of Microsoft's "TLS Cipher Suites in Windows <version>"
 * pages (MicrosoftDocs/win32 desktop-src/SecAuthN, read at the commits in sources.ts, 2026-12-05) and the default
 * curve order of its "TLS Elliptic Curves" / "TLS Supported Groups" pages. docs/endpoint-facts-os.md states the
 * facts, the discrepancies between pages and which page is followed.
 *
 * How the tables become data:
 * - `suites`: the "enabled and in this priority order by default" table in its order (enabledByDefault true), then
 *   the "supported ... but not enabled by default" table, then the PSK table (whose note says "No PSK cipher suites
 *   are enabled by default", so they are false too). Names exactly as the page spells them, with the `_P256` /
 *   `_P384` / `_P521` suffixes before Windows 10. Protocols: the TLS versions the page lists, ascending; SSL 2.0/3.0
 *   are dropped, and suites listed for SSL only (SSL_CK_*) are left out.
 * - The rows marked "Only used when application explicitly requests." (the NULL suites) stay where the page puts
 *   them: TLS_RSA_WITH_NULL_SHA256 and TLS_RSA_WITH_NULL_SHA are in every default table; Schannel does not offer
 *   them unless an application asks for them.
 * - `requiresUpdate` is set on no suite: the Windows 7 / 8 page says the 3042058 update "changes the priority
 *   order" and the 8.1 page says update 2919355 "adds the new cipher suites and changes the priority order", but
 *   neither says which suites an update added. The lists below are the updated ones; the entry's cite quotes the
 *   sentence. A machine without the update has an older list these pages do not give.
 * - Server editions that share a client build (Server 2008 = 6001-6003, 2008 R2 = 7601, 2012 = 9200, 2012 R2 = 9600,
 *   2016 = 14393, 2019 = 17763) use that client's page; Server 2022 and 2025 have their own.
 * - Builds between releases (pre-release builds) have no page: they are OS_SUITE_GAPS and osSuitesFor returns null.
 */

const T12: readonly TlsVersion[] = ['TLS 1.2'];
const T13: readonly TlsVersion[] = ['TLS 1.3'];
const T10_12: readonly TlsVersion[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2'];
/** The Vista page names these in a bullet list without protocol versions. */
const NO_PROTOCOLS_GIVEN: readonly TlsVersion[] = [];

const on = (name: string, protocols: readonly TlsVersion[]): OsSuite => ({ name, protocols, enabledByDefault: true });
const off = (name: string, protocols: readonly TlsVersion[]): OsSuite => ({ name, protocols, enabledByDefault: false });

/** When the facts below were read from the pages. */
const CHECKED = '2026-12-05';
const cite = (source: Cite['source'], quote: string): Cite => ({ source, confidence: 'microsoft', checked: CHECKED, quote });

/**
 * schannel-cipher-suites-in-windows-vista.md [CS-VISTA] ("TLS Cipher Suites in Windows Vista"): one table "listed in
 * the default order", then a bullet list of suites "not present by default". TLS_RSA_WITH_NULL_MD5 and
 * TLS_RSA_WITH_NULL_SHA are in both; the bullet list is followed (not enabled by default). The page lists
 * "TLS 1.2, TLS 1.1, TLS 1.0" for every TLS suite although the protocols page [PROTOCOLS] says Vista / Server 2008
 * do not support TLS 1.1 or 1.2 (Server 2008 SP2: supported, disabled): the protocols are the page's, whether a
 * version is usable is core/protocols' question.
 */
const VISTA: readonly OsSuite[] = [
  // default order
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  // in the table and in the "not present by default" list: the list is followed
  off('TLS_RSA_WITH_NULL_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_SHA', T10_12),
  // "not present by default" (bullet list, no protocol versions given)
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', NO_PROTOCOLS_GIVEN),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', NO_PROTOCOLS_GIVEN),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', NO_PROTOCOLS_GIVEN),
  off('TLS_RSA_WITH_DES_CBC_SHA', NO_PROTOCOLS_GIVEN),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', NO_PROTOCOLS_GIVEN),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', NO_PROTOCOLS_GIVEN),
];

/** tls-cipher-suites-in-windows-7.md [CS-WIN7]: the list after the KB3042058 update (the page: "updated ... by the 3042058 update which changes the priority order"). */
const WIN7: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
];

/** tls-cipher-suites-in-windows-8.md [CS-WIN8]: as Windows 7's without TLS_DHE_RSA_WITH_AES_256/128_CBC_SHA (not on this page at all). */
const WIN8: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
];

/** tls-cipher-suites-in-windows-8-1.md [CS-WIN81]: the list with update 2919355 ("adds the new cipher suites and changes the priority order"); the same tables as the Windows 7 page. */
const WIN81: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P384', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P256', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P521', T12),
  off('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA_P521', T10_12),
  off('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P521', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
];

/** tls-cipher-suites-in-windows-10--version-1507.md [CS-1507]. */
const W10_1507: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
];

/** tls-cipher-suites-in-windows-10-v1511.md [CS-1511]. */
const W10_1511: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
];

/** tls-cipher-suites-in-windows-10-v1607.md [CS-1607]: "For Windows 10, version 1607 and Windows Server 2016". */
const W10_1607: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/** tls-cipher-suites-in-windows-10-v1703.md [CS-1703]. */
const W10_1703: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  on('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/**
 * tls-cipher-suites-in-windows-10-v1709.md [CS-1709]. The v1803, v1809, v1903 ("v1903, v1909, and v2004") and v20H2
 * ("v20H2, v21H1, and v21H2") pages have the same three tables, suite for suite and in the same order (compared
 * 2026-12-05): one list, each build range citing its own page.
 */
const W10_1709_TO_21H2: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/** tls-cipher-suites-in-windows-10-v22H2.md [CS-W10-22H2]: unlike the v20H2 page, DHE_RSA AES-GCM and 3DES are not enabled by default. */
const W10_22H2: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/** tls-cipher-suites-in-windows-server-2022.md [CS-2022]; tls-cipher-suites-in-windows-11.md [CS-WIN11] has the same tables. */
const WS2022_AND_W11_21H2: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_AES_256_GCM_SHA384', T13),
  on('TLS_AES_128_GCM_SHA256', T13),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_CHACHA20_POLY1305_SHA256', T13),
  off('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/** tls-cipher-suites-in-windows-11-v22H2.md [CS-W11-22H2] ("v22H2 and later"); tls-cipher-suites-in-windows-server-2025.md [CS-2025] ("Server 2025 and later") has the same tables. */
const W11_22H2_AND_LATER: readonly OsSuite[] = [
  // enabled by default, in priority order
  on('TLS_AES_256_GCM_SHA384', T13),
  on('TLS_AES_128_GCM_SHA256', T13),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', T12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_256_GCM_SHA384', T12),
  on('TLS_RSA_WITH_AES_128_GCM_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA256', T12),
  on('TLS_RSA_WITH_AES_256_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_AES_128_CBC_SHA', T10_12),
  on('TLS_RSA_WITH_NULL_SHA256', T12), // "Only used when application explicitly requests."
  on('TLS_RSA_WITH_NULL_SHA', T10_12), // "Only used when application explicitly requests."
  // supported, not enabled by default
  off('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_RSA_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_CHACHA20_POLY1305_SHA256', T13),
  off('TLS_DHE_RSA_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_RSA_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_DHE_DSS_WITH_AES_256_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_AES_128_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_SHA', T10_12),
  off('TLS_RSA_WITH_RC4_128_MD5', T10_12),
  off('TLS_RSA_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_WITH_DES_CBC_SHA', T10_12),
  off('TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  off('TLS_RSA_WITH_NULL_MD5', T10_12), // "Only used when application explicitly requests."
  off('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA', T10_12),
  off('TLS_RSA_EXPORT_WITH_RC4_40_MD5', T10_12),
  off('TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA', T10_12),
  // PSK (the page: "No PSK cipher suites are enabled by default")
  off('TLS_PSK_WITH_AES_256_GCM_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_GCM_SHA256', T12),
  off('TLS_PSK_WITH_AES_256_CBC_SHA384', T12),
  off('TLS_PSK_WITH_AES_128_CBC_SHA256', T12),
  off('TLS_PSK_WITH_NULL_SHA384', T12),
  off('TLS_PSK_WITH_NULL_SHA256', T12),
];

/** The suites the Server 2022 page's note takes out of the default list "in Windows Server 2022 23H2 and later". */
const OFF_IN_2022_23H2: readonly string[] = ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'];

/** The Server 2022 list with the note applied: the three suites move, in the page's order, to the front of the not-enabled ones. */
const WS_23H2: readonly OsSuite[] = [
  ...WS2022_AND_W11_21H2.filter((x) => x.enabledByDefault && !OFF_IN_2022_23H2.includes(x.name)),
  ...WS2022_AND_W11_21H2.filter((x) => OFF_IN_2022_23H2.includes(x.name)).map((x) => off(x.name, x.protocols)),
  ...WS2022_AND_W11_21H2.filter((x) => !x.enabledByDefault),
];

const NONE: readonly CurveName[] = [];
/** "For Windows 10, versions 1507 and 1511, the following elliptic curves are enabled and in this priority order by default" [CURVES-1507]. */
const CURVES_1507: readonly CurveName[] = ['NistP256', 'NistP384'];
/** "For Windows 10, versions 1607 and later" [CURVES-1607]; the same three, spelled nistP256 / nistP384, for 24H2 and later [GROUPS-24H2]. */
const CURVES_1607: readonly CurveName[] = ['curve25519', 'NistP256', 'NistP384'];

const C1507 = cite(ESRC.CURVES_1507, 'For Windows 10, versions 1507 and 1511, the following elliptic curves are enabled and in this priority order by default: NistP256, NistP384');
const C1607 = cite(ESRC.CURVES_1607, 'For Windows 10, versions 1607 and later, the following elliptic curves are enabled and in this priority order by default: curve25519, NistP256, NistP384');
const G24H2 = cite(ESRC.GROUPS_24H2, 'For Windows 11, versions 24H2 and later, the following groups are enabled and in this priority order by default: curve25519, nistP256, nistP384');

/** Sorted by fromBuild; with OS_SUITE_GAPS the ranges cover 6000..99999 without overlap. */
export const OS_SUITES: readonly OsSuiteDefaults[] = [
  {
    // The page is "TLS Cipher Suites in Windows Vista"; Server 2008 shares the builds (6001 SP1, 6002 SP2, 6003 SP2 after 2019 updates).
    family: 'Windows Vista / Server 2008', fromBuild: 6000, toBuild: 6003, suites: VISTA, curves: NONE,
    cite: cite(ESRC.CS_VISTA, 'Schannel supports the following cipher suites. The suites are listed in the default order in which they are chosen by the Microsoft Schannel Provider.'),
  },
  {
    // The page is titled Windows 7; Server 2008 R2 shares the build and the protocols page names them together.
    family: 'Windows 7 / Server 2008 R2', fromBuild: 7600, toBuild: 7601, suites: WIN7, curves: NONE,
    cite: cite(ESRC.CS_WIN7, 'Windows 7, Windows 8, and Windows Server 2012 are updated by the Windows Update by the 3042058 update which changes the priority order.'),
  },
  {
    family: 'Windows 8 / Server 2012', fromBuild: 9200, toBuild: 9200, suites: WIN8, curves: NONE,
    cite: cite(ESRC.CS_WIN8, 'Windows 7, Windows 8, and Windows Server 2012 are updated by the Windows Update by the 3042058 update which changes the priority order.'),
  },
  {
    family: 'Windows 8.1 / Server 2012 R2', fromBuild: 9600, toBuild: 9600, suites: WIN81, curves: NONE,
    cite: cite(ESRC.CS_WIN81, 'Windows 8.1 and Windows Server 2012 R2 are updated by Windows Update by the update 2919355 applied which adds the new cipher suites and changes the priority order.'),
  },
  {
    family: 'Windows 10 1507', fromBuild: 10240, toBuild: 10240, suites: W10_1507, curves: CURVES_1507,
    cite: cite(ESRC.CS_1507, 'For Windows 10, version 1507, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1507,
  },
  {
    family: 'Windows 10 1511', fromBuild: 10586, toBuild: 10586, suites: W10_1511, curves: CURVES_1507,
    cite: cite(ESRC.CS_1511, 'For Windows 10, version 1511, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1507,
  },
  {
    family: 'Windows 10 1607 / Server 2016', fromBuild: 14393, toBuild: 14393, suites: W10_1607, curves: CURVES_1607,
    cite: cite(ESRC.CS_1607, 'For Windows 10, version 1607 and Windows Server 2016, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 10 1703', fromBuild: 15063, toBuild: 15063, suites: W10_1703, curves: CURVES_1607,
    cite: cite(ESRC.CS_1703, 'For Windows 10, version 1703, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // The page names Windows 10 1709 only; Windows Server, version 1709 shares the build.
    family: 'Windows 10 1709', fromBuild: 16299, toBuild: 16299, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_1709, 'For Windows 10, version 1709, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // The page names Windows 10 1803 only; Windows Server, version 1803 shares the build.
    family: 'Windows 10 1803', fromBuild: 17134, toBuild: 17134, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_1803, 'For Windows 10, version 1803, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // The page names Windows 10 1809 only; Server 2019 shares the build and the protocols page names them together.
    family: 'Windows 10 1809 / Server 2019', fromBuild: 17763, toBuild: 17763, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_1809, 'For Windows 10, version 1809, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 10 1903 / 1909 (one page with 2004)', fromBuild: 18362, toBuild: 18363, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_1903, 'For Windows 10, version 1903, 1909, and 2004, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 10 2004 (one page with 1903 / 1909)', fromBuild: 19041, toBuild: 19041, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_1903, 'For Windows 10, version 1903, 1909, and 2004, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 10 20H2 / 21H1 / 21H2 (one page)', fromBuild: 19042, toBuild: 19044, suites: W10_1709_TO_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_20H2, 'For Windows 10, version v20H2, v21H1, and v21H2, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // Its own page, which differs from the 20H2 one (docs/endpoint-facts-os.md): that page is followed.
    family: 'Windows 10 22H2', fromBuild: 19045, toBuild: 19045, suites: W10_22H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_W10_22H2, 'For Windows 10, version v22H2, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // Curves: the "Windows 10 version 1607 and later" page, read as covering the later 10.0 builds up to 24H2 (no other page covers them).
    family: 'Windows Server 2022', fromBuild: 20348, toBuild: 20348, suites: WS2022_AND_W11_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_2022, 'For Windows Server 2022, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 11 21H2', fromBuild: 22000, toBuild: 22000, suites: WS2022_AND_W11_21H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_WIN11, 'For Windows 11, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    family: 'Windows 11 22H2 / 23H2 (page "v22H2 and later")', fromBuild: 22621, toBuild: 22631, suites: W11_22H2_AND_LATER, curves: CURVES_1607,
    cite: cite(ESRC.CS_W11_22H2, 'For Windows 11 v22H2 and later, the following cipher suites are enabled and in this priority order by default'), curvesCite: C1607,
  },
  {
    // No page of its own: the Server 2022 page's note. 25398 is the Windows Server annual-channel 23H2 build; that
    // number is not from a Microsoft page (a public Go container-platform source: "v23H2 is the 23H2 release in the
    // Windows Server annual channel", v23H2 = 25398), see docs/endpoint-facts-os.md.
    family: 'Windows Server, version 23H2 (Server 2022 page, "23H2 and later" note)', fromBuild: 25398, toBuild: 25398, suites: WS_23H2, curves: CURVES_1607,
    cite: cite(ESRC.CS_2022, 'The following cipher suites from the table above are not enabled by default in Windows Server 2022 23H2 and later: TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, and TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.'), curvesCite: C1607,
  },
  {
    // The Server 2025 page ("and later") is cited; the Windows 11 "v22H2 and later" page has the same tables.
    family: 'Windows 11 24H2 and later / Server 2025 and later', fromBuild: 26100, toBuild: 99999, suites: W11_22H2_AND_LATER, curves: CURVES_1607,
    cite: cite(ESRC.CS_2025, 'For Windows Server 2025 and later, the following cipher suites are enabled and in this priority order by default'), curvesCite: G24H2,
  },
];

export interface OsSuiteGap {
  readonly fromBuild: number;
  readonly toBuild: number;
  readonly why: string;
}

const between = (a: string, b: string): string => `Between ${a} and ${b}: pre-release builds only; no Microsoft page gives their cipher suites.`;

/** The build ranges OS_SUITES leaves out on purpose (osSuitesFor returns null there), sorted. */
export const OS_SUITE_GAPS: readonly OsSuiteGap[] = [
  { fromBuild: 6004, toBuild: 7599, why: between('Windows Vista / Server 2008 (6003)', 'Windows 7 (7600)') },
  { fromBuild: 7602, toBuild: 9199, why: between('Windows 7 SP1 (7601)', 'Windows 8 (9200)') },
  { fromBuild: 9201, toBuild: 9599, why: between('Windows 8 (9200)', 'Windows 8.1 (9600)') },
  { fromBuild: 9601, toBuild: 10239, why: between('Windows 8.1 (9600)', 'Windows 10 1507 (10240)') },
  { fromBuild: 10241, toBuild: 10585, why: between('Windows 10 1507', '1511 (10586)') },
  { fromBuild: 10587, toBuild: 14392, why: between('Windows 10 1511', '1607 (14393)') },
  { fromBuild: 14394, toBuild: 15062, why: between('Windows 10 1607', '1703 (15063)') },
  { fromBuild: 15064, toBuild: 16298, why: between('Windows 10 1703', '1709 (16299)') },
  { fromBuild: 16300, toBuild: 17133, why: between('Windows 10 1709', '1803 (17134)') },
  { fromBuild: 17135, toBuild: 17762, why: between('Windows 10 1803', '1809 (17763)') },
  { fromBuild: 17764, toBuild: 18361, why: between('Windows 10 1809', '1903 (18362)') },
  { fromBuild: 18364, toBuild: 19040, why: between('Windows 10 1909 (18363)', '2004 (19041)') },
  { fromBuild: 19046, toBuild: 20347, why: between('Windows 10 22H2 (19045)', 'Windows Server 2022 (20348)') },
  { fromBuild: 20349, toBuild: 21999, why: between('Windows Server 2022 (20348)', 'Windows 11 21H2 (22000)') },
  { fromBuild: 22001, toBuild: 22620, why: between('Windows 11 21H2', '22H2 (22621)') },
  {
    fromBuild: 22632, toBuild: 25397,
    why: 'After Windows 11 23H2 (22631): the "v22H2 and later" page does not say which of these (pre-release) builds it covers.',
  },
  { fromBuild: 25399, toBuild: 26099, why: between('Windows Server, version 23H2 (25398)', 'Windows 11 24H2 / Server 2025 (26100)') },
];

/** The facts of the page that covers `build` (CurrentBuildNumber), or null for a build no page covers. */
export function osSuitesFor(build: number): OsSuiteDefaults | null {
  if (!Number.isInteger(build)) return null;
  return OS_SUITES.find((e) => build >= e.fromBuild && build <= e.toBuild) ?? null;
}
