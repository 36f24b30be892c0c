import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import type { Component, Finding, Readiness, RegChange } from '../../../../core/readiness/model.js';
import type { EvaluateOptions } from '../../../../core/readiness/rule.js';
import { schannelRules } from '../../../../core/readiness/rules/schannel/index.js';
import {
  ALL8_ONE, HARDENED_12, HKLM, V4_ALL_ONE, cipherLocal, cipherPolicy, exchangeSetup, fips, inetUser, machine, merge, schannel, winhttp,
  type MachineSpec, type Values,
} from '../../../support/machine.js';

/**
 * The SCHANNEL family (docs/domain-facts.md 10.4) evaluated alone: evaluateSnapshot(machine(...), options, schannelRules).
 * Other families' findings are then absent, so only the SChannelClient / SChannelServer columns are asserted.
 */
const run = (spec: MachineSpec, options: EvaluateOptions = { roles: [] }): Readiness => evaluateSnapshot(machine(spec), options, schannelRules);
const SHORT: Record<string, string> = { SChannelClient: 'C', SChannelServer: 'S' };
/** `003@C`, `011@C+S`: rule number and the components it counts against. */
const tag = (f: Finding): string => `${f.ruleId.replace('TLS365-SCHANNEL-', '')}@${f.components.map((c) => SHORT[c] ?? c).join('+')}`;
const tags = (r: Readiness, keep: (f: Finding) => boolean): string[] => r.findings.filter(keep).map(tag).sort();
const warnFail = (r: Readiness): string[] => tags(r, (f) => f.severity !== 'Info');
const infos = (r: Readiness): string[] => tags(r, (f) => f.severity === 'Info');
const of = (r: Readiness, n: string): Finding[] => r.findings.filter((f) => f.ruleId === `TLS365-SCHANNEL-${n}`);
const one = (r: Readiness, n: string): Finding => {
  const fs = of(r, n);
  assert.equal(fs.length, 1, `expected exactly one SCHANNEL-${n}, got ${fs.map(tag).join(', ') || 'none'}`);
  return fs[0] as Finding;
};
const status = (r: Readiness, c: Component): string => r.components.find((x) => x.name === c)?.status ?? 'missing';
const at = (p: string, role: 'Client' | 'Server', v: Values[string]): Values => ({ [schannel(p, role)]: v });
const dword = (key: string, name: string, data: number): RegChange => ({ op: 'set-dword', key, name, data });
const onPair = (p: string, role: 'Client' | 'Server'): RegChange[] => [dword(schannel(p, role), 'Enabled', 1), dword(schannel(p, role), 'DisabledByDefault', 0)];
const offPair = (p: string, role: 'Client' | 'Server'): RegChange[] => [dword(schannel(p, role), 'Enabled', 0), dword(schannel(p, role), 'DisabledByDefault', 1)];

const W10 = { build: 19045, server: false } as const;
const WS2019 = { build: 17763, server: true } as const;
const WIN7 = { build: 7601, server: false, csd: 'Service Pack 1' } as const;
const A03: MachineSpec = { ...WS2019, net35: true, values: merge(HARDENED_12, ALL8_ONE) };
const withValues = (spec: MachineSpec, ...v: Values[]): MachineSpec => ({ ...spec, values: merge(spec.values ?? {}, ...v) });

