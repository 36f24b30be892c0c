import { CONNINFO, IIS_BLOG } from '../sources.js';
import type { HitEvent } from '../types.js';
import type { LogRule } from './rule.js';

/**
 * docs/domain-facts.md 10.9: an IIS request with `crypt-protocol` 4, 10, 40 or 100 (SSL 2.0, SSL 3.0, TLS 1.0,
 * TLS 1.1: the "legacy" class of 9.1), Warn per client IP and user agent. `legacy` is set by the decoding
 * (codes.ts, LEGACY_PROTOCOLS).
 */
export const TLS365_DISC_001 = {
  id: 'TLS365-DISC-001',
  title: 'IIS request with crypt-protocol SSL 2.0/3.0, TLS 1.0/1.1',
  severity: 'Warn',
  sources: [IIS_BLOG, CONNINFO],
  fix: 'Upgrade the client.',
  applies: (event: HitEvent): boolean => event.format === 'IisW3C' && event.legacy,
} as const satisfies LogRule;
