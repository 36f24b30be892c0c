import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desiredOutcome } from '../../core/desired/reference.js';
import { renderDesiredScript } from '../../core/desired/render-scripts.js';
import { evaluateSnapshot } from '../../core/readiness/evaluate.js';
import { repoRoot } from '../support/bridge-client.js';
import { familyCases, imageCases, refusedCases, STATES, type DesiredCase } from '../support/desired-cases.js';
import { fakeStore } from '../support/fake-store.js';
import { pwsh } from '../support/module-shell.js';

/**
 * The desired-state scripts' PowerShell interpreter (core/desired/interpreter-text.ts) against the core's
 * reference (core/desired/reference.ts: the planner's changes, less the cipher list and the values an update
 * must come first for): on every acceptance image and sample, on machines of every OS family the core names,
 * and on machines the scripts must refuse, for four desired states, the interpreter must decide exactly what
 * the core decides: the same refusal, the same writes in the same order, the same values held for the same
 * updates. The interpreter runs in one pwsh process per state, over fake registries built from the images
 * (tests/module/fixtures/fake-registry), through the script's own functions and data block.
 *
 * Images where the core marks a component Unknown (an export that lacks a root key) are compared on their
 * refusal only: the live registry always holds those keys, and the planner leaves unknown components alone.
 */

interface PsResult {
  readonly store: string;
  readonly problem?: string | null;
  readonly changes?: readonly { key: string; name: string; kind: string; data: number | string | null; owner: string }[];
  readonly held?: readonly { kb: string; key: string; name: string }[];
  readonly error?: string;
}

const harness = join(repoRoot, 'tests', 'module', 'fixtures', 'fake-registry', 'Get-DesiredEvaluation.ps1');

describe('desired-state scripts: the PowerShell interpreter decides what the core decides (issue 15)', function () {
  this.timeout(900_000);
  const cases: DesiredCase[] = [...imageCases(), ...familyCases(), ...refusedCases()];
  let dir = '';
  const stores: string[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tls365-desired-'));
    cases.forEach((c, i) => {
      const file = join(dir, `store-${i}.json`);
      writeFileSync(file, JSON.stringify(fakeStore(c.snapshot)));
      stores.push(file);
    });
    writeFileSync(join(dir, 'stores.txt'), stores.join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('covers images, every OS family and refusals', () => {
    assert.ok(imageCases().length >= 38, 'every acceptance image and sample');
    assert.ok(familyCases().length >= 27 * 4, 'every build the core names, server and client, x64 and x86');
  });

  for (const { label, state } of STATES) {
    it(`${label}: same refusals, same writes in the same order, same held values`, () => {
      const script = renderDesiredScript(state, 'apply');
      assert.ok(script.ok);
      const file = join(dir, `desired-${label.replace(/[^a-z0-9]+/gi, '-')}.ps1`);
      writeFileSync(file, script.value);
      const out = join(dir, `result-${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
      const run = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', harness, '-Script', file, '-StoreList', join(dir, 'stores.txt'), '-OutFile', out], { encoding: 'utf8', timeout: 800_000 });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const results = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as PsResult[];
      assert.equal(results.length, cases.length);
      let compared = 0;
      let refused = 0;
      let writes = 0;
      const mismatches: string[] = [];
      cases.forEach((c, i) => {
        const ps = results[i]!;
        if (ps.error !== undefined) { mismatches.push(`${c.name}: the interpreter failed: ${ps.error}`); return; }
        const core = desiredOutcome(c.snapshot, state);
        if (core.kind === 'refused' || (ps.problem ?? null) !== null) {
          if (core.kind !== 'refused') mismatches.push(`${c.name}: the interpreter refused (${String(ps.problem)}), the core did not`);
          else if ((ps.problem ?? null) === null) mismatches.push(`${c.name}: the core refused (${core.why}), the interpreter did not`);
          else if (ps.problem !== core.why && !String(ps.problem).startsWith(core.why)) mismatches.push(`${c.name}: refused for different reasons: core "${core.why}", interpreter "${String(ps.problem)}"`);
          refused += 1;
          return;
        }
        if (evaluateSnapshot(c.snapshot).components.some((x) => x.status === 'Unknown')) return;
        compared += 1;
        const want = core.writes.map((w) => `${w.key}\\${w.name} ${w.kind} ${String(w.data)} (${w.owner})`);
        const got = (ps.changes ?? []).map((w) => `${w.key}\\${w.name} ${w.kind} ${String(w.data)} (${w.owner})`);
        writes += want.length;
        if (JSON.stringify(want) !== JSON.stringify(got)) mismatches.push(`${c.name}:\n  core:        ${want.join('\n               ')}\n  interpreter: ${got.join('\n               ')}`);
        const heldWant = core.held.map((h) => `${h.kb} ${h.key}\\${h.name}`).sort();
        const heldGot = (ps.held ?? []).map((h) => `${h.kb} ${h.key}\\${h.name}`).sort();
        if (JSON.stringify(heldWant) !== JSON.stringify(heldGot)) mismatches.push(`${c.name}: held core [${heldWant.join(', ')}], interpreter [${heldGot.join(', ')}]`);
      });
      assert.deepEqual(mismatches, [], `${mismatches.length} machine(s) differ`);
      assert.ok(compared > 100, `compared ${compared} machines`);
      assert.ok(refused >= 3, 'the refused machines were refused');
      assert.ok(writes > 300, `compared ${writes} writes`);
    });
  }
});
