import type { MachineFacts } from '../../facts.js';
import { schannelProtocolKey } from '../../paths.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { componentOf, protocolFix, readingText, roleWord, ROLES, shortKey, turnOff, withSchannel } from './common.js';

/**
 * Shared by SCHANNEL-006/007: SSL 2.0 / SSL 3.0 on for a role (docs/domain-facts.md 10.4; defaults 3.2). Each fires
 * once per role, on that role's component; the fix turns it off (never on).
 */
export function sslFindings(rule: Pick<Rule, 'id' | 'sources'>, m: MachineFacts, p: 'SSL 2.0' | 'SSL 3.0', why: string): readonly RuleOutput[] {
  return withSchannel(m, ROLES.map(componentOf), (os) =>
    ROLES.flatMap((role) => {
      const r = m.schannel(p, role);
      if (r.state !== 'On') return [];
      return [finding(rule, 'Warn', [componentOf(role)],
        `${schannelProtocolKey(p, role)}: ${readingText(r, os)}; ${p} is on for the Schannel ${roleWord(role)} role, ${why}`,
        protocolFix(`Set Enabled=0 and DisabledByDefault=1 under the ${shortKey(p, role)} key, then restart the machine.`, [turnOff(p, role)]))];
    }));
}
