import { strict as assert } from 'node:assert';
import * as sinon from 'sinon';
import { startBridge, startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';

// These tests spawn the real, built bridge (dist/bridge/main.js): the build itself is under test.
describe('bridge process (real node dist/bridge/main.js)', function () {
  this.timeout(20_000);
  let bridge: BridgeProcess | undefined;
  afterEach(async () => {
    if (bridge && bridge.child.exitCode === null) bridge.child.kill();
    bridge = undefined;
  });

  it('handshakes, serves requests and exits 0 on stdin EOF', async () => {
    bridge = await startReadyBridge();
    const r = await bridge.request('mask.decode', { items: [{ value: '0xA80' }] });
    assert.deepEqual(r.result.results[0].protocols, ['Tls10', 'Tls11', 'Tls12']);
    assert.equal(await bridge.close(), 0);
  });

  it('refuses a wrong protocol version and stays usable for a correct hello', async () => {
    bridge = startBridge();
    const bad = await bridge.request('hello', { protocol: 99 });
    assert.equal(bad.error?.code, -32001);
    assert.equal(bad.error?.data.reason, 'protocolVersion');
    const good = await bridge.request('hello', { protocol: 1 });
    assert.equal(good.result.protocol, 1);
  });

  it('answers garbage with a parse error and keeps serving', async () => {
    bridge = await startReadyBridge();
    bridge.sendRaw('this is not json\n\x00\x01\x02{{{\n');
    assert.equal((await bridge.next()).error?.code, -32700);
    assert.equal((await bridge.next()).error?.code, -32700);
    const r = await bridge.request('mask.encode', { items: [{ protocols: ['Tls12'] }] });
    assert.equal(r.result.results[0].value, 0x800);
  });

  it('answers an unknown method with -32601', async () => {
    bridge = await startReadyBridge();
    assert.equal((await bridge.request('child_process.exec', { cmd: 'id' })).error?.code, -32601);
  });

  it('answers an oversized line with -32002 without buffering it, and keeps serving', async () => {
    bridge = await startReadyBridge(['--max-line-bytes', '4096']);
    bridge.sendRaw(`{"jsonrpc":"2.0","id":5,"method":"mask.decode","params":{"items":[${'{"value":1},'.repeat(2000)}{"value":1}]}}\n`);
    const r = await bridge.next();
    assert.equal(r.error?.code, -32002);
    assert.equal(r.id, null);
    assert.equal(r.error?.data.limit, 4096);
    assert.equal((await bridge.request('mask.decode', { items: [{ value: 8 }] })).result.results[0].protocols[0], 'Ssl2');
  });

  it('on EOF mid-request answers what it can, says the request was cut off, and exits 0', async () => {
    bridge = await startReadyBridge();
    bridge.sendRaw('{"jsonrpc":"2.0","id":9,"method":"mask.dec');
    bridge.child.stdin.end();
    const r = await bridge.next();
    assert.equal(r.error?.code, -32700);
    assert.equal(r.error?.data.reason, 'truncated');
    assert.equal(await bridge.exited, 0);
    assert.match(bridge.stderr(), /input ended inside a request/);
  });

  it('answers every request sent before EOF (finishes in-flight work)', async () => {
    bridge = await startReadyBridge();
    for (let i = 0; i < 50; i += 1) bridge.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 100 + i, method: 'mask.decode', params: { items: [{ value: i }] } })}\n`);
    bridge.child.stdin.end();
    assert.equal(await bridge.exited, 0);
    assert.deepEqual(bridge.lines.slice(1).map((l) => l.id), Array.from({ length: 50 }, (_, i) => 100 + i));
  });

  it('decodes a 1,000-item batch in one request, in order', async () => {
    bridge = await startReadyBridge();
    const items = Array.from({ length: 1000 }, (_, i) => ({ value: (i % 2 === 0 ? 0xa80 : 0x800) }));
    const r = await bridge.request('mask.decode', { items });
    assert.equal(r.result.results.length, 1000);
    assert.deepEqual(r.result.results[1].protocols, ['Tls12']);
  });

  it('writes only ASCII to stdout, even for non-ASCII input', async () => {
    bridge = await startReadyBridge();
    const raw: Buffer[] = [];
    bridge.child.stdout.on('data', (d: Buffer) => raw.push(d));
    const r = await bridge.request('mask.decode', { items: [{ value: 'Zürich-日本' }] });
    assert.match(r.result.results[0].error.message, /Zürich-日本/);
    assert.ok(Buffer.concat(raw).every((b) => b < 0x80));
  });

  it('refuses an unknown command-line argument with exit code 2', async () => {
    bridge = startBridge(['--eval', 'process.exit(7)']);
    assert.equal(await bridge.exited, 2);
    assert.match(bridge.stderr(), /unknown argument/);
  });

  it('the test client times out on a silent bridge (fake clock)', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      bridge = startBridge();
      const pending = bridge.next(5_000);
      clock.tick(5_001);
      await assert.rejects(pending, /no reply within 5000 ms/);
    } finally {
      clock.restore();
    }
  });
});
