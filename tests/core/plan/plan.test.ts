import { strict as assert } from 'node:assert';
import { composeMask, turnLegacyOn, turnOn } from '../../../core/plan/intent.js';
import { planRemediation, renderScript, type Plan, type PlanChange, type PlanOptions } from '../../../core/plan/index.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { writeValues } from '../../../core/plan/image.js';
import {
  cipherLocal, cipherPolicy, exchangeSetup, HARDENED_12, inetPolicy, inetUser, machine, merge, netfx, schannel, V4_ALL_ONE, winhttp, type MachineSpec,
} from '../../support/machine.js';
import { sslTurnedOn } from './support';

/*
 * planRemediation on machines built for one behaviour each (tests/support/machine.ts): the options, the
 * target state per family, what is left to the admin, and the guarantees (SSL never on, TLS 1.0/1.1 on only
 * with allowLegacy) against inputs crafted to tempt the planner.
 */

function plan(spec: MachineSpec | MachineSnapshot, options: PlanOptions = {}): Plan {
  const snap = 'schema' in spec ? spec : machine(spec);
  const r = planRemediation(snap, options);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

const at = (p: Plan, key: string, name: string): PlanChange | undefined => p.changes.find((c) => c.key.toUpperCase() === key.toUpperCase() && c.name === name);
const data = (p: Plan, key: string, name: string): number | string | 'delete' | undefined => {
  const c = at(p, key, name);
  return c === undefined ? undefined : c.op === 'delete-value' ? 'delete' : c.data;
};
const pair = (p: Plan, proto: string, role: 'Client' | 'Server'): [unknown, unknown] => [data(p, schannel(proto, role), 'Enabled'), data(p, schannel(proto, role), 'DisabledByDefault')];
const codes = (p: Plan): string[] => p.warnings.map((w) => w.code);

/** Re-evaluates the snapshot with the plan's changes. */
function after(spec: MachineSpec, p: Plan, roles: PlanOptions['roles'] = []): ReturnType<typeof evaluateSnapshot> {
  const snap = machine(spec);
  const edits = p.changes.map((c) => ({ key: c.key, name: c.name, value: c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD' as const, data: c.data } : { type: 'REG_SZ' as const, data: c.data } }));
  const img = writeValues({ format: 'v5', keys: snap.registry, deletedKeys: [] }, edits).image;
  return evaluateSnapshot({ ...snap, registry: img.keys }, { roles: roles ?? [] });
}

const WIN10: MachineSpec = { build: 19045, server: false, values: V4_ALL_ONE };
const WIN11: MachineSpec = { build: 22631, server: false, values: V4_ALL_ONE };
const WS2022: MachineSpec = { build: 20348, server: true, values: V4_ALL_ONE };
const WIN7: MachineSpec = { build: 7601, server: false, csd: 'Service Pack 1', cbs: ['KB3140245'], values: V4_ALL_ONE };

describe('plan: options', () => {
  const errs = (o: unknown): string[] => {
    const r = planRemediation(machine(WIN10), o as PlanOptions);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.error.map((e) => `${e.code} ${e.path}`);
  };
  it('defaults: TLS 1.2 only, no legacy change, every component, no role', () => {
    const p = plan(WIN10);
    assert.deepEqual(p.settings, { protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32'], roles: [] });
  });
  it('rejects contradictions and unknown values as data (never throws)', () => {
    assert.deepEqual(errs({ disableLegacy: true, allowLegacy: true }), ['BadOption options.allowLegacy']);
    assert.deepEqual(errs({ protocols: ['Tls13'] }), ['BadOption options.protocols']);
    assert.deepEqual(errs({ protocols: ['Tls12', 'Ssl3'] }), ['BadOption options.protocols']);
    assert.deepEqual(errs({ protocols: ['Tls12', 'Tls10'] }), ['BadOption options.protocols']);
    assert.deepEqual(errs({ components: ['WinHttp', 'Nope'] }), ['BadOption options.components']);
    assert.deepEqual(errs({ components: [] }), ['BadOption options.components']);
    assert.deepEqual(errs({ roles: ['Sharepoint'] }), ['BadOption options.roles']);
    assert.deepEqual(errs({ disableLegacy: 'yes' }), ['BadOption options.disableLegacy']);
    assert.deepEqual(errs(null), ['BadOption options']);
  });
});

describe('plan: target state', () => {
  it('a ready Windows 10 with nothing written needs nothing: TLS 1.2 is on by default, no reboot for nothing', () => {
    const p = plan(WIN10);
    assert.deepEqual(p.changes, []);
    assert.equal(p.restart, 'none');
  });

  it('Windows 7 SP1: TLS 1.2 both roles and both values (3.3 step 4), DSP in both views keeping TLS 1.0 (0x880), SSL off, reboot', () => {
    const p = plan(WIN7);
    assert.deepEqual(pair(p, 'TLS 1.2', 'Client'), [1, 0]);
    assert.deepEqual(pair(p, 'TLS 1.2', 'Server'), [1, 0]);
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0x880);
    assert.equal(data(p, winhttp('32'), 'DefaultSecureProtocols'), 0x880);
    assert.deepEqual(pair(p, 'SSL 3.0', 'Client'), [0, 1]);
    assert.deepEqual(pair(p, 'SSL 2.0', 'Server'), [0, 1]);
    assert.equal(p.restart, 'reboot');
    const a = after(WIN7, p);
    assert.ok(a.ready, JSON.stringify(a.components));
  });

  it('orders changes: protocols on first, then WinHTTP, WinINet, .NET, protocols off last', () => {
    const p = plan({ ...WIN7, net35: true, values: {} });
    const order = p.changes.map((c) => (c.key.includes('TLS 1.2') ? 'on' : c.key.includes('SSL') ? 'off' : c.key.includes('WinHttp') ? 'winhttp' : c.key.includes('.NETFramework') ? 'net' : 'inet'));
    const firsts = [...new Set(order)];
    assert.deepEqual(firsts, ['on', 'winhttp', 'inet', 'net', 'off']);
  });

  it('an explicit WinHTTP value in one view is copied to the absent twin (KB3140245 "must also be added")', () => {
    const p = plan({ ...WIN7, values: merge(V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 }, [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } }) });
    assert.equal(at(p, winhttp('64'), 'DefaultSecureProtocols'), undefined);
    assert.equal(data(p, winhttp('32'), 'DefaultSecureProtocols'), 0xa00);
    assert.deepEqual(at(p, winhttp('32'), 'DefaultSecureProtocols')?.fixes, ['TLS365-WINHTTP-002', 'TLS365-WINHTTP-005']);
  });

  it('a WinHTTP value of the wrong type is rewritten as a DWORD keeping its TLS bits; SSL and unknown bits are dropped', () => {
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: '0xA80' }, [winhttp('32')]: { DefaultSecureProtocols: 0x4aa8 } }) });
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0xa80);
    assert.deepEqual(at(p, winhttp('64'), 'DefaultSecureProtocols')?.before, { type: 'REG_SZ', data: '0xA80' });
    assert.equal(data(p, winhttp('32'), 'DefaultSecureProtocols'), 0xa80);
  });

  it('.NET: both values in both views of every installed version; a 32-bit OS has one (native) view', () => {
    const p = plan({ build: 19045, server: false, net35: true });
    for (const v of ['64', '32'] as const) {
      for (const ver of ['v4.0.30319', 'v2.0.50727'] as const) {
        assert.equal(data(p, netfx(v, ver), 'SystemDefaultTlsVersions'), 1);
        assert.equal(data(p, netfx(v, ver), 'SchUseStrongCrypto'), 1);
      }
    }
    assert.equal(p.restart, 'apps');
    const x86 = plan({ build: 19045, server: false, x64: false });
    assert.deepEqual(x86.changes.map((c) => `${c.key}\\${c.name}`), [`${netfx('64', 'v4.0.30319')}\\SystemDefaultTlsVersions`, `${netfx('64', 'v4.0.30319')}\\SchUseStrongCrypto`]);
    assert.ok(x86.changes.every((c) => c.owner === 'DotNet4_32'));
  });

  it('.NET values other than 1 (0, 5, REG_SZ) are rewritten as DWORD 1', () => {
    const p = plan({ ...WIN10, values: { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 5, SchUseStrongCrypto: '1' }, [netfx('32', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 0 } } });
    assert.deepEqual(p.changes.map((c) => [c.name, data(p, c.key, c.name)]), [['SystemDefaultTlsVersions', 1], ['SchUseStrongCrypto', 1], ['SchUseStrongCrypto', 1]]);
  });

  it('Schannel hygiene without turning anything on: half-disabled TLS 1.0 completed as off, odd types rewritten or deleted, TLS 1.2 0xFFFFFFFF rewritten', () => {
    const spec: MachineSpec = {
      ...WIN10,
      values: merge(V4_ALL_ONE, {
        [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 0 },
        [schannel('TLS 1.1', 'Client')]: { Enabled: '0', DisabledByDefault: 'yes' },
        [schannel('TLS 1.1', 'Server')]: { Enabled: '1' },
        [schannel('TLS 1.2', 'Client')]: { Enabled: 0xffffffff, DisabledByDefault: 0 },
      }),
    };
    const p = plan(spec);
    assert.deepEqual(pair(p, 'TLS 1.0', 'Server'), [undefined, 1]);
    assert.deepEqual(pair(p, 'TLS 1.1', 'Client'), [0, 'delete']);
    assert.deepEqual(pair(p, 'TLS 1.1', 'Server'), ['delete', undefined]);
    assert.deepEqual(pair(p, 'TLS 1.2', 'Client'), [1, undefined]);
    assert.deepEqual(pair(p, 'TLS 1.2', 'Server'), [1, 0]);
    const a = after(spec, p);
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'Info').map((f) => f.ruleId), []);
  });

  it('WinINet: every SecureProtocols set is repaired in place (SSL dropped, TLS 1.2 added, TLS 1.0/1.1 kept); HKCU carries a warning', () => {
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [inetUser]: { SecureProtocols: 0xa0 }, [inetPolicy]: { SecureProtocols: 0xaa8 } }) });
    assert.equal(data(p, inetPolicy, 'SecureProtocols'), 0xa80);
    assert.equal(data(p, inetUser, 'SecureProtocols'), 0x880);
    assert.ok(codes(p).includes('current-user'));
  });

  it('WinINet on Windows 7 with nothing set: the machine policy gets TLS 1.0 + 1.2 (0x880), not TLS 1.1 the plan was not asked for', () => {
    assert.equal(data(plan(WIN7), inetPolicy, 'SecureProtocols'), 0x880);
    assert.equal(data(plan(WIN7, { allowLegacy: true }), inetPolicy, 'SecureProtocols'), 0xa80);
    assert.equal(data(plan(WIN7, { disableLegacy: true }), inetPolicy, 'SecureProtocols'), 0x800);
  });

  it('cipher suites: a local list without Microsoft 365 suites becomes a Group Policy list with them first, 3DES/RC4 removed', () => {
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [cipherLocal]: { Functions: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_DHE_RSA_WITH_AES_128_CBC_SHA'] } }) });
    assert.equal(data(p, cipherPolicy, 'Functions'), 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_128_CBC_SHA');
    assert.ok(codes(p).includes('cipher-policy'));
  });

  it('cipher suites: the written list stays within the policy\'s 1,023 characters (Prioritizing Schannel Cipher Suites, learn.microsoft.com); the least preferred configured suites are left out and named', () => {
    const configured = Array.from({ length: 40 }, (_, i) => `TLS_DHE_RSA_WITH_AES_128_CBC_SHA_P${256 + i}`);
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [cipherLocal]: { Functions: [configured.join(',')] } }) });
    const written = String(data(p, cipherPolicy, 'Functions'));
    assert.ok(written.length <= 1023, `${written.length} characters`);
    assert.ok(written.startsWith('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_128_CBC_SHA_P256,'));
    const kept = written.split(',').length - 2;
    assert.ok(kept > 20 && kept < 40, `${kept} configured suites kept`);
    const limit = p.warnings.find((w) => w.code === 'cipher-limit');
    assert.ok(limit !== undefined, JSON.stringify(p.warnings));
    assert.match(limit.message, new RegExp(`the ${40 - kept} least preferred configured suite\\(s\\) were left out to fit: ${configured.slice(kept).join(', ')}\\.$`));
  });
});

