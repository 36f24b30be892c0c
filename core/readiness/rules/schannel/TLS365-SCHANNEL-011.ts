import { SCHANNEL_KEY } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BOTH_ROLES, protocolChanges, stateText, TLS_PROTOCOLS, turnOn, valueText, withSchannel, type ProtocolWrite } from './common.js';

/**
 * TLS365-SCHANNEL-011: for some TLS version, Client and Server values (both present) give different effective states,
 * which HealthChecker calls misconfigured (docs/domain-facts.md 10.4; facts 3.1, 3.3) [HC-AN]. Warn (Fail on
 * Exchange, EXCH-001).
 */
export const SCHANNEL_011: Rule = {
  id: 'TLS365-SCHANNEL-011',
  title: 'Schannel Client and Server settings differ',
  severity: ['Warn'],
  components: BOTH_ROLES,
  sources: [SRC.HC_AN],
  evaluate: (m) =>
    withSchannel(m, BOTH_ROLES, () => {
      const differ = TLS_PROTOCOLS.filter((p) => {
        const c = m.schannel(p, 'Client');
        const s = m.schannel(p, 'Server');
        return c.basis === 'values' && s.basis === 'values' && c.state !== s.state;
      });
      if (differ.length === 0) return [];
      const detail = differ.map((p) => `${p} Client ${stateText(m.schannel(p, 'Client'))} (${valueText('Enabled', m.schannel(p, 'Client').enabled)}, ${valueText('DisabledByDefault', m.schannel(p, 'Client').disabledByDefault)}) but Server ${stateText(m.schannel(p, 'Server'))} (${valueText('Enabled', m.schannel(p, 'Server').enabled)}, ${valueText('DisabledByDefault', m.schannel(p, 'Server').disabledByDefault)})`);
      const writes: ProtocolWrite[] = differ.includes('TLS 1.2') ? [turnOn('TLS 1.2', 'Client'), turnOn('TLS 1.2', 'Server')] : [];
      const others = differ.filter((p) => p !== 'TLS 1.2');
      const text = [
        writes.length > 0 ? 'Set Enabled=1 and DisabledByDefault=0 under both TLS 1.2\\Client and TLS 1.2\\Server' : '',
        others.length > 0 ? `write the same Enabled/DisabledByDefault pair under Client and Server for ${others.join(', ')} (1/0 to keep it on, 0/1 to turn it off)` : '',
      ].filter((t) => t !== '').join('; ');
      return [finding(SCHANNEL_011, 'Warn', BOTH_ROLES,
        `Under ${SCHANNEL_KEY}\\Protocols, ${detail.join('; ')}: HealthChecker calls a Client/Server mismatch misconfigured, and the machine then behaves differently depending on which side of a connection it is.`,
        { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}, then restart the machine.`, changes: protocolChanges(writes), updates: [], restart: 'reboot' })];
    }),
  fix: 'Write the same Enabled/DisabledByDefault pair under Client and Server (TLS 1.2 on: 1/0), then restart the machine.',
};
