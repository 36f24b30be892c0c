import type { Component } from '../../model.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange, isLegacy, legacyCaveat, pairChanges, pairText, SCHANNEL_BOTH, targetPair } from './common.js';
import type { HcTls } from './healthchecker.js';
import { withTls } from './schannel.js';

/**
 * TLS365-EXCH-005: some of the 12 TLS 1.0-1.2 Client/Server Enabled and DisabledByDefault values are absent, which
 * HealthChecker asks to define (docs/domain-facts.md 7 table, 10.7) [HC-AN].
 */
export const EXCH_005: Rule = {
  id: 'TLS365-EXCH-005',
  title: 'Exchange: TLS 1.0-1.2 Schannel values are not defined',
  severity: ['Warn'],
  components: SCHANNEL_BOTH,
  sources: [SRC.HC_AN],
  applies: isExchange,
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
    return [finding(EXCH_005, 'Warn', SCHANNEL_BOTH.filter((c) => roles.has(c)),
      `${missing.length} of the 12 TLS 1.0-1.2 values under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols are absent (${missing.join(', ')}); HealthChecker asks for every one to be defined, because absent values leave the result to each OS's defaults.`,
      { text: `Write explicit values on Client and Server (${text})${fixed.some((t) => isLegacy(t.protocol)) ? legacyCaveat('TLS 1.0/1.1') : ''}, then restart the server.`, changes: fixed.flatMap((t) => pairChanges(t, targetPair(t, false))), updates: [], restart: 'reboot' })];
  }),
  fix: 'Write explicit Enabled and DisabledByDefault values for TLS 1.0-1.2 on Client and Server (TLS 1.2 on, TLS 1.0/1.1 off once nothing needs them), then restart the server.',
};
