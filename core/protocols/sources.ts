import type { Source } from '../model/source.js';

/** Sources of the protocol bit tables; tags match docs/domain-facts.md section 0. */
/** The page the product answers to; also a readiness rule source (core/readiness/sources.ts reads it here). */
export const SEED: Source = {
  tag: 'SEED',
  title: 'Disabling TLS 1.0 and 1.1 for Microsoft 365 (DefaultSecureProtocols table)',
  ref: 'https://learn.microsoft.com/purview/tls-1.0-and-1.1-deprecation-for-office-365 (MicrosoftDocs/microsoft-365-docs, microsoft-365/compliance/tls-1.0-and-1.1-deprecation-for-office-365.md)',
};
export const KB3140245: Source = {
  tag: 'KB3140245',
  title: 'Update to enable TLS 1.1 and TLS 1.2 as default secure protocols in WinHTTP in Windows',
  ref: 'https://support.microsoft.com/kb/3140245',
};
export const WINHTTP_FLAGS: Source = {
  tag: 'WINHTTP-FLAGS',
  title: 'WinHTTP option flags: WINHTTP_OPTION_SECURE_PROTOCOLS (0x00002000 enables TLS 1.3)',
  ref: 'https://learn.microsoft.com/windows/win32/winhttp/option-flags',
};
export const INETRES: Source = {
  tag: 'INETRES',
  title: 'inetres.admx / InetRes.adml, policy Advanced_SetWinInetProtocols ("Turn off encryption support")',
  ref: '%SystemRoot%\\PolicyDefinitions\\inetres.admx and en-US\\inetres.adml, policy Advanced_SetWinInetProtocols',
};
export const MSIDTOOLS: Source = {
  tag: 'MSIDTOOLS',
  title: 'AzureAD/MSIdentityTools Set-MsIdWindowsTlsSettings.ps1 (Microsoft-written; ORs 8192 = TLS 1.3 into SecureProtocols)',
  ref: 'AzureAD/MSIdentityTools, src/Set-MsIdWindowsTlsSettings.ps1',
};
export const SCHCRED: Source = {
  tag: 'SCHCRED',
  title: 'SCHANNEL_CRED structure, grbitEnabledProtocols (SP_PROT_* client and server bits)',
  ref: 'https://learn.microsoft.com/windows/win32/api/schannel/ns-schannel-schannel_cred',
};
export const SCHANNEL_H: Source = {
  tag: 'SCHANNEL-H',
  title: 'um/schannel.h, Windows SDK 10.0.22621.0 (SP_PROT_* constants)',
  ref: 'Windows SDK 10.0.22621.0, Include/um/schannel.h',
};
