import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { withSchannel } from './common.js';
import { SERVER_KEY, enableServer } from './tls12.js';

/**
 * TLS365-SCHANNEL-004: `TLS 1.2\Server` has Enabled = 0, so services on the machine cannot accept TLS 1.2
 * (docs/domain-facts.md 10.4; facts 3.1, 3.3) [TLSREG-2019]. Warn (Fail via EXCH-003 / AADC-001).
 */
export const SCHANNEL_004: Rule = {
  id: 'TLS365-SCHANNEL-004',
  title: 'TLS 1.2 is disabled for the Schannel server',
  severity: ['Warn'],
  components: ['SChannelServer'],
  sources: [SRC.TLSREG_2019],
  evaluate: (m) =>
    withSchannel(m, ['SChannelServer'], () => {
      const r = m.schannel('TLS 1.2', 'Server');
      if (!(r.enabled.kind === 'dword' && r.enabled.value === 0)) return [];
      return [finding(SCHANNEL_004, 'Warn', ['SChannelServer'],
        `${SERVER_KEY} has Enabled = 0: TLS 1.2 is disabled for the Schannel server role, so services on this machine (IIS, SMTP, AD FS) cannot accept TLS 1.2 connections, including those from Microsoft 365.`,
        enableServer)];
    }),
  fix: 'Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Server key, then restart the machine.',
};
