import { SCHANNEL_KEY } from '../../paths.js';
import { readDword } from '../../registry.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BOTH_ROLES, valueText, withSchannel } from './common.js';

/**
 * TLS365-SCHANNEL-017: Schannel EventLogging lacks the informational bit (4), so event 36880 (successful handshakes)
 * is not written and the System log cannot show legacy clients (docs/domain-facts.md 3.5, 9.4, 10.4) [TLSREG-2023].
 * Info, and only when the user asks for discovery.
 */
export const SCHANNEL_017: Rule = {
  id: 'TLS365-SCHANNEL-017',
  title: 'Schannel does not log successful handshakes',
  severity: ['Info'],
  components: BOTH_ROLES,
  sources: [SRC.TLSREG_2023],
  applies: (_m, options) => options.discovery === true,
  evaluate: (m, options) => {
    if (options.discovery !== true) return [];
    return withSchannel(m, BOTH_ROLES, () => {
      const v = readDword(m.reg, SCHANNEL_KEY, 'EventLogging');
      if (v.kind === 'dword' && (v.value & 4) !== 0) return [];
      const found = v.kind === 'absent' ? 'EventLogging absent (default 1, errors only)' : valueText('EventLogging', v);
      return [finding(SCHANNEL_017, 'Info', BOTH_ROLES,
        `${SCHANNEL_KEY} ${found}: without the informational bit (4) Schannel does not write event 36880 for successful handshakes, so the System log cannot show which clients still use TLS 1.0/1.1.`,
        { text: 'Set EventLogging=7 (errors, warnings and successful handshakes) for the discovery period, then restart the machine; watch the System log size.', changes: [{ op: 'set-dword', key: SCHANNEL_KEY, name: 'EventLogging', data: 7 }], updates: [], restart: 'reboot' })];
    });
  },
  fix: 'Set EventLogging=7 (errors, warnings and successful handshakes) for the discovery period, then restart the machine.',
};
