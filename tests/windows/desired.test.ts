import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateSnapshot } from '../../core/readiness/evaluate.js';
import { encodeUtf16le, renderRegFile } from '../../core/regfile/index.js';
import type { MachineSnapshot } from '../../core/readiness/snapshot.js';
import { repoRoot } from '../support/bridge-client.js';
import { imageCases, type DesiredCase } from '../support/desired-cases.js';
import { machine } from '../support/machine.js';
import { pwsh } from '../support/module-shell.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier (issue 15, "Done when"): ONE set of desired-state artefacts, exported once with no image
 * (Export-Tls365Remediation -Format Script | SccmDiscovery | SccmRemediation | IntuneDetection | IntuneRemediation,
 * default state), run under the Windows pwsh against Wine's Win32 registry on machine after machine imported into
 * the same registry (reset to Wine's own hives, then the machine's .reg imported by regedit /s):
 *   - every acceptance image and sample whose gaps are registry-only (no update needed, nothing Unknown);
 *   - machines of the other OS families the core names, built as .reg files (7 SP1, 8/2012, 8.1 32-bit, 10/2016,
 *     2019 32-bit, 2022, 11, 2025);
 *   - machines that need an update first (the WinHTTP value waits for KB3140245, or on Server 2008 SP2 for the
 *     WinHTTP update TLS365-WINHTTP-011 names: written nowhere, reported, exit 3);
 *   - machines the artefacts must refuse (a build the table lacks; no PROCESSOR_ARCHITECTURE).
 * The remediation channel rotates (Script, SCCM, Intune) so that each makes machines Ready. For each: the SCCM
 * discovery prints the differences and then Compliant, the Intune detection exits 1 and then 0 (output one line,
 * at most 2,048 characters), discovery and detection write nothing, live Get-Tls365Readiness is Ready afterwards,
 * and a second run of the channel changes nothing (every touched tree read back through the registry API).
 *
 * The cipher-list images (A23, A24) and Exchange's TLS 1.3 case (A25) are covered like the others. Not run: a 32-bit
 * host (this Wine has the 64-bit pwsh only), so Intune's default 32-bit host rests on the scripts' Registry64 view.
 */

const CHANNELS = ['Script', 'Sccm', 'Intune'] as const;
const ENV = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';

interface Run { Exit: number; Output: string }
interface Summary { Ready: boolean; Components: string[]; Findings: string[]; NeedsUpdate: string[]; Unfixable: string[] | string | null }
interface Cycle {
  Before: string; Discovery1: Run; Detection1: Run; Discovered: string; Apply1: Run; Applied: string; Marker: boolean;
  Live: Summary[] | Summary | null; Errors: string[] | string | null; Discovery2: Run; Detection2: Run; Apply2: Run; Again: string;
}

function regFile(snapshot: MachineSnapshot, deleted: readonly { key: string; name: string }[] = []): Uint8Array {
  const keys = snapshot.registry.map((k) => ({ path: k.path, values: [...k.values], deletedValues: deleted.filter((d) => d.key === k.path).map((d) => d.name) }));
  const r = renderRegFile({ keys });
  assert.ok(r.ok, 'the test machine renders as .reg');
  return encodeUtf16le(r.text);
}

const env = (x64: boolean): Record<string, Record<string, string>> => ({ [ENV]: { PROCESSOR_ARCHITECTURE: x64 ? 'AMD64' : 'x86' } });
const server2008 = { productName: 'Windows Server (R) 2008 Standard' };
const OS_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** Machines of the other OS families, nothing set but .NET 4.8 and 3.5, the updates the family needs installed. */
const FAMILY_MACHINES: readonly DesiredCase[] = [
  { name: 'family 7 SP1 client x64 (KB3140245)', snapshot: machine({ build: 7601, server: false, net35: true, cbs: ['KB3140245'], values: env(true) }) },
  { name: 'family 2012 x64 (KB3140245)', snapshot: machine({ build: 9200, server: true, net35: true, cbs: ['KB3140245'], values: env(true) }) },
  { name: 'family 8.1 client x86', snapshot: machine({ build: 9600, server: false, x64: false, net35: true, values: env(false) }) },
  { name: 'family 2016 x64', snapshot: machine({ build: 14393, server: true, net35: true, values: env(true) }) },
  { name: 'family 10 1809 client x86', snapshot: machine({ build: 17763, server: false, x64: false, values: env(false) }) },
  { name: 'family 2022 x64', snapshot: machine({ build: 20348, server: true, net35: true, values: env(true) }) },
  { name: 'family 11 23H2 x64', snapshot: machine({ build: 22631, server: false, values: env(true) }) },
  { name: 'family 2025 x64', snapshot: machine({ build: 26100, server: true, values: env(true) }) },
];

