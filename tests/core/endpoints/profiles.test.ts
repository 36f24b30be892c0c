import { strict as assert } from 'node:assert';
import { PROFILES, eraOn, nextEra, profileById } from '../../../core/endpoints/profiles.js';
import type { EndpointEra, EndpointProfile } from '../../../core/endpoints/types.js';

/**
 * core/endpoints/profiles.ts (issue 16 item 1): the Microsoft endpoint profiles and their dated eras, each fact with
 * its source. Titles name the source a fact rests on (docs/endpoint-facts-profiles.md lists them).
 */
function profile(id: string): EndpointProfile {
  const p = profileById(id);
  if (p === null) throw new Error(`no profile ${id}`);
  return p;
}
function era(id: string, date: string): EndpointEra {
  const e = eraOn(profile(id), date);
  if (e === null) throw new Error(`${id}: no era on ${date}`);
  return e;
}

const DHE_256 = 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384';
const DHE_128 = 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256';
const ECDHE_CBC384 = 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384';
const ECDHE_CBC256 = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256';

describe('endpoint profiles: shape (every fact dated and sourced)', () => {
  it('has exactly the three profiles Microsoft365, AzureFrontDoor, EntraID, at version 2026-12', () => {
    assert.deepEqual(PROFILES.map((p) => p.id), ['Microsoft365', 'AzureFrontDoor', 'EntraID']);
    for (const p of PROFILES) {
      assert.equal(p.version, '2026-12', p.id);
      assert.ok(p.hosts.length > 0, `${p.id} has hosts`);
    }
  });

  it('eras are strictly sorted by from, start at 0000-01-01, and every from is YYYY-MM-DD', () => {
    for (const p of PROFILES) {
      assert.equal(p.eras[0]?.from, '0000-01-01', p.id);
      for (const e of p.eras) assert.match(e.from, /^\d{4}-\d{2}-\d{2}$/, `${p.id} ${e.from}`);
      for (let i = 1; i < p.eras.length; i++) {
        const prev = p.eras[i - 1];
        const cur = p.eras[i];
        assert.ok(prev !== undefined && cur !== undefined && prev.from < cur.from, `${p.id} era ${i} after era ${i - 1}`);
      }
    }
  });

  it('every era has four cites, each with a source, a known confidence, checked 2026-12-05 and a quote', () => {
    for (const p of PROFILES) {
      for (const e of p.eras) {
        const cites = [e.cites.protocols, e.cites.tls12Suites, e.cites.tls13Suites, e.cites.curves];
        assert.equal(Object.keys(e.cites).length, 4, `${p.id} ${e.from}`);
        for (const c of cites) {
          assert.ok(c.source.tag.length > 0 && c.source.title.length > 0 && c.source.ref.length > 0, `${p.id} ${e.from} source`);
          assert.ok(c.confidence === 'microsoft' || c.confidence === 'secondary', `${p.id} ${e.from} confidence`);
          assert.equal(c.checked, '2026-12-05', `${p.id} ${e.from} checked`);
          assert.ok(c.quote !== undefined && c.quote.length > 0, `${p.id} ${e.from} quote`);
        }
        assert.ok(e.change.length > 0, `${p.id} ${e.from} change`);
      }
    }
  });

  it('a "microsoft" cite points at a Microsoft page (MicrosoftDocs repo or learn.microsoft.com); third-party refs are "secondary"', () => {
    for (const p of PROFILES) {
      for (const e of p.eras) {
        for (const c of [e.cites.protocols, e.cites.tls12Suites, e.cites.tls13Suites, e.cites.curves]) {
          const microsoftRef = c.source.ref.startsWith('MicrosoftDocs/') || c.source.ref.startsWith('https://learn.microsoft.com/');
          if (c.confidence === 'microsoft') assert.ok(microsoftRef, `${p.id} ${e.from} ${c.source.tag}: ${c.source.ref}`);
          if (!microsoftRef) assert.equal(c.confidence, 'secondary', `${p.id} ${e.from} ${c.source.tag}`);
        }
      }
    }
  });

  it('suite names carry no curve suffix; TLS 1.3 suites exist exactly when TLS 1.3 is listed; ECDHE eras name curves', () => {
    for (const p of PROFILES) {
      for (const e of p.eras) {
        for (const s of e.tls12Suites) assert.doesNotMatch(s, /_P(256|384|521)$/, `${p.id} ${e.from} ${s}`);
        assert.equal(new Set(e.tls12Suites).size, e.tls12Suites.length, `${p.id} ${e.from} duplicate suite`);
        assert.equal(e.tls13Suites.length > 0, e.protocols.includes('TLS 1.3'), `${p.id} ${e.from}`);
        if (e.tls12Suites.some((s) => s.startsWith('TLS_ECDHE_'))) assert.ok(e.curves.length > 0, `${p.id} ${e.from} curves`);
      }
    }
  });
});

