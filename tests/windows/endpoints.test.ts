import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { jsonDifferences } from '../support/differences.js';
import { assertTier, regeditImport, resetRegistry, runWine, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the endpoint profiles (issue 16 item 1) on a real Win32 registry. The live collector reads the
 * cipher-suite lists and the curve order (`Functions` and `EccCurves` under the Group Policy and the local
 * `SSL\00010002` keys, REG_SZ and REG_MULTI_SZ as Windows writes them), Export-Tls365Keys.cmd exports them, and both
 * give the verdicts the image gives. What Wine cannot be: Schannel's own negotiation (no handshake is made here; the
 * verdict is the core's model of it, tested per OS family in tests/core/endpoints).
 */
const BASE = join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A03-server2019-hardened12-all8-net35.reg');
const POLICY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002';
const LOCAL = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002';

/** A REG_MULTI_SZ as a .reg file writes it: hex(7), UTF-16LE, each string NUL-terminated, then a final NUL. */
const multiSz = (items: readonly string[]): string => {
  const bytes = Buffer.from(`${items.join('\0')}\0\0`, 'utf16le');
  return `hex(7):${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(',')}`;
};
/**
 * The image with sections added, written as regedit writes a version 5.00 file: UTF-16LE with a byte order mark.
 * (Wine's regedit reads hex(7) data in a file without one as ANSI and widens each byte, which Windows never meets.)
 */
const withSections = (dir: string, name: string, sections: readonly string[]): string => {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${readFileSync(BASE, 'latin1')}\r\n${sections.join('\r\n\r\n')}\r\n`, 'utf16le')]));
  return file;
};

interface Summary { Ready: boolean; Components: string[]; Findings: string[]; Endpoints: string[] }

describe('Windows tier: endpoint profiles on a live registry (TLS365-ENDPOINT-*) [CURVES-1607] [AFD-DHE] [HC-CIPHER]', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());

  const live = (dir: string, asOf: string): Summary => {
    const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Get-LiveReadiness.ps1'),
      ['-OutDir', toWindowsPath(dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1')), '-AsOf', asOf]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const r = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { live: Summary[]; errors: string[] };
    assert.deepEqual(r.errors, []);
    assert.equal(r.live.length, 1);
    return r.live[0] as Summary;
  };

  it('a Group Policy curve order of curve25519 only (REG_MULTI_SZ) is read live: Azure Front Door fails, and a local order with NistP256 does not override it', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      const image = withSections(scratch.dir, 'curves.reg', [`[${POLICY}]\r\n"EccCurves"=${multiSz(['curve25519'])}`, `[${LOCAL}]\r\n"EccCurves"=${multiSz(['NistP256', 'NistP384'])}`]);
      assert.equal(regeditImport(image).code, 0);
      const r = live(scratch.dir, '2026-12-05');
      assert.ok(r.Endpoints.includes('TLS365-ENDPOINT-001|AzureFrontDoor|Fail|2026-04-01'), r.Endpoints.join('\n'));
      assert.ok(r.Components.includes('SChannelClient=NotReady'));

      // The policy value gone, the local order (NistP256, NistP384) is in effect: no endpoint finding.
      const deleted = runWine('reg', ['delete', POLICY.replace('HKEY_LOCAL_MACHINE', 'HKLM'), '/v', 'EccCurves', '/f']);
      assert.equal(deleted.code, 0, `${deleted.stdout}\n${deleted.stderr}`);
      assert.deepEqual(live(scratch.dir, '2026-12-05').Endpoints, []);
    } finally {
      scratch.dispose();
    }
  });

  it('a local DHE-only suite list (REG_MULTI_SZ) is read live and judged by the day: a warning before 2026-04-01, a failure after; the export evaluates as the image does', () => {
    const scratch = scratchDir();
    try {
      resetRegistry();
      const image = withSections(scratch.dir, 'dhe.reg', [`[${LOCAL}]\r\n"Functions"=${multiSz(['TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'])}`]);
      assert.equal(regeditImport(image).code, 0);
      const before = live(scratch.dir, '2026-02-15');
      assert.ok(before.Endpoints.includes('TLS365-ENDPOINT-002|AzureFrontDoor|Warn|2026-04-01'), before.Endpoints.join('\n'));
      const after = live(scratch.dir, '2026-04-01');
      assert.ok(after.Endpoints.includes('TLS365-ENDPOINT-001|AzureFrontDoor|Fail|2026-04-01'), after.Endpoints.join('\n'));

      const out = join(scratch.dir, 'export.reg');
      const cmd = runWine('cmd', ['/c', toWindowsPath(join(repoRoot, 'module', 'Collector', 'Export-Tls365Keys.cmd')), toWindowsPath(out)]);
      assert.equal(cmd.code, 0, `${cmd.stdout}\n${cmd.stderr}`);
      assert.ok(existsSync(out));
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Compare-Images.ps1'),
        ['-Image', toWindowsPath(image), '-Exported', toWindowsPath(out), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as { image: Summary; exported: Summary };
      assert.ok(r.image.Endpoints.some((e) => e.includes('|AzureFrontDoor|')), 'the image itself has the endpoint finding (judged today)');
      assert.deepEqual(r.exported, r.image, `the export differs from the image: ${jsonDifferences(r.image, r.exported)}`);
    } finally {
      scratch.dispose();
    }
  });
});
