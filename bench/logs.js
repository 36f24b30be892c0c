'use strict';
// Legacy-client discovery at scale (npm run bench, or node bench/logs.js [--quick] [--runs N]), side by side in one run:
//   A. Find-Tls365LegacyClient -Path <file> in one pwsh call (bridge: worker threads from 256 MiB, else one pass);
//      on the 1 GB file also with TLS365_LOG_WORKERS=0 (the single pass), for the gain of the threads
//   B. an awk one-liner that counts the same thing (hits per client IP and legacy protocol)
//   C. a PowerShell Select-String pipeline doing the same count (100 MB file)
//   D. the PowerShell pipeline an admin would write: Get-Content | skip '#' lines | ConvertFrom-Csv -Delimiter ' '
//      -Header <#Fields> | Where-Object crypt-protocol 40/100 | Group-Object c-ip, crypt-protocol (20 MB slice:
//      it is very slow)
// plus the bridge's peak RSS (VmHWM, worker threads included) after each scan, to show memory stays flat as the
// file grows. A and B run N times alternately (default 3) and the median is reported: the machine is shared.
// Logs are generated here in IIS W3C shape with the four crypt fields (a header block every 50,000 lines).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, pwshPath, childEnv } = require('../scripts/lib.js');

const FIELDS = '#Fields: date time s-sitename s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken crypt-protocol crypt-cipher crypt-hash crypt-keyexchange';
const IP_COLUMN = 10; // 1-based for awk
const PROTO_COLUMN = 17;