describe('Azure Front Door [AFD-DHE] [AFD-TLS-2025] [AFD-TLS-2026]', () => {
  it('on 2026-03-31 accepts TLS_DHE_RSA_WITH_AES_256/128_GCM [AFD-TLS-2025]; on 2026-04-01 does not [AFD-DHE]', () => {
    const before = era('AzureFrontDoor', '2026-03-31');
    const after = era('AzureFrontDoor', '2026-04-01');
    assert.ok(before.tls12Suites.includes(DHE_256) && before.tls12Suites.includes(DHE_128));
    assert.ok(!after.tls12Suites.includes(DHE_256) && !after.tls12Suites.includes(DHE_128));
    assert.equal(after.from, '2026-04-01');
    assert.match(after.cites.tls12Suites.quote ?? '', /April 1, 2026/);
  });

  it('from 2026-04-01 still accepts the ECDHE_RSA CBC SHA384/SHA256 suites kept for Windows 7/8/8.1 [AFD-TLS-2026]', () => {
    const after = era('AzureFrontDoor', '2026-04-01');
    assert.ok(after.tls12Suites.includes(ECDHE_CBC384));
    assert.ok(after.tls12Suites.includes(ECDHE_CBC256));
    assert.ok(after.tls12Suites.includes('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'));
    assert.equal(after.tls12Suites.length, 4, 'nothing else over TLS 1.2');
  });

  it('TLS 1.2 minimum with TLS 1.3 (TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256) in both eras [AFD-TLS-2025] [AFD-TLS-2026]', () => {
    for (const e of profile('AzureFrontDoor').eras) {
      assert.deepEqual([...e.protocols], ['TLS 1.2', 'TLS 1.3']);
      assert.deepEqual([...e.tls13Suites], ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256']);
    }
  });

  it('curves are the NIST ones Microsoft names (P-256, P-384, P-521), not curve25519 alone [AFD-KX]', () => {
    const e = era('AzureFrontDoor', '2026-12-05');
    assert.deepEqual([...e.curves], ['NistP256', 'NistP384', 'NistP521']);
    assert.equal(e.cites.curves.source.tag, 'AFD-KX');
  });
});

describe('Microsoft 365 [M365-ENC] [MC1155427]', () => {
  it('dropped 3DES on 2019-02-28 [M365-ENC]', () => {
    assert.ok(era('Microsoft365', '2019-02-27').tls12Suites.includes('TLS_RSA_WITH_3DES_EDE_CBC_SHA'));
    assert.ok(!era('Microsoft365', '2019-02-28').tls12Suites.includes('TLS_RSA_WITH_3DES_EDE_CBC_SHA'));
  });

  it('stopped TLS 1.0/1.1 from 2020-10-15 (Worldwide and GCC) [M365-ENC]', () => {
    assert.ok(era('Microsoft365', '2020-10-14').protocols.includes('TLS 1.0'));
    const e = era('Microsoft365', '2020-10-15');
    assert.deepEqual([...e.protocols], ['TLS 1.2']);
    assert.equal(e.tls12Suites.length, 8);
    assert.ok(e.tls12Suites.includes('TLS_RSA_WITH_AES_256_GCM_SHA384'));
  });

  it('from 2025-10-20 only the four ECDHE_RSA suites over TLS 1.2, marked secondary [MC1155427]', () => {
    const before = era('Microsoft365', '2025-10-19');
    const after = era('Microsoft365', '2025-10-20');
    assert.ok(before.tls12Suites.includes('TLS_RSA_WITH_AES_128_GCM_SHA256'));
    assert.ok(!after.tls12Suites.includes('TLS_RSA_WITH_AES_128_GCM_SHA256'));
    assert.ok(!after.tls12Suites.includes('TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA'));
    assert.deepEqual([...after.tls12Suites].sort(), [
      'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    ]);
    assert.equal(after.cites.tls12Suites.confidence, 'secondary');
    assert.equal(after.cites.tls12Suites.source.tag, 'MC1155427');
  });

  it('curves are inferred, so secondary [M365-ENC]', () => {
    for (const e of profile('Microsoft365').eras) assert.equal(e.cites.curves.confidence, 'secondary');
  });
});

describe('Microsoft Entra ID [ENTRA-TLS] [B2C-CIPHERS]', () => {
  it('refuses TLS 1.0 and 1.1 from 2022-01-31 (public instances) and today [ENTRA-TLS]', () => {
    for (const day of ['2022-01-31', '2026-12-05']) {
      const e = era('EntraID', day);
      assert.ok(!e.protocols.includes('TLS 1.0') && !e.protocols.includes('TLS 1.1'), day);
      assert.ok(e.protocols.includes('TLS 1.2'), day);
      assert.ok(!e.tls12Suites.includes('TLS_RSA_WITH_3DES_EDE_CBC_SHA'), day);
    }
    assert.ok(era('EntraID', '2022-01-30').protocols.includes('TLS 1.0'));
  });

  it('accepts ECDHE_RSA GCM and CBC-SHA384/256 over TLS 1.2 [B2C-CIPHERS]', () => {
    const e = era('EntraID', '2026-12-05');
    for (const s of ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', ECDHE_CBC384, ECDHE_CBC256]) {
      assert.ok(e.tls12Suites.includes(s), s);
    }
    assert.ok(!e.tls12Suites.some((s) => s.startsWith('TLS_RSA_') || s.startsWith('TLS_DHE_')));
  });
});

describe('eraOn / nextEra / profileById', () => {
  const afd = profile('AzureFrontDoor');

  it('eraOn: the last era whose from <= date, at and around the boundary', () => {
    assert.equal(eraOn(afd, '0000-01-01')?.from, '0000-01-01');
    assert.equal(eraOn(afd, '2026-03-31')?.from, '0000-01-01');
    assert.equal(eraOn(afd, '2026-04-01')?.from, '2026-04-01');
    assert.equal(eraOn(afd, '2099-12-31')?.from, '2026-04-01');
    assert.equal(eraOn({ ...afd, eras: afd.eras.slice(1) }, '2026-03-31'), null, 'null before the first era');
  });

  it('nextEra: the first era whose from > date; null after the last', () => {
    assert.equal(nextEra(afd, '2026-03-31')?.from, '2026-04-01');
    assert.equal(nextEra(afd, '2026-04-01'), null);
    assert.equal(nextEra(afd, '0000-01-01')?.from, '2026-04-01');
    const m365 = profile('Microsoft365');
    assert.equal(nextEra(m365, '2019-02-28')?.from, '2020-10-15');
    assert.equal(nextEra(m365, '2025-10-19')?.from, '2025-10-20');
    assert.equal(nextEra(m365, '2025-10-20'), null);
  });

  it('profileById is case-insensitive and returns null for an unknown id', () => {
    assert.equal(profileById('entraid')?.id, 'EntraID');
    assert.equal(profileById('AZUREFRONTDOOR')?.id, 'AzureFrontDoor');
    assert.equal(profileById('microsoft365')?.id, 'Microsoft365');
    assert.equal(profileById('Exchange'), null);
    assert.equal(profileById(''), null);
  });
});
