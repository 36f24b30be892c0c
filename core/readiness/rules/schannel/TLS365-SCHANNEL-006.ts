import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { sslFindings } from './ssl.js';

/**
 * TLS365-SCHANNEL-006 (per role): SSL 2.0 is on for the Schannel client or server, by value or by the OS default (SSL
 * 2.0 Server on builds up to 7601) (docs/domain-facts.md 10.4; defaults 3.2) [PROTOCOLS] [TLSREG-2019].
 */
export const SCHANNEL_006: Rule = {
  id: 'TLS365-SCHANNEL-006',
  title: 'SSL 2.0 is on',
  severity: ['Warn'],
  components: ['SChannelClient', 'SChannelServer'],
  sources: [SRC.PROTOCOLS, SRC.TLSREG_2019],
  evaluate: (m) => sslFindings(SCHANNEL_006, m, 'SSL 2.0', 'and SSL 2.0 is broken: nothing should negotiate it, and Microsoft 365 refuses it.'),
  fix: 'Set Enabled=0 and DisabledByDefault=1 under the SSL 2.0 key of each role where it is on, then restart the machine.',
};
