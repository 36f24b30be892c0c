import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, prefixOf, regeditImport, resetRegistry, runWindowsPwshAsync, scratchDir, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier: the Windows package (npm run package -- --windows: the module with node\node.exe) installed the
 * way modules are installed, under the Windows pwsh in Wine, and used with nothing else (issue 15, item 3):
 * published to a local file repository (by the Linux pwsh: the .nupkg is the same file), Install-PSResource
 * under the Windows pwsh into the CurrentUser scope, Import-Module TLS365 by name, with no TLS365_NODE and no
 * node on PATH; then live readiness, Set and Undo on a machine image in Wine's registry, all through the
 * package's own node.exe. What Wine is not (WMI, ACLs, a 32-bit host): tests/windows/README.md.
 */

interface Summary { Ready: boolean; Components: string[] }
interface PackageCycle {
  errors: string[]; tls365Node: string | null; nodeOnPath: string[]; nodeInPathFolders: string[];
  installed: string[]; moduleBase: string; node: string; changes: number;
  before: Summary[]; after: Summary[]; undone: Summary[]; undo: { Restored: number; Exact: boolean }[]; leftInstalled: string[];
}

const asArray = <T>(x: T | T[] | null | undefined): T[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);
const IMAGE = join(repoRoot, 'examples', 'ws2012r2-web01.reg');

function linuxPwsh(script: string, args: string[], home: string): ReturnType<typeof spawnSync> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const name of ['PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) delete env[name];
  return spawnSync(join(repoRoot, '.tools', 'bin', 'pwsh'), ['-NoProfile', '-NonInteractive', '-File', script, ...args], { cwd: home, env, encoding: 'utf8', timeout: 300_000 });
}

describe('Windows tier: the Windows package, installed with Install-PSResource, runs on its own node.exe under Wine', function () {
  this.timeout(900_000);
  const scratch = scratchDir();
  let result: PackageCycle;
  let exports: string[] = [];

  before(async function () {
    assertTier();
    const out = join(scratch.dir, 'out');
    const pack = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package.js'), '--windows', '--out', out], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
    assert.equal(pack.status, 0, `npm run package -- --windows: ${pack.stdout}${pack.stderr}`);
    const version = readdirSync(join(out, 'TLS365'))[0]!;
    const repo = join(scratch.dir, 'repo');
    const home = join(scratch.dir, 'home');
    mkdirSync(repo);
    mkdirSync(home);
    const publish = scratch.write('Publish.ps1', [
      'param ([string] $Package, [string] $Repository)',
      "$ErrorActionPreference = 'Stop'",
      "Register-PSResourceRepository -Name 'TLS365Package' -Uri $Repository -Trusted",
      "Publish-PSResource -Path $Package -Repository 'TLS365Package'",
    ].join('\r\n'));
    const published = linuxPwsh(publish, ['-Package', join(out, 'TLS365', version), '-Repository', repo], home);
    assert.equal(published.status, 0, `Publish-PSResource: ${published.stdout}${published.stderr}`);
    assert.deepEqual(readdirSync(repo), [`TLS365.${version}.nupkg`]);

    resetRegistry(0);
    const imported = regeditImport(IMAGE, 0);
    assert.equal(imported.code, 0, `regedit /s: ${imported.stderr}`);
    const run = await runWindowsPwshAsync(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-PackageCycle.ps1'),
      ['-Repository', toWindowsPath(repo), '-OutDir', toWindowsPath(scratch.dir)], { slot: 0, env: { TLS365_NODE: '' } });
    const file = join(scratch.dir, 'result.json');
    assert.ok(existsSync(file), `the Windows pwsh wrote no result (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
    const raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as PackageCycle;
    result = { ...raw, errors: asArray(raw.errors), nodeOnPath: asArray(raw.nodeOnPath), nodeInPathFolders: asArray(raw.nodeInPathFolders), installed: asArray(raw.installed),
      before: asArray(raw.before), after: asArray(raw.after), undone: asArray(raw.undone), undo: asArray(raw.undo), leftInstalled: asArray(raw.leftInstalled) };
    exports = readdirSync(scratch.dir).filter((f) => /^(before|undone)-\d+\.(reg|missing)$/.test(f)).sort();
  });

  after(() => {
    resetRegistry(0);
    scratch.dispose();
    // Whatever Install-PSResource left in the prefix's CurrentUser module folder (the script uninstalls).
    const users = join(prefixOf(0), 'drive_c', 'users');
    if (existsSync(users)) for (const u of readdirSync(users)) rmSync(join(users, u, 'Documents', 'PowerShell', 'Modules', 'TLS365'), { recursive: true, force: true });
  });

  it('installs from the local repository into CurrentUser and imports TLS365 by name from there, with no Node anywhere else', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.tls365Node, null, 'TLS365_NODE is not set');
    assert.deepEqual(result.nodeOnPath, [], 'no node on PATH');
    assert.deepEqual(result.nodeInPathFolders, [], 'no node.exe in any PATH folder');
    assert.equal(result.installed.length, 1);
    assert.match(result.installed[0]!, /\\Documents\\PowerShell\\Modules$/i);
    assert.ok(result.moduleBase.toLowerCase().startsWith(`${result.installed[0]!.toLowerCase()}\\tls365\\`), result.moduleBase);
  });

  it('runs the bridge on the package\'s own node\\node.exe', () => {
    assert.equal(result.node.toLowerCase(), `${result.moduleBase}\\node\\node.exe`.toLowerCase());
  });

  it('live readiness, Set-Tls365Protocols and Undo-Tls365Change work through it: not ready, ready, then every touched tree as it was', () => {
    assert.equal(result.before.length, 1);
    assert.equal(result.before[0]!.Ready, false, 'the image needs registry changes');
    assert.ok(result.changes > 0);
    assert.equal(result.after[0]!.Ready, true, `after Set: ${result.after[0]!.Components.join(', ')}`);
    assert.ok(result.undo.length >= 1 && result.undo.every((u) => u.Exact && u.Restored > 0), JSON.stringify(result.undo));
    assert.deepEqual(result.undone[0]!.Components, result.before[0]!.Components);
    const before = exports.filter((f) => f.startsWith('before-'));
    assert.ok(before.length >= 8, exports.join(', '));
    for (const b of before) {
      const u = b.replace(/^before-/, 'undone-');
      assert.ok(exports.includes(u), `${u} missing after Undo`);
      assert.ok(readFileSync(join(scratch.dir, b)).equals(readFileSync(join(scratch.dir, u))), `${b} differs after Undo`);
    }
  });

  it('uninstalls cleanly (no module left in CurrentUser)', () => {
    assert.deepEqual(result.leftInstalled, []);
  });
});
