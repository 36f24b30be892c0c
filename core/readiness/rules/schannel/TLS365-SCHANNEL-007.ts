import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { sslFindings } from './ssl.js';

/**
 * TLS365-SCHANNEL-007 (per role): SSL 3.0 is on for the Schannel client or server, by value or by the OS default (On
 * below build 14393) (docs/domain-facts.md 10.4; defaults 3.2) [PROTOCOLS] [SEED] (KB3009008).
 */
export const SCHANNEL_007: Rule = {
  id: 'TLS365-SCHANNEL-007',
  title: 'SSL 3.0 is on',
  severity: ['Warn'],
  components: ['SChannelClient', 'SChannelServer'],
  sources: [SRC.PROTOCOLS, SRC.SEED],
  evaluate: (m) => sslFindings(SCHANNEL_007, m, 'SSL 3.0', 'and SSL 3.0 is insecure (see KB3009008): nothing should negotiate it, and Microsoft 365 refuses it.'),
  fix: 'Set Enabled=0 and DisabledByDefault=1 under the SSL 3.0 key of each role where it is on, then restart the machine.',
};
