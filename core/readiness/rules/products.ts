import { isOne } from '../registry.js';
import type { MachineFacts } from '../facts.js';
import type { Component, RegChange } from '../model.js';
import { HKLM, netFxKey, schannelProtocolKey, winHttpKey, type NetFxVersion } from '../paths.js';
import { readDword, type DwordRead } from '../registry.js';
import { finding, unknown, type Rule, type RuleOutput } from '../rule.js';
import { SRC } from '../sources.js';
import { views } from './exchange/common.js';

/**
 * Product rules (docs/domain-facts.md 8, 10.8): Azure AD Connect (AADC-001), ConfigMgr clients and site systems
 * (CM-001, CM-002) and Office on Windows 7 SP1 (OFFICE-001). Each runs only on hosts of its product.
 */

const NO_ARCH = 'the input cannot tell a 64-bit OS from a 32-bit one, so the registry views are unknown';
const NO_DOTNET = 'the input has no .NET Framework keys';
const NO_SCHANNEL = 'the input has no SCHANNEL key';
const DSP = 'DefaultSecureProtocols';
const TLS12 = 0x800;
/** TLS 1.1 + TLS 1.2 [KB3140245]; [SEED]. ConfigMgr's example 0xAA0 also sets SSL 3.0 (0x20), which TLS365 never writes. */
const DSP_FIX = 0xa00;

const hex = (n: number): string => `0x${n.toString(16).toUpperCase()}`;
const show = (r: DwordRead): string => (r.kind === 'absent' ? 'absent' : r.kind === 'wrong-type' ? `a ${r.type}` : r.value > 9 ? hex(r.value) : String(r.value));

const dword = (key: string, name: string, data: number): RegChange => ({ op: 'set-dword', key, name, data });
const netValues = (key: string): RegChange[] => [dword(key, 'SystemDefaultTlsVersions', 1), dword(key, 'SchUseStrongCrypto', 1)];

// ---------------------------------------------------------------------------------------------- AADC-001

/**
 * Azure AD Connect host: `-Role AzureADConnect`, or the `Azure AD Connect` key together with the ADSync
 * service's registration (`HKLM\SYSTEM\CurrentControlSet\Services\ADSync`). docs/domain-facts.md 8: Microsoft's own TLS
 * script creates the product key when missing, so the key alone is weak evidence; TLS365 asks for the
 * service too, which a registry image can show (an image without the Services key needs `-Role`).
 */
export const ADSYNC_SERVICE_KEY = `${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\ADSync`;
/** The one home of the Azure AD Connect test: AADC-001 and the planner (core/plan/targets/schannel.ts) both ask it. */
export const isAadc = (m: MachineFacts, roles: readonly string[]): boolean => roles.includes('AzureADConnect') || (m.products.azureAdConnect && m.reg.hasKey(ADSYNC_SERVICE_KEY));

const aadc001: Rule = {
  id: 'TLS365-AADC-001',
  title: 'Azure AD Connect: TLS 1.2 not enforced as Microsoft documents',
  sources: [SRC.AADC],
  appliesTo: (m, o) => isAadc(m, o.roles),
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
    return [finding(aadc001, 'Fail', comps,
      `This Azure AD Connect server does not have the registry values Microsoft requires to force TLS 1.2 (${wrong.join('; ')}), so its connections to Microsoft Entra ID may not use TLS 1.2.`,
      { text: 'Apply Microsoft\'s Azure AD Connect TLS 1.2 settings (.NET 4 SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 in both views, TLS 1.2 Client and Server Enabled=1, DisabledByDefault=0), then restart the server.', changes, updates: [], restart: 'reboot' })];
  },
};

// ---------------------------------------------------------------------------------------------- ConfigMgr

const isConfigMgr = (m: MachineFacts, roles: readonly string[]): boolean => m.products.configMgrClient || roles.includes('ConfigMgr');

const cm001: Rule = {
  id: 'TLS365-CM-001',
  title: 'ConfigMgr client on Windows 7 SP1 / Server 2012: WinHTTP DefaultSecureProtocols lacks TLS 1.2',
  sources: [SRC.CM_CLIENT],
  appliesTo: (m, o) => isConfigMgr(m, o.roles),
  evaluate: (m) => {
    if (m.os === null || (m.os.build !== 7601 && m.os.build !== 9200)) return [];
    if (m.x64 === null) return [unknown(['WinHttp', 'WinHttp32'], NO_ARCH)];
    const x64 = m.x64;
    const kb = m.updates.state('KB3140245');
    const updates = kb.kind === 'detected' ? [] : ['KB3140245'];
    const missing = kb.kind === 'not-detected' ? ['KB3140245'] : [];
    return views(x64).flatMap((v): RuleOutput[] => {
      if (!m.coverage.winHttp(v.view)) return [unknown([v.winHttp], `the input has no Internet Settings key in the ${v.label} view`)];
      const key = winHttpKey(v.view, x64);
      const r = readDword(m.reg, key, DSP);
      if (r.kind === 'dword' && (r.value & TLS12) !== 0) return [];
      return [finding(cm001, 'Fail', [v.winHttp],
        `${key}\\${DSP} is ${show(r)}${r.kind === 'dword' ? ', without TLS 1.2 (0x800)' : ''} on ${m.os?.name ?? 'this OS'}, so this ConfigMgr client's WinHTTP traffic stays on SSL 3.0/TLS 1.0 and the client is orphaned once its site servers accept only TLS 1.2.`,
        { text: `${updates.length > 0 ? 'Install KB3140245 (a later rollup may already contain it), then set' : 'Set'} ${DSP}=${hex(DSP_FIX)} in the ${v.label} WinHTTP key and restart the computer.`, changes: [dword(key, DSP, DSP_FIX)], updates, restart: 'reboot' },
        missing)];
    });
  },
};

