import { CIPHER_POLICY_KEY, netFxKey, SCHANNEL_KEY, WININET_KEYS, winHttpKey } from '../readiness/paths.js';
import type { RegValue } from '../regfile/index.js';
import type { Backup } from './model.js';

/**
 * What an undo may write, whatever the backup file says (issue 12, "Backups an attacker cannot plant" and
 * "Undo trusted the backup file"). A backup is a file: it can be edited, swapped or planted, and undo writes
 * what it names. So before anything is restored:
 *
 * - every value and created key must lie in TLS365's own scope: the keys the planner can touch (SCHANNEL
 *   protocol Client/Server keys, the cipher-suite policy key, WinHTTP and WinINet settings, the .NET Framework
 *   v4.0.30319 / v2.0.50727 keys, in both registry views); a created key may also be an ancestor of one of
 *   the backup's own (in-scope) value keys, since Set creates parents first;
 * - no restored value may turn SSL 2.0 or 3.0 on without an explicit, loud override: an SChannel `Enabled`
 *   other than 0 or a `DisabledByDefault` of 0 under an SSL 2.0/3.0 key, or a WinHTTP/WinINet protocol mask
 *   with the SSL 2.0 (0x8) or SSL 3.0 (0x20) bit. Those are named even when the machine really had them.
 *
 * Pure: the bridge and the module call it before they write.
 */

export interface TrustProblem {
  readonly key: string;
  readonly name: string | null;
  readonly message: string;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SCOPE: readonly RegExp[] = [
  new RegExp(`^${esc(SCHANNEL_KEY)}\\\\Protocols\\\\[^\\\\]+\\\\(Client|Server)$`, 'i'),
  new RegExp(`^${esc(CIPHER_POLICY_KEY)}$`, 'i'),
  ...(['64', '32'] as const).flatMap((view) => [
    winHttpKey(view, true),
    netFxKey(view, true, 'v4.0.30319'),
    netFxKey(view, true, 'v2.0.50727'),
  ]).map((k) => new RegExp(`^${esc(k)}$`, 'i')),
  ...WININET_KEYS.map((w) => new RegExp(`^${esc(w.key)}$`, 'i')),
];

/** Whether a value key lies in what the planner can touch. */
export function inPlanScope(key: string): boolean {
  return SCOPE.some((re) => re.test(key));
}

const SSL_KEY = new RegExp(`^${esc(SCHANNEL_KEY)}\\\\Protocols\\\\SSL [23]\\.0\\\\(Client|Server)$`, 'i');
const MASK_NAMES = new Set(['defaultsecureprotocols', 'secureprotocols']);
const SSL_BITS = 0x8 | 0x20;

/** Why restoring `value` as `key\name` would turn SSL 2.0 or 3.0 on, or null. */
export function enablesLegacySsl(key: string, name: string, value: RegValue | null): string | null {
  if (value === null || (value.type !== 'REG_DWORD' && value.type !== 'REG_QWORD')) return null;
  const n = Number(value.data);
  if (SSL_KEY.test(key)) {
    const lower = name.toLowerCase();
    if (lower === 'enabled' && n !== 0) return `it would set Enabled = ${n} and turn ${key.replace(/^.*\\Protocols\\/i, '')} on`;
    if (lower === 'disabledbydefault' && n === 0) return `it would set DisabledByDefault = 0 and offer ${key.replace(/^.*\\Protocols\\/i, '')} by default`;
    return null;
  }
  if (MASK_NAMES.has(name.toLowerCase()) && (n & SSL_BITS) !== 0) {
    return `it would set ${name} = 0x${n.toString(16).toUpperCase()}, which offers ${[(n & 0x8) !== 0 ? 'SSL 2.0' : '', (n & 0x20) !== 0 ? 'SSL 3.0' : ''].filter((x) => x !== '').join(' and ')}`;
  }
  return null;
}

/**
 * Every reason not to restore this backup as it is. `scope`: values or created keys outside what TLS365
 * changes (never restored). `legacy`: values that would turn SSL 2.0/3.0 on, restored only with an explicit,
 * loud override (-AllowLegacy): the machine may really have had them, but TLS365 does not turn them on by itself.
 */
export function backupTrustProblems(backup: Backup): { readonly scope: readonly TrustProblem[]; readonly legacy: readonly TrustProblem[] } {
  const scope: TrustProblem[] = [];
  const legacy: TrustProblem[] = [];
  const entryKeys = backup.entries.map((e) => e.key.toLowerCase());
  for (const e of backup.entries) {
    if (!inPlanScope(e.key)) {
      scope.push({ key: e.key, name: e.name, message: `${e.key}\\${e.name}: outside what TLS365 changes (SChannel protocols, cipher-suite policy, WinHTTP, WinINet, .NET Framework); a TLS365 backup never holds it` });
      continue;
    }
    const ssl = enablesLegacySsl(e.key, e.name, e.before);
    if (ssl !== null) legacy.push({ key: e.key, name: e.name, message: `${e.key}\\${e.name}: ${ssl}` });
  }
  for (const k of backup.createdKeys) {
    const lower = k.toLowerCase();
    if (!entryKeys.some((e) => e === lower || e.startsWith(`${lower}\\`))) {
      scope.push({ key: k, name: null, message: `${k}: a created key that holds none of the backup's values; a TLS365 backup never lists it` });
    }
  }
  return { scope, legacy };
}