describe('plan: Remote Desktop on Windows Server 2008 R2 (issue 12)', () => {
  // KB3080079 adds TLS 1.1/1.2 to Remote Desktop on Windows 7 / 2008 R2 (support.microsoft.com/kb/3080079).
  const R2: MachineSpec = { build: 7601, server: true, values: V4_ALL_ONE };
  it('-DisableLegacy warns that RDP needs KB3080079 when it is not detected, and not when it is; no warning without -DisableLegacy', () => {
    const warned = plan({ ...R2, hotfixes: ['KB3140245'] }, { disableLegacy: true }).warnings.find((w) => w.code === 'rdp-tls10');
    assert.ok(warned !== undefined);
    assert.match(warned.message, /Remote Desktop on .* speaks only TLS 1\.0 until KB3080079 is installed \(it was not detected\): RDP connections to this machine would fail/);
    assert.equal(plan({ ...R2, hotfixes: ['KB3140245', 'KB3080079'] }, { disableLegacy: true }).warnings.some((w) => w.code === 'rdp-tls10'), false);
    assert.equal(plan({ ...R2, hotfixes: ['KB3140245'] }).warnings.some((w) => w.code === 'rdp-tls10'), false);
    assert.equal(plan({ ...WIN10 }, { disableLegacy: true }).warnings.some((w) => w.code === 'rdp-tls10'), false);
  });
});