const NET_VERSIONS: readonly { readonly version: NetFxVersion; readonly name: string }[] = [
  { version: 'v4.0.30319', name: '.NET 4.x' },
  { version: 'v2.0.50727', name: '.NET 3.5' },
];

const cm002: Rule = {
  id: 'TLS365-CM-002',
  title: 'ConfigMgr: .NET SystemDefaultTlsVersions / SchUseStrongCrypto not all 1',
  sources: [SRC.CM_CLIENT],
  appliesTo: (m, o) => isConfigMgr(m, o.roles),
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
    return [finding(cm002, 'Warn', all.filter((c) => comps.has(c)),
      `ConfigMgr's TLS 1.2 procedure sets SystemDefaultTlsVersions and SchUseStrongCrypto to 1 for .NET (v2.0.50727 and v4.0.30319, native and Wow6432Node), but here ${wrong.join('; ')}, so .NET-based ConfigMgr components may not use TLS 1.2.`,
      { text: 'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 under every installed .NET version key in both views, then restart the computer.', changes, updates: [], restart: 'reboot' })];
  },
};

// ---------------------------------------------------------------------------------------------- OFFICE-001

/**
 * Office on Windows 7 SP1 talks to Microsoft 365 through WinHTTP, so it uses TLS 1.2 only when WinHTTP does
 * [SEED]: KB3140245 installed, `DefaultSecureProtocols` with 0x800 in the view, and the Schannel TLS 1.2
 * client not disabled. This repeats the WinHTTP family's Fail conditions for 7601 (WINHTTP-001/003/005/010;
 * WINHTTP-002 is the 32-bit case of 005) instead of reading their verdict, which a rule cannot see; WinHTTP
 * warnings alone do not make Office fail. Office detection is unconfirmed (docs/domain-facts.md 8): `-Role Office` only.
 */
const office001: Rule = {
  id: 'TLS365-OFFICE-001',
  title: 'Office on Windows 7 SP1: WinHTTP cannot use TLS 1.2',
  sources: [SRC.SEED, SRC.KB3140245],
  appliesTo: (_m, o) => o.roles.includes('Office'),
  evaluate: (m) => {
    if (m.os === null || m.os.build !== 7601) return [];
    if (m.x64 === null) return [unknown(['WinHttp', 'WinHttp32'], NO_ARCH)];
    const x64 = m.x64;
    const vs = views(x64);
    const kb = m.updates.state('KB3140245');
    if (kb.kind === 'unknown') return [unknown(vs.map((v) => v.winHttp), 'the input has no hotfix list or CBS packages, so KB3140245 cannot be checked')];
    if (!m.coverage.schannel) return [unknown(vs.map((v) => v.winHttp), NO_SCHANNEL)];
    const global: string[] = [];
    const changes: RegChange[] = [];
    if (kb.kind === 'not-detected') global.push('KB3140245 was not detected');
    const client = m.schannel('TLS 1.2', 'Client');
    if (client.state === 'Disabled' || client.state === 'NotSupported') {
      const key = schannelProtocolKey('TLS 1.2', 'Client');
      global.push(`${key} has Enabled=${show(client.enabled)}`);
      changes.push(dword(key, 'Enabled', 1), dword(key, 'DisabledByDefault', 0));
    }
    const out: RuleOutput[] = [];
    const perView: string[] = [];
    const comps: Component[] = [];
    for (const v of vs) {
      if (!m.coverage.winHttp(v.view)) {
        out.push(unknown([v.winHttp], `the input has no Internet Settings key in the ${v.label} view`));
        continue;
      }
      const key = winHttpKey(v.view, x64);
      const r = readDword(m.reg, key, DSP);
      // A value of another type is WINHTTP-009's (Warn, effect unconfirmed): not a Fail here.
      const lacks = r.kind === 'absent' || (r.kind === 'dword' && (r.value & TLS12) === 0);
      if (lacks) {
        perView.push(`${key}\\${DSP} is ${show(r)}`);
        changes.push(dword(key, DSP, DSP_FIX));
      }
      if (lacks || global.length > 0) comps.push(v.winHttp);
    }
    if (comps.length === 0) return out;
    const missing = kb.kind === 'not-detected' ? ['KB3140245'] : [];
    const steps = [
      ...(missing.length > 0 ? ['install KB3140245 (a later rollup may already contain it)'] : []),
      ...(perView.length > 0 ? [`set ${DSP}=${hex(DSP_FIX)} where it lacks TLS 1.2`] : []),
      ...(changes.some((c) => c.name === 'Enabled') ? ['enable the TLS 1.2 Schannel client (Enabled=1, DisabledByDefault=0)'] : []),
    ];
    const text = `${steps.join(', ')}, then restart the computer.`;
    out.push(finding(office001, 'Fail', comps,
      `Office on ${m.os.name} connects to Microsoft 365 through WinHTTP, which here cannot use TLS 1.2 (${[...global, ...perView].join('; ')}), so Office cannot connect to Microsoft 365, which refuses TLS 1.0 and 1.1.`,
      { text: text.charAt(0).toUpperCase() + text.slice(1), changes, updates: missing, restart: 'reboot' },
      missing));
    return out;
  },
};

export const productRules: readonly Rule[] = [aadc001, cm001, cm002, office001];
