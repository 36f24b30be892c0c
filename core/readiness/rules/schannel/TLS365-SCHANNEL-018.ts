import type { RegChange } from '../../model.js';
import { schannelProtocolKey, type Role } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BOTH_ROLES, componentOf, dwordText, isTls, PROTOCOLS, ROLES, withSchannel } from './common.js';

/**
 * TLS365-SCHANNEL-018 (per role): Enabled is written as 0xFFFFFFFF, a legacy form older tools wrote that means
 * Enabled = 1 (docs/domain-facts.md 10.4; facts 3.1, 3.3 step 4) [TLSREG-2023] [HC-REG]. Info.
 */
export const SCHANNEL_018: Rule = {
  id: 'TLS365-SCHANNEL-018',
  title: 'Schannel Enabled written as 0xFFFFFFFF',
  severity: ['Info'],
  components: BOTH_ROLES,
  sources: [SRC.TLSREG_2023, SRC.HC_REG],
  evaluate: (m) =>
    withSchannel(m, BOTH_ROLES, () =>
      ROLES.flatMap((role: Role) => {
        const legacy = PROTOCOLS.filter((p) => { const r = m.schannel(p, role).enabled; return r.kind === 'dword' && r.value === 0xffffffff; });
        if (legacy.length === 0) return [];
        const changes: RegChange[] = legacy.filter(isTls).flatMap((p): RegChange[] => {
          const key = schannelProtocolKey(p, role);
          const dbd = m.schannel(p, role).disabledByDefault;
          // A present DisabledByDefault is left alone (SCHANNEL-012 owns a contradictory one); an absent one is written as 0 (3.3 step 4).
          const enabled: RegChange = { op: 'set-dword', key, name: 'Enabled', data: 1 };
          return dbd.kind === 'dword' ? [enabled] : [enabled, { op: 'set-dword', key, name: 'DisabledByDefault', data: 0 }];
        });
        const ssl = legacy.filter((p) => !isTls(p));
        const text = [
          changes.length > 0 ? 'Optional: rewrite Enabled as 1 (and write DisabledByDefault=0 where it is absent), then restart the machine' : '',
          ssl.length > 0 ? `${ssl.join(', ')} should not be on at all: see SCHANNEL-006/007` : '',
        ].filter((t) => t !== '').join('; ');
        return [finding(SCHANNEL_018, 'Info', [componentOf(role)],
          `${legacy.map((p) => `${schannelProtocolKey(p, role)} Enabled = ${dwordText(0xffffffff)}`).join('; ')}: a legacy form written by older tools, equivalent to Enabled = 1 (any non-zero value enables); Microsoft's current guidance writes 1.`,
          { text: `${text}.`, changes, updates: [], restart: changes.length > 0 ? 'reboot' : 'none' })];
      })),
  fix: 'Optional: rewrite Enabled as 1 (and write DisabledByDefault=0 where it is absent), then restart the machine.',
};
