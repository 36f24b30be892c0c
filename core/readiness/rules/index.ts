import type { Rule } from '../rule.js';
import { dotnet35Rules } from './dotnet35/index.js';
import { dotnet4Rules } from './dotnet4/index.js';
import { endpointRules } from './endpoint/index.js';
import { exchangeRules } from './exchange/index.js';
import { osRules } from './os/index.js';
import { productRules } from './products/index.js';
import { schannelRules } from './schannel/index.js';
import { winHttpRules } from './winhttp/index.js';
import { winInetRules } from './wininet/index.js';

/**
 * Every readiness rule, in catalogue order (docs/domain-facts.md section 10): one file per rule,
 * rules/<family>/<id>.ts, each family's index.ts listing its rules in order. Ids are stable forever; a retired
 * rule leaves a tombstone comment here and its id is never reused. TLS365-EXCH-009 compares a batch of machines
 * and is not in this list (rules/exchange/TLS365-EXCH-009.ts).
 */
export const RULES: readonly Rule[] = [
  ...osRules,
  ...winHttpRules,
  ...winInetRules,
  ...schannelRules,
  ...endpointRules,
  ...dotnet4Rules,
  ...dotnet35Rules,
  ...exchangeRules,
  ...productRules,
];
