import { schannelProtocolKey, type SchannelProtocol } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import {
  BOTH_ROLES, componentOf, isTls, PROTOCOLS, protocolChanges, roleWord, ROLES, shortKey, turnOff, turnOn, valueText, withSchannel, type ProtocolWrite,
} from './common.js';

/**
 * TLS365-SCHANNEL-012 (per role): a protocol is "half disabled", its Enabled and DisabledByDefault contradicting each
 * other, so tools and HealthChecker read it differently (docs/domain-facts.md 10.4; facts 3.1) [HC-DOC] [HC-REG].
 */

/** docs/domain-facts.md 10.4 SCHANNEL-012: Enabled=0 with DisabledByDefault=0 explicit, or Enabled!=0 with DisabledByDefault!=0. */
function halfDisabled(en: number | null, dbd: number | null): 'disabled-but-default' | 'enabled-but-off' | null {
  if (en === 0 && dbd === 0) return 'disabled-but-default';
  if (en !== null && en !== 0 && dbd !== null && dbd !== 0) return 'enabled-but-off';
  return null;
}

export const SCHANNEL_012: Rule = {
  id: 'TLS365-SCHANNEL-012',
  title: 'Schannel protocol is "half disabled"',
  severity: ['Warn'],
  components: BOTH_ROLES,
  sources: [SRC.HC_DOC, SRC.HC_REG],
  evaluate: (m) =>
    withSchannel(m, BOTH_ROLES, () =>
      ROLES.flatMap((role) => {
        const found: { p: SchannelProtocol; kind: 'disabled-but-default' | 'enabled-but-off'; text: string }[] = [];
        for (const p of PROTOCOLS) {
          const r = m.schannel(p, role);
          const en = r.enabled.kind === 'dword' ? r.enabled.value : null;
          const dbd = r.disabledByDefault.kind === 'dword' ? r.disabledByDefault.value : null;
          const kind = halfDisabled(en, dbd);
          if (kind !== null) found.push({ p, kind, text: `${schannelProtocolKey(p, role)} ${valueText('Enabled', r.enabled)} with ${valueText('DisabledByDefault', r.disabledByDefault)}` });
        }
        if (found.length === 0) return [];
        const writes: ProtocolWrite[] = [];
        const manual: string[] = [];
        for (const f of found) {
          if (f.kind === 'disabled-but-default' || !isTls(f.p)) writes.push(turnOff(f.p, role));
          else if (f.p === 'TLS 1.2' || f.p === 'TLS 1.3') writes.push(turnOn(f.p, role));
          else manual.push(shortKey(f.p, role));
        }
        const text = `Write Enabled and DisabledByDefault consistently (1/0 for on, 0/1 for off)${manual.length > 0 ? `; for ${manual.join(', ')} choose: 1/0 keeps it on, 0/1 turns it off once nothing depends on it (SCHANNEL-008)` : ''}, then restart the machine.`;
        return [finding(SCHANNEL_012, 'Warn', [componentOf(role)],
          `${found.map((f) => f.text).join('; ')}: the two values contradict each other ("half disabled"), so tools and HealthChecker read the ${roleWord(role)} setting differently.`,
          { text, changes: protocolChanges(writes), updates: [], restart: 'reboot' })];
      })),
  fix: 'Write Enabled and DisabledByDefault consistently (1/0 for on, 0/1 for off), then restart the machine.',
};
