import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, OFF, pairChanges, SCHANNEL_BOTH, versionOf } from './common.js';
import { keyText, roleText, withTls } from './schannel.js';

/**
 * TLS365-EXCH-008: TLS 1.0 or 1.1 is still "Enabled" on the Exchange server; Microsoft 365 refuses them and
 * HealthChecker recommends disabling them (docs/domain-facts.md 7 table, 10.7) [HC-AN] [EX-TLS].
 */
export const EXCH_008: Rule = {
  id: 'TLS365-EXCH-008',
  title: 'Exchange: TLS 1.0 or 1.1 is still enabled',
  severity: ['Warn'],
  components: SCHANNEL_BOTH,
  sources: [SRC.HC_AN, SRC.EX_TLS],
  applies: isExchange,
  evaluate: (m) => withTls(m, SCHANNEL_BOTH, (all) => {
    const on = all.filter((t) => (t.protocol === 'TLS 1.0' || t.protocol === 'TLS 1.1') && t.configuration === 'Enabled');
    if (on.length === 0) return [];
    const names = on.map((t) => t.protocol).join(' and ');
    return [finding(EXCH_008, 'Warn', SCHANNEL_BOTH,
      `${names} ${on.length > 1 ? 'are' : 'is'} still enabled on this Exchange server (${on.map((t) => `${keyText(t.protocol)}: ${roleText(t.client)}; ${roleText(t.server)}`).join(' / ')}); Microsoft 365 refuses TLS 1.0/1.1 and HealthChecker recommends disabling them.`,
      {
        text: `Plan the disablement of TLS ${on.map((t) => versionOf(t.protocol)).join('/')}: first confirm that domain controllers, partner applications, Outlook desktops (Windows 7 needs KB3140245), load balancers and devices use TLS 1.2 and that the .NET 4 values are set to 1, then write Enabled=0, DisabledByDefault=1 for Client and Server and restart the server.`,
        changes: on.flatMap((t) => pairChanges(t, OFF)), updates: [], restart: 'reboot',
      })];
  }),
  fix: 'Once nothing depends on TLS 1.0/1.1 (domain controllers, partners, Outlook desktops, load balancers, devices) and the .NET 4 values are 1, write Enabled=0, DisabledByDefault=1 for Client and Server and restart the server.',
};
