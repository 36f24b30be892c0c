'use strict';
// Writes module/TLS365.Vocabulary.psd1 from core/vocabulary.ts (built to dist/ by npm run build).
//   node scripts/vocabulary.js   (tests/core/vocabulary.test.ts fails when the file is stale)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { renderVocabularyPsd1 } = require(path.join(root, 'dist', 'core', 'vocabulary.js'));
const file = path.join(root, 'module', 'TLS365.Vocabulary.psd1');
fs.writeFileSync(file, renderVocabularyPsd1());
process.stdout.write(`wrote ${path.relative(root, file)}\n`);
