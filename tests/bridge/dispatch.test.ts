import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import * as sinon from 'sinon';
import { dispatchLine, type Handler, type MethodTable, type Session } from '../../bridge/dispatch.js';
import { createMethodTable } from '../../bridge/methods.js';
import { ErrorCode, toAsciiLine } from '../../bridge/protocol.js';
import { serve } from '../../bridge/serve.js';

const methods = createMethodTable(1024);
const ready = (): Session => ({ handshaken: true });
const call = async (text: string, session: Session = ready(), table: MethodTable = methods): Promise<any> => dispatchLine(text, table, session);
const req = (method: string, params?: unknown, id: unknown = 1): string => JSON.stringify({ jsonrpc: '2.0', id, method, params });

describe('bridge dispatch (JSON-RPC 2.0)', () => {
  it('answers hello with the protocol version and the fixed method list, and opens the session', async () => {
    const session: Session = { handshaken: false };
    const r = await call(req('hello', { protocol: 1 }), session);
    assert.equal(r.result.protocol, 1);
    assert.deepEqual(r.result.methods, ['hello', 'mask.decode', 'mask.encode', 'readiness.evaluate', 'snapshot.read', 'tls.probe', 'tls.plan', 'logs.scan', 'bridge.info',
      'plan.create', 'plan.applyImage', 'plan.undoImage', 'plan.render', 'desired.render', 'report.write', 'readiness.fleet',
      'change.begin', 'change.check', 'change.rollback', 'change.read', 'change.undo', 'change.judge']);
    assert.equal(session.handshaken, true);
  });
  it('refuses a different protocol version with -32001 and reason protocolVersion', async () => {
    const session: Session = { handshaken: false };
    const r = await call(req('hello', { protocol: 2 }), session);
    assert.equal(r.error.code, ErrorCode.VersionMismatch);
    assert.deepEqual(r.error.data, { reason: 'protocolVersion', bridge: 1, module: 2 });
    assert.equal(session.handshaken, false);
  });
  it('refuses any method before the handshake with -32003', async () => {
    const r = await call(req('mask.decode', { items: [] }), { handshaken: false });
    assert.equal(r.error.code, ErrorCode.HandshakeRequired);
  });
  it('answers garbage with -32700 and id null', async () => {
    const r = await call('{"jsonrpc":');
    assert.equal(r.error.code, ErrorCode.ParseError);
    assert.equal(r.id, null);
  });
  const invalid: [string, string][] = [
    ['a number', '42'], ['a string', '"hello"'], ['no jsonrpc', '{"id":1,"method":"hello"}'], ['jsonrpc 1.0', '{"jsonrpc":"1.0","id":1,"method":"hello"}'],
    ['no method', '{"jsonrpc":"2.0","id":1}'], ['method not a string', '{"jsonrpc":"2.0","id":1,"method":7}'],
    ['params a string', '{"jsonrpc":"2.0","id":1,"method":"hello","params":"x"}'], ['id an object', '{"jsonrpc":"2.0","id":{},"method":"hello"}'],
    ['an empty batch', '[]'],
  ];
  for (const [what, text] of invalid) {
    it(`answers ${what} with -32600`, async () => {
      const r = await call(text);
      assert.equal(r.error.code, ErrorCode.InvalidRequest);
    });
  }
  for (const name of ['no.such.method', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`answers the unknown method ${JSON.stringify(name)} with -32601 (a Map, not an object index)`, async () => {
      const r = await call(req(name, {}));
      assert.equal(r.error.code, ErrorCode.MethodNotFound);
    });
  }
  it('answers bad params with -32602 naming the field path', async () => {
    const r = await call(req('mask.encode', { items: [{ protocols: 'Tls12' }] }));
    assert.equal(r.error.code, ErrorCode.InvalidParams);
    assert.equal(r.error.data.path, 'params.items[0].protocols');
    const s = await call(req('mask.decode', { items: [1] }));
    assert.equal(s.error.data.path, 'params.items[0]');
  });
  it('returns a bad layout as that item\'s failure, not the batch\'s', async () => {
    const r = await call(req('mask.decode', { items: [{ value: 1, layout: 'Nope' }, { value: 2048 }] }));
    assert.equal(r.result.results[0].error.code, 'InvalidLayout');
    assert.deepEqual(r.result.results[1].protocols, ['Tls12']);
  });
  it('returns per-item failures as data: one bad value does not hide the good ones', async () => {
    const r = await call(req('mask.decode', { items: [{ value: '0xA80' }, { value: 'junk' }, { value: 0x4000 }, { value: 0x800, layout: 'SChannelClient' }] }));
    const results = r.result.results;
    assert.deepEqual(results.map((x: any) => x.ok), [true, false, false, true]);
    assert.deepEqual(results[0].protocols, ['Tls10', 'Tls11', 'Tls12']);
    assert.equal(results[1].error.code, 'InvalidValue');
    assert.equal(results[2].error.code, 'UnknownBits');
  });
  it('answers a JSON-RPC batch in order and skips notifications', async () => {
    const batch = `[${req('mask.encode', { items: [{ protocols: ['Tls12'] }] }, 'a')},{"jsonrpc":"2.0","method":"bridge.info"},${req('nope', {}, 'c')}]`;
    const r = await call(batch);
    assert.equal(r.length, 2);
    assert.equal(r[0].id, 'a');
    assert.equal(r[0].result.results[0].value, 0x800);
    assert.equal(r[1].error.code, ErrorCode.MethodNotFound);
  });
  it('sends nothing for a notification', async () => {
    assert.equal(await call('{"jsonrpc":"2.0","method":"bridge.info"}'), undefined);
  });
  it('turns a handler that throws into -32603 naming the method', async () => {
    const boom: Handler = sinon.stub().throws(new Error('kaput'));
    const r = await call(req('boom', {}), ready(), new Map([['boom', boom]]));
    assert.equal(r.error.code, ErrorCode.InternalError);
    assert.match(r.error.message, /boom failed: kaput/);
  });
  it('refuses more items than the batch limit', async () => {
    const items = Array.from({ length: 100_001 }, () => ({ value: 1 }));
    const r = await call(req('mask.decode', { items }));
    assert.equal(r.error.code, ErrorCode.InvalidParams);
  });
});