describe('plan: TLS 1.3', () => {
  it('Windows 11: TLS 1.3 Client and Server on; WinHTTP already offers it by default, so no DSP is written', () => {
    const p = plan(WIN11, { protocols: ['Tls12', 'Tls13'] });
    assert.deepEqual(pair(p, 'TLS 1.3', 'Client'), [1, 0]);
    assert.deepEqual(pair(p, 'TLS 1.3', 'Server'), [1, 0]);
    assert.equal(at(p, winhttp('64'), 'DefaultSecureProtocols'), undefined);
  });
  it('Server 2022: TLS 1.3 on, and DSP written with 0x2000 because its WinHTTP default is not documented', () => {
    const p = plan(WS2022, { protocols: ['Tls12', 'Tls13'] });
    assert.deepEqual(pair(p, 'TLS 1.3', 'Server'), [1, 0]);
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0x2a80);
    assert.equal(data(p, winhttp('32'), 'DefaultSecureProtocols'), 0x2a80);
  });
  it('an OS without TLS 1.3: a warning and no TLS 1.3 change at all', () => {
    const p = plan(WIN10, { protocols: ['Tls12', 'Tls13'] });
    assert.deepEqual(p.changes, []);
    assert.deepEqual(codes(p), ['tls13-unsupported']);
  });
  it('Exchange below 2019 CU15 on Server 2022: TLS 1.3 kept off with a warning even when asked for', () => {
    const ex: MachineSpec = { ...WS2022, values: merge(V4_ALL_ONE, HARDENED_12, { [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 } }) };
    const p = plan(ex, { protocols: ['Tls12', 'Tls13'] });
    assert.ok(codes(p).includes('tls13-exchange'));
    assert.ok(p.changes.every((c) => !(c.key.includes('TLS 1.3') && c.op === 'set-dword' && c.name === 'Enabled' && c.data !== 0)));
    const above = plan({ ...ex, values: merge(ex.values ?? {}, { [exchangeSetup]: { MsiBuildMajor: 1748, MsiBuildMinor: 10 } }) }, { protocols: ['Tls12', 'Tls13'] });
    assert.deepEqual(pair(above, 'TLS 1.3', 'Client'), [1, 0]);
  });
});

