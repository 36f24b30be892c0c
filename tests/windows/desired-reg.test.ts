import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OS_FAMILIES, type OsFamily } from '../../core/desired/families.js';
import { renderFamilyRegs } from '../../core/desired/render-reg-families.js';
import { encodeUtf16le, renderRegFile } from '../../core/regfile/index.js';
import type { MachineSnapshot } from '../../core/readiness/snapshot.js';
import { repoRoot } from '../support/bridge-client.js';
import { STATES } from '../support/desired-cases.js';
import { fixedValueImages } from '../support/desired-ready.js';
import { machine } from '../support/machine.js';
import { assertTier, regeditImport, resetRegistry, runWindowsPwsh, runWine, toWindowsPath } from '../support/wine.js';

/**
 * Windows tier (issue 15, "Done when": "the Reg files imported with Wine's reg import /reg:64 make their OS family
 * Ready"): each desired-state .reg file (one per OS family and architecture, default state) is imported with Wine's
 * reg.exe, /reg:64, onto a machine of its family whose values are wrong (WinHTTP DefaultSecureProtocols 0xA0, the
 * Schannel TLS 1.2 client disabled, WinINet SecureProtocols 0xA0 for the user; Wine's registry reset and the machine
 * imported first), and live Get-Tls365Readiness is then Ready but for what no registry value fixes (on Server 2008
 * SP2: the Azure Front Door and Entra ID suites only an upgrade brings, WinHTTP's further update, .NET 3.5's KB).
 * The registry-only acceptance images of the fixed-value channels get their family's file the same way.
 */

const ENV = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
const OS_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

interface Summary { Ready: boolean; Components: string[]; Findings: string[]; Unfixable: string[] | string | null }

function familyMachine(f: OsFamily): MachineSnapshot {
  const build = f.builds[f.builds.length - 1]!;
  const server = f.server ?? true;
  const old = build < 7600 ? { productName: 'Windows Server (R) 2008 Standard' } : {};
  return machine({
    build, server, x64: f.x64, net35: true, cbs: ['KB3140245', 'KB4019276'], ...old,
    values: {
      [ENV]: { PROCESSOR_ARCHITECTURE: f.x64 ? 'AMD64' : 'x86' },
      // Wine's own hives say ProductType WinNT (a workstation); the builder writes InstallationType from 7600 on only.
      ...(build < 7600 ? { [OS_KEY]: { InstallationType: 'Server' } } : {}),
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp': { DefaultSecureProtocols: 0xa0 },
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client': { Enabled: 0 },
      'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': { SecureProtocols: 0xa0 },
    },
  });
}

describe('Windows tier: the desired-state .reg files, imported with reg import /reg:64, make their OS family Ready (issue 15)', function () {
  this.timeout(600_000);
  let dir = '';
  const files = renderFamilyRegs(STATES[0]!.state);

  before(() => {
    assertTier();
    dir = mkdtempSync(join(tmpdir(), 'tls365-desired-reg-'));
    assert.ok(files.ok);
    for (const f of files.value) writeFileSync(join(dir, f.fileName), f.bytes);
  });
  after(() => { resetRegistry(); if (dir !== '') rmSync(dir, { recursive: true, force: true }); });

  function importAndRead(machineReg: string, familyFile: string): Summary {
    resetRegistry();
    const m = regeditImport(machineReg);
    assert.equal(m.code, 0, `regedit /s machine: ${m.stderr}`);
    const r = runWine('reg', ['import', toWindowsPath(join(dir, familyFile)), '/reg:64']);
    assert.equal(r.code, 0, `reg import ${familyFile} /reg:64: ${r.stdout} ${r.stderr}`);
    const out = mkdtempSync(join(dir, 'live-'));
    const run = runWindowsPwsh(join(repoRoot, 'tests', 'windows', 'scripts', 'Get-LiveReadiness.ps1'), ['-OutDir', toWindowsPath(out), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1'))]);
    assert.equal(run.code, 0, `Get-LiveReadiness.ps1: ${run.stdout} ${run.stderr}`);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { live: Summary | Summary[]; errors: string[] | string | null };
    assert.deepEqual(result.errors ?? [], [], 'live readiness wrote no error');
    return Array.isArray(result.live) ? result.live[0]! : result.live;
  }

  function assertReadyButUnfixable(s: Summary, what: string): void {
    const unfixable = new Set(s.Unfixable === null ? [] : Array.isArray(s.Unfixable) ? s.Unfixable : [s.Unfixable]);
    // TLS365-WINHTTP-011 (Server 2008 SP2) names no KB: no Microsoft source read names the further WinHTTP update.
    assert.deepEqual(s.Findings.filter((f) => !unfixable.has(f) && !f.startsWith('TLS365-WINHTTP-011|')), [], `${what}: every Fail/Warn left is one no registry value fixes`);
  }

  for (const f of OS_FAMILIES) {
    it(`TLS365-${f.id}.reg on a ${f.label} machine with wrong values`, () => {
      const file = join(dir, `machine-${f.id}.reg`);
      const r = renderRegFile({ keys: familyMachine(f).registry.map((k) => ({ path: k.path, values: [...k.values], deletedValues: [] })) });
      assert.ok(r.ok);
      writeFileSync(file, encodeUtf16le(r.text));
      const s = importAndRead(file, `TLS365-${f.id}.reg`);
      assertReadyButUnfixable(s, f.id);
      if (f.id !== 'ws2008sp2-x64' && f.id !== 'ws2008sp2-x86') assert.equal(s.Ready, true, `${f.id}: ${s.Findings.join(' | ')}`);
    });
  }

  for (const c of fixedValueImages().images.filter((x) => /^A(09|12|16|29|33)/.test(x.name))) {
    it(`${c.name}: its family's file (TLS365-${c.family.id}.reg) makes it Ready`, () => {
      const s = importAndRead(join(repoRoot, 'tests', 'fixtures', 'acceptance', c.name), `TLS365-${c.family.id}.reg`);
      assert.equal(s.Ready, true, `${c.name}: ${s.Findings.join(' | ')}`);
    });
  }
});
