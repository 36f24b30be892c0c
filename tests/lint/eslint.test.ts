import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// npm test's lint suite can fail: ESLint, with the project's own eslint.config.mjs, reports every rule each bad
// sample in tests/fixtures/lint is marked with (`// expect: rule[, rule]` on the line that breaks it), and nothing
// else, and reports nothing on the clean sample. The normal run ignores that folder; here ignore: false.
const repoRoot = join(__dirname, '..', '..');
const samples = join(repoRoot, 'tests', 'fixtures', 'lint');

/** `line rule` for each rule a sample's line is marked with. */
function expected(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((text, i) => {
    const m = /\/\/ expect: (.+)$/.exec(text);
    return m?.[1] === undefined ? [] : m[1].split(',').map((rule) => `${i + 1} ${rule.trim()}`);
  });
}

async function reported(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: join(repoRoot, 'eslint.config.mjs'), ignore: false });
  const [result] = await eslint.lintFiles([file]);
  assert.ok(result !== undefined, `ESLint returned no result for ${file}`);
  return result.messages.map((m) => `${m.line} ${m.ruleId ?? `(no rule) ${m.message}`}`);
}

describe('lint: ESLint with eslint.config.mjs fails on the bad samples (tests/fixtures/lint)', function () {
  // Type-aware rules build a TypeScript program first: a few seconds.
  this.timeout(120000);

  for (const name of ['bad-sample.ts', 'bad-sample.js']) {
    it(`${name}: every marked rule on its line, and nothing else`, async () => {
      const file = join(samples, name);
      const want = expected(file);
      assert.ok(want.length >= 5, `${name} marks at least five findings`);
      assert.deepEqual((await reported(file)).sort(), want.sort());
    });
  }

  it('bad-sample.ts breaks the rules the project chose ESLint for', () => {
    const rules = new Set(expected(join(samples, 'bad-sample.ts')).map((e) => e.split(' ')[1]));
    for (const rule of ['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-floating-promises', '@typescript-eslint/switch-exhaustiveness-check', 'no-restricted-syntax', 'no-restricted-imports', 'eqeqeq', 'no-new-func']) {
      assert.ok(rules.has(rule), `bad-sample.ts has a line marked ${rule}`);
    }
  });

  it('clean-sample.ts: no problem at all', async () => {
    assert.deepEqual(await reported(join(samples, 'clean-sample.ts')), []);
  });
});