describe('plan: TLS 1.0/1.1 and SSL', () => {
  it('disableLegacy: TLS 1.0/1.1 and SSL 2.0/3.0 off for client and server, TLS 1.2 explicit, legacy bits dropped from the masks', () => {
    const spec: MachineSpec = { ...WIN10, values: merge(V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: 0xa80 }, [inetUser]: { SecureProtocols: 0xa80 } }) };
    const p = plan(spec, { disableLegacy: true });
    for (const proto of ['TLS 1.0', 'TLS 1.1', 'SSL 3.0', 'SSL 2.0']) for (const r of ['Client', 'Server'] as const) assert.deepEqual(pair(p, proto, r), [0, 1], `${proto} ${r}`);
    assert.deepEqual(pair(p, 'TLS 1.2', 'Client'), [1, 0]);
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0x800);
    assert.equal(data(p, winhttp('32'), 'DefaultSecureProtocols'), 0x800);
    assert.equal(data(p, inetUser, 'SecureProtocols'), 0x800);
    const a = after(spec, p);
    assert.ok(a.ready);
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'TLS365-SCHANNEL-008'), []);
  });

  it('allowLegacy: TLS 1.0/1.1 written on, masks keep them, and a loud warning leads the list', () => {
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: 0x800 } }) }, { allowLegacy: true });
    assert.deepEqual(pair(p, 'TLS 1.0', 'Client'), [1, 0]);
    assert.deepEqual(pair(p, 'TLS 1.1', 'Server'), [1, 0]);
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0xa80);
    assert.equal(p.warnings[0]?.code, 'legacy-enabled');
    assert.match(p.warnings[0]?.message ?? '', /^RISK: .*Microsoft 365 refuses both.*RFC 8996/);
  });

  it('the allowLegacy warning is shown whatever the components: a WinHTTP-only plan still carries TLS 1.0/1.1 bits', () => {
    const p = plan({ ...WIN10, values: merge(V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: 0x800 } }) }, { allowLegacy: true, components: ['WinHttp', 'WinHttp32'] });
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0xa80);
    assert.equal(p.warnings[0]?.code, 'legacy-enabled');
  });

  it('without allowLegacy nothing turns TLS 1.0/1.1 on, not even to make Exchange consistent: that is left to the admin, with a hint', () => {
    const ex: MachineSpec = {
      build: 17763, server: true,
      values: merge(V4_ALL_ONE, {
        [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 },
        [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 },
        [schannel('TLS 1.0', 'Client')]: { Enabled: 0, DisabledByDefault: 1 },
      }),
    };
    const p = plan(ex);
    assert.ok(p.changes.every((c) => !/TLS 1\.[01]/.test(c.key)), JSON.stringify(p.changes));
    const declined = p.unresolved.filter((u) => u.why === 'declined').map((u) => u.ruleId);
    assert.deepEqual([...new Set(declined)].sort(), ['TLS365-EXCH-001', 'TLS365-EXCH-005', 'TLS365-EXCH-008']);
    assert.ok(p.warnings.some((w) => w.code === 'decision-needed' && /disableLegacy writes them off/.test(w.message)));
    const off = plan(ex, { disableLegacy: true });
    assert.deepEqual(off.unresolved, []);
    assert.ok(after(ex, off).ready);
  });

  it('Exchange: a TLS 1.0/1.1 that HealthChecker reads as Disabled gets its missing DisabledByDefault=1 without a decision', () => {
    const ex: MachineSpec = {
      build: 17763, server: true,
      values: merge(V4_ALL_ONE, HARDENED_12, {
        [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 },
        [schannel('TLS 1.1', 'Client')]: { Enabled: 0, DisabledByDefault: 0 },
      }),
    };
    const base = machine(ex);
    const registry = base.registry.map((k) => (k.path === schannel('TLS 1.1', 'Client') ? { ...k, values: k.values.filter((v) => v.name === 'Enabled') } : k));
    const p = plan({ ...base, registry });
    assert.deepEqual(p.changes.map((c) => `${c.key.slice(-14)} ${c.name}=${c.op === 'set-dword' ? c.data : c.op}`), ['TLS 1.1\\Client DisabledByDefault=1']);
    assert.deepEqual(p.unresolved, []);
  });

  it('SSL 2.0/3.0 are never turned on, whatever the options and however tempting the input', () => {
    const ssl = { Enabled: 1, DisabledByDefault: 0 };
    const tempting: MachineSpec = {
      build: 7601, server: true, csd: 'Service Pack 1', cbs: ['KB3140245'],
      values: merge(V4_ALL_ONE, {
        [schannel('SSL 2.0', 'Client')]: ssl, [schannel('SSL 2.0', 'Server')]: { Enabled: '1', DisabledByDefault: '0' },
        [schannel('SSL 3.0', 'Client')]: { Enabled: 0xffffffff, DisabledByDefault: 1 }, [schannel('SSL 3.0', 'Server')]: { Enabled: 0, DisabledByDefault: 0 },
        [winhttp('64')]: { DefaultSecureProtocols: 0x2aa8 }, [winhttp('32')]: { DefaultSecureProtocols: 0x28 },
        [inetPolicy]: { SecureProtocols: 0xaa8 }, [inetUser]: { SecureProtocols: 0x8 },
      }),
    };
    const sets: PlanOptions[] = [{}, { allowLegacy: true }, { allowLegacy: true, protocols: ['Tls12', 'Tls13'] }, { disableLegacy: true }, { roles: ['Exchange'], allowLegacy: true }];
    for (const o of sets) {
      const p = plan(tempting, o);
      assert.deepEqual(sslTurnedOn(p), [], JSON.stringify(o));
      const a = after(tempting, p, o.roles);
      for (const proto of ['SSL 2.0', 'SSL 3.0']) {
        for (const r of ['Client', 'Server'] as const) {
          const key = schannel(proto, r);
          const final = (name: string): unknown => { const c = at(p, key, name); return c === undefined ? machine(tempting).registry.find((k) => k.path === key)?.values.find((v) => v.name === name)?.value : c.op === 'set-dword' ? { type: 'REG_DWORD', data: c.data } : c.op; };
          assert.deepEqual([final('Enabled'), final('DisabledByDefault')], [{ type: 'REG_DWORD', data: 0 }, { type: 'REG_DWORD', data: 1 }], `${proto} ${r} ${JSON.stringify(o)}`);
        }
      }
      assert.deepEqual(a.findings.filter((f) => ['TLS365-SCHANNEL-006', 'TLS365-SCHANNEL-007', 'TLS365-WINHTTP-006', 'TLS365-WININET-002'].includes(f.ruleId)).map((f) => f.ruleId), [], JSON.stringify(o));
    }
  });

  it('by construction: SSL cannot be passed to the "on" builders, legacy "on" needs the allowLegacy consent, masks have no SSL argument', () => {
    // These lines only have to type-check as errors (tsc runs over the tests); they are never executed.
    const never = (): void => {
      // @ts-expect-error SSL 3.0 is not a protocol turnOn accepts
      turnOn('SSL 3.0', 'Client', 'x');
      // @ts-expect-error TLS 1.0 is not a protocol turnOn accepts: it needs turnLegacyOn
      turnOn('TLS 1.0', 'Client', 'x');
      // @ts-expect-error turnLegacyOn needs a LegacyConsent, which only allowLegacy makes
      turnLegacyOn('TLS 1.1', 'Server', null, 'x');
      // @ts-expect-error SSL is not a legacy TLS protocol
      turnLegacyOn('SSL 2.0', 'Server', { allowLegacy: true }, 'x');
      // @ts-expect-error composeMask has no way to name SSL bits
      composeMask({ tls10: false, tls11: false, ssl3: true }, false);
    };
    assert.equal(typeof never, 'function');
    assert.equal(composeMask({ tls10: true, tls11: true }, true) & 0x28, 0);
  });
});

