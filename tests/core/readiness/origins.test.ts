import { strict as assert } from 'node:assert';
import { planRemediation } from '../../../core/plan/plan.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import { effectiveSettings, type EffectiveSetting } from '../../../core/readiness/origins.js';
import { cipherLocal, cipherPolicy, exchangeSetup, inetPolicy, machine, schannel, winhttp, type MachineSpec } from '../../support/machine.js';

/**
 * core/readiness/origins.ts (issue 16 item 2): what is in effect per component and where it comes from: the OS
 * default, a patch-level default [KB5017811], the local registry or Group Policy; non-standard values named
 * (docs/domain-facts.md 3.3) [TLSREG-2019]; and the plan's warning before it writes a Group Policy value.
 */
const of = (spec: MachineSpec, component: string, setting: string): EffectiveSetting => {
  const e = effectiveSettings(machineFacts(machine(spec))).find((x) => x.component === component && x.setting === setting);
  assert.ok(e !== undefined, `${component} ${setting}`);
  return e;
};

describe('core/readiness/origins.ts: the settings in effect and their origin (issue 16 item 2)', () => {
  it('nothing set: Schannel protocols are the OS default [PROTOCOLS]', () => {
    const e = of({ build: 9600 }, 'SChannelClient', 'TLS 1.2 Client');
    assert.deepEqual([e.value, e.origin, e.where], ['On', 'OsDefault', null]);
  });

  it('explicit values: Local, naming the key; Enabled = 0xFFFFFFFF and a half-configured pair are named non-standard [TLSREG-2019]', () => {
    const ff = of({ build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0xffffffff, DisabledByDefault: 0 } } }, 'SChannelClient', 'TLS 1.2 Client');
    assert.deepEqual([ff.value, ff.origin, ff.where], ['On', 'Local', schannel('TLS 1.2', 'Client')]);
    assert.match(ff.note ?? '', /non-standard Enabled = 0xFFFFFFFF/);
    const half = of({ build: 17763, values: { [schannel('TLS 1.1', 'Server')]: { DisabledByDefault: 1 } } }, 'SChannelServer', 'TLS 1.1 Server');
    assert.match(half.note ?? '', /DisabledByDefault without Enabled/);
    const enabledOnly = of({ build: 17763, values: { [schannel('TLS 1.0', 'Server')]: { Enabled: 0 } } }, 'SChannelServer', 'TLS 1.0 Server');
    assert.match(enabledOnly.note ?? '', /Enabled without DisabledByDefault/);
  });

  it('Exchange: a protocol value never set is named, since Exchange guidance sets them explicitly [EX-TLS]', () => {
    const e = of({ build: 17763, values: { [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 } } }, 'SChannelServer', 'TLS 1.2 Server');
    assert.match(e.note ?? '', /never set: Exchange guidance/);
  });

  it('WinHTTP absent on a KB5017811 build: a patch-level default that depends on updates; on Server 2022: the OS default [KB5017811]', () => {
    const patch = of({ build: 17763 }, 'WinHttp', 'DefaultSecureProtocols');
    assert.equal(patch.origin, 'PatchDefault');
    assert.match(patch.note ?? '', /2022-09-20/);
    assert.equal(of({ build: 19044, server: false }, 'WinInet', 'SecureProtocols').origin, 'PatchDefault');
    assert.equal(of({ build: 20348 }, 'WinHttp', 'DefaultSecureProtocols').origin, 'OsDefault');
    const set = of({ build: 20348, values: { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 } } }, 'WinHttp', 'DefaultSecureProtocols');
    assert.deepEqual([set.value, set.origin], ['0xA00', 'Local']);
  });

  it('WinINet: a policy value is GroupPolicy and says a GPO rewrites it [INETRES]', () => {
    const e = of({ build: 17763, values: { [inetPolicy]: { SecureProtocols: 0xa80 } } }, 'WinInet', 'SecureProtocols');
    assert.deepEqual([e.value, e.origin], ['0xA80', 'GroupPolicy']);
    assert.match(e.note ?? '', /GPO rewrites it/);
  });

  it('cipher suites and curves: Group Policy over local over the OS default [HC-CIPHER] [CURVES-1607]', () => {
    const pol = of({ build: 17763, values: { [cipherPolicy]: { Functions: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' }, [cipherLocal]: { Functions: ['TLS_RSA_WITH_AES_128_GCM_SHA256'] } } }, 'SChannelClient', 'Cipher suites');
    assert.deepEqual([pol.value, pol.origin, pol.where], ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'GroupPolicy', `${cipherPolicy} Functions`]);
    const loc = of({ build: 17763, values: { [cipherLocal]: { EccCurves: ['NistP384'] } } }, 'SChannelClient', 'Curves');
    assert.deepEqual([loc.value, loc.origin], ['NistP384', 'Local']);
    assert.equal(of({ build: 17763 }, 'SChannelClient', 'Cipher suites').origin, 'OsDefault');
  });

  it('.NET: an absent value is .NET\'s default, a set one Local [DOTNET-TLS]', () => {
    assert.equal(of({ build: 17763 }, 'DotNet4', 'v4.0.30319 SchUseStrongCrypto').origin, 'OsDefault');
  });

  it('Set-Tls365Protocols warns before it writes a Group Policy value (WinINet policy SecureProtocols without TLS 1.2) [INETRES]', () => {
    const plan = planRemediation(machine({ build: 7601, values: { [inetPolicy]: { SecureProtocols: 0xa0 } } }));
    assert.ok(plan.ok);
    if (!plan.ok) return;
    assert.ok(plan.value.changes.some((c) => c.key === inetPolicy && c.name === 'SecureProtocols'));
    const w = plan.value.warnings.find((x) => x.code === 'policy-managed');
    assert.match(w?.message ?? '', /is a Group Policy value: .* rewrites it at the next Group Policy refresh/);
    const none = planRemediation(machine({ build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0, DisabledByDefault: 1 } } }));
    assert.ok(none.ok && none.value.changes.length > 0 && !none.value.warnings.some((x) => x.code === 'policy-managed'), 'a plan that writes no policy value does not warn');
  });
});
