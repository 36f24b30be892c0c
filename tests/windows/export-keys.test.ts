import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { jsonDifferences } from '../support/differences.js';
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
        assert.deepEqual(r.exported, r.image, `the export differs from the image: ${jsonDifferences(r.image, r.exported)}`);
      } finally {
        scratch.dispose();
      }
    });
  }

  it('a key that exists but cannot be exported stops it: exit 1, the key named, no file and no parts left (a file without the key would give a wrong verdict)', () => {
    // The script with its reg.exe swapped for a wrapper that refuses to export SCHANNEL ("Access is denied", as a
    // non-admin gets on a protected key) and passes everything else to the real reg.exe. The derived script
    // differs in that one line and in "call" (a .cmd run without "call" would not return); Wine has no ACLs.
    const image = join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg');
    const scratch = scratchDir();
    try {
      resetRegistry();
      assert.equal(regeditImport(image).code, 0);
      const fake = join(scratch.dir, 'fake-reg.cmd');
      writeFileSync(fake, [
        '@echo off',
        'if /i "%~1"=="export" if /i "%~2"=="HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL" (echo ERROR: Access is denied.>&2 & exit /b 1)',
        '"%SystemRoot%\\System32\\reg.exe" %*',
        'exit /b %errorlevel%',
        ''].join('\r\n'));
      const original = readFileSync(join(repoRoot, 'module', 'Collector', 'Export-Tls365Keys.cmd'), 'latin1');
      const setReg = 'set "REG=%SystemRoot%\\System32\\reg.exe"';
      assert.ok(original.includes(setReg) && original.includes('"%REG%" export'), 'the script runs reg.exe through %REG%');
      const derived = original.replace(setReg, `set "REG=${toWindowsPath(fake)}"`).replace(/"%REG%" /g, 'call "%REG%" ');
      const script = join(scratch.dir, 'Export-Tls365Keys.cmd');
      writeFileSync(script, derived, 'latin1');
      const out = join(scratch.dir, 'out', 'machine.reg');
      runWine('cmd', ['/c', 'mkdir', toWindowsPath(join(scratch.dir, 'out'))]);
      const cmd = runWine('cmd', ['/c', toWindowsPath(script), toWindowsPath(out)]);
      assert.equal(cmd.code, 1, `${cmd.stdout}\n${cmd.stderr}`);
      assert.match(cmd.stdout, /TLS365: could not export "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"/);
      assert.match(cmd.stdout, /TLS365: nothing written/);
      assert.doesNotMatch(cmd.stdout, /could not export "HKLM\\SOFTWARE/, 'only the refused key is named');
      assert.equal(existsSync(out), false, 'no partial file');
      assert.deepEqual(readdirSync(join(scratch.dir, 'out')), [], 'the parts folder is removed');
    } finally {
      scratch.dispose();
    }
  });
});
