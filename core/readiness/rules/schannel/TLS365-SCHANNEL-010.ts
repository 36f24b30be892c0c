import type { RegChange } from '../../model.js';
import { schannelProtocolKey } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { numberIn } from '../../registry.js';
import { SRC } from '../../sources.js';
import { BOTH_ROLES, componentOf, isTls, PROTOCOLS, protocolChanges, ROLES, shortKey, turnOff, valueText, withSchannel } from './common.js';

/**
 * TLS365-SCHANNEL-010 (per role): a protocol key's Enabled or DisabledByDefault is not the documented REG_DWORD, so
 * TLS365 ignores it and Schannel's handling of it is undocumented (docs/domain-facts.md 10.4; facts 3.1) [TLSREG-2023].
 */
const VALUE_NAMES = ['Enabled', 'DisabledByDefault'] as const;

export const SCHANNEL_010: Rule = {
  id: 'TLS365-SCHANNEL-010',
  title: 'Schannel protocol value is not a REG_DWORD',
  severity: ['Warn'],
  components: BOTH_ROLES,
  sources: [SRC.TLSREG_2023],
  evaluate: (m) =>
    withSchannel(m, BOTH_ROLES, () =>
      ROLES.flatMap((role) => {
        const bad: string[] = [];
        const changes: RegChange[] = [];
        const manual: string[] = [];
        for (const p of PROTOCOLS) {
          const key = schannelProtocolKey(p, role);
          const wrong = VALUE_NAMES.filter((name) => { const v = m.reg.value(key, name); return v !== undefined && v.type !== 'REG_DWORD'; });
          if (wrong.length === 0) continue;
          for (const name of wrong) bad.push(`${key} ${valueText(name, { kind: 'wrong-type', type: m.reg.value(key, name)?.type ?? '?' })}`);
          if (!isTls(p)) {
            // Never rewrite an SSL value into something that could turn SSL on: write the "off" pair instead.
            changes.push(...protocolChanges([turnOff(p, role)]));
            continue;
          }
          for (const name of wrong) {
            const v = m.reg.value(key, name);
            const n = v === undefined ? null : numberIn(v);
            if (n === null) manual.push(`${shortKey(p, role)} ${name}`);
            else changes.push({ op: 'set-dword', key, name, data: n });
          }
        }
        if (bad.length === 0) return [];
        const text = `Recreate the values as REG_DWORD${changes.length > 0 ? ' (the changes keep the number each value holds; SSL keys are written off)' : ''}${manual.length > 0 ? `; ${manual.join(', ')} hold no clear number: write 0 or 1 as intended` : ''}, then restart the machine.`;
        return [finding(SCHANNEL_010, 'Warn', [componentOf(role)],
          `${bad.join('; ')}: these values are documented as REG_DWORD, so TLS365 ignores them (the OS default is assumed) and Schannel's handling of another type is undocumented.`,
          { text, changes, updates: [], restart: 'reboot' })];
      })),
  fix: 'Recreate the values as REG_DWORD (keeping the number each holds; SSL keys are written off), then restart the machine.',
};
