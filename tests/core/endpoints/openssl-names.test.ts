import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { getCiphers } from 'node:tls';
import { CURVE_NAMES, OPENSSL_CURVE, OPENSSL_TLS12, TLS13_SUITES, curveFromOpenssl, curveName, isTls13Suite, opensslSuite } from '../../../core/endpoints/openssl-names.js';
import { OS_SUITES } from '../../../core/endpoints/os-suites.js';
import { matchesProfile, planSuiteProbes } from '../../../core/endpoints/probe-plan.js';
import { PROFILES, profileById } from '../../../core/endpoints/profiles.js';
import type { EndpointEra, EndpointProfile } from '../../../core/endpoints/types.js';

/**
 * core/endpoints/openssl-names.ts and probe-plan.ts (issue 16 item 1): the IANA -> OpenSSL names the live suite and
 * curve probes offer, and which probes Test-Tls365Connection -Endpoint makes with what each era expects.
 */
describe('IANA suite names in OpenSSL words (core/endpoints/openssl-names.ts)', () => {
  it('maps each TLS 1.2 suite to the OpenSSL name `openssl ciphers -stdname` gives for it', function () {
    const r = spawnSync('openssl', ['ciphers', '-stdname', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'], { encoding: 'utf8' });
    if (r.status !== 0) this.skip();
    // Lines: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 - ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2 Kx=ECDH ...".
    const byOpenssl = new Map<string, string>();
    for (const line of r.stdout.split('\n')) {
      const [iana, dash, openssl] = line.trim().split(/\s+/);
      if (dash === '-' && iana !== undefined && openssl !== undefined) byOpenssl.set(openssl, iana);
    }
    assert.ok(byOpenssl.size > 50, `openssl listed ${byOpenssl.size} suites`);
    let checked = 0;
    for (const [iana, openssl] of Object.entries(OPENSSL_TLS12)) {
      const listed = byOpenssl.get(openssl);
      if (listed === undefined) continue; // left out of this build (RC4, 3DES, NULL...): the probe says NotTestable
      assert.equal(listed, iana, `${openssl} is ${listed} to OpenSSL, not ${iana}`);
      checked += 1;
    }
    assert.ok(checked >= 30, `only ${checked} names could be checked against this openssl`);
  });

  it('can offer every suite and curve of every endpoint profile with Node\'s OpenSSL here', () => {
    const node = new Set(getCiphers().map((c) => c.toUpperCase()));
    for (const p of PROFILES) {
      for (const e of p.eras) {
        for (const s of [...e.tls12Suites, ...e.tls13Suites]) {
          const o = opensslSuite(s);
          if (s === 'TLS_RSA_WITH_3DES_EDE_CBC_SHA') { assert.equal(o.testable, true); continue; } // named; this build may lack it (NotTestable then)
          assert.ok(o.testable, `${p.id}: ${s}`);
          if (o.testable) assert.ok(node.has(o.openssl.toUpperCase()), `${p.id}: Node's OpenSSL has no ${o.openssl} (${s})`);
        }
        for (const c of e.curves) assert.ok(OPENSSL_CURVE[c] !== undefined, `${p.id}: ${c}`);
      }
    }
  });

  it('knows every suite the Windows pages list, or says why it cannot be offered', () => {
    const names = new Set(OS_SUITES.flatMap((o) => o.suites.map((s) => s.name)));
    assert.ok(names.size > 40);
    for (const n of names) {
      const o = opensslSuite(n);
      if (!o.testable) assert.match(o.reason, /^TLS_[A-Z0-9_]+ (is a pre-shared-key|\(single DES|has no OpenSSL equivalent)/, n);
      else assert.equal(o.protocol, isTls13Suite(n) ? 'Tls13' : 'Tls12', n);
    }
    assert.deepEqual(opensslSuite('TLS_PSK_WITH_AES_128_GCM_SHA256'), { testable: false, iana: 'TLS_PSK_WITH_AES_128_GCM_SHA256', reason: 'TLS_PSK_WITH_AES_128_GCM_SHA256 is a pre-shared-key (PSK) suite: it needs a key shared with the server, which this probe does not have' });
    assert.equal(opensslSuite('TLS_RSA_EXPORT1024_WITH_RC4_56_SHA').testable, false);
    assert.match((opensslSuite('TLS_MADE_UP_SUITE') as { reason: string }).reason, /^TLS_MADE_UP_SUITE has no OpenSSL equivalent known to TLS365/);
  });

  it('offers TLS 1.3 suites by their IANA names and reads a Windows curve suffix as that curve', () => {
    for (const s of TLS13_SUITES) assert.deepEqual(opensslSuite(s), { testable: true, iana: s, protocol: 'Tls13', openssl: s, curve: null });
    assert.deepEqual(opensslSuite('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'), { testable: true, iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', protocol: 'Tls12', openssl: 'ECDHE-RSA-AES256-GCM-SHA384', curve: null });
    assert.deepEqual(opensslSuite('TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA_P384'), { testable: true, iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', protocol: 'Tls12', openssl: 'ECDHE-ECDSA-AES128-SHA', curve: 'NistP384' });
    assert.equal(opensslSuite('TLS_RSA_WITH_AES_128_CBC_SHA_P256').testable, false, 'only ECDHE suites carry a curve suffix');
  });

  it('names curves as Windows does, both ways', () => {
    assert.deepEqual(CURVE_NAMES.map((c) => OPENSSL_CURVE[c]), ['X25519', 'prime256v1', 'secp384r1', 'secp521r1']);
    assert.deepEqual(['prime256v1', 'secp384r1', 'secp521r1', 'X25519', 'P-256', 'X448', undefined, ''].map(curveFromOpenssl),
      ['NistP256', 'NistP384', 'NistP521', 'curve25519', 'NistP256', 'X448', null, null]);
    assert.equal(curveName('NistP384'), 'NistP384');
    assert.equal(curveName('nistp384'), null);
  });
});

describe('the live check against a profile (core/endpoints/probe-plan.ts)', () => {
  const era = (from: string, tls12: string[], curves: EndpointEra['curves'], tls13: string[] = []): EndpointEra => ({
    from, protocols: tls13.length > 0 ? ['TLS 1.2', 'TLS 1.3'] : ['TLS 1.2'], tls12Suites: tls12, tls13Suites: tls13, curves,
    cites: {} as EndpointEra['cites'], change: 'test',
  });
  const ECDHE = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
  const DHE = 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384';
  const profile: EndpointProfile = {
    id: 'Test', name: 'test', hosts: ['h'], version: 't',
    eras: [era('2020-01-01', [ECDHE, DHE], ['NistP256', 'NistP384']), era('2026-04-01', [ECDHE], ['NistP256'], ['TLS_AES_256_GCM_SHA384'])],
  };

  it('probes every suite any era names, each alone, and every curve, with what the era in force expects', () => {
    const before = planSuiteProbes(profile, '2026-03-31', []);
    assert.equal(before.era, '2020-01-01');
    assert.deepEqual(before.probes.map((p) => [p.test, p.protocol, p.suite ?? p.curve, p.offer.join(','), p.expected]), [
      ['Suite', 'Tls12', ECDHE, ECDHE, 'Accepted'],
      ['Suite', 'Tls12', DHE, DHE, 'Accepted'],
      ['Suite', 'Tls13', 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384', 'Refused'],
      ['Curve', 'Tls12', 'NistP256', ECDHE, 'Accepted'],
      ['Curve', 'Tls12', 'NistP384', ECDHE, 'Accepted'],
    ]);
    const after = planSuiteProbes(profile, '2026-04-01', ['TLS_RSA_WITH_AES_128_CBC_SHA', ECDHE]);
    assert.equal(after.era, '2026-04-01');
    assert.deepEqual(after.probes.map((p) => [p.suite ?? p.curve, p.expected]), [
      [ECDHE, 'Accepted'], [DHE, 'Refused'], ['TLS_AES_256_GCM_SHA384', 'Accepted'], ['TLS_RSA_WITH_AES_128_CBC_SHA', 'Refused'],
      ['NistP256', 'Accepted'], ['NistP384', 'Refused'],
    ]);
    const early = planSuiteProbes(profile, '2019-12-31', []);
    assert.equal(early.era, null);
    assert.ok(early.probes.every((p) => p.expected === null));
  });

  it('without a profile, probes only the suites asked for (TLS 1.3 ones over TLS 1.3), expecting nothing', () => {
    const plan = planSuiteProbes(null, '2026-01-01', [DHE, 'TLS_AES_128_GCM_SHA256', DHE]);
    assert.deepEqual(plan, { era: null, probes: [
      { test: 'Suite', protocol: 'Tls12', suite: DHE, curve: null, offer: [DHE], expected: null },
      { test: 'Suite', protocol: 'Tls13', suite: 'TLS_AES_128_GCM_SHA256', curve: null, offer: ['TLS_AES_128_GCM_SHA256'], expected: null },
    ] });
  });

  it('shows the Azure Front Door DHE suites as expected Refused from 1 April 2026', () => {
    const afd = profileById('AzureFrontDoor') as EndpointProfile;
    const dhe = (asOf: string): unknown[] => planSuiteProbes(afd, asOf, []).probes.filter((p) => p.suite?.startsWith('TLS_DHE_')).map((p) => p.expected);
    assert.deepEqual(dhe('2026-03-31'), ['Accepted', 'Accepted']);
    assert.deepEqual(dhe('2026-04-01'), ['Refused', 'Refused']);
  });

  it('matches an answer to the expectation only when there is both', () => {
    assert.equal(matchesProfile('Accepted', 'Accepted'), true);
    assert.equal(matchesProfile('Accepted', 'Refused'), false);
    assert.equal(matchesProfile('Refused', 'Refused'), true);
    assert.equal(matchesProfile('TimedOut', 'Refused'), null);
    assert.equal(matchesProfile('NotTestable', 'Accepted'), null);
    assert.equal(matchesProfile('Accepted', null), null);
  });
});
