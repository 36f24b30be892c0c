import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { jsonDifferences } from '../support/differences.js';
import { assertTier, regeditImport, resetRegistry, runWine, runWindowsPwsh, scratchDir, stopWine, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: a pending restart (TLS365-OS-005) on a real Win32 registry. The pending-restart markers are keys whose
 * existence is the signal [CM-PREREQ] [HC-REBOOT]: Component Based Servicing\RebootPending and Windows Update
 * Auto Update\RebootRequired. The live collector reads them (and nothing else of CBS or Windows Update), and
 * module\Collector\Export-Tls365Keys.cmd exports them with reg.exe.
 */
const CV = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion';
const CBS_MARKER = `${CV}\\Component Based Servicing\\RebootPending`;
const WU_MARKER = `${CV}\\WindowsUpdate\\Auto Update\\RebootRequired`;
const BASE = join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A09-server2012r2-tls12-client-disabled.reg');
/** The acceptance image with marker keys added (the image is plain text; Windows writes a GUID subkey under RebootPending). */
const withMarkers = (dir: string, name: string, sections: readonly string[]): string => {
  const file = join(dir, name);
  writeFileSync(file, `${readFileSync(BASE, 'latin1')}\r\n${sections.join('\r\n\r\n')}\r\n`, 'latin1');
  return file;
};

interface Summary { Ready: boolean; Components: string[]; Findings: string[] }
const os005 = (s: Summary): string[] => s.Findings.filter((f) => f.startsWith('TLS365-OS-005|'));

describe('Windows tier: a pending restart (TLS365-OS-005) [CM-PREREQ] [HC-REBOOT]', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());

  it('the live collector reports Component Based Servicing\\RebootPending as a Warn on every component, and nothing once the key is gone', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      const image = withMarkers(scratch.dir, 'pending.reg', [`[${CBS_MARKER}]`, `[${CBS_MARKER}\\{6a7a2a6c-4d3b-4d1b-9c63-2b0c8c1b5a6f}]`]);
      assert.equal(regeditImport(image).code, 0);
      const live = (): Summary => {
        const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Get-LiveReadiness.ps1'),
          ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
        const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { live: Summary[]; errors: string[] };
        assert.deepEqual(r.errors, []);
        assert.equal(r.live.length, 1);
        return r.live[0] as Summary;
      };
      const pending = live();
      assert.deepEqual(os005(pending), ['TLS365-OS-005|WinHttp,WinHttp32,WinInet,SChannelClient,SChannelServer,DotNet4,DotNet4_32|Warn']);

      const deleted = runWine('reg', ['delete', CBS_MARKER.replace('HKEY_LOCAL_MACHINE', 'HKLM'), '/f']);
      assert.equal(deleted.code, 0, `${deleted.stdout}\n${deleted.stderr}`);
      const after = live();
      assert.deepEqual(os005(after), [], 'the collector read the marker and found it absent');
      // A Warn changes no verdict: the components are what they were with the restart pending.
      assert.deepEqual(after.Components, pending.Components);
      assert.equal(after.Ready, pending.Ready);
    } finally {
      scratch.dispose();
    }
  });

  it('Export-Tls365Keys.cmd exports Windows Update\\RebootRequired, and the export evaluates as the image does', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      const image = withMarkers(scratch.dir, 'pending-wu.reg', [`[${WU_MARKER}]`, '"{aaaaaaaa-1111-2222-3333-444444444444}"=dword:00000001']);
      assert.equal(regeditImport(image).code, 0);
      const out = join(scratch.dir, 'export.reg');
      const cmd = runWine('cmd', ['/c', toWindowsPath(join(repoRoot, 'module', 'Collector', 'Export-Tls365Keys.cmd')), toWindowsPath(out)]);
      assert.equal(cmd.code, 0, `${cmd.stdout}\n${cmd.stderr}`);
      assert.ok(existsSync(out));
      const bytes = readFileSync(out);
      const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('latin1');
      assert.ok(text.toUpperCase().includes(`[${WU_MARKER.toUpperCase()}]`), 'the marker key is in the export');
      assert.ok(!text.toUpperCase().includes('[HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\WINDOWS\\CURRENTVERSION\\WINDOWSUPDATE\\AUTO UPDATE]'), 'only the marker, not its parent');
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Compare-Images.ps1'),
        ['-Image', toWindowsPath(image), '-Exported', toWindowsPath(out), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { image: Summary; exported: Summary };
      assert.equal(os005(r.image).length, 1, 'the image itself has the finding');
      assert.deepEqual(r.exported, r.image, `the export differs from the image: ${jsonDifferences(r.image, r.exported)}`);
    } finally {
      scratch.dispose();
    }
  });

  it('Set-Tls365Protocols leaves a volatile marker (TLS365 changes written since the last boot) that live readiness reports, and a restart of Windows (the wine server) drops it', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      assert.equal(regeditImport(join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A01-win10-22h2-nothing-set.reg')).code, 0);
      const backup = join(scratch.dir, 'backup.json');
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-SetAndRead.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1')), '-BackupPath', toWindowsPath(backup)]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { changes: number; live: Summary[]; os005: string[]; marker: Record<string, string> };
      assert.ok(r.changes > 0);
      assert.equal(r.marker['Command'], 'Set-Tls365Protocols');
      assert.equal(r.marker['BackupPath'], toWindowsPath(backup));
      assert.match(r.marker['ChangedUtc'] ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(r.os005.length, 1);
      assert.match(r.os005[0] ?? '', /TLS365 changes written since the last boot \(HKEY_LOCAL_MACHINE\\SOFTWARE\\TLS365RestartPending\)/);

      // A volatile key is never saved: once the wine server stops (Windows' restart, here), it is gone.
      stopWine();
      const after = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Get-LiveReadiness.ps1'),
        ['-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(after.code, 0, `${after.stdout}\n${after.stderr}`);
      const a = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { live: Summary[] };
      assert.deepEqual(os005(a.live[0] as Summary), [], 'the marker did not survive the restart');
    } finally {
      scratch.dispose();
    }
  });
});
