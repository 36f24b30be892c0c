import { strict as assert } from 'node:assert';
import { startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';
import { startOpensslServer, startServer, startSilentServer, freePort, type TlsServer } from '../support/tls-server.js';

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
    const { reply: r, notes } = await bridge.call('tls.probe', { items: protocols.map((protocol) => ({ host: '127.0.0.1', port, protocol, timeoutSeconds })) }, 30_000);
    assert.ok(r.result, JSON.stringify(r.error));
    // Every answer was also sent the moment it was known, as an `item` notification with its index.
    assert.deepEqual(notes.map((n) => n.method), protocols.map(() => 'item'));
    assert.deepEqual(notes.map((n) => n.params.index).sort((a, b) => a - b), protocols.map((_, i) => i));
    for (const n of notes) assert.deepEqual(n.params.result, r.result.results[n.params.index]);
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
    const { reply: r } = await bridge.call('tls.probe', { items: [
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

  it('says in words why a server refused: its TLS alert, or a connection closed without one (issue 13, item 6)', async () => {
    const s = await startOpensslServer(['-tls1_2']);
    servers.push(s);
    const [tls10] = await probe(s.port, ['Tls10']);
    assert.equal(tls10.status, 'Refused');
    assert.equal(tls10.detail, 'the server does not accept TLS 1.0 (TLS alert 70, protocol_version)');
    const closer = await startServer((c) => c.once('data', () => c.destroy()));
    servers.push(closer);
    const [closed] = await probe(closer.port, ['Tls11']);
    assert.equal(closed.status, 'Refused');
    assert.match(closed.detail, /^the server closed the connection on the TLS 1\.1 hello without a TLS alert \(how Windows SChannel refuses a disabled version/);
  });

  it('says NotTls, not Refused with OpenSSL text, for an HTTP server, an SMTP banner and garbage (issue 13, item 6)', async () => {
    const http = await startServer((c) => c.once('data', () => c.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    const smtp = await startServer((c) => { c.write('220 mail.contoso.test ESMTP\r\n'); });
    const garbage = await startServer((c) => c.once('data', () => c.end(Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7f, 9, 9, 9, 9, 9, 9]))));
    servers.push(http, smtp, garbage);
    for (const port of [http.port, smtp.port, garbage.port]) {
      const [r] = await probe(port, ['Tls12']);
      assert.equal(r.status, 'NotTls', `port ${port}: ${JSON.stringify(r)}`);
      assert.match(r.detail, new RegExp(`^the service on port ${port} answered, but not with TLS \\(plain HTTP, SMTP before STARTTLS or another protocol\\): probe the port of the TLS service \\(wrong version number\\)$`));
      assert.doesNotMatch(r.detail, /ssl3_get_record|\.c:\d+/, 'no raw OpenSSL location');
    }
  });

  it('refuses malformed probe requests by field path', async () => {
    const r = await bridge.request('tls.probe', { items: [{ host: 7, port: 443, protocol: 'Tls12' }] });
    assert.equal(r.error?.code, -32602);
    assert.equal(r.error?.data.path, 'params.items[0].host');
    const p = await bridge.request('tls.probe', { items: [{ host: 'x', port: 70000, protocol: 'Tls12' }] });
    assert.equal(p.error?.data.path, 'params.items[0].port');
  });
});
