'use strict';
// npm run bench: the bridge's costs, measured side by side in one run, reported as ratios.
//   A. warm bridge, one single-item request at a time (round trip on a long-lived process)
//   B. warm bridge, 1,000-item batches (per item)
//   C. one Node process per call (spawn, hello, one request, exit): what a bridge-less design would pay
//   D. the same from PowerShell: 1,000 values piped into one ConvertFrom-Tls365ProtocolMask (batched)
//      vs 1,000 separate invocations (one round trip each)
// No thresholds here: the numbers are for people, and for the issue notes.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
const { startReadyBridge, startBridge } = require('../tests/support/bridge-client.ts');
const { root, pwshPath, childEnv } = require('../scripts/lib.js');
const { readinessBench } = require('./readiness.js');
const { logsBench, formatLogsBench } = require('./logs.js');

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const N_ROUND = quick ? 300 : 2000;
const N_BATCH = quick ? 5 : 50;
const N_SPAWN = quick ? 10 : 40;

async function warmRoundTrips() {
  const b = await startReadyBridge();
  for (let i = 0; i < 100; i += 1) await b.request('mask.decode', { items: [{ value: 0xa80 }] }); // warm up
  const t0 = now();
  for (let i = 0; i < N_ROUND; i += 1) {
    const r = await b.request('mask.decode', { items: [{ value: i % 2 ? 0xa80 : 0x800 }] });
    if (!r.result) throw new Error(JSON.stringify(r));
  }
  const perCall = (now() - t0) / N_ROUND;
  const items = Array.from({ length: 1000 }, (_, i) => ({ value: i % 2 ? 0xa80 : 0x800 }));
  await b.request('mask.decode', { items });
  const t1 = now();
  for (let i = 0; i < N_BATCH; i += 1) {
    const r = await b.request('mask.decode', { items });
    if (r.result.results.length !== 1000) throw new Error('short batch');
  }
  const perBatch = (now() - t1) / N_BATCH;
  await b.close();
  return { perCall, perBatch };
}

async function spawnPerCall() {
  const t0 = now();
  for (let i = 0; i < N_SPAWN; i += 1) {
    const b = startBridge();
    await b.request('hello', { protocol: 1 });
    const r = await b.request('mask.decode', { items: [{ value: 0xa80 }] });
    if (!r.result) throw new Error(JSON.stringify(r));
    await b.close();
  }
  return (now() - t0) / N_SPAWN;
}

function fromPowerShell() {
  const script = path.join(__dirname, 'module-bench.ps1');
  const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-File', script, '-Count', quick ? '200' : '1000'], { cwd: root, env: childEnv({ TERM: 'dumb' }), encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || r.stdout || String(r.error)).trim() };
  return JSON.parse(r.stdout.trim().split(/\r?\n/).pop());
}

