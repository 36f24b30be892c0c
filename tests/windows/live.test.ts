import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from '../support/bridge-client.js';
import { assertTier, inSlots, regeditImportAsync, resetRegistry, runWindowsPwshAsync, scratchDir, slotCount, toWindowsPath, type Slot } from '../support/wine.js';

/**
 * Windows tier: the module's live paths on the Windows build of pwsh 7.6.9 under Wine, against Wine's real Win32
 * registry (tests/support/wine.ts). For every whole-machine image: import it with regedit /s, then
 *   - live equals image: Get-Tls365Readiness (the live collector) gives the verdicts Get-Tls365Readiness -Path
 *     gives for the same file (Ready, each component's Status, Fail/Warn findings with components, MissingUpdates);
 *   - live remediation: -WhatIf writes nothing; Set makes every applicable component Ready where the gaps are
 *     registry-only; Undo (by -BackupPath, and from the pipeline) leaves every tree a plan can touch as it was,
 *     keys included, proven by comparing reg export bytes.
 * What Wine is not, and how each comparison deals with it (nothing is skipped):
 *   - no WMI: Get-HotFix fails, so the live hotfix list is "not collected" (asserted below); .reg images have no
 *     hotfix list either, so both decide updates from the CBS packages of the image;
 *   - Wine's own system32 winhttp.dll (5.1.2600) is what the live collector reads as a file version; the core
 *     uses file versions only for Windows 7 / Server 2008 R2 / 2012 builds, whose images here carry CBS packages
 *     (the comparison would show any difference);
 *   - no ACLs (always admin), no 32-bit host, no Windows SChannel: see tests/windows/README.md.
 */

const acceptance = join(repoRoot, 'tests', 'fixtures', 'acceptance');
const examples = join(repoRoot, 'examples');
/** examples/ws2012-old03-broken.reg is malformed on purpose (regedit skips its bad line silently; -Path refuses it). */
const NOT_A_MACHINE = new Set(['ws2012-old03-broken.reg']);

export const machineImages = (): string[] => [
  ...readdirSync(examples).filter((f) => f.endsWith('.reg') && !NOT_A_MACHINE.has(f)).sort().map((f) => join(examples, f)),
  ...readdirSync(acceptance).filter((f) => f.endsWith('.reg')).sort().map((f) => join(acceptance, f)),
];

interface Summary {
  ComputerName: string; Source: string; TypeName: string; Ready: boolean;
  Components: string[]; Findings: string[]; MissingUpdates: string[]; Reasons: string[]; NeedsUpdate: string[];
}
interface CycleResult {
  live: Summary[]; image: Summary[]; liveErrors: string[];
  snapshot: { architecture: string; hotfixesCollected: boolean; unreadable: string[] };
  whatIfWroteBackup: boolean;
  changes: { Key: string; Name: string; After: unknown; Status: string; TypeName: string }[];
  after: Summary[];
  undoByPath?: { Restored: number; Exact: boolean; TypeName: string }[];
  undoRefused?: string[] | string;
  secondSetCount?: number;
  undoFromPipeline?: { Restored: number; Exact: boolean }[];
}

const asArray = <T>(x: T | T[] | null | undefined): T[] => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);

function exportsOf(dir: string, label: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const reg = join(dir, `${label}-${i}.reg`);
    const missing = join(dir, `${label}-${i}.missing`);
    if (existsSync(reg)) out.push(readFileSync(reg).toString('base64'));
    else if (existsSync(missing)) out.push(`missing:${readFileSync(missing, 'utf8').trim()}`);
    else throw new Error(`no export ${label}-${i} in ${dir}`);
  }
  return out;
}

function firstDifference(a: string[], b: string[]): string {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    const show = (s: string): string => (s.startsWith('missing:') ? s : Buffer.from(s, 'base64').toString('utf16le'));
    const la = show(a[i]!).split(/\r?\n/);
    const lb = show(b[i]!).split(/\r?\n/);
    for (let j = 0; j < Math.max(la.length, lb.length); j += 1) {
      if (la[j] !== lb[j]) return `tree ${i}, line ${j + 1}: before ${JSON.stringify(la[j])}, after ${JSON.stringify(lb[j])}`;
    }
    return `tree ${i}: ${show(a[i]!).length} vs ${show(b[i]!).length} characters`;
  }
  return '(none)';
}

