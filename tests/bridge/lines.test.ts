import { strict as assert } from 'node:assert';
import { createLineSplitter, type LineEvent } from '../../bridge/lines.js';

const feed = (max: number, chunks: string[], end = true): LineEvent[] => {
  const s = createLineSplitter(max);
  const events = chunks.flatMap((c) => s.push(Buffer.from(c, 'utf8')));
  return end ? [...events, ...s.end()] : events;
};

describe('bridge NDJSON line splitter', () => {
  it('splits lines across and within chunks', () => {
    assert.deepEqual(feed(100, ['{"a"', ':1}\n{"b":2}\n{"c"', ':3}\n']), [
      { kind: 'line', text: '{"a":1}' }, { kind: 'line', text: '{"b":2}' }, { kind: 'line', text: '{"c":3}' },
    ]);
  });
  it('strips a CR before LF (a Windows writer)', () => {
    assert.deepEqual(feed(100, ['x\r\n']), [{ kind: 'line', text: 'x' }]);
  });
  it('decodes UTF-8 split in the middle of a character', () => {
    const bytes = Buffer.from('"é"\n', 'utf8');
    const s = createLineSplitter(100);
    const events = [...s.push(bytes.subarray(0, 2)), ...s.push(bytes.subarray(2))];
    assert.deepEqual(events, [{ kind: 'line', text: '"é"' }]);
  });
  it('reports a line over the limit once, drops its bytes, and carries on with the next line', () => {
    const long = 'x'.repeat(50);
    assert.deepEqual(feed(10, [long.slice(0, 20), long.slice(20), '\nok\n']), [
      { kind: 'tooLong', bytes: 50 }, { kind: 'line', text: 'ok' },
    ]);
  });
  it('accepts a line of exactly the limit', () => {
    assert.deepEqual(feed(5, ['12345\n']), [{ kind: 'line', text: '12345' }]);
  });
  it('reports bytes left without a newline at the end as truncated', () => {
    assert.deepEqual(feed(100, ['{"id":1,"me']), [{ kind: 'truncated', bytes: 11 }]);
  });
  it('reports an over-long unterminated tail at the end as tooLong', () => {
    assert.deepEqual(feed(3, ['abcdef']), [{ kind: 'tooLong', bytes: 6 }]);
  });
});
