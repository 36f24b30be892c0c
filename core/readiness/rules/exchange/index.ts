import type { Rule } from '../../rule.js';
import { EXCH_001 } from './TLS365-EXCH-001.js';
import { EXCH_002 } from './TLS365-EXCH-002.js';
import { EXCH_003 } from './TLS365-EXCH-003.js';
import { EXCH_004 } from './TLS365-EXCH-004.js';
import { EXCH_005 } from './TLS365-EXCH-005.js';
import { EXCH_006 } from './TLS365-EXCH-006.js';
import { EXCH_007 } from './TLS365-EXCH-007.js';
import { EXCH_008 } from './TLS365-EXCH-008.js';
import { EXCH_010 } from './TLS365-EXCH-010.js';

/**
 * Exchange rules (docs/domain-facts.md 10.7: EXCH-001..008 and 010), in catalogue order, scoped to Exchange servers
 * (detected, or `-Role Exchange`). They reproduce HealthChecker's TLS checks [HC-AN]; [HC-REG]. EXCH-009 (fleet
 * consistency) compares machines and is not in RULES: TLS365-EXCH-009.ts.
 */
export const exchangeRules: readonly Rule[] = [EXCH_001, EXCH_002, EXCH_003, EXCH_004, EXCH_005, EXCH_006, EXCH_007, EXCH_008, EXCH_010];
