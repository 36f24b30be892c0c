'use strict';
// Writes the module's generated data files from the core (built to dist/ by npm run build):
//   module/TLS365.Vocabulary.psd1     from core/vocabulary.ts     (the words parameters accept)
//   module/TLS365.PublicObjects.psd1  from core/public-objects.ts (every public object's properties and types)
//   module/TLS365.Types.ps1xml        from core/public-objects.ts (their properties for completion, ToString)
//   en-US/about_TLS365.help.txt       from the manifest and each command's .SYNOPSIS (scripts/about.js)
//   node scripts/module-data.js   (tests/core/vocabulary.test.ts and tests/core/public-objects.test.ts fail when stale)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { renderVocabularyPsd1 } = require(path.join(root, 'dist', 'core', 'vocabulary.js'));
const { renderPublicObjectsPsd1, renderTypesPs1xml } = require(path.join(root, 'dist', 'core', 'public-objects.js'));
for (const [name, text] of [['TLS365.Vocabulary.psd1', renderVocabularyPsd1()], ['TLS365.PublicObjects.psd1', renderPublicObjectsPsd1()], ['TLS365.Types.ps1xml', renderTypesPs1xml()]]) {
  const file = path.join(root, 'module', name);
  fs.writeFileSync(file, text);
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
}
// The about_TLS365 help topic, kept in the repository (scripts/about.js).
const { ABOUT_FILE, aboutBytes, aboutText } = require('./about.js');
fs.mkdirSync(path.dirname(ABOUT_FILE), { recursive: true });
fs.writeFileSync(ABOUT_FILE, aboutBytes(aboutText(false)));
process.stdout.write(`wrote ${path.relative(root, ABOUT_FILE)}\n`);
