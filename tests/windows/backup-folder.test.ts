import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the backup folder's security seam (issue 12) runs as Windows code: New-Tls365SecureFolder builds
 * the security descriptor (owner Administrators, protected, Full Control for Administrators and SYSTEM) and
 * creates the folder with it through .NET's Windows ACL API; Get-Tls365FolderSecurity reads owner and rules back
 * as SIDs. What Wine cannot be: it keeps no NTFS security (the folder reads back owned by the user and not
 * protected), so the judgement of a folder (Test-Tls365FolderSecurity: planted by a standard user, writable by
 * Users) is proven in Pester with this seam mocked (tests/module/Public/LiveRemediation.Tests.ps1), not here.
 */
describe('Windows tier: the backup folder security seam runs under the Windows pwsh (issue 12)', function () {
  this.timeout(120_000);
  before(() => assertTier());

  it('creates the folder with its security descriptor, reads owner and rules back as SIDs, and refuses to adopt an existing folder', () => {
    const scratch = scratchDir();
    try {
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-BackupFolder.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as {
        created: boolean; createError: string | null; owner: string | null; protected: boolean | null; rules: string[] | string; again: string; missing: boolean;
      };
      assert.equal(r.createError, null);
      assert.equal(r.created, true);
      assert.match(r.owner ?? '', /^S-1-[0-9-]+$/, 'the owner reads back as a SID');
      assert.ok(([] as string[]).concat(r.rules).every((x) => /^S-1-[0-9-]+\|0x[0-9A-F]+\|(True|False)\|(True|False)$/.test(x)), JSON.stringify(r.rules));
      assert.match(r.again, /already exists/);
      assert.equal(r.missing, true, 'a folder that does not exist has no security ($null)');
    } finally {
      scratch.dispose();
    }
  });
});
