import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { readingText, withSchannel } from './common.js';
import { SERVER_KEY, enableServer } from './tls12.js';

/**
 * TLS365-SCHANNEL-005: TLS 1.2 is off by default for the Schannel server (explicit DisabledByDefault != 0, or the OS
 * default on 6002, 6003, 7600, 7601) (docs/domain-facts.md 10.4; per-OS defaults 3.2, effective state 3.3)
 * [PROTOCOLS] [AADC].
 */
export const SCHANNEL_005: Rule = {
  id: 'TLS365-SCHANNEL-005',
  title: 'TLS 1.2 is off by default for the Schannel server',
  severity: ['Warn'],
  components: ['SChannelServer'],
  sources: [SRC.PROTOCOLS, SRC.AADC],
  evaluate: (m) =>
    withSchannel(m, ['SChannelServer'], (os) => {
      const r = m.schannel('TLS 1.2', 'Server');
      if (r.state !== 'OffByDefault') return [];
      return [finding(SCHANNEL_005, 'Warn', ['SChannelServer'],
        `${SERVER_KEY}: ${readingText(r, os)}; TLS 1.2 is off by default for the Schannel server role, so server applications that use the system defaults do not offer it to clients such as Microsoft 365.`,
        enableServer)];
    }),
  fix: 'Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Server key, then restart the machine.',
};
