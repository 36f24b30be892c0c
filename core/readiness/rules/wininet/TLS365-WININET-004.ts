import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { tls12ClientBlocked } from '../winhttp/common.js';
import { COMPONENTS } from './common.js';

/**
 * TLS365-WININET-004: Schannel disables (or lacks) TLS 1.2 for clients, and Schannel's registry settings win over
 * what a WinINet application asks for (docs/domain-facts.md 10.3; facts 3.3) [SCHCRED]; Unknown on Server 2008 SP2
 * when KB4019276 cannot be checked.
 */
export const WININET_004: Rule = {
  id: 'TLS365-WININET-004',
  title: 'Schannel disables (or lacks) TLS 1.2 for clients, which WinINet cannot override',
  severity: ['Fail'],
  components: COMPONENTS,
  sources: [SRC.SCHCRED],
  evaluate(m) {
    const blocked = tls12ClientBlocked(m, COMPONENTS);
    if (blocked === null) return [];
    if (blocked.kind === 'unknown') return [blocked.output];
    return [finding(WININET_004, 'Fail', COMPONENTS,
      `${blocked.what}; Schannel's registry settings win over what an application asks for, so WinINet cannot negotiate TLS 1.2.`,
      blocked.fix, blocked.missing)];
  },
  fix: 'Set Enabled = 1 and DisabledByDefault = 0 under the Schannel TLS 1.2\\Client key and reboot; where Schannel lacks TLS 1.2, install KB4019276 first (Server 2008 SP2) or upgrade Windows.',
};
