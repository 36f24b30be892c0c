import type { Rule } from '../../rule.js';
import { NET4_001 } from './TLS365-NET4-001.js';
import { NET4_002 } from './TLS365-NET4-002.js';
import { NET4_003 } from './TLS365-NET4-003.js';
import { NET4_004 } from './TLS365-NET4-004.js';
import { NET4_005 } from './TLS365-NET4-005.js';
import { NET4_006 } from './TLS365-NET4-006.js';
import { NET4_007 } from './TLS365-NET4-007.js';
import { NET4_008 } from './TLS365-NET4-008.js';
import { NET4_009 } from './TLS365-NET4-009.js';

/**
 * .NET Framework 4.x rules, TLS365-NET4-001..009 (docs/domain-facts.md 10.5; facts 4.1-4.3), in catalogue order. Per
 * view: the native `HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319` is DotNet4, its Wow6432Node twin DotNet4_32 (on a
 * 32-bit OS the single native key is DotNet4_32). `Release` (NDP\v4\Full) is view-independent.
 */
export const dotnet4Rules: readonly Rule[] = [NET4_001, NET4_002, NET4_003, NET4_004, NET4_005, NET4_006, NET4_007, NET4_008, NET4_009];