const applicable = (s: Summary): string[] => s.Components.filter((c) => !c.endsWith('=NotApplicable'));

/** One image through Invoke-LiveCycle.ps1 in a Wine slot: its registry reset, the image imported, the cycle run. */
async function cycle(image: string, slot: Slot): Promise<{ result: CycleResult; dir: string; dispose: () => void }> {
  const scratch = scratchDir();
  try {
    resetRegistry(slot);
    const imported = await regeditImportAsync(image, slot);
    assert.equal(imported.code, 0, `regedit /s ${basename(image)}: ${imported.stderr}`);
    const run = await runWindowsPwshAsync(join(repoRoot, 'tests', 'windows', 'scripts', 'Invoke-LiveCycle.ps1'),
      ['-Image', toWindowsPath(image), '-OutDir', toWindowsPath(scratch.dir), '-Module', toWindowsPath(join(repoRoot, 'TLS365.psd1')), '-Remediate'], { slot });
    const file = join(scratch.dir, 'result.json');
    assert.ok(existsSync(file), `the Windows pwsh wrote no result (exit ${run.code}): ${run.stdout}\n${run.stderr}`);
    assert.equal(run.code, 0, `exit ${run.code}: ${run.stderr}`);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as CycleResult;
    const result = { ...raw, live: asArray(raw.live), image: asArray(raw.image), after: asArray(raw.after), changes: asArray(raw.changes), liveErrors: asArray(raw.liveErrors) };
    return { result, dir: scratch.dir, dispose: scratch.dispose };
  } catch (e) {
    scratch.dispose();
    throw e;
  }
}

