import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWine, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier (issue 12): Node.js 20 does not run on Windows 7 / Server 2008 R2 and Windows 8 / Server 2012,
 * and is experimental on 8.1 / 2012 R2. Wine is told to report those versions (HKCU\Software\Wine\Version, read
 * by the Windows pwsh through RtlGetVersion, as on a real machine); live readiness must then stop with one
 * clear error that names the ways that need no Node here, and warn on 2012 R2 and still work. What Wine cannot
 * be: a real 2008 R2 kernel (Node's own refusal is tested on Linux with a fake node that prints it).
 */
describe('Windows tier: Windows versions where Node.js 20 does not run', function () {
  this.timeout(300_000);
  before(() => assertTier());
  after(() => resetRegistry());

  const run = (version: string): { osVersion: string; errors: string[]; warnings: string[]; values: string[] } => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      assert.equal(regeditImport(join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg')).code, 0);
      assert.equal(runWine('reg', ['add', 'HKCU\\Software\\Wine', '/v', 'Version', '/t', 'REG_SZ', '/d', version, '/f']).code, 0);
      const r = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-OldWindows.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
      return JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8'));
    } finally {
      scratch.dispose();
    }
  };

  for (const [version, nt] of [['win7', '6.1'], ['win8', '6.2']] as const) {
    it(`${version} (${nt}): one TLS365.NodeUnsupportedOS error naming the alternatives, nothing else`, () => {
      const r = run(version);
      assert.ok(r.osVersion.startsWith(`${nt}.`), `Wine reports ${r.osVersion}`);
      assert.equal(r.errors.length, 1, r.errors.join('\n'));
      const [id, category, message] = r.errors[0]!.split('|');
      assert.equal(id, 'TLS365.NodeUnsupportedOS,Get-Tls365Readiness');
      assert.equal(category, 'NotImplemented');
      assert.match(message!, new RegExp(`This is Windows ${nt.replace('.', '\\.')}\\.`));
      assert.match(message!, /Get-Tls365Readiness -ComputerName <this machine>/);
      assert.match(message!, /module\\Collector\\Get-Tls365Snapshot\.ps1 -OutFile <file>/);
      assert.deepEqual(r.values, []);
    });
  }

  it('win81 (6.3): a warning that Node.js support is experimental, and the machine is still evaluated', () => {
    const r = run('win81');
    assert.ok(r.osVersion.startsWith('6.3.'), `Wine reports ${r.osVersion}`);
    assert.deepEqual(r.errors, []);
    assert.ok(r.warnings.some((w) => /Windows 6\.3.*experimental/.test(w)), r.warnings.join('\n'));
    assert.deepEqual(r.values, ['TLS365.Readiness']);
  });
});
