import type { Rule } from '../rule.js';

/** Placeholder until the family is written (issue 4, in progress). */
export const productRules: readonly Rule[] = [];
