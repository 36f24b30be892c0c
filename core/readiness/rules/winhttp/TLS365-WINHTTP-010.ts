import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, tls12ClientBlocked } from './common.js';
import { both } from './scope.js';

/**
 * TLS365-WINHTTP-010 (both): Schannel disables (or lacks) TLS 1.2 for clients, and Schannel wins over WinHTTP's
 * DefaultSecureProtocols (docs/domain-facts.md 10.2; facts 3.3, 5) [KB3140245]; Unknown on Server 2008 SP2 when
 * KB4019276 cannot be checked.
 */
export const WINHTTP_010: Rule = {
  id: 'TLS365-WINHTTP-010',
  title: 'Schannel disables (or lacks) TLS 1.2 for clients, which WinHTTP cannot override',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB3140245],
  evaluate(m) {
    const components = both(m);
    if (components.length === 0) return [];
    const blocked = tls12ClientBlocked(m, components);
    if (blocked === null) return [];
    if (blocked.kind === 'unknown') return [blocked.output];
    return [finding(WINHTTP_010, 'Fail', components,
      `${blocked.what}; Schannel wins over WinHTTP's ${DSP}, so WinHTTP cannot negotiate TLS 1.2.`,
      blocked.fix, blocked.missing)];
  },
  fix: 'Set Enabled = 1 and DisabledByDefault = 0 under the Schannel TLS 1.2\\Client key and reboot; where Schannel lacks TLS 1.2, install KB4019276 first (Server 2008 SP2) or upgrade Windows.',
};
