'use strict';
// Readiness at fleet scale, side by side in one run (npm run bench -- --readiness [--quick]):
//   A. core alone: read + parse + evaluate N .reg images in-process (no bridge, no PowerShell)
//   B. bridge: the same N files through readiness.evaluate in batches of 50 (what the module sends)
//   C. PowerShell end to end: Get-Tls365Readiness -Path <dir>\*.reg in one pwsh call, N objects out
// The images are copies of the bundled examples (5 machine kinds), so every rule family does real work.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
const { startReadyBridge } = require('../tests/support/bridge-client.ts');
const { root, pwshPath, childEnv } = require('../scripts/lib.js');
const core = require(path.join(root, 'dist', 'core', 'index.js'));

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function readinessBench(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls365-bench-'));
  const samples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.reg') && !f.includes('broken'));
  const files = [];
  for (let i = 0; i < n; i += 1) {
    const src = path.join(root, 'examples', samples[i % samples.length]);
    const dst = path.join(dir, `m${String(i).padStart(5, '0')}.reg`);
    fs.copyFileSync(src, dst);
    files.push(dst);
  }
  try {
    // A: core alone
    let t = now();
    let notReady = 0;
    for (const f of files) {
      const snap = core.snapshotFromReg(new Uint8Array(fs.readFileSync(f)), f);
      if (!snap.ok) throw new Error(snap.error.message);
      if (!core.evaluateSnapshot(snap.value).ready) notReady += 1;
    }
    const coreMs = now() - t;

    // B: the bridge, batches of 50 paths
    const b = await startReadyBridge();
    t = now();
    let count = 0;
    for (let i = 0; i < files.length; i += 50) {
      const r = await b.request('readiness.evaluate', { items: files.slice(i, i + 50).map((p) => ({ path: p })) }, 600_000);
      count += r.result.results.length;
    }
    const bridgeMs = now() - t;
    await b.close();
    if (count !== n) throw new Error(`bridge returned ${count} of ${n}`);

    // C: PowerShell end to end, one call
    const script = `$ErrorActionPreference='Stop'; Import-Module '${path.join(root, 'TLS365.psd1').replace(/'/g, "''")}'; $sw=[Diagnostics.Stopwatch]::StartNew(); $n=(Get-Tls365Readiness -Path '${path.join(dir, '*.reg').replace(/'/g, "''")}' | Measure-Object).Count; '{0} {1}' -f $n, $sw.Elapsed.TotalMilliseconds`;
    const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const line = (r.stdout || '').trim().split(/\r?\n/).pop() || '';
    const [psCount, psMs] = line.split(' ').map(Number);
    if (r.status !== 0 || psCount !== n) throw new Error(`pwsh: ${r.stderr || r.stdout}`);
    return { n, notReady, coreMs, bridgeMs, psMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { readinessBench };

if (require.main === module) {
  const n = process.argv.includes('--quick') ? 1000 : 10000;
  readinessBench(n).then((r) => {
    const rate = (ms) => `${Math.round(r.n / (ms / 1000)).toLocaleString('en-US')} machines/s`;
    process.stdout.write(`\nTLS365 readiness benchmark: ${r.n} .reg images (${r.notReady} not ready), node ${process.version}, ${os.cpus().length} cores\n\n`);
    process.stdout.write(`core alone (parse + evaluate)        ${(r.coreMs / 1000).toFixed(2)} s  ${rate(r.coreMs)}   1.0x\n`);
    process.stdout.write(`bridge, batches of 50 paths         ${(r.bridgeMs / 1000).toFixed(2)} s  ${rate(r.bridgeMs)}   ${(r.bridgeMs / r.coreMs).toFixed(2)}x the core's time\n`);
    process.stdout.write(`Get-Tls365Readiness -Path, one call  ${(r.psMs / 1000).toFixed(2)} s  ${rate(r.psMs)}   ${(r.psMs / r.coreMs).toFixed(2)}x the core's time\n`);
  }).catch((e) => { process.stderr.write(`bench failed: ${e.stack || e}\n`); process.exit(1); });
}
