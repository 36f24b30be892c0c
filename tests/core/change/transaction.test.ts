import { strict as assert } from 'node:assert';
import {
  beginChange, checkWrites, createdKeysToCheck, judgeRestore, readChangeRecord, rollbackOps, undoDecision,
  type ChangeRecord, type PriorRead, type RegOp,
} from '../../../core/change/index.js';
import type { Plan, PlanChange } from '../../../core/plan/index.js';
import type { RegValue } from '../../../core/regfile/index.js';

/*
 * The change engine (core/change, issue 12): one transaction model for images and the live registry. The
 * registry here is a small in-memory model with Windows' rules (a value lives in a key; writing a value
 * creates its key and the keys on the way; a key is deleted only when empty) so every position of a failure
 * can be tried. The Windows tier (tests/windows/rollback.test.ts) runs the same engine against Wine's real
 * Win32 registry through the module's seam.
 */

const SCH = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
const NET = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319';

/** keys: folded path -> values (folded name -> value); a key exists when it is in the map. */
type Registry = Map<string, Map<string, RegValue>>;
const fold = (s: string): string => s.toUpperCase();

function registry(values: Record<string, Record<string, RegValue>>, keys: readonly string[] = []): Registry {
  const r: Registry = new Map();
  for (const k of keys) r.set(fold(k), new Map());
  for (const [k, vs] of Object.entries(values)) {
    const m = new Map<string, RegValue>();
    for (const [n, v] of Object.entries(vs)) m.set(fold(n), v);
    r.set(fold(k), m);
    for (const a of ancestors(k)) if (!r.has(fold(a))) r.set(fold(a), new Map());
  }
  return r;
}

function ancestors(key: string): string[] { // the key and its parents below the hive, parents first
  const parts = key.split('\\');
  const out: string[] = [];
  for (let i = 2; i <= parts.length; i += 1) out.push(parts.slice(0, i).join('\\'));
  return out;
}

const read = (r: Registry, key: string, name: string): RegValue | null => r.get(fold(key))?.get(fold(name)) ?? null;

function prior(r: Registry, c: PlanChange): PriorRead {
  return { value: read(r, c.key, c.name), missingKeys: c.op === 'delete-value' ? [] : ancestors(c.key).filter((k) => !r.has(fold(k))) };
}

/** Carries out an op; `fail` makes it throw (the registry refused it). */
function exec(r: Registry, op: RegOp, fail: boolean): string | null {
  if (fail) return 'Access is denied.';
  if (op.op === 'set') {
    for (const k of ancestors(op.key)) if (!r.has(fold(k))) r.set(fold(k), new Map());
    (r.get(fold(op.key)) as Map<string, RegValue>).set(fold(op.name), op.value);
  } else if (op.op === 'delete-value') {
    r.get(fold(op.key))?.delete(fold(op.name));
  } else {
    const values = r.get(fold(op.key));
    if (values === undefined) return null;
    const children = [...r.keys()].some((k) => k.startsWith(`${fold(op.key)}\\`));
    if (values.size > 0 || children) return 'the key holds values TLS365 did not write, so it was left in place';
    r.delete(fold(op.key));
  }
  return null;
}

const snapshot = (r: Registry): string => JSON.stringify([...r.entries()].map(([k, v]) => [k, [...v.entries()].sort()]).sort());

function change(op: PlanChange['op'], key: string, name: string, data?: number | string): PlanChange {
  const base = { key, name, before: null, createsKey: false, owner: 'DotNet4', components: ['DotNet4'] } as const;
  if (op === 'set-dword') return { ...base, op, data: data as number } as unknown as PlanChange;
  if (op === 'set-string') return { ...base, op, data: data as string } as unknown as PlanChange;
  return { ...base, op } as unknown as PlanChange;
}

const planOf = (changes: PlanChange[]): Plan => ({ changes, updates: [], restart: 'none' } as unknown as Plan);

/** Runs a change the way both back ends do: writes in order until one fails, then rollback and judge. */
function runChange(r: Registry, plan: Plan, failAt: number | null, failRollbackAt: number | null = null) {
  const begun = beginChange({ kind: 'live', computerName: 'SRV1', account: 'CONTOSO\\admin' }, plan, plan.changes.map((c) => prior(r, c)), '2026-12-04T00:00:00Z');
  assert.ok(begun.ok, JSON.stringify(!begun.ok && begun.error));
  const { record, writes } = begun.value;
  let attempted = 0;
  let failed = false;
  for (const op of writes) {
    attempted += 1;
    if (exec(r, op, attempted - 1 === failAt) !== null) { failed = true; break; }
  }
  if (!failed) return { record, failed, judged: null };
  const failures: { target: string; message: string }[] = [];
  rollbackOps(record, attempted).forEach((op, i) => {
    const why = exec(r, op, i === failRollbackAt);
    if (why !== null) failures.push({ target: op.op === 'remove-key' ? op.key : `${op.key}\\${op.name}`, message: why });
  });
  const values = record.entries.slice(0, attempted).map((e) => read(r, e.key, e.name));
  const keysLeft = createdKeysToCheck(record).map((k) => r.has(fold(k)));
  return { record, failed, judged: judgeRestore(record, { values, keysLeft }, failures) };
}

