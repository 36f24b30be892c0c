import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, OFF, pairChanges, tls13Bar } from './common.js';
import { keyText, roleText, withTls } from './schannel.js';

/**
 * TLS365-EXCH-004: TLS 1.3 is not "Disabled": Fail unless the server runs Windows Server 2022 or later with Exchange
 * 2019 CU15 or Exchange SE (then Info), Unknown when the Exchange build is not in the input (docs/domain-facts.md 7,
 * 10.7) [HC-AN] [HC-DOC].
 */
export const EXCH_004: Rule = {
  id: 'TLS365-EXCH-004',
  title: 'Exchange: TLS 1.3 is not disabled',
  severity: ['Fail', 'Info'],
  components: ['SChannelServer'],
  sources: [SRC.HC_AN, SRC.HC_DOC],
  applies: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => {
    const t = all.find((x) => x.protocol === 'TLS 1.3');
    if (t === undefined || t.configuration === 'Disabled') return [];
    const state = `${keyText('TLS 1.3')}: ${roleText(t.client)}; ${roleText(t.server)} (HealthChecker: "${t.configuration}")`;
    const bar = tls13Bar(m);
    if (bar === 'unknown') {
      return [unknown(['SChannelServer'], `TLS 1.3 is not disabled (${state}) on Server 2022 or later, and whether this Exchange build (2019 CU15 / SE or later) supports it is unknown: the input has no ExchangeServer\\v15\\Setup build values`)];
    }
    if (bar === 'above') {
      return [finding(EXCH_004, 'Info', ['SChannelServer'], `TLS 1.3 is not disabled (${state}); HealthChecker accepts it on Server 2022 or later with Exchange 2019 CU15 or Exchange SE, which this server runs.`, null)];
    }
    const ex = m.products.exchange;
    return [finding(EXCH_004, 'Fail', ['SChannelServer'],
      `TLS 1.3 is not disabled (${state}) on ${ex === null ? 'an Exchange server' : `Exchange ${ex.version}`} running ${m.os?.name ?? 'this OS'}; HealthChecker flags TLS 1.3 as unsupported and known to cause issues in the Exchange organisation unless the server runs Windows Server 2022 or later with Exchange 2019 CU15 or Exchange SE${m.os !== null && !m.os.tls13Capable ? ' (this OS ignores TLS 1.3 values, but HealthChecker still reports them)' : ''}.`,
      { text: 'Disable TLS 1.3 for Client and Server (Enabled=0, DisabledByDefault=1), then restart the server.', changes: pairChanges(t, OFF), updates: [], restart: 'reboot' })];
  }),
  fix: 'Disable TLS 1.3 for Client and Server (Enabled=0, DisabledByDefault=1), then restart the server; none on Server 2022 or later with Exchange 2019 CU15 or Exchange SE.',
};
