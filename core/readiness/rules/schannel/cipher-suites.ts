import type { MachineFacts } from '../../facts.js';
import type { Fix } from '../../model.js';
import { CIPHER_LOCAL_KEY, CIPHER_POLICY_KEY } from '../../paths.js';

/**
 * Shared by SCHANNEL-014..016 and the planner (core/plan/targets/ciphers.ts): the configured TLS cipher-suite
 * list (docs/domain-facts.md 3.4, 10.4). The Group Policy list (REG_SZ, comma-separated) wins over the local one
 * (REG_MULTI_SZ whose elements may themselves hold commas) [HC-CIPHER]. With a list configured, suites not in it
 * are not used, so a list without any Microsoft 365 suite breaks every TLS connection to Microsoft 365. No list:
 * the OS default order applies and these rules are silent.
 */

/** Suites Microsoft 365 supports over TLS 1.2, strongest first [M365-ENC]. */
export const M365_SUITES = [
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
] as const;

const ECDHE_GCM = ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] as const;
const DHE_GCM = ['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'] as const;
const RSA_GCM = ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'] as const;
/** The AES-GCM suites with forward secrecy that Azure Front Door (in front of Teams and other services) accepts over TLS 1.2. */
export const AFD_GCM_SUITES: readonly string[] = [...ECDHE_GCM, ...DHE_GCM];

/** Windows 10 is the first client with the ECDHE_RSA AES-GCM suites; 7, 8 and 8.1 get the DHE ones instead [M365-ENC]. */
const ECDHE_GCM_FROM_BUILD = 10240;

/** Upper-case, without the `_P256` / `_P384` / `_P521` curve suffix of Windows before 10 (3.4). */
export const suiteBase = (name: string): string => name.trim().toUpperCase().replace(/_P(256|384|521)$/, '');

export const isWeak = (name: string): boolean => { const b = suiteBase(name); return b === 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' || /(^|_)RC4(_|$)/.test(b); };

export interface SuiteList {
  readonly origin: 'policy' | 'local';
  readonly key: string;
  /** The names as written, in order, split on commas and NULs; empty entries dropped. */
  readonly suites: readonly string[];
}

function listAt(m: MachineFacts, key: string): readonly string[] | null {
  const v = m.reg.value(key, 'Functions');
  if (v === undefined) return null;
  let parts: readonly string[];
  if (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') parts = [v.data];
  else if (v.type === 'REG_MULTI_SZ') parts = v.data;
  else return null;
  const suites = parts.flatMap((p) => p.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  // An empty value is read as "no list configured" (TLS365 decision: the OS behaviour for an empty list is not documented).
  return suites.length === 0 ? null : suites;
}

/** The list Schannel uses: Group Policy first, else the local list, else null (OS default order). */
export function suiteList(m: MachineFacts): SuiteList | null {
  const policy = listAt(m, CIPHER_POLICY_KEY);
  if (policy !== null) return { origin: 'policy', key: CIPHER_POLICY_KEY, suites: policy };
  const local = listAt(m, CIPHER_LOCAL_KEY);
  if (local !== null) return { origin: 'local', key: CIPHER_LOCAL_KEY, suites: local };
  return null;
}

export const has = (list: SuiteList, wanted: readonly string[]): boolean => list.suites.some((s) => wanted.includes(suiteBase(s)));
export const where = (list: SuiteList): string => `${list.key} Functions (${list.origin === 'policy' ? 'Group Policy list' : 'local list, no Group Policy list'})`;
export const shown = (list: SuiteList): string => (list.suites.length <= 6 ? list.suites.join(', ') : `${list.suites.slice(0, 6).join(', ')} and ${list.suites.length - 6} more`);

/**
 * The one list the three fixes write (they share a registry value, so they must agree whichever subset is
 * applied): the suites 014/015 need at the top, then the existing list without 3DES/RC4 (016), written as the
 * Group Policy list (REG_SZ, comma-separated), which takes precedence over the local one [HC-CIPHER].
 */
export function listFix(list: SuiteList, build: number): Fix {
  const modern = build >= ECDHE_GCM_FROM_BUILD;
  // On 7 / 8 / 8.1 the ECDHE_RSA AES-GCM suites do not exist (Microsoft's per-OS cipher-suite pages): use the DHE
  // GCM suites (Azure Front Door) and, when no Microsoft 365 suite is listed, the RSA GCM ones (M365 #7, #8).
  const add: string[] = [];
  if (!has(list, M365_SUITES)) add.push(...(modern ? ECDHE_GCM : [...DHE_GCM, ...RSA_GCM]));
  else if (!has(list, AFD_GCM_SUITES)) add.push(...(modern ? ECDHE_GCM : DHE_GCM));
  const weak = list.suites.filter(isWeak);
  const seen = new Set<string>();
  const target = [...add, ...list.suites.filter((s) => !isWeak(s))].filter((s) => { const k = s.toUpperCase(); if (seen.has(k)) return false; seen.add(k); return true; });
  const steps = [add.length > 0 ? `put ${add.join(', ')} at the top of the cipher-suite list` : '', weak.length > 0 ? `remove ${weak.join(', ')}` : ''].filter((t) => t !== '').join(' and ');
  return {
    text: `${steps.charAt(0).toUpperCase()}${steps.slice(1)}; write the result as the Group Policy "SSL Cipher Suite Order" list (or in the GPO that manages it, which would overwrite a local change), then restart the machine.`,
    changes: [{ op: 'set-string', key: CIPHER_POLICY_KEY, name: 'Functions', data: target.join(',') }],
    updates: [],
    restart: 'reboot',
  };
}
