import type { Rule } from '../../rule.js';
import { NET35_001 } from './TLS365-NET35-001.js';
import { NET35_002 } from './TLS365-NET35-002.js';
import { NET35_003 } from './TLS365-NET35-003.js';
import { NET35_004 } from './TLS365-NET35-004.js';
import { NET35_005 } from './TLS365-NET35-005.js';

/**
 * .NET Framework 3.5 rules, TLS365-NET35-001..005 (docs/domain-facts.md 10.6; facts 4.1, 4.4, 5), in catalogue order.
 * Per view, keys `.NETFramework\v2.0.50727`: native is DotNet35, Wow6432Node DotNet35_32 (a 32-bit OS's single view
 * is DotNet35_32).
 */
export const dotnet35Rules: readonly Rule[] = [NET35_001, NET35_002, NET35_003, NET35_004, NET35_005];
