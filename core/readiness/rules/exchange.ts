import type { Rule } from '../rule.js';
import { exchangeDotnetRules } from './exchange/dotnet-rules.js';
import { exchangeSchannelRules } from './exchange/schannel-rules.js';
import { exchangeUpdateRules } from './exchange/update-rules.js';

/**
 * Exchange rules (docs/domain-facts.md 10.7: EXCH-001..008 and 010), scoped to Exchange servers (detected, or
 * `-Role Exchange`). They reproduce HealthChecker's TLS checks [HC-AN]; [HC-REG]. EXCH-009 (fleet
 * consistency) compares machines and lives in exchange-fleet.ts. Catalogue order.
 */
export const exchangeRules: readonly Rule[] = [...exchangeSchannelRules, ...exchangeDotnetRules, ...exchangeUpdateRules]
  .sort((a, b) => a.id.localeCompare(b.id));
