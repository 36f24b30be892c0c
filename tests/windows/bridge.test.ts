import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, layout, resetRegistry, runWindowsPwsh, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the bridge on Windows. The Windows pwsh starts node.exe (Node for Windows) through
 * System.Diagnostics.Process with redirected stdio, found through TLS365_NODE and, with TLS365_NODE unset, by
 * name on PATH (PowerShell under Wine 8 cannot find programs by bare name, so the module also walks PATH itself);
 * a missing TLS365_NODE is a clear error naming it; non-ASCII machine names and paths with spaces go through the
 * bridge (ASCII on the wire, \u escapes) and back unchanged.
 */
describe('Windows tier: the bridge on Windows (Node for Windows under Wine)', function () {
  this.timeout(180_000);
  before(() => assertTier());

  it('starts node.exe by TLS365_NODE and by name on PATH, names a missing node, and round-trips non-ASCII names and paths with spaces', () => {
    const scratch = scratchDir();
    try {
      const folder = join(scratch.dir, 'dossier été', 'машина ü');
      mkdirSync(folder, { recursive: true });
      const image = join(folder, 'serveur Ω 01.reg');
      // The ws2016-ex01 example with a non-ASCII computer name (UTF-16LE, as regedit writes).
      const text = readFileSync(join(repoRoot, 'examples', 'ws2016-ex01.reg')).toString('utf16le').replace(/^\ufeff/, '')
        .replace(/"ComputerName"="[^"]*"/g, '"ComputerName"="SRV-ÉTÉ-Ω-ü"');
      assert.match(text, /SRV-ÉTÉ-Ω-ü/);
      writeFileSync(image, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      resetRegistry();
      const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Test-Bridge.ps1'), [
        '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1')),
        '-NodeFolder', toWindowsPath(dirname(layout.node)), '-Image', toWindowsPath(image), '-BrokenName', 'cassé ü.reg', '-ExportName', 'fix été Ω.reg']);
      assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      const r = JSON.parse(readFileSync(join(scratch.dir, 'result.json'), 'utf8')) as Record<string, { node: string | null; bridge: string | null; errors: string[]; value: unknown[] }>;
      const nodeWin = toWindowsPath(layout.node);
      const same = (a: string | null): string => (a ?? '').toUpperCase().replace(/\//g, '\\');

      assert.deepEqual(r['byVariable']!.errors, []);
      assert.deepEqual(r['byVariable']!.value, ['SRV-ÉTÉ-Ω-ü']);
      assert.equal(same(r['byVariable']!.node), same(nodeWin));
      assert.match(same(r['byVariable']!.bridge), /NODE\.EXE$/, 'the bridge process is node.exe');

      assert.deepEqual(r['byPath']!.errors, []);
      assert.deepEqual(r['byPath']!.value, ['SRV-ÉTÉ-Ω-ü']);
      assert.equal(same(r['byPath']!.node), same(nodeWin), 'found by name on PATH');

      const missing = r['missing']!.errors;
      assert.equal(missing.length, 1, missing.join('\n'));
      assert.match(missing[0]!, /^TLS365\.NodeNotFound/);
      assert.ok(missing[0]!.includes('no such node.exe'), missing[0]);

      const uni = r['unicode']!;
      const value = uni.value as { ComputerName: string; Exported: string; ExportedExists: boolean }[];
      assert.equal(value[0]!.ComputerName, 'SRV-ÉTÉ-Ω-ü');
      assert.equal(value[0]!.ExportedExists, true);
      assert.ok(value[0]!.Exported.endsWith('fix été Ω.reg'), value[0]!.Exported);
      assert.ok(existsSync(join(folder, 'fix été Ω.reg')), 'the export landed at the non-ASCII path on disk');
      assert.equal(uni.errors.length, 1, uni.errors.join('\n'));
      assert.ok(uni.errors[0]!.includes('машина ü') && uni.errors[0]!.includes('cassé ü.reg'), `the error names the file: ${uni.errors[0]}`);
      assert.match(uni.errors[0]!, /:4\b/, 'and its line');
    } finally {
      scratch.dispose();
    }
  });
});
