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

/**
 * Windows tier, the change engine (issue 12): a failure injected at every position of a live Set's writes in
 * turn (through the seam from outside, as Pester's Mock does: Write-Tls365RegistryValue's N-th call fails; every
 * other write and every read is Wine's real Win32 registry). Each leaves the touched trees byte-identical, keys
 * included, with one WriteFailed error that says it rolled back; then a rollback whose restore of a written value fails is
 * reported as such, naming the value it could not restore, never as "restored".
 */
describe('Windows tier: a live Set rolls back after a failure at every position, and says when its rollback fails (issue 12)', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());

  it('A09-server2012r2-tls12-client-disabled.reg: every position, then a failed rollback write', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      assert.equal(regeditImport(join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg')).code, 0);
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-FailAtEveryWrite.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      type Case = { at: number[] | number; output: number; identical: boolean; backupSchema: string | null; calls: number; errors: string[] | string };
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { planned: number; positions: Case[] | Case; rollbackFailure: Case };
      const positions = ([] as Case[]).concat(r.positions);
      assert.ok(r.planned >= 4, `A09's plan has several writes (${r.planned})`);
      assert.equal(positions.length, r.planned);
      positions.forEach((p, k) => {
        const errors = ([] as string[]).concat(p.errors);
        assert.equal(p.output, 0, `failure at write ${k}: no ChangeResult`);
        assert.equal(p.backupSchema, 'tls365.change/1', `failure at write ${k}: the one backup format, written before the first write`);
        assert.equal(errors.length, 1, `failure at write ${k}: ${errors.join('\n')}`);
        const [id, category, message] = errors[0]!.split('|');
        assert.match(id!, /^TLS365\.Remediation\.WriteFailed/);
        assert.equal(category, 'WriteError');
        assert.match(message!, new RegExp(`injected registry failure at write call ${k}\\b`));
        assert.match(message!, /Rolled back and read back: \d+ value\(s\) restored and \d+ key\(s\) it had created removed/, `failure at write ${k}`);
        assert.ok(p.identical, `failure at write ${k}: every touched tree exports byte-identical, keys included`);
      });
      const rb = r.rollbackFailure;
      const errors = ([] as string[]).concat(rb.errors);
      assert.equal(errors.length, 1, errors.join('\n'));
      const [id, , message] = errors[0]!.split('|');
      assert.match(id!, /^TLS365\.Remediation\.WriteFailed/);
      assert.match(message!, /the rollback did NOT restore everything/);
      assert.doesNotMatch(message!, /Rolled back and read back/);
      // The value whose restore failed is named, with the registry's reason and what it reads now.
      assert.match(message!, /the restore failed: injected registry failure at write call 4/);
      assert.equal(rb.identical, false, 'the registry really is not as it was, and the message says so');
    } finally {
      scratch.dispose();
    }
  });
});
