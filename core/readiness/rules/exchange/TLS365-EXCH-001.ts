import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, isLegacy, legacyCaveat, pairChanges, pairText, SCHANNEL_BOTH, targetPair } from './common.js';
import { keyText, roleText, tls13Allowed, withTls } from './schannel.js';

/**
 * TLS365-EXCH-001: a TLS version's Client and Server values disagree, which HealthChecker reports as "Misconfigured";
 * an Exchange server is both TLS client and server (docs/domain-facts.md 7 table, 10.7) [HC-AN] [HC-REG].
 */
export const EXCH_001: Rule = {
  id: 'TLS365-EXCH-001',
  title: 'Exchange: TLS Client and Server settings differ ("Misconfigured" in HealthChecker)',
  severity: ['Fail'],
  components: SCHANNEL_BOTH,
  sources: [SRC.HC_AN, SRC.HC_REG],
  applies: isExchange,
  evaluate: (m) => withTls(m, SCHANNEL_BOTH, (all) => all.filter((t) => t.misconfigured).map((t) => {
    const pair = targetPair(t, tls13Allowed(m));
    return finding(EXCH_001, 'Fail', SCHANNEL_BOTH,
      `HealthChecker reads ${t.protocol} as "Misconfigured": under ${keyText(t.protocol)} the ${roleText(t.client)} and ${roleText(t.server)} disagree (absent Enabled counts as ${t.protocol === 'TLS 1.3' ? '0' : '1'}, absent DisabledByDefault as 0), and an Exchange server is both a TLS client and a TLS server, so the mismatch breaks communication between Exchange servers.`,
      {
        text: `Make ${t.protocol} Client and Server identical (${pairText(pair)} on both)${isLegacy(t.protocol) ? legacyCaveat(t.protocol) : ''}, then restart the server.`,
        changes: pairChanges(t, pair), updates: [], restart: 'reboot',
      });
  })),
  fix: 'Make each misconfigured TLS version\'s Client and Server values identical (TLS 1.2 on, TLS 1.0/1.1 and, below the TLS 1.3 bar, TLS 1.3 off), then restart the server.',
};
