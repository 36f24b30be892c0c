import { strict as assert } from 'node:assert';
import { locateJsonError } from '../../core/json/locate-error.js';

describe('locateJsonError (line numbers for malformed snapshot files)', () => {
  it('returns null for valid JSON of every kind', () => {
    for (const t of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', ' \r\n 42 ', '"s"']) assert.equal(locateJsonError(t), null, t);
  });
  const bad: [string, number, number][] = [
    ['{\n  "schema": "x",\n  "registry": [ oops ]\n}', 3, 17],
    ['{"a":1,}', 1, 8],
    ['{"a" 1}', 1, 6],
    ['[1,2', 1, 5],
    ['{"a":"unterminated', 1, 19],
    ['{"a":01}', 1, 7],
    ['{} x', 1, 4],
    ['', 1, 1],
    ["{'a':1}", 1, 2],
  ];
  for (const [text, line, column] of bad) {
    it(`finds the first error of ${JSON.stringify(text)} at ${line}:${column}`, () => {
      const r = locateJsonError(text);
      assert.ok(r !== null);
      assert.equal(r.line, line);
      assert.equal(r.column, column);
      assert.throws(() => JSON.parse(text));
    });
  }
});

describe('locateJsonError: JSON nested too deeply (issue 13, item 6)', () => {
  it('says it is the depth, with the limit, line and column, apart from syntax errors', () => {
    const r = locateJsonError(`${'['.repeat(600)}x`);
    assert.ok(r !== null);
    assert.equal(r.kind, 'depth');
    assert.equal(r.line, 1);
    assert.equal(r.column, 513);
    assert.equal(r.message, 'nested deeper than 512 levels');
    const deep = locateJsonError(`{"a":\n${'{"a":'.repeat(520)}`);
    assert.equal(deep?.kind, 'depth');
    assert.equal(deep?.line, 2);
    assert.equal(locateJsonError('{"a" 1}')?.kind, 'syntax');
  });
  it('512 levels are read, 513 are not', () => {
    assert.equal(locateJsonError(`${'['.repeat(512)}${']'.repeat(512)}`), null);
    assert.equal(locateJsonError(`${'['.repeat(513)}${']'.repeat(513)}`)?.kind, 'depth');
  });
});
