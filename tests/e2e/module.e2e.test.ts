import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PowerShell } from 'node-powershell';
import { decodeMask } from '../../core/index.js';
import { repoRoot } from '../support/bridge-client.js';
import { freePort, startOpensslServer, startSilentServer, type TlsServer } from '../support/tls-server.js';
import { literal, pwsh, startModuleShell } from '../support/module-shell.js';

// End to end: mocha drives a real pwsh 7.6.9 running the module, which starts the real bridge
// (tests/support/module-shell.ts).
describe('module end to end (node-powershell -> pwsh -> module -> bridge -> core)', function () {
  this.timeout(60_000);
  let ps: PowerShell;
  let scratch: string;

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'tls365-e2e-'));
    ps = await startModuleShell();
  });
  after(async () => {
    await ps.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the README command prints Tls10, Tls11 and Tls12 for 0xA80', () => {
    const out = execFileSync(pwsh, ['-NoProfile', '-c', 'Import-Module ./TLS365.psd1; ConvertFrom-Tls365ProtocolMask 0xA80'], { cwd: repoRoot, encoding: 'utf8' });
    assert.deepEqual(out.trim().split(/\r?\n/), ['Tls10', 'Tls11', 'Tls12']);
  });

  it('gives the same answers as the core for values read from a file, in every layout', async () => {
    const cases = [0, 0x8, 0xa80, 0xa00, 0x800, 0x2800, 0x400, 0x1400, 0xaa8, 0x3000].flatMap((value) =>
      ['WinHttp', 'WinInet', 'SChannelClient', 'SChannelServer'].map((layout) => ({ Value: value, Layout: layout })));
    const input = join(scratch, 'masks.json');
    writeFileSync(input, JSON.stringify(cases));
    const r = await ps.invoke(`@(Get-Content -Raw -LiteralPath ${literal(input)} | ConvertFrom-Json) | ConvertFrom-Tls365ProtocolMask -Detailed -ErrorVariable bad -ErrorAction SilentlyContinue | ForEach-Object { $_.Hex + ' ' + $_.Layout + ' ' + ($_.Protocols -join ',') }; $bad | ForEach-Object { 'ERROR ' + $_.TargetObject + ' ' + $_.FullyQualifiedErrorId }`);
    const got = r.raw.split(/\r?\n/).filter((l) => l.trim() !== '');
    const want = cases.map((c) => {
      const d = decodeMask(c.Value, c.Layout as 'WinHttp');
      return d.ok ? `${d.value.hex} ${c.Layout} ${d.value.protocols.join(',')}` : `ERROR ${c.Value} TLS365.Mask.${d.error.code},ConvertFrom-Tls365ProtocolMask`;
    });
    const sorted = (xs: string[]): string[] => [...xs.filter((x) => !x.startsWith('ERROR')), ...xs.filter((x) => x.startsWith('ERROR'))];
    assert.deepEqual(got, sorted(want));
    assert.ok(want.some((w) => w.startsWith('ERROR')), 'the case list includes values the layouts refuse');
  });

  it('writes ErrorRecords with id, category and target through the whole stack', async () => {
    const r = await ps.invoke(`$null = ConvertFrom-Tls365ProtocolMask -Value '0x4800' -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId; $e[0].CategoryInfo.Category.ToString(); $e[0].TargetObject`);
    assert.deepEqual(r.raw.split(/\r?\n/), ['TLS365.Mask.UnknownBits,ConvertFrom-Tls365ProtocolMask', 'InvalidData', '0x4800']);
  });

  it('round-trips through both cmdlets and keeps one bridge process for the whole session', async () => {
    const r = await ps.invoke(`$a = (Get-Module TLS365).Invoke({ $script:Bridge.Process.Id }); ConvertTo-Tls365ProtocolMask -Protocol Tls12, Tls13 -Layout SChannelServer | ConvertFrom-Tls365ProtocolMask -Layout SChannelServer | Out-String; $b = (Get-Module TLS365).Invoke({ $script:Bridge.Process.Id }); [string]($a -eq $b)`);
    const lines = r.raw.split(/\r?\n/).filter((l) => l.trim() !== '');
    assert.deepEqual(lines, ['Tls12', 'Tls13', 'True']);
  });
});

