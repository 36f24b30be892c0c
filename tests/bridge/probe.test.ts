import { strict as assert } from 'node:assert';
import { startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';
import { startOpensslServer, startSilentServer, freePort, type TlsServer } from '../support/tls-server.js';

// Handshake probes against real TLS servers that this machine starts on 127.0.0.1 (openssl s_server),
// through the real bridge. Never an outside address.
describe('tls.probe (Test-Tls365Connection) against local openssl s_server', function () {
  this.timeout(60_000);
  let bridge: BridgeProcess;
  const servers: TlsServer[] = [];
  before(async () => { bridge = await startReadyBridge(); });
  after(async () => {
    await bridge.close();
    await Promise.all(servers.map((s) => s.stop()));
  });
  const probe = async (port: number, protocols: string[], timeoutSeconds = 5): Promise<any[]> => {
    const r = await bridge.request('tls.probe', { items: protocols.map((protocol) => ({ host: '127.0.0.1', port, protocol, timeoutSeconds })) }, 30_000);
    assert.ok(r.result, JSON.stringify(r.error));
    return r.result.results;
  };

  it('finds that a TLS 1.2-only server refuses TLS 1.0, 1.1 and 1.3 and accepts TLS 1.2 with its cipher', async () => {
    const s = await startOpensslServer(['-tls1_2']);
    servers.push(s);
    const r = await probe(s.port, ['Tls10', 'Tls11', 'Tls12', 'Tls13']);
    assert.deepEqual(r.map((x) => x.status), ['Refused', 'Refused', 'Accepted', 'Refused']);
    assert.equal(r[2].negotiated, 'TLSv1.2');
    assert.match(r[2].cipher, /^TLS_/);
    assert.equal(r[2].host, '127.0.0.1');
    assert.equal(r[2].port, s.port);
  });

  it('finds a server that still accepts TLS 1.0 and 1.1 (the legacy clients Microsoft 365 refuses)', async () => {
    const s = await startOpensslServer(['-cipher', 'DEFAULT@SECLEVEL=0', '-no_tls1_3']);
    servers.push(s);
    const r = await probe(s.port, ['Tls10', 'Tls11', 'Tls12', 'Tls13']);
    assert.deepEqual(r.map((x) => x.status), ['Accepted', 'Accepted', 'Accepted', 'Refused']);
    assert.equal(r[0].negotiated, 'TLSv1');
  });

  it('reports TLS 1.3 when the server offers it', async () => {
    const s = await startOpensslServer(['-tls1_3']);
    servers.push(s);
    const r = await probe(s.port, ['Tls12', 'Tls13']);
    assert.deepEqual(r.map((x) => x.status), ['Refused', 'Accepted']);
    assert.match(r[1].cipher, /^TLS_AES_|^TLS_CHACHA20/);
  });

  it('says Unreachable for a closed port, TimedOut for a silent one, NotTestable for SSL', async () => {
    const closed = await freePort();
    const silent = await startSilentServer();
    servers.push(silent);
    const [a] = await probe(closed, ['Tls12']);
    assert.equal(a.status, 'Unreachable');
    const [b] = await probe(silent.port, ['Tls12'], 1);
    assert.equal(b.status, 'TimedOut');
    const [c] = await probe(closed, ['Ssl3']);
    assert.equal(c.status, 'NotTestable');
  });

  it('answers a host that cannot be a name as that item alone, and probes its neighbours (issue 13, item 4)', async () => {
    const closed = await freePort();
    const r = await bridge.request('tls.probe', { items: [
      { host: '127.0.0.1', port: closed, protocol: 'Tls12', timeoutSeconds: 5 },
      { host: 'a b', port: 443, protocol: 'Tls12' },
      { host: 'x'.repeat(300), port: 443, protocol: 'Tls12' },
      { host: '127.0.0.1', port: closed, protocol: 'Tls13', timeoutSeconds: 5 },
    ] }, 30_000);
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    const results = r.result.results;
    assert.deepEqual(results.map((x: any) => x.ok), [true, false, false, true]);
    assert.deepEqual(results.map((x: any) => x.status ?? x.error.code), ['Unreachable', 'InvalidHost', 'InvalidHost', 'Unreachable']);
    assert.match(results[1].error.message, /^"a b" contains a space/);
    assert.match(results[2].error.message, /is longer than 255 characters/);
  });

  it('refuses malformed probe requests by field path', async () => {
    const r = await bridge.request('tls.probe', { items: [{ host: 7, port: 443, protocol: 'Tls12' }] });
    assert.equal(r.error?.code, -32602);
    assert.equal(r.error?.data.path, 'params.items[0].host');
    const p = await bridge.request('tls.probe', { items: [{ host: 'x', port: 70000, protocol: 'Tls12' }] });
    assert.equal(p.error?.data.path, 'params.items[0].port');
  });
});
