import type { Source } from '../model/source.js';
import { SRC } from '../readiness/sources.js';

/**
 * The sources of the endpoint data (issue 16 item 1): what Microsoft endpoints accept (profiles.ts) and what each
 * Windows build offers (os-suites.ts). `ref` is where to read the fact: a repository path with the commit read, or
 * a URL (never invented). docs/endpoint-facts-profiles.md lists them with what each one says.
 */
const s = (tag: string, title: string, ref: string): Source => ({ tag, title, ref });

export const ESRC = {
  // Endpoint profiles
  /** One home: core/readiness/sources.ts (the Microsoft 365 encryption reference, suites and deprecation dates). */
  M365_ENC: SRC.M365_ENC,
  M365_ENC_2021: s('M365-ENC-2021', 'Technical reference details about encryption (Microsoft 365), version saying "TLS 1.3 is currently not supported"', 'MicrosoftDocs/microsoft-365-docs microsoft-365/compliance/technical-reference-details-about-encryption.md @c3aa1ae1'),
  MC1155427: s('MC1155427', 'Microsoft 365 message center MC1155427: legacy TLS cipher suites without forward secrecy deprecated on 20 October 2025 (third-party mirror of the admin-center post)', 'https://www.itelio.com/microsoft-message-center/MC1155427'),
  INDENO_2025: s('INDENO-2025', 'Veraltete TLS-Cipher-Suites in Microsoft 365 werden abgeschaltet (indeno blog, restates MC1155427)', 'https://inside.indeno.at/veraltete-tls-cipher-suites-in-microsoft-365-werden-abgeschaltet'),
  AFD_TLS_2025: s('AFD-TLS-2025', 'TLS encryption with Azure Front Door (ms.date 04/09/2025, with the DHE suites)', 'MicrosoftDocs/azure-docs articles/frontdoor/end-to-end-tls.md @0088bfa7'),
  AFD_TLS_2026: s('AFD-TLS-2026', 'TLS encryption with Azure Front Door (ms.date 07/31/2026, "Support for DHE cipher suites retired on April 1, 2026")', 'MicrosoftDocs/azure-docs articles/frontdoor/end-to-end-tls.md (ms.date 07/31/2026; https://learn.microsoft.com/azure/frontdoor/end-to-end-tls)'),
  AFD_DHE: s('AFD-DHE', 'TLS_DHE cipher suites on Azure Front Door and Azure CDN', 'MicrosoftDocs/azure-docs articles/frontdoor/diffie-hellman-ciphers.md @2e67d0c1 (https://learn.microsoft.com/azure/frontdoor/diffie-hellman-ciphers)'),
  AFD_POLICY_2025: s('AFD-POLICY-2025', 'Azure Front Door TLS policy (ms.date 04/09/2025): TLSv1.2_2023 and TLSv1.2_2022', 'MicrosoftDocs/azure-docs articles/frontdoor/standard-premium/tls-policy.md @2260e8c7'),
  AFD_POLICY_2026: s('AFD-POLICY-2026', 'Configure an Azure Front Door TLS policy (ms.date 08/13/2026): TLSv1.2_2022 without DHE', 'MicrosoftDocs/azure-docs articles/frontdoor/tls-policy.md @60a891b2'),
  AFD_KX: s('AFD-KX', 'Azure Front Door TLS key exchange policy (supported groups; Standard is the default)', 'https://learn.microsoft.com/azure/frontdoor/tls-key-exchange-policy'),
  ENTRA_TLS: s('ENTRA-TLS', 'Enable TLS 1.2 support in your environment for Microsoft Entra (TLS 1.0/1.1 and 3DES deprecation)', 'MicrosoftDocs/SupportArticles-docs support/entra/entra-id/ad-dmn-services/enable-support-tls-environment.md @11582ff8'),
  B2C_CIPHERS: s('B2C-CIPHERS', 'Azure Active Directory B2C TLS and cipher suite requirements (ENTRA-TLS links it as "TLS Cipher Suites supported by Microsoft Entra ID")', 'MicrosoftDocs/azure-docs articles/active-directory-b2c/https-cipher-tls-requirements.md @9d993338'),
  // OS cipher-suite pages (os-suites.ts; docs/endpoint-facts-os.md). The commit is the last one that changed the page.
  CS_VISTA: s('CS-VISTA', 'TLS Cipher Suites in Windows Vista', 'MicrosoftDocs/win32 desktop-src/SecAuthN/schannel-cipher-suites-in-windows-vista.md @3c1fd9cf (https://learn.microsoft.com/windows/win32/secauthn/schannel-cipher-suites-in-windows-vista)'),
  CS_WIN7: s('CS-WIN7', 'TLS Cipher Suites in Windows 7', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-7.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-7)'),
  CS_WIN8: s('CS-WIN8', 'TLS Cipher Suites in Windows 8', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-8.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-8)'),
  CS_WIN81: s('CS-WIN81', 'TLS Cipher Suites in Windows 8.1', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-8-1.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-8-1)'),
  CS_1507: s('CS-1507', 'TLS Cipher Suites in Windows 10 v1507', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10--version-1507.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10--version-1507)'),
  CS_1511: s('CS-1511', 'TLS Cipher Suites in Windows 10 v1511', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1511.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1511)'),
  CS_1607: s('CS-1607', 'TLS Cipher Suites in Windows 10 v1607', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1607.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1607)'),
  CS_1703: s('CS-1703', 'TLS Cipher Suites in Windows 10 v1703', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1703.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1703)'),
  CS_1709: s('CS-1709', 'TLS Cipher Suites in Windows 10 v1709', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1709.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1709)'),
  CS_1803: s('CS-1803', 'TLS Cipher Suites in Windows 10 v1803', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1803.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1803)'),
  CS_1809: s('CS-1809', 'TLS Cipher Suites in Windows 10 v1809', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1809.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1809)'),
  CS_1903: s('CS-1903', 'TLS Cipher Suites in Windows 10 v1903, v1909, and v2004', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v1903.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v1903)'),
  CS_20H2: s('CS-20H2', 'TLS Cipher Suites in Windows 10 v20H2, v21H1, and v21H2', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v20H2.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v20h2)'),
  CS_W10_22H2: s('CS-W10-22H2', 'TLS Cipher Suites in Windows 10 v22H2', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-10-v22H2.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-10-v22h2)'),
  CS_2022: s('CS-2022', 'TLS Cipher Suites in Windows Server 2022 (ms.date 08/18/2025, with the "23H2 and later" note)', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-server-2022.md @35fe7909 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-server-2022)'),
  CS_WIN11: s('CS-WIN11', 'TLS Cipher Suites in Windows 11', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-11.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-11)'),
  CS_W11_22H2: s('CS-W11-22H2', 'TLS Cipher Suites in Windows 11 v22H2 and later', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-11-v22H2.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-11-v22h2)'),
  CS_2025: s('CS-2025', 'TLS Cipher Suites in Windows Server 2025 and later', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-cipher-suites-in-windows-server-2025.md @3630e368 (https://learn.microsoft.com/windows/win32/secauthn/tls-cipher-suites-in-windows-server-2025)'),
  CURVES_1507: s('CURVES-1507', 'TLS Elliptic Curves in Windows 10 version 1507 and 1511', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-elliptic-curves-in-windows-10-1507-and-1511.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-elliptic-curves-in-windows-10-1507-and-1511)'),
  CURVES_1607: s('CURVES-1607', 'TLS Elliptic Curves in Windows 10 version 1607 and later', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-elliptic-curves-in-windows-10-1607-and-later.md @85aabcb3 (https://learn.microsoft.com/windows/win32/secauthn/tls-elliptic-curves-in-windows-10-1607-and-later)'),
  GROUPS_24H2: s('GROUPS-24H2', 'TLS Supported Groups in Windows 11 versions 24H2, Windows Server 2025, and later (ms.date 05/20/2026)', 'MicrosoftDocs/win32 desktop-src/SecAuthN/tls-supported-groups-in-windows-11-24h2-and-later.md @b9c21933 (https://learn.microsoft.com/windows/win32/secauthn/tls-supported-groups-in-windows-11-24h2-and-later)'),
} as const;
