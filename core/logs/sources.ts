import type { Source } from '../model/source.js';

/**
 * Sources of the log-discovery tables (docs/domain-facts.md sections 9.1, 9.3, 10.9; docs/log-formats.md sections 1.5 and 2.4).
 * Tags match docs/domain-facts.md section 0 where the tag exists there.
 */
export const IIS_BLOG: Source = {
  tag: 'IIS-BLOG',
  title: 'New IIS functionality to help identify weak TLS usage (crypt-protocol, crypt-cipher, crypt-hash, crypt-keyexchange)',
  ref: 'https://www.microsoft.com/en-us/security/blog/2017/09/07/new-iis-functionality-to-help-identify-weak-tls-usage/',
};
export const IIS_VARS: Source = {
  tag: 'IIS-VARS',
  title: 'IIS server variables (CRYPT_PROTOCOL: "the cryptographic protocol used to establish the connection", "TLS 1.2 will be 400"; REMOTE_ADDR: "the remote host that is making the request")',
  ref: 'https://learn.microsoft.com/iis/web-dev-reference/server-variables (MicrosoftDocs/iis-docs, iis/web-dev-reference/server-variables.md)',
};
export const CONNINFO: Source = {
  tag: 'CONNINFO',
  title: 'SecPkgContext_ConnectionInfo structure (dwProtocol, SP_PROT_* values)',
  ref: 'https://learn.microsoft.com/windows/win32/api/schannel/ns-schannel-secpkgcontext_connectioninfo',
};
export const ALG_ID: Source = {
  tag: 'ALG-ID',
  title: 'ALG_ID (CALG_* constants)',
  ref: 'https://learn.microsoft.com/windows/win32/seccrypto/alg-id',
};
export const EX_TLS: Source = {
  tag: 'EX-TLS',
  title: 'Exchange Server TLS configuration best practices (SP_PROT_TLS1_x_SERVER / SP_PROT-TLS1_x_CLIENT rows)',
  ref: 'https://learn.microsoft.com/exchange/exchange-tls-configuration',
};
export const EX_PROTOLOG: Source = {
  tag: 'EX-PROTOLOG',
  title: 'Exchange protocol logging (date-time, connector-id, session-id, ..., context)',
  ref: 'MicrosoftDocs/OfficeDocs-Exchange, Exchange/ExchangeServer/mail-flow/connectors/protocol-logging.md',
};
export const XFF: Source = {
  tag: 'XFF',
  title: 'X-Forwarded-For (MDN): added by proxies and load balancers, "client, proxy1, proxy2", the originating client first; without it a server sees only the proxy',
  ref: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For',
};
