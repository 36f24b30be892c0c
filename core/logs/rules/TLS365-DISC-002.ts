import { SEED } from '../../protocols/sources.js';
import { IIS_BLOG } from '../sources.js';
import type { LogRule } from './rule.js';

/**
 * docs/domain-facts.md 10.9: an HTTPS site whose logs have no `crypt-protocol` field, Info. Not a predicate
 * over one event: the aggregator lists such sites from the `no-tls-field` events (NoTlsFieldRow). The four
 * fields and the updates that add them are those of 9.1 [IIS-BLOG]; [SEED].
 */
export const TLS365_DISC_002 = {
  id: 'TLS365-DISC-002',
  title: 'HTTPS site logs without a crypt-protocol field',
  severity: 'Info',
  sources: [IIS_BLOG, SEED],
  fix: 'Add the 4 custom log fields crypt-protocol, crypt-cipher, crypt-hash and crypt-keyexchange (server variables CRYPT_PROTOCOL, '
    + 'CRYPT_CIPHER_ALG_ID, CRYPT_HASH_ALG_ID, CRYPT_KEYEXCHANGE_ALG_ID) under the site or server logFile/customFields '
    + '(Windows Server 2012 R2 and later, with KB4025335/KB4025334).',
} as const satisfies LogRule;