describe('plan: scope, input and what it cannot do', () => {
  it('components limits the plan to the values those components own and warns when a pair is split', () => {
    const p = plan({ build: 19045, server: false }, { components: ['DotNet4'] });
    assert.ok(p.changes.length === 2 && p.changes.every((c) => c.owner === 'DotNet4'));
    assert.ok(p.warnings.some((w) => w.code === 'scope-split' && w.components.includes('DotNet4_32')));
    const u = p.unresolved.filter((x) => x.why === 'out-of-scope').map((x) => x.components.join());
    assert.deepEqual(u, ['DotNet4_32', 'DotNet4_32']);
  });

  it('what the input does not hold is not planned: no SCHANNEL key -> no Schannel change, a warning per Unknown component', () => {
    const p = plan({ build: 7601, server: false, csd: 'Service Pack 1', omit: ['schannel'] });
    assert.ok(p.changes.every((c) => !c.key.includes('SCHANNEL')));
    assert.ok(p.warnings.filter((w) => w.code === 'input-incomplete').length >= 2);
  });

  it('an OS without TLS 1.2 (Vista) gets a warning, no TLS 1.2 values, and OS-001 as not fixable in the registry', () => {
    const p = plan({ build: 6002, productName: 'Windows Vista (TM) Enterprise', csd: 'Service Pack 2', values: V4_ALL_ONE });
    assert.ok(codes(p).includes('os-unsupported'));
    assert.ok(p.changes.every((c) => !c.key.includes('TLS 1.2')));
    assert.ok(p.unresolved.some((u) => u.ruleId === 'TLS365-OS-001' && u.why === 'not-registry'));
  });

  it('updates are reported, never faked: KB3140245 missing on Windows 7 keeps WinHTTP NotReady and is listed', () => {
    const p = plan({ ...WIN7, cbs: [] });
    assert.deepEqual(p.updates.map((u) => u.kb), ['KB3140245']);
    assert.deepEqual(p.updates[0]?.ruleIds, ['TLS365-WINHTTP-003']);
    assert.deepEqual(p.components.filter((c) => c.after === 'NotReady').map((c) => c.name), ['WinHttp', 'WinHttp32']);
    assert.equal(data(p, winhttp('64'), 'DefaultSecureProtocols'), 0x880, 'the value is written anyway, ready for the update');
  });

  it('a plan is plain data: it survives JSON (the bridge) and renders the same afterwards', () => {
    const p = plan({ ...WIN7, net35: true });
    const copy = JSON.parse(JSON.stringify(p)) as Plan;
    assert.deepEqual(copy, p);
    const a = renderScript(p, 'apply');
    const b = renderScript(copy, 'apply');
    assert.ok(a.ok && b.ok && a.value === b.value);
  });

  it('each change records its prior value, whether it creates its key, and the components it fixes', () => {
    const p = plan({ ...WIN10, values: { [netfx('64', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } } });
    const c = at(p, netfx('64', 'v4.0.30319'), 'SchUseStrongCrypto');
    assert.deepEqual(c?.before, { type: 'REG_DWORD', data: 0 });
    assert.equal(c?.createsKey, false);
    assert.deepEqual(c?.fixes, ['TLS365-NET4-001', 'TLS365-NET4-005']);
    assert.deepEqual(c?.components, ['DotNet4', 'DotNet4_32']);
    const created = plan(WIN7).changes.find((x) => x.key.includes('TLS 1.2'));
    assert.equal(created?.createsKey, true);
    assert.equal(created?.before, null);
  });
});
