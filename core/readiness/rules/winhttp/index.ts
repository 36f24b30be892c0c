import type { Rule } from '../../rule.js';
import { WINHTTP_001 } from './TLS365-WINHTTP-001.js';
import { WINHTTP_002 } from './TLS365-WINHTTP-002.js';
import { WINHTTP_003 } from './TLS365-WINHTTP-003.js';
import { WINHTTP_004 } from './TLS365-WINHTTP-004.js';
import { WINHTTP_005 } from './TLS365-WINHTTP-005.js';
import { WINHTTP_006 } from './TLS365-WINHTTP-006.js';
import { WINHTTP_007 } from './TLS365-WINHTTP-007.js';
import { WINHTTP_008 } from './TLS365-WINHTTP-008.js';
import { WINHTTP_009 } from './TLS365-WINHTTP-009.js';
import { WINHTTP_010 } from './TLS365-WINHTTP-010.js';
import { WINHTTP_011 } from './TLS365-WINHTTP-011.js';
import { WINHTTP_012 } from './TLS365-WINHTTP-012.js';
import { WINHTTP_013 } from './TLS365-WINHTTP-013.js';

/**
 * WinHTTP rules, TLS365-WINHTTP-001..013 (docs/domain-facts.md 10.2; facts 1.1, 2, 5), in catalogue order. "Per view"
 * rules fire once per registry view (WinHttp = native, WinHttp32 = Wow6432Node or the only view of a 32-bit OS);
 * "(both)" rules (003, 004, 010, 011) fire once attached to every WinHTTP component. Fixes write
 * DefaultSecureProtocols = 0x00000A00 (TLS 1.1 + 1.2, KB3140245's example) and reboot.
 */
export const winHttpRules: readonly Rule[] = [
  WINHTTP_001,
  WINHTTP_002,
  WINHTTP_003,
  WINHTTP_004,
  WINHTTP_005,
  WINHTTP_006,
  WINHTTP_007,
  WINHTTP_008,
  WINHTTP_009,
  WINHTTP_010,
  WINHTTP_011,
  WINHTTP_012,
  WINHTTP_013,
];
