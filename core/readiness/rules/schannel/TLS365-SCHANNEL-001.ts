import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { withSchannel } from './common.js';
import { CLIENT_KEY, enableClient } from './tls12.js';

/**
 * TLS365-SCHANNEL-001: `TLS 1.2\Client` has Enabled = 0, so no application on the machine can negotiate TLS 1.2
 * (docs/domain-facts.md 10.4; facts 3.1, 3.3) [TLSREG-2019] [TLSREG-2023].
 */
export const SCHANNEL_001: Rule = {
  id: 'TLS365-SCHANNEL-001',
  title: 'TLS 1.2 is disabled for the Schannel client',
  severity: ['Fail'],
  components: ['SChannelClient'],
  sources: [SRC.TLSREG_2019, SRC.TLSREG_2023],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], () => {
      const r = m.schannel('TLS 1.2', 'Client');
      if (!(r.enabled.kind === 'dword' && r.enabled.value === 0)) return [];
      return [finding(SCHANNEL_001, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY} has Enabled = 0: TLS 1.2 is disabled for the Schannel client, so no application on this machine (WinHTTP, WinINet, .NET) can negotiate TLS 1.2 with Microsoft 365, whatever it asks for.`,
        enableClient)];
    }),
  fix: 'Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Client key, then restart the machine.',
};
