import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import type { Component, Readiness, Severity } from '../../../../core/readiness/model.js';
import { dotnet35Rules } from '../../../../core/readiness/rules/dotnet35/index.js';
import { dotnet4Rules } from '../../../../core/readiness/rules/dotnet4/index.js';
import {
  ALL8_ONE, HARDENED_12, V4_ALL_ONE, inetUser, machine, merge, netfx, schannel, winhttp, type MachineSpec, type Values,
} from '../../../support/machine.js';

/*
 * .NET Framework 3.5 rules TLS365-NET35-001..005 (docs/domain-facts.md 10.6, facts 4.1, 4.4, 5) and the N35
 * column of the acceptance cases (docs/domain-facts.md 11). Only the .NET families run here, so other families' findings
 * are absent and only the column these rules decide is asserted. N35 is one column in the table; TLS365 has
 * two components for it (DotNet35 native, DotNet35_32 Wow6432Node), and both must show the column's verdict.
 */
const RULES = [...dotnet4Rules, ...dotnet35Rules];
const run = (spec: MachineSpec): Readiness => evaluateSnapshot(machine(spec), { roles: [] }, RULES);
const of = (r: Readiness, id: string) => r.findings.filter((f) => f.ruleId === `TLS365-${id}`);
const status = (r: Readiness, c: Component) => r.components.find((x) => x.name === c)?.status;
const ids = (r: Readiness, prefix: string, sev: readonly Severity[]): string[] =>
  r.findings.filter((f) => f.ruleId.startsWith(`TLS365-${prefix}`) && sev.includes(f.severity))
    .map((f) => `${f.ruleId.replace('TLS365-', '')}@${f.components.join('+')}`).sort();
const sevAt = (r: Readiness, id: string): string[] => of(r, id).map((x) => `${x.severity}@${x.components.join('+')}`);

const V2_64 = netfx('64', 'v2.0.50727');
const V2_32 = netfx('32', 'v2.0.50727');
const V2_ONE: Values = { [V2_64]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 }, [V2_32]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } };
const WIN7 = { build: 7601, server: false, csd: 'Service Pack 1', net35: true } as const;
const R2 = { build: 9600, net35: true } as const;
const both = (id: string): string[] => [`${id}@DotNet35`, `${id}@DotNet35_32`];