describe('SCHANNEL rules (docs/domain-facts.md 10.4)', () => {
  it('has one rule per catalogue id 001..018, each with a title and sources', () => {
    assert.deepEqual(schannelRules.map((r) => r.id), Array.from({ length: 18 }, (_, i) => `TLS365-SCHANNEL-${String(i + 1).padStart(3, '0')}`));
    for (const r of schannelRules) {
      assert.ok(r.title.length > 0);
      assert.ok(r.sources.length > 0);
    }
  });

  describe('SCHANNEL-001: TLS 1.2 Client Enabled = 0 (Fail)', () => {
    it('fires on the client with a fix writing Enabled=1 and DisabledByDefault=0, reboot [TLSREG-2019] [TLSREG-2023]', () => {
      const r = run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 0 })));
      const f = one(r, '001');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual(f.components, ['SChannelClient']);
      assert.match(f.message, /Protocols\\TLS 1\.2\\Client has Enabled = 0/);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Client'));
      assert.equal(f.fix?.restart, 'reboot');
      assert.deepEqual(f.sources, ['TLSREG-2019', 'TLSREG-2023']);
      assert.equal(status(r, 'SChannelClient'), 'NotReady');
    });
    it('does not fire for Enabled=1, an absent value, or a server-only Enabled=0 [TLSREG-2019]', () => {
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 1 }))), '001').length, 0);
      assert.equal(of(run(WS2019), '001').length, 0);
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: 0 }))), '001').length, 0);
    });
    it('does not fire for Enabled of another type ("0" as REG_SZ): SCHANNEL-010 reports that [TLSREG-2023]', () => {
      const r = run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: '0' })));
      assert.equal(of(r, '001').length, 0);
      assert.equal(of(r, '010').length, 1);
    });
  });

  describe('SCHANNEL-002: TLS 1.2 Client DisabledByDefault != 0 (Fail)', () => {
    it('fires for DisabledByDefault=1 with Enabled absent (A10) [TLSREG-2019] [EX-TLS]', () => {
      const f = one(run(withValues({ build: 14393 }, at('TLS 1.2', 'Client', { DisabledByDefault: 1 }))), '002');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual(f.components, ['SChannelClient']);
      assert.match(f.message, /DisabledByDefault = 1/);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Client'), 'both values are written (docs/domain-facts.md 3.3 step 4)');
    });
    it('does not fire for DisabledByDefault=0 or absent [TLSREG-2019]', () => {
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Client', { DisabledByDefault: 0 }))), '002').length, 0);
      assert.equal(of(run(WS2019), '002').length, 0);
    });
  });

  describe('SCHANNEL-003: TLS 1.2 client off by default on 6002/6003/7600/7601 (Fail)', () => {
    it('fires on Windows 7 SP1 with nothing set [PROTOCOLS] [DOTNET-TLS]', () => {
      const f = one(run(WIN7), '003');
      assert.equal(f.severity, 'Fail');
      assert.deepEqual(f.components, ['SChannelClient']);
      assert.match(f.message, /off by default on Windows 7 SP1, build 7601/);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Client'));
    });
    it('fires on Windows 7 SP1 with Enabled=1 alone (DisabledByDefault=0 is required there, docs/domain-facts.md 3.3 step 4) [AADC] [KB3140245]', () => {
      assert.equal(one(run(withValues(WIN7, at('TLS 1.2', 'Client', { Enabled: 1 }))), '003').severity, 'Fail');
    });
    it('fires on Server 2008 SP2 with KB4019276 detected, not without it (TLS 1.2 not supported: OS-002) [DOTNET-TLS]', () => {
      const ws2008 = { build: 6002, productName: 'Windows Server (R) 2008 Standard', csd: 'Service Pack 2' };
      assert.equal(of(run({ ...ws2008, cbs: ['KB4019276'] }), '003').length, 1);
      assert.equal(of(run(ws2008), '003').length, 0);
    });
    it('does not fire once 1/0 is written, on 2012 R2, or for an explicit DisabledByDefault=1 (SCHANNEL-002) [PROTOCOLS]', () => {
      assert.equal(of(run(withValues(WIN7, at('TLS 1.2', 'Client', { Enabled: 1, DisabledByDefault: 0 }))), '003').length, 0);
      assert.equal(of(run({ build: 9600 }), '003').length, 0);
      const r = run(withValues(WIN7, at('TLS 1.2', 'Client', { DisabledByDefault: 1 })));
      assert.deepEqual([of(r, '003').length, of(r, '002').length], [0, 1]);
    });
  });

  describe('SCHANNEL-004: TLS 1.2 Server Enabled = 0 (Warn)', () => {
    it('fires as Warn on the server with an enable fix [TLSREG-2019]', () => {
      const r = run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: 0 })));
      const f = one(r, '004');
      assert.equal(f.severity, 'Warn');
      assert.deepEqual(f.components, ['SChannelServer']);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Server'));
      assert.equal(status(r, 'SChannelServer'), 'Ready', 'Warn keeps the component Ready');
    });
    it('does not fire for Enabled=1 or for the client key [TLSREG-2019]', () => {
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: 1, DisabledByDefault: 0 }))), '004').length, 0);
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 0 }))), '004').length, 0);
    });
  });

  describe('SCHANNEL-005: TLS 1.2 Server off by default (Warn)', () => {
    it('fires on Windows 7 SP1 by default and for an explicit DisabledByDefault=1 on Server 2019 [PROTOCOLS] [AADC]', () => {
      assert.equal(one(run(WIN7), '005').severity, 'Warn');
      const f = one(run(withValues(WS2019, at('TLS 1.2', 'Server', { DisabledByDefault: 1 }))), '005');
      assert.deepEqual(f.components, ['SChannelServer']);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Server'));
    });
    it('does not fire on Server 2019 by default, nor when Enabled=0 (Disabled: SCHANNEL-004) [PROTOCOLS]', () => {
      assert.equal(of(run(WS2019), '005').length, 0);
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: 0, DisabledByDefault: 1 }))), '005').length, 0);
    });
  });

  describe('SCHANNEL-006: SSL 2.0 on (Warn, per role)', () => {
    it('fires for the server only on Windows 7 (default Server On, Client Off) and the fix turns it off [PROTOCOLS] [TLSREG-2019]', () => {
      const f = one(run(WIN7), '006');
      assert.deepEqual([f.severity, f.components], ['Warn', ['SChannelServer']]);
      assert.deepEqual(f.fix?.changes, offPair('SSL 2.0', 'Server'));
    });
    it('fires for a client Enabled=1 on 2012 R2; never on Server 2016+ where SSL 2.0 is not supported [PROTOCOLS] [SCHCRED]', () => {
      assert.deepEqual(tags(run(withValues({ build: 9600 }, at('SSL 2.0', 'Client', { Enabled: 1 }))), (f) => f.ruleId.endsWith('006')), ['006@C']);
      assert.equal(of(run(withValues({ build: 14393 }, at('SSL 2.0', 'Client', { Enabled: 1 }), at('SSL 2.0', 'Server', { Enabled: 1 }))), '006').length, 0);
    });
    it('does not fire once SSL 2.0 Server is 0/1 [TLSREG-2019]', () => {
      assert.equal(of(run(withValues(WIN7, at('SSL 2.0', 'Server', { Enabled: 0, DisabledByDefault: 1 }))), '006').length, 0);
    });
  });

  describe('SCHANNEL-007: SSL 3.0 on (Warn, per role)', () => {
    it('fires for both roles below 14393 by default [PROTOCOLS] [SEED]', () => {
      assert.deepEqual(tags(run({ build: 9600 }), (f) => f.ruleId.endsWith('007')), ['007@C', '007@S']);
    });
    it('fires for the client when Enabled=1 alone overrides the default Off on 17763 (A21); the fix only turns SSL off [PROTOCOLS] [TLSREG-2023]', () => {
      const f = one(run(withValues({ build: 17763, server: false }, at('SSL 3.0', 'Client', { Enabled: 1 }))), '007');
      assert.deepEqual(f.components, ['SChannelClient']);
      assert.deepEqual(f.fix?.changes, offPair('SSL 3.0', 'Client'));
    });
    it('does not fire on 14393+ by default, nor once 0/1 is written [PROTOCOLS]', () => {
      assert.equal(of(run({ build: 14393 }), '007').length, 0);
      assert.equal(of(run(withValues({ build: 9600 }, at('SSL 3.0', 'Client', { Enabled: 0, DisabledByDefault: 1 }), at('SSL 3.0', 'Server', { Enabled: 0, DisabledByDefault: 1 }))), '007').length, 0);
    });
  });

  describe('SCHANNEL-008: TLS 1.0/1.1 still on (Info, per role)', () => {
    it('fires once per role, naming which of TLS 1.0/1.1 are on [SEED] [HC-AN]', () => {
      const r = run(withValues(WS2019, at('TLS 1.0', 'Server', { Enabled: 0, DisabledByDefault: 1 })));
      assert.deepEqual(infos(r).filter((t) => t.startsWith('008')), ['008@C', '008@S']);
      const [client, server] = [of(r, '008').find((f) => f.components[0] === 'SChannelClient'), of(r, '008').find((f) => f.components[0] === 'SChannelServer')];
      assert.match(client?.message ?? '', /^TLS 1\.0 and TLS 1\.1 are still on for the Schannel client role/);
      assert.match(server?.message ?? '', /^TLS 1\.1 is still on for the Schannel server role/);
      assert.equal(client?.severity, 'Info');
    });
    it('the fix disables TLS 1.0 and 1.1 for that role and warns to remove dependencies first [SEED] [EX-TLS]', () => {
      const f = of(run(WS2019), '008').find((x) => x.components[0] === 'SChannelClient');
      assert.deepEqual(f?.fix?.changes, [...offPair('TLS 1.0', 'Client'), ...offPair('TLS 1.1', 'Client')]);
      assert.match(f?.fix?.text ?? '', /^Warning: first remove every dependency on TLS 1\.0\/1\.1/);
    });
    it('offers no registry change while TLS 1.2 is not on for that role (Windows 7), so the role is never left without a protocol [PROTOCOLS]', () => {
      const f = of(run(WIN7), '008').find((x) => x.components[0] === 'SChannelClient');
      assert.match(f?.message ?? '', /^TLS 1\.0 is still on/, 'TLS 1.1 is off by default on Windows 7');
      assert.deepEqual(f?.fix?.changes, []);
      assert.match(f?.fix?.text ?? '', /Turn TLS 1\.2 on for the client role first/);
    });
    it('skips default-based firing on builds >= 22000 (A32), but reports an explicit Enabled=1 there [WIN-DEPR]', () => {
      assert.equal(of(run({ build: 22631, server: false }), '008').length, 0);
      assert.deepEqual(tags(run(withValues({ build: 22631, server: false }, at('TLS 1.0', 'Client', { Enabled: 1, DisabledByDefault: 0 }))), (f) => f.ruleId.endsWith('008')), ['008@C']);
    });
    it('does not fire when TLS 1.0 and 1.1 are 0/1 for both roles (A30) [SEED]', () => {
      assert.equal(of(run(withValues(W10, HARDENED_12)), '008').length, 0);
    });
  });

  describe('SCHANNEL-009: TLS 1.3 values on an OS without TLS 1.3 (Info)', () => {
    it('fires per role on Server 2019 when the TLS 1.3 key holds values [PROTOCOLS]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.3', 'Client', { Enabled: 1, DisabledByDefault: 0 }))), '009');
      assert.deepEqual([f.severity, f.components, f.fix], ['Info', ['SChannelClient'], null]);
      assert.match(f.message, /no effect/);
    });
    it('does not fire on Server 2022, nor without values [PROTOCOLS] [HC-AN]', () => {
      assert.equal(of(run(withValues({ build: 20348 }, at('TLS 1.3', 'Server', { Enabled: 1, DisabledByDefault: 0 }))), '009').length, 0);
      assert.equal(of(run(withValues(WS2019, at('TLS 1.3', 'Client', {}))), '009').length, 0);
    });
  });

  describe('SCHANNEL-010: protocol value not REG_DWORD (Warn, per role)', () => {
    it('fires on the role and rewrites a clear number as a DWORD [TLSREG-2023]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: '1', DisabledByDefault: '0x0' }))), '010');
      assert.deepEqual([f.severity, f.components], ['Warn', ['SChannelServer']]);
      assert.match(f.message, /Enabled is REG_SZ \(not REG_DWORD\)/);
      assert.deepEqual(f.fix?.changes, [dword(schannel('TLS 1.2', 'Server'), 'Enabled', 1), dword(schannel('TLS 1.2', 'Server'), 'DisabledByDefault', 0)]);
    });
    it('never rewrites an SSL value into "on": SSL keys get the off pair [TLSREG-2023] [SEED]', () => {
      const f = one(run(withValues(WS2019, at('SSL 3.0', 'Client', { Enabled: '1' }))), '010');
      assert.deepEqual(f.fix?.changes, offPair('SSL 3.0', 'Client'));
    });
    it('leaves a value with no clear number to the admin [TLSREG-2023]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: { type: 'REG_BINARY', data: '01' } }))), '010');
      assert.deepEqual(f.fix?.changes, []);
      assert.match(f.fix?.text ?? '', /TLS 1\.2\\Client Enabled hold no clear number/);
    });
    it('does not fire when every value is a DWORD [TLSREG-2023]', () => {
      assert.equal(of(run(A03), '010').length, 0);
    });
  });

  describe('SCHANNEL-011: Client and Server differ (Warn)', () => {
    it('fires on both components when both keys hold values and the states differ, and re-enables TLS 1.2 on both [HC-AN]', () => {
      const r = run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 1, DisabledByDefault: 0 }), at('TLS 1.2', 'Server', { Enabled: 0, DisabledByDefault: 1 })));
      const f = one(r, '011');
      assert.deepEqual([f.severity, f.components], ['Warn', ['SChannelClient', 'SChannelServer']]);
      assert.match(f.message, /TLS 1\.2 Client on .* but Server disabled/);
      assert.deepEqual(f.fix?.changes, [...onPair('TLS 1.2', 'Client'), ...onPair('TLS 1.2', 'Server')]);
    });
    it('does not fire when one role has no values (A31), nor when both agree (hardened-12) [HC-AN]', () => {
      assert.equal(of(run(withValues(WS2019, at('TLS 1.0', 'Server', { Enabled: 0, DisabledByDefault: 0 }))), '011').length, 0);
      assert.equal(of(run(A03), '011').length, 0);
    });
    it('leaves the direction to the admin for TLS 1.0/1.1 [HC-AN]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.0', 'Client', { Enabled: 1, DisabledByDefault: 0 }), at('TLS 1.0', 'Server', { Enabled: 0, DisabledByDefault: 1 }))), '011');
      assert.deepEqual(f.fix?.changes, []);
      assert.match(f.fix?.text ?? '', /for TLS 1\.0/);
    });
  });

  describe('SCHANNEL-012: "half disabled" (Warn, per role)', () => {
    it('fires for Enabled=0 with DisabledByDefault=0 (A31) and writes the off pair [HC-DOC] [HC-REG]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.0', 'Server', { Enabled: 0, DisabledByDefault: 0 }))), '012');
      assert.deepEqual([f.severity, f.components], ['Warn', ['SChannelServer']]);
      assert.deepEqual(f.fix?.changes, offPair('TLS 1.0', 'Server'));
    });
    it('fires for Enabled!=0 with DisabledByDefault!=0; TLS 1.2 is written on, SSL off [HC-REG]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 1, DisabledByDefault: 1 }), at('SSL 3.0', 'Client', { Enabled: 1, DisabledByDefault: 1 }))), '012');
      assert.deepEqual(f.fix?.changes, [...offPair('SSL 3.0', 'Client'), ...onPair('TLS 1.2', 'Client')]);
    });
    it('does not fire for consistent pairs or a lone Enabled=0 [HC-REG]', () => {
      assert.equal(of(run(A03), '012').length, 0);
      assert.equal(of(run(withValues(WS2019, at('TLS 1.2', 'Client', { Enabled: 0 }))), '012').length, 0);
    });
  });

  describe('SCHANNEL-013: FIPS policy (Info, client)', () => {
    it('fires for Lsa\\FipsAlgorithmPolicy Enabled=1 (A22) [M365-ENC] [TLSREG-2019]', () => {
      const f = one(run(withValues(A03, { [fips]: { Enabled: 1 } })), '013');
      assert.deepEqual([f.severity, f.components, f.fix], ['Info', ['SChannelClient'], null]);
      assert.match(f.message, /Lsa\\FipsAlgorithmPolicy Enabled = 1/);
    });
    it('reads the older Lsa FIPSAlgorithmPolicy DWORD, and the sub-key wins over it [TLSREG-2019]', () => {
      const lsa = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Lsa`;
      assert.equal(of(run(withValues(A03, { [lsa]: { FIPSAlgorithmPolicy: 1 } })), '013').length, 1);
      assert.equal(of(run(withValues(A03, { [lsa]: { FIPSAlgorithmPolicy: 1 } }, { [fips]: { Enabled: 0 } })), '013').length, 0);
    });
    it('does not fire without a FIPS value [M365-ENC]', () => {
      assert.equal(of(run(A03), '013').length, 0);
    });
  });

  describe('SCHANNEL-014/015/016: cipher-suite list', () => {
    const gpo = (list: string): Values => ({ [cipherPolicy]: { Functions: list } });
    it('014 fires (Fail) when the GPO list holds no Microsoft 365 suite (A23), adding the ECDHE GCM suites on Windows 10+ [M365-ENC] [HC-CIPHER]', () => {
      const r = run(withValues(A03, gpo('TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_SHA')));
      const f = one(r, '014');
      assert.deepEqual([f.severity, f.components], ['Fail', ['SChannelClient']]);
      assert.deepEqual(f.fix?.changes, [{ op: 'set-string', key: cipherPolicy, name: 'Functions', data: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' }]);
      assert.equal(status(r, 'SChannelClient'), 'NotReady');
    });
    it('014 on Windows 7 adds the ECDHE_RSA CBC SHA384/SHA256 suites with their P-256/P-384 suffixes (what Azure Front Door keeps for 7/8/8.1 since it dropped DHE on 2026-04-01) and the RSA GCM ones, which exist there [M365-ENC] [AFD-DHE] [CS-WIN7]', () => {
      const f = one(run(withValues(WIN7, gpo('TLS_RSA_WITH_AES_128_CBC_SHA'))), '014');
      const data = (f.fix?.changes[0] as { data: string }).data;
      assert.equal(data, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA');
    });
    it('strips the _P256/_P384/_P521 curve suffix before comparing (an ECDHE CBC suite of 2012 R2 counts) [HC-CIPHER] [M365-ENC]', () => {
      const r = run(withValues({ build: 9600 }, gpo('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')));
      assert.equal(of(r, '014').length, 0);
      assert.equal(of(r, '015').length, 0);
    });
    it('reads the local REG_MULTI_SZ list, splitting elements that hold commas, when there is no GPO list [HC-CIPHER]', () => {
      const local = { [cipherLocal]: { Functions: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_MD5', 'TLS_RSA_WITH_NULL_SHA'] } };
      const f = one(run(withValues(A03, local)), '014');
      assert.match(f.message, /Local\\SSL\\00010002 Functions \(local list, no Group Policy list\)/);
      assert.deepEqual(tags(run(withValues(A03, local)), (x) => x.ruleId.endsWith('016')), ['016@C']);
    });
    it('the GPO list wins over the local list [HC-CIPHER]', () => {
      const both = merge({ [cipherLocal]: { Functions: ['TLS_RSA_WITH_3DES_EDE_CBC_SHA'] } }, gpo('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'));
      const r = run(withValues(A03, both));
      assert.deepEqual(warnFail(r), []);
      assert.equal(of(r, '016').length, 0);
    });
    it('no list (and an empty one) means the OS default order: 014-016 stay silent [HC-CIPHER]', () => {
      assert.deepEqual(tags(run(A03), (f) => /01[456]$/.test(f.ruleId)), []);
      assert.deepEqual(tags(run(withValues(A03, gpo(' '))), (f) => /01[456]$/.test(f.ruleId)), []);
    });
    it('015 fires (Warn) for M365 suites without any ECDHE/DHE GCM suite (A24) [M365-ENC]', () => {
      const f = one(run(withValues(A03, gpo('TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256'))), '015');
      assert.deepEqual([f.severity, f.components], ['Warn', ['SChannelClient']]);
      assert.equal((f.fix?.changes[0] as { data: string }).data, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256');
    });
    it('015 on 2012 R2 adds the ECDHE_RSA CBC SHA384/SHA256 suites (the DHE GCM advice is obsolete since 2026-04-01); it fires for a DHE-GCM-only list and not once an ECDHE suite Azure Front Door accepts is listed [M365-ENC] [AFD-DHE]', () => {
      const f = one(run(withValues({ build: 9600 }, gpo('TLS_RSA_WITH_AES_256_GCM_SHA384'))), '015');
      assert.match((f.fix?.changes[0] as { data: string }).data, /^TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256_P384,TLS_RSA_WITH_AES_256_GCM_SHA384$/);
      assert.equal(of(run(withValues({ build: 9600 }, gpo('TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'))), '015').length, 1);
      assert.equal(of(run(withValues(A03, gpo('TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'))), '015').length, 0);
    });
    it('016 fires (Info) for 3DES or RC4 next to good suites and removes them; the three fixes write the same list [M365-ENC]', () => {
      const r = run(withValues(A03, gpo('TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_RC4_128_SHA,TLS_RSA_WITH_3DES_EDE_CBC_SHA')));
      const f16 = one(r, '016');
      const f15 = one(r, '015');
      assert.equal(f16.severity, 'Info');
      assert.deepEqual(f16.fix?.changes, f15.fix?.changes);
      assert.equal((f16.fix?.changes[0] as { data: string }).data, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384');
    });
    it('016 does not fire for a list without 3DES or RC4 [M365-ENC]', () => {
      assert.equal(of(run(withValues(A03, gpo('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'))), '016').length, 0);
    });
  });

  describe('SCHANNEL-017: event logging for discovery (Info, only with discovery)', () => {
    const key = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL`;
    it('fires when discovery is asked and EventLogging is absent or lacks bit 4 [TLSREG-2023]', () => {
      const f = one(run(WS2019, { roles: [], discovery: true }), '017');
      assert.equal(f.severity, 'Info');
      assert.match(f.message, /EventLogging absent \(default 1, errors only\)/);
      assert.deepEqual(f.fix?.changes, [dword(key, 'EventLogging', 7)]);
      assert.equal(f.fix?.restart, 'reboot');
      assert.equal(of(run(withValues(WS2019, { [key]: { EventLogging: 3 } }), { roles: [], discovery: true }), '017').length, 1);
    });
    it('does not fire without discovery, or when EventLogging has bit 4 [TLSREG-2023]', () => {
      assert.equal(of(run(WS2019), '017').length, 0);
      assert.equal(of(run(WS2019, { roles: [], discovery: false }), '017').length, 0);
      assert.equal(of(run(withValues(WS2019, { [key]: { EventLogging: 4 } }), { roles: [], discovery: true }), '017').length, 0);
    });
  });

  describe('SCHANNEL-018: Enabled = 0xFFFFFFFF (Info, per role)', () => {
    it('fires per role and rewrites Enabled as 1 (DisabledByDefault written 0 when absent) [TLSREG-2023] [HC-REG]', () => {
      const f = one(run(withValues(WS2019, at('TLS 1.2', 'Server', { Enabled: 0xffffffff }))), '018');
      assert.deepEqual([f.severity, f.components], ['Info', ['SChannelServer']]);
      assert.match(f.message, /Enabled = 0xFFFFFFFF/);
      assert.deepEqual(f.fix?.changes, onPair('TLS 1.2', 'Server'));
    });
    it('never rewrites an SSL key as enabled [SEED] [TLSREG-2023]', () => {
      const f = one(run(withValues(WS2019, at('SSL 3.0', 'Client', { Enabled: 0xffffffff }))), '018');
      assert.deepEqual(f.fix?.changes, []);
    });
    it('does not fire for Enabled = 1 [TLSREG-2023]', () => {
      assert.equal(of(run(A03), '018').length, 0);
    });
  });

  describe('input the rules need', () => {
    it('without the SCHANNEL key the components are Unknown and no protocol finding is guessed [TLSREG-2023]', () => {
      const r = run({ build: 7601, server: false, omit: ['schannel'] });
      assert.equal(status(r, 'SChannelClient'), 'Unknown');
      assert.equal(status(r, 'SChannelServer'), 'Unknown');
      assert.deepEqual(r.findings, []);
    });
  });
});

