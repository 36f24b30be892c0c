import type { Rule } from '../rule.js';
import { cipherSuiteRules } from './schannel/cipher-suites.js';
import { hygieneRules } from './schannel/hygiene.js';
import { legacyRules } from './schannel/legacy.js';
import { systemRules } from './schannel/system.js';
import { tls12Rules } from './schannel/tls12.js';

/**
 * The SCHANNEL family, TLS365-SCHANNEL-001..018 (docs/domain-facts.md 10.4), in catalogue order. Client-role findings count
 * against SChannelClient, server-role ones against SChannelServer; "(per role)" rules fire once per role.
 */
const byId = (rules: readonly Rule[]): readonly Rule[] => [...rules].sort((a, b) => a.id.localeCompare(b.id));

export const schannelRules: readonly Rule[] = byId([...tls12Rules, ...legacyRules, ...hygieneRules, ...systemRules, ...cipherSuiteRules]);
