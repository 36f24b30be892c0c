import type { RegChange } from '../../model.js';
import { SCHANNEL_KEY, schannelProtocolKey, type Role, type SchannelProtocol } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { numberIn } from '../../registry.js';
import { SRC } from '../../sources.js';
import {
  BOTH_ROLES, componentOf, dwordText, isTls, PROTOCOLS, protocolChanges, roleWord, ROLES, shortKey, stateText, TLS_PROTOCOLS,
  turnOff, turnOn, valueText, withSchannel, type ProtocolWrite,
} from './common.js';

/**
 * SCHANNEL-010, 011, 012, 018: how the protocol values are written (docs/domain-facts.md 3.1, 10.4): wrong types, Client
 * and Server that disagree, "half disabled" pairs, and the legacy 0xFFFFFFFF form. Hygiene: Warn or Info.
 */
const VALUE_NAMES = ['Enabled', 'DisabledByDefault'] as const;


export const schannel010: Rule = {
  id: 'TLS365-SCHANNEL-010',
  title: 'Schannel protocol value is not a REG_DWORD',
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
        return [finding(schannel010, 'Warn', [componentOf(role)],
          `${bad.join('; ')}: these values are documented as REG_DWORD, so TLS365 ignores them (the OS default is assumed) and Schannel's handling of another type is undocumented.`,
          { text, changes, updates: [], restart: 'reboot' })];
      })),
};

export const schannel011: Rule = {
  id: 'TLS365-SCHANNEL-011',
  title: 'Schannel Client and Server settings differ',
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
      return [finding(schannel011, 'Warn', BOTH_ROLES,
        `Under ${SCHANNEL_KEY}\\Protocols, ${detail.join('; ')}: HealthChecker calls a Client/Server mismatch misconfigured, and the machine then behaves differently depending on which side of a connection it is.`,
        { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}, then restart the machine.`, changes: protocolChanges(writes), updates: [], restart: 'reboot' })];
    }),
};

/** docs/domain-facts.md 10.4 SCHANNEL-012: Enabled=0 with DisabledByDefault=0 explicit, or Enabled!=0 with DisabledByDefault!=0. */
function halfDisabled(en: number | null, dbd: number | null): 'disabled-but-default' | 'enabled-but-off' | null {
  if (en === 0 && dbd === 0) return 'disabled-but-default';
  if (en !== null && en !== 0 && dbd !== null && dbd !== 0) return 'enabled-but-off';
  return null;
}

export const schannel012: Rule = {
  id: 'TLS365-SCHANNEL-012',
  title: 'Schannel protocol is "half disabled"',
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
        return [finding(schannel012, 'Warn', [componentOf(role)],
          `${found.map((f) => f.text).join('; ')}: the two values contradict each other ("half disabled"), so tools and HealthChecker read the ${roleWord(role)} setting differently.`,
          { text, changes: protocolChanges(writes), updates: [], restart: 'reboot' })];
      })),
};

export const schannel018: Rule = {
  id: 'TLS365-SCHANNEL-018',
  title: 'Schannel Enabled written as 0xFFFFFFFF',
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
        return [finding(schannel018, 'Info', [componentOf(role)],
          `${legacy.map((p) => `${schannelProtocolKey(p, role)} Enabled = ${dwordText(0xffffffff)}`).join('; ')}: a legacy form written by older tools, equivalent to Enabled = 1 (any non-zero value enables); Microsoft's current guidance writes 1.`,
          { text: `${text}.`, changes, updates: [], restart: changes.length > 0 ? 'reboot' : 'none' })];
      })),
};

export const hygieneRules: readonly Rule[] = [schannel010, schannel011, schannel012, schannel018];
