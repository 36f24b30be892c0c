import { strict as assert } from 'node:assert';
import { assertTier, runWindowsPwsh, scratchDir } from '../support/wine.js';

/**
 * Windows tier: the harness itself. Under Wine the Windows pwsh needs a terminal (without one it exits 0 and
 * prints nothing), so every run goes through a pty with stdout and stderr in files: this proves both come back
 * clean and apart, the exit code is the script's own, and Wine's one line of noise is dropped.
 */
describe('Windows tier: the harness', function () {
  this.timeout(120_000);
  before(() => assertTier());

  it('returns the Windows pwsh\'s own exit code, its stdout and its stderr, apart and clean', () => {
    const scratch = scratchDir();
    try {
      const script = scratch.write('probe.ps1', [
        "[Console]::Out.Write('out-1' + [char]10)",
        "[Console]::Error.WriteLine('err-1')",
        "'{0} {1}' -f $PSVersionTable.PSVersion, [System.Environment]::OSVersion.Platform",
        'exit 7',
      ].join('\r\n'));
      const r = runWindowsPwsh(script);
      assert.equal(r.code, 7);
      assert.deepEqual(r.stdout.split(/\r?\n/).filter((l) => l !== ''), ['out-1', '7.6.9 Win32NT']);
      assert.equal(r.stderr, 'err-1', 'only the script\'s own stderr (Wine\'s device notice is dropped)');
      const ok = runWindowsPwsh(scratch.write('ok.ps1', "'fine'"));
      assert.equal(ok.code, 0);
      assert.equal(ok.stdout.trim(), 'fine');
    } finally {
      scratch.dispose();
    }
  });
});
