import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the module imported in a fresh Windows pwsh under StrictMode Latest, with no hook and no mock,
 * walks every live path for real (tests/windows/scripts/Invoke-FreshSession.ps1; the Linux pwsh runs the same
 * walker in tests/module/General/FreshSession.Tests.ps1). Before the seams were redesigned, the first step failed
 * on an undeclared test variable and the collector on Get-HotFix.
 */
describe('Windows tier: a fresh session with no hooks walks every live path', function () {
  this.timeout(180_000);
  before(() => assertTier());
  after(() => resetRegistry());

  it('registry seam, live readiness, snapshot, Set -WhatIf, Set and Undo run without a single error', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      assert.equal(regeditImport(join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg')).code, 0);
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-FreshSession.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as Record<string, { errors: string[]; values: string[] }>;
      for (const step of ['registryBase', 'readiness', 'snapshot', 'setWhatIf', 'set', 'undo']) {
        assert.deepEqual(r[step]!.errors, [], `${step}: ${r[step]!.errors.join('\n')}`);
      }
      assert.deepEqual(r['registryBase']!.values, ['System.String'], 'the seam opened HKEY_LOCAL_MACHINE');
      assert.deepEqual(r['readiness']!.values, ['TLS365.Readiness']);
      assert.deepEqual(r['snapshot']!.values, ['TLS365.Snapshot']);
      assert.deepEqual(r['setWhatIf']!.values, []);
      assert.ok(r['set']!.values.length > 0 && r['set']!.values.every((v) => v === 'TLS365.ChangeResult'), r['set']!.values.join(', '));
      assert.deepEqual(r['undo']!.values, ['TLS365.UndoResult']);
    } finally {
      scratch.dispose();
    }
  });
});
