import type { EvaluateOptions } from '../readiness/rule.js';
import type { MachineFacts } from '../readiness/facts.js';
import type { Component } from '../readiness/model.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from '../readiness/paths.js';
import type { PlanOp, PlanSettings, PlanWarning } from './model.js';
import { protocolBits } from '../protocols/layouts.js';

/**
 * What the target-state builders produce: one wanted value each ("intent"), before the planner drops the
 * ones already in place, removes duplicates and orders them. Every builder reads the snapshot's facts and
 * the settings, never the findings.
 */
export interface Intent {
  readonly key: string;
  readonly name: string;
  readonly want: PlanOp;
  readonly owner: Component;
  /** Ordering: turn protocols on first (10-19), then cipher suites, WinHTTP, WinINet, .NET (20-60), turn protocols off last (70-79). */
  readonly phase: number;
  readonly restart: 'apps' | 'reboot';
  readonly reason: string;
}

export interface TargetContext {
  readonly m: MachineFacts;
  readonly settings: PlanSettings;
  /** Exchange detected or forced: the consistency rules of docs/domain-facts.md section 7 apply. */
  readonly exchange: boolean;
  readonly warn: (w: PlanWarning) => void;
  /** The evaluation's options (the endpoint rules' day and profiles decide which suites the plan adds). */
  readonly options: EvaluateOptions;
}

export const warning = (code: PlanWarning['code'], message: string, components: readonly Component[] = []): PlanWarning => ({ code, message, components, ruleIds: [] });

// ------------------------------------------------------------------------------------------- Schannel pairs

export type TlsProtocol = 'TLS 1.2' | 'TLS 1.3';
export type LegacyTls = 'TLS 1.0' | 'TLS 1.1';
export type ValueName = 'Enabled' | 'DisabledByDefault';

/**
 * Proof that the admin passed allowLegacy: the only argument that lets a builder write TLS 1.0/1.1 on.
 * It is made in one place (legacyConsent), from the settings.
 */
export interface LegacyConsent {
  readonly allowLegacy: true;
}

export const legacyConsent = (settings: PlanSettings): LegacyConsent | null => (settings.allowLegacy ? { allowLegacy: true } : null);

export const componentOf = (role: Role): Component => (role === 'Client' ? 'SChannelClient' : 'SChannelServer');

/**
 * The only ways to make a Schannel protocol intent. "On" takes TLS 1.2/1.3, or TLS 1.0/1.1 together with a
 * LegacyConsent; "off" and "delete" take any protocol. No function writes SSL 2.0/3.0 on: an SSL protocol
 * does not type-check as an argument of either "on" builder (docs/domain-facts.md 3.3 step 4: both values, always).
 */
const pairValue = (p: SchannelProtocol, role: Role, name: ValueName, data: 0 | 1, phase: number, reason: string): Intent => ({
  key: schannelProtocolKey(p, role), name, want: { op: 'set-dword', data }, owner: componentOf(role), phase, restart: 'reboot', reason,
});

const ON: Readonly<Record<ValueName, 0 | 1>> = { Enabled: 1, DisabledByDefault: 0 };
const OFF: Readonly<Record<ValueName, 0 | 1>> = { Enabled: 0, DisabledByDefault: 1 };
const NAMES: readonly ValueName[] = ['Enabled', 'DisabledByDefault'];

export const turnOn = (p: TlsProtocol, role: Role, reason: string): Intent[] => NAMES.map((n) => pairValue(p, role, n, ON[n], p === 'TLS 1.2' ? 10 : 11, reason));

export const turnLegacyOn = (p: LegacyTls, role: Role, _consent: LegacyConsent, reason: string): Intent[] => NAMES.map((n) => pairValue(p, role, n, ON[n], 15, reason));

/** Phase 70+: TLS 1.3, 1.1, 1.0, SSL 3.0, SSL 2.0 in that order, after everything that turns protocols on. */
export const OFF_PHASE: Readonly<Record<SchannelProtocol, number>> = { 'TLS 1.3': 70, 'TLS 1.2': 71, 'TLS 1.1': 72, 'TLS 1.0': 73, 'SSL 3.0': 74, 'SSL 2.0': 75 };

export const turnOff = (p: SchannelProtocol, role: Role, reason: string): Intent[] => NAMES.map((n) => pairValue(p, role, n, OFF[n], OFF_PHASE[p], reason));

/** One value written to its "off" state (Enabled 0 or DisabledByDefault 1). */
export const offValue = (p: SchannelProtocol, role: Role, name: ValueName, reason: string): Intent => pairValue(p, role, name, OFF[name], OFF_PHASE[p], reason);

export const deleteValue = (p: SchannelProtocol, role: Role, name: ValueName, reason: string): Intent => ({
  key: schannelProtocolKey(p, role), name, want: { op: 'delete-value' }, owner: componentOf(role), phase: OFF_PHASE[p], restart: 'reboot', reason,
});

// ------------------------------------------------------------------------------------------- protocol masks

/** DefaultSecureProtocols / SecureProtocols bits (docs/domain-facts.md 1.1, 1.4): the WinHttp layout's. */
export const BIT = protocolBits('WinHttp');
export const LEGACY_BITS = BIT.Tls10 | BIT.Tls11;

/** Which TLS 1.0/1.1 bits a mask keeps. */
export interface LegacyBits {
  readonly tls10: boolean;
  readonly tls11: boolean;
}

/**
 * The legacy bits of a mask the plan writes, given the mask it replaces (or the default it overrides):
 * disableLegacy drops them, allowLegacy (with its consent) sets both, otherwise exactly those already there
 * are kept: the plan never adds TLS 1.0/1.1 on its own.
 */
export function legacyBits(settings: PlanSettings, base: number, consent: LegacyConsent | null): LegacyBits {
  if (settings.disableLegacy) return { tls10: false, tls11: false };
  if (consent !== null) return { tls10: true, tls11: true };
  return { tls10: (base & BIT.Tls10) !== 0, tls11: (base & BIT.Tls11) !== 0 };
}

/**
 * A mask the plan writes: TLS 1.2 always, TLS 1.0/1.1 and 1.3 as chosen. There is no argument for SSL 2.0,
 * SSL 3.0 or unknown bits, so no mask the plan writes can hold them.
 */
export function composeMask(legacy: LegacyBits, tls13: boolean): number {
  return BIT.Tls12 | (legacy.tls10 ? BIT.Tls10 : 0) | (legacy.tls11 ? BIT.Tls11 : 0) | (tls13 ? BIT.Tls13 : 0);
}
