import type { Rule } from '../../rule.js';
import { SCHANNEL_001 } from './TLS365-SCHANNEL-001.js';
import { SCHANNEL_002 } from './TLS365-SCHANNEL-002.js';
import { SCHANNEL_003 } from './TLS365-SCHANNEL-003.js';
import { SCHANNEL_004 } from './TLS365-SCHANNEL-004.js';
import { SCHANNEL_005 } from './TLS365-SCHANNEL-005.js';
import { SCHANNEL_006 } from './TLS365-SCHANNEL-006.js';
import { SCHANNEL_007 } from './TLS365-SCHANNEL-007.js';
import { SCHANNEL_008 } from './TLS365-SCHANNEL-008.js';
import { SCHANNEL_009 } from './TLS365-SCHANNEL-009.js';
import { SCHANNEL_010 } from './TLS365-SCHANNEL-010.js';
import { SCHANNEL_011 } from './TLS365-SCHANNEL-011.js';
import { SCHANNEL_012 } from './TLS365-SCHANNEL-012.js';
import { SCHANNEL_013 } from './TLS365-SCHANNEL-013.js';
import { SCHANNEL_014 } from './TLS365-SCHANNEL-014.js';
import { SCHANNEL_015 } from './TLS365-SCHANNEL-015.js';
import { SCHANNEL_016 } from './TLS365-SCHANNEL-016.js';
import { SCHANNEL_017 } from './TLS365-SCHANNEL-017.js';
import { SCHANNEL_018 } from './TLS365-SCHANNEL-018.js';

/**
 * The SCHANNEL family, TLS365-SCHANNEL-001..018 (docs/domain-facts.md 10.4), in catalogue order. Client-role findings
 * count against SChannelClient, server-role ones against SChannelServer; "(per role)" rules fire once per role.
 */
export const schannelRules: readonly Rule[] = [
  SCHANNEL_001,
  SCHANNEL_002,
  SCHANNEL_003,
  SCHANNEL_004,
  SCHANNEL_005,
  SCHANNEL_006,
  SCHANNEL_007,
  SCHANNEL_008,
  SCHANNEL_009,
  SCHANNEL_010,
  SCHANNEL_011,
  SCHANNEL_012,
  SCHANNEL_013,
  SCHANNEL_014,
  SCHANNEL_015,
  SCHANNEL_016,
  SCHANNEL_017,
  SCHANNEL_018,
];
