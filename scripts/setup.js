'use strict';
// npm run setup: makes a fresh clone ready, and is quick when everything is already there.
//   1. Node >= 20                       (required)
//   2. npm packages from the lockfile   (required; edge-js's build is optional, see step 3)
//   3. edge-js status                   (optional: reported, never fatal)
//   4. PowerShell 7.6.9 as a dotnet local tool, with a `pwsh` wrapper in .tools/bin   (required)
//   5. Pester 5.x from NuGet into .tools/nuget                                         (required for tests)
//   6. TypeScript build to dist/        (required)
//   7. with --test only: Debian packages the tests drive for real (chromium for the report test,
//      openssh-server for the remoting test), installed with apt-get when missing and running as root
//   8. with --test only: the Windows tier (scripts/windows-tier.js): Wine, the Windows pwsh 7.6.9 and .NET
//      runtime from NuGet, Node for Windows from npm, a Wine prefix; its tests fail, saying why, if it cannot be set up
// Every step checks a stamp first, so a second run does nothing. Downloads come only from the npm
// registry and NuGet, through npm and dotnet themselves.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { root, toolsBin, PWSH_VERSION, PESTER_VERSION, pesterManifest, run, pwshPath, exists } = require('./lib.js');

const quiet = process.argv.includes('--quiet');
const say = (msg) => { if (!quiet) process.stdout.write(`setup: ${msg}\n`); };
const note = (msg) => process.stdout.write(`setup: ${msg}\n`);
const logDir = path.join(root, '.tools', 'logs');

function die(step, msg, log) {
  process.stderr.write(`setup: FAILED at ${step}: ${msg}\n`);
  if (log) process.stderr.write(`setup: full output in ${log}\n`);
  process.exit(1);
}

function hashFiles(files) {
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(exists(f) ? fs.readFileSync(f) : Buffer.from(`missing:${f}`));
  return h.digest('hex');
}

function writeLog(name, result) {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, name);
  fs.writeFileSync(file, `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ? String(result.error) : ''}`);
  return file;
}

function checkNode() {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 20) die('node', `Node ${process.versions.node} found at ${process.execPath}; TLS365 needs Node 20 or later`);
  say(`node ${process.versions.node} ok`);
}

function npmPackages() {
  const stamp = path.join(root, 'node_modules', '.tls365-install-stamp');
  const want = hashFiles([path.join(root, 'package.json'), path.join(root, 'package-lock.json')]);
  if (exists(stamp) && fs.readFileSync(stamp, 'utf8') === want) { say('npm packages up to date'); return; }
  note('installing npm packages from package-lock.json (npm ci; edge-js compiles, about a minute)');
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli, 'ci']] : ['npm', ['ci']];
  // node-gyp must use the installed Node headers (/usr/include/node): it cannot download them here.
  const env = exists('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  const r = run(cmd, [...args, '--no-audit', '--no-fund', '--foreground-scripts'], { env });
  const log = writeLog('npm-ci.log', r);
  if (r.error || r.status !== 0) die('npm ci', `npm ci exited with ${r.status ?? r.error}`, log);
  fs.writeFileSync(stamp, want);
}

function edgeReport() {
  const base = path.join(root, 'node_modules', 'edge-js');
  const native = path.join(base, 'build', 'Release', 'edge_coreclr.node');
  const bootstrap = path.join(base, 'lib', 'bootstrap', 'bin', 'Release', 'bootstrap.dll');
  let why = null;
  if (!exists(base)) why = 'edge-js is not installed (optional dependency skipped by npm)';
  else if (!exists(native)) why = 'its native addon (build/Release/edge_coreclr.node) was not built by node-gyp';
  else if (!exists(bootstrap)) {
    const log = path.join(logDir, 'npm-ci.log');
    const text = exists(log) ? fs.readFileSync(log, 'utf8') : '';
    const missing = [...new Set([...text.matchAll(/Unable to find package (\S+) with version \(([^)]*)\)/g)].map((m) => `${m[1]} ${m[2]}`))];
    why = 'its .NET bootstrap (lib/bootstrap/bin/Release/bootstrap.dll) was not built'
      + (missing.length ? `: the NuGet feed lacks ${missing.join(', ')}` : ' (dotnet restore/build failed during npm ci)');
  }
  // Informational, and said once per reason (issue 17, item 4): a stamp under .tools/ remembers what was said,
  // so a second demo run does not print it again as if something had failed; `npm run setup` always says it.
  if (why) {
    const text = `note: edge-js is not available (${why}). It is optional: nothing in TLS365 needs it on this machine.`;
    const stamp = path.join(root, '.tools', 'edge-js-notice.txt');
    const said = exists(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
    if (!quiet || said !== text) note(text);
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(stamp, text);
  }
  else say('edge-js available (native addon and .NET bootstrap built)');
}