describe('Test-Tls365Connection end to end against local openssl s_server (pwsh -> module -> bridge)', function () {
  this.timeout(60_000);
  let ps: PowerShell;
  let legacy: TlsServer;
  let modern: TlsServer;
  before(async () => {
    legacy = await startOpensslServer(['-cipher', 'DEFAULT@SECLEVEL=0', '-no_tls1_3']);
    modern = await startOpensslServer(['-tls1_2']);
    ps = await startModuleShell();
  });
  after(async () => {
    await ps.dispose();
    await legacy.stop();
    await modern.stop();
  });

  it('reports per version which servers accept it, and pipes objects with HostName and Port', async () => {
    const r = await ps.invoke(`@([PSCustomObject]@{ HostName = '127.0.0.1'; Port = ${legacy.port} }, [PSCustomObject]@{ ComputerName = '127.0.0.1'; Port = ${modern.port} }) | Test-Tls365Connection -Protocol Tls10, Tls11, Tls12 | ForEach-Object { '{0} {1} {2} {3}' -f $_.Port, $_.Protocol, $_.Status, $_.PSObject.TypeNames[0] }`);
    const lines = r.raw.split(/\r?\n/).filter((l) => l.trim() !== '');
    assert.deepEqual(lines, [
      `${legacy.port} Tls10 Accepted TLS365.ConnectionTest`, `${legacy.port} Tls11 Accepted TLS365.ConnectionTest`, `${legacy.port} Tls12 Accepted TLS365.ConnectionTest`,
      `${modern.port} Tls10 Refused TLS365.ConnectionTest`, `${modern.port} Tls11 Refused TLS365.ConnectionTest`, `${modern.port} Tls12 Accepted TLS365.ConnectionTest`,
    ]);
  });

  it('keeps going past an unreachable host, reporting it as Unreachable', async () => {
    const closed = await freePort();
    const r = await ps.invoke(`Test-Tls365Connection -HostName 127.0.0.1 -Port ${closed} -Protocol Tls12 | ForEach-Object { $_.Status + ' ' + [string]$_.Accepted }`);
    assert.equal(r.raw.trim(), 'Unreachable False');
  });

  it('a host name that cannot be one fails alone: its neighbours are probed (issue 13, item 4)', async () => {
    const closed = await freePort();
    const r = await ps.invoke(`$out = @(Test-Tls365Connection -HostName 127.0.0.1, 'bad host', 127.0.0.1 -Port ${closed} -Protocol Tls12 -ErrorVariable ev -ErrorAction SilentlyContinue); ($out | ForEach-Object { $_.HostName + ' ' + $_.Status }) -join ';'; ($ev | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.CategoryInfo.Category + ' ' + $_.TargetObject }) -join ';'`);
    const [results, errors] = r.raw.trim().split(/\r?\n/);
    assert.equal(results, '127.0.0.1 Unreachable;127.0.0.1 Unreachable');
    assert.equal(errors, `TLS365.Probe.InvalidHost InvalidArgument bad host:${closed}`);
  });

  it('a probe run longer than the bridge timeout finishes: the timeout follows -TimeoutSeconds and new results (issue 13, item 3)', async () => {
    // 36 probes of 2 s against a silent server, 16 at a time: about 6 s in all. With the bridge timeout set to
    // 3 s, a fixed timeout turned all 36 (the finished ones too) into TLS365.Bridge.Timeout.
    const silent = await startSilentServer();
    try {
      const r = await ps.invoke(`& (Get-Module TLS365) { $script:BridgeTimeoutSeconds = 3 }; try { $out = @(Test-Tls365Connection -HostName (1..9 | ForEach-Object { '127.0.0.1' }) -Port ${silent.port} -TimeoutSeconds 2 -ErrorVariable ev -ErrorAction SilentlyContinue) } finally { & (Get-Module TLS365) { $script:BridgeTimeoutSeconds = 300 } }; '{0} {1} {2}' -f $out.Count, @($out | Where-Object Status -eq 'TimedOut').Count, $ev.Count`);
      assert.equal(r.raw.trim(), '36 36 0');
    } finally {
      await silent.stop();
    }
  });

  it('results stream as they finish: a bridge killed after the first keeps every result given, and the probes still open each get an error naming host:port (issue 13, item 3)', async () => {
    const closed = await freePort();
    const silent = await startSilentServer();
    try {
      const items = [...Array.from({ length: 10 }, () => closed), ...Array.from({ length: 10 }, () => silent.port)]
        .map((p) => `[PSCustomObject]@{ HostName = '127.0.0.1'; Port = ${p} }`).join(', ');
      const r = await ps.invoke(`$killed = $false; $out = @(@(${items}) | Test-Tls365Connection -Protocol Tls12 -TimeoutSeconds 20 -ErrorVariable ev -ErrorAction SilentlyContinue | ForEach-Object { if (-not $killed) { $killed = $true; & (Get-Module TLS365) { $script:Bridge.Process.Kill() } }; $_ }); ($out | ForEach-Object { '{0}:{1} {2}' -f $_.HostName, $_.Port, $_.Status }) -join ';'; ($ev | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject }) -join ';'`);
      const [results = '', errors = ''] = r.raw.trim().split(/\r?\n/);
      const got = results.split(';').filter((x) => x !== '');
      const failed = errors.split(';').filter((x) => x !== '');
      assert.ok(got.length >= 1, r.raw);
      assert.equal(got.length + failed.length, 20, r.raw);
      for (const g of got) assert.equal(g, `127.0.0.1:${closed} Unreachable`, 'only the fast probes had finished');
      // The silent server's probes were open (20 s each) when the bridge died: each has its own error.
      assert.equal(failed.filter((f) => f === `TLS365.Bridge.Exited 127.0.0.1:${silent.port}`).length, 10, r.raw);
      assert.ok(failed.every((f) => /^TLS365\.Bridge\.Exited 127\.0\.0\.1:\d+$/.test(f)), r.raw);
    } finally {
      await silent.stop();
    }
  });
});
