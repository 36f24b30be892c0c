import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planApplyImage, planCreate, planUndoImage } from '../../bridge/plan-methods.js';
import { readImage, readinessEvaluate, snapshotRead } from '../../bridge/readiness-methods.js';
import { ACCEPTANCE, EXAMPLES, runHandler } from '../support/handlers.js';

// Issue 13, item 6 ("silent changes and misleading words") at the bridge, on real files:
// - bytes that are not valid in a .reg file's encoding are read as U+FFFD: evaluating such an image warns (file,
//   line, the byte, what to do), and writing it back (plan.applyImage, plan.undoImage) is refused, the file left
//   byte-identical, because the rewrite would keep U+FFFD in place of those bytes;
// - a snapshot file that is not JSON, or JSON nested absurdly deep, says what a snapshot is and how to make one;
// - control characters from an image (a machine name with ESC sequences) never leave the bridge raw.
const A01 = join(ACCEPTANCE, 'A01-win10-22h2-nothing-set.reg');
const run = runHandler;
/** C0 controls, DEL and C1 controls: what must never reach a console raw. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Every string inside a value (keys included), for "no control character anywhere". */
function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) { out.push(k); strings(v, out); }
  return out;
}

/** A01 (ASCII) as UTF-8 with a BOM, plus a key the plan never touches whose string holds byte 0xFF (line 4 from the end). */
function utf8WithBadByte(): { bytes: Buffer; line: number } {
  const text = readFileSync(A01, 'latin1').replace(/(\r?\n)+$/, '');
  const head = `${text}\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n"Note"="caf`;
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head, 'latin1'), Buffer.from([0xff]), Buffer.from('"\r\n', 'latin1')]);
  return { bytes, line: head.split(/\r\n|\n/).length };
}

/** A01 as UTF-16LE with a BOM, ending in a comment, plus one odd trailing byte (half a character) on that last line. */
function utf16WithOddByte(): { bytes: Buffer; line: number } {
  const text = `${readFileSync(A01, 'latin1').replace(/(\r?\n)+$/, '')}\r\n; end of export`;
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x0a])]);
  return { bytes, line: text.split(/\r\n|\n/).length };
}

describe('bridge: bytes not valid in a .reg file\'s encoding (issue 13, item 6)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-bytes-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, make, what] of [
    ['utf8-bom-ff.reg', utf8WithBadByte, /0xFF.*UTF-8/],
    ['utf16-odd.reg', utf16WithOddByte, /odd number of bytes.*UTF-16LE/],
  ] as const) {
    it(`${name}: evaluated with a warning naming the file, line and byte; plan.applyImage refuses (WouldChangeBytes) and leaves the file byte-identical`, async () => {
      const { bytes, line } = make();
      const file = join(dir, name);
      writeFileSync(file, bytes);

      const evaluated = await run(readinessEvaluate, { items: [{ path: file }] });
      const r = evaluated.results[0];
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.readiness.ComputerName, 'W10-A01');
      assert.equal(r.warnings.length, 1, JSON.stringify(r.warnings));
      assert.ok(r.warnings[0].startsWith(`${file}:${line}: `), r.warnings[0]);
      assert.match(r.warnings[0], what);
      assert.match(r.warnings[0], /U\+FFFD/);
      assert.match(r.warnings[0], /re-export .*regedit.*UTF-16LE/);
      const raw = await run(snapshotRead, { items: [{ path: file }] });
      assert.deepEqual(raw.results[0].warnings, r.warnings, 'Get-Tls365Readiness -Snapshot warns the same');

      const plan = (await run(planCreate, { items: [{ path: file }] })).results[0];
      assert.ok(plan.ok && plan.plan.changes.length > 0, JSON.stringify(plan));
      const backupPath = join(dir, 'backup.reg');
      const applied = await run(planApplyImage, { path: file, plan: plan.plan, backupPath });
      assert.equal(applied.ok, false, 'the image is not rewritten');
      assert.equal(applied.error.code, 'WouldChangeBytes');
      assert.equal(applied.error.file, file);
      assert.equal(applied.error.line, line);
      assert.ok(applied.error.message.startsWith(`${file}:${line}: `), applied.error.message);
      assert.match(applied.error.message, what);
      assert.match(applied.error.message, /left unchanged/);
      assert.match(applied.error.message, /re-export .*regedit.*UTF-16LE/);
      assert.ok(readFileSync(file).equals(bytes), 'the image is byte-identical');
      assert.deepEqual(readdirSync(dir), [name], 'no backup was written');
    });
  }

  it('plan.undoImage refuses too when the image was re-saved with a bad byte since the apply, and leaves it byte-identical', async () => {
    const file = join(dir, 'a01.reg');
    writeFileSync(file, readFileSync(A01));
    const plan = (await run(planCreate, { items: [{ path: file }] })).results[0].plan;
    const backupPath = join(dir, 'b.reg');
    assert.ok((await run(planApplyImage, { path: file, plan, backupPath })).ok);
    const edited = Buffer.concat([readFileSync(file), Buffer.from('; edited by hand', 'utf16le'), Buffer.from([0x0a])]);
    writeFileSync(file, edited);
    const undone = await run(planUndoImage, { path: file, backupPath });
    assert.equal(undone.ok, false, JSON.stringify(undone));
    assert.equal(undone.error.code, 'WouldChangeBytes');
    assert.ok(readFileSync(file).equals(edited));
  });

  it('a good image of the same folder is still changed (the refusal is per image)', async () => {
    const bad = join(dir, 'bad.reg');
    writeFileSync(bad, utf8WithBadByte().bytes);
    const good = join(dir, 'good.reg');
    writeFileSync(good, readFileSync(A01));
    const plans = (await run(planCreate, { items: [{ path: bad }, { path: good }] })).results;
    const refused = await run(planApplyImage, { path: bad, plan: plans[0].plan, backupPath: join(dir, 'bad-backup.reg') });
    assert.equal(refused.error.code, 'WouldChangeBytes');
    const applied = await run(planApplyImage, { path: good, plan: plans[1].plan, backupPath: join(dir, 'good-backup.reg') });
    assert.ok(applied.ok, JSON.stringify(applied));
    assert.ok(existsSync(join(dir, 'good-backup.reg')));
  });

  it('an image whose bytes are all valid has no warning', async () => {
    const r = (await run(readinessEvaluate, { items: [{ path: A01 }, { path: join(EXAMPLES, 'ws2016-ex01.reg') }] })).results;
    assert.deepEqual(r.map((x: any) => x.warnings), [undefined, undefined]);
  });
});

