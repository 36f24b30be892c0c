import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../../core/readiness/facts.js';
import type { Component, Finding, Readiness } from '../../../../core/readiness/model.js';
import { winHttpEffectiveMask } from '../../../../core/readiness/rules/winhttp/common.js';
import { winHttpRules } from '../../../../core/readiness/rules/winhttp/index.js';
import {
  ALL8_ONE, HKLM, V4_ALL_ONE, inetUser, machine, merge, schannel, winhttp, type MachineSpec, type Values,
} from '../../../support/machine.js';

/**
 * TLS365-WINHTTP-001..013 (docs/domain-facts.md 10.2). Every evaluation passes only the WinHTTP rules, so other families'
 * findings are absent: assertions are about WinHTTP findings and the WinHttp / WinHttp32 columns only.
 */

const run = (spec: MachineSpec): Readiness => evaluateSnapshot(machine(spec), { roles: [] }, winHttpRules);
const fired = (r: Readiness, n: string): Finding[] => r.findings.filter((f) => f.ruleId === `TLS365-WINHTTP-${n}`);
const status = (r: Readiness, c: Component): string => r.components.find((x) => x.name === c)?.status ?? 'missing';
const dsp = (view: '64' | '32', value: number | string): Values => ({ [winhttp(view)]: { DefaultSecureProtocols: value } });
const DSP_BOTH = (value: number): Values => merge(dsp('64', value), dsp('32', value));
const W7 = { build: 7601, server: false, csd: 'Service Pack 1' } as const;