/** A machine with one value of every kind the plan can overwrite, and keys missing for the SCHANNEL writes. */
function machine(): Registry {
  return registry({
    [NET]: {
      SchUseStrongCrypto: { type: 'REG_QWORD', data: '18446744073709551615' },
      SystemDefaultTlsVersions: { type: 'REG_SZ', data: 'odd but real' },
      Other: { type: 'REG_DWORD', data: 7 },
      A: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\x' },
      B: { type: 'REG_MULTI_SZ', data: ['one', '', 'three'] },
      C: { type: 'REG_BINARY', data: '00ff10' },
    },
  });
}

function fullPlan(): Plan {
  return planOf([
    change('set-dword', `${SCH}\\TLS 1.2\\Client`, 'Enabled', 1),
    change('set-dword', `${SCH}\\TLS 1.2\\Client`, 'DisabledByDefault', 0),
    change('set-dword', NET, 'SchUseStrongCrypto', 1),
    change('set-dword', NET, 'SystemDefaultTlsVersions', 1),
    change('set-string', NET, 'A', 'plain'),
    change('set-string', NET, 'B', 'x'),
    change('delete-value', NET, 'C'),
  ]);
}

describe('change engine: one transaction for images and the live registry (core/change, issue 12)', () => {
  it('records each value before the first write, with its kind (QWORD, string, expand-string, multi-string, binary), what it writes, and the keys it creates', () => {
    const r = machine();
    const plan = fullPlan();
    const begun = beginChange({ kind: 'live', computerName: 'SRV1', account: '' }, plan, plan.changes.map((c) => prior(r, c)), 't');
    assert.ok(begun.ok);
    const { record, writes } = begun.value;
    assert.equal(record.schema, 'tls365.change/1');
    assert.deepEqual(record.entries.map((e) => e.before?.type ?? null), [null, null, 'REG_QWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_BINARY']);
    assert.deepEqual(record.entries.map((e) => e.after), [
      { type: 'REG_DWORD', data: 1 }, { type: 'REG_DWORD', data: 0 }, { type: 'REG_DWORD', data: 1 }, { type: 'REG_DWORD', data: 1 },
      { type: 'REG_SZ', data: 'plain' }, { type: 'REG_SZ', data: 'x' }, null,
    ]);
    // SecurityProviders\SCHANNEL\Protocols and below do not exist in this registry: recorded once each.
    assert.deepEqual(record.createdKeys.filter((k) => k.endsWith('TLS 1.2\\Client') || k.endsWith('TLS 1.2')), [`${SCH}\\TLS 1.2`, `${SCH}\\TLS 1.2\\Client`]);
    assert.equal(new Set(record.createdKeys).size, record.createdKeys.length);
    assert.deepEqual(writes.map((w) => w.op), ['set', 'set', 'set', 'set', 'set', 'set', 'delete-value']);
  });

  it('refuses a plan that would turn SSL 3.0 on, before anything is recorded (validatePlan)', () => {
    const plan = planOf([change('set-dword', `${SCH}\\SSL 3.0\\Client`, 'Enabled', 1)]);
    const begun = beginChange({ kind: 'live', computerName: 'SRV1', account: '' }, plan, [{ value: null, missingKeys: [] }], 't');
    assert.ok(!begun.ok);
    assert.equal(begun.error[0]?.code, 'EnablesSsl');
  });

  it('checkWrites names each value that does not read back as written, with both values', () => {
    const r = machine();
    const plan = fullPlan();
    const { record } = runChange(r, plan, null);
    assert.deepEqual(checkWrites(record, record.entries.map((e) => read(r, e.key, e.name))), []);
    const wrong = checkWrites(record, record.entries.map((e, i) => (i === 2 ? { type: 'REG_SZ', data: '1' } : read(r, e.key, e.name))));
    assert.equal(wrong.length, 1);
    assert.match(wrong[0]?.message ?? '', /reads back as "1", not dword:00000001 \(1\)/);
  });

  it('rolls back after a failure at every position: the touched trees are as they were, keys included (Exact), each kind with its kind', () => {
    const plan = fullPlan();
    for (let at = 0; at < plan.changes.length; at += 1) {
      const r = machine();
      const before = snapshot(r);
      const { failed, judged } = runChange(r, plan, at);
      assert.ok(failed);
      assert.ok(judged !== null && judged.exact, `failure at write ${at}: ${JSON.stringify(judged?.problems)}`);
      assert.equal(snapshot(r), before, `failure at write ${at}: the registry is as it was`);
    }
  });

  it('reports a failed rollback write as such, value by value, never as "all restored"', () => {
    const plan = fullPlan();
    // Write 5 (B) fails; the first rollback op (restoring B, the last attempted: rollback runs in reverse) is refused too.
    const r = machine();
    const { judged } = runChange(r, plan, 5, 0);
    assert.ok(judged !== null && !judged.exact);
    const targets = judged.problems.map((p) => p.target);
    assert.ok(targets.includes(`${NET}\\B`), JSON.stringify(judged.problems));
    assert.ok(judged.problems.some((p) => /the restore failed: Access is denied/.test(p.message)));
    // Only that value is named: every other value was restored and reads back as before.
    assert.deepEqual([...new Set(targets)], [`${NET}\\B`]);
  });

  it('a created key that now holds a value TLS365 did not write is left in place and named; Exact is false', () => {
    const r = machine();
    const plan = fullPlan();
    const begun = beginChange({ kind: 'live', computerName: 'SRV1', account: '' }, plan, plan.changes.map((c) => prior(r, c)), 't');
    assert.ok(begun.ok);
    for (const op of begun.value.writes) exec(r, op, false);
    (r.get(fold(`${SCH}\\TLS 1.2\\Client`)) as Map<string, RegValue>).set('ADMINNOTE', { type: 'REG_SZ', data: 'mine' });
    const record = begun.value.record;
    const decision = undoDecision(record, { here: 'SRV1', current: record.entries.map((e) => read(r, e.key, e.name)), force: false, allowLegacy: false, samePlace: (a, b) => a === b });
    assert.ok(decision.ok, JSON.stringify(decision));
    const failures: { target: string; message: string }[] = [];
    for (const op of decision.ops) {
      const why = exec(r, op, false);
      if (why !== null) failures.push({ target: op.op === 'remove-key' ? op.key : op.name, message: why });
    }
    const judged = judgeRestore(record, { values: record.entries.map((e) => read(r, e.key, e.name)), keysLeft: createdKeysToCheck(record).map((k) => r.has(fold(k))) }, failures);
    assert.equal(judged.exact, false);
    assert.ok(judged.problems.some((p) => p.target === `${SCH}\\TLS 1.2\\Client` && /left in place/.test(p.message)), JSON.stringify(judged.problems));
  });

  describe('undoDecision: the same checks for every back end', () => {
    const done = (): { r: Registry; record: ChangeRecord } => {
      const r = machine();
      const { record } = runChange(r, fullPlan(), null);
      return { r, record };
    };
    const current = (r: Registry, record: ChangeRecord) => record.entries.map((e) => read(r, e.key, e.name));
    const opts = { here: 'SRV1', force: false, allowLegacy: false, samePlace: (a: string, b: string) => a.toUpperCase() === b.toUpperCase() };

    it('restores, listing every write in the confirmation summary', () => {
      const { r, record } = done();
      const d = undoDecision(record, { ...opts, current: current(r, record) });
      assert.ok(d.ok);
      assert.ok(d.summary.some((s) => s.endsWith('SchUseStrongCrypto = qword:18446744073709551615')), JSON.stringify(d.summary));
      assert.ok(d.summary.some((s) => /v4\.0\.30319\\B = multi:\["one","","three"\]/.test(s)));
    });

    it('refuses a backup made on another computer unless forced (BackupMismatch), and says so when forced', () => {
      const { r, record } = done();
      const d = undoDecision(record, { ...opts, here: 'SRV2', current: current(r, record) });
      assert.ok(!d.ok && d.code === 'BackupMismatch' && /made on SRV1, not on SRV2/.test(d.message));
      const forced = undoDecision(record, { ...opts, here: 'SRV2', force: true, current: current(r, record) });
      assert.ok(forced.ok && forced.notes.some((n) => /restored anyway \(-Force\)/.test(n)));
    });

    it('refuses when a value was edited since Set wrote it, naming it (EditedSince); a value already back to its prior state is not an edit', () => {
      const { r, record } = done();
      (r.get(fold(NET)) as Map<string, RegValue>).set(fold('SchUseStrongCrypto'), { type: 'REG_DWORD', data: 5 });
      const d = undoDecision(record, { ...opts, current: current(r, record) });
      assert.ok(!d.ok && d.code === 'EditedSince');
      assert.match(d.message, /SchUseStrongCrypto is dword:00000005 \(5\), Set wrote dword:00000001 \(1\)/);
      (r.get(fold(NET)) as Map<string, RegValue>).set(fold('SchUseStrongCrypto'), { type: 'REG_QWORD', data: '18446744073709551615' });
      assert.ok(undoDecision(record, { ...opts, current: current(r, record) }).ok);
    });

    it('refuses values outside TLS365\'s scope whatever the switches (BackupUntrusted), and SSL 2.0/3.0 on without allowLegacy (RestoresLegacySsl)', () => {
      const { r, record } = done();
      const planted: ChangeRecord = { ...record, entries: [...record.entries, { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', name: 'evil', before: { type: 'REG_SZ', data: 'C:\\evil.exe' }, after: null, index: null, deletedIndex: null }] };
      const d = undoDecision(planted, { ...opts, force: true, allowLegacy: true, current: current(r, planted) });
      assert.ok(!d.ok && d.code === 'BackupUntrusted');
      const ssl: ChangeRecord = { ...record, entries: [...record.entries, { key: `${SCH}\\SSL 3.0\\Server`, name: 'Enabled', before: { type: 'REG_DWORD', data: 1 }, after: null, index: null, deletedIndex: null }] };
      const refused = undoDecision(ssl, { ...opts, current: current(r, ssl) });
      assert.ok(!refused.ok && refused.code === 'RestoresLegacySsl');
      const allowed = undoDecision(ssl, { ...opts, allowLegacy: true, current: current(r, ssl) });
      assert.ok(allowed.ok && allowed.notes.some((n) => n.startsWith('RISK: ')));
    });
  });

  describe('readChangeRecord: one format, earlier ones converted, every field checked', () => {
    it('converts a tls365.live-backup/2 manifest (module kinds) and a tls365.backup/1 image backup', () => {
      const live = readChangeRecord({
        schema: 'tls365.live-backup/2', computerName: 'SRV1', createdAt: 't',
        entries: [{ hive: 'LocalMachine', key: 'SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', name: 'SchUseStrongCrypto', existed: true, kind: 'MultiString', value: ['a', 'b'], op: 'set-dword', data: 1 }],
        createdKeys: [{ hive: 'LocalMachine', key: 'SYSTEM\\X' }],
      });
      assert.ok(live.ok, JSON.stringify(!live.ok && live.error));
      assert.deepEqual(live.value.target, { kind: 'live', computerName: 'SRV1', account: '' });
      assert.deepEqual(live.value.entries[0]?.before, { type: 'REG_MULTI_SZ', data: ['a', 'b'] });
      assert.deepEqual(live.value.entries[0]?.after, { type: 'REG_DWORD', data: 1 });
      assert.deepEqual(live.value.createdKeys, ['HKEY_LOCAL_MACHINE\\SYSTEM\\X']);
      const image = readChangeRecord({
        schema: 'tls365.backup/1', entries: [{ key: NET, name: 'X', before: null, index: null, deletedIndex: null }], createdKeys: [], addedSections: [],
        image: { path: '/a.reg', original: '', originalHash: 'a'.repeat(64), written: 'b'.repeat(64) }, written: [{ key: NET, name: 'X', value: { type: 'REG_DWORD', data: 1 } }],
      });
      assert.ok(image.ok, JSON.stringify(!image.ok && image.error));
      assert.equal(image.value.target.kind, 'image');
      assert.deepEqual(image.value.entries[0]?.after, { type: 'REG_DWORD', data: 1 });
    });

    it('names the field that is wrong: a DWORD out of range, an unknown type, a key outside the registry, a missing target', () => {
      const base = { schema: 'tls365.change/1', target: { kind: 'live', computerName: 'S' }, entries: [] as unknown[], createdKeys: [] };
      const bad = (entries: unknown[]): string => {
        const r = readChangeRecord({ ...base, entries });
        assert.ok(!r.ok);
        return r.error.map((e) => `${e.path}: ${e.message}`).join('; ');
      };
      assert.match(bad([{ key: NET, name: 'A', before: { type: 'REG_DWORD', data: 2 ** 32 }, after: null }]), /entries\[0\]\.before\.data: a REG_DWORD is a whole number/);
      assert.match(bad([{ key: NET, name: 'A', before: { type: 'REG_EVIL', data: 1 }, after: null }]), /entries\[0\]\.before\.type/);
      assert.match(bad([{ key: 'C:\\Windows', name: 'A', before: null, after: null }]), /entries\[0\]\.key/);
      const noTarget = readChangeRecord({ schema: 'tls365.change/1', entries: [], createdKeys: [] });
      assert.ok(!noTarget.ok && noTarget.error.some((e) => e.path === 'target'));
      const other = readChangeRecord({ schema: 'something/9' });
      assert.ok(!other.ok && other.error[0]?.path === 'schema');
    });
  });
});
