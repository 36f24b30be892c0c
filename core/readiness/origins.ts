import { effectiveCrypto } from '../endpoints/effective.js';
import type { MachineFacts } from './facts.js';
import type { Component } from './model.js';
import { netFxKey, schannelProtocolKey, winHttpKey, WININET_KEYS, type NetFxVersion, type SchannelProtocol } from './paths.js';
import { readDword, type DwordRead } from './registry.js';
import { views } from './rules/exchange/common.js';

/**
 * What is in effect for each component and where it comes from (issue 16 item 2), for -Detailed and the report:
 * - `OsDefault`: nothing is set; the build's default applies (docs/domain-facts.md 2.2, 3.2, 3.6);
 * - `PatchDefault`: nothing is set, and the default depends on the machine's updates, not only its build: on the
 *   Windows versions KB5017811 lists (Server 2019 and LTSC 2019, build 17763; Windows 10 20H2, 21H1, 21H2, builds
 *   19042-19044), updates of 2022-09-20 or later turn TLS 1.0/1.1 off by default for WinHTTP and WinINet apps
 *   [KB5017811]. TLS365 does not map update revisions (UBR) to that date, so it says "depends on updates";
 * - `Local`: a value in the local registry decides;
 * - `GroupPolicy`: a policy value decides (the WinINet policy keys, the "SSL Cipher Suite Order" and "ECC Curve Order"
 *   policies). It wins over local values and a GPO rewrites it at the next refresh: a change made locally does not last.
 * Non-standard values are named in `note` (`Enabled` = 0xFFFFFFFF as IIS Crypto 2.x-3.3 and SChannelDsc <= 1.4 wrote
 * it; `Enabled` without `DisabledByDefault` and the reverse, docs/domain-facts.md 3.3; a value Exchange needs set
 * explicitly that is absent [EX-TLS]). Pure: facts in, data out.
 */
export type Origin = 'OsDefault' | 'PatchDefault' | 'Local' | 'GroupPolicy';

export interface EffectiveSetting {
  readonly component: Component;
  readonly setting: string;
  /** What is in effect, in words ("On", "0xA80", "absent: .NET's default", a suite list). */
  readonly value: string;
  readonly origin: Origin;
  /** The registry key (and value name) that decides; null for a default. */
  readonly where: string | null;
  readonly note: string | null;
}

/** The builds KB5017811 lists ("Applies to"): their WinHTTP/WinINet default depends on updates of 2022-09-20 or later. */
export const KB5017811_BUILDS: ReadonlySet<number> = new Set([17763, 19042, 19043, 19044]);

