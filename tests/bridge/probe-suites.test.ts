import { strict as assert } from 'node:assert';
import { planSuiteProbes } from '../../core/endpoints/probe-plan.js';
import type { EndpointEra, EndpointProfile } from '../../core/endpoints/types.js';
import { startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';
import { startOpensslServer, freePort, type TlsServer } from '../support/tls-server.js';

// Suite and curve probes (Test-Tls365Connection -Endpoint / -CipherSuite, issue 16 item 1) against real TLS servers
// this machine starts on 127.0.0.1 (openssl s_server limited to some suites and curves), through the real bridge.
describe('tls.probe suite and curve probes, and tls.plan (Test-Tls365Connection -Endpoint, -CipherSuite)', function () {
  this.timeout(60_000);
  let bridge: BridgeProcess;
  const servers: TlsServer[] = [];
  before(async () => { bridge = await startReadyBridge(); });
  after(async () => {
    await bridge.close();
    await Promise.all(servers.map((s) => s.stop()));
  });
  const server = async (options: string[]): Promise<TlsServer> => {
    const s = await startOpensslServer(options);
    servers.push(s);
    return s;
  };
  const probe = async (items: Record<string, unknown>[]): Promise<any[]> => {
    const { reply: r } = await bridge.call('tls.probe', { items: items.map((x) => ({ host: '127.0.0.1', timeoutSeconds: 5, ...x })) }, 30_000);
    assert.ok(r.result, JSON.stringify(r.error));
    return r.result.results;
  };
  const ECDHE_256 = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384';
  const ECDHE_128 = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
  const DHE_256 = 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384';

  it('offers exactly one suite: a server with only ECDHE-RSA-AES256-GCM-SHA384 on prime256v1 accepts it alone', async () => {
    const s = await server(['-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384', '-curves', 'prime256v1']);
    const r = await probe([
      { port: s.port, protocol: 'Tls12', suites: [ECDHE_256] },
      { port: s.port, protocol: 'Tls12', suites: [ECDHE_128] },
      { port: s.port, protocol: 'Tls12', suites: [DHE_256] },
      { port: s.port, protocol: 'Tls12', suites: [ECDHE_256], curve: 'NistP256' },
      { port: s.port, protocol: 'Tls12', suites: [ECDHE_256, ECDHE_128], curve: 'NistP384' },
      { port: s.port, protocol: 'Tls12', suites: [ECDHE_256], curve: 'curve25519' },
    ]);
    assert.deepEqual(r.map((x) => x.status), ['Accepted', 'Refused', 'Refused', 'Accepted', 'Refused', 'Refused']);
    assert.equal(r[0].negotiated, 'TLSv1.2');
    assert.equal(r[0].cipher, ECDHE_256);
    assert.equal(r[0].negotiatedCurve, 'NistP256');
    assert.equal(r[3].negotiatedCurve, 'NistP256');
    assert.equal(r[1].detail, `the server does not accept ${ECDHE_128} over TLS 1.2 (TLS alert 40, handshake_failure)`);
    assert.equal(r[4].detail, 'the server does not accept the curve NistP384 with the 2 suites offered over TLS 1.2 (TLS alert 40, handshake_failure)');
    // The offer is echoed; nothing was expected, so nothing matches or not.
    assert.deepEqual(r[4].suites, [ECDHE_256, ECDHE_128]);
    assert.equal(r[4].curve, 'NistP384');
    assert.deepEqual(r.map((x) => [x.expected, x.matchesProfile]), r.map(() => [null, null]));
  });

  it('reports the curve a server picks, and a TLS 1.3 suite offered alone over TLS 1.3', async () => {
    const s12 = await server(['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256', '-curves', 'secp521r1:secp384r1']);
    const s13 = await server(['-tls1_3', '-ciphersuites', 'TLS_AES_256_GCM_SHA384', '-groups', 'secp384r1']);
    const r = await probe([
      { port: s12.port, protocol: 'Tls12', suites: [ECDHE_128] },
      { port: s12.port, protocol: 'Tls12', suites: [ECDHE_128], curve: 'NistP521' },
      { port: s13.port, protocol: 'Tls13', suites: ['TLS_AES_256_GCM_SHA384'] },
      { port: s13.port, protocol: 'Tls13', suites: ['TLS_AES_128_GCM_SHA256'] },
      { port: s13.port, protocol: 'Tls13', suites: ['TLS_AES_256_GCM_SHA384'], curve: 'NistP256' },
    ]);
    assert.deepEqual(r.map((x) => x.status), ['Accepted', 'Accepted', 'Accepted', 'Refused', 'Refused']);
    assert.equal(r[1].negotiatedCurve, 'NistP521');
    assert.equal(r[0].cipher, ECDHE_128);
    assert.equal(r[2].negotiated, 'TLSv1.3');
    assert.equal(r[2].cipher, 'TLS_AES_256_GCM_SHA384');
    assert.equal(r[2].negotiatedCurve, 'NistP384');
  });

  it('compares with a profile-like era: a DHE suite a host still accepts after the profile dropped it does not match', async () => {
    const era = (from: string, tls12Suites: string[]): EndpointEra => ({
      from, protocols: ['TLS 1.2'], tls12Suites, tls13Suites: [], curves: ['NistP256', 'NistP384'], cites: {} as EndpointEra['cites'], change: 'test',
    });
    const profile: EndpointProfile = { id: 'Test', name: 'test', hosts: ['127.0.0.1'], version: 't', eras: [era('2020-01-01', [ECDHE_256, DHE_256]), era('2026-04-01', [ECDHE_256])] };
    const s = await server(['-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES256-GCM-SHA384', '-curves', 'prime256v1']);
    const answer = async (asOf: string): Promise<any[]> => probe(planSuiteProbes(profile, asOf, []).probes.map((p) => ({
      port: s.port, protocol: p.protocol, suites: p.offer, curve: p.curve, expected: p.expected,
    })));
    const before = await answer('2026-03-31');
    const after = await answer('2026-04-01');
    // ECDHE, DHE, then the curves NistP256 and NistP384 (this server has no P-384).
    assert.deepEqual(before.map((x) => [x.status, x.expected, x.matchesProfile]), [
      ['Accepted', 'Accepted', true], ['Accepted', 'Accepted', true], ['Accepted', 'Accepted', true], ['Refused', 'Accepted', false],
    ]);
    assert.deepEqual(after.map((x) => [x.status, x.expected, x.matchesProfile]), [
      ['Accepted', 'Accepted', true], ['Accepted', 'Refused', false], ['Accepted', 'Accepted', true], ['Refused', 'Accepted', false],
    ]);
    assert.equal(after[1].cipher, DHE_256);
    assert.equal(after[1].negotiatedCurve, null, 'a finite-field DHE handshake has no curve');
  });

  it('plans Azure Front Door from tls.plan: its DHE suites expected Refused from 1 April 2026, accepted here, so visible', async () => {
    const { reply: plan } = await bridge.call('tls.plan', { endpoint: 'azurefrontdoor', asOf: '2026-04-01' });
    assert.ok(plan.result, JSON.stringify(plan.error));
    assert.deepEqual(plan.result.endpoint.hosts, ['teams.microsoft.com']);
    assert.equal(plan.result.endpoint.id, 'AzureFrontDoor');
    assert.equal(plan.result.era, '2026-04-01');
    const probes: any[] = plan.result.probes;
    assert.deepEqual(probes.filter((p) => p.test === 'Curve').map((p) => [p.curve, p.expected]), [['NistP256', 'Accepted'], ['NistP384', 'Accepted'], ['NistP521', 'Accepted']]);
    const s = await server(['-cipher', 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256',
      '-ciphersuites', 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256', '-curves', 'prime256v1:secp384r1:secp521r1']);
    const r = await probe(probes.map((p) => ({ port: s.port, protocol: p.protocol, suites: p.offer, curve: p.curve, expected: p.expected })));
    const rows = probes.map((p, i) => `${p.suite ?? p.curve} ${r[i].status} ${String(r[i].matchesProfile)}`);
    assert.deepEqual(rows.filter((x) => x.endsWith('false')), [`${DHE_256} Accepted false`, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 Accepted false'], rows.join('\n'));
    assert.equal(rows.length, 11);
  });

  it('answers a suite it cannot offer as NotTestable, naming it, and probes the others', async () => {
    const s = await server(['-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384']);
    const r = await probe([
      { port: s.port, protocol: 'Tls12', suites: ['TLS_RSA_WITH_DES_CBC_SHA'] },
      { port: s.port, protocol: 'Tls12', suites: ['TLS_PSK_WITH_AES_128_GCM_SHA256'] },
      { port: s.port, protocol: 'Tls12', suites: ['TLS_NOT_A_SUITE'] },
      { port: s.port, protocol: 'Tls12', suites: ['TLS_AES_128_GCM_SHA256'] },
      { port: s.port, protocol: 'Tls12', suites: ['TLS_RSA_WITH_RC4_128_SHA'], expected: 'Refused' },
      { port: s.port, protocol: 'Tls12', suites: ['TLS_NOT_A_SUITE', ECDHE_256], curve: 'NistP256', expected: 'Accepted' },
    ]);
    assert.deepEqual(r.map((x) => x.status), ['NotTestable', 'NotTestable', 'NotTestable', 'NotTestable', 'NotTestable', 'Accepted']);
    assert.match(r[0].detail, /^TLS_RSA_WITH_DES_CBC_SHA \(single DES/);
    assert.match(r[1].detail, /^TLS_PSK_WITH_AES_128_GCM_SHA256 is a pre-shared-key \(PSK\) suite/);
    assert.match(r[2].detail, /^TLS_NOT_A_SUITE has no OpenSSL equivalent known to TLS365/);
    assert.equal(r[3].detail, 'TLS_AES_128_GCM_SHA256 is a TLS 1.3 suite: it is offered over TLS 1.3 only');
    // RC4 has an OpenSSL name, but Node's OpenSSL 3 leaves it out: its own NotTestable, nothing compared.
    assert.match(r[4].detail, /^Node's OpenSSL [\d.]+\S* cannot offer TLS_RSA_WITH_RC4_128_SHA \(RC4-SHA\) \(ERR_SSL_NO_CIPHER_MATCH/);
    assert.equal(r[4].matchesProfile, null);
    assert.equal(r[5].matchesProfile, true);
  });

  it('says Unreachable for a closed port, with nothing compared', async () => {
    const closed = await freePort();
    const [r] = await probe([{ port: closed, protocol: 'Tls12', suites: [ECDHE_256], expected: 'Accepted' }]);
    assert.equal(r.status, 'Unreachable');
    assert.equal(r.expected, 'Accepted');
    assert.equal(r.matchesProfile, null);
  });

  it('refuses malformed suite probes and plans by field path, executing nothing', async () => {
    const bad = async (method: string, params: unknown): Promise<{ path: string; message: string }> => {
      const r = await bridge.request(method, params);
      assert.equal(r.error?.code, -32602, JSON.stringify(r));
      return { path: r.error?.data.path, message: r.error?.message ?? '' };
    };
    const item = (x: Record<string, unknown>): unknown => ({ items: [{ host: '127.0.0.1', port: 443, protocol: 'Tls12', ...x }] });
    assert.equal((await bad('tls.probe', item({ suites: ['TLS_X; rm -rf /'] }))).path, 'params.items[0].suites[0]');
    assert.equal((await bad('tls.probe', item({ suites: ['tls_lower_case'] }))).path, 'params.items[0].suites[0]');
    assert.equal((await bad('tls.probe', item({ suites: 'TLS_A' }))).path, 'params.items[0].suites');
    assert.equal((await bad('tls.probe', item({ suites: [] }))).path, 'params.items[0].suites');
    assert.match((await bad('tls.probe', item({ suites: Array.from({ length: 65 }, () => 'TLS_A') }))).message, /must have 1 to 64 entries \(it has 65\)/);
    assert.equal((await bad('tls.probe', item({ suites: ['TLS_A'], curve: 'P-256' }))).path, 'params.items[0].curve');
    assert.equal((await bad('tls.probe', item({ curve: 'NistP256' }))).path, 'params.items[0].suites');
    assert.equal((await bad('tls.probe', item({ suites: ['TLS_A'], expected: 'Maybe' }))).path, 'params.items[0].expected');
    assert.equal((await bad('tls.probe', item({ suites: ['TLS_A'], protocol: 'Tls10' }))).path, 'params.items[0].protocol');
    assert.equal((await bad('tls.plan', {})).message, 'params: needs an endpoint, cipherSuites or both');
    assert.match((await bad('tls.plan', { endpoint: 'Contoso' })).message, /^params\.endpoint: must be one of Microsoft365, AzureFrontDoor, EntraID$/);
    assert.equal((await bad('tls.plan', { endpoint: 'EntraID', asOf: '2026-02-30' })).path, 'params.asOf');
    assert.equal((await bad('tls.plan', { cipherSuites: ['TLS_$(whoami)'] })).path, 'params.cipherSuites[0]');
    const { reply } = await bridge.call('tls.plan', { cipherSuites: [DHE_256, 'TLS_AES_128_GCM_SHA256'] });
    assert.deepEqual(reply.result, { endpoint: null, asOf: reply.result.asOf, era: null, probes: [
      { test: 'Suite', protocol: 'Tls12', suite: DHE_256, curve: null, offer: [DHE_256], expected: null },
      { test: 'Suite', protocol: 'Tls13', suite: 'TLS_AES_128_GCM_SHA256', curve: null, offer: ['TLS_AES_128_GCM_SHA256'], expected: null },
    ] });
    assert.match(reply.result.asOf, /^\d{4}-\d{2}-\d{2}$/);
  });
});