/**
 * Server 2008 SP2 with KB4019276: Schannel and .NET are written; WinHTTP's value waits for the further WinHTTP update
 * TLS365-WINHTTP-011 names, and Azure Front Door and Entra ID need suites only an upgrade brings (no registry fix).
 * Wine's own hives say ProductType WinNT (a workstation) and have no InstallationType: a 2008 SP2 export holds Server (the builder writes it from 7600 on only).
 */
const SERVER_2008: DesiredCase = { name: 'Server 2008 SP2 x64 with KB4019276', snapshot: machine({ build: 6003, server: true, net35: true, cbs: ['KB4019276'], ...server2008, values: { ...env(true), [OS_KEY]: { InstallationType: 'Server' } } }) };

/** Update-gated: Windows 7 SP1 without KB3140245: Schannel and .NET are written, WinHTTP's value is held and reported. */
const HELD: DesiredCase = { name: 'held 7 SP1 x64 without KB3140245', snapshot: machine({ build: 7601, server: true, net35: true, values: env(true) }) };

describe('Windows tier: one desired state, exported once with no image, run on machine after machine (issue 15)', function () {
  this.timeout(1_800_000);
  let dir = '';
  let artefacts = '';
  let n = 0;

  before(() => {
    assertTier();
    dir = mkdtempSync(join(tmpdir(), 'tls365-desired-tier-'));
    artefacts = join(dir, 'artefacts');
    const formats: readonly [string, string][] = [['Script', 'apply.ps1'], ['SccmDiscovery', 'sccm-discovery.ps1'], ['SccmRemediation', 'sccm-remediation.ps1'], ['IntuneDetection', 'intune-detection.ps1'], ['IntuneRemediation', 'intune-remediation.ps1']];
    const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
    const command = [`Import-Module ${lit(join(repoRoot, 'TLS365.psd1'))}`, `$null = New-Item -ItemType Directory -Path ${lit(artefacts)}`,
      ...formats.map(([f, file]) => `$null = Export-Tls365Remediation -Format ${f} -OutFile ${lit(join(artefacts, file))}`)].join('; ');
    const run = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    for (const [, file] of formats) assert.ok(existsSync(join(artefacts, file)), `${file} exported`);
  });
  after(() => { resetRegistry(); if (dir !== '') rmSync(dir, { recursive: true, force: true }); });

  function cycle(snapshot: MachineSnapshot | string, channel: (typeof CHANNELS)[number], deleted: readonly { key: string; name: string }[] = [], skipReadiness = false): Cycle {
    n += 1;
    const out = join(dir, `case-${n}`);
    mkdirSync(out, { recursive: true });
    const file = typeof snapshot === 'string' ? snapshot : join(out, 'machine.reg');
    if (typeof snapshot !== 'string') writeFileSync(file, regFile(snapshot, deleted));
    resetRegistry();
    const imported = regeditImport(file);
    assert.equal(imported.code, 0, `regedit /s: ${imported.stderr}`);
    const args = ['-OutDir', toWindowsPath(out), '-Artefacts', toWindowsPath(artefacts), '-Channel', channel, '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1')), ...(skipReadiness ? ['-SkipReadiness'] : [])];
    const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-DesiredCycle.ps1'), args);
    assert.equal(run.code, 0, `Invoke-DesiredCycle.ps1 exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    return JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as Cycle;
  }

  const live = (c: Cycle): Summary => { assert.ok(c.Live !== null); return Array.isArray(c.Live) ? c.Live[0]! : c.Live; };
  /** SCCM discovery: exactly one value (one line); Intune: one line of at most 2,048 characters. */
  const oneLine = (r: Run, what: string, limit = Number.MAX_SAFE_INTEGER): string => {
    const line = r.Output.trim();
    assert.ok(line.length > 0 && line.length <= limit && !/[\r\n]/.test(line), `${what}: one line${limit < Number.MAX_SAFE_INTEGER ? ' of at most 2,048 characters' : ''}: ${r.Output}`);
    return line;
  };

  /** A machine the state changes: differences, then Ready and Compliant; discovery writes nothing; a second run changes nothing. */
  function assertFixed(c: Cycle, name: string, channel: string): void {
    assert.notEqual(oneLine(c.Discovery1, 'discovery'), 'Compliant', `${name}: discovery names the differences first`);
    assert.equal(c.Detection1.Exit, 1, `${name}: Intune detection exits 1 first: ${c.Detection1.Output}`);
    assert.match(oneLine(c.Detection1, 'detection', 2048), /^\d+ difference\(s\) from the desired state: /);
    assert.equal(c.Discovered, c.Before, `${name}: discovery and detection write nothing`);
    assert.equal(c.Apply1.Exit, 0, `${name}: ${channel} exit code\n${c.Apply1.Output}`);
    assert.notEqual(c.Applied, c.Before, `${name}: ${channel} changed the registry`);
    assert.equal(c.Marker, true, `${name}: ${channel} left TLS365's volatile restart marker (TLS365-OS-005 until the restart)`);
    const s = live(c);
    assert.deepEqual(c.Errors ?? [], [], `${name}: live readiness wrote no error`);
    assert.deepEqual(s.Components.filter((x) => !/=(Ready|NotApplicable)$/.test(x)), [], `${name}: ${s.Findings.join(' | ')}`);
    assert.equal(s.Ready, true, `${name}: Ready after ${channel}`);
    assert.equal(c.Discovery2.Output.trim(), 'Compliant', `${name}: discovery after ${channel}`);
    assert.equal(c.Detection2.Exit, 0, `${name}: Intune detection exits 0 after ${channel}: ${c.Detection2.Output}`);
    assert.equal(c.Detection2.Output.trim(), 'Compliant');
    assert.equal(c.Apply2.Exit, 0, `${name}: second run: ${c.Apply2.Output}`);
    assert.match(c.Apply2.Output, /nothing to change/, `${name}: second run`);
    assert.equal(c.Again, c.Applied, `${name}: a second run changes nothing`);
  }

  /** A machine already in the desired state: Compliant at once, and no channel writes anything. */
  function assertAlreadyRight(c: Cycle, name: string): void {
    assert.equal(c.Discovery1.Output.trim(), 'Compliant', `${name}: ${c.Discovery1.Output}`);
    assert.equal(c.Detection1.Exit, 0, name);
    assert.equal(c.Apply1.Exit, 0, `${name}: ${c.Apply1.Output}`);
    assert.match(c.Apply1.Output, /nothing to change/);
    assert.equal(c.Applied, c.Before, `${name}: nothing written`);
    assert.equal(c.Marker, false, `${name}: no restart marker when nothing was written`);
    assert.equal(c.Again, c.Before, name);
  }

  const images = imageCases().filter((c) => {
    const r = evaluateSnapshot(c.snapshot);
    return r.missingUpdates.length === 0 && !r.components.some((x) => x.status === 'Unknown') && !r.findings.some((f) => f.severity === 'Fail' && (f.fix?.updates.length ?? 0) > 0);
  });

  it('covers the registry-only acceptance images and samples, and every other OS family', () => {
    assert.ok(images.length >= 20, `${images.length} images`);
    assert.ok(images.some((c) => c.name.startsWith('A29')), 'a 32-bit Windows 10 among them');
    assert.ok(images.some((c) => c.name.startsWith('A25')), 'an Exchange server among them');
    assert.ok(images.some((c) => c.name.startsWith('A23')) && images.some((c) => c.name.startsWith('A24')), 'the configured cipher-suite lists among them');
  });

  images.forEach((c, i) => {
    const channel = CHANNELS[i % CHANNELS.length]!;
    const source = c.name.startsWith('A') ? join(repoRoot, 'tests', 'fixtures', 'acceptance', c.name) : join(repoRoot, 'examples', c.name);
    it(`${c.name} (${channel}): discovery differs, ${channel} makes it Ready, then Compliant; a second run changes nothing`, () => {
      const result = cycle(source, channel);
      if (evaluateSnapshot(c.snapshot).ready && result.Discovery1.Output.trim() === 'Compliant') assertAlreadyRight(result, c.name);
      else assertFixed(result, c.name, channel);
    });
  });

  FAMILY_MACHINES.forEach((c, i) => {
    const channel = CHANNELS[i % CHANNELS.length]!;
    it(`${c.name} (${channel}): the same artefacts make it Ready`, () => {
      const result = cycle(c.snapshot, channel);
      if (result.Discovery1.Output.trim() === 'Compliant') assertAlreadyRight(result, c.name);
      else assertFixed(result, c.name, channel);
    });
  });

  it(`${HELD.name}: the WinHTTP values wait for KB3140245: written nowhere, reported by every channel (exit 3)`, () => {
    const c = cycle(HELD.snapshot, 'Script', [], true);
    assert.match(c.Discovery1.Output, /KB3140245 not installed: HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\\DefaultSecureProtocols waits for it/);
    assert.equal(c.Detection1.Exit, 1);
    assert.equal(c.Apply1.Exit, 3, c.Apply1.Output);
    assert.match(c.Apply1.Output, /KB3140245 must be installed first: 2 value\(s\) wait for it and were not written/);
    assert.doesNotMatch(c.Applied, /DefaultSecureProtocols/, 'no DefaultSecureProtocols written');
    assert.match(c.Applied, /TLS 1\.2\\Client\n {2}DisabledByDefault DWord 0\n {2}Enabled DWord 1/, 'Schannel TLS 1.2 written');
    assert.match(c.Discovery2.Output, /^KB3140245 not installed: /, 'afterwards only the held values differ');
    assert.equal(c.Detection2.Exit, 1, 'still not compliant: the update is missing');
    assert.equal(c.Apply2.Exit, 3);
    assert.equal(c.Again, c.Applied, 'a second run changes nothing');
  });

  it(`${SERVER_2008.name} (Intune): everything a registry value can fix is fixed, WinHTTP's value waits for its update (exit 3), and only what no value fixes is left`, () => {
    const c = cycle(SERVER_2008.snapshot, 'Intune');
    assert.equal(c.Detection1.Exit, 1);
    assert.equal(c.Apply1.Exit, 3, c.Apply1.Output);
    assert.match(c.Apply1.Output, /the WinHTTP update for Server 2008 SP2 \(see TLS365-WINHTTP-011\) must be installed first: 2 value\(s\) wait for it/);
    assert.notEqual(c.Applied, c.Before);
    assert.doesNotMatch(c.Applied, /DefaultSecureProtocols/, 'WinHTTP\'s value is not written');
    const s = live(c);
    const unfixable = new Set(s.Unfixable === null ? [] : Array.isArray(s.Unfixable) ? s.Unfixable : [s.Unfixable]);
    // TLS365-WINHTTP-011 names no KB (no Microsoft source read names the WinHTTP update), so its fix lists none; TLS365-OS-005
    // is the restart the run's marker asks for. Both named here.
    assert.ok(s.Findings.some((f) => f.startsWith('TLS365-OS-005|')), 'the run left its restart marker: a restart is pending');
    assert.deepEqual(s.Findings.filter((f) => !unfixable.has(f) && !/^TLS365-(WINHTTP-011|OS-005)\|/.test(f)), [], 'every Fail/Warn left is one no registry value fixes (an update, or an upgrade)');
    assert.ok(s.Findings.some((f) => f.startsWith('TLS365-ENDPOINT-001|SChannelClient|Fail')), 'Azure Front Door / Entra ID: only an upgrade helps');
    assert.match(c.Discovery2.Output, /^the WinHTTP update for Server 2008 SP2 \(see TLS365-WINHTTP-011\) not installed: /);
    assert.equal(c.Detection2.Exit, 1);
    assert.equal(c.Apply2.Exit, 3);
    assert.equal(c.Again, c.Applied, 'a second run changes nothing');
  });

  const REFUSED: readonly { name: string; snapshot: MachineSnapshot; deleted: { key: string; name: string }[]; says: RegExp }[] = [
    { name: 'build 26200 (not in the table)', snapshot: machine({ build: 26200, server: false, values: env(true) }), deleted: [], says: /build 26200 is not in this artefact's table of Windows builds/ },
    { name: 'no PROCESSOR_ARCHITECTURE', snapshot: machine({ build: 17763, server: true, values: { [ENV]: {} } }), deleted: [{ key: ENV, name: 'PROCESSOR_ARCHITECTURE' }], says: /its architecture cannot be read \(PROCESSOR_ARCHITECTURE\)/ },
  ];
  for (const r of REFUSED) {
    for (const channel of CHANNELS) {
      it(`${r.name} (${channel}): writes nothing, exits 2 with the reason; discovery prints one Not for this machine line; detection exits 1`, () => {
        const c = cycle(r.snapshot, channel, r.deleted, true);
        assert.match(c.Discovery1.Output.trim(), /^Not for this machine: /);
        assert.match(c.Discovery1.Output, r.says);
        assert.equal(c.Detection1.Exit, 1);
        assert.equal(c.Apply1.Exit, 2, c.Apply1.Output);
        assert.match(c.Apply1.Output, /TLS365: the desired state cannot be evaluated on this machine: /);
        assert.match(c.Apply1.Output, r.says);
        assert.match(c.Apply1.Output, /Nothing was changed\./);
        assert.equal(c.Applied, c.Before, 'nothing written');
        assert.equal(c.Marker, false, 'no restart marker');
        assert.equal(c.Again, c.Before, 'nothing written the second time either');
      });
    }
  }
});
