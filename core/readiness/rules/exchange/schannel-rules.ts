import type { MachineFacts } from '../../facts.js';
import type { Component } from '../../model.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, isLegacy, legacyCaveat, NO_SCHANNEL, OFF, pairChanges, pairText, SCHANNEL_BOTH, targetPair, tls13Bar, versionOf } from './common.js';
import { HC_PROTOCOLS, hcTls, show, type HcProtocol, type HcRole, type HcTls } from './healthchecker.js';

/**
 * Exchange rules on the Schannel protocol values, as HealthChecker reads them (docs/domain-facts.md 7 table, 10.7):
 * EXCH-001 Misconfigured, EXCH-002 Half Disabled, EXCH-003 TLS 1.2 Disabled, EXCH-004 TLS 1.3 not Disabled,
 * EXCH-005 values not defined, EXCH-008 TLS 1.0/1.1 still Enabled.
 */

const roleText = (r: HcRole): string => `${r.role} Enabled=${show(r.enabledRaw)}, DisabledByDefault=${show(r.disabledByDefaultRaw)}`;
const keyText = (p: HcProtocol): string => `HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${p}`;

/** Reads every version once, or says why it cannot. */
function withTls(m: MachineFacts, components: readonly Component[], body: (all: readonly HcTls[]) => RuleOutput[]): readonly RuleOutput[] {
  if (!m.coverage.schannel) return [unknown(components, NO_SCHANNEL)];
  return body(HC_PROTOCOLS.map((p) => hcTls(m.reg, p)));
}

const tls13Allowed = (m: MachineFacts): boolean => tls13Bar(m) === 'above';

const exch001: Rule = {
  id: 'TLS365-EXCH-001',
  title: 'Exchange: TLS Client and Server settings differ ("Misconfigured" in HealthChecker)',
  sources: [SRC.HC_AN, SRC.HC_REG],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, SCHANNEL_BOTH, (all) => all.filter((t) => t.misconfigured).map((t) => {
    const pair = targetPair(t, tls13Allowed(m));
    return finding(exch001, 'Fail', SCHANNEL_BOTH,
      `HealthChecker reads ${t.protocol} as "Misconfigured": under ${keyText(t.protocol)} the ${roleText(t.client)} and ${roleText(t.server)} disagree (absent Enabled counts as ${t.protocol === 'TLS 1.3' ? '0' : '1'}, absent DisabledByDefault as 0), and an Exchange server is both a TLS client and a TLS server, so the mismatch breaks communication between Exchange servers.`,
      {
        text: `Make ${t.protocol} Client and Server identical (${pairText(pair)} on both)${isLegacy(t.protocol) ? legacyCaveat(t.protocol) : ''}, then restart the server.`,
        changes: pairChanges(t, pair), updates: [], restart: 'reboot',
      });
  })),
};

const exch002: Rule = {
  id: 'TLS365-EXCH-002',
  title: 'Exchange: a TLS version is "Half Disabled" in HealthChecker',
  sources: [SRC.HC_AN, SRC.HC_REG],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => all.filter((t) => t.configuration === 'Half Disabled').map((t) => {
    const pair = targetPair(t, tls13Allowed(m));
    return finding(exch002, 'Fail', ['SChannelServer'],
      `HealthChecker reads ${t.protocol} as "Half Disabled": ${keyText(t.protocol)}\\Server has Enabled=${show(t.server.enabledRaw)} with DisabledByDefault=${show(t.server.disabledByDefaultRaw)}, a combination Exchange's TLS guidance never writes, so the result depends on how each application reads it.`,
      { text: `Write ${t.protocol} consistently (${pairText(pair)}) on Client and Server${isLegacy(t.protocol) ? legacyCaveat(t.protocol) : ''}, then restart the server.`, changes: pairChanges(t, pair), updates: [], restart: 'reboot' });
  })),
};

const exch003: Rule = {
  id: 'TLS365-EXCH-003',
  title: 'Exchange: TLS 1.2 is Disabled',
  sources: [SRC.HC_AN, SRC.EX_TLS],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => all.filter((t) => t.protocol === 'TLS 1.2' && t.configuration === 'Disabled').map((t) =>
    finding(exch003, 'Fail', ['SChannelServer'],
      `TLS 1.2 is disabled on this Exchange server (${keyText(t.protocol)}: ${roleText(t.client)}; ${roleText(t.server)}), so it cannot talk TLS 1.2 to Microsoft 365, other Exchange servers or clients.`,
      { text: 'Enable TLS 1.2 for Client and Server (Enabled=1, DisabledByDefault=0), then restart the server.', changes: pairChanges(t, { enabled: 1, disabledByDefault: 0 }), updates: [], restart: 'reboot' }))),
};

