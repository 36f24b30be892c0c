import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import type { Component, Readiness, Severity } from '../../../../core/readiness/model.js';
import { dotnet35Rules } from '../../../../core/readiness/rules/dotnet35/index.js';
import { dotnet4Rules } from '../../../../core/readiness/rules/dotnet4/index.js';
import {
  ALL8_ONE, HARDENED_12, HKLM, V4_ALL_ONE, exchangeSetup, inetUser, machine, merge, netfx, schannel, winhttp, type MachineSpec, type Values,
} from '../../../support/machine.js';

/*
 * .NET Framework 4.x rules TLS365-NET4-001..009 (docs/domain-facts.md 10.5, facts 4.1-4.3) and the N64/N32
 * columns of the acceptance cases (docs/domain-facts.md 11). Only the .NET families run here, so other families'
 * findings are absent and only the columns these rules decide (N64 = DotNet4, N32 = DotNet4_32) are asserted.
 */
const RULES = [...dotnet4Rules, ...dotnet35Rules];
const run = (spec: MachineSpec): Readiness => evaluateSnapshot(machine(spec), { roles: [] }, RULES);
const of = (r: Readiness, id: string) => r.findings.filter((f) => f.ruleId === `TLS365-${id}`);
const status = (r: Readiness, c: Component) => r.components.find((x) => x.name === c)?.status;
/** "NET4-003@DotNet4" per finding, sorted: the form the acceptance table uses. */
const ids = (r: Readiness, prefix: string, sev: readonly Severity[]): string[] =>
  r.findings.filter((f) => f.ruleId.startsWith(`TLS365-${prefix}`) && sev.includes(f.severity))
    .map((f) => `${f.ruleId.replace('TLS365-', '')}@${f.components.join('+')}`).sort();

const V4_64 = netfx('64', 'v4.0.30319');
const V4_32 = netfx('32', 'v4.0.30319');
const NDP_FULL = `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full`;
const WIN10 = { build: 19045, server: false } as const;
const both = (id: string): string[] => [`${id}@DotNet4`, `${id}@DotNet4_32`];

