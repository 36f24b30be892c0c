import type { Component, RegChange } from '../../model.js';
import { netFxKey, type NetFxVersion } from '../../paths.js';
import { isOne, readDword } from '../../registry.js';
import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { views } from '../exchange/common.js';
import { isConfigMgr, netValues, NO_ARCH, NO_DOTNET, show } from './common.js';

/**
 * TLS365-CM-002: on a ConfigMgr client or site system, some of the .NET SystemDefaultTlsVersions / SchUseStrongCrypto
 * values (v2.0.50727 and v4.0.30319, both views, for the installed versions) are not 1 (docs/domain-facts.md 8, 10.8)
 * [CM-CLIENT].
 */
const NET_VERSIONS: readonly { readonly version: NetFxVersion; readonly name: string }[] = [
  { version: 'v4.0.30319', name: '.NET 4.x' },
  { version: 'v2.0.50727', name: '.NET 3.5' },
];

export const CM_002: Rule = {
  id: 'TLS365-CM-002',
  title: 'ConfigMgr: .NET SystemDefaultTlsVersions / SchUseStrongCrypto not all 1',
  severity: ['Warn'],
  components: ['DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32'],
  sources: [SRC.CM_CLIENT],
  applies: (m, o) => isConfigMgr(m, o.roles),
  evaluate: (m) => {
    const all: Component[] = ['DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32'];
    if (!m.coverage.dotnet) return [unknown(all, NO_DOTNET)];
    if (m.x64 === null) return [unknown(all, NO_ARCH)];
    const x64 = m.x64;
    const wrong: string[] = [];
    const comps = new Set<Component>();
    const changes: RegChange[] = [];
    for (const nv of NET_VERSIONS) {
      if ((nv.version === 'v4.0.30319' ? m.dotnet4.installed : m.dotnet35.installed) !== true) continue;
      for (const v of views(x64)) {
        const key = netFxKey(v.view, x64, nv.version);
        const component: Component = nv.version === 'v4.0.30319' ? v.dotnet4 : v.view === '64' ? 'DotNet35' : 'DotNet35_32';
        for (const n of ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const) {
          const r = readDword(m.reg, key, n);
          if (!isOne(r)) {
            wrong.push(`${key}\\${n} is ${show(r)}`);
            comps.add(component);
          }
        }
        changes.push(...netValues(key));
      }
    }
    if (wrong.length === 0) return [];
    return [finding(CM_002, 'Warn', all.filter((c) => comps.has(c)),
      `ConfigMgr's TLS 1.2 procedure sets SystemDefaultTlsVersions and SchUseStrongCrypto to 1 for .NET (v2.0.50727 and v4.0.30319, native and Wow6432Node), but here ${wrong.join('; ')}, so .NET-based ConfigMgr components may not use TLS 1.2.`,
      { text: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under every installed .NET version key in both views, then restart the computer.', changes, updates: [], restart: 'reboot' })];
  },
  fix: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under every installed .NET version key in both views, then restart the computer.',
};
