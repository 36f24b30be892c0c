import { EX_TLS } from '../sources.js';
import type { HitEvent } from '../types.js';
import type { LogRule } from './rule.js';

/**
 * docs/domain-facts.md 10.9: an Exchange receive-log line `TLS protocol SP_PROT_TLS1_0_SERVER` or
 * `..._TLS1_1_SERVER` (and older: SSL 2.0/3.0 are legacy too), Warn per remote IP. `role: 'server'`: this
 * Exchange server accepted the handshake.
 */
export const TLS365_DISC_003 = {
  id: 'TLS365-DISC-003',
  title: 'Exchange receive-log SP_PROT_TLS1_0_SERVER/TLS1_1_SERVER (and older)',
  severity: 'Warn',
  sources: [EX_TLS],
  fix: 'Upgrade the sender.',
  applies: (event: HitEvent): boolean => event.format !== 'IisW3C' && event.legacy && event.role === 'server',
} as const satisfies LogRule;
