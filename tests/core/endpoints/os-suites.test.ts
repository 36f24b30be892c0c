import { strict as assert } from 'node:assert';
import { OS_SUITES, OS_SUITE_GAPS, osSuitesFor } from '../../../core/endpoints/os-suites.js';
import type { OsSuite, OsSuiteDefaults } from '../../../core/endpoints/types.js';

// The per-Windows-version cipher-suite and curve data (core/endpoints/os-suites.ts, docs/endpoint-facts-os.md).
// Every fact below names the Microsoft page it comes from by its tag in core/endpoints/sources.ts.

const at = (build: number): OsSuiteDefaults => {
  const e = osSuitesFor(build);
  assert.ok(e !== null, `no entry for build ${build}`);
  return e;
};
const suite = (build: number, name: string): OsSuite | undefined => at(build).suites.find((x) => x.name === name);
const enabled = (build: number): readonly string[] => at(build).suites.filter((x) => x.enabledByDefault).map((x) => x.name);
const names = (build: number): readonly string[] => at(build).suites.map((x) => x.name);

describe('OS default cipher suites and curves (core/endpoints/os-suites.ts)', () => {
  describe('build ranges', () => {
    it('entries are sorted by fromBuild, each with fromBuild <= toBuild', () => {
      for (const e of OS_SUITES) assert.ok(e.fromBuild <= e.toBuild, `${e.family}: ${e.fromBuild} > ${e.toBuild}`);
      for (let i = 1; i < OS_SUITES.length; i++) {
        const prev = OS_SUITES[i - 1];
        const cur = OS_SUITES[i];
        assert.ok(prev !== undefined && cur !== undefined);
        assert.ok(prev.toBuild < cur.fromBuild, `${prev.family} (..${prev.toBuild}) overlaps or is after ${cur.family} (${cur.fromBuild}..)`);
      }
    });
    it('entries and the explained gaps cover 6000..99999 contiguously, without overlap', () => {
      const ranges = [...OS_SUITES.map((e) => ({ from: e.fromBuild, to: e.toBuild, what: e.family })), ...OS_SUITE_GAPS.map((g) => ({ from: g.fromBuild, to: g.toBuild, what: `gap: ${g.why}` }))]
        .sort((a, b) => a.from - b.from);
      let next = 6000;
      for (const r of ranges) {
        assert.equal(r.from, next, `expected a range starting at ${next}, found ${r.what} at ${r.from}`);
        assert.ok(r.to >= r.from, r.what);
        next = r.to + 1;
      }
      assert.equal(next, 100000, 'the last range ends at 99999');
    });
    it('every gap says why it is one', () => {
      for (const g of OS_SUITE_GAPS) assert.ok(g.why.length > 20, `${g.fromBuild}..${g.toBuild}`);
    });
    it('osSuitesFor returns null in a gap, below 6000, above 99999 and for a non-integer', () => {
      for (const b of [5999, 7000, 9500, 10000, 18950, 22635, 25000, 26099, 100000, 19041.5, Number.NaN]) assert.equal(osSuitesFor(b), null, String(b));
    });
    it('osSuitesFor(7601).family contains "Windows 7", and 7600 is the same entry [CS-WIN7]', () => {
      assert.match(at(7601).family, /Windows 7/);
      assert.equal(at(7600), at(7601));
    });
    it('the named builds each have an entry (Vista 6000-6003 ... 24H2 / Server 2025 26100+)', () => {
      for (const b of [6000, 6002, 6003, 7601, 9200, 9600, 10240, 10586, 14393, 15063, 16299, 17134, 17763, 18362, 18363, 19041, 19042, 19044, 19045, 20348, 22000, 22621, 22631, 25398, 26100, 26200, 99999]) {
        assert.ok(osSuitesFor(b) !== null, String(b));
      }
    });
    it('pages for several versions say so in family: 1903/1909 and 2004 share [CS-1903], 20H2/21H1/21H2 share [CS-20H2]', () => {
      assert.equal(at(18363).cite.source.tag, 'CS-1903');
      assert.equal(at(19041).cite.source.tag, 'CS-1903');
      assert.match(at(19041).family, /2004/);
      assert.match(at(18362).family, /1903 \/ 1909/);
      assert.equal(at(19043).cite.source.tag, 'CS-20H2');
      assert.match(at(19043).family, /20H2 \/ 21H1 \/ 21H2/);
    });
  });

  describe('shape of every entry', () => {
    for (const e of OS_SUITES) {
      it(`${e.family}: cited, enabled suites first, names unique and as Windows spells them [${e.cite.source.tag}]`, () => {
        assert.equal(e.cite.confidence, 'microsoft');
        assert.match(e.cite.checked, /^\d{4}-\d{2}-\d{2}$/);
        assert.match(e.cite.source.ref, /^MicrosoftDocs\/win32 desktop-src\/SecAuthN\/[A-Za-z0-9-]+\.md @[0-9a-f]{8} \(https:\/\/learn\.microsoft\.com\/windows\/win32\/secauthn\/[a-z0-9-]+\)$/);
        assert.ok((e.cite.quote ?? '').length > 0, 'the cite quotes the page');
        const firstOff = e.suites.findIndex((x) => !x.enabledByDefault);
        if (firstOff >= 0) assert.ok(e.suites.slice(firstOff).every((x) => !x.enabledByDefault), 'an enabled suite after a not-enabled one');
        assert.ok(e.suites.some((x) => x.enabledByDefault), 'no enabled suite');
        assert.equal(new Set(e.suites.map((x) => x.name)).size, e.suites.length, 'duplicate name');
        for (const x of e.suites) {
          assert.match(x.name, /^TLS_[A-Z0-9_]+$/, x.name);
          assert.equal(x.requiresUpdate, undefined, `${x.name}: no page read attributes a suite to an update`);
          if (x.enabledByDefault) assert.ok(x.protocols.length > 0, `${x.name} has no protocol`);
          // Before Windows 10 an ECDHE name carries its curve; from Windows 10 none does.
          if (x.name.startsWith('TLS_ECDHE_')) assert.equal(/_P(256|384|521)$/.test(x.name), e.fromBuild < 10240, x.name);
        }
      });
    }
    it('curves: empty before Windows 10 (the suffix binds the curve), cited from Windows 10 on', () => {
      for (const e of OS_SUITES) {
        if (e.fromBuild < 10240) { assert.deepEqual(e.curves, [], e.family); assert.equal(e.curvesCite, undefined, e.family); } else {
          assert.ok(e.curves.length > 0, e.family);
          assert.ok(e.curvesCite !== undefined, e.family);
        }
      }
    });
  });

  describe('facts from the pages', () => {
    const first: readonly [number, string, string][] = [
      [6002, 'TLS_RSA_WITH_AES_128_CBC_SHA', 'CS-VISTA'],
      [7601, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', 'CS-WIN7'],
      [9200, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', 'CS-WIN8'],
      [9600, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P256', 'CS-WIN81'],
      [10240, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'CS-1507'],
      [10586, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1511'],
      [14393, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1607'],
      [15063, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1703'],
      [16299, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1709'],
      [17134, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1803'],
      [17763, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1809'],
      [18362, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-1903'],
      [19042, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-20H2'],
      [19045, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'CS-W10-22H2'],
      [20348, 'TLS_AES_256_GCM_SHA384', 'CS-2022'],
      [22000, 'TLS_AES_256_GCM_SHA384', 'CS-WIN11'],
      [22631, 'TLS_AES_256_GCM_SHA384', 'CS-W11-22H2'],
      [25398, 'TLS_AES_256_GCM_SHA384', 'CS-2022'],
      [26100, 'TLS_AES_256_GCM_SHA384', 'CS-2025'],
    ];
    for (const [build, name, tag] of first) {
      it(`build ${build}: the default list starts with ${name} [${tag}]`, () => {
        assert.equal(at(build).cite.source.tag, tag);
        assert.equal(enabled(build)[0], name);
      });
    }

    it('Windows 7 has no TLS_ECDHE_RSA_WITH_AES_*_GCM suite, enabled or not [CS-WIN7]', () => {
      assert.deepEqual(names(7601).filter((n) => /^TLS_ECDHE_RSA_WITH_AES_\d+_GCM/.test(n)), []);
    });
    it('Windows 8.1 has TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384 enabled by default, second, for TLS 1.2 only [CS-WIN81]', () => {
      assert.equal(enabled(9600)[1], 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384');
      assert.deepEqual(suite(9600, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384')?.protocols, ['TLS 1.2']);
    });
    it('Windows 8.1 has no TLS_ECDHE_RSA_WITH_AES_*_GCM suite either [CS-WIN81]', () => {
      assert.deepEqual(names(9600).filter((n) => /^TLS_ECDHE_RSA_WITH_AES_\d+_GCM/.test(n)), []);
    });
    it('Windows 7 and 8.1 enable TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 (TLS 1.2) after the ECDHE_RSA CBC suites [CS-WIN7, CS-WIN81]', () => {
      for (const b of [7601, 9600]) {
        assert.equal(enabled(b).indexOf('TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'), 8, String(b));
        assert.deepEqual(suite(b, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')?.protocols, ['TLS 1.2']);
      }
    });
    it('Windows 8 has no TLS_DHE_RSA_WITH_AES_256_CBC_SHA at all, unlike 7 and 8.1 [CS-WIN8]', () => {
      assert.equal(suite(9200, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'), undefined);
      assert.equal(suite(7601, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA')?.enabledByDefault, true);
    });
    it('Windows 7: the _P521 variants are supported but not enabled by default [CS-WIN7]', () => {
      assert.equal(suite(7601, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P521')?.enabledByDefault, false);
    });
    it('Vista: NULL suites follow the "not present by default" list; the export suites have no protocol on the page [CS-VISTA]', () => {
      assert.equal(suite(6002, 'TLS_RSA_WITH_NULL_SHA')?.enabledByDefault, false);
      assert.deepEqual(suite(6002, 'TLS_RSA_EXPORT1024_WITH_RC4_56_SHA')?.protocols, []);
      assert.ok(!names(6002).some((n) => n.startsWith('SSL_')), 'SSL-only suites are left out');
    });
    it('Windows 10 1507 offers TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 second, TLS 1.2 [CS-1507]', () => {
      assert.equal(enabled(10240)[1], 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
      assert.deepEqual(suite(10240, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')?.protocols, ['TLS 1.2']);
    });
    it('1607 enables TLS_DHE_RSA_WITH_AES_256_CBC_SHA; 1703 only supports it [CS-1607, CS-1703]', () => {
      assert.equal(suite(14393, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA')?.enabledByDefault, true);
      assert.equal(suite(15063, 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA')?.enabledByDefault, false);
    });
    it('1703 enables TLS_RSA_WITH_RC4_128_SHA; 1709 only supports it [CS-1703, CS-1709]', () => {
      assert.equal(suite(15063, 'TLS_RSA_WITH_RC4_128_SHA')?.enabledByDefault, true);
      assert.equal(suite(16299, 'TLS_RSA_WITH_RC4_128_SHA')?.enabledByDefault, false);
    });
    it('1709 through 21H2 have one list: the v1803, v1809, v1903 and v20H2 pages match v1709 [CS-1709 ... CS-20H2]', () => {
      for (const b of [17134, 17763, 18362, 19041, 19044]) assert.deepEqual(at(b).suites, at(16299).suites, String(b));
    });
    it('Windows 10 20H2 enables TLS_RSA_WITH_3DES_EDE_CBC_SHA and the DHE_RSA GCM suites; the 22H2 page does not [CS-20H2, CS-W10-22H2]', () => {
      for (const n of ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256']) {
        assert.equal(suite(19042, n)?.enabledByDefault, true, n);
        assert.equal(suite(19045, n)?.enabledByDefault, false, n);
      }
    });
    it('no Windows 10 build lists a TLS 1.3 suite [CS-1507 ... CS-W10-22H2]', () => {
      for (const e of OS_SUITES.filter((x) => x.toBuild <= 19045)) assert.ok(e.suites.every((x) => !x.protocols.includes('TLS 1.3')), e.family);
    });
    it('Server 2022 lists TLS_AES_256_GCM_SHA384 for TLS 1.3, enabled by default [CS-2022]', () => {
      assert.deepEqual(suite(20348, 'TLS_AES_256_GCM_SHA384'), { name: 'TLS_AES_256_GCM_SHA384', protocols: ['TLS 1.3'], enabledByDefault: true });
      assert.deepEqual(enabled(20348).slice(0, 2), ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']);
    });
    it('Server 2022 supports TLS_CHACHA20_POLY1305_SHA256 (TLS 1.3) but does not enable it [CS-2022]', () => {
      assert.deepEqual(suite(20348, 'TLS_CHACHA20_POLY1305_SHA256'), { name: 'TLS_CHACHA20_POLY1305_SHA256', protocols: ['TLS 1.3'], enabledByDefault: false });
    });
    it('Windows 11 21H2 has the Server 2022 tables [CS-WIN11]', () => {
      assert.deepEqual(at(22000).suites, at(20348).suites);
    });
    it('Windows Server 23H2 (25398): 3DES and the DHE_RSA GCM suites not enabled by default, per the Server 2022 page note [CS-2022]', () => {
      for (const n of ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256']) {
        assert.equal(suite(20348, n)?.enabledByDefault, true, n);
        assert.equal(suite(25398, n)?.enabledByDefault, false, n);
      }
      assert.deepEqual(enabled(25398), enabled(22621), 'the same default list as the Windows 11 22H2 page');
    });
    it('Windows 11 22H2 and later / Server 2025: DHE_RSA GCM and 3DES supported, not enabled [CS-W11-22H2, CS-2025]', () => {
      for (const b of [22621, 26100, 99999]) {
        assert.equal(suite(b, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')?.enabledByDefault, false, String(b));
        assert.equal(suite(b, 'TLS_RSA_WITH_3DES_EDE_CBC_SHA')?.enabledByDefault, false, String(b));
      }
      assert.deepEqual(at(26100).suites, at(22621).suites, 'the two pages have the same tables');
    });
    it('PSK suites are listed from 1607 on, never enabled by default [CS-1607]', () => {
      assert.equal(suite(14393, 'TLS_PSK_WITH_AES_256_GCM_SHA384')?.enabledByDefault, false);
      assert.equal(suite(10586, 'TLS_PSK_WITH_AES_256_GCM_SHA384'), undefined);
    });

    it('Windows 10 1507 and 1511 default curves are NistP256, NistP384 [CURVES-1507]', () => {
      for (const b of [10240, 10586]) {
        assert.deepEqual(at(b).curves, ['NistP256', 'NistP384']);
        assert.equal(at(b).curvesCite?.source.tag, 'CURVES-1507');
      }
    });
    it('Windows 10 default curves are curve25519, NistP256, NistP384 from 1607 [CURVES-1607]', () => {
      for (const b of [14393, 17763, 19045, 20348, 22000, 22631]) {
        assert.deepEqual(at(b).curves, ['curve25519', 'NistP256', 'NistP384'], String(b));
        assert.equal(at(b).curvesCite?.source.tag, 'CURVES-1607', String(b));
      }
    });
    it('Windows 11 24H2 / Server 2025 default groups are curve25519, NistP256, NistP384; NistP521 is not one of them [GROUPS-24H2]', () => {
      assert.deepEqual(at(26100).curves, ['curve25519', 'NistP256', 'NistP384']);
      assert.equal(at(26100).curvesCite?.source.tag, 'GROUPS-24H2');
      assert.equal(at(26100).toBuild, 99999);
    });
  });
});
