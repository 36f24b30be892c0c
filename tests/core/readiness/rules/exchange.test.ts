import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../../core/readiness/facts.js';
import type { Component, Finding, Readiness } from '../../../../core/readiness/model.js';
import type { Role } from '../../../../core/readiness/rule.js';
import { exchangeRules } from '../../../../core/readiness/rules/exchange/index.js';
import { exchangeFleetFindings } from '../../../../core/readiness/rules/exchange/TLS365-EXCH-009.js';
import { hcTls } from '../../../../core/readiness/rules/exchange/healthchecker.js';
import { indexRegistry } from '../../../../core/readiness/registry.js';
import { ALL8_ONE, exchangeSetup, HARDENED_12, machine, merge, netfx, schannel, V4_ALL_ONE, type MachineSpec, type Values } from '../../../support/machine.js';

const exchange = (minor: number, build: number, rev: number): Values => ({
  [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: minor, MsiBuildMajor: build, MsiBuildMinor: rev },
});
const EX2019_CU14 = exchange(2, 1544, 4);
const EX2019_CU15 = exchange(2, 1748, 10);
const EX_SE = exchange(2, 2562, 17);
const EX2016_CU23 = exchange(1, 2507, 6);
/** A clean Exchange server by HealthChecker's standards: all 12 values defined, TLS 1.2 on, 1.0/1.1 off, v4=1. */
const CLEAN = merge(HARDENED_12, V4_ALL_ONE);

const run = (spec: MachineSpec, roles: readonly Role[] = []): Readiness => evaluateSnapshot(machine(spec), { roles }, exchangeRules);
/** Warn and Fail rule ids, sorted and unique ("exactly these" in docs/domain-facts.md 11). */
const ids = (r: Readiness): string[] => [...new Set(r.findings.filter((f) => f.severity !== 'Info').map((f) => f.ruleId))].sort();
const of = (r: Readiness, id: string): Finding[] => r.findings.filter((f) => f.ruleId === id);
const one = (r: Readiness, id: string): Finding => {
  const fs = of(r, id);
  assert.equal(fs.length, 1, `${id}: expected one finding, got ${fs.length}`);
  return fs[0] as Finding;
};
const status = (r: Readiness, c: Component): string | undefined => r.components.find((x) => x.name === c)?.status;
/** Schannel fix writes as `TLS 1.2\\Client\\Enabled=1`. */
const writes = (f: Finding): string[] => (f.fix?.changes ?? []).map((c) => `${c.key.replace(/^.*\\Protocols\\/, '')}\\${c.name}=${c.op === 'set-dword' ? c.data : '?'}`);

