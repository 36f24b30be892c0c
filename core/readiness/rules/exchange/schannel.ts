import type { MachineFacts } from '../../facts.js';
import type { Component } from '../../model.js';
import { unknown, type RuleOutput } from '../../rule.js';
import { NO_SCHANNEL, tls13Bar } from './common.js';
import { HC_PROTOCOLS, hcTls, show, type HcProtocol, type HcRole, type HcTls } from './healthchecker.js';

/**
 * Shared by the Exchange rules on the Schannel protocol values, as HealthChecker reads them (docs/domain-facts.md 7
 * table, 10.7): EXCH-001 Misconfigured, EXCH-002 Half Disabled, EXCH-003 TLS 1.2 Disabled, EXCH-004 TLS 1.3 not
 * Disabled, EXCH-005 values not defined, EXCH-008 TLS 1.0/1.1 still Enabled.
 */

export const roleText = (r: HcRole): string => `${r.role} Enabled=${show(r.enabledRaw)}, DisabledByDefault=${show(r.disabledByDefaultRaw)}`;
export const keyText = (p: HcProtocol): string => `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${p}`;

/** Reads every version once, or says why it cannot. */
export function withTls(m: MachineFacts, components: readonly Component[], body: (all: readonly HcTls[]) => RuleOutput[]): readonly RuleOutput[] {
  if (!m.coverage.schannel) return [unknown(components, NO_SCHANNEL)];
  return body(HC_PROTOCOLS.map((p) => hcTls(m.reg, p)));
}

export const tls13Allowed = (m: MachineFacts): boolean => tls13Bar(m) === 'above';