describe('.NET Framework 3.5 rules (docs/domain-facts.md 10.6)', () => {
  describe('catalogue shape', () => {
    it('implements TLS365-NET35-001..005 in order, each with a title and sources [DOTNET-TLS]', () => {
      assert.deepEqual(dotnet35Rules.map((r) => r.id), [1, 2, 3, 4, 5].map((n) => `TLS365-NET35-00${n}`));
      for (const r of dotnet35Rules) assert.ok(r.title.length > 0 && r.sources.length > 0);
    });
  });

  describe('TLS365-NET35-001 SystemDefaultTlsVersions not 1', () => {
    it('fails each view whose value is not 1; the fix sets it in both views [DOTNET-TLS, CM-CLIENT]', () => {
      const r = run({ ...R2, hotfixes: ['KB3154520'], values: merge(V2_ONE, { [V2_32]: { SystemDefaultTlsVersions: 0 } }) });
      assert.deepEqual(sevAt(r, 'NET35-001'), ['Fail@DotNet35_32']);
      const f = of(r, 'NET35-001')[0];
      assert.match(f?.message ?? '', /Wow6432Node\\Microsoft\\\.NETFramework\\v2\.0\.50727 SystemDefaultTlsVersions is 0/);
      assert.deepEqual(f?.fix?.changes, [
        { op: 'set-dword', key: V2_32, name: 'SystemDefaultTlsVersions', data: 1 },
        { op: 'set-dword', key: V2_64, name: 'SystemDefaultTlsVersions', data: 1 },
      ]);
      assert.equal(f?.fix?.restart, 'apps');
      assert.equal(status(r, 'DotNet35_32'), 'NotReady');
      assert.equal(status(r, 'DotNet35'), 'Ready');
    });
    it('fails absent values (absent means 0 for .NET 3.5) and not 1 [DOTNET-TLS]', () => {
      assert.deepEqual(sevAt(run({ ...R2, hotfixes: ['KB3154520'] }), 'NET35-001'), ['Fail@DotNet35', 'Fail@DotNet35_32']);
      assert.equal(of(run({ ...R2, hotfixes: ['KB3154520'], values: V2_ONE }), 'NET35-001').length, 0);
    });
  });

  describe('TLS365-NET35-002 OS-specific .NET 3.5 update not detected', () => {
    it('warns once for both components with the Windows 7 SP1 KB, "not detected", and lists it as missing [DOTNET-TLS]', () => {
      const r = run({ ...WIN7, values: V2_ONE });
      const f = of(r, 'NET35-002');
      assert.deepEqual(sevAt(r, 'NET35-002'), ['Warn@DotNet35+DotNet35_32']);
      assert.match(f[0]?.message ?? '', /KB3154518.*was not detected/);
      assert.doesNotMatch(f[0]?.message ?? '', /missing/i);
      assert.deepEqual(f[0]?.missingUpdates, ['KB3154518']);
      assert.deepEqual(f[0]?.fix?.updates, ['KB3154518']);
      assert.deepEqual(f[0]?.fix?.changes, []);
      assert.ok(r.missingUpdates.includes('KB3154518'));
    });
    const perOs: [string, MachineSpec, string][] = [
      ['Server 2008 SP2', { build: 6002, productName: 'Windows Server (R) 2008 Standard', net35: true }, 'KB3154517'],
      ['Windows 8 / Server 2012', { build: 9200, net35: true }, 'KB3154519'],
      ['Windows 8.1 / Server 2012 R2', { build: 9600, net35: true }, 'KB3154520'],
    ];
    for (const [name, spec, kb] of perOs) {
      it(`asks for ${kb} on ${name} (table 4.4) [DOTNET-TLS]`, () => {
        assert.deepEqual(of(run(spec), 'NET35-002')[0]?.missingUpdates, [kb]);
      });
    }
    it('does not fire when the update is detected (hotfix list or CBS package) [DOTNET-TLS, CBS-STATES]', () => {
      assert.equal(of(run({ ...WIN7, hotfixes: ['KB3154518'] }), 'NET35-002').length, 0);
      assert.equal(of(run({ ...WIN7, cbs: ['KB3154518'] }), 'NET35-002').length, 0);
    });
    it('does not apply on builds >= 10240 and never asks for KB3156421 [DOTNET-TLS]', () => {
      for (const build of [10240, 14393, 17763]) {
        const r = run({ build, net35: true });
        assert.equal(of(r, 'NET35-002').length, 0);
        assert.ok(!r.missingUpdates.includes('KB3156421'));
      }
    });
    it('is Unknown, never "not detected", when the input has no hotfix list and no CBS packages [DOTNET-TLS]', () => {
      const r = run({ ...WIN7, hotfixes: null, omit: ['cbs'], values: merge(V2_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } }) });
      assert.equal(of(r, 'NET35-002').length, 0);
      assert.equal(status(r, 'DotNet35'), 'Unknown');
      assert.equal(status(r, 'DotNet35_32'), 'Unknown');
      assert.deepEqual(r.missingUpdates, []);
    });
  });

  describe('TLS365-NET35-003 SchUseStrongCrypto not 1', () => {
    it('warns each view whose value is not 1 and sets it to 1 there [DOTNET-TLS, EX-TLS]', () => {
      const r = run({ ...R2, hotfixes: ['KB3154520'], values: merge(V2_ONE, { [V2_64]: { SchUseStrongCrypto: 0 } }) });
      assert.deepEqual(sevAt(r, 'NET35-003'), ['Warn@DotNet35']);
      assert.deepEqual(of(r, 'NET35-003')[0]?.fix?.changes, [{ op: 'set-dword', key: V2_64, name: 'SchUseStrongCrypto', data: 1 }]);
      assert.equal(status(r, 'DotNet35'), 'Ready');
    });
    it('does not fire when SchUseStrongCrypto = 1 [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...R2, hotfixes: ['KB3154520'], values: V2_ONE }), 'NET35-003').length, 0);
    });
  });

  describe('TLS365-NET35-004 native and Wow6432Node differ', () => {
    it('warns once, on DotNet35_32, and aligns both views to 1 [CM-CLIENT]', () => {
      const r = run({ ...R2, hotfixes: ['KB3154520'], values: merge(V2_ONE, { [V2_32]: { SchUseStrongCrypto: 0 } }) });
      assert.deepEqual(sevAt(r, 'NET35-004'), ['Warn@DotNet35_32']);
      assert.match(of(r, 'NET35-004')[0]?.message ?? '', /SchUseStrongCrypto is 1 natively but 0 under Wow6432Node/);
      assert.equal(of(r, 'NET35-004')[0]?.fix?.changes.length, 4);
    });
    it('does not fire when the views agree, nor on a 32-bit OS [CM-CLIENT]', () => {
      assert.equal(of(run({ ...R2, values: V2_ONE }), 'NET35-004').length, 0);
      assert.equal(of(run({ ...R2 }), 'NET35-004').length, 0);
      assert.equal(of(run({ ...R2, x64: false, values: { [V2_64]: { SchUseStrongCrypto: 1 } } }), 'NET35-004').length, 0);
    });
  });

  describe('TLS365-NET35-005 Schannel TLS 1.2 client not usable', () => {
    it('fails both views when the TLS 1.2 client is Disabled [DOTNET-TLS]', () => {
      const r = run({ ...R2, hotfixes: ['KB3154520'], values: merge(V2_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) });
      assert.deepEqual(sevAt(r, 'NET35-005'), ['Fail@DotNet35', 'Fail@DotNet35_32']);
      assert.equal(of(r, 'NET35-005')[0]?.fix?.changes.length, 2);
    });
    it('fails on Windows 7 defaults (off by default) when SystemDefaultTlsVersions = 1 [DOTNET-TLS]', () => {
      const r = run({ ...WIN7, hotfixes: ['KB3154518'], values: V2_ONE });
      assert.deepEqual(sevAt(r, 'NET35-005'), ['Fail@DotNet35', 'Fail@DotNet35_32']);
      assert.match(of(r, 'NET35-005')[0]?.message ?? '', /off by default on this OS/);
    });
    it('does not fire for off-by-default when SystemDefaultTlsVersions is not 1, nor when TLS 1.2 is on [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...WIN7, hotfixes: ['KB3154518'] }), 'NET35-005').length, 0);
      const on = { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } };
      assert.equal(of(run({ ...WIN7, hotfixes: ['KB3154518'], values: merge(V2_ONE, on) }), 'NET35-005').length, 0);
    });
  });

  describe('views and inputs', () => {
    it('is NotApplicable when .NET 3.5 is not installed, and a 32-bit OS reports DotNet35_32 only [DOTNET-INST]', () => {
      const r = run({ build: 9600 });
      assert.equal(status(r, 'DotNet35'), 'NotApplicable');
      assert.equal(ids(r, 'NET35-', ['Info', 'Warn', 'Fail']).length, 0);
      const x86 = run({ ...R2, x64: false, hotfixes: ['KB3154520'] });
      assert.equal(status(x86, 'DotNet35'), 'NotApplicable');
      assert.deepEqual(sevAt(x86, 'NET35-001'), ['Fail@DotNet35_32']);
      assert.deepEqual(of(x86, 'NET35-001')[0]?.fix?.changes.map((c) => c.key), [V2_64]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Acceptance cases (docs/domain-facts.md 11), column N35 and the NET35 ids. Warn/Fail ids exact, Info at least.

type Col = 'P' | 'W' | 'F' | 'NA';
const WIN7_REMEDIATED: Values = merge(ALL8_ONE, {
  [winhttp('64')]: { DefaultSecureProtocols: 0xa00 },
  [winhttp('32')]: { DefaultSecureProtocols: 0xa00 },
  [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 },
  [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 },
  [schannel('SSL 3.0', 'Client')]: { Enabled: 0, DisabledByDefault: 1 },
  [schannel('SSL 3.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 },
  [schannel('SSL 2.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 },
  [inetUser]: { SecureProtocols: 0xa80 },
});
const WIN10 = { build: 19045, server: false } as const;
const NATIVE_V4_ONE: Values = { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } };

const NET35_CASES: readonly { readonly id: string; readonly spec: MachineSpec; readonly n35: Col; readonly rules: readonly string[] }[] = [
  { id: 'A01', spec: WIN10, n35: 'NA', rules: [] },
  { id: 'A02', spec: { ...WIN10, values: V4_ALL_ONE }, n35: 'NA', rules: [] },
  { id: 'A03', spec: { build: 17763, net35: true, values: merge(HARDENED_12, ALL8_ONE) }, n35: 'P', rules: [] },
  { id: 'A04', spec: { ...WIN7 }, n35: 'F', rules: [...both('NET35-001'), 'NET35-002@DotNet35+DotNet35_32', ...both('NET35-003')] },
  { id: 'A05', spec: { ...WIN7, hotfixes: ['KB3140245', 'KB3154518'], values: WIN7_REMEDIATED }, n35: 'P', rules: [] },
  { id: 'A08', spec: { build: 9200, release: 394806 }, n35: 'NA', rules: [] },
  { id: 'A09', spec: { build: 9600, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) }, n35: 'NA', rules: [] },
  { id: 'A10', spec: { build: 14393, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 } }) }, n35: 'NA', rules: [] },
  { id: 'A15', spec: { build: 9600, release: 379893 }, n35: 'NA', rules: [] },
  { id: 'A16', spec: { ...WIN10, values: NATIVE_V4_ONE }, n35: 'NA', rules: [] },
  { id: 'A17', spec: { ...WIN10, values: merge(V4_ALL_ONE, { [netfx('64', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } }) }, n35: 'NA', rules: [] },
  { id: 'A18', spec: { ...R2, values: V4_ALL_ONE }, n35: 'F', rules: [...both('NET35-001'), 'NET35-002@DotNet35+DotNet35_32', ...both('NET35-003')] },
  { id: 'A19', spec: { ...R2, hotfixes: ['KB3154520'], values: ALL8_ONE }, n35: 'P', rules: [] },
  { id: 'A20', spec: { ...R2, values: ALL8_ONE }, n35: 'W', rules: ['NET35-002@DotNet35+DotNet35_32'] },
  // N columns only: the EXCH-006/007 findings of this case belong to the Exchange family.
  { id: 'A26', spec: { build: 14393, values: merge(HARDENED_12, NATIVE_V4_ONE) }, n35: 'NA', rules: [] },
  { id: 'A29', spec: { ...WIN10, x64: false }, n35: 'NA', rules: [] },
];

function assertColumn(r: Readiness, c: Component, col: Col): void {
  const st = status(r, c);
  const detail = JSON.stringify(r.components.find((x) => x.name === c));
  if (col === 'NA') return assert.equal(st, 'NotApplicable', detail);
  if (col === 'F') return assert.equal(st, 'NotReady', detail);
  assert.equal(st, 'Ready', detail);
  const warns = r.findings.filter((f) => f.severity === 'Warn' && f.components.includes(c)).length;
  assert.equal(warns > 0, col === 'W', `${c} expected ${col}, found ${warns} warning(s)`);
}

describe('acceptance cases, .NET 3.5 column N35 (docs/domain-facts.md 11) [DOTNET-TLS, CM-CLIENT, DOTNET-INST]', () => {
  for (const c of NET35_CASES) {
    it(`${c.id}: N35 ${c.n35}; NET35 Warn/Fail exactly ${c.rules.length === 0 ? 'none' : c.rules.join(', ')}`, () => {
      const r = run(c.spec);
      assert.deepEqual(ids(r, 'NET35-', ['Warn', 'Fail']), [...c.rules].sort());
      // A 32-bit OS has no native .NET 3.5 component at all; elsewhere both components carry the column.
      assertColumn(r, 'DotNet35', c.n35);
      assertColumn(r, 'DotNet35_32', c.n35);
    });
  }
  it('A04 and A18 list the OS-specific .NET 3.5 KB in MissingUpdates; A19 lists none [DOTNET-TLS]', () => {
    assert.deepEqual(run({ ...WIN7 }).missingUpdates, ['KB3154518']);
    assert.deepEqual(run({ ...R2, values: V4_ALL_ONE }).missingUpdates, ['KB3154520']);
    assert.deepEqual(run({ ...R2, hotfixes: ['KB3154520'], values: ALL8_ONE }).missingUpdates, []);
  });
});
