import type { Rule } from '../../rule.js';
import { AADC_001 } from './TLS365-AADC-001.js';
import { CM_001 } from './TLS365-CM-001.js';
import { CM_002 } from './TLS365-CM-002.js';
import { OFFICE_001 } from './TLS365-OFFICE-001.js';

/**
 * Product rules (docs/domain-facts.md 8, 10.8), in catalogue order: Azure AD Connect (AADC-001), ConfigMgr clients and
 * site systems (CM-001, CM-002) and Office on Windows 7 SP1 (OFFICE-001). Each runs only on hosts of its product.
 */
export const productRules: readonly Rule[] = [AADC_001, CM_001, CM_002, OFFICE_001];
