import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { valueText, withSchannel } from './common.js';
import { CLIENT_KEY, enableClient } from './tls12.js';

/**
 * TLS365-SCHANNEL-002: `TLS 1.2\Client` has DisabledByDefault != 0, so only applications that ask for TLS 1.2
 * explicitly use it (docs/domain-facts.md 10.4; facts 3.1, 3.3) [TLSREG-2019] [EX-TLS].
 */
export const SCHANNEL_002: Rule = {
  id: 'TLS365-SCHANNEL-002',
  title: 'TLS 1.2 is disabled by default for the Schannel client',
  severity: ['Fail'],
  components: ['SChannelClient'],
  sources: [SRC.TLSREG_2019, SRC.EX_TLS],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], () => {
      const r = m.schannel('TLS 1.2', 'Client');
      if (!(r.disabledByDefault.kind === 'dword' && r.disabledByDefault.value !== 0)) return [];
      return [finding(SCHANNEL_002, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY} has ${valueText('DisabledByDefault', r.disabledByDefault)} (${valueText('Enabled', r.enabled)}): TLS 1.2 is used only by applications that ask for it explicitly, so applications that rely on the system default protocols cannot reach Microsoft 365.`,
        enableClient)];
    }),
  fix: 'Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Client key, then restart the machine.',
};
