'use strict';
// npm run demo: the README's main job on the bundled samples (examples/), through the local pwsh.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { root, pwshPath, childEnv } = require('./lib.js');

const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-File', path.join(root, 'examples', 'demo.ps1')], {
  cwd: root, stdio: 'inherit', env: childEnv({ TERM: 'dumb' }), shell: false,
});
process.exit(r.status ?? 1);