(async () => {
  const { perCall, perBatch } = await warmRoundTrips();
  const spawn = await spawnPerCall();
  const ps = fromPowerShell();
  const rows = [
    ['warm bridge, 1 item per request', `${perCall.toFixed(3)} ms/request`, '1.0x'],
    ['warm bridge, 1,000-item batch', `${perBatch.toFixed(2)} ms/batch = ${(perBatch / 1000 * 1000).toFixed(2)} us/item`, `${(perCall / (perBatch / 1000)).toFixed(0)}x faster per item than 1-item requests`],
    ['new Node process per call', `${spawn.toFixed(1)} ms/call`, `${(spawn / perCall).toFixed(0)}x slower than a warm round trip`],
  ];
  if (ps.error) rows.push(['PowerShell module', `not measured: ${ps.error}`, '']);
  else {
    rows.push([`PowerShell: ${ps.count} values piped (batched)`, `${ps.pipedMs.toFixed(0)} ms = ${(ps.pipedMs / ps.count).toFixed(3)} ms/value`, '1.0x']);
    rows.push([`PowerShell: ${ps.count} separate calls`, `${ps.separateMs.toFixed(0)} ms = ${(ps.separateMs / ps.count).toFixed(3)} ms/value`, `${(ps.separateMs / ps.pipedMs).toFixed(1)}x slower than piping`]);
    rows.push(['PowerShell: first call (starts the bridge)', `${ps.firstCallMs.toFixed(0)} ms`, '']);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nTLS365 bridge benchmark (${new Date().toISOString()}, node ${process.version}, ${require('node:os').cpus().length} cores${quick ? ', --quick' : ''})\n\n`);
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(width)}  ${b.padEnd(44)}  ${c}\n`);
  const n = quick ? 1000 : 10000;
  const rd = await readinessBench(n);
  const rate = (ms) => `${Math.round(rd.n / (ms / 1000)).toLocaleString('en-US')} machines/s`;
  process.stdout.write(`\nReadiness: ${rd.n} .reg images (5 machine kinds, ${rd.notReady} not ready)\n\n`);
  process.stdout.write(`core alone (parse + evaluate)        ${(rd.coreMs / 1000).toFixed(2)} s  ${rate(rd.coreMs).padEnd(20)}  1.0x\n`);
  process.stdout.write(`core + plan + settings               ${(rd.corePlanMs / 1000).toFixed(2)} s  ${rate(rd.corePlanMs).padEnd(20)}  ${(rd.corePlanMs / rd.coreMs).toFixed(2)}x the core's time (what readiness.evaluate computes per machine: the verdict, the plan behind Changes, the TLS settings)\n`);
  process.stdout.write(`bridge, batches of 50 paths         ${(rd.bridgeMs / 1000).toFixed(2)} s  ${rate(rd.bridgeMs).padEnd(20)}  ${(rd.bridgeMs / rd.coreMs).toFixed(2)}x the core's time\n`);
  for (const [label, x] of [['Get-Tls365Readiness -Path *.reg ', rd.c], ['Get-Tls365Readiness -Path *.json', rd.d]]) {
    process.stdout.write(`${label}     ${(x.ms / 1000).toFixed(2)} s  ${rate(x.ms).padEnd(20)}  ${(x.ms / rd.coreMs).toFixed(2)}x the core's time; first result after ${(x.firstMs / 1000).toFixed(2)} s; pwsh peak working set ${x.peakMB.toFixed(0)} MB\n`);
  }
  process.stdout.write(`... -Path *.reg | ConvertTo-Tls365Report  ${(rd.e.ms / 1000).toFixed(2)} s  ${rate(rd.e.ms).padEnd(20)}  ${(rd.e.ms / rd.c.ms).toFixed(2)}x Get-Tls365Readiness alone (target 1.5x); page ${(rd.e.htmlBytes / 1048576).toFixed(1)} MB; pwsh peak working set ${rd.e.peakMB.toFixed(0)} MB\n`);
  const logs = await logsBench(quick ? [100] : [100, 1024], { runs: quick ? 1 : 3 });
  process.stdout.write('\nLegacy-client discovery (generated IIS W3C logs with crypt fields)\n\n');
  process.stdout.write(`${formatLogsBench(logs)}\n`);
  // Fan-out over real SSH remoting to loopback sshd test hosts (needs openssh-server; the script installs it
  // when missing and running as root). Skipped with --quick: it takes about a minute.
  let fanout = null;
  if (!quick) {
    const f = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', `& '${path.join(__dirname, 'fanout.ps1').replace(/'/g, "''")}' -Count 1,4,16`], { cwd: root, env: childEnv({ TERM: 'dumb' }), encoding: 'utf8' });
    fanout = (f.stdout || '').split(/\r?\n/).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    process.stdout.write('\nFan-out over SSH remoting to loopback test hosts (the hosts share this machine\'s cores)\n\n');
    if (fanout.length === 0) process.stdout.write(`  not measured: ${(f.stderr || f.stdout || String(f.error)).trim().split(/\r?\n/).pop()}\n`);
    for (const r of fanout) {
      process.stdout.write(`  ${String(r.hosts).padStart(2)} hosts${r.delaySeconds ? `, each waiting ${r.delaySeconds} s first` : ''}: one fan-out ${(r.fanOutMs / 1000).toFixed(2)} s (${(r.fanOutMs / r.hosts).toFixed(0)} ms/host), one call per host ${(r.sequentialMs / 1000).toFixed(2)} s: speed-up ${(r.sequentialMs / r.fanOutMs).toFixed(2)}x\n`);
    }
  }
  // A remote fleet of simulated targets (real Job objects, no network): when the first result appears, when the
  // last does, and the pwsh peak working set. --quick: 100 targets over 2 s instead of 500 over 10 s.
  const fleetArgs = quick ? ['-Count', '100', '-SpreadSeconds', '2'] : ['-Count', '500', '-SpreadSeconds', '10'];
  const fl = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-File', path.join(__dirname, 'remote-fleet.ps1'), ...fleetArgs], { cwd: root, env: childEnv({ TERM: 'dumb' }), encoding: 'utf8' });
  const fleet = (fl.stdout || '').split(/\r?\n/).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  process.stdout.write('\nRemote fleet, simulated targets answering evenly over the spread (Get-Tls365Readiness -ComputerName)\n\n');
  if (fleet.length === 0) process.stdout.write(`  not measured: ${(fl.stderr || fl.stdout || String(fl.error)).trim().split(/\r?\n/).pop()}\n`);
  for (const r of fleet) {
    process.stdout.write(`  ${r.targets} targets over ${r.spreadSeconds} s: first result ${(r.firstResultMs / 1000).toFixed(2)} s, last ${(r.lastResultMs / 1000).toFixed(2)} s (${(r.lastResultMs / 1000 / r.spreadSeconds).toFixed(2)}x the spread); pwsh working set ${r.workingSetBeforeMb} MB before, peak ${r.peakWorkingSetMb} MB; ${r.results} results, ${r.errors} errors\n`);
  }
  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `bridge-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ node: process.version, quick, N_ROUND, N_BATCH, N_SPAWN, perCall, perBatch, spawn, powershell: ps, readiness: rd, logs, fanout, fleet }, null, 2));
  process.stdout.write(`\nraw figures: ${path.relative(root, file)}\n`);
})().catch((e) => { process.stderr.write(`bench failed: ${e.stack || e}\n`); process.exit(1); });
