import { baseName, configuredList } from '../../../endpoints/effective.js';
import { judge } from '../../../endpoints/judge.js';
import { needsOf } from '../../../endpoints/needs.js';
import { osSuitesFor } from '../../../endpoints/os-suites.js';
import type { MachineFacts } from '../../facts.js';
import type { Fix } from '../../model.js';
import { CIPHER_LOCAL_KEY, CIPHER_POLICY_KEY } from '../../paths.js';
import type { EvaluateOptions } from '../../rule.js';

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

export const ECDHE_GCM = ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] as const;
export const RSA_GCM = ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_GCM_SHA256'] as const;
/**
 * The suites with forward secrecy that Azure Front Door (in front of Teams and other services) accepts over TLS 1.2
 * since 2026-04-01: ECDHE_RSA AES-GCM, and the ECDHE_RSA CBC SHA384/SHA256 pair kept for Windows 7/8/8.1. The
 * DHE_RSA AES-GCM suites no longer count: Azure Front Door stopped negotiating them on 2026-04-01 (docs/domain-facts.md
 * 3.4; the dated verdict per endpoint is TLS365-ENDPOINT-001..003's).
 */
export const AFD_GCM_SUITES: readonly string[] = [...ECDHE_GCM, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'];

/** Windows 10 is the first client with the ECDHE_RSA AES-GCM suites [M365-ENC]; 7, 8 and 8.1 get the ECDHE_RSA CBC ones Azure Front Door keeps for them. */
export const ECDHE_GCM_FROM_BUILD = 10240;

/** Upper-case, without the `_P256` / `_P384` / `_P521` curve suffix of Windows before 10 (3.4). */
export const suiteBase = baseName;

export const isWeak = (name: string): boolean => { const b = suiteBase(name); return b === 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' || /(^|_)RC4(_|$)/.test(b); };

export interface SuiteList {
  readonly origin: 'policy' | 'local';
  readonly key: string;
  /** The names as written, in order, split on commas and NULs; empty entries dropped. */
  readonly suites: readonly string[];
}

// One reading of a configured list (core/endpoints/effective.ts): REG_SZ or REG_MULTI_SZ, split on commas too.
// An empty value is read as "no list configured" (TLS365 decision: the OS behaviour for an empty list is not documented).
const listAt = (m: MachineFacts, key: string): readonly string[] | null => configuredList(m, key, 'Functions', true);

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

/** The ECDHE_RSA CBC suites Azure Front Door keeps "for compatibility" with Windows 7/8/8.1 (docs/domain-facts.md 3.4). */
const AFD_PRE10 = ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'] as const;

export interface CipherTarget {
  /** Suites put first, as this OS spells them. */
  readonly add: readonly string[];
  /** The whole list written (Group Policy "SSL Cipher Suite Order", REG_SZ, comma-separated). */
  readonly target: readonly string[];
  /** Configured suites left out to fit the 1,023-character limit (least preferred first dropped). */
  readonly dropped: readonly string[];
  readonly weak: readonly string[];
  /** What the target starts from: the configured list, or the OS default list (no list configured). */
  readonly from: SuiteList | null;
}

/** The SSL Cipher Suite Order list holds at most 1,023 characters (Prioritizing Schannel Cipher Suites). */
export const CIPHER_LIST_LIMIT = 1023;

const dedupe = (xs: readonly string[]): string[] => { const seen = new Set<string>(); return xs.filter((x) => { const k = x.toUpperCase(); if (seen.has(k)) return false; seen.add(k); return true; }); };

/**
 * The one list every cipher-suite fix writes and Set-Tls365Protocols plans (they share a registry value, so they
 * must agree whichever subset is applied): the suites SCHANNEL-014/015 need and those the endpoint profiles need
 * (core/endpoints/needs.ts, given `options.asOf`) first, then the configured list (or, with none, the OS default
 * list) without 3DES/RC4 (016). Null when nothing is to be written.
 */
/**
 * Before Windows 10 the ECDHE names carry their curve: every variant of the AFD-compatible CBC suites this build has
 * (P-256 and P-384 only: the P-521 variants are off by default and add nothing Azure Front Door needs).
 */
export function afdPre10Names(build: number): string[] {
  const os = osSuitesFor(build);
  return os === null ? [] : os.suites.filter((x) => (AFD_PRE10 as readonly string[]).includes(suiteBase(x.name)) && x.protocols.includes('TLS 1.2') && /_P(256|384)$/i.test(x.name)).map((x) => x.name);
}

export function cipherTarget(m: MachineFacts, options: EvaluateOptions): CipherTarget | null {
  if (m.os === null) return null;
  const list = suiteList(m);
  const modern = m.os.build >= ECDHE_GCM_FROM_BUILD;
  const os = osSuitesFor(m.os.build);
  const afdPre10 = afdPre10Names(m.os.build);
  const add: string[] = [];
  if (list !== null) {
    if (!has(list, M365_SUITES)) add.push(...(modern ? ECDHE_GCM : [...afdPre10, ...RSA_GCM]));
    else if (!has(list, AFD_GCM_SUITES)) add.push(...(modern ? ECDHE_GCM : afdPre10));
  }
  add.push(...needsOf(m, judge(m, options)).add);
  const adds = dedupe(add);
  const weak = list === null ? [] : list.suites.filter(isWeak);
  if (adds.length === 0 && weak.length === 0) return null;
  const base = list !== null ? list.suites : os === null ? [] : os.suites.filter((x) => x.enabledByDefault).map((x) => x.name);
  const target = dedupe([...adds, ...base.filter((x) => !isWeak(x))]);
  const dropped: string[] = [];
  while (target.join(',').length > CIPHER_LIST_LIMIT && target.length > adds.length) dropped.unshift(target.pop() as string);
  return { add: adds, target, dropped, weak, from: list };
}

/** The fix every cipher-suite finding carries: writes cipherTarget's list (null when there is nothing to write). */
export function listFix(m: MachineFacts, options: EvaluateOptions): Fix | null {
  const t = cipherTarget(m, options);
  if (t === null) return null;
  const steps = [t.add.length > 0 ? `put ${t.add.join(', ')} at the top of the cipher-suite list${t.from === null ? ' (no list is configured: the list written is that plus the OS default list)' : ''}` : '', t.weak.length > 0 ? `remove ${t.weak.join(', ')}` : ''].filter((x) => x !== '').join(' and ');
  return {
    text: `${steps.charAt(0).toUpperCase()}${steps.slice(1)}; write the result as the Group Policy "SSL Cipher Suite Order" list (or in the GPO that manages it, which would overwrite a local change), then restart the machine.`,
    changes: [{ op: 'set-string', key: CIPHER_POLICY_KEY, name: 'Functions', data: t.target.join(',') }],
    updates: [],
    restart: 'reboot',
  };
}
