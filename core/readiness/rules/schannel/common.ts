import type { MachineFacts } from '../../facts.js';
import type { Component, Fix, RegChange } from '../../model.js';
import type { OsFacts } from '../../os.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from '../../paths.js';
import type { DwordRead } from '../../registry.js';
import { unknown, type RuleOutput } from '../../rule.js';
import type { SchannelReading } from '../../schannel-state.js';

/**
 * Helpers shared by the SCHANNEL rule family (docs/domain-facts.md 3.1-3.5, 10.4): roles and components, how values are
 * described in messages, and the protocol fixes. A fix always writes both `Enabled` and `DisabledByDefault`
 * (docs/domain-facts.md 3.3 step 4), and the types make "enable SSL 2.0/3.0" impossible to write.
 */
export const ROLES: readonly Role[] = ['Client', 'Server'];
export const PROTOCOLS: readonly SchannelProtocol[] = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];
export type TlsProtocol = Exclude<SchannelProtocol, 'SSL 2.0' | 'SSL 3.0'>;
export const TLS_PROTOCOLS: readonly TlsProtocol[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];
export const isTls = (p: SchannelProtocol): p is TlsProtocol => p.startsWith('TLS');

export const BOTH_ROLES: readonly Component[] = ['SChannelClient', 'SChannelServer'];
export const componentOf = (role: Role): Component => (role === 'Client' ? 'SChannelClient' : 'SChannelServer');
export const roleWord = (role: Role): string => role.toLowerCase();

const NO_OS = 'the input has no OS build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion), so the Schannel defaults are unknown';
const NO_SCHANNEL = 'the input has no SCHANNEL key (HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL)';

/** Runs a rule body that reads Schannel protocol keys; without the OS or the SCHANNEL key, says Unknown instead of guessing. */
export function withSchannel(m: MachineFacts, components: readonly Component[], body: (os: OsFacts) => readonly RuleOutput[]): readonly RuleOutput[] {
  if (m.os === null) return [unknown(components, NO_OS)];
  if (!m.coverage.schannel) return [unknown(components, NO_SCHANNEL)];
  return body(m.os);
}

/** A DWORD for a message: small numbers in decimal, anything else in hex (0xFFFFFFFF). */
export function dwordText(n: number): string {
  return n <= 9 ? String(n) : `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** `Enabled = 0`, `Enabled absent`, `Enabled is REG_SZ (not REG_DWORD)`. */
export function valueText(name: string, read: DwordRead): string {
  switch (read.kind) {
    case 'absent':
      return `${name} absent`;
    case 'dword':
      return `${name} = ${dwordText(read.value)}`;
    case 'wrong-type':
      return `${name} is ${read.type} (not REG_DWORD)`;
  }
}

/** What a reading rests on, for messages: both values, plus the OS default when the values do not decide. */
export function readingText(r: SchannelReading, os: OsFacts): string {
  const values = `${valueText('Enabled', r.enabled)}, ${valueText('DisabledByDefault', r.disabledByDefault)}`;
  if (r.basis === 'default') return `${values}, so the OS default applies (${r.state === 'On' ? 'On' : 'off by default'} on ${os.name}, build ${os.build})`;
  if (r.basis === 'not-supported') return `${values}; not supported on ${os.name}, build ${os.build}`;
  return values;
}

export const stateText = (r: SchannelReading): string =>
  ({ NotSupported: 'not supported', Disabled: 'disabled', OffByDefault: 'off by default', On: 'on' })[r.state];

/** One protocol key write: on = {Enabled 1, DisabledByDefault 0}, off = {Enabled 0, DisabledByDefault 1}. SSL can only be written off. */
export type ProtocolWrite =
  | { readonly p: TlsProtocol; readonly role: Role; readonly on: true }
  | { readonly p: SchannelProtocol; readonly role: Role; readonly on: false };

export const turnOn = (p: TlsProtocol, role: Role): ProtocolWrite => ({ p, role, on: true });
export const turnOff = (p: SchannelProtocol, role: Role): ProtocolWrite => ({ p, role, on: false });

export function protocolChanges(writes: readonly ProtocolWrite[]): RegChange[] {
  return writes.flatMap((w): RegChange[] => {
    const key = schannelProtocolKey(w.p, w.role);
    return [
      { op: 'set-dword', key, name: 'Enabled', data: w.on ? 1 : 0 },
      { op: 'set-dword', key, name: 'DisabledByDefault', data: w.on ? 0 : 1 },
    ];
  });
}

/** A protocol fix: the writes, no updates, reboot (credential handles are acquired again after a restart [TLSREG-2023]). */
export function protocolFix(text: string, writes: readonly ProtocolWrite[]): Fix {
  return { text, changes: protocolChanges(writes), updates: [], restart: 'reboot' };
}

/** `TLS 1.2\Client`, the short form used in fix texts. */
export const shortKey = (p: SchannelProtocol, role: Role): string => `${p}\\${role}`;
