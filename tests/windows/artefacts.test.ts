import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, runWine, scratchDir, toWindowsPath, type WineRun } from '../support/wine.js';

/**
 * Windows tier: the artefacts of Export-Tls365Remediation run for real where SCCM and GPO run them, against
 * Wine's Win32 registry, with no module and no Node: the .reg imported by regedit /s and by reg import /reg:64,
 * the standalone script and the SCCM discovery/remediation pair run by the Windows pwsh. Each must leave the
 * machine Ready in a fresh live evaluation; -WhatIf and discovery write nothing (reg export bytes unchanged);
 * a second run changes nothing. The artefacts are exported under the Windows pwsh too (the bridge is Node for
 * Windows). A hostile image (values that are PowerShell and .reg syntax) shows the artefacts run no value as code.
 */

const acceptance = (name: string): string => join(repoRoot, 'tests', 'fixtures', 'acceptance', name);
const scripts = join(repoRoot, 'tests', 'windows', 'scripts');
const moduleArg = ['-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))];

/**
 * Not-ready machines whose gaps are registry-only, of different kinds: SCHANNEL's TLS 1.2 client off (2012 R2),
 * the 32-bit .NET view (Windows 10), WinINet through HKCU, Windows 7 SP1 without DefaultSecureProtocols, and a
 * 32-bit Windows 10, where nothing may be written under a Wow6432Node.
 */
const CASES = [
  acceptance('A09-server2012r2-tls12-client-disabled.reg'),
  acceptance('A16-win10-wow-v4-absent.reg'),
  acceptance('A33-win10-hkcu-secureprotocols-0xa0.reg'),
  acceptance('A06-win7sp1-remediated-no-dsp.reg'),
  acceptance('A29-win10-x86-nothing-set.reg'),
];

/** A .reg file's text, whichever encoding regedit wrote it in (UTF-16LE with BOM, or ANSI). */
const regText = (file: string): string => {
  const bytes = readFileSync(file);
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('latin1');
};

interface Summary { Ready: boolean; Components: string[]; Findings: string[] }

function ok(run: WineRun, what: string): WineRun {
  assert.equal(run.code, 0, `${what} exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

function liveReadiness(dir: string): Summary {
  ok(runWindowsPwsh(join(scripts, 'Get-LiveReadiness.ps1'), ['-OutDir', toWindowsPath(dir), ...moduleArg]), 'Get-LiveReadiness.ps1');
  const r = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { live: Summary | Summary[]; errors: string[] | string | null };
  assert.deepEqual(r.errors ?? [], [], 'live readiness wrote no error');
  return Array.isArray(r.live) ? r.live[0]! : r.live;
}

function trees(dir: string, label: string): string {
  ok(runWindowsPwsh(join(scripts, 'Export-Trees.ps1'), ['-OutDir', toWindowsPath(dir), '-Label', label]), 'Export-Trees.ps1');
  let all = '';
  for (let i = 0; i < 8; i += 1) {
    const reg = join(dir, `${label}-${i}.reg`);
    all += existsSync(reg) ? readFileSync(reg).toString('base64') : `missing-${i}`;
    all += '|';
  }
  return all;
}

function fresh(image: string): void {
  resetRegistry();
  ok(regeditImport(image), `regedit /s ${image}`);
}

function assertReady(s: Summary, how: string): void {
  assert.deepEqual(s.Components.filter((c) => !/=(Ready|NotApplicable)$/.test(c)), [], `${how}: ${s.Findings.join(' | ')}`);
  assert.equal(s.Ready, true, how);
}

describe('Windows tier: exported artefacts run for real under Wine (regedit, reg import, standalone script, SCCM pair)', function () {
  this.timeout(300_000);
  before(() => assertTier());
  after(() => resetRegistry());

  for (const image of CASES) {
    describe(image.split('/').pop()!, () => {
      const scratch = scratchDir();
      const dir = scratch.dir;
      const file = (n: string): string => toWindowsPath(join(dir, n));
      after(() => scratch.dispose());

      before(() => {
        fresh(image);
        ok(runWindowsPwsh(join(scripts, 'Export-Artefacts.ps1'), ['-Image', toWindowsPath(image), '-OutDir', toWindowsPath(dir), ...moduleArg]), 'Export-Artefacts.ps1');
        for (const f of ['fix.reg', 'fix.ps1', 'discovery.ps1', 'remediation.ps1', 'intune-detection.ps1', 'intune-remediation.ps1']) assert.ok(existsSync(join(dir, f)), `${f} exported`);
        assert.equal(liveReadiness(dir).Ready, false, 'the machine is not ready before the artefact runs');
      });

      it('the .reg, imported by regedit /s, makes the machine Ready', () => {
        fresh(image);
        ok(runWine('regedit', ['/s', file('fix.reg')]), 'regedit /s fix.reg');
        assertReady(liveReadiness(dir), 'after regedit /s fix.reg');
      });

      it('the .reg, imported by reg import /reg:64, makes the machine Ready', () => {
        fresh(image);
        ok(runWine('reg', ['import', file('fix.reg'), '/reg:64']), 'reg import fix.reg /reg:64');
        assertReady(liveReadiness(dir), 'after reg import /reg:64');
      });

      it('the standalone script: -WhatIf writes nothing; a run fixes it with a backup; a second run changes nothing', () => {
        fresh(image);
        const before = trees(dir, 'before');
        const whatIf = ok(runWindowsPwsh(join(dir, 'fix.ps1'), ['-WhatIf', '-BackupPath', file('whatif-backup.reg')]), 'fix.ps1 -WhatIf');
        assert.match(whatIf.stdout, /What if:/);
        assert.equal(existsSync(join(dir, 'whatif-backup.reg')), false, '-WhatIf writes no backup');
        assert.equal(trees(dir, 'whatif'), before, '-WhatIf left every touched tree as it was');
        ok(runWindowsPwsh(join(dir, 'fix.ps1'), ['-BackupPath', file('script-backup.reg')]), 'fix.ps1');
        assert.ok(existsSync(join(dir, 'script-backup.reg')), 'the script wrote its backup first');
        const applied = trees(dir, 'applied');
        assert.notEqual(applied, before);
        assertReady(liveReadiness(dir), 'after fix.ps1');
        ok(runWindowsPwsh(join(dir, 'fix.ps1'), ['-BackupPath', file('script-backup-2.reg')]), 'fix.ps1 again');
        assert.equal(trees(dir, 'again'), applied, 'a second run changes nothing');
      });

      it('SCCM: discovery says non-compliant and writes nothing, remediation fixes it, discovery then prints Compliant', () => {
        fresh(image);
        const before = trees(dir, 'sccm-before');
        const first = ok(runWindowsPwsh(join(dir, 'discovery.ps1')), 'discovery.ps1');
        assert.notEqual(first.stdout.trim(), 'Compliant');
        assert.ok(first.stdout.trim().length > 0, 'discovery names what is not compliant');
        assert.equal(trees(dir, 'sccm-discovered'), before, 'discovery writes nothing');
        ok(runWindowsPwsh(join(dir, 'remediation.ps1')), 'remediation.ps1');
        const second = ok(runWindowsPwsh(join(dir, 'discovery.ps1')), 'discovery.ps1 after remediation');
        assert.equal(second.stdout.trim(), 'Compliant');
        assertReady(liveReadiness(dir), 'after the SCCM remediation');
      });

      it('Intune: detection exits 1 with one line of at most 2,048 characters and writes nothing, remediation exits 0, detection then exits 0 with Compliant', () => {
        fresh(image);
        const before = trees(dir, 'intune-before');
        const first = runWindowsPwsh(join(dir, 'intune-detection.ps1'));
        assert.equal(first.code, 1, `detection exit code: ${first.stdout} ${first.stderr}`);
        const line = first.stdout.trim();
        assert.ok(line.length > 0 && line.length <= 2048 && !/[\r\n]/.test(line), `one line of at most 2,048 characters: ${line.length}`);
        assert.match(line, /^\d+ value\(s\) not as planned: /);
        assert.equal(trees(dir, 'intune-detected'), before, 'detection writes nothing');
        const fixed = ok(runWindowsPwsh(join(dir, 'intune-remediation.ps1')), 'intune-remediation.ps1');
        assert.ok(fixed.stdout.trim().length <= 2048 && fixed.stderr.trim() === '', `remediation output: ${fixed.stdout} ${fixed.stderr}`);
        const second = runWindowsPwsh(join(dir, 'intune-detection.ps1'));
        assert.equal(second.code, 0, `detection after remediation: ${second.stdout}`);
        assert.equal(second.stdout.trim(), 'Compliant');
        assertReady(liveReadiness(dir), 'after the Intune remediation');
      });
    });
  }

  describe('a plan made for one machine writes nothing on another (issue 15): another build, and 32-bit Windows under a plan that writes Wow6432Node', () => {
    // [exported from, run on, what the refusal names]: Windows 7 SP1 x64's plan on Server 2022; Windows 10 x64's
    // plan (it writes the 32-bit .NET view) on a 32-bit Windows 10 of the same build.
    const PAIRS: readonly [string, string, RegExp][] = [
      [acceptance('A06-win7sp1-remediated-no-dsp.reg'), join(repoRoot, 'examples', 'ws2022-web02.reg'), /the plan holds the values of a build 7601 machine, and this one is build 20348, 64-bit/],
      [acceptance('A16-win10-wow-v4-absent.reg'), acceptance('A29-win10-x86-nothing-set.reg'), /build 19045, 32-bit Windows, which has no Wow6432Node, and the plan writes there/],
    ];
    for (const [from, on, says] of PAIRS) {
      const name = `${from.split('/').pop()!} on ${on.split('/').pop()!}`;
      it(`${name}: the script, the SCCM and the Intune remediation exit 2 naming both machines, the detections print one Not for this machine line; nothing written`, () => {
        const scratch = scratchDir();
        try {
          const dir = scratch.dir;
          fresh(from);
          ok(runWindowsPwsh(join(scripts, 'Export-Artefacts.ps1'), ['-Image', toWindowsPath(from), '-OutDir', toWindowsPath(dir), ...moduleArg]), 'Export-Artefacts.ps1');
          fresh(on);
          const before = trees(dir, 'other-before');
          for (const script of ['fix.ps1', 'remediation.ps1', 'intune-remediation.ps1']) {
            const run = runWindowsPwsh(join(dir, script), script === 'fix.ps1' ? ['-BackupPath', toWindowsPath(join(dir, 'other-backup.reg'))] : []);
            assert.equal(run.code, 2, `${script} exit code\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
            assert.match(run.stderr, /TLS365: this plan is not for this machine: /);
            assert.match(run.stderr, says);
            assert.match(run.stderr, /Nothing was changed\./);
          }
          assert.equal(existsSync(join(dir, 'other-backup.reg')), false, 'no backup: nothing was about to be written');
          const discovery = ok(runWindowsPwsh(join(dir, 'discovery.ps1')), 'discovery.ps1');
          const lines = discovery.stdout.trim().split(/\r?\n/);
          assert.equal(lines.length, 1, discovery.stdout);
          assert.match(lines[0]!, /^Not for this machine: /);
          assert.match(lines[0]!, says);
          const intune = runWindowsPwsh(join(dir, 'intune-detection.ps1'));
          assert.equal(intune.code, 1, 'Intune detection: exit 1, so the remediation runs and its refusal shows');
          assert.match(intune.stdout.trim(), /^Not for this machine: /);
          assert.equal(trees(dir, 'other-after'), before, 'every touched tree as it was');
        } finally {
          scratch.dispose();
        }
      });
    }
  });

  describe('a hostile image: values that are PowerShell and .reg syntax are data in every artefact', () => {
    const scratch = scratchDir();
    const dir = scratch.dir;
    after(() => scratch.dispose());
    const marker = 'C:\\tls365-pwned.txt';
    const markerLinux = (): string => join(process.env['WINEPREFIX'] ?? join(repoRoot, '.tools', 'wine', 'prefix'), 'drive_c', 'tls365-pwned.txt');

    it('exports and runs every artefact of an image whose names and strings are code, and nothing is executed', () => {
      // A09 with a computer name, a product name and a wrong-typed (string) WinHTTP value that are PowerShell
      // subexpressions, quote breaks and .reg line breaks that would each create the marker file if executed.
      const payloads = [
        `$(Set-Content -LiteralPath '${marker}' -Value 1)`,
        `'; Set-Content -LiteralPath '${marker}' -Value 2; '`,
        `"; Set-Content -LiteralPath '${marker}' -Value 3; "`,
      ];
      const reg = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
      const base = regText(acceptance('A09-server2012r2-tls12-client-disabled.reg')).replace(/^REGEDIT4/, 'Windows Registry Editor Version 5.00');
      const hostile = `${base}\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ActiveComputerName]\r\n"ComputerName"="${reg(payloads[0]!)}"\r\n\r\n`
        + `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"ProductName"="${reg(payloads[1]!)}"\r\n\r\n`
        + `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]\r\n"DefaultSecureProtocols"="${reg(payloads[2]!)}"\r\n\r\n`;
      const image = join(dir, 'hostile $(x) image.reg');
      writeFileSync(image, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hostile, 'utf16le')]));
      fresh(image);
      ok(runWindowsPwsh(join(scripts, 'Export-Artefacts.ps1'), ['-Image', toWindowsPath(image), '-OutDir', toWindowsPath(dir), ...moduleArg]), 'Export-Artefacts.ps1 (hostile)');
      ok(runWindowsPwsh(join(dir, 'discovery.ps1')), 'discovery.ps1 (hostile)');
      ok(runWindowsPwsh(join(dir, 'fix.ps1'), ['-BackupPath', toWindowsPath(join(dir, 'hostile-backup.reg'))]), 'fix.ps1 (hostile)');
      ok(runWindowsPwsh(join(dir, 'remediation.ps1')), 'remediation.ps1 (hostile)');
      ok(runWine('regedit', ['/s', toWindowsPath(join(dir, 'fix.reg'))]), 'regedit /s fix.reg (hostile)');
      // The command every hint gives (issue 12): reg.exe import <file> /reg:64.
      assert.match(readFileSync(join(dir, 'fix.reg')).toString('utf16le'), /; TLS365 remediation plan\. Import as an administrator with: reg\.exe import <this file> \/reg:64\r\n/);
      ok(runWine('reg', ['import', toWindowsPath(join(dir, 'hostile-backup.reg')), '/reg:64']), 'reg import of the script backup (hostile) /reg:64');
      assert.equal(existsSync(markerLinux()), false, `an artefact executed a value: ${marker} exists`);
      // The wrong-typed value was overwritten by the plan's DWORD; the backup put the hostile string back as data.
      const q = runWine('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp', '/v', 'DefaultSecureProtocols']);
      assert.match(q.stdout, /REG_SZ/);
      assert.ok(q.stdout.includes(`Set-Content -LiteralPath '${marker}' -Value 3`), q.stdout);
    });
  });
});
