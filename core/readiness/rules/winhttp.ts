import type { Rule } from '../rule.js';
import { WINHTTP_002, WINHTTP_003, WINHTTP_004, WINHTTP_005, WINHTTP_010, WINHTTP_011 } from './winhttp/os-rules.js';
import { WINHTTP_001, WINHTTP_006, WINHTTP_007, WINHTTP_008, WINHTTP_009, WINHTTP_012, WINHTTP_013 } from './winhttp/value-rules.js';

export { winHttpDefaultMask, winHttpEffectiveMask, type WinHttpMask } from './winhttp/common.js';

/**
 * WinHTTP rules, TLS365-WINHTTP-001..013 (docs/domain-facts.md 10.2; facts 1.1, 2, 5). "Per view" rules fire once per
 * registry view (WinHttp = native, WinHttp32 = Wow6432Node or the only view of a 32-bit OS); "(both)" rules
 * (003, 004, 010, 011) fire once attached to every WinHTTP component. Fixes write DefaultSecureProtocols =
 * 0x00000A00 (TLS 1.1 + 1.2, KB3140245's example) and reboot.
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
