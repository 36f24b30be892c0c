import { TLS12_OFF_BY_DEFAULT_BUILDS } from '../../schannel-state.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { readingText, withSchannel } from './common.js';
import { CLIENT_KEY, enableClient } from './tls12.js';

/**
 * TLS365-SCHANNEL-003: on the builds where TLS 1.2 is off by default for the Schannel client (6002, 6003, 7600,
 * 7601) nothing switches it on (docs/domain-facts.md 10.4; per-OS defaults 3.2, effective state 3.3) [PROTOCOLS]
 * [DOTNET-TLS] [KB3140245].
 */
export const SCHANNEL_003: Rule = {
  id: 'TLS365-SCHANNEL-003',
  title: 'TLS 1.2 is off by default for the Schannel client on this OS',
  severity: ['Fail'],
  components: ['SChannelClient'],
  sources: [SRC.PROTOCOLS, SRC.DOTNET_TLS, SRC.KB3140245],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], (os) => {
      if (!TLS12_OFF_BY_DEFAULT_BUILDS.has(os.build)) return [];
      const r = m.schannel('TLS 1.2', 'Client');
      // An explicit DisabledByDefault != 0 is SCHANNEL-002's; this rule covers the OS default and Enabled=1 alone (3.3 steps 4-5).
      if (r.state !== 'OffByDefault' || r.disabledByDefault.kind === 'dword') return [];
      return [finding(SCHANNEL_003, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY}: ${readingText(r, os)}; on build ${os.build} TLS 1.2 stays off by default for the Schannel client until DisabledByDefault=0 is written, so applications that use the system defaults offer Microsoft 365 only older protocols.`,
        enableClient)];
    }),
  fix: 'Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Client key, then restart the machine.',
};
