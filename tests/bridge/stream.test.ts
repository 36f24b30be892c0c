import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { repoRoot, startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';

// Issue 13, item 3: batch methods answer per item as each is known when the client asks (`stream: true`):
// an `item` notification {index, result} per item, in order, then {streamed: n}. The client keeps those
// answers if the bridge dies later, and each one is progress for its timeout. Without the flag, the reply is
// the usual {results}, and the streamed answers equal it item for item.
describe('bridge: streamed batch answers (params.stream)', function () {
  this.timeout(60_000);
  let bridge: BridgeProcess;
  before(async () => { bridge = await startReadyBridge(); });
  after(async () => { await bridge.close(); });

  const examples = ['ws2008r2-app01.reg', 'ws2012-old03-broken.reg', 'ws2019-fs01.reg', 'ws2016-ex01.reg'].map((f) => ({ path: join(repoRoot, 'examples', f) }));

  for (const method of ['readiness.evaluate', 'snapshot.read']) {
    it(`${method}: one item notification per item, in order, equal to the unstreamed results (a broken image included)`, async () => {
      const plain = await bridge.call(method, { items: examples });
      assert.deepEqual(plain.notes, []);
      const results = plain.reply.result.results;
      assert.equal(results.length, 4);
      assert.equal(results[1].ok, false, 'the broken example is its own failure');
      const streamed = await bridge.call(method, { items: examples, stream: true });
      assert.deepEqual(streamed.reply.result, { streamed: 4 });
      assert.deepEqual(streamed.notes.map((n) => [n.method, n.params.index]), [['item', 0], ['item', 1], ['item', 2], ['item', 3]]);
      assert.deepEqual(streamed.notes.map((n) => n.params.result), results);
    });
  }

  it('a malformed item still refuses the request (after the answers before it were sent)', async () => {
    const r = await bridge.call('readiness.evaluate', { items: [examples[0], { nothing: 1 }], stream: true });
    assert.equal(r.reply.error?.code, -32602);
    assert.equal(r.reply.error?.data.path, 'params.items[1]');
    assert.deepEqual(r.notes.map((n) => n.params.index), [0]);
  });
});
