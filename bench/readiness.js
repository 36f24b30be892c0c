'use strict';
// Readiness at fleet scale, side by side in one run (npm run bench -- --readiness [--quick]):
//   A. core alone: read + parse + evaluate N .reg images in-process (no bridge, no PowerShell)
//   B. bridge: the same N files through readiness.evaluate in batches of 50 (what the module sends)
//   C. PowerShell end to end: Get-Tls365Readiness -Path <dir>\*.reg in one pwsh call, N objects out
//   D. the same over N snapshot .json files (what SCCM or a scheduled task collects), in one pwsh call
//   E. Get-Tls365Readiness -Path <dir>\*.reg | ConvertTo-Tls365Report -Path <file>, one pipeline, one pwsh call
// C and D also report when the first result reached the pipeline (streaming) and pwsh's peak working set.
// Targets (issue 14): C at most 2x A; E at most 1.5x C.
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

const quote = (s) => `'${s.replace(/'/g, "''")}'`;

/** One pwsh call: Get-Tls365Readiness -Path <pattern>; total time, time to the first object, peak working set. */
function psRun(pattern, n) {
  const script = `$ErrorActionPreference='Stop'; Import-Module ${quote(path.join(root, 'TLS365.psd1'))}; $sw=[Diagnostics.Stopwatch]::StartNew(); $first=$null; $n=0; Get-Tls365Readiness -Path ${quote(pattern)} | ForEach-Object { if ($null -eq $first) { $first = $sw.Elapsed.TotalMilliseconds }; $n++ }; '{0} {1} {2} {3}' -f $n, $sw.Elapsed.TotalMilliseconds, $first, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64`;
  const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout || '').trim().split(/\r?\n/).pop() || '';
  const [count, ms, firstMs, peak] = line.split(' ').map(Number);
  if (r.status !== 0 || count !== n) throw new Error(`pwsh: ${r.stderr || r.stdout}`);
  return { ms, firstMs, peakMB: peak / 1048576 };
}

