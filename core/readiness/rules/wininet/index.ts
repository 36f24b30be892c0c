import type { Rule } from '../../rule.js';
import { WININET_001 } from './TLS365-WININET-001.js';
import { WININET_002 } from './TLS365-WININET-002.js';
import { WININET_003 } from './TLS365-WININET-003.js';
import { WININET_004 } from './TLS365-WININET-004.js';

/** WinINet rules, TLS365-WININET-001..004 (docs/domain-facts.md 10.3; facts 1.4), in catalogue order. */
export const winInetRules: readonly Rule[] = [WININET_001, WININET_002, WININET_003, WININET_004];