/** Acceptance machines of docs/domain-facts.md section 11 (defaults: x64, Release 528040, empty hotfix list, nothing set). */
const A05_VALUES: Values = merge(
  ALL8_ONE,
  DSP_BOTH(0xa00),
  { [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } },
  { [schannel('SSL 3.0', 'Client')]: { Enabled: 0, DisabledByDefault: 1 }, [schannel('SSL 3.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 } },
  { [schannel('SSL 2.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 } },
  { [inetUser]: { SecureProtocols: 0xa80 } },
);
const withoutDsp = (v: Values, views: readonly ('64' | '32')[]): Values => Object.fromEntries(Object.entries(v).filter(([k]) => !views.some((x) => k === winhttp(x))));
const A05: MachineSpec = { ...W7, net35: true, hotfixes: ['KB3140245', 'KB3154518'], values: A05_VALUES };
const W10 = { build: 19045, server: false } as const;

export const ACCEPTANCE: Readonly<Record<string, MachineSpec>> = {
  A01: { ...W10 },
  A04: { ...W7, net35: true },
  A05,
  A06: { ...A05, values: withoutDsp(A05_VALUES, ['64', '32']) },
  A07: { ...A05, values: withoutDsp(A05_VALUES, ['32']) },
  A08: { build: 9200, server: true, release: 394806 },
  A09: { build: 9600, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } }) },
  A10: { build: 14393, values: merge(V4_ALL_ONE, { [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 } }) },
  A11: { build: 17763, server: false, values: merge(V4_ALL_ONE, DSP_BOTH(0x880)) },
  A12: { ...W10, values: merge(V4_ALL_ONE, DSP_BOTH(0x0a0)) },
  A13: { ...W10, values: merge(V4_ALL_ONE, dsp('64', 0xaa8)) },
  A14: { ...W10, values: merge(V4_ALL_ONE, dsp('64', 0x4800)) },
  // InstallationType does not exist on 6.0 (docs/domain-facts.md 6): the server is recognised from ProductName.
  A27: { build: 6002, productName: 'Windows Server (R) 2008 Standard', csd: 'Service Pack 2' },
  A28: { build: 7600, server: false },
  A29: { ...W10, x64: false },
  A33: { ...W10, values: merge(V4_ALL_ONE, { [inetUser]: { SecureProtocols: 0x0a0 } }) },
};

/** `RULE@Component` for every component a finding of the given severities counts against, sorted. */
export function pairs(r: Readiness, family: string, severities: readonly string[]): string[] {
  return r.findings
    .filter((f) => f.ruleId.startsWith(`TLS365-${family}-`) && severities.includes(f.severity))
    .flatMap((f) => f.components.map((c) => `${f.ruleId.replace('TLS365-', '')}@${c}`))
    .sort();
}
/** Cases whose confidence is L in docs/domain-facts.md 11 (they rest on an [unconfirmed] fact): tagged @unconfirmed. */
export const UNCONFIRMED: ReadonlySet<string> = new Set(['A06', 'A10', 'A27', 'A33']);
/** Cases whose WinINet column alone is L ("INet: L"). */
export const UNCONFIRMED_INET: ReadonlySet<string> = new Set(['A04', 'A05', 'A08']);
export const VERDICT: Readonly<Record<string, string>> = { P: 'Ready', W: 'Ready', F: 'NotReady', NA: 'NotApplicable' };

describe('WinHTTP rules (docs/domain-facts.md 10.2)', () => {
  describe('TLS365-WINHTTP-001', () => {
    it('fails each view whose DefaultSecureProtocols lacks 0x800, showing the decoded mask [SEED] [KB3140245]', () => {
      const r = run({ ...W10, values: DSP_BOTH(0xa0) });
      const f = fired(r, '001');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['WinHttp']], ['Fail', ['WinHttp32']]]);
      assert.match(f[0]?.message ?? '', /DefaultSecureProtocols = 0x000000A0 \(Ssl3, Tls10\)/);
      assert.match(f[0]?.message ?? '', /HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp/);
      assert.deepEqual(f[1]?.fix?.changes, [{ op: 'set-dword', key: winhttp('32'), name: 'DefaultSecureProtocols', data: 0xa00 }]);
      assert.equal(f[1]?.fix?.restart, 'reboot');
      assert.deepEqual(f[0]?.sources, ['SEED', 'KB3140245']);
    });
    it('does not fire when TLS 1.2 is in the mask or the value is absent [SEED]', () => {
      assert.equal(fired(run({ ...W10, values: DSP_BOTH(0xa00) }), '001').length, 0);
      assert.equal(fired(run({ ...W10 }), '001').length, 0);
    });
  });

  describe('TLS365-WINHTTP-002', () => {
    it('fails the Wow6432Node view when only the native view has the value on 7601 [KB3140245] [CM-CLIENT]', () => {
      const r = run({ ...W7, hotfixes: ['KB3140245'], values: dsp('64', 0xaa0) });
      const f = fired(r, '002');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['WinHttp32']]]);
      assert.match(f[0]?.message ?? '', /Wow6432Node.*absent/);
      // The native view's protocols are copied without SSL 3.0: a fix never enables SSL.
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: winhttp('32'), name: 'DefaultSecureProtocols', data: 0xa80 }]);
    });
    it('fires on Server 2012 (9200) too, and not when both views are set or on 9600 [KB3140245]', () => {
      assert.equal(fired(run({ build: 9200, hotfixes: ['KB3140245'], values: dsp('64', 0xa00) }), '002').length, 1);
      assert.equal(fired(run({ ...W7, hotfixes: ['KB3140245'], values: DSP_BOTH(0xa00) }), '002').length, 0);
      assert.equal(fired(run({ build: 9600, values: dsp('64', 0xa00) }), '002').length, 0);
    });
    it('has no Wow6432Node view to check on a 32-bit OS [KB3140245]', () => {
      assert.equal(fired(run({ ...W7, x64: false, hotfixes: ['KB3140245'], values: dsp('64', 0xa00) }), '002').length, 0);
    });
  });

  describe('TLS365-WINHTTP-003', () => {
    it('fails once for both views when KB3140245 is not detected, saying "not detected" and naming the rollup case [KB3140245] [SEED] [CM-CLIENT]', () => {
      const r = run({ ...W7 });
      const f = fired(r, '003');
      assert.equal(f.length, 1);
      assert.deepEqual(f[0]?.components, ['WinHttp', 'WinHttp32']);
      assert.equal(f[0]?.severity, 'Fail');
      assert.deepEqual(f[0]?.missingUpdates, ['KB3140245']);
      assert.deepEqual(r.missingUpdates, ['KB3140245']);
      assert.match(f[0]?.message ?? '', /not detected/);
      assert.match(f[0]?.message ?? '', /0x000000A0 \(Ssl3, Tls10\)/);
      assert.match(f[0]?.fix?.text ?? '', /not detected.*rollup/);
      assert.deepEqual(f[0]?.fix?.updates, ['KB3140245']);
      assert.deepEqual(f[0]?.fix?.changes, [
        { op: 'set-dword', key: winhttp('64'), name: 'DefaultSecureProtocols', data: 0xa00 },
        { op: 'set-dword', key: winhttp('32'), name: 'DefaultSecureProtocols', data: 0xa00 },
      ]);
      assert.equal(f[0]?.fix?.restart, 'reboot');
    });
    it('fires on Server 2012 (9200) and for the single view of a 32-bit Windows 7 [KB3140245]', () => {
      assert.equal(fired(run({ build: 9200 }), '003').length, 1);
      const x86 = fired(run({ ...W7, x64: false }), '003');
      assert.deepEqual(x86[0]?.components, ['WinHttp32']);
      assert.deepEqual(x86[0]?.fix?.changes.map((c) => c.key), [winhttp('64')]);
    });
    it('does not fire when the KB is detected from the hotfix list or a CBS package, nor on 9600 [KB3140245]', () => {
      assert.equal(fired(run({ ...W7, hotfixes: ['KB3140245'] }), '003').length, 0);
      assert.equal(fired(run({ ...W7, cbs: ['KB3140245'] }), '003').length, 0);
      assert.equal(fired(run({ build: 9600 }), '003').length, 0);
    });
    it('makes both WinHTTP components Unknown when the input cannot tell whether the KB is installed [KB3140245]', () => {
      const r = run({ ...W7, hotfixes: null, omit: ['cbs'], values: DSP_BOTH(0xa00) });
      assert.equal(fired(r, '003').length, 0);
      assert.equal(status(r, 'WinHttp'), 'Unknown');
      assert.equal(status(r, 'WinHttp32'), 'Unknown');
    });
  });

  describe('TLS365-WINHTTP-004', () => {
    it('fails both views on Windows 7 RTM (7600) and points to SP1 then KB3140245 [KB3140245]', () => {
      const f = fired(run({ build: 7600, server: false }), '004');
      assert.equal(f.length, 1);
      assert.deepEqual(f[0]?.components, ['WinHttp', 'WinHttp32']);
      assert.deepEqual(f[0]?.fix?.updates, ['KB976932', 'KB3140245']);
      assert.match(f[0]?.fix?.text ?? '', /Service Pack 1.*KB3140245/);
    });
    it('does not fire on 7601 [KB3140245]', () => {
      assert.equal(fired(run({ ...W7 }), '004').length, 0);
    });
  });

  describe('TLS365-WINHTTP-005', () => {
    it('fails each view without the value although KB3140245 is installed, citing the seed\'s contrary statement [KB3140245] [WINHTTP-FLAGS] [CM-CLIENT]', () => {
      const f = fired(run({ ...W7, hotfixes: ['KB3140245'] }), '005');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['WinHttp']], ['Fail', ['WinHttp32']]]);
      assert.match(f[0]?.message ?? '', /absent/);
      assert.match(f[0]?.message ?? '', /Microsoft 365 guidance says the contrary/);
      assert.match(f[0]?.message ?? '', /this key is not required/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: winhttp('64'), name: 'DefaultSecureProtocols', data: 0xa00 }]);
      assert.deepEqual(f[0]?.missingUpdates, []);
    });
    it('does not fire when the value is set, when the KB is not detected (003 instead), or on 9600 [KB3140245]', () => {
      assert.equal(fired(run({ ...W7, hotfixes: ['KB3140245'], values: DSP_BOTH(0xa00) }), '005').length, 0);
      assert.equal(fired(run({ ...W7 }), '005').length, 0);
      assert.equal(fired(run({ build: 9600 }), '005').length, 0);
    });
    it('counts a value that is not a REG_DWORD as unusable on 7601 (recreated as a DWORD) [KB3140245]', () => {
      const f = fired(run({ ...W7, hotfixes: ['KB3140245'], values: merge(dsp('64', '0xA00'), dsp('32', '0xA00')) }), '005');
      assert.deepEqual(f.map((x) => x.components), [['WinHttp'], ['WinHttp32']]);
      assert.match(f[0]?.message ?? '', /not a REG_DWORD \(REG_SZ\)/);
      assert.equal(f[0]?.fix?.changes[0]?.op, 'delete-value');
    });
  });

  describe('TLS365-WINHTTP-006', () => {
    it('warns about SSL 2.0/3.0 bits and removes them in the fix [SEED]', () => {
      const f = fired(run({ ...W10, values: dsp('64', 0xaa8) }), '006');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Warn', ['WinHttp']]]);
      assert.match(f[0]?.message ?? '', /SSL 2\.0 and SSL 3\.0/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: winhttp('64'), name: 'DefaultSecureProtocols', data: 0xa80 }]);
    });
    it('does not fire without SSL bits [SEED]', () => {
      assert.equal(fired(run({ ...W10, values: dsp('64', 0xa80) }), '006').length, 0);
    });
  });

  describe('TLS365-WINHTTP-007', () => {
    it('is Info when TLS 1.0 or 1.1 is still offered, with an optional TLS 1.2-only fix [SEED] [M365-ENC]', () => {
      const r = run({ ...W10, values: dsp('32', 0xa00) });
      const f = fired(r, '007');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Info', ['WinHttp32']]]);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: winhttp('32'), name: 'DefaultSecureProtocols', data: 0x800 }]);
      assert.equal(status(r, 'WinHttp32'), 'Ready');
    });
    it('does not fire for TLS 1.2 (+1.3) only [SEED]', () => {
      assert.equal(fired(run({ ...W10, values: DSP_BOTH(0x2800) }), '007').length, 0);
    });
  });

  describe('TLS365-WINHTTP-008', () => {
    it('warns about bits outside 0x2AA8 and rewrites the known TLS bits [SEED] [KB3140245] [WINHTTP-FLAGS]', () => {
      const f = fired(run({ ...W10, values: dsp('64', 0x4800) }), '008');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Warn', ['WinHttp']]]);
      assert.match(f[0]?.message ?? '', /0x00004800 \(Tls12, unknown bits 0x00004000\)/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: winhttp('64'), name: 'DefaultSecureProtocols', data: 0x800 }]);
    });
    it('does not fire for known bits only, TLS 1.3 included [WINHTTP-FLAGS]', () => {
      assert.equal(fired(run({ ...W10, values: dsp('64', 0x2aa8) }), '008').length, 0);
    });
  });

  describe('TLS365-WINHTTP-009', () => {
    it('warns when the value is not a REG_DWORD and recreates it as a DWORD [KB3140245]', () => {
      const f = fired(run({ ...W10, values: dsp('32', '0xA80') }), '009');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Warn', ['WinHttp32']]]);
      assert.match(f[0]?.message ?? '', /REG_SZ/);
      assert.deepEqual(f[0]?.fix?.changes, [
        { op: 'delete-value', key: winhttp('32'), name: 'DefaultSecureProtocols' },
        { op: 'set-dword', key: winhttp('32'), name: 'DefaultSecureProtocols', data: 0xa80 },
      ]);
    });
    it('recreates an unparsable value as 0x00000A00, and does not fire for a DWORD [KB3140245]', () => {
      const f = fired(run({ ...W10, values: dsp('64', 'TLS12') }), '009');
      assert.equal(f[0]?.fix?.changes[1]?.op === 'set-dword' ? f[0].fix.changes[1].data : null, 0xa00);
      assert.equal(fired(run({ ...W10, values: dsp('64', 0xa00) }), '009').length, 0);
    });
  });

  describe('TLS365-WINHTTP-010', () => {
    it('fails both views when TLS 1.2 client is disabled in Schannel, with the SCHANNEL-001 fix [KB3140245]', () => {
      const f = fired(run({ build: 9600, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } } }), '010');
      assert.equal(f.length, 1);
      assert.deepEqual(f[0]?.components, ['WinHttp', 'WinHttp32']);
      assert.match(f[0]?.message ?? '', /Enabled 0x00000000/);
      assert.deepEqual(f[0]?.fix?.changes, [
        { op: 'set-dword', key: schannel('TLS 1.2', 'Client'), name: 'Enabled', data: 1 },
        { op: 'set-dword', key: schannel('TLS 1.2', 'Client'), name: 'DisabledByDefault', data: 0 },
      ]);
    });
    it('fails on Server 2008 SP2 without KB4019276 (NotSupported) and asks for the KB [KB3140245]', () => {
      const f = fired(run(ACCEPTANCE['A27'] as MachineSpec), '010');
      assert.deepEqual(f[0]?.missingUpdates, ['KB4019276']);
      assert.deepEqual(f[0]?.fix?.updates, ['KB4019276']);
    });
    it('is Unknown, not Fail, on Server 2008 SP2 when the input cannot tell whether KB4019276 is installed [KB3140245]', () => {
      const r = run({ ...(ACCEPTANCE['A27'] as MachineSpec), hotfixes: null, omit: ['cbs'] });
      assert.equal(fired(r, '010').length, 0);
      assert.equal(status(r, 'WinHttp'), 'Unknown');
    });
    it('does not fire for DisabledByDefault=1 alone (OffByDefault) [KB3140245]', () => {
      assert.equal(fired(run({ build: 14393, values: { [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 } } }), '010').length, 0);
    });
  });

  describe('TLS365-WINHTTP-011', () => {
    it('warns once for both views on Server 2008 SP2 and lists KB4019276 as missing when not detected [KB4467770] [DOTNET-TLS]', () => {
      const f = fired(run(ACCEPTANCE['A27'] as MachineSpec), '011');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Warn');
      assert.deepEqual(f[0]?.components, ['WinHttp', 'WinHttp32']);
      assert.deepEqual(f[0]?.missingUpdates, ['KB4019276']);
    });
    it('still warns with KB4019276 detected (the WinHTTP update is unconfirmed) but lists nothing missing [KB4467770]', () => {
      const f = fired(run({ ...(ACCEPTANCE['A27'] as MachineSpec), hotfixes: ['KB4019276'] }), '011');
      assert.deepEqual(f[0]?.missingUpdates, []);
      assert.deepEqual(f[0]?.fix?.updates, []);
    });
    it('does not fire on Vista (6002 client) or on 7601 [DOTNET-TLS]', () => {
      assert.equal(fired(run({ build: 6002, productName: 'Windows Vista (TM) Business' }), '011').length, 0);
      assert.equal(fired(run({ ...W7 }), '011').length, 0);
    });
  });

  describe('TLS365-WINHTTP-012', () => {
    it('is Info per view when the value overrides a native default on 9600+ [WINHTTP-FLAGS]', () => {
      const f = fired(run({ build: 9600, values: dsp('64', 0xa00) }), '012');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Info', ['WinHttp']]]);
    });
    it('does not fire on 7601 or without the value [WINHTTP-FLAGS]', () => {
      assert.equal(fired(run({ ...W7, hotfixes: ['KB3140245'], values: DSP_BOTH(0xa00) }), '012').length, 0);
      assert.equal(fired(run({ build: 9600 }), '012').length, 0);
    });
  });

  describe('TLS365-WINHTTP-013', () => {
    it('is Info when 0x2000 is set below build 20348 [PROTOCOLS]', () => {
      const f = fired(run({ ...W10, values: dsp('64', 0x2a00) }), '013');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Info', ['WinHttp']]]);
    });
    it('does not fire on Server 2022 (20348) [PROTOCOLS]', () => {
      assert.equal(fired(run({ build: 20348, values: dsp('64', 0x2a00) }), '013').length, 0);
    });
  });

  describe('effective WinHTTP mask (docs/domain-facts.md 10.2, last paragraph)', () => {
    const eff = (spec: MachineSpec, view: '64' | '32' = '64') => winHttpEffectiveMask(machineFacts(machine(spec)), view);
    it('is the value when honoured: 9600+, or 7601/9200 with KB3140245 [WINHTTP-FLAGS] [KB3140245]', () => {
      assert.deepEqual(eff({ build: 9600, values: dsp('64', 0x800) }), { kind: 'mask', mask: 0x800, basis: 'value' });
      assert.deepEqual(eff({ ...W7, hotfixes: ['KB3140245'], values: dsp('64', 0xa00) }), { kind: 'mask', mask: 0xa00, basis: 'value' });
    });
    it('is the OS default otherwise: 0xA0 on 7600/7601/9200, 0xAA0 on 9600+, 0x2800 on Windows 11 [WINHTTP-FLAGS] [CM-CLIENT]', () => {
      assert.deepEqual(eff({ ...W7, values: dsp('64', 0xa00) }), { kind: 'mask', mask: 0xa0, basis: 'default' });
      assert.deepEqual(eff({ build: 7600 }), { kind: 'mask', mask: 0xa0, basis: 'default' });
      assert.deepEqual(eff({ ...W10 }, '32'), { kind: 'mask', mask: 0xaa0, basis: 'default' });
      assert.deepEqual(eff({ build: 22631, server: false }), { kind: 'mask', mask: 0x2800, basis: 'default' });
    });
    it('is unknown when KB3140245 cannot be checked, or below 7600 [KB3140245]', () => {
      assert.equal(eff({ ...W7, hotfixes: null, omit: ['cbs'], values: dsp('64', 0xa00) }).kind, 'unknown');
      assert.equal(eff(ACCEPTANCE['A27'] as MachineSpec).kind, 'unknown');
    });
  });

  describe('acceptance cases (docs/domain-facts.md 11), WinHTTP rules only: columns H64/H32', () => {
    // "(both)" rules fire once attached to both components: "x2" is counted per component (RULE@Component).
    const x2 = (n: string): string[] => [`WINHTTP-${n}@WinHttp`, `WINHTTP-${n}@WinHttp32`];
    const v64 = (n: string): string => `WINHTTP-${n}@WinHttp`;
    const v32 = (n: string): string => `WINHTTP-${n}@WinHttp32`;
    const cases: readonly { id: string; warnFail: string[]; info: string[]; h64: string; h32: string }[] = [
      { id: 'A01', warnFail: [], info: [], h64: 'P', h32: 'P' },
      { id: 'A04', warnFail: x2('003'), info: [], h64: 'F', h32: 'F' },
      { id: 'A05', warnFail: [], info: x2('007'), h64: 'P', h32: 'P' },
      { id: 'A06', warnFail: x2('005'), info: [], h64: 'F', h32: 'F' },
      { id: 'A07', warnFail: [v32('002'), v32('005')], info: [v64('007')], h64: 'P', h32: 'F' },
      { id: 'A08', warnFail: x2('003'), info: [], h64: 'F', h32: 'F' },
      { id: 'A09', warnFail: x2('010'), info: [], h64: 'F', h32: 'F' },
      { id: 'A10', warnFail: [], info: [], h64: 'P', h32: 'P' },
      { id: 'A11', warnFail: [], info: [...x2('007'), ...x2('012')], h64: 'P', h32: 'P' },
      { id: 'A12', warnFail: [...x2('001'), ...x2('006')], info: [...x2('007'), ...x2('012')], h64: 'F', h32: 'F' },
      { id: 'A13', warnFail: [v64('006')], info: [v64('007'), v64('012')], h64: 'W', h32: 'P' },
      { id: 'A14', warnFail: [v64('008')], info: [v64('012')], h64: 'W', h32: 'P' },
      { id: 'A27', warnFail: [...x2('010'), ...x2('011')], info: [], h64: 'F', h32: 'F' },
      { id: 'A28', warnFail: x2('004'), info: [], h64: 'F', h32: 'F' },
      { id: 'A29', warnFail: [], info: [], h64: 'NA', h32: 'P' },
      { id: 'A33', warnFail: [], info: [], h64: 'P', h32: 'P' },
    ];
    for (const c of cases) {
      it(`${c.id}: WinHTTP Warn/Fail exactly, Info at least, H64 ${c.h64}, H32 ${c.h32} [docs/domain-facts.md 11; SEED, KB3140245, WINHTTP-FLAGS]${UNCONFIRMED.has(c.id) ? ' @unconfirmed' : ''}`, () => {
        const r = run(ACCEPTANCE[c.id] as MachineSpec);
        assert.deepEqual(pairs(r, 'WINHTTP', ['Warn', 'Fail']), [...c.warnFail].sort());
        const info = pairs(r, 'WINHTTP', ['Info']);
        for (const i of c.info) assert.ok(info.includes(i), `${c.id}: expected Info ${i}, got ${info.join(', ')}`);
        assert.equal(status(r, 'WinHttp'), VERDICT[c.h64]);
        assert.equal(status(r, 'WinHttp32'), VERDICT[c.h32]);
      });
    }
    it('A04/A08: MissingUpdates is KB3140245 [KB3140245]', () => {
      assert.deepEqual(run(ACCEPTANCE['A04'] as MachineSpec).missingUpdates, ['KB3140245']);
      assert.deepEqual(run(ACCEPTANCE['A08'] as MachineSpec).missingUpdates, ['KB3140245']);
    });
  });

  it('never writes SSL 2.0/3.0 bits in any fix [SEED]', () => {
    const specs = [...Object.values(ACCEPTANCE), { ...W10, values: DSP_BOTH(0xaa8) }, { ...W10, values: dsp('64', '0xAA8') }];
    for (const s of specs) {
      for (const f of run(s).findings) {
        for (const ch of f.fix?.changes ?? []) {
          if (ch.op === 'set-dword' && ch.name === 'DefaultSecureProtocols') assert.equal(ch.data & 0x28, 0, `${f.ruleId} writes ${ch.data.toString(16)}`);
        }
      }
    }
  });
  it('writes every fix under HKEY_LOCAL_MACHINE [KB3140245]', () => {
    for (const f of run({ ...W7, values: DSP_BOTH(0xa0) }).findings) for (const ch of f.fix?.changes ?? []) assert.ok(ch.key.startsWith(`${HKLM}\\`));
  });
});
