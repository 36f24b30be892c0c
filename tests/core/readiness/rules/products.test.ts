import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import type { Component, Finding, Readiness } from '../../../../core/readiness/model.js';
import type { Role } from '../../../../core/readiness/rule.js';
import { productRules } from '../../../../core/readiness/rules/products/index.js';
import { ALL8_ONE, HKLM, machine, merge, netfx, schannel, V4_ALL_ONE, winhttp, type MachineSpec, type Values } from '../../../support/machine.js';

const run = (spec: MachineSpec, roles: readonly Role[] = []): Readiness => evaluateSnapshot(machine(spec), { roles }, productRules);
const of = (r: Readiness, id: string): Finding[] => r.findings.filter((f) => f.ruleId === id);
const one = (r: Readiness, id: string): Finding => {
  const fs = of(r, id);
  assert.equal(fs.length, 1, `${id}: expected one finding, got ${fs.length}`);
  return fs[0] as Finding;
};
const status = (r: Readiness, c: Component): string | undefined => r.components.find((x) => x.name === c)?.status;
const dsp = (f: Finding): number[] => (f.fix?.changes ?? []).filter((c) => c.name === 'DefaultSecureProtocols').map((c) => (c.op === 'set-dword' ? c.data : -1));

const AADC_KEY: Values = { [`${HKLM}\\SOFTWARE\\Microsoft\\Azure AD Connect`]: { Version: '2.3.20.0' } };
const ADSYNC: Values = { [`${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\ADSync`]: { Start: 2 } };
const TLS12_ON: Values = {
  [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 },
  [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 },
};
const CM_CLIENT: Values = { [`${HKLM}\\SOFTWARE\\Microsoft\\SMS\\Mobile Client`]: { ProductVersion: '5.00.9122.1000' } };
const DSP_BOTH = (v: number): Values => ({ [winhttp('64')]: { DefaultSecureProtocols: v }, [winhttp('32')]: { DefaultSecureProtocols: v } });

