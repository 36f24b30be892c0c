import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CORE_VERSION } from '../../core/index.js';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CARRIERS, version, read } = require('../../scripts/version.js') as { CARRIERS: { file: string }[]; version: string; read: (c: unknown) => { found: string } };

/** The version has one source, package.json (issue 14, item 7); the files that must carry it as a literal agree with it. */
describe('version: one source (package.json)', () => {
  it('every carrier (manifest, collector, core) says package.json\'s version, and the core exports it', () => {
    for (const c of CARRIERS) assert.equal(read(c).found, version, `${c.file}: run node scripts/version.js`);
    assert.equal(CORE_VERSION, version);
  });

  it('scripts/version.js --check passes here, fails naming the file when one differs, and the script writes them all in step', () => {
    const repo = join(__dirname, '..', '..');
    const ok = spawnSync(process.execPath, [join(repo, 'scripts', 'version.js'), '--check'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    // A copy of the four files (and the script) with the collector left behind at another version.
    const dir = mkdtempSync(join(tmpdir(), 'tls365-version-'));
    try {
      for (const f of ['package.json', 'scripts/version.js', ...CARRIERS.map((c) => c.file)]) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        copyFileSync(join(repo, f), join(dir, f));
      }
      const collector = join(dir, 'module', 'Collector', 'Get-Tls365Snapshot.ps1');
      writeFileSync(collector, readFileSync(collector, 'utf8').replace(`$collectorVersion = '${version}'`, "$collectorVersion = '0.0.9'"));
      const stale = spawnSync(process.execPath, [join(dir, 'scripts', 'version.js'), '--check'], { encoding: 'utf8' });
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /module\/Collector\/Get-Tls365Snapshot\.ps1 says 0\.0\.9, package\.json says/);
      const fixed = spawnSync(process.execPath, [join(dir, 'scripts', 'version.js')], { cwd: dir, encoding: 'utf8' });
      assert.match(fixed.stdout, /Get-Tls365Snapshot\.ps1: 0\.0\.9 -> /);
      assert.equal(spawnSync(process.execPath, [join(dir, 'scripts', 'version.js'), '--check'], { encoding: 'utf8' }).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
