import type { Source } from '../model/source.js';
import { SEED } from '../protocols/sources.js';

/**
 * The sources of the readiness rules, by the short tags of docs/domain-facts.md section 0. A rule lists the
 * ones its fact rests on; tests name them too. `ref` is where to read the fact (never invented).
 */
const s = (tag: string, title: string, ref: string): Source => ({ tag, title, ref });

export const SRC = {
  /** One home: core/protocols/sources.ts (the page and its DefaultSecureProtocols table). */
  SEED,
  KB3140245: s('KB3140245', 'Update to enable TLS 1.1 and TLS 1.2 as default secure protocols in WinHTTP in Windows', 'https://support.microsoft.com/kb/3140245'),
  KB4467770: s('KB4467770', 'Archived KB documenting DefaultSecureProtocols with 0x200 and 0x800', 'https://mskb.pkisolutions.com/kb/4467770'),
  WINHTTP_FLAGS: s('WINHTTP-FLAGS', 'WinHTTP option flags, WINHTTP_OPTION_SECURE_PROTOCOLS (per-OS defaults, 0x2000)', 'MicrosoftDocs/win32 desktop-src/WinHttp/option-flags.md @94d9fdab'),
  WINHTTP_SRV: s('WINHTTP-SRV', 'Configure secure protocol options for WinHTTP', 'MicrosoftDocs/windowsserverdocs WindowsServerDocs/networking/configure-secure-protocol-options-winhttp.md'),
  INETRES: s('INETRES', 'inetres.admx policy Advanced_SetWinInetProtocols ("Turn off encryption support")', '%SystemRoot%\\PolicyDefinitions\\inetres.admx'),
  CBS_STATES: s('CBS-STATES', 'Tip of the Day: CBS Servicing States Chart', 'learn.microsoft.com/archive/blogs/tip_of_the_day/tip-of-the-day-cbs-servicing-states-chart-refresher'),
  DOTNET_INST: s('DOTNET-INST', 'How to determine which .NET Framework versions are installed', 'dotnet/docs docs/framework/install/how-to-determine-which-versions-are-installed.md @a9d399ed'),
  TLS1_PROBLEM: s('TLS1-PROBLEM', 'Solving the TLS 1.0 Problem, 2nd Edition', 'https://learn.microsoft.com/security/engineering/solving-tls1-problem'),
  PROTOCOLS: s('PROTOCOLS', 'Protocols in TLS/SSL (Schannel SSP)', 'MicrosoftDocs/win32 desktop-src/SecAuthN/protocols-in-tls-ssl--schannel-ssp-.md @32fe34e6'),
  TLSREG_2019: s('TLSREG-2019', 'Transport Layer Security (TLS) registry settings (2019)', 'MicrosoftDocs/windowsserverdocs WindowsServerDocs/security/tls/tls-registry-settings.md @fce32208'),
  TLSREG_2023: s('TLSREG-2023', 'Transport Layer Security (TLS) registry settings (2023)', 'MicrosoftDocs/windowsserverdocs WindowsServerDocs/security/tls/tls-registry-settings.md (ms.date 04/10/2023)'),
  DOTNET_TLS: s('DOTNET-TLS', 'Transport Layer Security (TLS) best practices with the .NET Framework', 'dotnet/docs docs/framework/network-programming/tls.md @8417924a'),
  DOTNET_VER: s('DOTNET-VER', '.NET Framework release keys', 'dotnet/docs docs/framework/migration-guide/how-to-determine-which-versions-are-installed.md @08294a0f'),
  SPT: s('SPT', 'SecurityProtocolType enum', 'https://learn.microsoft.com/dotnet/api/system.net.securityprotocoltype'),
  CM_PREREQ: s('CM-PREREQ', 'List of prerequisite checks for Configuration Manager, "Pending system restart"', 'MicrosoftDocs/memdocs memdocs/configmgr/core/servers/deploy/install/list-of-prerequisite-checks.md @06170459 (https://learn.microsoft.com/mem/configmgr/core/servers/deploy/install/list-of-prerequisite-checks#pending-system-restart)'),
  HC_REBOOT: s('HC-REBOOT', 'CSS-Exchange Get-ServerRebootPending.ps1 (HealthChecker pending-reboot check)', 'microsoft/CSS-Exchange Shared/Get-ServerRebootPending.ps1 @186f82b9'),
  CM_CLIENT: s('CM-CLIENT', 'Enable TLS 1.2 on clients (Configuration Manager)', 'MicrosoftDocs/memdocs memdocs/configmgr/core/plan-design/security/enable-tls-1-2-client.md @89a90bc8'),
  AADC: s('AADC', 'TLS 1.2 enforcement for Azure AD Connect', 'MicrosoftDocs/azure-docs articles/active-directory/hybrid/reference-connect-tls-enforcement.md @0a2d242b'),
  M365_ENC: s('M365-ENC', 'Technical reference details about encryption (Microsoft 365)', 'MicrosoftDocs/microsoft-365-docs microsoft-365/compliance/technical-reference-details-about-encryption.md @00fff532'),
  HC_DOC: s('HC-DOC', 'HealthChecker TLS configuration check', 'microsoft/CSS-Exchange docs/Diagnostics/HealthChecker/TLSConfigurationCheck.md @f88378b1'),
  HC_REG: s('HC-REG', 'CSS-Exchange Get-AllTlsSettingsFromRegistry.ps1', 'microsoft/CSS-Exchange Shared/TLS/Get-AllTlsSettingsFromRegistry.ps1'),
  HC_AN: s('HC-AN', 'CSS-Exchange Invoke-AnalyzerSecuritySettings.ps1', 'microsoft/CSS-Exchange Diagnostics/HealthChecker/Analyzer/Security/Invoke-AnalyzerSecuritySettings.ps1'),
  HC_CIPHER: s('HC-CIPHER', 'CSS-Exchange Get-TlsCipherSuiteInformation.ps1', 'microsoft/CSS-Exchange Shared/TLS/Get-TlsCipherSuiteInformation.ps1'),
  HC_NET: s('HC-NET', 'CSS-Exchange Get-NETFrameworkVersion.ps1', 'microsoft/CSS-Exchange Shared/Get-NETFrameworkVersion.ps1'),
  HC_EP: s('HC-EP', 'CSS-Exchange Invoke-ExtendedProtectionTlsPrerequisitesCheck.ps1', 'microsoft/CSS-Exchange Security/src/ExchangeExtendedProtectionManagement/DataCollection/Invoke-ExtendedProtectionTlsPrerequisitesCheck.ps1'),
  EX_TLS: s('EX-TLS', 'Exchange Server TLS configuration best practices', 'https://learn.microsoft.com/exchange/exchange-tls-configuration'),
  WIN_DEPR: s('WIN-DEPR', 'TLS versions 1.0 and 1.1 disablement resources (Windows deprecated features)', 'MicrosoftDocs/windows-itpro-docs, deprecated features resources'),
  KB5017811: s('KB5017811', 'Manage TLS 1.0 and 1.1 after default behavior change on September 20, 2022', 'https://support.microsoft.com/topic/kb5017811'),
  SCHCRED: s('SCHCRED', 'SCHANNEL_CRED structure', 'https://learn.microsoft.com/windows/win32/api/schannel/ns-schannel-schannel_cred'),
  TLSCONV: s('TLS365', 'TLS365 convention stated in docs/domain-facts.md', 'docs/domain-facts.md'),
} as const;
