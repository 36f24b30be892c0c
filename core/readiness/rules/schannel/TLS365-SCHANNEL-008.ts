import type { Fix } from '../../model.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { componentOf, protocolFix, readingText, roleWord, ROLES, shortKey, turnOff, withSchannel } from './common.js';

/**
 * TLS365-SCHANNEL-008 (per role): TLS 1.0 or TLS 1.1 is still on for the Schannel client or server; Microsoft 365
 * no longer accepts them (docs/domain-facts.md 10.4; defaults 3.2) [SEED] [HC-AN] [EX-TLS] [WIN-DEPR]. Info.
 */
const LEGACY_TLS = ['TLS 1.0', 'TLS 1.1'] as const;

/** docs/domain-facts.md 3.2: the TLS 1.0/1.1 default on builds >= 22000 is unconfirmed, so a default-based "On" there is not reported. */
const UNCONFIRMED_DEFAULTS_FROM = 22000;

export const SCHANNEL_008: Rule = {
  id: 'TLS365-SCHANNEL-008',
  title: 'TLS 1.0 or TLS 1.1 is still on',
  severity: ['Info'],
  components: ['SChannelClient', 'SChannelServer'],
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
        return [finding(SCHANNEL_008, 'Info', [componentOf(role)],
          `${on.join(' and ')} ${on.length > 1 ? 'are' : 'is'} still on for the Schannel ${roleWord(role)} role (${detail}); Microsoft 365 no longer accepts TLS 1.0/1.1, so whatever still depends on ${on.length > 1 ? 'them' : 'it'} will fail there.`,
          legacyFix(m.schannel('TLS 1.2', role).state === 'On', role, LEGACY_TLS.filter((p) => m.schannel(p, role).state !== 'NotSupported')))];
      })),
  fix: 'Once TLS 1.2 is on for the role and nothing depends on TLS 1.0/1.1 any more, set Enabled=0 and DisabledByDefault=1 under their keys, then restart the machine.',
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
