import { strict as assert } from 'node:assert';
import { familyOf, familyValues, fixedLegacy, OS_FAMILIES } from '../../../core/desired/families.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { writeValues } from '../../../core/plan/image.js';
import { BUILD_NAMES } from '../../../core/readiness/os.js';
import { imageCases, STATES } from '../../support/desired-cases.js';
import { machine } from '../../support/machine.js';

/**
 * The fixed values per OS family (core/desired/families.ts) that the Reg files and the Group Policy items carry:
 * applied to machines of each family, and to every acceptance image whose gaps are registry-only, they leave the
 * machine Ready by the core's own rules; on 32-bit families nothing is under Wow6432Node; SSL is never turned on;
 * every family a build of the core's table belongs to is found.
 */
function applied(snapshot: MachineSnapshot, values: ReturnType<typeof familyValues>): MachineSnapshot {
  const { image } = writeValues({ format: 'v5', keys: snapshot.registry, deletedKeys: [] }, values.map((v) => ({ key: v.key, name: v.name, value: { type: 'REG_DWORD' as const, data: v.data } })));
  return { ...snapshot, registry: image.keys };
}

/**
 * Components not Ready after the values, but those that wait only for an update (every Fail/Warn finding on
 * them names one): a file cannot install KB4019276 on Server 2008 SP2, and says so in its header.
 */
function notReady(s: MachineSnapshot): string[] {
  const r = evaluateSnapshot(s);
  return r.components.filter((c) => c.status !== 'Ready' && c.status !== 'NotApplicable').filter((c) => {
    const on = r.findings.filter((f) => f.severity !== 'Info' && f.components.includes(c.name));
    return on.length === 0 || on.some((f) => f.missingUpdates.length === 0 && (f.fix?.updates.length ?? 0) === 0);
  }).map((c) => `${c.name}=${c.status}`);
}

describe('desired state as fixed values per OS family (issue 15: Reg and GroupPolicy)', () => {
  it('every build of the core table (but Vista/2008 RTM and Windows 7 RTM) has a family for each edition and architecture it ships in', () => {
    for (const build of BUILD_NAMES.keys()) {
      if (build < 6002 || build === 7600) continue;
      const names = BUILD_NAMES.get(build);
      for (const server of [true, false]) {
        if ((build === 6002 || build === 6003) && !server) continue; // Vista SP2: no TLS 1.2
        if ((server && names?.server === null) || (!server && build === 20348)) continue; // editions that never shipped
        const f = familyOf(build, server, true);
        assert.ok(f !== null, `build ${build} ${server ? 'server' : 'client'}`);
      }
    }
    assert.equal(familyOf(26100, true, true)?.id, 'ws2022-x64');
    assert.equal(familyOf(26100, false, true)?.id, 'win11-x64');
    assert.equal(familyOf(26100, null, true), null, 'Server 2025 and Windows 11 24H2 share a build: the edition decides');
    assert.equal(familyOf(22631, false, false), null, 'Windows 11 has no 32-bit edition');
  });

  for (const { label, state } of STATES) {
    describe(label, () => {
      for (const f of OS_FAMILIES) {
        it(`${f.id}: a machine of the family with nothing set, and one with TLS 1.2 off and DefaultSecureProtocols 0xA0, become Ready`, () => {
          const build = f.builds[f.builds.length - 1]!;
          const server = f.server ?? (build === 26100 ? false : true);
          const cbs = ['KB3140245', 'KB4019276'];
          const productName = build < 7600 ? { productName: 'Windows Server (R) 2008 Standard' } : {};
          const plain = machine({ build, server, x64: f.x64, net35: true, cbs, ...productName });
          const broken = machine({
            build, server, x64: f.x64, net35: true, cbs, ...productName,
            values: {
              'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp': { DefaultSecureProtocols: 0xa0 },
              'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client': { Enabled: 0 },
              'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': { SecureProtocols: 0xa0 },
            },
          });
          const values = familyValues(f, state);
          // A state limited to some components leaves the others as they are: the broken machine's Schannel stays off.
          const whole = state.components.length === STATES[0]!.state.components.length;
          // On 7601 and 2008 SP2 WinHTTP and .NET need Schannel's TLS 1.2, which such a state does not touch.
          const machines = whole ? [plain, broken] : f.builds.some((b) => b < 9200) ? [] : [plain];
          for (const s of machines) {
            const after = applied(s, values);
            const left = notReady(after);
            const inScope = left.filter((c) => state.components.includes(c.split('=')[0] as never));
            assert.deepEqual(inScope, [], `${f.id} ${label}: ${evaluateSnapshot(after).findings.filter((x) => x.severity === 'Fail').map((x) => `${x.ruleId} ${x.message}`).join(' | ')}`);
          }
          if (!f.x64) assert.ok(values.every((v) => !/\\Wow6432Node\\/i.test(v.key)), 'nothing under Wow6432Node on 32-bit Windows');
          for (const v of values.filter((x) => /\\SSL [23]\.0\\/.test(x.key))) assert.equal(v.name === 'Enabled' ? v.data : 1 - v.data, 0, 'SSL written off only');
          assert.equal(fixedLegacy(state), !state.disableLegacy && !state.allowLegacy);
        });
      }
    });
  }

  it('every acceptance image and sample whose gaps are registry-only becomes Ready with its family\'s values (default state)', () => {
    let checked = 0;
    const skipped: string[] = [];
    for (const c of imageCases()) {
      const m = machineFacts(c.snapshot);
      const before = evaluateSnapshot(c.snapshot);
      if (m.os === null || m.x64 === null || before.missingUpdates.length > 0 || before.components.some((x) => x.status === 'Unknown')) continue;
      const f = familyOf(m.os.build, m.os.isServer, m.x64);
      if (f === null) continue;
      const exchange = m.products.exchange !== null;
      // A desired state does not manage cipher-suite lists (each machine's own list decides what to add): named, not hidden.
      if (before.findings.some((x) => /^TLS365-SCHANNEL-01[45]$/.test(x.ruleId) && x.severity !== 'Info')) { skipped.push(c.name); continue; }
      const after = applied(c.snapshot, familyValues(f, STATES[0]!.state));
      // Exchange: the files say they are not for Exchange servers (TLS 1.3 and HealthChecker's consistency rules need the script).
      if (exchange) continue;
      assert.deepEqual(notReady(after), [], `${c.name} (${f.id}): ${evaluateSnapshot(after).findings.filter((x) => x.severity !== 'Info').map((x) => `${x.ruleId} ${x.message}`).join(' | ')}`);
      checked += 1;
    }
    assert.ok(checked >= 15, `checked ${checked} images`);
    assert.deepEqual(skipped, ['A23-server2019-hardened-gpo-3des-rc4.reg', 'A24-server2019-hardened-gpo-rsa-gcm-only.reg'], 'only the cipher-list images are left to Set-Tls365Protocols');
  });
});
