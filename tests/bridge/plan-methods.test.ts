import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planApplyImage, planCreate, planRender, planUndoImage } from '../../bridge/plan-methods.js';
import { snapshotFromReg } from '../../core/index.js';
import { ACCEPTANCE, EXAMPLES, runHandler } from '../support/handlers.js';

// The plan.* methods on real files: each acceptance image and example machine copied to a scratch folder,
// planned, applied (backup first), read back, undone byte for byte. Planning itself is tested in tests/core/plan.
const run = runHandler;
const images = [
  ...readdirSync(ACCEPTANCE).filter((f) => f.endsWith('.reg')).map((f) => join(ACCEPTANCE, f)),
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.reg') && !f.includes('broken')).map((f) => join(EXAMPLES, f)),
];

describe('bridge plan.* methods', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-plan-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const source of images) {
    const name = source.split(/[\\/]/).pop() as string;
    it(`${name}: plans, applies with a backup, and undoes byte for byte`, async () => {
      const file = join(dir, name);
      copyFileSync(source, file);
      const original = readFileSync(file);
      const created = await run(planCreate, { items: [{ path: file }], options: { disableLegacy: true } });
      const plan = created.results[0];
      assert.ok(plan.ok, JSON.stringify(plan));
      const backupPath = join(dir, 'backup.reg');
      const applied = await run(planApplyImage, { path: file, plan: plan.plan, backupPath });
      assert.ok(applied.ok, JSON.stringify(applied));
      assert.equal(applied.changes.length, plan.plan.changes.length);
      assert.ok(applied.changes.every((c: any) => c.status === 'Applied'));
      assert.ok(existsSync(backupPath) && existsSync(`${backupPath}.json`));
      assert.equal(applied.readiness === null, false);
      const written = readFileSync(file);
      if (plan.plan.changes.length > 0) assert.deepEqual([written[0], written[1]], [0xff, 0xfe]);
      // A machine that had SSL 2.0/3.0 on gets it back only with the loud override (issue 12).
      const legacy = /A12-|A13-|A21-|A33-/.test(name);
      if (legacy) {
        const refused = await run(planUndoImage, { path: file, backupPath });
        assert.equal(refused.ok, false);
        assert.equal(refused.error.code, 'RestoresLegacySsl', JSON.stringify(refused));
        assert.match(refused.error.message, /-AllowLegacy/);
        assert.ok(readFileSync(file).equals(written), 'nothing was restored');
      }
      const undone = await run(planUndoImage, { path: file, backupPath, ...(legacy ? { allowLegacy: true } : {}) });
      assert.ok(undone.ok, JSON.stringify(undone));
      assert.equal(undone.exact, true);
      assert.equal(undone.notes.some((n: string) => n.startsWith('RISK: ')), legacy);
      assert.ok(readFileSync(file).equals(original), 'undo restores the original bytes');
    });
  }

  it('restores the values, not the bytes, when the image changed after the apply; Exact: the touched trees are as they were (issue 12)', async () => {
    const file = join(dir, 'a01.reg');
    copyFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg'), file);
    const plan = (await run(planCreate, { items: [{ path: file }] })).results[0].plan;
    const backupPath = join(dir, 'b.reg');
    assert.ok((await run(planApplyImage, { path: file, plan, backupPath })).ok);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Extra]\r\n', 'utf16le')]));
    const undone = await run(planUndoImage, { path: file, backupPath });
    assert.ok(undone.ok, JSON.stringify(undone));
    // One meaning of Exact for every back end: each touched value and created key as before. The key added
    // elsewhere since is kept and does not make the undo inexact.
    assert.equal(undone.exact, true, JSON.stringify(undone.problems));
    assert.deepEqual(undone.problems, []);
    const again = (await run(planCreate, { items: [{ path: file }] })).results[0].plan;
    assert.deepEqual(again.changes.map((c: any) => [c.key, c.name]), plan.changes.map((c: any) => [c.key, c.name]));
    assert.ok(readFileSync(file).toString('utf16le').includes('SOFTWARE\\Extra'));
  });

  it('refuses a plan made from other values (Conflict) and an existing backup, and changes nothing', async () => {
    const file = join(dir, 'a01.reg');
    copyFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg'), file);
    const original = readFileSync(file);
    const plan = (await run(planCreate, { items: [{ path: file }] })).results[0].plan;
    const stale = { ...plan, changes: plan.changes.map((c: any, i: number) => (i === 0 ? { ...c, before: { type: 'REG_DWORD', data: 12345 } } : c)) };
    const conflict = await run(planApplyImage, { path: file, plan: stale, backupPath: join(dir, 'x.reg') });
    assert.equal(conflict.error.code, 'Conflict');
    assert.equal(existsSync(join(dir, 'x.reg')), false);
    writeFileSync(join(dir, 'y.reg'), 'keep');
    const exists = await run(planApplyImage, { path: file, plan, backupPath: join(dir, 'y.reg') });
    assert.equal(exists.error.code, 'BackupExists');
    assert.ok(readFileSync(file).equals(original));
    assert.equal(readFileSync(join(dir, 'y.reg'), 'utf8'), 'keep');
  });

  it('refuses to write a snapshot .json and names a missing file and a bad option per item', async () => {
    const r = await run(planCreate, { items: [{ path: join(dir, 'missing.reg') }, { path: join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg') }], options: { protocols: ['Tls11'] } });
    assert.equal(r.results[0].error.code, 'FileUnreadable');
    assert.equal(r.results[1].error.code, 'BadOption');
    const json = join(dir, 's.json');
    writeFileSync(json, '{}');
    const applied = await run(planApplyImage, { path: json, plan: { changes: [] }, backupPath: join(dir, 'b.reg') });
    assert.equal(applied.error.code, 'NotRegImage');
  });

  it('plan.create with forWrite refuses what plan.applyImage would refuse (a snapshot .json), with the same error; without it the snapshot is planned (issue 17)', async () => {
    const json = join(dir, 'a01.json');
    const snap = snapshotFromReg(readFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg')), 'a01.reg');
    assert.ok(snap.ok);
    writeFileSync(json, JSON.stringify(snap.value));
    const planned = await run(planCreate, { items: [{ path: json }] });
    assert.ok(planned.results[0].ok && planned.results[0].plan.changes.length > 0, JSON.stringify(planned.results[0]).slice(0, 300));
    const forWrite = await run(planCreate, { items: [{ path: json, forWrite: true }, { path: join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg'), forWrite: true }] });
    assert.equal(forWrite.results[0].ok, false);
    assert.equal(forWrite.results[0].error.code, 'NotRegImage');
    const applied = await run(planApplyImage, { path: json, plan: planned.results[0].plan, backupPath: join(dir, 'b.reg') });
    assert.equal(applied.error.message, forWrite.results[0].error.message);
    assert.ok(forWrite.results[1].ok, 'a .reg image is planned for writing as before');
  });

  it('renders every format and refuses an unknown one with -32602', async () => {
    const plan = (await run(planCreate, { items: [{ path: join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg') }] })).results[0].plan;
    for (const format of ['Reg', 'Script', 'SccmDiscovery', 'SccmRemediation', 'IntuneDetection', 'IntuneRemediation']) {
      const r = await run(planRender, { plan, format });
      assert.ok(r.ok && typeof r.text === 'string' && r.text.length > 0, format);
    }
    assert.ok((await run(planRender, { plan, format: 'Reg' })).text.startsWith('Windows Registry Editor Version 5.00\r\n'));
    const bad = await planRender({ plan, format: 'Bat' }, { handshaken: true }, () => undefined);
    assert.equal(bad.ok, false);
  });
});
