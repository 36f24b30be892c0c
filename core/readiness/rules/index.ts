import type { Rule } from '../rule.js';
import { dotnet35Rules } from './dotnet35.js';
import { dotnet4Rules } from './dotnet4.js';
import { exchangeRules } from './exchange.js';
import { osRules } from './os.js';
import { productRules } from './products.js';
import { schannelRules } from './schannel.js';
import { winHttpRules } from './winhttp.js';
import { winInetRules } from './wininet.js';

/**
 * Every readiness rule, in catalogue order (docs/domain-facts.md section 10). Ids are stable forever; a retired rule
 * leaves a tombstone comment here and its id is never reused.
 */
export const RULES: readonly Rule[] = [
  ...osRules,
  ...winHttpRules,
  ...winInetRules,
  ...schannelRules,
  ...dotnet4Rules,
  ...dotnet35Rules,
  ...exchangeRules,
  ...productRules,
];
