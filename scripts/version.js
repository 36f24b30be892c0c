'use strict';
// The version has one source: package.json. Three files must carry it as a literal (a module manifest is data,
// the collector runs alone on remote machines, the core is compiled without package.json): this writes it into
// them, and `npm version <v>` runs it (package.json "version" script) so a release changes all four in one commit.
//   node scripts/version.js          write package.json's version into the three files, git add them
//   node scripts/version.js --check  exit 1 naming each file whose version differs (tests/core/version.test.ts)
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

/** Each file that carries the version: where, and the one line pattern that holds it. */
const CARRIERS = [
  { file: 'TLS365.psd1', pattern: /^(\s*ModuleVersion\s*=\s*')([^']*)(')/m },
  { file: 'module/Collector/Get-Tls365Snapshot.ps1', pattern: /^(\$collectorVersion = ')([^']*)(')/m },
  { file: 'core/version.ts', pattern: /^(export const CORE_VERSION = ')([^']*)(';)/m },
];

function read(c) {
  const text = fs.readFileSync(path.join(root, c.file), 'utf8');
  const m = c.pattern.exec(text);
  if (m === null) throw new Error(`${c.file}: no version line (${c.pattern})`);
  return { text, found: m[2] };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const c of CARRIERS) {
    const { text, found } = read(c);
    if (found === version) continue;
    if (check) { stale.push(`${c.file} says ${found}, package.json says ${version}`); continue; }
    fs.writeFileSync(path.join(root, c.file), text.replace(c.pattern, `$1${version}$3`));
    process.stdout.write(`${c.file}: ${found} -> ${version}\n`);
  }
  if (check) {
    if (stale.length > 0) { process.stderr.write(`${stale.join('\n')}\nrun: node scripts/version.js\n`); process.exit(1); }
  } else {
    spawnSync('git', ['add', ...CARRIERS.map((c) => c.file)], { cwd: root, stdio: 'inherit', shell: false });
  }
}

module.exports = { CARRIERS, version, read };