describe('product rules (docs/domain-facts.md 10.8)', () => {
  describe('TLS365-AADC-001', () => {
    it('fails an Azure AD Connect host (product key + ADSync service) with nothing set, on every part of the recipe [AADC]', () => {
      const r = run({ build: 17763, values: merge(AADC_KEY, ADSYNC) });
      const f = one(r, 'TLS365-AADC-001');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual([...f.components].sort(), ['DotNet4', 'DotNet4_32', 'SChannelClient', 'SChannelServer']);
      assert.equal(f.fix?.changes.length, 8);
      assert.equal(f.fix?.restart, 'reboot');
      for (const c of ['DotNet4', 'DotNet4_32', 'SChannelClient', 'SChannelServer'] as const) assert.equal(status(r, c), 'NotReady', c);
    });
    it('fails only the Wow6432Node view when only its SchUseStrongCrypto is 0 [AADC]', () => {
      const r = run({ build: 17763, values: merge(AADC_KEY, ADSYNC, TLS12_ON, V4_ALL_ONE, { [netfx('32', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } }) });
      assert.deepEqual(one(r, 'TLS365-AADC-001').components, ['DotNet4_32']);
    });
    it('passes with the recipe applied, also with the legacy Enabled=0xFFFFFFFF form [AADC] [TLSREG-2023]', () => {
      assert.deepEqual(run({ build: 17763, values: merge(AADC_KEY, ADSYNC, TLS12_ON, V4_ALL_ONE) }).findings, []);
      const legacy = { [schannel('TLS 1.2', 'Client')]: { Enabled: 0xffffffff }, [schannel('TLS 1.2', 'Server')]: { Enabled: 0xffffffff } };
      assert.deepEqual(run({ build: 17763, values: merge(AADC_KEY, ADSYNC, TLS12_ON, legacy, V4_ALL_ONE) }).findings, []);
    });
    it('runs with -Role AzureADConnect even without the product key [AADC]', () => {
      assert.equal(one(run({ build: 17763 }, ['AzureADConnect']), 'TLS365-AADC-001').severity, 'Fail');
    });
    it('does not run on the product key alone (weak evidence), nor on a machine without Azure AD Connect [AADC]', () => {
      assert.deepEqual(run({ build: 17763, values: AADC_KEY }).findings, []);
      assert.deepEqual(run({ build: 17763 }).findings, []);
    });
  });

  describe('TLS365-CM-001', () => {
    it('fails both WinHTTP views of a ConfigMgr client on Windows 7 SP1 without DefaultSecureProtocols, and writes 0xA00 (never SSL 3.0) [CM-CLIENT]', () => {
      const r = run({ build: 7601, server: false, csd: 'Service Pack 1', values: CM_CLIENT });
      const fs = of(r, 'TLS365-CM-001');
      assert.deepEqual(fs.map((f) => f.components), [['WinHttp'], ['WinHttp32']]);
      for (const f of fs) {
        assert.equal(f.severity, 'Fail');
        assert.deepEqual(dsp(f), [0xa00]);
        assert.ok(dsp(f).every((v) => (v & 0x28) === 0));
        assert.deepEqual(f.fix?.updates, ['KB3140245']);
        assert.deepEqual(f.missingUpdates, ['KB3140245']);
      }
      assert.deepEqual(r.missingUpdates, ['KB3140245']);
    });
    it('fails only the view whose DefaultSecureProtocols lacks 0x800 on Server 2012 [CM-CLIENT]', () => {
      const r = run({ build: 9200, hotfixes: ['KB3140245'], values: merge(CM_CLIENT, { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 }, [winhttp('32')]: { DefaultSecureProtocols: 0xa0 } }) });
      const f = one(r, 'TLS365-CM-001');
      assert.deepEqual(f.components, ['WinHttp32']);
      assert.deepEqual(f.fix?.updates, []);
      assert.match(f.message, /0xA0, without TLS 1\.2/);
    });
    it('does not fire with 0x800 in both views, on Server 2012 R2, or without ConfigMgr [CM-CLIENT]', () => {
      assert.deepEqual(of(run({ build: 7601, hotfixes: ['KB3140245'], values: merge(CM_CLIENT, DSP_BOTH(0xa00)) }), 'TLS365-CM-001'), []);
      assert.deepEqual(of(run({ build: 9600, values: CM_CLIENT }), 'TLS365-CM-001'), []);
      assert.deepEqual(run({ build: 7601, server: false }).findings, []);
    });
    it('runs with -Role ConfigMgr when the client is not detected [CM-CLIENT]', () => {
      assert.equal(of(run({ build: 9200 }, ['ConfigMgr']), 'TLS365-CM-001').length, 2);
    });
  });

  describe('TLS365-CM-002', () => {
    it('warns on the .NET 4.x views when their values are not 1, and writes only installed frameworks [CM-CLIENT]', () => {
      const r = run({ build: 17763, values: merge(CM_CLIENT, { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } }) });
      const f = one(r, 'TLS365-CM-002');
      assert.equal(f.severity, 'Warn');
      assert.deepEqual(f.components, ['DotNet4_32']);
      assert.equal(f.fix?.changes.length, 4);
      assert.ok(f.fix?.changes.every((c) => c.key.endsWith('v4.0.30319') && c.op === 'set-dword' && c.data === 1));
    });
    it('warns on the .NET 3.5 views when v2.0.50727 values are absent [CM-CLIENT]', () => {
      const r = run({ build: 17763, net35: true, values: merge(CM_CLIENT, V4_ALL_ONE) });
      const f = one(r, 'TLS365-CM-002');
      assert.deepEqual(f.components, ['DotNet35', 'DotNet35_32']);
      assert.equal(f.fix?.changes.length, 8);
    });
    it('does not fire with all eight values 1, or without ConfigMgr [CM-CLIENT]', () => {
      assert.deepEqual(run({ build: 17763, net35: true, values: merge(CM_CLIENT, ALL8_ONE) }).findings, []);
      assert.deepEqual(run({ build: 17763, net35: true }).findings, []);
    });
  });

  describe('TLS365-OFFICE-001', () => {
    const WIN7 = { build: 7601, server: false, csd: 'Service Pack 1' } as const;
    it('fails both WinHTTP views of an Office machine on Windows 7 SP1 without KB3140245 [SEED] [KB3140245]', () => {
      const r = run(WIN7, ['Office']);
      const f = one(r, 'TLS365-OFFICE-001');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual(f.components, ['WinHttp', 'WinHttp32']);
      assert.deepEqual(f.missingUpdates, ['KB3140245']);
      assert.deepEqual(f.fix?.updates, ['KB3140245']);
      assert.deepEqual(dsp(f), [0xa00, 0xa00]);
      assert.equal(status(r, 'WinHttp'), 'NotReady');
    });
    it('fails only the Wow6432Node view when DefaultSecureProtocols is set natively only [SEED] [KB3140245]', () => {
      const r = run({ ...WIN7, hotfixes: ['KB3140245'], values: { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 } } }, ['Office']);
      const f = one(r, 'TLS365-OFFICE-001');
      assert.deepEqual(f.components, ['WinHttp32']);
      assert.deepEqual(f.missingUpdates, []);
    });
    it('fails both views when the TLS 1.2 Schannel client is disabled, and enables it [SEED] [KB3140245]', () => {
      const r = run({ ...WIN7, hotfixes: ['KB3140245'], values: merge(DSP_BOTH(0xa00), { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) }, ['Office']);
      const f = one(r, 'TLS365-OFFICE-001');
      assert.deepEqual(f.components, ['WinHttp', 'WinHttp32']);
      assert.ok(f.fix?.changes.some((c) => c.key === schannel('TLS 1.2', 'Client') && c.name === 'Enabled' && c.op === 'set-dword' && c.data === 1));
      assert.deepEqual(dsp(f), []);
    });
    it('does not fire when WinHTTP can use TLS 1.2 (KB3140245 + 0xA00 in both views) [SEED] [KB3140245]', () => {
      assert.deepEqual(run({ ...WIN7, hotfixes: ['KB3140245'], values: DSP_BOTH(0xa00) }, ['Office']).findings, []);
    });
    it('does not run without -Role Office (detection unconfirmed), nor on Windows 8 [SEED]', () => {
      assert.deepEqual(run(WIN7).findings, []);
      assert.deepEqual(run({ build: 9200, server: false }, ['Office']).findings, []);
    });
    it('is Unknown, not a guess, when the input has no update list [KB3140245]', () => {
      const r = run({ ...WIN7, hotfixes: null, omit: ['cbs'], values: DSP_BOTH(0xa00) }, ['Office']);
      assert.deepEqual(r.findings, []);
      assert.equal(status(r, 'WinHttp'), 'Unknown');
      assert.equal(status(r, 'WinHttp32'), 'Unknown');
    });
  });
});
