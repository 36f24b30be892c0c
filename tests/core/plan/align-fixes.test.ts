import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignFixes } from '../../../core/plan/align-fixes.js';
import { changeCommand } from '../../../core/plan/change-command.js';
import { planRemediation } from '../../../core/plan/plan.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { readRegSnapshot } from '../../../core/readiness/from-reg.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { foldName } from '../../../core/regfile/index.js';

const root = join(__dirname, '..', '..', '..');
function image(dir: string, name: string): MachineSnapshot {
  const b = readFileSync(join(root, dir, name));
  const r = readRegSnapshot(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), name);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value.snapshot;
}
const id = (key: string, name: string): string => `${foldName(key)}\0${foldName(name)}`;

/**
 * Issue 17, item 2: a finding's fix says what Set-Tls365Protocols will write. The rule's own fix may want another
 * value than the plan (WinHTTP on a 2008 R2 machine with TLS 1.0 in use: the rule says 0x00000A00, the plan keeps the
 * admin's TLS 1.0 bit and writes 0x00000880); after alignment they agree, on every acceptance image.
 */
describe('core/plan/align-fixes.ts: the findings\' fixes agree with the plan (issue 17, item 2)', () => {
  it('ws2008r2-app01: WINHTTP-003 said 0x00000A00; its fix now carries the 0x00000880 the plan writes, with the plan\'s reason', () => {
    const snap = image('examples', 'ws2008r2-app01.reg');
    const r = evaluateSnapshot(snap);
    const plan = planRemediation(snap);
    assert.ok(plan.ok);
    const before = r.findings.find((f) => f.ruleId === 'TLS365-WINHTTP-003');
    assert.ok(before?.fix);
    assert.ok(before.fix.changes.every((c) => c.op === 'set-dword' && c.data === 0xa00), 'the rule\'s own fix: 0x00000A00 (KB3140245\'s example)');
    const planned = plan.value.changes.filter((c) => c.name === 'DefaultSecureProtocols');
    assert.equal(planned.length, 2);
    assert.ok(planned.every((c) => c.op === 'set-dword' && c.data === 0x880 && c.fixes.includes('TLS365-WINHTTP-003')));
    const after = alignFixes(r, plan.value).findings.find((f) => f.ruleId === 'TLS365-WINHTTP-003');
    assert.ok(after?.fix);
    assert.deepEqual(after.fix.changes.map((c) => (c.op === 'set-dword' ? c.data : null)), [0x880, 0x880]);
    assert.match(after.fix.text, /^Install KB3140245 .* Set-Tls365Protocols writes DefaultSecureProtocols = 0x00000880 \(WinHTTP DefaultSecureProtocols .*-> 0x00000880: TLS 1\.2, no SSL, TLS 1\.0\/1\.1 kept only where already offered; set in both views\)\.$/);
    assert.deepEqual(after.fix.updates, before.fix.updates, 'the update stays');
    assert.match(changeCommand(after.fix.changes[0]!), /\/d 0x00000880 \/f \/reg:64$/);
  });

  it('on every acceptance image and example: each fix change of a value the plan writes for that finding is the plan\'s change; the rest and every verdict are untouched', () => {
    let aligned = 0;
    let kept = 0;
    let clean = 0;
    const sets: [string, string][] = [
      ...readdirSync(join(root, 'tests', 'fixtures', 'acceptance')).filter((f) => f.endsWith('.reg')).map((f): [string, string] => [join('tests', 'fixtures', 'acceptance'), f]),
      ...readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.reg') && !f.includes('broken')).map((f): [string, string] => ['examples', f]),
    ];
    assert.ok(sets.length >= 30);
    for (const [dir, name] of sets) {
      const snap = image(dir, name);
      const r = evaluateSnapshot(snap);
      const plan = planRemediation(snap);
      if (!plan.ok) continue;
      // readiness.evaluate makes no plan for a machine without a Fail or Warn finding: its plan must be empty.
      if (!r.findings.some((f) => f.severity === 'Fail' || f.severity === 'Warn')) {
        assert.deepEqual(plan.value.changes, [], `${name}: no Fail/Warn finding, yet the plan writes something`);
        clean += 1;
      }
      const out = alignFixes(r, plan.value);
      assert.deepEqual(out.components, r.components, name);
      assert.equal(out.ready, r.ready, name);
      assert.deepEqual(out.findings.map((f) => [f.ruleId, f.severity, f.message]), r.findings.map((f) => [f.ruleId, f.severity, f.message]), name);
      const byValue = new Map(plan.value.changes.map((c) => [id(c.key, c.name), c]));
      out.findings.forEach((f, i) => {
        const was = r.findings[i]!;
        if (f.fix === null) { assert.equal(was.fix, null); return; }
        for (const c of f.fix.changes) {
          const p = byValue.get(id(c.key, c.name));
          if (p !== undefined && p.fixes.includes(f.ruleId)) {
            assert.equal(c.op, p.op, `${name} ${f.ruleId} ${c.name}`);
            if (c.op !== 'delete-value' && p.op !== 'delete-value') assert.equal(c.data, p.data, `${name} ${f.ruleId} ${c.name}: the fix and the plan disagree`);
            aligned += 1;
          } else {
            assert.ok(was.fix!.changes.some((w) => JSON.stringify(w) === JSON.stringify(c)), `${name} ${f.ruleId}: a change the plan does not make stays as the rule wrote it`);
            kept += 1;
          }
        }
        if (f.fix.text !== was.fix!.text) assert.match(f.fix.text, / Set-Tls365Protocols writes .+\.$/, `${name} ${f.ruleId}`);
      });
    }
    assert.ok(aligned > 50, `changes checked against the plan: ${aligned}`);
    assert.ok(kept > 0, `changes the plan leaves to the admin: ${kept}`);
    assert.ok(clean >= 3, `machines without Fail/Warn findings checked: ${clean}`);
  });
});