describe('Windows tier: live readiness and live remediation under Wine (every whole-machine image)', function () {
  this.timeout(1_800_000);
  const images = machineImages();
  let outcomes: Awaited<ReturnType<typeof inSlots<string, Awaited<ReturnType<typeof cycle>>>>> = [];
  before(async function () {
    assertTier();
    const started = Date.now();
    outcomes = await inSlots(images, cycle);
    process.stdout.write(`      (${images.length} images in ${slotCount()} Wine slots: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  });
  after(() => {
    for (const o of outcomes) if (o.ok) o.value.dispose();
    for (let slot = 0; slot < slotCount(); slot += 1) resetRegistry(slot);
  });

  images.forEach((image, index) => {
    const name = basename(image);
    describe(name, () => {
      let result: CycleResult;
      let dir: string;

      before(() => {
        const o = outcomes[index]!;
        if (!o.ok) throw o.error;
        result = o.value.result;
        dir = o.value.dir;
      });

      it('live Get-Tls365Readiness equals Get-Tls365Readiness -Path of the same file', () => {
        assert.deepEqual(result.liveErrors, [], 'the live collection wrote no error');
        assert.equal(result.live.length, 1);
        assert.equal(result.image.length, 1);
        const live = result.live[0]!;
        const img = result.image[0]!;
        assert.equal(live.Source, 'Local');
        assert.equal(img.Source, 'Image');
        assert.equal(live.TypeName, 'TLS365.Readiness');
        assert.deepEqual(
          { Ready: live.Ready, Components: live.Components, Findings: live.Findings, MissingUpdates: live.MissingUpdates },
          { Ready: img.Ready, Components: img.Components, Findings: img.Findings, MissingUpdates: img.MissingUpdates },
          `live vs image; live Unknown reasons: ${live.Reasons.join(' | ')}`,
        );
        // The live name is the NetBIOS name Windows sets at boot in the volatile ActiveComputerName key. An image
        // that carries that key gives it to Wine too; one that does not (an export of ComputerName\ComputerName
        // only) leaves Wine's own, made from the host name at wineserver start: a Wine fact, asserted as such.
        const text = readFileSync(image).toString(readFileSync(image)[0] === 0xff ? 'utf16le' : 'latin1');
        if (/ComputerName\\ActiveComputerName\]/i.test(text)) assert.equal(live.ComputerName, img.ComputerName);
        else assert.equal(live.ComputerName, hostname().toUpperCase(), 'Wine names the machine after the host when the image has no ActiveComputerName');
      });

      it('the collector survives missing WMI: hotfix list not collected, said so, and the machine still evaluated', () => {
        assert.equal(result.snapshot.hotfixesCollected, false);
        assert.ok(result.snapshot.unreadable.some((p) => p.startsWith('Get-HotFix')), result.snapshot.unreadable.join(', '));
      });

      it('-WhatIf writes nothing and no backup (reg export before and after identical)', () => {
        assert.equal(result.whatIfWroteBackup, false);
        const before = exportsOf(dir, 'before');
        assert.deepEqual(exportsOf(dir, 'whatif'), before, firstDifference(before, exportsOf(dir, 'whatif')));
      });

      it('live Set-Tls365Protocols makes every applicable component Ready where the gaps are registry-only', () => {
        const img = result.image[0]!;
        const after = result.after[0]!;
        for (const c of result.changes) {
          assert.equal(c.TypeName, 'TLS365.ChangeResult');
          assert.equal(c.Status, 'Applied', 'one vocabulary for images and the live registry (issue 12)');
        }
        // A Ready machine may still get changes (SSL and unknown bits dropped from masks, SSL 3.0 turned off,
        // the TLS 1.2 suites of a cipher-suite policy kept): it must stay Ready.
        // Registry-only: no Fail finding needs an update or a service pack first (a missing update behind a
        // warning does not stop readiness), and no component is Unknown.
        const registryOnly = img.NeedsUpdate.length === 0 && !applicable(img).some((c) => c.endsWith('=Unknown'));
        if (img.Ready || registryOnly) {
          if (!img.Ready) assert.ok(result.changes.length > 0, 'a not-ready machine whose gaps are registry-only gets changes');
          assert.deepEqual(applicable(after).filter((c) => !c.endsWith('=Ready')), [], `after Set: ${after.Findings.join(' | ')}`);
          assert.equal(after.Ready, true);
        } else {
          // Gaps that need an update or a service pack stay (Set installs nothing and says so); what Set did is
          // still undone exactly below.
          assert.ok(img.NeedsUpdate.length > 0, 'not registry-only because an update is needed');
          assert.deepEqual(after.MissingUpdates, img.MissingUpdates);
          assert.deepEqual(after.NeedsUpdate, img.NeedsUpdate, 'the findings that wait for an update remain');
          assert.equal(after.Ready, false);
        }
      });

      it('Undo-Tls365Change (-BackupPath, then from the pipeline) leaves every touched tree as it was, keys included', function () {
        if (result.changes.length === 0) {
          const before = exportsOf(dir, 'before');
          assert.deepEqual(exportsOf(dir, 'set'), before, 'no change planned, nothing written');
          return;
        }
        const before = exportsOf(dir, 'before');
        assert.notDeepEqual(exportsOf(dir, 'set'), before, 'Set changed the registry');
        // The exported trees hold every key Set wrote, so "as it was" covers all of them.
        const trees = ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\',
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\',
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\',
          'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\', 'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\'];
        for (const c of result.changes) assert.ok(trees.some((t) => `${c.Key}\\`.toUpperCase().startsWith(t.toUpperCase())), `${c.Key} lies in an exported tree`);
        // Issue 12: the machines whose original state offers SSL 3.0 are restored only with -AllowLegacy; the first
        // Undo is refused and writes nothing.
        const legacy = /^A(12|13|21|33)-/.test(name);
        assert.deepEqual(asArray(result.undoRefused), legacy ? ['TLS365.Remediation.RestoresLegacySsl,Undo-Tls365Change'] : [], 'refused exactly for the SSL 3.0 machines');
        if (legacy) assert.deepEqual(exportsOf(dir, 'refused'), exportsOf(dir, 'set'), 'the refused Undo wrote nothing');
        const undo1 = asArray(result.undoByPath);
        assert.equal(undo1.length, 1);
        assert.equal(undo1[0]!.TypeName, 'TLS365.UndoResult');
        assert.equal(undo1[0]!.Exact, true);
        assert.equal(undo1[0]!.Restored, result.changes.length);
        assert.deepEqual(exportsOf(dir, 'undo1'), before, firstDifference(before, exportsOf(dir, 'undo1')));
        assert.equal(result.secondSetCount, result.changes.length);
        const undo2 = asArray(result.undoFromPipeline);
        assert.deepEqual(undo2.map((u) => u.Exact), [true], 'one backup, restored once');
        assert.deepEqual(exportsOf(dir, 'undo2'), before, firstDifference(before, exportsOf(dir, 'undo2')));
      });
    });
  });
});
