'use strict';
// Legacy-client discovery at scale (npm run bench -- --logs [--quick]), side by side in one run:
//   A. Find-Tls365LegacyClient -Path <file> in one pwsh call (bridge streaming into the core parsers)
//   B. an awk one-liner that counts the same thing (hits per client IP and legacy protocol)
//   C. a PowerShell Select-String pipeline doing the same count (on the 100 MB file only: it is slow)
// plus the bridge's peak RSS (VmHWM) after each scan, to show memory stays flat as the file grows.
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

function scanWithModule(file) {
  const esc = (s) => s.replace(/'/g, "''");
  const script = `$ErrorActionPreference='Stop'; Import-Module '${esc(path.join(root, 'TLS365.psd1'))}'; $null = ConvertTo-Tls365ProtocolMask Tls12; $sw=[Diagnostics.Stopwatch]::StartNew(); $r=@(Find-Tls365LegacyClient -Path '${esc(file)}'); $ms=$sw.Elapsed.TotalMilliseconds; $pid2=(Get-Module TLS365).Invoke({ $script:Bridge.Process.Id }); $hwm=(Get-Content "/proc/$pid2/status" | Where-Object { $_ -like 'VmHWM*' }) -replace '[^0-9]',''; $sum=($r | Measure-Object -Property Count -Sum).Sum; '{0} {1} {2} {3}' -f $ms, $r.Count, $sum, $hwm`;
  const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8' });
  const line = (r.stdout || '').trim().split(/\r?\n/).pop() || '';
  const [ms, clients, hits, hwmKb] = line.split(' ').map(Number);
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
  const esc = (s) => s.replace(/'/g, "''");
  const script = `$sw=[Diagnostics.Stopwatch]::StartNew(); $g = Select-String -LiteralPath '${esc(file)}' -Pattern ' (40|100) [0-9a-f]+ [0-9a-f]+ [0-9a-f]+$' | ForEach-Object { $f = $_.Line.Split(' '); $f[${IP_COLUMN - 1}] + ' ' + $f[${PROTO_COLUMN - 1}] } | Group-Object -NoElement; '{0} {1} {2}' -f $sw.Elapsed.TotalMilliseconds, $g.Count, ($g | Measure-Object -Property Count -Sum).Sum`;
  const r = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: childEnv({ TERM: 'dumb' }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const [ms, clients, hits] = (r.stdout || '').trim().split(/\r?\n/).pop().split(' ').map(Number);
  return { ms, clients, hits };
}

async function logsBench(sizesMb) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls365-logbench-'));
  const rows = [];
  try {
    for (const mb of sizesMb) {
      const file = path.join(dir, `u_ex${mb}mb.log`);
      const bytes = generate(file, mb * 1024 * 1024);
      const mod = scanWithModule(file);
      const awk = scanWithAwk(file);
      const psp = mb <= 100 ? scanWithPowerShellPipeline(file) : null;
      if (mod.hits !== awk.hits || mod.clients !== awk.clients) throw new Error(`counts differ: module ${mod.clients}/${mod.hits}, awk ${awk.clients}/${awk.hits}`);
      if (psp && (psp.hits !== awk.hits || psp.clients !== awk.clients)) throw new Error(`counts differ: PowerShell pipeline ${psp.clients}/${psp.hits}, awk ${awk.clients}/${awk.hits}`);
      rows.push({ mb: bytes / 1048576, mod, awk, psp });
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

module.exports = { logsBench, generate };

if (require.main === module) {
  const sizes = process.argv.includes('--quick') ? [100] : [100, 1024];
  logsBench(sizes).then((rows) => {
    const mbs = (mb, ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
    process.stdout.write(`\nTLS365 legacy-client discovery benchmark (IIS W3C with crypt fields), node ${process.version}, ${os.cpus().length} cores\n\n`);
    for (const r of rows) {
      process.stdout.write(`${r.mb.toFixed(0)} MB log, ${r.awk.hits} legacy hits from ${r.awk.clients} client/protocol pairs (all three agree)\n`);
      process.stdout.write(`  Find-Tls365LegacyClient   ${mbs(r.mb, r.mod.ms).padEnd(12)} ${(r.mod.ms / 1000).toFixed(2)} s   bridge peak RSS ${r.mod.hwmMb.toFixed(0)} MB\n`);
      process.stdout.write(`  awk one-liner             ${mbs(r.mb, r.awk.ms).padEnd(12)} ${(r.awk.ms / 1000).toFixed(2)} s   module/awk time ${(r.mod.ms / r.awk.ms).toFixed(2)}x\n`);
      if (r.psp) process.stdout.write(`  Select-String pipeline    ${mbs(r.mb, r.psp.ms).padEnd(12)} ${(r.psp.ms / 1000).toFixed(2)} s   pipeline/module time ${(r.psp.ms / r.mod.ms).toFixed(1)}x\n`);
    }
  }).catch((e) => { process.stderr.write(`bench failed: ${e.stack || e}\n`); process.exit(1); });
}
