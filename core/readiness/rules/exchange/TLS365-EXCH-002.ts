import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, isLegacy, legacyCaveat, pairChanges, pairText, targetPair } from './common.js';
import { show } from './healthchecker.js';
import { keyText, tls13Allowed, withTls } from './schannel.js';

/**
 * TLS365-EXCH-002: a TLS version's Server values are "Half Disabled" in HealthChecker's reading (Enabled false with
 * DisabledByDefault explicitly 0, or Enabled true with DisabledByDefault true) (docs/domain-facts.md 7 table, 10.7)
 * [HC-AN] [HC-REG].
 */
export const EXCH_002: Rule = {
  id: 'TLS365-EXCH-002',
  title: 'Exchange: a TLS version is "Half Disabled" in HealthChecker',
  severity: ['Fail'],
  components: ['SChannelServer'],
  sources: [SRC.HC_AN, SRC.HC_REG],
  applies: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => all.filter((t) => t.configuration === 'Half Disabled').map((t) => {
    const pair = targetPair(t, tls13Allowed(m));
    return finding(EXCH_002, 'Fail', ['SChannelServer'],
      `HealthChecker reads ${t.protocol} as "Half Disabled": ${keyText(t.protocol)}\\Server has Enabled=${show(t.server.enabledRaw)} with DisabledByDefault=${show(t.server.disabledByDefaultRaw)}, a combination Exchange's TLS guidance never writes, so the result depends on how each application reads it.`,
      { text: `Write ${t.protocol} consistently (${pairText(pair)}) on Client and Server${isLegacy(t.protocol) ? legacyCaveat(t.protocol) : ''}, then restart the server.`, changes: pairChanges(t, pair), updates: [], restart: 'reboot' });
  })),
  fix: 'Write each "Half Disabled" TLS version consistently on Client and Server (TLS 1.2 on, TLS 1.0/1.1 and, below the TLS 1.3 bar, TLS 1.3 off), then restart the server.',
};
