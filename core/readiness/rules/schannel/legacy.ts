import type { MachineFacts } from '../../facts.js';
import type { Fix } from '../../model.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from '../../paths.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { componentOf, protocolFix, readingText, roleWord, ROLES, shortKey, turnOff, valueText, withSchannel } from './common.js';

/**
 * SCHANNEL-006..009: protocols older than TLS 1.2 that are still on, and TLS 1.3 values on an OS without
 * TLS 1.3 (docs/domain-facts.md 10.4; defaults 3.2). Each fires once per role, on that role's component.
 */

/** SCHANNEL-006/007: SSL 2.0 / SSL 3.0 on for a role; the fix turns it off (never on). */
function sslFindings(rule: Pick<Rule, 'id' | 'sources'>, m: MachineFacts, p: 'SSL 2.0' | 'SSL 3.0', why: string): readonly RuleOutput[] {
  return withSchannel(m, ROLES.map(componentOf), (os) =>
    ROLES.flatMap((role) => {
      const r = m.schannel(p, role);
      if (r.state !== 'On') return [];
      return [finding(rule, 'Warn', [componentOf(role)],
        `${schannelProtocolKey(p, role)}: ${readingText(r, os)}; ${p} is on for the Schannel ${roleWord(role)} role, ${why}`,
        protocolFix(`Set Enabled=0 and DisabledByDefault=1 under the ${shortKey(p, role)} key, then restart the machine.`, [turnOff(p, role)]))];
    }));
}

export const schannel006: Rule = {
  id: 'TLS365-SCHANNEL-006',
  title: 'SSL 2.0 is on',
  sources: [SRC.PROTOCOLS, SRC.TLSREG_2019],
  evaluate: (m) => sslFindings(schannel006, m, 'SSL 2.0', 'and SSL 2.0 is broken: nothing should negotiate it, and Microsoft 365 refuses it.'),
};

export const schannel007: Rule = {
  id: 'TLS365-SCHANNEL-007',
  title: 'SSL 3.0 is on',
  sources: [SRC.PROTOCOLS, SRC.SEED],
  evaluate: (m) => sslFindings(schannel007, m, 'SSL 3.0', 'and SSL 3.0 is insecure (see KB3009008): nothing should negotiate it, and Microsoft 365 refuses it.'),
};

const LEGACY_TLS = ['TLS 1.0', 'TLS 1.1'] as const;

/** docs/domain-facts.md 3.2: the TLS 1.0/1.1 default on builds >= 22000 is unconfirmed, so a default-based "On" there is not reported. */
const UNCONFIRMED_DEFAULTS_FROM = 22000;

export const schannel008: Rule = {
  id: 'TLS365-SCHANNEL-008',
  title: 'TLS 1.0 or TLS 1.1 is still on',
  sources: [SRC.SEED, SRC.HC_AN, SRC.EX_TLS, SRC.WIN_DEPR],
  evaluate: (m) =>
    withSchannel(m, ROLES.map(componentOf), (os) =>
      ROLES.flatMap((role) => {
        const on = LEGACY_TLS.filter((p) => {
          const r = m.schannel(p, role);
          return r.state === 'On' && !(r.basis === 'default' && os.build >= UNCONFIRMED_DEFAULTS_FROM);
        });
        if (on.length === 0) return [];
        const detail = on.map((p) => `${schannelProtocolKey(p, role)}: ${readingText(m.schannel(p, role), os)}`).join('; ');
        return [finding(schannel008, 'Info', [componentOf(role)],
          `${on.join(' and ')} ${on.length > 1 ? 'are' : 'is'} still on for the Schannel ${roleWord(role)} role (${detail}); Microsoft 365 no longer accepts TLS 1.0/1.1, so whatever still depends on ${on.length > 1 ? 'them' : 'it'} will fail there.`,
          legacyFix(m.schannel('TLS 1.2', role).state === 'On', role, LEGACY_TLS.filter((p) => m.schannel(p, role).state !== 'NotSupported')))];
      })),
};

/** Disabling TLS 1.0/1.1 is only offered once TLS 1.2 is on for that role: otherwise the role would be left with no protocol. */
function legacyFix(tls12On: boolean, role: Role, protocols: readonly SchannelProtocol[]): Fix {
  const keys = protocols.map((p) => shortKey(p, role)).join(' and ');
  if (!tls12On) {
    return protocolFix(`Turn TLS 1.2 on for the ${roleWord(role)} role first (SCHANNEL-001 to 005); only then, after removing every dependency on TLS 1.0/1.1, set Enabled=0 and DisabledByDefault=1 under ${keys}.`, []);
  }
  return protocolFix(
    `Warning: first remove every dependency on TLS 1.0/1.1 (applications, devices and partners that still use them: check IIS, SMTP and Schannel logs); then set Enabled=0 and DisabledByDefault=1 under ${keys} and restart the machine.`,
    protocols.map((p) => turnOff(p, role)),
  );
}

export const schannel009: Rule = {
  id: 'TLS365-SCHANNEL-009',
  title: 'TLS 1.3 values on an OS without TLS 1.3',
  sources: [SRC.PROTOCOLS],
  evaluate: (m) =>
    withSchannel(m, ROLES.map(componentOf), (os) => {
      if (os.tls13Capable) return [];
      return ROLES.flatMap((role) => {
        const r = m.schannel('TLS 1.3', role);
        if (r.enabled.kind === 'absent' && r.disabledByDefault.kind === 'absent') return [];
        return [finding(schannel009, 'Info', [componentOf(role)],
          `${schannelProtocolKey('TLS 1.3', role)} holds ${valueText('Enabled', r.enabled)}, ${valueText('DisabledByDefault', r.disabledByDefault)}, but ${os.name} (build ${os.build}) has no TLS 1.3 in Schannel (Server 2022 and Windows 11 are the first), so these values have no effect.`,
          null)];
      });
    }),
};

export const legacyRules: readonly Rule[] = [schannel006, schannel007, schannel008, schannel009];
