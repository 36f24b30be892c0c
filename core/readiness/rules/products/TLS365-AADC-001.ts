import type { Component, RegChange } from '../../model.js';
import { netFxKey, schannelProtocolKey } from '../../paths.js';
import { isOne, readDword } from '../../registry.js';
import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { views } from '../exchange/common.js';
import { dword, isAadc, netValues, NO_ARCH, NO_DOTNET, NO_SCHANNEL, show } from './common.js';

/**
 * TLS365-AADC-001: on an Azure AD Connect server, the registry values Microsoft requires to force TLS 1.2 are not all
 * set (v4.0.30319 SystemDefaultTlsVersions and SchUseStrongCrypto = 1 in both views, TLS 1.2 Client and Server Enabled
 * != 0 with DisabledByDefault = 0) (docs/domain-facts.md 8, 10.8) [AADC].
 */
export const AADC_001: Rule = {
  id: 'TLS365-AADC-001',
  title: 'Azure AD Connect: TLS 1.2 not enforced as Microsoft documents',
  severity: ['Fail'],
  components: ['SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32'],
  sources: [SRC.AADC],
  applies: (m, o) => isAadc(m, o.roles),
  evaluate: (m) => {
    const all: Component[] = ['SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32'];
    if (!m.coverage.schannel) return [unknown(all, NO_SCHANNEL)];
    if (!m.coverage.dotnet) return [unknown(all, NO_DOTNET)];
    if (m.x64 === null) return [unknown(all, NO_ARCH)];
    const x64 = m.x64;
    const wrong: string[] = [];
    const comps: Component[] = [];
    const changes: RegChange[] = [];
    for (const v of views(x64)) {
      const key = netFxKey(v.view, x64, 'v4.0.30319');
      const bad = (['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const).filter((n) => !isOne(readDword(m.reg, key, n)));
      if (bad.length > 0) {
        comps.push(v.dotnet4);
        wrong.push(...bad.map((n) => `${key}\\${n} is ${show(readDword(m.reg, key, n))}`));
      }
      changes.push(...netValues(key));
    }
    for (const role of ['Client', 'Server'] as const) {
      const key = schannelProtocolKey('TLS 1.2', role);
      const en = readDword(m.reg, key, 'Enabled');
      const dbd = readDword(m.reg, key, 'DisabledByDefault');
      const ok = en.kind === 'dword' && en.value !== 0 && dbd.kind === 'dword' && dbd.value === 0;
      if (!ok) {
        comps.push(role === 'Client' ? 'SChannelClient' : 'SChannelServer');
        wrong.push(`${key} has Enabled=${show(en)}, DisabledByDefault=${show(dbd)}`);
      }
      changes.push(dword(key, 'Enabled', 1), dword(key, 'DisabledByDefault', 0));
    }
    if (wrong.length === 0) return [];
    return [finding(AADC_001, 'Fail', comps,
      `This Azure AD Connect server does not have the registry values Microsoft requires to force TLS 1.2 (${wrong.join('; ')}), so its connections to Microsoft Entra ID may not use TLS 1.2.`,
      { text: 'Apply Microsoft\'s Azure AD Connect TLS 1.2 settings (.NET 4 SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 in both views, TLS 1.2 Client and Server Enabled=1, DisabledByDefault=0), then restart the server.', changes, updates: [], restart: 'reboot' })];
  },
  fix: 'Apply Microsoft\'s Azure AD Connect TLS 1.2 settings (.NET 4 SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 in both views, TLS 1.2 Client and Server Enabled=1, DisabledByDefault=0), then restart the server.',
};
