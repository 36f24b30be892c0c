import { strict as assert } from 'node:assert';
import { CIPHER_LIST_IMAGES, fixedValueImages, notReadyButForUpdates, withDwords } from '../../support/desired-ready.js';
import { familyOf, familyValues, fixedLegacy, OS_FAMILIES } from '../../../core/desired/families.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { BUILD_NAMES } from '../../../core/readiness/os.js';
import { STATES } from '../../support/desired-cases.js';
import { renderFamilyRegs } from '../../../core/desired/render-reg-families.js';
import { parseRegText } from '../../../core/regfile/index.js';
import { machine } from '../../support/machine.js';

/**
 * The fixed values per OS family (core/desired/families.ts) that the Reg files and the Group Policy items carry:
 * applied to machines of each family, and to every acceptance image whose gaps are registry-only, they leave the
 * machine Ready by the core's own rules; on 32-bit families nothing is under Wow6432Node; SSL is never turned on;
 * every family a build of the core's table belongs to is found.
 */
const applied = withDwords;

const notReady = notReadyButForUpdates;

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
    const { images, skipped } = fixedValueImages();
    for (const c of images) {
      const after = applied(c.snapshot, familyValues(c.family, STATES[0]!.state));
      assert.deepEqual(notReady(after), [], `${c.name} (${c.family.id}): ${evaluateSnapshot(after).findings.filter((x) => x.severity !== 'Info').map((x) => `${x.ruleId} ${x.message}`).join(' | ')}`);
    }
    assert.ok(images.length >= 15, `checked ${images.length} images`);
    assert.deepEqual(skipped, CIPHER_LIST_IMAGES, 'only the cipher-list images are left to the script channels and Set-Tls365Protocols');
  });

  it('the Reg files are those values: each parses as regedit would read it and holds exactly its family\'s values, with its header', () => {
    for (const { state } of STATES) {
      const files = renderFamilyRegs(state);
      assert.ok(files.ok);
      assert.equal(files.value.length, OS_FAMILIES.length);
      for (const file of files.value) {
        const f = OS_FAMILIES.find((x) => x.id === file.family)!;
        const parsed = parseRegText(file.text, file.fileName);
        assert.ok(parsed.ok, file.fileName);
        const got = parsed.image.keys.flatMap((k) => k.values.map((v) => `${k.path}\\${v.name}=${v.value.type === 'REG_DWORD' ? v.value.data : '?'}`)).sort();
        const want = familyValues(f, state).map((v) => `${v.key}\\${v.name}=${v.data}`).sort();
        assert.deepEqual(got, want, file.fileName);
        assert.match(file.text, /^Windows Registry Editor Version 5\.00\r\n; TLS365 desired state for /);
        assert.match(file.text, /reg\.exe import <this file> \/reg:64/);
        assert.match(file.text, new RegExp(`For these machines only \\(builds ${f.builds.join(', ')}, ${f.x64 ? '64' : '32'}-bit`));
      }
    }
  });
});
