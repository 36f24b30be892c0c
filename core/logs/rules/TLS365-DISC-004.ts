import { EX_TLS } from '../sources.js';
import type { HitEvent } from '../types.js';
import type { LogRule } from './rule.js';

/**
 * docs/domain-facts.md 10.9: an Exchange send-log line `TLS protocol SP_PROT[-_]TLS1_[01]_CLIENT` (and older),
 * Warn per remote IP. `role: 'client'`: this Exchange server connected out.
 */
export const TLS365_DISC_004 = {
  id: 'TLS365-DISC-004',
  title: 'Exchange send-log SP_PROT[-_]TLS1_[01]_CLIENT (and older)',
  severity: 'Warn',
  sources: [EX_TLS],
  fix: "Fix this server's client side, or the partner.",
  applies: (event: HitEvent): boolean => event.format !== 'IisW3C' && event.legacy && event.role === 'client',
} as const satisfies LogRule;