interface Case {
  readonly id: string;
  readonly spec: MachineSpec;
  readonly sc?: 'P' | 'W' | 'F';
  readonly ss?: 'P' | 'W' | 'F';
  /** Exact Warn/Fail SCHANNEL findings, as `rule@components`. */
  readonly warnFail: readonly string[];
  /** Info findings that must be there (at least). */
  readonly info: readonly string[];
  /** No Info finding either (A30, A32). */
  readonly noInfo?: boolean;
  readonly tags: string;
}

const CASES: readonly Case[] = [
  { id: 'A01', spec: W10, sc: 'P', ss: 'P', warnFail: [], info: ['008@C', '008@S'], tags: '[SEED] [PROTOCOLS]' },
  { id: 'A02', spec: withValues(W10, V4_ALL_ONE), sc: 'P', ss: 'P', warnFail: [], info: ['008@C', '008@S'], tags: '[SEED] [PROTOCOLS]' },
  { id: 'A03', spec: A03, sc: 'P', ss: 'P', warnFail: [], info: [], noInfo: true, tags: '[TLSREG-2019] [PROTOCOLS]' },
  { id: 'A04', spec: { ...WIN7, net35: true }, sc: 'F', ss: 'W', warnFail: ['003@C', '005@S', '006@S', '007@C', '007@S'], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [DOTNET-TLS] [KB3140245]' },
  {
    id: 'A05',
    spec: withValues({ ...WIN7, net35: true, hotfixes: ['KB3140245', 'KB3154518'] }, ALL8_ONE,
      { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 }, [winhttp('32')]: { DefaultSecureProtocols: 0xa00 }, [inetUser]: { SecureProtocols: 0xa80 } },
      at('TLS 1.2', 'Client', { Enabled: 1, DisabledByDefault: 0 }), at('TLS 1.2', 'Server', { Enabled: 1, DisabledByDefault: 0 }),
      at('SSL 3.0', 'Client', { Enabled: 0, DisabledByDefault: 1 }), at('SSL 3.0', 'Server', { Enabled: 0, DisabledByDefault: 1 }),
      at('SSL 2.0', 'Server', { Enabled: 0, DisabledByDefault: 1 })),
    sc: 'P', ss: 'P', warnFail: [], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [AADC] [TLSREG-2019]',
  },
  { id: 'A08', spec: { build: 9200, release: 394806 }, sc: 'W', ss: 'W', warnFail: ['007@C', '007@S'], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [SEED]' },
  { id: 'A09', spec: withValues({ build: 9600 }, V4_ALL_ONE, at('TLS 1.2', 'Client', { Enabled: 0 })), sc: 'F', ss: 'W', warnFail: ['001@C', '007@C', '007@S'], info: ['008@C', '008@S'], tags: '[TLSREG-2019] [PROTOCOLS]' },
  { id: 'A10', spec: withValues({ build: 14393 }, V4_ALL_ONE, at('TLS 1.2', 'Client', { DisabledByDefault: 1 })), sc: 'F', ss: 'P', warnFail: ['002@C'], info: ['008@C', '008@S'], tags: '[TLSREG-2019] [EX-TLS]' },
  { id: 'A15', spec: { build: 9600, release: 379893 }, sc: 'W', ss: 'W', warnFail: ['007@C', '007@S'], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [SEED]' },
  { id: 'A18', spec: withValues({ build: 9600, net35: true }, V4_ALL_ONE), sc: 'W', ss: 'W', warnFail: ['007@C', '007@S'], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [SEED]' },
  { id: 'A21', spec: withValues({ build: 17763, server: false }, V4_ALL_ONE, at('SSL 3.0', 'Client', { Enabled: 1 })), sc: 'W', ss: 'P', warnFail: ['007@C'], info: ['008@C', '008@S'], tags: '[PROTOCOLS] [TLSREG-2023]' },
  { id: 'A22', spec: withValues(A03, { [fips]: { Enabled: 1 } }), sc: 'P', ss: 'P', warnFail: [], info: ['013@C'], tags: '[M365-ENC] [TLSREG-2019]' },
  { id: 'A23', spec: withValues(A03, { [cipherPolicy]: { Functions: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_SHA' } }), sc: 'F', ss: 'P', warnFail: ['014@C'], info: ['016@C'], tags: '[M365-ENC] [HC-CIPHER]' },
  { id: 'A24', spec: withValues(A03, { [cipherPolicy]: { Functions: 'TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256' } }), sc: 'W', ss: 'P', warnFail: ['015@C'], info: [], tags: '[M365-ENC]' },
  // A25: SC/SS are F there because of EXCH-001/EXCH-004, not SCHANNEL rules: assert only that no SCHANNEL Warn/Fail
  // fires (TLS 1.3\Client is absent, so SCHANNEL-011 does not compare TLS 1.3; 2022 supports TLS 1.3, so no 009).
  {
    id: 'A25',
    spec: withValues({ build: 20348, net35: true }, HARDENED_12, ALL8_ONE, at('TLS 1.3', 'Server', { Enabled: 1, DisabledByDefault: 0 }),
      { [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 } }),
    warnFail: [], info: [], tags: '[HC-AN] [PROTOCOLS]',
  },
  // A28 lists only SCHANNEL-003 for the SC column; by 10.4's own conditions 7600 also has SSL 2.0 Server and SSL 3.0
  // on by default and TLS 1.2 Server off by default (as in A04), so 005/006/007 fire too (reported as a catalogue gap).
  { id: 'A28', spec: { build: 7600, server: false }, sc: 'F', warnFail: ['003@C', '005@S', '006@S', '007@C', '007@S'], info: ['008@C'], tags: '[KB3140245] [PROTOCOLS]' },
  { id: 'A30', spec: withValues(W10, V4_ALL_ONE, HARDENED_12), sc: 'P', ss: 'P', warnFail: [], info: [], noInfo: true, tags: '[SEED] [PROTOCOLS]' },
  { id: 'A31', spec: withValues(WS2019, V4_ALL_ONE, at('TLS 1.0', 'Server', { Enabled: 0, DisabledByDefault: 0 })), sc: 'P', ss: 'W', warnFail: ['012@S'], info: ['008@C', '008@S'], tags: '[HC-DOC] [HC-REG]' },
  { id: 'A32', spec: withValues({ build: 22631, server: false }, V4_ALL_ONE), sc: 'P', ss: 'P', warnFail: [], info: [], noInfo: true, tags: '[WIN-DEPR] [PROTOCOLS]' },
];

const VERDICT = { P: 'Ready', W: 'Ready', F: 'NotReady' } as const;
const WORST = { P: 'Pass', W: 'Warn', F: 'Fail' } as const;

describe('SCHANNEL acceptance cases (docs/domain-facts.md 11, columns SC and SS only)', () => {
  for (const c of CASES) {
    it(`${c.id}: SC ${c.sc ?? '-'}, SS ${c.ss ?? '-'}; Warn/Fail exactly [${c.warnFail.join(', ')}] ${c.tags}`, () => {
      const r = run(c.spec);
      assert.deepEqual(warnFail(r), [...c.warnFail].sort());
      const got = infos(r);
      for (const i of c.info) assert.ok(got.includes(i), `${c.id}: expected Info ${i}, got ${got.join(', ') || 'none'}`);
      if (c.noInfo === true) assert.deepEqual(got, []);
      for (const [col, comp] of [[c.sc, 'SChannelClient'], [c.ss, 'SChannelServer']] as const) {
        if (col === undefined) continue;
        assert.equal(status(r, comp), VERDICT[col], `${c.id} ${comp}`);
        const mine = r.findings.filter((f) => f.components.includes(comp) && f.severity !== 'Info');
        const worst = mine.some((f) => f.severity === 'Fail') ? 'Fail' : mine.length > 0 ? 'Warn' : 'Pass';
        assert.equal(worst, WORST[col], `${c.id} ${comp} worst severity`);
      }
    });
  }

  it('A05: SCHANNEL-008 names TLS 1.0 only (TLS 1.1 is off by default on Windows 7) [PROTOCOLS]', () => {
    const a05 = CASES.find((c) => c.id === 'A05') as Case;
    for (const f of of(run(a05.spec), '008')) {
      assert.match(f.message, /^TLS 1\.0 is still on/);
      assert.doesNotMatch(f.message, /TLS 1\.1\\/);
    }
  });

  it('A31: SCHANNEL-008 names TLS 1.0 and 1.1 for the client, TLS 1.1 only for the server [HC-AN] [SEED]', () => {
    const a31 = CASES.find((c) => c.id === 'A31') as Case;
    const r = run(a31.spec);
    assert.match(of(r, '008').find((f) => f.components[0] === 'SChannelClient')?.message ?? '', /^TLS 1\.0 and TLS 1\.1 are still on/);
    assert.match(of(r, '008').find((f) => f.components[0] === 'SChannelServer')?.message ?? '', /^TLS 1\.1 is still on/);
  });

  it('every finding names a full HKEY_LOCAL_MACHINE path and its sources, and no fix ever turns SSL 2.0/3.0 on [SEED] [TLSREG-2019]', () => {
    const extra: MachineSpec[] = [
      withValues(WS2019, at('SSL 3.0', 'Client', { Enabled: 0xffffffff, DisabledByDefault: 1 }), at('SSL 2.0', 'Server', { Enabled: '1' }), at('SSL 3.0', 'Server', { Enabled: 0, DisabledByDefault: 0 })),
      withValues({ build: 9600 }, at('SSL 2.0', 'Client', { Enabled: 1, DisabledByDefault: 1 }), at('SSL 3.0', 'Server', { DisabledByDefault: '0' })),
    ];
    for (const spec of [...CASES.map((c) => c.spec), ...extra]) {
      for (const f of run(spec, { roles: [], discovery: true }).findings) {
        assert.match(f.message, /HKEY_LOCAL_MACHINE\\/, f.ruleId);
        assert.ok(f.sources.length > 0, f.ruleId);
        for (const ch of f.fix?.changes ?? []) {
          assert.ok(ch.key.startsWith('HKEY_LOCAL_MACHINE\\'), ch.key);
          if (/\\Protocols\\SSL [23]\.0\\/.test(ch.key) && ch.op === 'set-dword') {
            assert.equal(ch.data, ch.name === 'Enabled' ? 0 : 1, `${f.ruleId} writes ${ch.name}=${ch.data} under ${ch.key}`);
          }
        }
      }
    }
  });
});
