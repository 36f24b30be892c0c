import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: a live Set-Tls365Protocols that fails half-way for a real Win32 reason, not an injected one: the
 * parent of a key the plan must create is volatile, and the registry refuses a stable subkey under a volatile
 * key (ERROR_CHILD_MUST_BE_VOLATILE; Wine says "Subkey must be volatile."). Every value written before the
 * failure is restored, every key created is deleted, the trees export byte-identical, and the one error says so.
 */
describe('Windows tier: a live Set that fails half-way rolls everything back and says what it did', function () {
  this.timeout(180_000);
  before(() => assertTier());
  after(() => resetRegistry());

  for (const image of ['A09-server2012r2-tls12-client-disabled.reg', 'A04-win7sp1-nothing-set-net35-no-kbs.reg']) {
    it(`${image}: rollback to the exact prior state, keys included`, () => {
      const scratch = scratchDir();
      try {
        resetRegistry();
        assert.equal(regeditImport(join(repoRoot, 'tests', 'fixtures', 'acceptance', image)).code, 0);
        const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-FailedSet.ps1'),
          ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
        const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as {
          planned: number; failingIndex: number; failingKey: string; volatileKey: string; output: number; backupExists: boolean; errors: string[] | string; otherErrors: string[] | string | null;
        };
        const errors = ([] as string[]).concat(r.errors);
        assert.deepEqual(([] as string[]).concat(r.otherErrors ?? []), [], 'nothing but the one TLS365 error reaches -ErrorVariable');
        assert.ok(r.failingIndex >= 1, 'at least one value was written before the failure');
        assert.equal(r.output, 0, 'a failed Set returns no ChangeResult');
        assert.equal(r.backupExists, true, 'the backup was written before the first change');
        assert.equal(errors.length, 1, errors.join('\n'));
        const [id, category, message] = errors[0]!.split('|');
        assert.match(id!, /^TLS365\.Remediation\.WriteFailed/);
        assert.equal(category, 'WriteError');
        assert.ok(message!.includes(r.failingKey), `names the value that failed: ${message}`);
        assert.match(message!, /volatile/i, 'carries the registry\'s own reason');
        assert.match(message!, /Rolled back and read back: \d+ value\(s\) restored and \d+ key\(s\) it had created removed/);
        assert.doesNotMatch(message!, /did NOT restore/);
        for (let i = 0; i < 8; i += 1) {
          const before = join(scratch.dir, `before-${i}.reg`);
          const after = join(scratch.dir, `after-${i}.reg`);
          assert.equal(existsSync(after), existsSync(before), `tree ${i} exists after as before`);
          if (existsSync(before)) assert.ok(readFileSync(after).equals(readFileSync(before)), `tree ${i} is byte-identical after the rollback`);
        }
      } finally {
        scratch.dispose();
      }
    });
  }
});