describe('.NET Framework 4.x rules (docs/domain-facts.md 10.5)', () => {
  describe('catalogue shape', () => {
    it('implements TLS365-NET4-001..009 in order, each with a title and sources [DOTNET-TLS]', () => {
      assert.deepEqual(dotnet4Rules.map((r) => r.id), [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `TLS365-NET4-00${n}`));
      for (const r of dotnet4Rules) {
        assert.ok(r.title.length > 0);
        assert.ok(r.sources.length > 0);
      }
    });
  });

  describe('TLS365-NET4-001 SchUseStrongCrypto = 0', () => {
    it('fails the view whose SchUseStrongCrypto is 0 and sets it to 1 there [DOTNET-TLS]', () => {
      const r = run({ ...WIN10, values: merge(V4_ALL_ONE, { [V4_32]: { SchUseStrongCrypto: 0 } }) });
      const f = of(r, 'NET4-001');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Fail');
      assert.deepEqual(f[0]?.components, ['DotNet4_32']);
      assert.match(f[0]?.message ?? '', /Wow6432Node\\Microsoft\\\.NETFramework\\v4\.0\.30319 SchUseStrongCrypto is 0/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: V4_32, name: 'SchUseStrongCrypto', data: 1 }]);
      assert.equal(f[0]?.fix?.restart, 'apps');
      assert.deepEqual(f[0]?.sources, ['DOTNET-TLS']);
    });
    it('does not fire when SchUseStrongCrypto is 1 or absent [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...WIN10, values: V4_ALL_ONE }), 'NET4-001').length, 0);
      assert.equal(of(run(WIN10), 'NET4-001').length, 0);
    });
  });

  describe('TLS365-NET4-002 .NET 4.5 - 4.5.2 without strong crypto', () => {
    it('fails each view on 4.5.2 without SchUseStrongCrypto=1 and names the version [DOTNET-TLS, DOTNET-VER]', () => {
      const r = run({ build: 9600, release: 379893, values: { [V4_64]: { SchUseStrongCrypto: 0 } } });
      const f = of(r, 'NET4-002');
      assert.deepEqual(f.map((x) => x.components[0]), ['DotNet4', 'DotNet4_32']);
      assert.ok(f.every((x) => x.severity === 'Fail'));
      assert.match(f[0]?.message ?? '', /4\.5\.2 \(Release 379893\)/);
      assert.deepEqual(f[0]?.fix?.changes.map((c) => c.name), ['SchUseStrongCrypto', 'SystemDefaultTlsVersions']);
    });
    it('does not fire with SchUseStrongCrypto=1, nor on 4.6 (Release 393295, the "≥ minimum" bound) [DOTNET-TLS, DOTNET-VER]', () => {
      assert.equal(of(run({ build: 9600, release: 379893, values: V4_ALL_ONE }), 'NET4-002').length, 0);
      assert.equal(of(run({ build: 9600, release: 393295 }), 'NET4-002').length, 0);
    });
  });

  describe('TLS365-NET4-003 SchUseStrongCrypto absent on 4.6+', () => {
    it('fails when SystemDefaultTlsVersions is not 1 in that view either [DOTNET-TLS, TLS1-PROBLEM, CM-CLIENT]', () => {
      const r = run({ ...WIN10, values: { [V4_64]: { SystemDefaultTlsVersions: 0 }, [V4_32]: { SchUseStrongCrypto: 1 } } });
      const f = of(r, 'NET4-003');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Fail');
      assert.deepEqual(f[0]?.components, ['DotNet4']);
      assert.match(f[0]?.message ?? '', /SchUseStrongCrypto is absent and SystemDefaultTlsVersions is 0/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: V4_64, name: 'SchUseStrongCrypto', data: 1 }]);
    });
    it('is only a Warn when SystemDefaultTlsVersions = 1 in the same view (docs/domain-facts.md 12 item 17) [DOTNET-TLS]', () => {
      const r = run({ ...WIN10, values: { [V4_64]: { SystemDefaultTlsVersions: 1 }, [V4_32]: { SystemDefaultTlsVersions: 1 } } });
      const f = of(r, 'NET4-003');
      assert.deepEqual(f.map((x) => x.severity), ['Warn', 'Warn']);
      assert.equal(status(r, 'DotNet4'), 'Ready');
    });
    it('treats a non-DWORD SchUseStrongCrypto as absent (.NET ignores it) [HC-DOC, DOTNET-TLS]', () => {
      const r = run({ ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: '1' } } });
      assert.deepEqual(of(r, 'NET4-003').map((x) => `${x.severity}@${x.components.join()}`), ['Fail@DotNet4', 'Fail@DotNet4_32']);
    });
    it('does not fire when SchUseStrongCrypto is present, nor below 4.6 (NET4-002 instead) [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: 1 }, [V4_32]: { SchUseStrongCrypto: 1 } } }), 'NET4-003').length, 0);
      assert.equal(of(run({ build: 9600, release: 379893 }), 'NET4-003').length, 0);
    });
  });

  describe('TLS365-NET4-004 SystemDefaultTlsVersions absent or 0', () => {
    it('warns per view for absent and 0 [DOTNET-TLS, EX-TLS]', () => {
      const r = run({ ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: 1, SystemDefaultTlsVersions: 0 }, [V4_32]: { SchUseStrongCrypto: 1 } } });
      const f = of(r, 'NET4-004');
      assert.deepEqual(f.map((x) => `${x.severity}@${x.components.join()}`), ['Warn@DotNet4', 'Warn@DotNet4_32']);
      assert.match(f[0]?.message ?? '', /SystemDefaultTlsVersions is 0/);
      assert.match(f[1]?.message ?? '', /SystemDefaultTlsVersions is absent/);
      assert.deepEqual(f[1]?.fix?.changes, [{ op: 'set-dword', key: V4_32, name: 'SystemDefaultTlsVersions', data: 1 }]);
    });
    it('does not fire when SystemDefaultTlsVersions = 1 [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...WIN10, values: V4_ALL_ONE }), 'NET4-004').length, 0);
    });
  });

  describe('TLS365-NET4-005 native and Wow6432Node differ', () => {
    it('warns once, on DotNet4_32, and its fix sets both values to 1 in both views [HC-REG, CM-CLIENT]', () => {
      const r = run({ ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: 1, SystemDefaultTlsVersions: 1 }, [V4_32]: { SchUseStrongCrypto: 1 } } });
      const f = of(r, 'NET4-005');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Warn');
      assert.deepEqual(f[0]?.components, ['DotNet4_32']);
      assert.match(f[0]?.message ?? '', /SystemDefaultTlsVersions is 1 natively but absent under Wow6432Node/);
      assert.doesNotMatch(f[0]?.message ?? '', /SchUseStrongCrypto is/);
      assert.deepEqual(f[0]?.fix?.changes, [
        { op: 'set-dword', key: V4_64, name: 'SystemDefaultTlsVersions', data: 1 },
        { op: 'set-dword', key: V4_64, name: 'SchUseStrongCrypto', data: 1 },
        { op: 'set-dword', key: V4_32, name: 'SystemDefaultTlsVersions', data: 1 },
        { op: 'set-dword', key: V4_32, name: 'SchUseStrongCrypto', data: 1 },
      ]);
    });
    it('counts a type difference as a difference [HC-REG]', () => {
      const r = run({ ...WIN10, values: merge(V4_ALL_ONE, { [V4_32]: { SchUseStrongCrypto: '1' } }) });
      assert.equal(of(r, 'NET4-005').length, 1);
    });
    it('does not fire when both views agree (even both absent), nor on a 32-bit OS [HC-REG]', () => {
      assert.equal(of(run({ ...WIN10, values: V4_ALL_ONE }), 'NET4-005').length, 0);
      assert.equal(of(run(WIN10), 'NET4-005').length, 0);
      assert.equal(of(run({ ...WIN10, x64: false, values: { [V4_64]: { SchUseStrongCrypto: 1 } } }), 'NET4-005').length, 0);
    });
  });

  describe('TLS365-NET4-006 values other than DWORD 0/1', () => {
    it('warns for a DWORD other than 0/1 and for a non-DWORD, naming both in one finding per view [HC-DOC]', () => {
      const r = run({ ...WIN10, values: merge(V4_ALL_ONE, { [V4_64]: { SystemDefaultTlsVersions: 2, SchUseStrongCrypto: '1' } }) });
      const f = of(r, 'NET4-006');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Warn');
      assert.deepEqual(f[0]?.components, ['DotNet4']);
      assert.match(f[0]?.message ?? '', /SystemDefaultTlsVersions is 2 \(0x2\) and SchUseStrongCrypto is a REG_SZ \(not REG_DWORD\)/);
      assert.deepEqual(f[0]?.fix?.changes.map((c) => c.op === 'set-dword' ? `${c.name}=${c.data}` : c.op), ['SystemDefaultTlsVersions=1', 'SchUseStrongCrypto=1']);
    });
    it('does not fire for 0, 1 or absent [HC-DOC]', () => {
      assert.equal(of(run({ ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: 0, SystemDefaultTlsVersions: 1 } } }), 'NET4-006').length, 0);
    });
  });

  describe('TLS365-NET4-007 .NET 4.0 only', () => {
    const fourOh = (release: Values[string]): MachineSpec => ({ ...WIN10, release: null, values: { [NDP_FULL]: release, [V4_64]: {}, [V4_32]: {} } });
    it('fails both components once when v4\\Full exists without Release [DOTNET-VER]', () => {
      const r = run(fourOh({ Install: 1 }));
      const f = of(r, 'NET4-007');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Fail');
      assert.deepEqual(f[0]?.components, ['DotNet4', 'DotNet4_32']);
      assert.match(f[0]?.message ?? '', /NDP\\v4\\Full exists but Release is absent/);
      assert.equal(f[0]?.fix?.restart, 'reboot');
      assert.equal(status(r, 'DotNet4'), 'NotReady');
    });
    it('fails below 378389 and not at 378389 (4.5) [DOTNET-VER]', () => {
      assert.equal(of(run(fourOh({ Release: 378388 })), 'NET4-007').length, 1);
      assert.equal(of(run({ ...WIN10, release: 378389 }), 'NET4-007').length, 0);
      assert.equal(of(run(WIN10), 'NET4-007').length, 0);
    });
    it('is Unknown, never a guess, when Release is not a DWORD [DOTNET-VER]', () => {
      const r = run(fourOh({ Release: '528040' }));
      assert.equal(of(r, 'NET4-007').length, 0);
      assert.equal(status(r, 'DotNet4'), 'Unknown');
      assert.equal(status(r, 'DotNet4_32'), 'Unknown');
    });
  });

  describe('TLS365-NET4-008 Schannel TLS 1.2 client not usable', () => {
    it('fails both views when the TLS 1.2 client is Disabled, with the SCHANNEL-003 fix [DOTNET-TLS, EX-TLS]', () => {
      const r = run({ build: 9600, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) });
      const f = of(r, 'NET4-008');
      assert.deepEqual(f.map((x) => `${x.severity}@${x.components.join()}`), ['Fail@DotNet4', 'Fail@DotNet4_32']);
      assert.match(f[0]?.message ?? '', /TLS 1\.2\\Client disables the TLS 1\.2 client \(Enabled 0/);
      assert.deepEqual(f[0]?.fix?.changes, [
        { op: 'set-dword', key: schannel('TLS 1.2', 'Client'), name: 'Enabled', data: 1 },
        { op: 'set-dword', key: schannel('TLS 1.2', 'Client'), name: 'DisabledByDefault', data: 0 },
      ]);
      assert.equal(f[0]?.fix?.restart, 'reboot');
    });
    it('fails on Windows 7 defaults (off by default) when SystemDefaultTlsVersions is absent or 1 [DOTNET-TLS]', () => {
      const r = run({ build: 7601, server: false, csd: 'Service Pack 1', values: V4_ALL_ONE });
      assert.equal(of(r, 'NET4-008').length, 2);
      assert.match(of(r, 'NET4-008')[0]?.message ?? '', /off by default on this OS/);
    });
    it('does not fire for off-by-default when SystemDefaultTlsVersions is explicitly 0 in that view [DOTNET-TLS]', () => {
      const r = run({ build: 7601, server: false, values: { [V4_64]: { SystemDefaultTlsVersions: 0, SchUseStrongCrypto: 1 }, [V4_32]: { SchUseStrongCrypto: 1 } } });
      assert.deepEqual(of(r, 'NET4-008').map((x) => x.components.join()), ['DotNet4_32']);
    });
    it('does not fire when the TLS 1.2 client is on [DOTNET-TLS]', () => {
      assert.equal(of(run({ ...WIN10, values: V4_ALL_ONE }), 'NET4-008').length, 0);
      assert.equal(of(run({ build: 7601, server: false, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } }) }), 'NET4-008').length, 0);
    });
    it('on Server 2008 SP2 without KB4019276 (TLS 1.2 not supported) names the KB as missing [DOTNET-TLS]', () => {
      const r = run({ build: 6002, productName: 'Windows Server (R) 2008 Standard', values: V4_ALL_ONE });
      const f = of(r, 'NET4-008');
      assert.equal(f.length, 2);
      assert.match(f[0]?.message ?? '', /does not support TLS 1\.2/);
      assert.deepEqual(f[0]?.fix?.updates, ['KB4019276']);
      assert.deepEqual(f[0]?.missingUpdates, ['KB4019276']);
      assert.deepEqual(r.missingUpdates, ['KB4019276']);
    });
  });

  describe('TLS365-NET4-009 below 4.6.2', () => {
    it('is Info on 4.6.1 and does not change the verdict [CM-CLIENT]', () => {
      const r = run({ ...WIN10, release: 394271, values: V4_ALL_ONE });
      const f = of(r, 'NET4-009');
      assert.deepEqual(f.map((x) => `${x.severity}@${x.components.join()}`), ['Info@DotNet4', 'Info@DotNet4_32']);
      assert.match(f[0]?.message ?? '', /4\.6\.1 \(Release 394271\)/);
      assert.equal(status(r, 'DotNet4'), 'Ready');
    });
    it('does not fire from 4.6.2 (Release 394802) on [CM-CLIENT]', () => {
      assert.equal(of(run({ ...WIN10, release: 394802, values: V4_ALL_ONE }), 'NET4-009').length, 0);
    });
  });

  describe('views and inputs', () => {
    it('on a 32-bit OS reads the native key as DotNet4_32; DotNet4 is NotApplicable [TLS365]', () => {
      const r = run({ ...WIN10, x64: false });
      assert.equal(status(r, 'DotNet4'), 'NotApplicable');
      assert.deepEqual(of(r, 'NET4-003').map((x) => x.components.join()), ['DotNet4_32']);
      assert.match(of(r, 'NET4-003')[0]?.message ?? '', /HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\\.NETFramework\\v4\.0\.30319 SchUseStrongCrypto/);
      assert.deepEqual(of(r, 'NET4-003')[0]?.fix?.changes.map((c) => c.key), [V4_64]);
    });
    it('is NotApplicable without NDP\\v4\\Full and Unknown without .NET keys [DOTNET-VER]', () => {
      assert.equal(status(run({ ...WIN10, release: null }), 'DotNet4'), 'NotApplicable');
      assert.equal(run({ ...WIN10, release: null }).findings.length, 0);
      assert.equal(status(run({ ...WIN10, omit: ['dotnet'] }), 'DotNet4'), 'Unknown');
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Acceptance cases (docs/domain-facts.md 11), columns N64 / N32 and the NET4 ids. Warn/Fail ids exact, Info at least.

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
const EX2016_CU23: Values = { [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 1, MsiBuildMajor: 2507, MsiBuildMinor: 6 } };
const NATIVE_V4_ONE: Values = { [V4_64]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 } };

type Col = 'P' | 'W' | 'F' | 'NA';
interface Case { readonly id: string; readonly spec: MachineSpec; readonly n64: Col; readonly n32: Col; readonly rules: readonly string[]; readonly info?: readonly string[] }

const NET4_CASES: readonly Case[] = [
  { id: 'A01', spec: WIN10, n64: 'F', n32: 'F', rules: [...both('NET4-003'), ...both('NET4-004')] },
  { id: 'A02', spec: { ...WIN10, values: V4_ALL_ONE }, n64: 'P', n32: 'P', rules: [] },
  { id: 'A03', spec: { build: 17763, net35: true, values: merge(HARDENED_12, ALL8_ONE) }, n64: 'P', n32: 'P', rules: [] },
  { id: 'A04', spec: { build: 7601, server: false, csd: 'Service Pack 1', net35: true }, n64: 'F', n32: 'F', rules: [...both('NET4-003'), ...both('NET4-004'), ...both('NET4-008')] },
  { id: 'A05', spec: { build: 7601, server: false, csd: 'Service Pack 1', net35: true, hotfixes: ['KB3140245', 'KB3154518'], values: WIN7_REMEDIATED }, n64: 'P', n32: 'P', rules: [] },
  { id: 'A08', spec: { build: 9200, release: 394806 }, n64: 'F', n32: 'F', rules: [...both('NET4-003'), ...both('NET4-004')] },
  { id: 'A09', spec: { build: 9600, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) }, n64: 'F', n32: 'F', rules: both('NET4-008') },
  { id: 'A10', spec: { build: 14393, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 } }) }, n64: 'F', n32: 'F', rules: both('NET4-008') },
  { id: 'A15', spec: { build: 9600, release: 379893 }, n64: 'F', n32: 'F', rules: [...both('NET4-002'), ...both('NET4-004')], info: both('NET4-009') },
  { id: 'A16', spec: { ...WIN10, values: NATIVE_V4_ONE }, n64: 'P', n32: 'F', rules: ['NET4-003@DotNet4_32', 'NET4-004@DotNet4_32', 'NET4-005@DotNet4_32'] },
  { id: 'A17', spec: { ...WIN10, values: { [V4_64]: { SchUseStrongCrypto: 0, SystemDefaultTlsVersions: 1 }, [V4_32]: { SchUseStrongCrypto: 1, SystemDefaultTlsVersions: 1 } } }, n64: 'F', n32: 'W', rules: ['NET4-001@DotNet4', 'NET4-005@DotNet4_32'] },
  { id: 'A18', spec: { build: 9600, net35: true, values: V4_ALL_ONE }, n64: 'P', n32: 'P', rules: [] },
  { id: 'A19', spec: { build: 9600, net35: true, hotfixes: ['KB3154520'], values: ALL8_ONE }, n64: 'P', n32: 'P', rules: [] },
  { id: 'A20', spec: { build: 9600, net35: true, values: ALL8_ONE }, n64: 'P', n32: 'P', rules: [] },
  // N columns only: the EXCH-006/007 findings of this case belong to the Exchange family.
  { id: 'A26', spec: { build: 14393, values: merge(HARDENED_12, NATIVE_V4_ONE, EX2016_CU23) }, n64: 'P', n32: 'F', rules: ['NET4-003@DotNet4_32', 'NET4-004@DotNet4_32', 'NET4-005@DotNet4_32'] },
  { id: 'A29', spec: { ...WIN10, x64: false }, n64: 'NA', n32: 'F', rules: ['NET4-003@DotNet4_32', 'NET4-004@DotNet4_32'] },
];

