import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import { COMPONENTS, type Component, type Finding, type Readiness } from '../../../../core/readiness/model.js';
import { osRules } from '../../../../core/readiness/rules/os/index.js';
import { machine, type MachineSpec } from '../../../support/machine.js';
import { ACCEPTANCE, UNCONFIRMED, VERDICT, pairs } from './winhttp.test.js';

/**
 * TLS365-OS-001..004 (docs/domain-facts.md 10.1). Every evaluation passes only the OS rules, so other families' findings
 * are absent: assertions are about OS findings and the columns those findings decide.
 */

const run = (spec: MachineSpec): Readiness => evaluateSnapshot(machine(spec), { roles: [] }, osRules);
const fired = (r: Readiness, n: string): Finding[] => r.findings.filter((f) => f.ruleId === `TLS365-OS-${n}`);
const status = (r: Readiness, c: Component): string => r.components.find((x) => x.name === c)?.status ?? 'missing';
const SERVER_2008 = 'Windows Server (R) 2008 Standard';

describe('OS rules (docs/domain-facts.md 10.1)', () => {
  describe('TLS365-OS-001', () => {
    it('fails every component below build 6002 [PROTOCOLS] [DOTNET-TLS]', () => {
      const r = run({ build: 6001, productName: SERVER_2008 });
      const f = fired(r, '001');
      assert.equal(f.length, 1);
      assert.equal(f[0]?.severity, 'Fail');
      // "all": the evaluator keeps every component that is applicable (.NET 3.5 is not installed here).
      assert.deepEqual(f[0]?.components, COMPONENTS.filter((c) => c !== 'DotNet35' && c !== 'DotNet35_32'));
      assert.equal(status(r, 'SChannelClient'), 'NotReady');
      assert.equal(status(r, 'DotNet35'), 'NotApplicable');
      assert.deepEqual(f[0]?.fix?.changes, []);
      assert.deepEqual(f[0]?.sources, ['PROTOCOLS', 'DOTNET-TLS']);
    });
    it('fails Vista SP2 (6002 client, told from ProductName) [PROTOCOLS]', () => {
      assert.equal(fired(run({ build: 6002, productName: 'Windows Vista (TM) Business' }), '001').length, 1);
    });
    it('does not fire on Server 2008 SP2 or later builds [PROTOCOLS] [DOTNET-TLS]', () => {
      assert.equal(fired(run({ build: 6002, productName: SERVER_2008 }), '001').length, 0);
      assert.equal(fired(run({ build: 7601 }), '001').length, 0);
    });
    it('is Unknown on 6002 when nothing tells Vista from Server 2008 [PROTOCOLS]', () => {
      const r = run({ build: 6002 });
      assert.equal(fired(r, '001').length, 0);
      assert.ok(r.components.every((c) => c.status === 'Unknown' || c.status === 'NotApplicable'));
      assert.equal(status(r, 'WinHttp'), 'Unknown');
    });
  });

  describe('TLS365-OS-002', () => {
    it('fails SCHANNEL client and server on Server 2008 SP2 without KB4019276, listing it as missing [DOTNET-TLS]', () => {
      const r = run({ build: 6002, productName: SERVER_2008 });
      const f = fired(r, '002');
      assert.deepEqual(f.map((x) => [x.severity, x.components]), [['Fail', ['SChannelClient', 'SChannelServer']]]);
      assert.deepEqual(f[0]?.missingUpdates, ['KB4019276']);
      assert.deepEqual(f[0]?.fix?.updates, ['KB4019276']);
      assert.match(f[0]?.message ?? '', /not detected/);
      assert.deepEqual(r.missingUpdates, ['KB4019276']);
    });
    it('does not fire with KB4019276 detected (hotfix list or CBS) or on Vista [DOTNET-TLS]', () => {
      assert.equal(fired(run({ build: 6002, productName: SERVER_2008, hotfixes: ['KB4019276'] }), '002').length, 0);
      assert.equal(fired(run({ build: 6003, productName: SERVER_2008, cbs: ['KB4019276'] }), '002').length, 0);
      assert.equal(fired(run({ build: 6002, productName: 'Windows Vista (TM) Business' }), '002').length, 0);
    });
    it('is Unknown for SCHANNEL when the input cannot tell whether KB4019276 is installed [DOTNET-TLS]', () => {
      const r = run({ build: 6002, productName: SERVER_2008, hotfixes: null, omit: ['cbs'] });
      assert.equal(fired(r, '002').length, 0);
      assert.equal(status(r, 'SChannelClient'), 'Unknown');
      assert.equal(status(r, 'SChannelServer'), 'Unknown');
    });
  });

  describe('TLS365-OS-003', () => {
    it('is Info for a build not in the section 6 table, without changing any verdict [TLS365]', () => {
      const r = run({ build: 19046, server: false });
      const f = fired(r, '003');
      assert.deepEqual(f.map((x) => x.severity), ['Info']);
      assert.equal(f[0]?.fix, null);
      assert.equal(status(r, 'WinHttp'), 'Ready');
    });
    it('does not fire for a known build [TLS365]', () => {
      assert.equal(fired(run({ build: 19045, server: false }), '003').length, 0);
    });
  });

  describe('TLS365-OS-004', () => {
    it('fails every component on Windows 7 / 2008 R2 RTM (7600): install SP1, then KB3140245 [KB3140245]', () => {
      const r = run({ build: 7600, server: false });
      const f = fired(r, '004');
      assert.equal(f.length, 1);
      assert.ok(f[0]?.components.includes('WinHttp') && f[0].components.includes('SChannelServer'));
      assert.deepEqual(f[0]?.fix?.updates, ['KB976932', 'KB3140245']);
      assert.match(f[0]?.fix?.text ?? '', /Service Pack 1.*KB3140245/);
    });
    it('does not fire on 7601 [KB3140245]', () => {
      assert.equal(fired(run({ build: 7601, server: false }), '004').length, 0);
    });
  });

  describe('acceptance cases (docs/domain-facts.md 11), OS rules only', () => {
    // Only the columns the OS rules decide are asserted (A27: SC/SS by OS-002; A28: H64/H32/SC by OS-004).
    const cases: readonly { id: string; warnFail: string[]; cols: Partial<Record<Component, string>> }[] = [
      ...['A01', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11', 'A12', 'A13', 'A14', 'A29', 'A33'].map((id) => ({ id, warnFail: [], cols: {} })),
      { id: 'A27', warnFail: ['OS-002@SChannelClient', 'OS-002@SChannelServer'], cols: { SChannelClient: 'F', SChannelServer: 'F' } },
      {
        id: 'A28',
        warnFail: ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32'].map((c) => `OS-004@${c}`),
        cols: { WinHttp: 'F', WinHttp32: 'F', SChannelClient: 'F' },
      },
    ];
    for (const c of cases) {
      it(`${c.id}: OS Warn/Fail exactly ${c.warnFail.length === 0 ? 'none' : c.warnFail.join(', ')} [docs/domain-facts.md 11; PROTOCOLS, DOTNET-TLS, KB3140245]${UNCONFIRMED.has(c.id) ? ' @unconfirmed' : ''}`, () => {
        const r = run(ACCEPTANCE[c.id] as MachineSpec);
        assert.deepEqual(pairs(r, 'OS', ['Warn', 'Fail']), [...c.warnFail].sort());
        for (const [comp, v] of Object.entries(c.cols)) assert.equal(status(r, comp as Component), VERDICT[v], `${c.id} ${comp}`);
      });
    }
  });
});
