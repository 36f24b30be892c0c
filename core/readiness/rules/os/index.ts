import type { Rule } from '../../rule.js';
import { OS_001 } from './TLS365-OS-001.js';
import { OS_002 } from './TLS365-OS-002.js';
import { OS_003 } from './TLS365-OS-003.js';
import { OS_004 } from './TLS365-OS-004.js';
import { OS_005 } from './TLS365-OS-005.js';

/** OS and update rules, TLS365-OS-001..005 (docs/domain-facts.md 10.1), in catalogue order. */
export const osRules: readonly Rule[] = [OS_001, OS_002, OS_003, OS_004, OS_005];
