import { ALG_ID_SOURCES } from '../codes.js';
import type { HitEvent } from '../types.js';
import type { LogRule } from './rule.js';

/**
 * docs/domain-facts.md 10.9: IIS `crypt-cipher` 6801 (RC4) or 6603 (3DES), Warn; DES and RC2 are counted with
 * them (`weak` in the ALG_IDS table, codes.ts). 10.9 names a third-party decode as the source; the core reads
 * the values by the ALG_ID constants (docs/log-formats.md 1.5), whose sources these are.
 */
export const TLS365_DISC_005 = {
  id: 'TLS365-DISC-005',
  title: 'IIS crypt-cipher RC4 (6801) or 3DES (6603)',
  severity: 'Warn',
  sources: ALG_ID_SOURCES,
  // docs/domain-facts.md 10.9 gives no fix; the server side is what SCHANNEL-014/015 check (3.4), the client side what DISC-001 says.
  fix: 'Upgrade the client, and take RC4 and 3DES out of the server\'s cipher suites (what TLS365-SCHANNEL-014/015 check).',
  applies: (event: HitEvent): boolean => event.format === 'IisW3C' && event.cipher?.weak === true,
} as const satisfies LogRule;