describe('Exchange rules (docs/domain-facts.md 10.7)', () => {
  describe('scoping', () => {
    it('does not run on a machine without Exchange, whatever its TLS values [HC-AN]', () => {
      const r = run({ build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 }, [schannel('TLS 1.3', 'Server')]: { Enabled: 1 } } });
      assert.deepEqual(r.findings, []);
    });
    it('runs with -Role Exchange when Exchange is not detected [HC-AN]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0, DisabledByDefault: 1 } }) }, ['Exchange']);
      assert.deepEqual(ids(r), ['TLS365-EXCH-001']);
    });
    it('finds nothing on a clean Exchange 2019 server (hardened-12, v4=1) [HC-AN] [EX-TLS]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14) });
      assert.deepEqual(r.findings, []);
    });
    it('returns Unknown, not a guess, when the input has no SCHANNEL key [HC-REG]', () => {
      const r = run({ build: 17763, values: merge(V4_ALL_ONE, EX2019_CU14), omit: ['schannel'] });
      assert.deepEqual(r.findings, []);
      assert.equal(status(r, 'SChannelServer'), 'Unknown');
      assert.equal(status(r, 'DotNet4'), 'Unknown');
    });
  });

  describe('acceptance cases (docs/domain-facts.md 11)', () => {
    it('A25: Exchange 2019 CU14 on Server 2022 with TLS 1.3 Server enabled and Client absent -> EXCH-001, EXCH-004 [HC-AN]', () => {
      const r = run({
        build: 20348, net35: true,
        values: merge(HARDENED_12, ALL8_ONE, EX2019_CU14, { [schannel('TLS 1.3', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } }),
      });
      assert.deepEqual(ids(r), ['TLS365-EXCH-001', 'TLS365-EXCH-004']);
      assert.equal(status(r, 'SChannelClient'), 'NotReady');
      assert.equal(status(r, 'SChannelServer'), 'NotReady');
      for (const c of ['DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32', 'WinHttp', 'WinHttp32', 'WinInet'] as const) assert.equal(status(r, c), 'Ready', c);
      assert.deepEqual(one(r, 'TLS365-EXCH-001').components, ['SChannelClient', 'SChannelServer']);
      assert.deepEqual(one(r, 'TLS365-EXCH-004').components, ['SChannelServer']);
    });
    it('A26: Exchange 2016 CU23 on Server 2016, hardened-12, Wow v4 values absent -> EXCH-006 (32), EXCH-007 (32) [HC-AN]', () => {
      const r = run({ build: 14393, values: merge(HARDENED_12, EX2016_CU23, { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-006', 'TLS365-EXCH-007']);
      assert.deepEqual(one(r, 'TLS365-EXCH-006').components, ['DotNet4_32']);
      assert.deepEqual(one(r, 'TLS365-EXCH-007').components, ['DotNet4_32']);
      assert.equal(status(r, 'DotNet4_32'), 'NotReady');
      assert.equal(status(r, 'DotNet4'), 'Ready');
      assert.equal(status(r, 'SChannelClient'), 'Ready');
      assert.equal(status(r, 'SChannelServer'), 'Ready');
    });
  });

  describe('HealthChecker configuration helper', () => {
    const cfg = (values: Values, p: 'TLS 1.0' | 'TLS 1.2' | 'TLS 1.3'): string => {
      const reg = indexRegistry(machine({ build: 17763, values }).registry);
      return hcTls(reg, p).configuration;
    };
    it('reads absent values as Enabled for TLS 1.0-1.2 and as Disabled for TLS 1.3 [HC-REG] [HC-DOC]', () => {
      assert.equal(cfg({}, 'TLS 1.0'), 'Enabled');
      assert.equal(cfg({}, 'TLS 1.3'), 'Disabled');
    });
    it('reads Enabled=0 with DisabledByDefault absent as Disabled, and 0/0 as Half Disabled [HC-REG]', () => {
      assert.equal(cfg({ [schannel('TLS 1.2', 'Client')]: { Enabled: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 0 } }, 'TLS 1.2'), 'Disabled');
      assert.equal(cfg({ [schannel('TLS 1.0', 'Client')]: { Enabled: 0, DisabledByDefault: 0 }, [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 0 } }, 'TLS 1.0'), 'Half Disabled');
    });
    it('treats any non-zero Enabled (0xFFFFFFFF) as enabled and a DisabledByDefault mismatch as Misconfigured [HC-REG]', () => {
      assert.equal(cfg({ [schannel('TLS 1.2', 'Client')]: { Enabled: 0xffffffff, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } }, 'TLS 1.2'), 'Enabled');
      assert.equal(cfg({ [schannel('TLS 1.0', 'Client')]: { Enabled: 0 }, [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 } }, 'TLS 1.0'), 'Misconfigured');
    });
  });

  describe('TLS365-EXCH-001 (Misconfigured)', () => {
    it('fires when TLS 1.2 Client differs from Server and writes 1/0 on both [HC-AN]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0, DisabledByDefault: 1 } }) });
      const f = one(r, 'TLS365-EXCH-001');
      assert.equal(f.severity, 'Fail');
      assert.match(f.message, /TLS 1\.2/);
      assert.deepEqual(writes(f), ['TLS 1.2\\Client\\Enabled=1', 'TLS 1.2\\Client\\DisabledByDefault=0', 'TLS 1.2\\Server\\Enabled=1', 'TLS 1.2\\Server\\DisabledByDefault=0']);
      assert.equal(f.fix?.restart, 'reboot');
    });
    it('writes TLS 1.0 disabled on both roles when only one role disables it [HC-AN] [EX-TLS]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.0', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } }) });
      const f = one(r, 'TLS365-EXCH-001');
      assert.deepEqual(writes(f), ['TLS 1.0\\Client\\Enabled=0', 'TLS 1.0\\Client\\DisabledByDefault=1', 'TLS 1.0\\Server\\Enabled=0', 'TLS 1.0\\Server\\DisabledByDefault=1']);
    });
    it('does not fire when Client and Server agree [HC-AN]', () => {
      assert.deepEqual(of(run({ build: 17763, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-001'), []);
    });
  });

  describe('TLS365-EXCH-002 (Half Disabled)', () => {
    it('fires on TLS 1.0 Enabled=0 with DisabledByDefault=0 on both roles, Server component only [HC-AN] [HC-REG]', () => {
      const half = { Enabled: 0, DisabledByDefault: 0 };
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.0', 'Client')]: half, [schannel('TLS 1.0', 'Server')]: half }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-002']);
      const f = one(r, 'TLS365-EXCH-002');
      assert.deepEqual(f.components, ['SChannelServer']);
      assert.deepEqual(writes(f), ['TLS 1.0\\Client\\Enabled=0', 'TLS 1.0\\Client\\DisabledByDefault=1', 'TLS 1.0\\Server\\Enabled=0', 'TLS 1.0\\Server\\DisabledByDefault=1']);
    });
    it('fires on TLS 1.2 Enabled=1 with DisabledByDefault=1 on both roles, and the fix turns TLS 1.2 on [HC-REG]', () => {
      const half = { Enabled: 1, DisabledByDefault: 1 };
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.2', 'Client')]: half, [schannel('TLS 1.2', 'Server')]: half }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-002']);
      assert.ok(writes(one(r, 'TLS365-EXCH-002')).includes('TLS 1.2\\Server\\DisabledByDefault=0'));
    });
    it('does not fire on the documented Enabled=0 / DisabledByDefault=1 form [HC-DOC]', () => {
      assert.deepEqual(of(run({ build: 17763, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-002'), []);
    });
  });

  describe('TLS365-EXCH-003 (TLS 1.2 Disabled)', () => {
    it('fires when TLS 1.2 Client and Server are 0/1 [HC-AN] [EX-TLS]', () => {
      const off = { Enabled: 0, DisabledByDefault: 1 };
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.2', 'Client')]: off, [schannel('TLS 1.2', 'Server')]: off }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-003']);
      const f = one(r, 'TLS365-EXCH-003');
      assert.deepEqual(f.components, ['SChannelServer']);
      assert.deepEqual(writes(f), ['TLS 1.2\\Client\\Enabled=1', 'TLS 1.2\\Client\\DisabledByDefault=0', 'TLS 1.2\\Server\\Enabled=1', 'TLS 1.2\\Server\\DisabledByDefault=0']);
      assert.equal(status(r, 'SChannelServer'), 'NotReady');
    });
    it('does not fire when TLS 1.2 is enabled [HC-AN]', () => {
      assert.deepEqual(of(run({ build: 17763, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-003'), []);
    });
  });

  describe('TLS365-EXCH-004 (TLS 1.3 not disabled)', () => {
    const TLS13_ON = { [schannel('TLS 1.3', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.3', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } };
    it('fails on Server 2019 even though that OS ignores TLS 1.3, and writes 0/1 [HC-AN] [HC-DOC]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU15, TLS13_ON) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-004']);
      const f = one(r, 'TLS365-EXCH-004');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual(writes(f), ['TLS 1.3\\Client\\Enabled=0', 'TLS 1.3\\Client\\DisabledByDefault=1', 'TLS 1.3\\Server\\Enabled=0', 'TLS 1.3\\Server\\DisabledByDefault=1']);
    });
    it('fails on Server 2022 with Exchange 2019 CU14 (below 15.2.1748.10) [HC-AN]', () => {
      assert.equal(one(run({ build: 20348, values: merge(CLEAN, EX2019_CU14, TLS13_ON) }), 'TLS365-EXCH-004').severity, 'Fail');
    });
    it('is Info only on Server 2022 with Exchange 2019 CU15 or Exchange SE [HC-AN]', () => {
      for (const ex of [EX2019_CU15, EX_SE]) {
        const r = run({ build: 20348, values: merge(CLEAN, ex, TLS13_ON) });
        assert.equal(one(r, 'TLS365-EXCH-004').severity, 'Info');
        assert.deepEqual(ids(r), []);
        assert.equal(status(r, 'SChannelServer'), 'Ready');
      }
    });
    it('is Unknown on Server 2022 with -Role Exchange and no Exchange build in the input [HC-AN]', () => {
      const r = run({ build: 20348, values: merge(CLEAN, TLS13_ON) }, ['Exchange']);
      assert.deepEqual(of(r, 'TLS365-EXCH-004'), []);
      assert.equal(status(r, 'SChannelServer'), 'Unknown');
    });
    it('does not fire when TLS 1.3 values are absent (HealthChecker counts them as disabled) [HC-REG]', () => {
      assert.deepEqual(of(run({ build: 20348, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-004'), []);
    });
  });

  describe('TLS365-EXCH-005 (values not defined)', () => {
    it('warns when TLS 1.0/1.1 values are absent, attached to both roles [HC-AN]', () => {
      const r = run({ build: 17763, values: merge(V4_ALL_ONE, EX2019_CU14, { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } }) });
      const f = one(r, 'TLS365-EXCH-005');
      assert.equal(f.severity, 'Warn');
      assert.deepEqual(f.components, ['SChannelClient', 'SChannelServer']);
      assert.match(f.message, /^8 of the 12/);
      assert.equal(f.fix?.changes.length, 8);
      assert.ok(writes(f).every((w) => /^TLS 1\.[01]\\/.test(w)));
    });
    it('attaches only to the role with the absent value, and the fix keeps Client = Server [HC-AN]', () => {
      const off = { Enabled: 0, DisabledByDefault: 1 };
      const r = run({ build: 17763, values: merge(V4_ALL_ONE, EX2019_CU14, {
        [schannel('TLS 1.0', 'Client')]: off, [schannel('TLS 1.0', 'Server')]: off, [schannel('TLS 1.1', 'Client')]: off, [schannel('TLS 1.1', 'Server')]: off,
        [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1 },
      }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-005']);
      const f = one(r, 'TLS365-EXCH-005');
      assert.deepEqual(f.components, ['SChannelServer']);
      assert.match(f.message, /TLS 1\.2\\Server DisabledByDefault/);
      assert.deepEqual(writes(f), ['TLS 1.2\\Client\\Enabled=1', 'TLS 1.2\\Client\\DisabledByDefault=0', 'TLS 1.2\\Server\\Enabled=1', 'TLS 1.2\\Server\\DisabledByDefault=0']);
    });
    it('does not fire when all 12 values are defined [HC-AN]', () => {
      assert.deepEqual(of(run({ build: 17763, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-005'), []);
    });
  });

  describe('TLS365-EXCH-006 (.NET v4 values not defined)', () => {
    it('fails only the native view when only native SchUseStrongCrypto is absent [HC-AN] [EX-TLS]', () => {
      const r = run({ build: 17763, values: merge(HARDENED_12, EX2019_CU14, { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1 }, [netfx('32', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } }) });
      const f = one(r, 'TLS365-EXCH-006');
      assert.deepEqual(f.components, ['DotNet4']);
      assert.match(f.message, /SchUseStrongCrypto is absent/);
      assert.equal(f.fix?.changes.length, 4);
      assert.ok(f.fix?.changes.every((c) => c.op === 'set-dword' && c.data === 1 && c.key.startsWith('HKEY_LOCAL_MACHINE\\SOFTWARE\\')));
    });
    it('does not fire when all four values are defined, even as 0 [HC-AN]', () => {
      const zero = { SystemDefaultTlsVersions: 0, SchUseStrongCrypto: 0 };
      const r = run({ build: 17763, values: merge(EX2019_CU14, { [netfx('64', 'v4.0.30319')]: zero, [netfx('32', 'v4.0.30319')]: zero }) });
      assert.deepEqual(of(r, 'TLS365-EXCH-006'), []);
    });
  });

  describe('TLS365-EXCH-007 (lower TLS disabled, .NET not set)', () => {
    it('fails the view whose value is not 1 when TLS 1.0/1.1 are disabled [HC-AN]', () => {
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [netfx('64', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-007']);
      const f = one(r, 'TLS365-EXCH-007');
      assert.deepEqual(f.components, ['DotNet4']);
      assert.match(f.message, /SchUseStrongCrypto is 0/);
    });
    it('does not fire while TLS 1.0 and 1.1 are still enabled [HC-AN]', () => {
      const on = { Enabled: 1, DisabledByDefault: 0 };
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [netfx('64', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } }, {
        [schannel('TLS 1.0', 'Client')]: on, [schannel('TLS 1.0', 'Server')]: on, [schannel('TLS 1.1', 'Client')]: on, [schannel('TLS 1.1', 'Server')]: on,
      }) });
      assert.deepEqual(of(r, 'TLS365-EXCH-007'), []);
    });
  });

  describe('TLS365-EXCH-008 (TLS 1.0/1.1 still enabled)', () => {
    it('warns when TLS 1.1 is explicitly enabled and plans its disablement [HC-AN] [EX-TLS]', () => {
      const on = { Enabled: 1, DisabledByDefault: 0 };
      const r = run({ build: 17763, values: merge(CLEAN, EX2019_CU14, { [schannel('TLS 1.1', 'Client')]: on, [schannel('TLS 1.1', 'Server')]: on }) });
      assert.deepEqual(ids(r), ['TLS365-EXCH-008']);
      const f = one(r, 'TLS365-EXCH-008');
      assert.equal(f.severity, 'Warn');
      assert.deepEqual(writes(f), ['TLS 1.1\\Client\\Enabled=0', 'TLS 1.1\\Client\\DisabledByDefault=1', 'TLS 1.1\\Server\\Enabled=0', 'TLS 1.1\\Server\\DisabledByDefault=1']);
      assert.equal(status(r, 'SChannelServer'), 'Ready');
    });
    it('does not fire when TLS 1.0 and 1.1 are disabled [HC-AN]', () => {
      assert.deepEqual(of(run({ build: 17763, values: merge(CLEAN, EX2019_CU14) }), 'TLS365-EXCH-008'), []);
    });
  });

  describe('TLS365-EXCH-010 (Server 2012 / 2012 R2 updates)', () => {
    it('warns on Server 2012 R2 when KB3161949 and KB2973337 are not detected, and names them as missing [EX-TLS]', () => {
      const r = run({ build: 9600, values: merge(CLEAN, exchange(1, 2507, 6)) });
      const f = one(r, 'TLS365-EXCH-010');
      assert.equal(f.severity, 'Warn');
      assert.deepEqual(f.components, []);
      assert.deepEqual(f.missingUpdates, ['KB3161949', 'KB2973337']);
      assert.deepEqual(f.fix?.updates, ['KB3161949', 'KB2973337']);
      assert.deepEqual(r.missingUpdates, ['KB2973337', 'KB3161949']);
    });
    it('names only the update that is not detected on Server 2012 [EX-TLS]', () => {
      const r = run({ build: 9200, hotfixes: ['KB3161949'], values: merge(CLEAN, EX2016_CU23) });
      assert.deepEqual(one(r, 'TLS365-EXCH-010').missingUpdates, ['KB2973337']);
    });
    it('does not fire when both updates are detected, on Server 2016, or without Exchange [EX-TLS]', () => {
      assert.deepEqual(of(run({ build: 9600, hotfixes: ['KB3161949'], cbs: ['KB2973337'], values: merge(CLEAN, EX2016_CU23) }), 'TLS365-EXCH-010'), []);
      assert.deepEqual(of(run({ build: 14393, values: merge(CLEAN, EX2016_CU23) }), 'TLS365-EXCH-010'), []);
      assert.deepEqual(of(run({ build: 9600, values: CLEAN }), 'TLS365-EXCH-010'), []);
    });
    it('does not claim the updates are missing when the input has no update list [EX-TLS]', () => {
      const r = run({ build: 9600, hotfixes: null, omit: ['cbs'], values: merge(CLEAN, EX2016_CU23) });
      assert.deepEqual(of(r, 'TLS365-EXCH-010'), []);
      assert.deepEqual(r.missingUpdates, []);
    });
  });

  describe('TLS365-EXCH-009 (fleet consistency, exchangeFleetFindings)', () => {
    const facts = (name: string, values: Values, extra: Partial<MachineSpec> = {}) => machineFacts(machine({ build: 17763, computerName: name, values, ...extra }));
    it('warns every Exchange server when their TLS / .NET 4 settings form more than one group [HC-EP]', () => {
      const legacyOn = { [schannel('TLS 1.0', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.0', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } };
      const out = exchangeFleetFindings([
        facts('EX1', merge(CLEAN, EX2019_CU14)),
        facts('EX2', merge(CLEAN, EX2019_CU14)),
        facts('EX3', merge(CLEAN, EX2019_CU14, legacyOn)),
        facts('APP1', legacyOn),
      ]);
      assert.deepEqual(out.map((o) => o.computerName), ['EX1', 'EX2', 'EX3']);
      assert.deepEqual(out.map((o) => o.index), [0, 1, 2], 'positions in the input, for callers that hold the results');
      for (const o of out) {
        assert.equal(o.finding.ruleId, 'TLS365-EXCH-009');
        assert.equal(o.finding.severity, 'Warn');
        assert.deepEqual(o.finding.sources, ['HC-EP']);
        assert.deepEqual(o.finding.components, ['SChannelClient', 'SChannelServer']);
      }
      assert.match(out[2]?.finding.message ?? '', /group 2 alone.*TLS 1\.0\\Client Enabled \(here 1\)/);
      assert.match(out[0]?.finding.message ?? '', /with EX2/);
    });
    it('tells an absent .NET value from a 0 and attaches to that view [HC-EP]', () => {
      const out = exchangeFleetFindings([
        facts('EX1', merge(CLEAN, EX2019_CU14)),
        facts('EX2', merge(HARDENED_12, EX2019_CU14, { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } })),
      ]);
      assert.equal(out.length, 2);
      assert.deepEqual(out[1]?.finding.components, ['DotNet4_32']);
    });
    it('returns nothing when all Exchange servers match, or when only one differs from non-Exchange machines [HC-EP]', () => {
      assert.deepEqual(exchangeFleetFindings([facts('EX1', merge(CLEAN, EX2019_CU14)), facts('EX2', merge(CLEAN, EX2016_CU23))]), []);
      assert.deepEqual(exchangeFleetFindings([facts('EX1', merge(CLEAN, EX2019_CU14)), facts('APP1', {})]), []);
    });
    it('leaves out servers whose input lacks SCHANNEL (unknown, not different) [HC-EP]', () => {
      assert.deepEqual(exchangeFleetFindings([facts('EX1', merge(CLEAN, EX2019_CU14)), facts('EX2', EX2019_CU14, { omit: ['schannel'] })]), []);
    });
  });
});