/** One pwsh call: Get-Tls365Readiness -Path <pattern> | ConvertTo-Tls365Report -Path <html>; total time, peak working set. */
function psReportRun(pattern, html) {
  const script = `$ErrorActionPreference='Stop'; Import-Module ${quote(path.join(root, 'TLS365.psd1'))}; $sw=[Diagnostics.Stopwatch]::StartNew(); $null = Get-Tls365Readiness -Path ${quote(pattern)} | ConvertTo-Tls365Report -Path ${quote(html)}; '{0} {1}' -f $sw.Elapsed.TotalMilliseconds, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64`;
  const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = (r.stdout || '').trim().split(/\r?\n/).pop() || '';
  const [ms, peak] = line.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`pwsh report: ${r.stderr || r.stdout}`);
  return { ms, peakMB: peak / 1048576, htmlBytes: fs.statSync(html).size };
}

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

    // A2: what readiness.evaluate computes per machine since issues 17/16: the evaluation judged on today against the
    // endpoint profiles, the default plan made from it (Changes, and the fixes told as Set writes them), the TLS
    // settings (fleet groups) and the settings in effect with their origin
    const { machineFacts, evaluateFacts } = { machineFacts: require(path.join(root, 'dist', 'core', 'readiness', 'facts.js')).machineFacts, evaluateFacts: require(path.join(root, 'dist', 'core', 'readiness', 'evaluate.js')).evaluateFacts };
    const { planFromEvaluation } = require(path.join(root, 'dist', 'core', 'plan', 'plan.js'));
    const { alignFixes } = require(path.join(root, 'dist', 'core', 'plan', 'align-fixes.js'));
    const { tlsSettings } = require(path.join(root, 'dist', 'core', 'readiness', 'settings.js'));
    const { effectiveSettings } = require(path.join(root, 'dist', 'core', 'readiness', 'origins.js'));
    const asOf = new Date().toISOString().slice(0, 10);
    t = now();
    for (const f of files) {
      const snap = core.snapshotFromReg(new Uint8Array(fs.readFileSync(f)), f);
      if (!snap.ok) throw new Error(snap.error.message);
      const m = machineFacts(snap.value);
      const verdict = evaluateFacts(m, { roles: [], asOf });
      if (verdict.findings.some((x) => x.severity === 'Fail' || x.severity === 'Warn')) {
        const plan = planFromEvaluation(snap.value, m, verdict, { roles: [], asOf }, { roles: [], asOf });
        if (plan.ok) alignFixes(verdict, plan.value);
      }
      tlsSettings(m);
      effectiveSettings(m);
    }
    const corePlanMs = now() - t;

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

    // C: PowerShell end to end, one call, over the .reg images
    const c = psRun(path.join(dir, '*.reg'), n);

    // E: the same, piped into the report
    const e = psReportRun(path.join(dir, '*.reg'), path.join(dir, 'report.html'));

    // D: the same machines as snapshot .json files: 5 snapshots written by Get-Tls365Readiness -Snapshot, copied N times
    const jsonDir = path.join(dir, 'json');
    fs.mkdirSync(jsonDir);
    const kinds = samples.map((f) => path.join(root, 'examples', f));
    const snapScript = `$ErrorActionPreference='Stop'; Import-Module ${quote(path.join(root, 'TLS365.psd1'))}; $i = 0; foreach ($f in @(${kinds.map(quote).join(',')})) { Get-Tls365Readiness -Path $f -Snapshot | ConvertTo-Json -Depth 20 -Compress | Set-Content -LiteralPath (Join-Path ${quote(jsonDir)} ('kind{0}.json' -f $i)) -Encoding utf8; $i++ }`;
    const snap = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', snapScript], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8' });
    if (snap.status !== 0) throw new Error(`pwsh -Snapshot: ${snap.stderr || snap.stdout}`);
    for (let i = 0; i < n; i += 1) fs.copyFileSync(path.join(jsonDir, `kind${i % kinds.length}.json`), path.join(jsonDir, `m${String(i).padStart(5, '0')}.json`));
    for (let i = 0; i < kinds.length; i += 1) fs.rmSync(path.join(jsonDir, `kind${i}.json`));
    const d = psRun(path.join(jsonDir, '*.json'), n);
    const jsonBytes = fs.statSync(path.join(jsonDir, 'm00000.json')).size;
    return { n, notReady, coreMs, corePlanMs, bridgeMs, psMs: c.ms, c, d, e, jsonBytes };
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
    process.stdout.write(`core + plan + settings (what the bridge now computes) ${(r.corePlanMs / 1000).toFixed(2)} s  ${rate(r.corePlanMs)}   ${(r.corePlanMs / r.coreMs).toFixed(2)}x the core's time\n`);
    process.stdout.write(`bridge, batches of 50 paths         ${(r.bridgeMs / 1000).toFixed(2)} s  ${rate(r.bridgeMs)}   ${(r.bridgeMs / r.coreMs).toFixed(2)}x the core's time\n`);
    process.stdout.write(`Get-Tls365Readiness -Path *.reg      ${(r.c.ms / 1000).toFixed(2)} s  ${rate(r.c.ms)}   ${(r.c.ms / r.coreMs).toFixed(2)}x the core's time; first result after ${(r.c.firstMs / 1000).toFixed(2)} s; pwsh peak ${r.c.peakMB.toFixed(0)} MB\n`);
    process.stdout.write(`... | ConvertTo-Tls365Report          ${(r.e.ms / 1000).toFixed(2)} s  ${rate(r.e.ms)}   ${(r.e.ms / r.c.ms).toFixed(2)}x Get-Tls365Readiness alone; page ${(r.e.htmlBytes / 1048576).toFixed(1)} MB; pwsh peak ${r.e.peakMB.toFixed(0)} MB\n`);
    process.stdout.write(`Get-Tls365Readiness -Path *.json     ${(r.d.ms / 1000).toFixed(2)} s  ${rate(r.d.ms)}   ${(r.d.ms / r.coreMs).toFixed(2)}x the core's time; first result after ${(r.d.firstMs / 1000).toFixed(2)} s; pwsh peak ${r.d.peakMB.toFixed(0)} MB (snapshots of ${(r.jsonBytes / 1024).toFixed(1)} KB)\n`);
  }).catch((e) => { process.stderr.write(`bench failed: ${e.stack || e}\n`); process.exit(1); });
}
