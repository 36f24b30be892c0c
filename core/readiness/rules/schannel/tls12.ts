import { schannelProtocolKey } from '../../paths.js';
import { TLS12_OFF_BY_DEFAULT_BUILDS } from '../../schannel-state.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { protocolFix, readingText, turnOn, valueText, withSchannel } from './common.js';

/**
 * SCHANNEL-001..005: is TLS 1.2 usable by the Schannel client and server (docs/domain-facts.md 10.4, effective state 3.3,
 * per-OS defaults 3.2)? Fixes write `Enabled`=1 and `DisabledByDefault`=0 (3.3 step 4).
 */
const CLIENT_KEY = schannelProtocolKey('TLS 1.2', 'Client');
const SERVER_KEY = schannelProtocolKey('TLS 1.2', 'Server');


const enableClient = protocolFix('Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Client key, then restart the machine.', [turnOn('TLS 1.2', 'Client')]);
const enableServer = protocolFix('Set Enabled=1 and DisabledByDefault=0 under the TLS 1.2\\Server key, then restart the machine.', [turnOn('TLS 1.2', 'Server')]);

export const schannel001: Rule = {
  id: 'TLS365-SCHANNEL-001',
  title: 'TLS 1.2 is disabled for the Schannel client',
  sources: [SRC.TLSREG_2019, SRC.TLSREG_2023],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], () => {
      const r = m.schannel('TLS 1.2', 'Client');
      if (!(r.enabled.kind === 'dword' && r.enabled.value === 0)) return [];
      return [finding(schannel001, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY} has Enabled = 0: TLS 1.2 is disabled for the Schannel client, so no application on this machine (WinHTTP, WinINet, .NET) can negotiate TLS 1.2 with Microsoft 365, whatever it asks for.`,
        enableClient)];
    }),
};

export const schannel002: Rule = {
  id: 'TLS365-SCHANNEL-002',
  title: 'TLS 1.2 is disabled by default for the Schannel client',
  sources: [SRC.TLSREG_2019, SRC.EX_TLS],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], () => {
      const r = m.schannel('TLS 1.2', 'Client');
      if (!(r.disabledByDefault.kind === 'dword' && r.disabledByDefault.value !== 0)) return [];
      return [finding(schannel002, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY} has ${valueText('DisabledByDefault', r.disabledByDefault)} (${valueText('Enabled', r.enabled)}): TLS 1.2 is used only by applications that ask for it explicitly, so applications that rely on the system default protocols cannot reach Microsoft 365.`,
        enableClient)];
    }),
};

export const schannel003: Rule = {
  id: 'TLS365-SCHANNEL-003',
  title: 'TLS 1.2 is off by default for the Schannel client on this OS',
  sources: [SRC.PROTOCOLS, SRC.DOTNET_TLS, SRC.KB3140245],
  evaluate: (m) =>
    withSchannel(m, ['SChannelClient'], (os) => {
      if (!TLS12_OFF_BY_DEFAULT_BUILDS.has(os.build)) return [];
      const r = m.schannel('TLS 1.2', 'Client');
      // An explicit DisabledByDefault != 0 is SCHANNEL-002's; this rule covers the OS default and Enabled=1 alone (3.3 steps 4-5).
      if (r.state !== 'OffByDefault' || r.disabledByDefault.kind === 'dword') return [];
      return [finding(schannel003, 'Fail', ['SChannelClient'],
        `${CLIENT_KEY}: ${readingText(r, os)}; on build ${os.build} TLS 1.2 stays off by default for the Schannel client until DisabledByDefault=0 is written, so applications that use the system defaults offer Microsoft 365 only older protocols.`,
        enableClient)];
    }),
};

export const schannel004: Rule = {
  id: 'TLS365-SCHANNEL-004',
  title: 'TLS 1.2 is disabled for the Schannel server',
  sources: [SRC.TLSREG_2019],
  evaluate: (m) =>
    withSchannel(m, ['SChannelServer'], () => {
      const r = m.schannel('TLS 1.2', 'Server');
      if (!(r.enabled.kind === 'dword' && r.enabled.value === 0)) return [];
      return [finding(schannel004, 'Warn', ['SChannelServer'],
        `${SERVER_KEY} has Enabled = 0: TLS 1.2 is disabled for the Schannel server role, so services on this machine (IIS, SMTP, AD FS) cannot accept TLS 1.2 connections, including those from Microsoft 365.`,
        enableServer)];
    }),
};

export const schannel005: Rule = {
  id: 'TLS365-SCHANNEL-005',
  title: 'TLS 1.2 is off by default for the Schannel server',
  sources: [SRC.PROTOCOLS, SRC.AADC],
  evaluate: (m) =>
    withSchannel(m, ['SChannelServer'], (os) => {
      const r = m.schannel('TLS 1.2', 'Server');
      if (r.state !== 'OffByDefault') return [];
      return [finding(schannel005, 'Warn', ['SChannelServer'],
        `${SERVER_KEY}: ${readingText(r, os)}; TLS 1.2 is off by default for the Schannel server role, so server applications that use the system defaults do not offer it to clients such as Microsoft 365.`,
        enableServer)];
    }),
};

export const tls12Rules: readonly Rule[] = [schannel001, schannel002, schannel003, schannel004, schannel005];
