import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import type { Finding, Readiness } from '../../../../core/readiness/model.js';
import { winInetRules } from '../../../../core/readiness/rules/wininet/index.js';
import { HKCU, HKLM, inetPolicy, inetUser, machine, schannel, type MachineSpec } from '../../../support/machine.js';
import { ACCEPTANCE, UNCONFIRMED, UNCONFIRMED_INET, VERDICT, pairs } from './winhttp.test.js';

/**
 * TLS365-WININET-001..004 (docs/domain-facts.md 10.3). Every evaluation passes only the WinINet rules, so other families'
 * findings are absent: assertions are about WinINet findings and the WinInet column only.
 */

const run = (spec: MachineSpec): Readiness => evaluateSnapshot(machine(spec), { roles: [] }, winInetRules);
const fired = (r: Readiness, n: string): Finding[] => r.findings.filter((f) => f.ruleId === `TLS365-WININET-${n}`);
const inet = (r: Readiness): string => r.components.find((c) => c.name === 'WinInet')?.status ?? 'missing';
const W10 = { build: 19045, server: false } as const;
const HKCU_POLICY = `${HKCU}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`;
const HKLM_PREF = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`;
const sp = (key: string, value: number | string) => ({ [key]: { SecureProtocols: value } });

describe('WinINet rules (docs/domain-facts.md 10.3)', () => {
  describe('TLS365-WININET-001', () => {
    it('fails when the effective SecureProtocols lacks 0x800, naming where it was read [INETRES]', () => {
      const r = run({ ...W10, values: sp(inetUser, 0xa0) });
      const f = fired(r, '001');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['WinInet']]]);
      assert.match(f[0]?.message ?? '', /SecureProtocols = 0x000000A0 \(Ssl3, Tls10\)/);
      assert.match(f[0]?.message ?? '', /HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings/);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: inetUser, name: 'SecureProtocols', data: 0xa80 }]);
      assert.equal(f[0]?.fix?.restart, 'apps');
      assert.equal(inet(r), 'NotReady');
    });
    it('says a per-user value is the collecting account\'s, not the machine\'s (HKCU is SYSTEM\'s under ConfigMgr, the admin\'s when remote; issue 12)', () => {
      const collected = evaluateSnapshot({ ...machine({ ...W10, values: sp(inetUser, 0xa0) }), source: 'Remote', account: 'NT AUTHORITY\\SYSTEM' }, { roles: [] }, winInetRules);
      assert.match(fired(collected, '001')[0]?.message ?? '', /per-user: it is the account NT AUTHORITY\\SYSTEM that collected this input's setting, not the machine's, and other users may differ/);
      const image = run({ ...W10, values: sp(inetUser, 0xa0) });
      assert.match(fired(image, '001')[0]?.message ?? '', /per-user: it is the account that exported this image's setting, not the machine's/);
      const machineWide = run({ ...W10, values: sp(HKLM_PREF, 0xa0) });
      assert.doesNotMatch(fired(machineWide, '001')[0]?.message ?? '', /per-user/);
    });
    it('does not fire when the value has TLS 1.2, or is absent [INETRES]', () => {
      assert.equal(fired(run({ ...W10, values: sp(inetUser, 0xa80) }), '001').length, 0);
      assert.equal(fired(run({ ...W10 }), '001').length, 0);
    });
    it('reads the locations in TLS365\'s order: HKLM policy, HKCU policy, HKCU, HKLM [INETRES] [TLS365]', () => {
      // A higher location with TLS 1.2 hides a lower one without it...
      assert.equal(fired(run({ ...W10, values: { ...sp(inetPolicy, 0xa80), ...sp(inetUser, 0xa0) } }), '001').length, 0);
      assert.equal(fired(run({ ...W10, values: { ...sp(HKCU_POLICY, 0x800), ...sp(inetUser, 0xa0) } }), '001').length, 0);
      assert.equal(fired(run({ ...W10, values: { ...sp(inetUser, 0xa00), ...sp(HKLM_PREF, 0xa0) } }), '001').length, 0);
      // ...and a higher one without it wins over a lower one with it; the fix then points to the policy.
      const f = fired(run({ ...W10, values: { ...sp(inetPolicy, 0xa0), ...sp(inetUser, 0xa80) } }), '001');
      assert.equal(f.length, 1);
      assert.match(f[0]?.message ?? '', /HKLM policy/);
      assert.match(f[0]?.fix?.text ?? '', /Turn off encryption support/);
      assert.deepEqual(f[0]?.fix?.changes.map((c) => c.key), [inetPolicy]);
      assert.equal(fired(run({ ...W10, values: sp(HKLM_PREF, 0xa0) }), '001').length, 1);
    });
    it('skips a value that is not a REG_DWORD instead of guessing at it [INETRES]', () => {
      const f = fired(run({ ...W10, values: { ...sp(inetPolicy, '2688'), ...sp(inetUser, 0xa0) } }), '001');
      assert.deepEqual(f[0]?.fix?.changes.map((c) => c.key), [inetUser]);
    });
  });

  describe('TLS365-WININET-002', () => {
    it('warns about SSL bits in the effective value and removes them [INETRES] [SEED]', () => {
      const f = fired(run({ ...W10, values: sp(inetUser, 0xaa8) }), '002');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Warn', ['WinInet']]]);
      assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: inetUser, name: 'SecureProtocols', data: 0xa80 }]);
    });
    it('does not fire without SSL bits [INETRES]', () => {
      assert.equal(fired(run({ ...W10, values: sp(inetUser, 0xa80) }), '002').length, 0);
    });
  });

  describe('TLS365-WININET-003', () => {
    it('warns on 7601 and 9200 when SecureProtocols is absent everywhere, fixing it by policy [INETRES] [TLS365]', () => {
      for (const spec of [{ build: 7601, server: false, csd: 'Service Pack 1' }, { build: 9200 }]) {
        const r = run(spec);
        const f = fired(r, '003');
        assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Warn', ['WinInet']]]);
        assert.match(f[0]?.message ?? '', /absent in every location/);
        assert.deepEqual(f[0]?.fix?.changes, [{ op: 'set-dword', key: inetPolicy, name: 'SecureProtocols', data: 0xa80 }]);
        assert.equal(inet(r), 'Ready');
      }
    });
    it('does not fire when any location holds the value, nor on other builds [INETRES]', () => {
      assert.equal(fired(run({ build: 7601, values: sp(HKLM_PREF, 0xa80) }), '003').length, 0);
      assert.equal(fired(run({ build: 9600 }), '003').length, 0);
      assert.equal(fired(run({ build: 7600 }), '003').length, 0);
    });
  });

  describe('TLS365-WININET-004', () => {
    it('fails when TLS 1.2 client is disabled in Schannel, with the SCHANNEL-001 fix [SCHCRED]', () => {
      const f = fired(run({ build: 9600, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0 } } }), '004');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['WinInet']]]);
      assert.deepEqual(f[0]?.fix?.changes.map((c) => c.op === 'set-dword' ? `${c.name}=${c.data}` : ''), ['Enabled=1', 'DisabledByDefault=0']);
      assert.equal(f[0]?.fix?.restart, 'reboot');
    });
    it('does not fire for DisabledByDefault=1 alone or on defaults [SCHCRED]', () => {
      assert.equal(fired(run({ build: 14393, values: { [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 } } }), '004').length, 0);
      assert.equal(fired(run({ ...W10 }), '004').length, 0);
    });
  });

  describe('acceptance cases (docs/domain-facts.md 11), WinINet rules only: column INet', () => {
    const cases: readonly { id: string; warnFail: string[]; inet: string | null }[] = [
      { id: 'A01', warnFail: [], inet: 'P' },
      { id: 'A04', warnFail: ['WININET-003@WinInet'], inet: 'W' },
      { id: 'A05', warnFail: [], inet: 'P' },
      { id: 'A06', warnFail: [], inet: 'P' },
      { id: 'A07', warnFail: [], inet: 'P' },
      { id: 'A08', warnFail: ['WININET-003@WinInet'], inet: 'W' },
      { id: 'A09', warnFail: ['WININET-004@WinInet'], inet: 'F' },
      { id: 'A10', warnFail: [], inet: 'P' },
      { id: 'A11', warnFail: [], inet: 'P' },
      { id: 'A12', warnFail: [], inet: 'P' },
      { id: 'A13', warnFail: [], inet: 'P' },
      { id: 'A14', warnFail: [], inet: 'P' },
      // A27's list names no WININET rule and its INet column is "—"; WININET-004's condition holds there
      // (TLS 1.2 NotSupported without KB4019276), so it fires: see the report.
      { id: 'A27', warnFail: ['WININET-004@WinInet'], inet: null },
      { id: 'A28', warnFail: [], inet: null },
      { id: 'A29', warnFail: [], inet: 'P' },
      { id: 'A33', warnFail: ['WININET-001@WinInet', 'WININET-002@WinInet'], inet: 'F' },
    ];
    for (const c of cases) {
      const tag = UNCONFIRMED.has(c.id) || UNCONFIRMED_INET.has(c.id) ? ' @unconfirmed' : '';
      it(`${c.id}: WinINet Warn/Fail exactly ${c.warnFail.length === 0 ? 'none' : c.warnFail.join(', ')}${c.inet === null ? '' : `, INet ${c.inet}`} [docs/domain-facts.md 11; INETRES, SCHCRED]${tag}`, () => {
        const r = run(ACCEPTANCE[c.id] as MachineSpec);
        assert.deepEqual(pairs(r, 'WININET', ['Warn', 'Fail']), [...c.warnFail].sort());
        if (c.inet !== null) assert.equal(inet(r), VERDICT[c.inet]);
      });
    }
  });
});