describe('bridge wire format', () => {
  it('is ASCII only: non-ASCII characters leave as \\u escapes and read back the same', () => {
    const line = toAsciiLine({ host: 'SRV-Zürich-€-日本' });
    assert.ok(/^[\x00-\x7e]*$/.test(line), line);
    assert.ok(line.endsWith('\n') && line.indexOf('\n') === line.length - 1);
    assert.deepEqual(JSON.parse(line), { host: 'SRV-Zürich-€-日本' });
  });
});

describe('bridge serve loop (in-memory streams)', () => {
  it('answers each line in order, reports a truncated tail, and resolves on end', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const diagnostics = new PassThrough();
    const writes = sinon.spy(output, 'write');
    const errs = sinon.spy(diagnostics, 'write');
    const done = serve(input, output, diagnostics, { methods, maxLineBytes: 200 });
    input.write(`${req('hello', { protocol: 1 }, 1)}\n${req('mask.decode', { items: [{ value: 2048 }] }, 2)}\n`);
    input.write(`${'x'.repeat(300)}\n`);
    input.end('{"jsonrpc":"2.0","id":3');
    await done;
    const replies = writes.getCalls().map((c) => JSON.parse(String(c.args[0])));
    assert.deepEqual(replies.map((r) => r.id), [1, 2, null, null]);
    assert.deepEqual(replies[1].result.results[0].protocols, ['Tls12']);
    assert.equal(replies[2].error.code, ErrorCode.LineTooLong);
    assert.equal(replies[3].error.code, ErrorCode.ParseError);
    assert.equal(replies[3].error.data.reason, 'truncated');
    assert.ok(errs.calledOnce, 'the truncated request is also said on the diagnostics stream');
  });
});