/** Asserts a column: P (Ready, no Warn/Fail), W (Ready with a Warn), F (NotReady), NA. */
function assertColumn(r: Readiness, c: Component, col: Col): void {
  const st = status(r, c);
  if (col === 'NA') return assert.equal(st, 'NotApplicable', `${c}`);
  if (col === 'F') return assert.equal(st, 'NotReady', `${c}: ${JSON.stringify(r.components.find((x) => x.name === c))}`);
  assert.equal(st, 'Ready', `${c}: ${JSON.stringify(r.components.find((x) => x.name === c))}`);
  const warns = r.findings.filter((f) => f.severity === 'Warn' && f.components.includes(c)).length;
  assert.equal(warns > 0, col === 'W', `${c} expected ${col}, found ${warns} warning(s)`);
}

describe('acceptance cases, .NET 4.x columns N64/N32 (docs/domain-facts.md 11) [DOTNET-TLS, DOTNET-VER, HC-REG, CM-CLIENT]', () => {
  for (const c of NET4_CASES) {
    it(`${c.id}: N64 ${c.n64}, N32 ${c.n32}; NET4 Warn/Fail exactly ${c.rules.length === 0 ? 'none' : c.rules.join(', ')}`, () => {
      const r = run(c.spec);
      assert.deepEqual(ids(r, 'NET4-', ['Warn', 'Fail']), [...c.rules].sort());
      const info = ids(r, 'NET4-', ['Info']);
      for (const i of c.info ?? []) assert.ok(info.includes(i), `${i} expected among Info ${JSON.stringify(info)}`);
      assertColumn(r, 'DotNet4', c.n64);
      assertColumn(r, 'DotNet4_32', c.n32);
    });
  }
});
