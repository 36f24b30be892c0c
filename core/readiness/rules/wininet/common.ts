import { formatHex } from '../../../protocols/dword.js';
import type { MachineFacts } from '../../facts.js';
import type { Component, Fix } from '../../model.js';
import { HKCU, WININET_KEYS } from '../../paths.js';
import { readDword } from '../../registry.js';
import { describeMask } from '../winhttp/common.js';

/**
 * Shared by the WinINet rules, TLS365-WININET-001..004 (docs/domain-facts.md 10.3; facts 1.4). The value is
 * `SecureProtocols` (REG_DWORD, same bits as WinHTTP [INETRES]); which of its four locations wins is unconfirmed,
 * so the precedence lives in one place only: the order of WININET_KEYS in paths.ts.
 */

export const NAME = 'SecureProtocols';
export const COMPONENTS: readonly Component[] = ['WinInet'];
/** TLS 1.0 + 1.1 + 1.2, the value the catalogue's WinINet fixes write (docs/domain-facts.md 10.3). */
export const WININET_FIX = 0x00000a80;
export const ORDER = WININET_KEYS.map((k) => k.label).join(', then ');

export type WinInetSetting =
  | { readonly kind: 'set'; readonly value: number; readonly key: string; readonly label: string }
  | { readonly kind: 'absent'; readonly ignored: readonly string[] };

/**
 * The effective SecureProtocols: the first REG_DWORD in WININET_KEYS order. A value of another type is
 * skipped (and named) rather than guessed at.
 */
export function winInetSetting(m: MachineFacts): WinInetSetting {
  const ignored: string[] = [];
  for (const { key, label } of WININET_KEYS) {
    const r = readDword(m.reg, key, NAME);
    if (r.kind === 'dword') return { kind: 'set', value: r.value, key, label };
    if (r.kind === 'wrong-type') ignored.push(`${label} (${r.type})`);
  }
  return { kind: 'absent', ignored };
}

export const isPolicy = (key: string): boolean => /\\Policies\\/i.test(key);

export function writeFix(at: { key: string; label: string }, data: number, what: string): Fix {
  const how = isPolicy(at.key)
    ? `set the Group Policy "Turn off encryption support" (Internet Control Panel\\Advanced Page) to a choice with TLS 1.2, or write ${NAME} = ${formatHex(data)} in ${at.key}`
    : `set ${NAME} = ${formatHex(data)} in ${at.key}`;
  return { text: `${what}: ${how}, then restart the applications that use WinINet.`, changes: [{ op: 'set-dword', key: at.key, name: NAME, data }], updates: [], restart: 'apps' };
}

/**
 * HKEY_CURRENT_USER is the account that collected the input (SYSTEM under ConfigMgr, the admin when remote, the
 * account that exported an image), not the machine: a value found there is said to be that account's.
 */
export function hkcuOwner(m: MachineFacts): string {
  const account = m.snapshot.account;
  if (typeof account === 'string' && account !== '') return `the account ${account} that collected this input`;
  return m.snapshot.source === 'Image' ? 'the account that exported this image' : 'the account that collected this input';
}

export const where = (m: MachineFacts, s: { key: string; label: string; value: number }): string => {
  const perUser = s.key.toUpperCase().startsWith(`${HKCU}\\`)
    ? `; per-user: it is ${hkcuOwner(m)}'s setting, not the machine's, and other users may differ` : '';
  return `WinINet ${NAME} = ${describeMask(s.value, 'WinInet')} in ${s.key} (${s.label}, the first location set in TLS365's order ${ORDER}${perUser})`;
};