const hex = (n: number): string => `0x${n.toString(16).toUpperCase()}`;
const PROTOCOLS: readonly SchannelProtocol[] = ['SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

function schannelNote(enabled: DwordRead, dbd: DwordRead, exchange: boolean): string | null {
  const notes: string[] = [];
  if (enabled.kind === 'dword' && enabled.value === 0xffffffff) notes.push('non-standard Enabled = 0xFFFFFFFF (written by IIS Crypto 2.x-3.3 and SChannelDsc 1.4 and earlier); Windows reads any non-zero Enabled as on');
  else if (enabled.kind === 'dword' && enabled.value !== 0 && enabled.value !== 1) notes.push(`non-standard Enabled = ${hex(enabled.value)} (Windows reads any non-zero value as on)`);
  if (enabled.kind === 'dword' && dbd.kind === 'absent') notes.push('Enabled without DisabledByDefault: half-configured (docs/domain-facts.md 3.3)');
  if (enabled.kind === 'absent' && dbd.kind === 'dword') notes.push('DisabledByDefault without Enabled: half-configured (docs/domain-facts.md 3.3)');
  if (enabled.kind === 'wrong-type' || dbd.kind === 'wrong-type') notes.push('a value of the wrong type (not REG_DWORD): Windows ignores it');
  if (exchange && enabled.kind === 'absent' && dbd.kind === 'absent') notes.push('never set: Exchange guidance sets Enabled and DisabledByDefault explicitly [EX-TLS]');
  return notes.length === 0 ? null : notes.join('; ');
}

function patchOrOs(m: MachineFacts): { origin: Origin; note: string | null } {
  if (m.os !== null && KB5017811_BUILDS.has(m.os.build)) {
    return { origin: 'PatchDefault', note: 'default depends on updates: from the updates of 2022-09-20 on, TLS 1.0/1.1 are off by default for WinHTTP and WinINet apps on this Windows version [KB5017811]' };
  }
  return { origin: 'OsDefault', note: null };
}

export function effectiveSettings(m: MachineFacts): readonly EffectiveSetting[] {
  const out: EffectiveSetting[] = [];
  const exchange = m.products.exchange !== null;
  if (m.os !== null && m.coverage.schannel) {
    for (const role of ['Client', 'Server'] as const) {
      const component: Component = role === 'Client' ? 'SChannelClient' : 'SChannelServer';
      for (const p of PROTOCOLS) {
        const r = m.schannel(p, role);
        if (r.state === 'NotSupported' && r.basis === 'not-supported') continue;
        const fromValues = r.basis === 'values';
        out.push({
          component, setting: `${p} ${role}`, value: r.state, origin: fromValues ? 'Local' : 'OsDefault',
          where: fromValues ? schannelProtocolKey(p, role) : null, note: schannelNote(r.enabled, r.disabledByDefault, exchange && (p === 'TLS 1.0' || p === 'TLS 1.1' || p === 'TLS 1.2')),
        });
      }
    }
    const crypto = effectiveCrypto(m);
    if (crypto.kind === 'ok') {
      const s = crypto.value.suites;
      const origin = (o: 'policy' | 'local' | 'default' | 'suffix'): Origin => (o === 'policy' ? 'GroupPolicy' : o === 'local' ? 'Local' : 'OsDefault');
      const notes = [
        s.ignored.length > 0 ? `${s.ignored.length} configured name(s) this Windows does not have: ${s.ignored.join(', ')}` : '',
        s.removed.length > 0 ? `removed by ${[...new Set(s.removed.map((x) => x.by))].join(', ')}: ${s.removed.map((x) => x.name).join(', ')}` : '',
        s.origin === 'policy' ? 'a Group Policy list: it wins over the local list, and a GPO rewrites it at the next refresh' : '',
      ].filter((x) => x !== '');
      out.push({
        component: 'SChannelClient', setting: 'Cipher suites', value: s.origin === 'default' && s.removed.length === 0 ? `OS default of ${crypto.value.os.family} (${s.list.length})` : s.list.map((x) => x.name).join(', '),
        origin: origin(s.origin), where: s.key === null ? null : `${s.key} Functions`, note: notes.length === 0 ? null : notes.join('; '),
      });
      const c = crypto.value.curves;
      out.push({
        component: 'SChannelClient', setting: 'Curves', value: c.list.join(', '), origin: origin(c.origin), where: c.key === null ? null : `${c.key} EccCurves`,
        note: c.origin === 'suffix' ? 'before Windows 10 each ECDHE suite name carries its curve' : c.other.length > 0 ? `not TLS curves TLS365 knows: ${c.other.join(', ')}` : null,
      });
    }
  }
  if (m.x64 !== null) {
    for (const v of views(m.x64)) {
      if (!m.coverage.winHttp(v.view)) continue;
      const key = winHttpKey(v.view, m.x64);
      const r = readDword(m.reg, key, 'DefaultSecureProtocols');
      const d = patchOrOs(m);
      out.push(r.kind === 'dword'
        ? { component: v.winHttp, setting: 'DefaultSecureProtocols', value: hex(r.value), origin: 'Local', where: `${key} DefaultSecureProtocols`, note: null }
        : { component: v.winHttp, setting: 'DefaultSecureProtocols', value: r.kind === 'absent' ? 'absent: the OS default' : 'wrong type: ignored, the OS default', origin: d.origin, where: null, note: d.note });
    }
  }
  if (m.coverage.winInet) {
    const first = WININET_KEYS.map((w) => ({ w, r: readDword(m.reg, w.key, 'SecureProtocols') })).find((x) => x.r.kind === 'dword');
    if (first !== undefined && first.r.kind === 'dword') {
      const policy = first.w.label.includes('policy');
      out.push({
        component: 'WinInet', setting: 'SecureProtocols', value: hex(first.r.value), origin: policy ? 'GroupPolicy' : 'Local', where: `${first.w.key} SecureProtocols`,
        note: policy ? 'a Group Policy value ("Turn off encryption support"): it wins over the preference keys, and a GPO rewrites it at the next refresh' : null,
      });
    } else {
      const d = patchOrOs(m);
      out.push({ component: 'WinInet', setting: 'SecureProtocols', value: 'absent: the OS default', origin: d.origin, where: null, note: d.note });
    }
  }
  if (m.x64 !== null && m.coverage.dotnet) {
    const versions: readonly NetFxVersion[] = ['v4.0.30319', 'v2.0.50727'];
    for (const version of versions) {
      for (const v of views(m.x64)) {
        const component: Component = version === 'v4.0.30319' ? v.dotnet4 : v.view === '64' ? 'DotNet35' : 'DotNet35_32';
        const key = netFxKey(v.view, m.x64, version);
        for (const name of ['SystemDefaultTlsVersions', 'SchUseStrongCrypto'] as const) {
          const r = readDword(m.reg, key, name);
          out.push(r.kind === 'dword'
            ? { component, setting: `${version} ${name}`, value: hex(r.value), origin: 'Local', where: `${key} ${name}`, note: r.value > 1 ? `non-standard ${name} = ${hex(r.value)}: Microsoft documents only 0 and 1` : null }
            : { component, setting: `${version} ${name}`, value: r.kind === 'absent' ? "absent: .NET's default for the app's target framework" : 'wrong type: ignored', origin: 'OsDefault', where: null, note: exchange && r.kind === 'absent' ? 'never set: Exchange guidance sets it to 1 [EX-TLS]' : null });
        }
      }
    }
  }
  return out;
}