const exch004: Rule = {
  id: 'TLS365-EXCH-004',
  title: 'Exchange: TLS 1.3 is not disabled',
  sources: [SRC.HC_AN, SRC.HC_DOC],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, ['SChannelServer'], (all) => {
    const t = all.find((x) => x.protocol === 'TLS 1.3');
    if (t === undefined || t.configuration === 'Disabled') return [];
    const state = `${keyText('TLS 1.3')}: ${roleText(t.client)}; ${roleText(t.server)} (HealthChecker: "${t.configuration}")`;
    const bar = tls13Bar(m);
    if (bar === 'unknown') {
      return [unknown(['SChannelServer'], `TLS 1.3 is not disabled (${state}) on Server 2022 or later, and whether this Exchange build (2019 CU15 / SE or later) supports it is unknown: the input has no ExchangeServer\\v15\\Setup build values`)];
    }
    if (bar === 'above') {
      return [finding(exch004, 'Info', ['SChannelServer'], `TLS 1.3 is not disabled (${state}); HealthChecker accepts it on Server 2022 or later with Exchange 2019 CU15 or Exchange SE, which this server runs.`, null)];
    }
    const ex = m.products.exchange;
    return [finding(exch004, 'Fail', ['SChannelServer'],
      `TLS 1.3 is not disabled (${state}) on ${ex === null ? 'an Exchange server' : `Exchange ${ex.version}`} running ${m.os?.name ?? 'this OS'}; HealthChecker flags TLS 1.3 as unsupported and known to cause issues in the Exchange organisation unless the server runs Windows Server 2022 or later with Exchange 2019 CU15 or Exchange SE${m.os !== null && !m.os.tls13Capable ? ' (this OS ignores TLS 1.3 values, but HealthChecker still reports them)' : ''}.`,
      { text: 'Disable TLS 1.3 for Client and Server (Enabled=0, DisabledByDefault=1), then restart the server.', changes: pairChanges(t, OFF), updates: [], restart: 'reboot' })];
  }),
};

const exch005: Rule = {
  id: 'TLS365-EXCH-005',
  title: 'Exchange: TLS 1.0-1.2 Schannel values are not defined',
  sources: [SRC.HC_AN],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, SCHANNEL_BOTH, (all) => {
    const missing: string[] = [];
    const roles = new Set<Component>();
    const fixed: HcTls[] = [];
    for (const t of all) {
      if (t.protocol === 'TLS 1.3') continue;
      let any = false;
      for (const r of [t.client, t.server]) {
        for (const [name, raw] of [['Enabled', r.enabledRaw], ['DisabledByDefault', r.disabledByDefaultRaw]] as const) {
          if (raw.kind !== 'absent') continue;
          missing.push(`${t.protocol}\\${r.role} ${name}`);
          roles.add(r.role === 'Client' ? 'SChannelClient' : 'SChannelServer');
          any = true;
        }
      }
      if (any) fixed.push(t);
    }
    if (missing.length === 0) return [];
    // Both roles of each affected version get the version's target pair, so the result is never a new mismatch.
    const text = fixed.map((t) => `${t.protocol} ${pairText(targetPair(t, false))}`).join('; ');
    return [finding(exch005, 'Warn', SCHANNEL_BOTH.filter((c) => roles.has(c)),
      `${missing.length} of the 12 TLS 1.0-1.2 values under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols are absent (${missing.join(', ')}); HealthChecker asks for every one to be defined, because absent values leave the result to each OS's defaults.`,
      { text: `Write explicit values on Client and Server (${text})${fixed.some((t) => isLegacy(t.protocol)) ? legacyCaveat('TLS 1.0/1.1') : ''}, then restart the server.`, changes: fixed.flatMap((t) => pairChanges(t, targetPair(t, false))), updates: [], restart: 'reboot' })];
  }),
};

const exch008: Rule = {
  id: 'TLS365-EXCH-008',
  title: 'Exchange: TLS 1.0 or 1.1 is still enabled',
  sources: [SRC.HC_AN, SRC.EX_TLS],
  appliesTo: isExchange,
  evaluate: (m) => withTls(m, SCHANNEL_BOTH, (all) => {
    const on = all.filter((t) => (t.protocol === 'TLS 1.0' || t.protocol === 'TLS 1.1') && t.configuration === 'Enabled');
    if (on.length === 0) return [];
    const names = on.map((t) => t.protocol).join(' and ');
    return [finding(exch008, 'Warn', SCHANNEL_BOTH,
      `${names} ${on.length > 1 ? 'are' : 'is'} still enabled on this Exchange server (${on.map((t) => `${keyText(t.protocol)}: ${roleText(t.client)}; ${roleText(t.server)}`).join(' / ')}); Microsoft 365 refuses TLS 1.0/1.1 and HealthChecker recommends disabling them.`,
      {
        text: `Plan the disablement of TLS ${on.map((t) => versionOf(t.protocol)).join('/')}: first confirm that domain controllers, partner applications, Outlook desktops (Windows 7 needs KB3140245), load balancers and devices use TLS 1.2 and that the .NET 4 values are set to 1, then write Enabled=0, DisabledByDefault=1 for Client and Server and restart the server.`,
        changes: on.flatMap((t) => pairChanges(t, OFF)), updates: [], restart: 'reboot',
      })];
  }),
};

export const exchangeSchannelRules: readonly Rule[] = [exch001, exch002, exch003, exch004, exch005, exch008];
