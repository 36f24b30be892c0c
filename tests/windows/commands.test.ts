import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier (issue 17, item 2): a readiness result's Changes are commands an admin can paste. For machines
 * of several OS families, live Get-Tls365Readiness on the imported machine gives its Changes; their commands run
 * by Wine's cmd.exe must leave every tree a plan touches exactly as Set-Tls365Protocols leaves it on the same
 * machine (reg export bytes), and the machine then needs no further change. Pasting them into PowerShell runs the
 * same reg.exe lines; that shell is not run here (PowerShell under Wine cannot find reg.exe by bare name).
 */
const CASES = [
  join('examples', 'ws2008r2-app01.reg'),
  join('tests', 'fixtures', 'acceptance', 'A04-win7sp1-nothing-set-net35-no-kbs.reg'),
  join('tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg'),
  join('tests', 'fixtures', 'acceptance', 'A21-win10-1809-ssl3-client-enabled.reg'),
];

interface Result {
  commands: string[] | string; exit: number; said: string;
  before: { Ready: boolean; Components: string[] }; after: { Ready: boolean; Components: string[] }; afterChanges: string[] | string | null;
}
const list = (x: string[] | string | null | undefined): string[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);

function exportsOf(dir: string, label: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const reg = join(dir, `${label}-${i}.reg`);
    const missing = join(dir, `${label}-${i}.missing`);
    out.push(existsSync(reg) ? readFileSync(reg).toString('utf16le') : `missing:${readFileSync(missing, 'utf8').trim()}`);
  }
  return out;
}

describe('Windows tier: the Changes of a readiness result, pasted into cmd.exe, do what Set-Tls365Protocols does', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());
  const module = toWindowsPath(join(repoRoot, 'TLS365.psd1'));
  const script = join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-PastedCommands.ps1');

  for (const image of CASES) {
    it(`${image}: the pasted commands leave the registry as Set leaves it, and nothing is left to change`, () => {
      const scratch = scratchDir();
      try {
        resetRegistry();
        assert.equal(regeditImport(join(repoRoot, image)).code, 0);
        const pasted = runWindowsPwsh(script, ['-Phase', 'Commands', '-OutDir', toWindowsPath(scratch.dir), '-Module', module]);
        assert.equal(pasted.code, 0, `${pasted.stdout}\n${pasted.stderr}`);
        const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as Result;
        assert.ok(list(r.commands).length > 0, 'a machine that needs changes');
        assert.ok(list(r.commands).every((c) => c.startsWith('reg add "') && c.endsWith(' /f /reg:64')), list(r.commands).join('\n'));
        assert.equal(r.exit, 0, r.said);
        assert.deepEqual(list(r.afterChanges), [], 'after the commands, Set would write nothing more');

        resetRegistry();
        assert.equal(regeditImport(join(repoRoot, image)).code, 0);
        const set = runWindowsPwsh(script, ['-Phase', 'Set', '-OutDir', toWindowsPath(scratch.dir), '-Module', module]);
        assert.equal(set.code, 0, `${set.stdout}\n${set.stderr}`);
        const byCommands = exportsOf(scratch.dir, 'commands');
        const bySet = exportsOf(scratch.dir, 'set');
        byCommands.forEach((text, i) => assert.equal(text, bySet[i], `tree ${i}: the pasted commands and Set differ`));
      } finally {
        scratch.dispose();
      }
    });
  }
});
