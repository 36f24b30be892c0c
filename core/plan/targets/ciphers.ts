import { CIPHER_POLICY_KEY } from '../../readiness/paths.js';
import { AFD_GCM_SUITES, M365_SUITES, suiteBase, suiteList } from '../../readiness/rules/schannel/cipher-suites.js';
import { warning, type Intent, type TargetContext } from '../intent.js';

/**
 * Cipher suites (docs/domain-facts.md 3.4, 10.4 SCHANNEL-014..016). Only when a list is configured (otherwise the OS
 * default order applies and nothing is wrong) and it lacks every Microsoft 365 suite (014) or the AES-GCM
 * suites Azure Front Door needs (015): the target list puts the missing suites first, then the configured
 * ones without 3DES/RC4 (016), written as the Group Policy list, REG_SZ comma-separated [HC-CIPHER].
 */
const ECDHE_GCM = ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'];
const DHE_GCM = ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'];
const RSA_GCM = ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'];
/** Windows 10 is the first with the ECDHE_RSA AES-GCM suites; 7/8/8.1 get the DHE ones [M365-ENC]. */
const ECDHE_GCM_FROM_BUILD = 10240;

/**
 * The SSL Cipher Suite Order list holds at most 1,023 characters ("The list of cipher suites is limited to 1023
 * characters": Prioritizing Schannel Cipher Suites, https://learn.microsoft.com/windows/win32/secauthn/prioritizing-schannel-cipher-suites).
 */
export const CIPHER_LIST_LIMIT = 1023;

const isWeak = (name: string): boolean => { const b = suiteBase(name); return b === 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' || /(^|_)RC4(_|$)/.test(b); };

export function cipherIntents(ctx: TargetContext): Intent[] {
  const { m } = ctx;
  if (m.os === null) return [];
  const list = suiteList(m);
  if (list === null) return [];
  const has = (wanted: readonly string[]): boolean => list.suites.some((s) => wanted.includes(suiteBase(s)));
  const modern = m.os.build >= ECDHE_GCM_FROM_BUILD;
  const add: string[] = [];
  if (!has(M365_SUITES)) add.push(...(modern ? ECDHE_GCM : [...DHE_GCM, ...RSA_GCM]));
  else if (!has(AFD_GCM_SUITES)) add.push(...(modern ? ECDHE_GCM : DHE_GCM));
  if (add.length === 0) return [];
  const seen = new Set<string>();
  const target = [...add, ...list.suites.filter((s) => !isWeak(s))].filter((s) => { const k = s.toUpperCase(); if (seen.has(k)) return false; seen.add(k); return true; });
  // The added suites come first and always fit; configured ones are dropped from the end (the least preferred).
  const dropped: string[] = [];
  while (target.join(',').length > CIPHER_LIST_LIMIT && target.length > add.length) dropped.unshift(target.pop() as string);
  if (dropped.length > 0) {
    ctx.warn(warning('cipher-limit', `The cipher-suite order policy holds at most ${CIPHER_LIST_LIMIT} characters; the ${dropped.length} least preferred configured suite(s) were left out to fit: ${dropped.join(', ')}.`, ['SChannelClient']));
  }
  ctx.warn(warning('cipher-policy', `The cipher-suite order is written as the Group Policy list (${CIPHER_POLICY_KEY} Functions) outside Group Policy: a domain GPO that manages "SSL Cipher Suite Order" overwrites it at the next refresh, so change the GPO too (or make this change through it).`, ['SChannelClient']));
  return [{
    key: CIPHER_POLICY_KEY, name: 'Functions', want: { op: 'set-string', data: target.join(',') }, owner: 'SChannelClient', phase: 20, restart: 'reboot',
    reason: `cipher-suite list (${list.origin === 'policy' ? 'Group Policy' : 'local'}) without ${add.join(', ')}: added first${list.suites.some(isWeak) ? ', 3DES/RC4 removed' : ''}`,
  }];
}
