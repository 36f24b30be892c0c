import { schannelProtocolKey } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { componentOf, ROLES, valueText, withSchannel } from './common.js';

/**
 * TLS365-SCHANNEL-009 (per role): the `TLS 1.3` key holds values on an OS whose Schannel has no TLS 1.3 (before
 * Server 2022 / Windows 11), so they have no effect (docs/domain-facts.md 10.4; defaults 3.2) [PROTOCOLS]. Info.
 */
export const SCHANNEL_009: Rule = {
  id: 'TLS365-SCHANNEL-009',
  title: 'TLS 1.3 values on an OS without TLS 1.3',
  severity: ['Info'],
  components: ['SChannelClient', 'SChannelServer'],
  sources: [SRC.PROTOCOLS],
  evaluate: (m) =>
    withSchannel(m, ROLES.map(componentOf), (os) => {
      if (os.tls13Capable) return [];
      return ROLES.flatMap((role) => {
        const r = m.schannel('TLS 1.3', role);
        if (r.enabled.kind === 'absent' && r.disabledByDefault.kind === 'absent') return [];
        return [finding(SCHANNEL_009, 'Info', [componentOf(role)],
          `${schannelProtocolKey('TLS 1.3', role)} holds ${valueText('Enabled', r.enabled)}, ${valueText('DisabledByDefault', r.disabledByDefault)}, but ${os.name} (build ${os.build}) has no TLS 1.3 in Schannel (Server 2022 and Windows 11 are the first), so these values have no effect.`,
          null)];
      });
    }),
  fix: 'None: informational.',
};
