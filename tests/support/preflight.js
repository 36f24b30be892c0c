'use strict';
// Mocha global setup (.mocharc.json "require"): running mocha directly on a clone that was never set up used to
// start the bridge from a dist/ that is not there and never exit (issue 17, item 7). Say what is missing and
// stop instead. `npm test` sets everything up itself (scripts/setup.js).
const fs = require('node:fs');
const path = require('node:path');

const { root, pwshPath } = require('../../scripts/lib.js');

exports.mochaGlobalSetup = function preflight() {
  const bridge = path.join(root, 'dist', 'bridge', 'main.js');
  if (!fs.existsSync(bridge)) {
    throw new Error(`${path.relative(root, bridge)} is missing: the TypeScript is not built. Run \`npm run build\` (or \`npm test\`, which sets everything up) before running mocha directly.`);
  }
  // .mocharc.json's spec always includes the end-to-end suites (files named on the command line are added to it),
  // and they drive the project's own pwsh 7.6.9 (a dotnet local tool that setup restores). To run single files
  // without it: mocha --no-config -r ts-node/register --extension ts <files>.
  const pwsh = pwshPath();
  if (!fs.existsSync(pwsh)) {
    throw new Error(`${path.relative(root, pwsh)} is missing: the end-to-end tests need the project's PowerShell. Run \`npm run setup\` (or \`npm test\`) first, or run single files with mocha --no-config -r ts-node/register --extension ts <files>.`);
  }
};
