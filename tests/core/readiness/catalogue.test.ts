import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXCH_009, RULES, renderRuleCatalogue } from '../../../core/readiness/index.js';

/** docs/rules.md is generated from the rule objects (issue 14, item 4) and must not be stale. */
describe('docs/rules.md: the rule catalogue, generated from the rules themselves', () => {
  it('is what the rules render today (run node scripts/rules-doc.js after changing a rule)', () => {
    const file = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
    assert.equal(file, renderRuleCatalogue(), 'docs/rules.md is stale: npm run build && node scripts/rules-doc.js');
  });

  it('lists every rule id once, and every source tag a rule cites', () => {
    const text = renderRuleCatalogue();
    for (const r of [...RULES, EXCH_009]) {
      assert.equal(text.split(`| ${r.id} |`).length - 1, 1, r.id);
      for (const s of r.sources) assert.ok(text.includes(`| ${s.tag} |`), `${r.id} cites ${s.tag}`);
    }
  });
});
