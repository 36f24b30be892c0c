import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../../core/readiness/facts.js';
import { COMPONENTS, type Component, type Finding, type Readiness } from '../../../../core/readiness/model.js';
import { osRules } from '../../../../core/readiness/rules/os/index.js';
import type { MachineSnapshot } from '../../../../core/readiness/snapshot.js';
import { fromRegText, HARDENED_12, HKLM, machine, merge, V4_ALL_ONE, winhttp, type MachineSpec } from '../../../support/machine.js';
import { ACCEPTANCE, UNCONFIRMED, VERDICT, pairs } from './winhttp.test.js';

/**
 * TLS365-OS-001..005 (docs/domain-facts.md 10.1). Every evaluation passes only the OS rules, so other families' findings
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

  describe('TLS365-OS-005', () => {
    const CV = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion`;
    const CBS = `${CV}\\Component Based Servicing`;
    const AU = `${CV}\\WindowsUpdate\\Auto Update`;
    const CBS_MARKER = `${CBS}\\RebootPending`;
    const WU_MARKER = `${AU}\\RebootRequired`;
    // A Windows 10 machine that is Ready with the OS rules alone and with every rule (TLS 1.2 on, .NET 4.x values set).
    const READY: MachineSpec = { build: 19045, server: false, values: merge(HARDENED_12, V4_ALL_ONE, { [winhttp('64')]: { DefaultSecureProtocols: 0xa00 }, [winhttp('32')]: { DefaultSecureProtocols: 0xa00 } }) };
    const withKeys = (...keys: string[]): MachineSpec => ({ ...READY, values: merge(READY.values ?? {}, Object.fromEntries(keys.map((k) => [k, {}]))) });
    const states = (s: MachineSnapshot): string[] => machineFacts(s).reboot.map((r) => r.state);

    it('warns on every component when Component Based Servicing\\RebootPending exists, and the machine stays Ready [CM-PREREQ] [HC-REBOOT]', () => {
      const r = evaluateSnapshot(machine(withKeys(CBS_MARKER)));
      const f = fired(r, '005');
      assert.deepEqual(f.map((x) => x.severity), ['Warn']);
      assert.deepEqual(f[0]?.components, COMPONENTS.filter((c) => c !== 'DotNet35' && c !== 'DotNet35_32'));
      assert.match(f[0]?.message ?? '', /Component Based Servicing RebootPending \(HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending\) exists\./);
      assert.match(f[0]?.message ?? '', /take effect only after a restart: this verdict .* describes the machine as it will be after the restart/);
      assert.doesNotMatch(f[0]?.message ?? '', /Windows Update/);
      assert.deepEqual(f[0]?.fix, { text: 'Restart the machine, then evaluate it again.', changes: [], updates: [], restart: 'reboot' });
      assert.deepEqual(f[0]?.sources, ['CM-PREREQ', 'HC-REBOOT', 'TLSREG-2023', 'CM-CLIENT']);
      assert.deepEqual(r.missingUpdates, []);
      // Warn never makes a component NotReady: the verdict is the one after the restart.
      assert.equal(r.ready, true);
      assert.equal(status(r, 'SChannelClient'), 'Ready');
      assert.match(r.components.find((c) => c.name === 'WinHttp')?.reason ?? '', /1 warning/);
    });

    it('names the Windows Update marker, and both when both exist, in one finding [CM-PREREQ] [HC-REBOOT]', () => {
      const wu = fired(run(withKeys(WU_MARKER)), '005');
      assert.equal(wu.length, 1);
      assert.match(wu[0]?.message ?? '', /^A restart is pending: Windows Update RebootRequired \(HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired\) exists\./);
      const both = fired(run(withKeys(CBS_MARKER, WU_MARKER)), '005');
      assert.equal(both.length, 1);
      assert.match(both[0]?.message ?? '', /Component Based Servicing RebootPending \(.*\) and Windows Update RebootRequired \(.*\) exist\./);
    });

    // The third marker is TLS365's own volatile key (HKLM\\SOFTWARE\\TLS365RestartPending): no image lists all of HKLM\\SOFTWARE, so only the collector can say it is absent.
    it('is silent when neither marker exists: "absent" where the image lists their parents, "unknown" where it does not [CM-PREREQ]', () => {
      const listed = machine(withKeys(CBS, AU));
      assert.equal(fired(run(withKeys(CBS, AU)), '005').length, 0);
      assert.deepEqual(states(listed), ['absent', 'absent', 'unknown']);
      // The parents absent (the usual narrow export: CBS\\Packages only implies Component Based Servicing): not collected, never "not pending".
      assert.equal(fired(run(READY), '005').length, 0);
      assert.deepEqual(states(machine(READY)), ['unknown', 'unknown', 'unknown']);
      assert.deepEqual(evaluateSnapshot(machine(READY)).components, evaluateSnapshot(machine(withKeys(CBS, AU))).components, 'an unknown marker changes no verdict');
    });

    it('reads a real export: the marker under an exported Component Based Servicing, with values and subkeys [CM-PREREQ]', () => {
      const head = (ready: boolean): string => [
        'Windows Registry Editor Version 5.00', '',
        `[${HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]`, '"CurrentBuildNumber"="17763"', '"InstallationType"="Server"', '',
        `[${CBS}]`, '',
        `[${CBS}\\Packages]`, '',
        ...(ready ? [] : [`[${CBS_MARKER}]`, '"Owners"=hex(7):00,00', '', `[${CBS_MARKER}\\{6a7a2a6c-4d3b-4d1b-9c63-2b0c8c1b5a6f}]`, '']),
        `[${AU}]`, '"AUOptions"=dword:00000004', '',
      ].join('\r\n');
      const pending = fromRegText(head(false), 'ws2019-pending.reg');
      assert.deepEqual(states(pending), ['present', 'absent', 'unknown']);
      assert.deepEqual(fired(evaluateSnapshot(pending, { roles: [] }, osRules), '005').map((x) => x.severity), ['Warn']);
      assert.deepEqual(states(fromRegText(head(true), 'ws2019.reg')), ['absent', 'absent', 'unknown']);
    });

    it('collected snapshots: covered decides absence; an older collector (markers not covered) or a refused read says nothing [CM-PREREQ]', () => {
      const base = machine(READY);
      const TLS365_MARKER = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\TLS365RestartPending';
      assert.deepEqual(states({ ...base, covered: [CBS_MARKER, WU_MARKER] }), ['absent', 'absent', 'unknown']);
      assert.deepEqual(states({ ...base, covered: [CBS_MARKER, WU_MARKER, TLS365_MARKER] }), ['absent', 'absent', 'absent'], 'the collector covers TLS365\'s own marker too');
      assert.deepEqual(states({ ...base, covered: [`${CBS}\\Packages`] }), ['unknown', 'unknown', 'unknown'], 'a sibling root is not the marker');
      assert.deepEqual(states({ ...base, covered: [CBS_MARKER, WU_MARKER], unreadable: [{ path: WU_MARKER, error: 'Access is denied' }] }), ['absent', 'unknown', 'unknown']);
      const present = machine(withKeys(WU_MARKER));
      assert.deepEqual(states({ ...present, covered: [CBS_MARKER, WU_MARKER] }), ['absent', 'present', 'unknown']);
      assert.equal(fired(evaluateSnapshot({ ...present, covered: [CBS_MARKER, WU_MARKER] }, { roles: [] }, osRules), '005').length, 1);
      // TLS365's volatile marker (written by a live Set or Undo, issue 16 item 2) is a pending restart of its own.
      const ours = machine(withKeys(TLS365_MARKER));
      const f = fired(evaluateSnapshot({ ...ours, covered: [CBS_MARKER, WU_MARKER, TLS365_MARKER] }, { roles: [] }, osRules), '005');
      assert.match(f[0]?.message ?? '', /TLS365 changes written since the last boot \(HKEY_LOCAL_MACHINE\\SOFTWARE\\TLS365RestartPending\) exists/);
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
