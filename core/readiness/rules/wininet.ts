import { formatHex } from '../../protocols/dword.js';
import type { MachineFacts } from '../facts.js';
import type { Component, Fix } from '../model.js';
import { HKCU, HKLM, INTERNET_SETTINGS, WININET_KEYS } from '../paths.js';
import { readDword } from '../registry.js';
import { finding, type Rule } from '../rule.js';
import { SRC } from '../sources.js';
import { BIT, describeMask, repairedMask, tls12ClientBlocked } from './winhttp/common.js';

/**
 * WinINet rules, TLS365-WININET-001..004 (docs/domain-facts.md 10.3; facts 1.4). The value is `SecureProtocols`
 * (REG_DWORD, same bits as WinHTTP [INETRES]); which of its four locations wins is unconfirmed, so the
 * precedence lives in one place only: the order of WININET_KEYS in paths.ts.
 */

const NAME = 'SecureProtocols';
const COMPONENTS: readonly Component[] = ['WinInet'];
/** TLS 1.0 + 1.1 + 1.2, the value the catalogue's WinINet fixes write (docs/domain-facts.md 10.3). */
const WININET_FIX = 0x00000a80;
const HKCU_SETTINGS = `${HKCU}\\SOFTWARE\\${INTERNET_SETTINGS}`;
const ORDER = WININET_KEYS.map((k) => k.label).join(', then ');

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

const isPolicy = (key: string): boolean => /\\Policies\\/i.test(key);

function writeFix(at: { key: string; label: string }, data: number, what: string): Fix {
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

const where = (m: MachineFacts, s: { key: string; label: string; value: number }): string => {
  const perUser = s.key.toUpperCase().startsWith(`${HKCU}\\`)
    ? `; per-user: it is ${hkcuOwner(m)}'s setting, not the machine's, and other users may differ` : '';
  return `WinINet ${NAME} = ${describeMask(s.value, 'WinInet')} in ${s.key} (${s.label}, the first location set in TLS365's order ${ORDER}${perUser})`;
};

export const WININET_001: Rule = {
  id: 'TLS365-WININET-001',
  title: 'WinINet SecureProtocols is set without TLS 1.2',
  sources: [SRC.INETRES, SRC.TLSCONV],
  evaluate(m) {
    const s = winInetSetting(m);
    if (!m.coverage.winInet || s.kind !== 'set' || (s.value & BIT.Tls12) !== 0) return [];
    return [finding(WININET_001, 'Fail', COMPONENTS,
      `${where(m, s)} has no TLS 1.2 bit (0x800), so applications that use WinINet cannot negotiate TLS 1.2.`,
      writeFix(s, WININET_FIX, 'Add TLS 1.2 (0x00000A80, or 0x00000800 for TLS 1.2 only)'))];
  },
};

export const WININET_002: Rule = {
  id: 'TLS365-WININET-002',
  title: 'WinINet SecureProtocols enables SSL 2.0 or SSL 3.0',
  sources: [SRC.INETRES, SRC.SEED],
  evaluate(m) {
    const s = winInetSetting(m);
    if (!m.coverage.winInet || s.kind !== 'set' || (s.value & (BIT.Ssl2 | BIT.Ssl3)) === 0) return [];
    return [finding(WININET_002, 'Warn', COMPONENTS,
      `${where(m, s)} enables SSL, which Microsoft calls outdated and insecure (KB3009008).`,
      writeFix(s, repairedMask(s.value, WININET_FIX), 'Remove the SSL bits (0x8, 0x20)'))];
  },
};

export const WININET_003: Rule = {
  id: 'TLS365-WININET-003',
  title: 'WinINet SecureProtocols is absent on Windows 7 SP1 / Server 2012 (default unconfirmed)',
  sources: [SRC.INETRES, SRC.TLSCONV],
  evaluate(m) {
    const b = m.os?.build;
    if ((b !== 7601 && b !== 9200) || !m.coverage.winInet) return [];
    const s = winInetSetting(m);
    if (s.kind !== 'absent') return [];
    // The fix writes the machine policy (docs/domain-facts.md 10.3 "set 0xA80 by policy"), wherever it sits in the order.
    const policy = WININET_KEYS.find((k) => k.key.startsWith(`${HKLM}\\`) && isPolicy(k.key));
    if (policy === undefined) return [];
    const notes = [
      s.ignored.length > 0 ? `values that are not REG_DWORD were ignored: ${s.ignored.join(', ')}` : '',
      m.reg.hasKey(HKCU_SETTINGS) ? '' : 'the input holds no HKEY_CURRENT_USER, so a per-user value could not be checked',
    ].filter((x) => x !== '');
    return [finding(WININET_003, 'Warn', COMPONENTS,
      `WinINet ${NAME} is absent in every location (${ORDER})${notes.length > 0 ? ` (${notes.join('; ')})` : ''}, and Microsoft documents no WinINet default for build ${b}, so TLS365 cannot confirm that WinINet applications offer TLS 1.2.`,
      writeFix(policy, WININET_FIX, 'Set the protocols explicitly by policy'))];
  },
};

export const WININET_004: Rule = {
  id: 'TLS365-WININET-004',
  title: 'Schannel disables (or lacks) TLS 1.2 for clients, which WinINet cannot override',
  sources: [SRC.SCHCRED],
  evaluate(m) {
    const blocked = tls12ClientBlocked(m, COMPONENTS);
    if (blocked === null) return [];
    if (blocked.kind === 'unknown') return [blocked.output];
    return [finding(WININET_004, 'Fail', COMPONENTS,
      `${blocked.what}; Schannel's registry settings win over what an application asks for, so WinINet cannot negotiate TLS 1.2.`,
      blocked.fix, blocked.missing)];
  },
};

export const winInetRules: readonly Rule[] = [WININET_001, WININET_002, WININET_003, WININET_004];
