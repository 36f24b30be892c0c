import type { Rule } from '../../rule.js';
import { ENDPOINT_001 } from './TLS365-ENDPOINT-001.js';
import { ENDPOINT_002 } from './TLS365-ENDPOINT-002.js';
import { ENDPOINT_003 } from './TLS365-ENDPOINT-003.js';
import { ENDPOINT_004 } from './TLS365-ENDPOINT-004.js';

/** Endpoint-profile rules, TLS365-ENDPOINT-001..004 (docs/domain-facts.md 10.9, issue 16), in catalogue order. They run only with a judged day. */
export const endpointRules: readonly Rule[] = [ENDPOINT_001, ENDPOINT_002, ENDPOINT_003, ENDPOINT_004];
