import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWine, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier (issue 12): machines where the collector cannot run (PowerShell 2.0 on Windows Server 2008 R2,
 * Constrained Language, JEA) export the keys the rules read with module\Collector\Export-Tls365Keys.cmd: cmd.exe and
 * reg.exe only, run here by Wine's cmd and reg against the imported machine. The file it writes, evaluated with
 * Get-Tls365Readiness -Path, must give the verdict the image itself gives: every component, finding and update.
 */
const CASES = [
  'A04-win7sp1-nothing-set-net35-no-kbs.reg',
  'A09-server2012r2-tls12-client-disabled.reg',
  'A16-win10-wow-v4-absent.reg',
  'A21-win10-1809-ssl3-client-enabled.reg',
  'A33-win10-hkcu-secureprotocols-0xa0.reg',
  'A19-server2012r2-net35-all8-kb3154520.reg',
];

describe('Windows tier: module\\Collector\\Export-Tls365Keys.cmd (no PowerShell) exports what the rules read', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());

  for (const name of CASES) {
    it(`${name}: the export evaluates as the image does`, () => {
      const image = join(repoRoot, 'tests', 'fixtures', 'acceptance', name);
      const scratch = scratchDir();
      try {
        resetRegistry();
        assert.equal(regeditImport(image).code, 0);
        const out = join(scratch.dir, `[${name.slice(0, 3)}] export.reg`);
        const cmd = runWine('cmd', ['/c', toWindowsPath(join(repoRoot, 'module', 'Collector', 'Export-Tls365Keys.cmd')), toWindowsPath(out)]);
        assert.equal(cmd.code, 0, `${cmd.stdout}\n${cmd.stderr}`);
        assert.match(cmd.stdout, /TLS365: wrote .* Evaluate it with: Get-Tls365Readiness -Path/);
        assert.ok(existsSync(out));
        const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Compare-Images.ps1'),
          ['-Image', toWindowsPath(image), '-Exported', toWindowsPath(out), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
        const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { image: unknown; exported: unknown };
        assert.deepEqual(r.exported, r.image);
      } finally {
        scratch.dispose();
      }
    });
  }
});