function generate(file, bytes) {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let line = 0;
  let seed = 42;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const agents = ['Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)', 'Microsoft+Office/16.0+(Windows+NT+6.1)', 'curl/7.29.0', 'Java/1.7.0_80', 'MSRPC'];
  const uris = ['/owa/', '/ews/Exchange.asmx', '/mapi/emsmdb/', '/Microsoft-Server-ActiveSync', '/autodiscover/autodiscover.xml'];
  while (written < bytes) {
    let chunk = '';
    for (let i = 0; i < 20000; i += 1, line += 1) {
      if (line % 50000 === 0) chunk += `#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-05-01 00:00:00\r\n${FIELDS}\r\n`;
      const r = rnd();
      const proto = r < 0.05 ? '40' : r < 0.08 ? '100' : r < 0.98 ? '400' : '1000';
      const ip = `10.${Math.floor(rnd() * 20)}.${Math.floor(rnd() * 250)}.${1 + Math.floor(rnd() * 250)}`;
      const sec = line % 86400;
      const t = `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
      chunk += `2024-05-01 ${t} W3SVC1 10.0.0.5 GET ${uris[line % 5]} - 443 - ${ip} ${agents[Math.floor(rnd() * 5)]} - 200 0 0 ${Math.floor(rnd() * 900)} ${proto} 6610 800d ae06\r\n`;
    }
    fs.writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
  }
  fs.closeSync(fd);
  return written;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const esc = (s) => s.replace(/'/g, "''");
const lastLine = (r) => (r.stdout || '').trim().split(/\r?\n/).pop() || '';

function pwsh(script, env = {}) {
  return spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb', ...env }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** One pwsh: import, start the bridge (not timed), time one Find-Tls365LegacyClient call, read the bridge's VmHWM. */
function scanWithModule(file, env = {}) {
  const script = `$ErrorActionPreference='Stop'; Import-Module '${esc(path.join(root, 'TLS365.psd1'))}'; $null = ConvertTo-Tls365ProtocolMask Tls12; $sw=[Diagnostics.Stopwatch]::StartNew(); $r=@(Find-Tls365LegacyClient -Path '${esc(file)}'); $ms=$sw.Elapsed.TotalMilliseconds; $pid2=(Get-Module TLS365).Invoke({ $script:Bridge.Process.Id }); $hwm=(Get-Content "/proc/$pid2/status" | Where-Object { $_ -like 'VmHWM*' }) -replace '[^0-9]',''; $sum=($r | Measure-Object -Property Count -Sum).Sum; '{0} {1} {2} {3}' -f $ms, $r.Count, $sum, $hwm`;
  const r = pwsh(script, env);
  const [ms, clients, hits, hwmKb] = lastLine(r).split(' ').map(Number);
  if (r.status !== 0 || !(ms > 0)) throw new Error(`pwsh failed: ${r.stderr || r.stdout}`);
  return { ms, clients, hits, hwmMb: hwmKb / 1024 };
}

function scanWithAwk(file) {
  const prog = `!/^#/ { p = $${PROTO_COLUMN}; if (p == "40" || p == "100") { c[$${IP_COLUMN} " " p]++; n++ } } END { k = 0; for (x in c) k++; print k, n }`;
  const t = now();
  const r = spawnSync('awk', [prog, file], { encoding: 'utf8' });
  const ms = now() - t;
  const [clients, hits] = r.stdout.trim().split(' ').map(Number);
  return { ms, clients, hits };
}

function scanWithPowerShellPipeline(file) {
  const script = `$sw=[Diagnostics.Stopwatch]::StartNew(); $g = Select-String -LiteralPath '${esc(file)}' -Pattern ' (40|100) [0-9a-f]+ [0-9a-f]+ [0-9a-f]+$' | ForEach-Object { $f = $_.Line.Split(' '); $f[${IP_COLUMN - 1}] + ' ' + $f[${PROTO_COLUMN - 1}] } | Group-Object -NoElement; '{0} {1} {2}' -f $sw.Elapsed.TotalMilliseconds, $g.Count, ($g | Measure-Object -Property Count -Sum).Sum`;
  const [ms, clients, hits] = lastLine(pwsh(script)).split(' ').map(Number);
  return { ms, clients, hits };
}

/** What an admin writes: the header from #Fields, the '#' lines dropped, ConvertFrom-Csv on spaces, filter, group. */
function scanWithImportCsv(file) {
  const script = [
    '$sw = [Diagnostics.Stopwatch]::StartNew()',
    `$fields = ((Get-Content -LiteralPath '${esc(file)}' -TotalCount 20 | Where-Object { $_ -like '#Fields:*' } | Select-Object -First 1) -replace '^#Fields:\\s*', '') -split ' '`,
    `$g = Get-Content -LiteralPath '${esc(file)}' | Where-Object { $_ -notlike '#*' } | ConvertFrom-Csv -Delimiter ' ' -Header $fields | Where-Object { $_.'crypt-protocol' -eq '40' -or $_.'crypt-protocol' -eq '100' } | Group-Object -Property 'c-ip', 'crypt-protocol' -NoElement`,
    "'{0} {1} {2}' -f $sw.Elapsed.TotalMilliseconds, $g.Count, ($g | Measure-Object -Property Count -Sum).Sum",
  ].join('; ');
  const [ms, clients, hits] = lastLine(pwsh(script)).split(' ').map(Number);
  return { ms, clients, hits };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function agree(name, x, awk) {
  if (x && (x.hits !== awk.hits || x.clients !== awk.clients)) throw new Error(`counts differ: ${name} ${x.clients}/${x.hits}, awk ${awk.clients}/${awk.hits}`);
}

/**
 * One row per size: module and awk `runs` times alternately (medians; `modRuns`/`awkRuns` keep every run),
 * the single pass on files of 512 MB and more, Select-String up to 100 MB; then one row for the `csvMb` slice
 * with the Import-Csv pipeline (`csv`) beside the module and awk on the same slice.
 */
async function logsBench(sizesMb, { runs = 3, csvMb = 20 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls365-logbench-'));
  const rows = [];
  try {
    for (const mb of sizesMb) {
      const file = path.join(dir, `u_ex${mb}mb.log`);
      const bytes = generate(file, mb * 1024 * 1024);
      const modRuns = [];
      const awkRuns = [];
      for (let i = 0; i < runs; i += 1) {
        modRuns.push(scanWithModule(file));
        awkRuns.push(scanWithAwk(file));
      }
      const awk = { ...awkRuns[0], ms: median(awkRuns.map((r) => r.ms)) };
      const mod = { ...modRuns[0], ms: median(modRuns.map((r) => r.ms)), hwmMb: Math.max(...modRuns.map((r) => r.hwmMb)) };
      const single = mb >= 512 ? scanWithModule(file, { TLS365_LOG_WORKERS: '0' }) : null;
      const psp = mb <= 100 ? scanWithPowerShellPipeline(file) : null;
      for (const r of [...modRuns, ...awkRuns]) agree('module', r, awk);
      agree('single pass', single, awk);
      agree('PowerShell pipeline', psp, awk);
      rows.push({ mb: bytes / 1048576, mod, awk, psp, single, modRuns: modRuns.map((r) => r.ms), awkRuns: awkRuns.map((r) => r.ms) });
      fs.rmSync(file);
    }
    if (csvMb > 0) {
      const file = path.join(dir, `u_ex${csvMb}mb.log`);
      const bytes = generate(file, csvMb * 1024 * 1024);
      const mod = scanWithModule(file);
      const awk = scanWithAwk(file);
      const csv = scanWithImportCsv(file);
      agree('module', mod, awk);
      agree('Import-Csv pipeline', csv, awk);
      rows.push({ mb: bytes / 1048576, mod, awk, psp: null, single: null, csv, modRuns: [mod.ms], awkRuns: [awk.ms], slice: true });
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The rows as text: MB/s, seconds, peak RSS, and every ratio side by side. */
function formatLogsBench(rows) {
  const rate = (mb, ms) => mb / (ms / 1000);
  const mbs = (mb, ms) => `${rate(mb, ms).toFixed(1)} MB/s`.padEnd(12);
  const secs = (ms) => `${(ms / 1000).toFixed(2)} s`.padEnd(8);
  const out = [];
  for (const r of rows) {
    const m = rate(r.mb, r.mod.ms);
    out.push(`${r.mb.toFixed(0)} MB ${r.slice ? 'slice' : 'log'}, ${r.awk.hits} legacy hits from ${r.awk.clients} client/protocol pairs (all methods agree)`);
    const spread = r.modRuns.length > 1 ? ` (runs ${r.modRuns.map((x) => (x / 1000).toFixed(2)).join(', ')})` : '';
    out.push(`  Find-Tls365LegacyClient   ${mbs(r.mb, r.mod.ms)} ${secs(r.mod.ms)} bridge peak RSS ${r.mod.hwmMb.toFixed(0)} MB${spread}`);
    if (r.single) out.push(`    single pass (no threads) ${mbs(r.mb, r.single.ms)} ${secs(r.single.ms)} bridge peak RSS ${r.single.hwmMb.toFixed(0)} MB; threads gain ${(r.single.ms / r.mod.ms).toFixed(2)}x`);
    const awkSpread = r.awkRuns.length > 1 ? ` (runs ${r.awkRuns.map((x) => (x / 1000).toFixed(2)).join(', ')})` : '';
    out.push(`  awk one-liner             ${mbs(r.mb, r.awk.ms)} ${secs(r.awk.ms)} module/awk throughput ${(m / rate(r.mb, r.awk.ms)).toFixed(2)}x${awkSpread}`);
    if (r.psp) out.push(`  Select-String pipeline    ${mbs(r.mb, r.psp.ms)} ${secs(r.psp.ms)} module/pipeline throughput ${(m / rate(r.mb, r.psp.ms)).toFixed(1)}x`);
    if (r.csv) out.push(`  Import-Csv pipeline       ${mbs(r.mb, r.csv.ms)} ${secs(r.csv.ms)} module/pipeline throughput ${(m / rate(r.mb, r.csv.ms)).toFixed(1)}x`);
  }
  const big = rows.filter((r) => !r.slice);
  const csv = rows.find((r) => r.csv);
  const ss = rows.find((r) => r.psp);
  if (big.length > 0) {
    out.push('', 'Side by side (module throughput / baseline throughput; issue #7 targets: awk >= 1x, PowerShell pipeline >= 50x)');
    for (const r of big) {
      const m = rate(r.mb, r.mod.ms);
      const parts = [`awk ${(m / rate(r.mb, r.awk.ms)).toFixed(2)}x`];
      if (ss) parts.push(`Select-String ${(m / rate(ss.mb, ss.psp.ms)).toFixed(1)}x`);
      if (csv) parts.push(`Import-Csv ${(m / rate(csv.mb, csv.csv.ms)).toFixed(1)}x`);
      out.push(`  ${`${r.mb.toFixed(0)} MB:`.padEnd(9)} module ${m.toFixed(1)} MB/s vs ${parts.join(', ')}; peak RSS ${r.mod.hwmMb.toFixed(0)} MB`);
    }
  }
  return out.join('\n');
}

module.exports = { logsBench, formatLogsBench, generate };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : argv.includes('--quick') ? 1 : 3;
  const sizes = argv.includes('--quick') ? [100] : [100, 1024];
  logsBench(sizes, { runs }).then((rows) => {
    process.stdout.write(`\nTLS365 legacy-client discovery benchmark (IIS W3C with crypt fields), node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}; medians of ${runs} run(s)\n\n`);
    process.stdout.write(`${formatLogsBench(rows)}\n`);
    const out = path.join(__dirname, 'results');
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, `logs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ node: process.version, cores: os.cpus().length, runs, rows }, null, 2));
    process.stdout.write(`\nraw figures: ${path.relative(root, file)}\n`);
  }).catch((e) => { process.stderr.write(`bench failed: ${e.stack || e}\n`); process.exit(1); });
}
