import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlan, planRemediation, undo, type Plan, type PlanOptions } from '../../../core/plan/index.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import type { Component } from '../../../core/readiness/model.js';
import { parseRegFile } from '../../../core/regfile/index.js';
import {
  acceptance, allowedLegacyBits, caseId, EXAMPLES_DIR, findingKey, isMask, load, protocolOf, regFiles, render, schannelTurnsOn, snapshotOf, sslTurnedOn,
  type Machine,
} from './support';

/*
 * The planner against every real image: the 33 acceptance cases (docs/domain-facts.md section 11) and the example
 * machines. For each: plan with the default options, apply it to the parsed image, evaluate the result
 * with the readiness engine, undo, and compare renderRegFile output byte for byte.
 *
 * "Covered": every Fail/Warn finding whose fix is a registry change is gone after the plan, or the plan lists
 * it as unresolved because an update is missing, and then the exact list below says so. Components that
 * registry changes alone cannot make Ready are listed exactly, with the reason.
 */

const ALL_ONE_VIEW = ['WinHttp', 'WinHttp32'] as const;

/** Components still NotReady after the default plan, and why no registry value helps. */
const NOT_READY_AFTER: Readonly<Record<string, { readonly components: readonly Component[]; readonly why: string }>> = {
  A04: { components: ALL_ONE_VIEW, why: 'Windows 7 SP1 without KB3140245: WinHTTP ignores DefaultSecureProtocols until it is installed' },
  A08: { components: ALL_ONE_VIEW, why: 'Server 2012 without KB3140245: WinHTTP ignores DefaultSecureProtocols until it is installed' },
  A27: {
    components: ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32'],
    why: 'Server 2008 SP2 without KB4019276: Schannel has no TLS 1.2 at all until it is installed',
  },
  A28: { components: ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer'], why: 'Windows 7 RTM: needs Service Pack 1 (KB976932), then KB3140245' },
  'ws2008r2-app01.reg': { components: ALL_ONE_VIEW, why: 'Server 2008 R2 SP1 without KB3140245' },
};

/** Fail/Warn findings that stay after the default plan (all for a missing update), and the updates the plan names. */
const UNRESOLVED: Readonly<Record<string, { readonly ids: readonly string[]; readonly updates: readonly string[] }>> = {
  A04: { ids: ['NET35-002', 'WINHTTP-003'], updates: ['KB3140245', 'KB3154518'] },
  A08: { ids: ['WINHTTP-003'], updates: ['KB3140245'] },
  A18: { ids: ['NET35-002'], updates: ['KB3154520'] },
  A20: { ids: ['NET35-002'], updates: ['KB3154520'] },
  A27: { ids: ['NET4-008', 'NET4-008', 'OS-002', 'WINHTTP-010', 'WINHTTP-011', 'WININET-004'], updates: ['KB4019276'] },
  A28: { ids: ['OS-004', 'WINHTTP-004'], updates: ['KB3140245', 'KB976932'] },
  'ws2008r2-app01.reg': { ids: ['NET35-002', 'WINHTTP-003'], updates: ['KB3140245', 'KB3154518'] },
};

function planOf(m: Machine, options: PlanOptions = {}): Plan {
  const p = planRemediation(m.snapshot, options);
  assert.ok(p.ok, `${m.file}: ${JSON.stringify(p)}`);
  return p.value;
}

/** The whole cycle on one machine with the default options. */
function checkMachine(m: Machine, id: string): void {
  const plan = planOf(m);
  const before = evaluateSnapshot(m.snapshot);
  const applied = applyPlan(m.image, plan);
  assert.ok(applied.ok);
  const after = evaluateSnapshot(snapshotOf(m.snapshot, applied.value.image));

  // Covered: every Fail/Warn finding with a registry fix is gone, or unresolved for an update.
  const afterKeys = after.findings.map(findingKey);
  for (const f of before.findings) {
    if (f.severity === 'Info' || f.fix === null || f.fix.changes.length === 0) continue;
    const stays = afterKeys.includes(findingKey(f));
    if (stays) {
      const u = plan.unresolved.find((x) => x.ruleId === f.ruleId && x.components.join() === f.components.join());
      assert.ok(u !== undefined, `${id}: ${f.ruleId} stays but is not listed as unresolved`);
      assert.equal(u.why, 'update', `${id}: ${f.ruleId} stays for a reason other than a missing update: ${u.why}`);
    } else {
      assert.ok(plan.changes.some((c) => c.fixes.includes(f.ruleId)), `${id}: ${f.ruleId} is fixed but no change names it`);
    }
  }
  const expected = UNRESOLVED[id] ?? { ids: [], updates: [] };
  assert.deepEqual(plan.unresolved.map((u) => u.ruleId.replace('TLS365-', '')).sort(), [...expected.ids].sort(), `${id}: unresolved`);
  assert.ok(plan.unresolved.every((u) => u.why === 'update'), `${id}: ${JSON.stringify(plan.unresolved)}`);
  assert.deepEqual(plan.updates.map((u) => u.kb).sort(), [...expected.updates].sort(), `${id}: updates`);

  // No Fail/Warn the machine did not have before.
  const beforeKeys = before.findings.map(findingKey);
  const introduced = after.findings.filter((f) => f.severity !== 'Info' && !beforeKeys.includes(findingKey(f)));
  assert.deepEqual(introduced.map((f) => f.ruleId), [], `${id}: the plan raises new findings`);

  // Ready: everything the plan claims, and exactly the listed exceptions are not.
  for (const c of after.components) {
    const predicted = plan.components.find((p) => p.name === c.name);
    assert.equal(predicted?.after, c.status, `${id}: ${c.name} predicted ${predicted?.after}, evaluated ${c.status}`);
  }
  const claimed = new Set(plan.changes.flatMap((c) => c.components));
  for (const name of claimed) {
    const status = after.components.find((c) => c.name === name)?.status;
    if (status === 'NotApplicable' || status === 'Unknown') continue;
    if (NOT_READY_AFTER[id]?.components.includes(name) === true) continue;
    assert.equal(status, 'Ready', `${id}: the plan changes ${name} but it is ${status} afterwards`);
  }
  const notReady = after.components.filter((c) => c.status === 'NotReady').map((c) => c.name);
  assert.deepEqual(notReady, NOT_READY_AFTER[id]?.components ?? [], `${id}: components still NotReady (${NOT_READY_AFTER[id]?.why ?? 'none expected'})`);
  assert.deepEqual(after.components.filter((c) => c.status === 'Unknown').map((c) => c.name), [], `${id}: Unknown after`);

  // Undo restores the image byte for byte.
  const restored = undo(applied.value.image, applied.value.backup);
  assert.ok(restored.ok);
  assert.equal(render(restored.value), render(m.image), `${id}: undo is not exact`);

  // Idempotent: the applied machine needs nothing more.
  assert.deepEqual(planOf({ ...m, image: applied.value.image, snapshot: snapshotOf(m.snapshot, applied.value.image) }).changes, [], `${id}: a second plan still changes values`);
}

describe('plan: acceptance images, default options', () => {
  for (const m of acceptance()) {
    it(`${caseId(m.file)}: covers every Fail/Warn registry finding; Ready where registry alone can do it; apply/undo byte-exact`, () => checkMachine(m, caseId(m.file)));
  }
});

describe('plan: example machines (examples/*.reg)', () => {
  for (const file of regFiles(EXAMPLES_DIR)) {
    if (file === 'ws2012-old03-broken.reg') {
      it(`${file}: is a broken sample on purpose, so it cannot be planned (dword:1g is not hex)`, () => {
        const r = parseRegFile(readFileSync(join(EXAMPLES_DIR, file)), file);
        assert.equal(r.ok, false);
        assert.ok(!r.ok && r.errors.some((e) => e.code === 'BadDword'));
      });
      continue;
    }
    it(`${file}: same cycle as the acceptance images`, () => checkMachine(load(EXAMPLES_DIR, file), file));
  }
});

/** Option sets every image is planned with; the invariants below hold for each. */
const OPTION_SETS: readonly PlanOptions[] = [
  {},
  { protocols: ['Tls12', 'Tls13'] },
  { disableLegacy: true },
  { disableLegacy: true, protocols: ['Tls12', 'Tls13'] },
  { allowLegacy: true },
  { allowLegacy: true, protocols: ['Tls12', 'Tls13'] },
  { roles: ['Exchange'] },
  { roles: ['Exchange'], disableLegacy: true },
  { components: ['DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32'] },
  { components: ['SChannelClient'] },
  { components: ['WinHttp32', 'WinInet'], disableLegacy: true },
];

describe('plan: invariants on every image and option set', () => {
  const machines = [...acceptance(), ...regFiles(EXAMPLES_DIR).filter((f) => !f.includes('broken')).map((f) => load(EXAMPLES_DIR, f))];
  for (const options of OPTION_SETS) {
    it(`${JSON.stringify(options)}: no SSL on, TLS 1.0/1.1 on only with allowLegacy, scope kept, nothing raised, undo exact, idempotent`, () => {
      for (const m of machines) {
        const plan = planOf(m, options);
        const before = evaluateSnapshot(m.snapshot, { roles: options.roles ?? [] });
        const os = before.os;
        const win11Client = (os.build ?? 0) >= 22000 && !/Server/i.test(os.name);
        const where = `${m.file} ${JSON.stringify(options)}`;
        assert.deepEqual(sslTurnedOn(plan), [], `${where}: SSL turned on`);
        for (const c of plan.changes) {
          const p = protocolOf(c.key);
          if ((p === 'TLS 1.0' || p === 'TLS 1.1') && schannelTurnsOn(c)) assert.ok(options.allowLegacy === true, `${where}: ${c.key}\\${c.name} turns ${p} on`);
          if (isMask(c) && c.op === 'set-dword' && options.allowLegacy !== true) {
            const extra = c.data & 0x280 & ~allowedLegacyBits(c, m.snapshot, os.build ?? 0, win11Client);
            assert.equal(extra, 0, `${where}: ${c.key}\\${c.name} = ${c.data.toString(16)} adds TLS 1.0/1.1 bits`);
          }
          if (isMask(c) && c.op === 'set-dword') assert.equal(c.data & ~0x2a80, 0, `${where}: mask with SSL or unknown bits`);
          if (options.components !== undefined) assert.ok(options.components.includes(c.owner), `${where}: ${c.owner} is out of scope`);
          if (options.disableLegacy === true && isMask(c) && c.op === 'set-dword') assert.equal(c.data & 0x280, 0, `${where}: disableLegacy left legacy bits`);
        }
        const ids = plan.changes.map((c) => `${c.key.toUpperCase()}\\${c.name.toUpperCase()}`);
        assert.equal(new Set(ids).size, ids.length, `${where}: a value is written twice`);
        assert.equal(plan.warnings.some((w) => w.code === 'legacy-enabled'), options.allowLegacy === true, `${where}: legacy warning`);

        const applied = applyPlan(m.image, plan);
        assert.ok(applied.ok);
        const restored = undo(applied.value.image, applied.value.backup);
        assert.ok(restored.ok);
        assert.equal(render(restored.value), render(m.image), `${where}: undo is not exact`);
        // Findings the plan raises: none, unless the admin narrowed `components` (a value's partner stays
        // behind) or asked for allowLegacy (then Exchange reports TLS 1.0/1.1 as on); always reported.
        const after = evaluateSnapshot(snapshotOf(m.snapshot, applied.value.image), { roles: options.roles ?? [] });
        const had = before.findings.map(findingKey);
        const raised = after.findings.filter((f) => f.severity !== 'Info' && !had.includes(findingKey(f)));
        const reported = plan.warnings.filter((w) => w.code === 'introduced-finding').flatMap((w) => w.ruleIds);
        for (const f of raised) {
          assert.ok(reported.includes(f.ruleId), `${where}: raises ${f.ruleId} without saying so`);
          const allowed = options.components !== undefined || (options.allowLegacy === true && f.ruleId === 'TLS365-EXCH-008');
          assert.ok(allowed, `${where}: raises ${f.ruleId}: ${f.message}`);
        }
        const again = planOf({ ...m, snapshot: snapshotOf(m.snapshot, applied.value.image) }, options);
        assert.deepEqual(again.changes.map((c) => `${c.key}\\${c.name}`), [], `${where}: not idempotent`);

        if (options.disableLegacy === true && options.components === undefined) {
          const legacyOn = after.findings.filter((f) => f.ruleId === 'TLS365-SCHANNEL-008' || f.ruleId === 'TLS365-EXCH-008');
          assert.deepEqual(legacyOn.map((f) => f.ruleId), [], `${where}: TLS 1.0/1.1 still on after disableLegacy`);
        }
      }
    });
  }
});