describe('bridge: a snapshot file that is not one says what a snapshot is (issue 13, item 6)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-json-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const hint = (message: string): void => {
    assert.match(message, /not a TLS365 snapshot/);
    assert.match(message, /tls365\.snapshot\/1/);
    assert.match(message, /Get-Tls365Readiness -Snapshot/);
    assert.match(message, /Get-Tls365Snapshot\.ps1/);
  };

  it('broken JSON nested 600 levels deep: names the file, the depth limit, line and column, and what a snapshot is', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `${'['.repeat(600)}x`);
    const r = readImage(file);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'SnapshotMalformed');
    assert.equal(r.error.line, 1);
    assert.ok(r.error.message.startsWith(`${file}: `), r.error.message);
    assert.match(r.error.message, /nested deeper than 512 levels at line 1, column 513/);
    assert.match(r.error.message, /a snapshot is nested 7 levels at most/);
    hint(r.error.message);
  });

  it('a syntax error names the file, line and column, and what a snapshot is', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "schema": "tls365.snapshot/1",\n  "registry": [ oops ]\n}');
    const r = readImage(file);
    assert.ok(!r.ok);
    assert.equal(r.error.line, 3);
    assert.match(r.error.message, /at line 3, column 17/);
    hint(r.error.message);
  });

  it('valid JSON that is not a snapshot names the file and the JSON path, and what a snapshot is', () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, '{"name": "not a snapshot"}');
    const r = readImage(file);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'SnapshotInvalid');
    assert.ok(r.error.message.startsWith(`${file}: not a TLS365 snapshot: $.schema: `), r.error.message);
    hint(r.error.message);
  });
});

describe('bridge: control characters from images never leave the bridge raw (issue 13, item 6)', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-ctl-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const EVIL = '\u001b]0;pwned\u0007EX\u001b[2J\u009b31m\u007f';
  const SHOWN = '\\x1B]0;pwned\\x07EX\\x1B[2J\\x9B31m\\x7F';

  it('readiness.evaluate: a .reg ComputerName and ProductName with ESC, BEL, C1 and DEL come back as \\xHH, in every string', async () => {
    const text = readFileSync(join(EXAMPLES, 'ws2016-ex01.reg')).toString('utf16le')
      .replace('"ComputerName"="WS2016-EX01"', `"ComputerName"="${EVIL}"`)
      .replace('"ProductName"="Windows Server 2016 Datacenter"', `"ProductName"="Windows Server 2016 ${EVIL}"`);
    const file = join(dir, 'evil.reg');
    writeFileSync(file, Buffer.from(text, 'utf16le'));
    const r = (await run(readinessEvaluate, { items: [{ path: file }] })).results[0];
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.readiness.ComputerName, SHOWN);
    assert.equal(r.readiness.OS.Name, `Windows Server 2016 ${SHOWN}`);
    for (const s of strings(r)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('readiness.evaluate: a snapshot computerName with ESC sequences, and a malformed image line holding them, come back escaped', async () => {
    const source = readImage(join(EXAMPLES, 'ws2019-fs01.reg'));
    assert.ok(source.ok);
    const snap = join(dir, 'evil.json');
    writeFileSync(snap, JSON.stringify({ ...source.snapshot, computerName: EVIL }));
    const broken = join(dir, 'broken.reg');
    writeFileSync(broken, Buffer.from(`\ufeffWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n${EVIL}\r\n"${EVIL}"=dword:zz\r\n`, 'utf16le'));
    const results = (await run(readinessEvaluate, { items: [{ path: snap }, { path: broken }] })).results;
    assert.equal(results[0].readiness.ComputerName, SHOWN);
    assert.equal(results[1].ok, false);
    for (const s of strings(results)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });

  it('plan.applyImage: the ChangeResult values read from the image (Before) come back escaped', async () => {
    const text = readFileSync(A01, 'latin1').replace(/(\r?\n)+$/, '')
      + `\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client]\r\n"Enabled"="${EVIL}"\r\n`;
    const file = join(dir, 'evil-before.reg');
    writeFileSync(file, Buffer.from(`\ufeff${text}`, 'utf16le'));
    const plan = (await run(planCreate, { items: [{ path: file }] })).results[0];
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.ok(plan.plan.changes.some((c: any) => c.before?.data === EVIL), 'the plan replaces the string value (it keeps the raw data to check it)');
    const applied = await run(planApplyImage, { path: file, plan: plan.plan, backupPath: join(dir, 'b.reg') });
    assert.ok(applied.ok, JSON.stringify(applied));
    assert.ok(applied.changes.some((c: any) => c.before?.data === SHOWN), JSON.stringify(applied.changes));
    for (const s of strings(applied)) assert.ok(!CONTROL.test(s), JSON.stringify(s));
  });
});
