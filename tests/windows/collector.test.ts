import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the live collector on a machine with a very large Component Based Servicing Packages key (a
 * long-serviced server holds tens of thousands of packages, each with a dozen values), imported into Wine's
 * registry. The collector keeps one KB-named package per KB (the best CurrentState) with that value only, finds
 * the one KB that matters among them, and the live verdict equals the image's. (How long it takes is printed, not asserted: timings
 * belong to the benchmarks.)
 */
describe('Windows tier: the live collector and a very large CBS Packages key', function () {
  this.timeout(600_000);
  before(() => assertTier());
  after(() => resetRegistry());

  it('reads 24,000 packages (16,000 of them for 4,000 KBs, four each) and keeps one per KB, the best state: KB3140245 installed in its third package of three (issue 12)', () => {
    const scratch = scratchDir();
    try {
      const cbs = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages';
      const base = readFileSync(join(repoRoot, 'examples', 'ws2008r2-app01.reg')).subarray(2).toString('utf16le');
      const parts: string[] = [base, '\r\n'];
      const pkg = (name: string, state: number): string => `[${cbs}\\${name}]\r\n"CurrentState"=dword:${state.toString(16).padStart(8, '0')}\r\n"InstallClient"="WindowsUpdateAgent"\r\n"InstallLocation"="\\\\\\\\?\\\\C:\\\\Windows\\\\servicing\\\\Packages"\r\n"Visibility"=dword:00000002\r\n\r\n`;
      for (let i = 0; i < 8_000; i += 1) parts.push(pkg(`Microsoft-Windows-Feature${i}-Package~31bf3856ad364e35~amd64~~6.1.7601.${17514 + (i % 5000)}`, 0x70));
      // Four packages per KB as Windows Update leaves them (the main one, numbered parts, RTM/GDR branches); one
      // of them installed or superseded, the others staged (0x20) or absent (0x0).
      for (let i = 0; i < 4_000; i += 1) {
        const kb = `KB${4_000_000 + i}`;
        const names = [`Package_for_${kb}~31bf3856ad364e35~amd64~~6.1.1.${i % 7}`, `Package_1_for_${kb}~31bf3856ad364e35~amd64~~6.1.1.${i % 7}`,
          `Package_2_for_${kb}~31bf3856ad364e35~amd64~~6.1.1.${i % 7}`, `Package_for_${kb}_RTM~31bf3856ad364e35~amd64~~6.1.1.${i % 7}`];
        names.forEach((n, k) => parts.push(pkg(n, k === i % 4 ? (i % 3 === 0 ? 0x50 : 0x70) : k % 2 === 0 ? 0x20 : 0x0)));
      }
      parts.push(pkg('Package_1_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.0', 0x0));
      parts.push(pkg('Package_2_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.0', 0x20));
      parts.push(pkg('Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.0', 0x70));
      parts.push(pkg('Package_for_KB3154518~31bf3856ad364e35~amd64~~6.1.1.0', 0x70));
      const image = join(scratch.dir, 'ws2008r2 many packages.reg');
      writeFileSync(image, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(parts.join(''), 'utf16le')]));

      resetRegistry();
      const started = Date.now();
      assert.equal(regeditImport(image).code, 0);
      const imported = Date.now();
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Get-LiveAndImage.ps1'),
        ['-Image', toWindowsPath(image), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as {
        live: { Ready: boolean; Components: string[]; Findings: string[]; MissingUpdates: string[] | string | null };
        image: { Ready: boolean; Components: string[]; Findings: string[]; MissingUpdates: string[] | string | null };
        cbsKeys: number; collectSeconds: number; sizeEstimate: number; jsonBytes: number;
      };
      process.stdout.write(`      (regedit import ${((imported - started) / 1000).toFixed(1)} s, live collection ${r.collectSeconds.toFixed(1)} s)\n`);
      // Remote batches are sized by this estimate (Get-Tls365SnapshotSize): it must not fall short of the real JSON.
      assert.ok(r.sizeEstimate >= r.jsonBytes, `estimate ${r.sizeEstimate} < real ${r.jsonBytes} bytes`);
      process.stdout.write(`      (snapshot JSON ${r.jsonBytes} bytes, estimated ${r.sizeEstimate})\n`);
      assert.equal(r.cbsKeys, 4_000 + 2 + 2, 'one package per KB: the generated 4,000 KBs, the two added, the two the example has');
      const missing = (x: string[] | string | null): string[] => ([] as string[]).concat(x ?? []);
      assert.ok(!missing(r.live.MissingUpdates).includes('KB3140245'), 'KB3140245 found live: its installed package was kept, not a staged one');
      assert.deepEqual(
        { Ready: r.live.Ready, Components: r.live.Components, Findings: r.live.Findings, MissingUpdates: missing(r.live.MissingUpdates) },
        { Ready: r.image.Ready, Components: r.image.Components, Findings: r.image.Findings, MissingUpdates: missing(r.image.MissingUpdates) },
      );
    } finally {
      scratch.dispose();
    }
  });

  it('a key the registry refuses (a Deny ACE) is named in unreadable; what rests on it is Unknown, naming it; the rest equals the image', () => {
    const scratch = scratchDir();
    try {
      const image = join(repoRoot, 'tests', 'fixtures', 'acceptance', 'A19-server2012r2-net35-all8-kb3154520.reg');
      const key = 'SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5';
      resetRegistry();
      assert.equal(regeditImport(image).code, 0);
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-DeniedKey.ps1'),
        ['-Key', key, '-Image', toWindowsPath(image), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as {
        unreadable: string[]; errors: string[]; live: { Components: string[]; Reasons: string[] }; image: { Components: string[] };
      };
      assert.deepEqual(r.errors, [], 'the collection wrote no error: a refused key is data, not a failure');
      const full = `HKEY_LOCAL_MACHINE\\${key}`;
      const refused = r.unreadable.filter((u) => u.startsWith(`${full}|`));
      assert.equal(refused.length, 1, r.unreadable.join('\n'));
      assert.match(refused[0]!, /access is not allowed/i, 'with the registry\'s own reason');
      const status = (list: string[], name: string): string => list.find((c) => c.startsWith(`${name}=`))!;
      for (const c of ['DotNet35', 'DotNet35_32', 'DotNet4', 'DotNet4_32']) {
        assert.equal(status(r.live.Components, c), `${c}=Unknown`, 'the .NET components read NDP, which the refused key lies under');
        assert.ok(r.live.Reasons.some((x) => x.startsWith(`${c}:`) && x.includes(full)), `${c}'s reason names the key: ${r.live.Reasons.join(' | ')}`);
      }
      for (const c of ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer']) {
        assert.equal(status(r.live.Components, c), status(r.image.Components, c), `${c} does not rest on NDP: as in the image`);
      }
    } finally {
      scratch.dispose();
    }
  });
});
