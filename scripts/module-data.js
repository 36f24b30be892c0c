'use strict';
// Writes the module's generated data files from the core (built to dist/ by npm run build):
//   module/TLS365.Vocabulary.psd1     from core/vocabulary.ts     (the words parameters accept)
//   module/TLS365.PublicObjects.psd1  from core/public-objects.ts (every public object's properties and types)
//   node scripts/module-data.js   (tests/core/vocabulary.test.ts and tests/core/public-objects.test.ts fail when stale)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { renderVocabularyPsd1 } = require(path.join(root, 'dist', 'core', 'vocabulary.js'));
const { renderPublicObjectsPsd1 } = require(path.join(root, 'dist', 'core', 'public-objects.js'));
for (const [name, text] of [['TLS365.Vocabulary.psd1', renderVocabularyPsd1()], ['TLS365.PublicObjects.psd1', renderPublicObjectsPsd1()]]) {
  const file = path.join(root, 'module', name);
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
}