function powershell() {
  const wrapper = pwshPath();
  const manifest = path.join(root, '.config', 'dotnet-tools.json');
  const stamp = path.join(root, '.tools', 'pwsh-stamp');
  const want = hashFiles([manifest]) + PWSH_VERSION;
  if (exists(wrapper) && exists(stamp) && fs.readFileSync(stamp, 'utf8') === want) { say(`pwsh ${PWSH_VERSION} ready (${wrapper})`); return; }
  const dotnet = run('dotnet', ['--version']);
  if (dotnet.error || dotnet.status !== 0) die('dotnet', 'the .NET SDK (dotnet on PATH) is required to install PowerShell 7 as a local tool');
  note(`installing PowerShell ${PWSH_VERSION} (dotnet tool restore)`);
  const r = run('dotnet', ['tool', 'restore']);
  const log = writeLog('dotnet-tool-restore.log', r);
  if (r.status !== 0) die('dotnet tool restore', `exit ${r.status}`, log);
  const packages = nugetPackagesDir();
  const flavour = process.platform === 'win32' ? 'win' : 'unix';
  const dll = path.join(packages, 'powershell', PWSH_VERSION, 'tools', 'net10.0', 'any', flavour, 'pwsh.dll');
  if (!exists(dll)) die('pwsh', `dotnet tool restore succeeded but ${dll} is missing`);
  fs.mkdirSync(toolsBin, { recursive: true });
  if (process.platform === 'win32') fs.writeFileSync(wrapper, `@dotnet "${dll}" %*\r\n`);
  else fs.writeFileSync(wrapper, `#!/bin/sh\n# Written by scripts/setup.js: PowerShell ${PWSH_VERSION} from the dotnet local tool manifest.\nexec dotnet "${dll}" "$@"\n`, { mode: 0o755 });
  const v = run(wrapper, ['-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()']);
  if (v.status !== 0 || (v.stdout ?? '').trim() !== PWSH_VERSION) die('pwsh', `the wrapper ${wrapper} did not report ${PWSH_VERSION}: ${(v.stdout ?? '') + (v.stderr ?? '')}`);
  fs.writeFileSync(stamp, want);
  note(`pwsh ${PWSH_VERSION} ready (${wrapper})`);
}

/** Where dotnet keeps restored packages (the PowerShell tool package lives there). */
function nugetPackagesDir() {
  const gp = run('dotnet', ['nuget', 'locals', 'global-packages', '--list']);
  const m = /global-packages:\s*(.+)/.exec(gp.stdout ?? '');
  return process.env.NUGET_PACKAGES || (m ? m[1].trim() : path.join(require('node:os').homedir(), '.nuget', 'packages'));
}

function pester() {
  if (exists(pesterManifest)) { say(`Pester ${PESTER_VERSION} ready`); return; }
  note(`installing Pester ${PESTER_VERSION} from NuGet`);
  const r = run('dotnet', ['restore', path.join('tools', 'nuget', 'tools.csproj'), '--packages', path.join('.tools', 'nuget')]);
  const log = writeLog('pester-restore.log', r);
  if (r.status !== 0 || !exists(pesterManifest)) die('Pester', `dotnet restore did not produce ${pesterManifest}`, log);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function build() {
  const stamp = path.join(root, 'dist', '.build-stamp');
  const sources = Math.max(newestMtime(path.join(root, 'core')), newestMtime(path.join(root, 'bridge')),
    ...['tsconfig.json', 'tsconfig.build.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  if (exists(stamp) && exists(path.join(root, 'dist', 'bridge', 'main.js')) && fs.statSync(stamp).mtimeMs >= sources) {
    say('TypeScript build up to date (dist/)');
    return;
  }
  note('building TypeScript to dist/');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['core/tsconfig.json', 'tsconfig.build.json']) {
    const r = run(process.execPath, [tsc, '-p', project]);
    if (r.status !== 0) {
      const log = writeLog('tsc.log', r);
      die('build', `tsc -p ${project} failed:\n${r.stdout}${r.stderr}`, log);
    }
  }
  fs.writeFileSync(stamp, new Date().toISOString());
}

/** Debian packages the tests use for real; installed only for `npm test` (setup --test), never for the demo. */
const TEST_PACKAGES = [
  { name: 'chromium', file: '/usr/bin/chromium', why: 'the HTML report test renders the report in headless Chromium' },
  { name: 'openssh-server', file: '/usr/sbin/sshd', why: 'the remoting test starts real sshd hosts on loopback' },
];

function testPackages() {
  if (process.platform !== 'linux') return;
  const missing = TEST_PACKAGES.filter((p) => !exists(p.file));
  if (missing.length === 0) { say(`test packages present (${TEST_PACKAGES.map((p) => p.name).join(', ')})`); return; }
  const names = missing.map((p) => p.name);
  const apt = run('apt-get', ['--version']);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (apt.error || !isRoot) {
    note(`cannot install ${names.join(', ')} (${apt.error ? 'no apt-get' : 'not root'}): ${missing.map((p) => p.why).join('; ')}; those tests will fail until it is installed`);
    return;
  }
  note(`installing Debian packages ${names.join(', ')} for the tests (apt-get)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  let r = run('apt-get', ['install', '-y', '-qq', ...names], { env });
  if (r.status !== 0 || missing.some((p) => !exists(p.file))) {
    run('apt-get', ['update', '-qq'], { env });
    r = run('apt-get', ['install', '-y', '-qq', ...names], { env });
  }
  const log = writeLog('apt-get.log', r);
  const still = missing.filter((p) => !exists(p.file));
  if (still.length > 0) note(`apt-get did not install ${still.map((p) => p.name).join(', ')} (see ${log}); those tests will fail`);
}

checkNode();
npmPackages();
edgeReport();
powershell();
pester();
build();
if (process.argv.includes('--test')) {
  testPackages();
  const { setupWindowsTier } = require('./windows-tier.js');
  setupWindowsTier({
    say, note,
    fail: (step, msg, log) => {
      process.stderr.write(`setup: ${step} FAILED: ${msg}\n${log ? `setup: full output in ${log}\n` : ''}setup: the Windows-tier tests will fail until this is fixed\n`);
      return false;
    },
  }, { writeLog, nugetPackagesDir: nugetPackagesDir() });
}
say('ready');
