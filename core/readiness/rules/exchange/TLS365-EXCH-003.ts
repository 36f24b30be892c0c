import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, pairChanges } from './common.js';
import { keyText, roleText, withTls } from './schannel.js';

/**
 * TLS365-EXCH-003: TLS 1.2 is "Disabled" in HealthChecker's reading, so the Exchange server cannot talk TLS 1.2 to
 * Microsoft 365, other Exchange servers or clients (docs/domain-facts.md 7 table, 10.7) [HC-AN] [EX-TLS].
 */
export const EXCH_003: Rule = {
  id: 'TLS365-EXCH-003',
  title: 'Exchange: TLS 1.2 is Disabled',
  severity: ['Fail'],
  components: ['SChannelServer'],
  sources: [SRC.HC_AN, SRC.EX_TLS],
  applies: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => all.filter((t) => t.protocol === 'TLS 1.2' && t.configuration === 'Disabled').map((t) =>
    finding(EXCH_003, 'Fail', ['SChannelServer'],
      `TLS 1.2 is disabled on this Exchange server (${keyText(t.protocol)}: ${roleText(t.client)}; ${roleText(t.server)}), so it cannot talk TLS 1.2 to Microsoft 365, other Exchange servers or clients.`,
      { text: 'Enable TLS 1.2 for Client and Server (Enabled=1, DisabledByDefault=0), then restart the server.', changes: pairChanges(t, { enabled: 1, disabledByDefault: 0 }), updates: [], restart: 'reboot' }))),
  fix: 'Enable TLS 1.2 for Client and Server (Enabled=1, DisabledByDefault=0), then restart the server.',
};
