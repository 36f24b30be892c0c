'use strict';
// Writes docs/rules.md from the rule objects (core/readiness/catalogue.ts, built to dist/ by npm run build).
//   node scripts/rules-doc.js   (tests/core/readiness/catalogue.test.ts fails when the file is stale)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { renderRuleCatalogue } = require(path.join(root, 'dist', 'core', 'index.js'));
const file = path.join(root, 'docs', 'rules.md');
fs.writeFileSync(file, renderRuleCatalogue());
process.stdout.write(`wrote ${path.relative(root, file)}\n`);
