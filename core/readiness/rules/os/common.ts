import { COMPONENTS, type Component } from '../../model.js';

/**
 * Shared by the OS and update rules, TLS365-OS-001..005 (docs/domain-facts.md 10.1; facts 3.2, 5, 6). "all" means every
 * component: the evaluator drops the ones that are NotApplicable on this machine.
 */
export const ALL: readonly Component[] = COMPONENTS;

/** Builds 6002 and 6003: Windows Vista SP2 and Windows Server 2008 SP2 (docs/domain-facts.md 6). */
export const isSp2Build = (b: number): boolean => b === 6002 || b === 6003;
