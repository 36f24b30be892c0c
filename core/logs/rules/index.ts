import type { LogRule } from './rule.js';
import { TLS365_DISC_001 } from './TLS365-DISC-001.js';
import { TLS365_DISC_002 } from './TLS365-DISC-002.js';
import { TLS365_DISC_003 } from './TLS365-DISC-003.js';
import { TLS365_DISC_004 } from './TLS365-DISC-004.js';
import { TLS365_DISC_005 } from './TLS365-DISC-005.js';
import { TLS365_DISC_006 } from './TLS365-DISC-006.js';

export type { LogRule } from './rule.js';
export { TLS365_DISC_001, TLS365_DISC_002, TLS365_DISC_003, TLS365_DISC_004, TLS365_DISC_005, TLS365_DISC_006 };

/** The log-discovery rules (docs/domain-facts.md 10.9), in id order. */
export const LOG_RULES: readonly LogRule[] = [TLS365_DISC_001, TLS365_DISC_002, TLS365_DISC_003, TLS365_DISC_004, TLS365_DISC_005, TLS365_DISC_006];

/** A rule that is a predicate over one hit. */
export type HitRule = LogRule & { readonly applies: NonNullable<LogRule['applies']> };

/** The rules that are a predicate over one hit, in id order: the aggregator tags a record with each that applies. */
export const HIT_RULES: readonly HitRule[] = LOG_RULES.filter((r): r is HitRule => r.applies !== undefined);

/** The rule ids by what they find, for callers that name them (derived from the rule objects). */
export const DISC_RULES = {
  iisLegacy: TLS365_DISC_001.id,
  noTlsField: TLS365_DISC_002.id,
  smtpReceiveLegacy: TLS365_DISC_003.id,
  smtpSendLegacy: TLS365_DISC_004.id,
  weakCipher: TLS365_DISC_005.id,
  iisBehindProxy: TLS365_DISC_006.id,
} as const;
