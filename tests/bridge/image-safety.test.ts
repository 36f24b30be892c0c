import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { planApplyImage, planCreate, planUndoImage } from '../../bridge/plan-methods.js';
import { startReadyBridge } from '../support/bridge-client.js';
import { ACCEPTANCE, runHandler } from '../support/handlers.js';

// Issue 12, "Nothing lost on images": Set and Undo on registry images cannot lose data, whatever happens
// between them. Each case here lost data or reported a lie before the one-write-path rules of image-io.ts and
// the backup checks of plan.undoImage (core/plan/backup-trust.ts).
const run = runHandler;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('bridge: registry images cannot be lost between Set and Undo (issue 12)', function () {
  this.timeout(120_000);
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-safe-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setUp = async (source = 'A01-win10-22h2-nothing-set.reg', options: Record<string, unknown> = {}): Promise<{ file: string; original: Buffer; plan: any; backupPath: string }> => {
    const file = join(dir, 'image.reg');
    copyFileSync(join(ACCEPTANCE, source), file);
    const plan = (await run(planCreate, { items: [{ path: file }], options })).results[0].plan;
    return { file, original: readFileSync(file), plan, backupPath: join(dir, 'backup.reg') };
  };

  it('a bridge killed while Set writes leaves the old image or the new one, never a cut one, and Undo restores the original', async () => {
    // A 13 MB image (the size that was cut to 0, 4 and 10 MB): killed at several moments of the write.
    const base = readFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg')).toString('latin1'); // an ASCII export
    const filler = Array.from({ length: 60_000 }, (_, i) => `[HKEY_LOCAL_MACHINE\\SOFTWARE\\TLS365Filler\\Key${i}]\r\n"Value"="${'x'.repeat(60)}"\r\n\r\n`).join('');
    const big = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${base}${filler}`, 'utf16le')]);
    assert.ok(big.length > 13_000_000, `${big.length} bytes`);
    const states = new Set<string>();
    for (const delay of [20, 60, 120, 250, 400]) {
      const file = join(dir, `big-${delay}.reg`);
      writeFileSync(file, big);
      const created = (await run(planCreate, { items: [{ path: file }] })).results[0];
      assert.ok(created.ok && created.plan.changes.length > 0, JSON.stringify(created).slice(0, 300));
      const plan = created.plan;
      const backupPath = join(dir, `big-${delay}-backup.reg`);
      const bridge = await startReadyBridge();
      bridge.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'plan.applyImage', params: { path: file, plan, backupPath } })}\n`);
      await new Promise((r) => setTimeout(r, delay));
      bridge.child.kill('SIGKILL');
      await bridge.exited;
      const now = readFileSync(file);
      const whole = now.equals(big);
      states.add(whole ? 'old' : 'new');
      if (!whole) {
        // The new image, complete: the backup was written first.
        assert.ok(existsSync(`${backupPath}.json`), `delay ${delay}: changed without a backup`);
        const undone = await run(planUndoImage, { path: file, backupPath });
        assert.ok(undone.ok, JSON.stringify(undone));
        assert.ok(readFileSync(file).equals(big), `delay ${delay}: undo restores the original`);
      }
      assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
    }
    assert.ok(states.size >= 1);
    // What makes that hold at every moment, not just at the ones a kill happened to hit: the image is replaced
    // by a rename (a new inode), never truncated and rewritten in place.
    const file = join(dir, 'inode.reg');
    writeFileSync(file, big);
    const before = statSync(file).ino;
    const created = (await run(planCreate, { items: [{ path: file }] })).results[0];
    assert.ok(created.ok, JSON.stringify(created).slice(0, 500));
    const applied = await run(planApplyImage, { path: file, plan: created.plan, backupPath: join(dir, 'inode-backup.reg') });
    assert.ok(applied.ok, JSON.stringify(applied).slice(0, 500));
    assert.notEqual(statSync(file).ino, before, 'the image was rewritten in place');
  });

  it('Undo restores the original from the backup whatever state the image is in: emptied, cut off', async () => {
    for (const damage of [(b: Buffer) => b.subarray(0, 0), (b: Buffer) => b.subarray(0, 301)]) {
      const { file, original, plan, backupPath } = await setUp();
      rmSync(`${backupPath}`, { force: true });
      rmSync(`${backupPath}.json`, { force: true });
      assert.ok((await run(planApplyImage, { path: file, plan, backupPath })).ok);
      writeFileSync(file, damage(readFileSync(file)));
      const undone = await run(planUndoImage, { path: file, backupPath });
      assert.ok(undone.ok, JSON.stringify(undone));
      assert.equal(undone.exact, true);
      assert.match(undone.notes[0], /was no longer a registry image .*original bytes were written back/);
      assert.ok(readFileSync(file).equals(original));
    }
  });

  it('two changes of one image at once: the second is refused (Locked) while the first holds it; a stale lock is taken over', async () => {
    const { file, original, plan, backupPath } = await setUp();
    writeFileSync(`${file}.tls365-lock`, JSON.stringify({ pid: process.pid, host: hostname(), at: 'now' }));
    const refused = await run(planApplyImage, { path: file, plan, backupPath });
    assert.equal(refused.ok, false);
    assert.equal(refused.error.code, 'Locked');
    assert.match(refused.error.message, new RegExp(`another TLS365 change holds this image \\(process ${process.pid} `));
    assert.ok(readFileSync(file).equals(original));
    assert.equal(existsSync(`${backupPath}.json`), false, 'no backup');
    // A lock left by a process that is gone (a killed bridge) does not block for ever.
    writeFileSync(`${file}.tls365-lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: 'then' }));
    const applied = await run(planApplyImage, { path: file, plan, backupPath });
    assert.ok(applied.ok, JSON.stringify(applied));
    assert.equal(existsSync(`${file}.tls365-lock`), false, 'the lock is released');
  });

  it('two bridges changing one image at once never both report Applied with one change lost', async () => {
    const file = join(dir, 'race.reg');
    copyFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg'), file);
    const planA = (await run(planCreate, { items: [{ path: file }], options: { components: ['DotNet4_32'] } })).results[0].plan;
    const planB = (await run(planCreate, { items: [{ path: file }], options: { components: ['DotNet4'] } })).results[0].plan;
    assert.ok(planA.changes.length > 0 && planB.changes.length > 0);
    for (let round = 0; round < 2; round += 1) {
      copyFileSync(join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg'), file);
      const [a, b] = await Promise.all([startReadyBridge(), startReadyBridge()]);
      const [ra, rb] = await Promise.all([
        a.request('plan.applyImage', { path: file, plan: planA, backupPath: join(dir, `a${round}.reg`) }, 60_000),
        b.request('plan.applyImage', { path: file, plan: planB, backupPath: join(dir, `b${round}.reg`) }, 60_000),
      ]);
      await Promise.all([a.close(), b.close()]);
      const text = readFileSync(file).toString('utf16le').toLowerCase();
      for (const [r, p] of [[ra, planA], [rb, planB]] as const) {
        const applied = r.result?.ok === true;
        if (!applied) assert.equal(r.result?.error?.code, 'Locked', JSON.stringify(r));
        for (const c of p.changes) {
          const present = text.includes(`"${c.name.toLowerCase()}"=dword:${Number(c.data).toString(16).padStart(8, '0')}`);
          if (applied) assert.ok(present, `round ${round}: ${c.key}\\${c.name} reported Applied but is not in the image`);
        }
      }
    }
  });

  it('Undo refuses another image\'s backup (BackupMismatch) and values edited since Set (EditedSince, naming them) unless forced', async () => {
    const { file, plan, backupPath } = await setUp();
    assert.ok((await run(planApplyImage, { path: file, plan, backupPath })).ok);
    const other = join(dir, 'other.reg');
    copyFileSync(join(ACCEPTANCE, 'A03-server2019-hardened12-all8-net35.reg'), other);
    const otherBefore = readFileSync(other);
    const mismatch = await run(planUndoImage, { path: other, backupPath });
    assert.equal(mismatch.error?.code, 'BackupMismatch', JSON.stringify(mismatch));
    assert.match(mismatch.error.message, /this backup was made of .*image\.reg, not .*other\.reg; nothing was restored/);
    assert.ok(readFileSync(other).equals(otherBefore));

    // Edit one value Set wrote, then undo.
    const c = plan.changes.find((x: any) => x.op === 'set-dword');
    const text = readFileSync(file).toString('utf16le');
    const line = `"${c.name}"=dword:${Number(c.data).toString(16).padStart(8, '0')}`;
    assert.ok(text.includes(line), line);
    writeFileSync(file, Buffer.from(text.replace(line, `"${c.name}"=dword:00000007`), 'utf16le'));
    const edited = readFileSync(file);
    const refused = await run(planUndoImage, { path: file, backupPath });
    assert.equal(refused.error?.code, 'EditedSince', JSON.stringify(refused));
    assert.match(refused.error.message, new RegExp(`${c.name}.*Set wrote`));
    assert.ok(readFileSync(file).equals(edited), 'nothing written');
    const forced = await run(planUndoImage, { path: file, backupPath, force: true });
    assert.ok(forced.ok, JSON.stringify(forced));
    assert.match(forced.notes.join(' '), /edited since the change were overwritten/);
  });

  it('Undo verifies the backup: its hash, its original bytes, its scope; a tampered entry cannot turn SSL 2.0 on', async () => {
    const { file, plan, backupPath } = await setUp();
    const applied = await run(planApplyImage, { path: file, plan, backupPath });
    assert.match(applied.backupHash, /^[0-9a-f]{64}$/);
    const json = `${backupPath}.json`;
    const good = readFileSync(json);
    assert.equal(sha(good), applied.backupHash);
    const changed = readFileSync(file);
    const attempt = async (record: Buffer, extra: Record<string, unknown> = {}): Promise<any> => {
      writeFileSync(json, record);
      const r = await run(planUndoImage, { path: file, backupPath, ...extra });
      assert.ok(readFileSync(file).equals(changed), `nothing written: ${JSON.stringify(r)}`);
      return r;
    };
    // Cut to 300 bytes: with the hash from Set, BackupTampered; without, not JSON.
    assert.equal((await attempt(good.subarray(0, 300), { backupHash: applied.backupHash })).error.code, 'BackupTampered');
    assert.equal((await attempt(good.subarray(0, 300))).error.code, 'BackupUnreadable');
    const record = JSON.parse(good.toString('utf8'));
    // Garbage for the original bytes: they are not the ones recorded.
    assert.equal((await attempt(Buffer.from(JSON.stringify({ ...record, target: { ...record.target, original: Buffer.from('garbage').toString('base64') } })))).error.code, 'BackupTampered');
    // ...even with their hash replaced too: they do not parse, or do not hold the recorded values.
    const garbage = Buffer.from('\ufeffWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n', 'utf16le');
    const swapped = await attempt(Buffer.from(JSON.stringify({ ...record, target: { ...record.target, original: garbage.toString('base64'), originalHash: sha(garbage) } })));
    assert.equal(swapped.error.code, 'BackupTampered');
    // An entry that turns SSL 2.0 on: refused by name; with allowLegacy still refused, the original does not hold it.
    const ssl2 = { key: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Server', name: 'Enabled', before: { type: 'REG_DWORD', data: 1 }, index: null, deletedIndex: null };
    const withSsl2 = Buffer.from(JSON.stringify({ ...record, entries: [...record.entries, ssl2] }));
    const refusedSsl = await attempt(withSsl2);
    assert.equal(refusedSsl.error.code, 'RestoresLegacySsl');
    assert.match(refusedSsl.error.message, /SSL 2\.0\\Server\\Enabled: it would set Enabled = 1 and turn SSL 2\.0\\Server on/);
    assert.equal((await attempt(withSsl2, { allowLegacy: true })).error.code, 'BackupTampered');
    // A value TLS365 never changes (a Run key): out of scope, whatever the flags.
    const run1 = { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', name: 'evil', before: { type: 'REG_SZ', data: 'C:\\evil.exe' }, index: null, deletedIndex: null };
    const outOfScope = await attempt(Buffer.from(JSON.stringify({ ...record, entries: [...record.entries, run1] })), { force: true, allowLegacy: true });
    assert.equal(outOfScope.error.code, 'BackupUntrusted');
    assert.match(outOfScope.error.message, /CurrentVersion\\Run\\evil: outside what TLS365 changes/);
    // The good backup, with its hash: restored.
    writeFileSync(json, good);
    const undone = await run(planUndoImage, { path: file, backupPath, backupHash: applied.backupHash });
    assert.ok(undone.ok && undone.exact, JSON.stringify(undone));
  });

  it('a backup path that holds a dangling link is refused, not followed; nothing is written', async function () {
    const { file, original, plan, backupPath } = await setUp();
    const target = join(dir, 'elsewhere.json');
    try {
      symlinkSync(target, `${backupPath}.json`);
    } catch {
      this.skip(); // a file system without symbolic links
    }
    const r = await run(planApplyImage, { path: file, plan, backupPath });
    assert.equal(r.error?.code, 'BackupExists', JSON.stringify(r));
    assert.equal(existsSync(target), false, 'the link was not followed');
    assert.ok(lstatSync(`${backupPath}.json`).isSymbolicLink());
    assert.ok(readFileSync(file).equals(original));
    assert.equal(existsSync(backupPath), false);
  });
});
