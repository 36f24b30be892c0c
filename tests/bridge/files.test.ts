import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../bridge/dispatch.js';
import { MAX_IMAGE_BYTES } from '../../bridge/files.js';
import { readImage, readinessEvaluate } from '../../bridge/readiness-methods.js';
import { startReadyBridge } from '../support/bridge-client.js';

// Issue 13, item 1 (and item 2's FIFO): registry images, snapshots and logs are read only when they are regular
// files no larger than the limit, checked before a byte is read (and, for a FIFO, without waiting for a writer).
// Before: /dev/zero drove the bridge to 23.8 GB; a FIFO hung it until the 300 s timeout and failed every input
// of the call. Each case below must answer at once (mocha's 20 s timeout catches a hang), name its file, and
// leave the good files of the same batch evaluated.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const silent = (): void => undefined;

describe('bridge: only regular files of bounded size are read (images, snapshots, logs)', () => {
  let dir = '';
  let fifo = '';
  let big = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tls365-files-'));
    fifo = join(dir, 'pipe.reg');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, 'mkfifo (coreutils) makes the FIFO');
    big = join(dir, 'huge.reg');
    writeFileSync(big, '');
    truncateSync(big, MAX_IMAGE_BYTES + 1); // sparse: nothing is written, nothing may be read
    mkdirSync(join(dir, 'folder.reg'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a device (/dev/zero) as not a regular file, without reading it', () => {
    const r = readImage('/dev/zero');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'NotAFile');
    assert.match(r.error.message, /^\/dev\/zero: is a device, not a registry image or snapshot; only regular files are read$/);
  });

  it('refuses a FIFO at once, even with no writer (it used to hang the bridge)', () => {
    const r = readImage(fifo);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'NotAFile');
    assert.ok(r.error.message.startsWith(`${fifo}: is a FIFO (named pipe)`), r.error.message);
  });

  it('refuses a file over the limit before reading it, saying the size and the limit', () => {
    const before = process.memoryUsage().rss;
    const r = readImage(big);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'FileTooLarge');
    assert.ok(r.error.message.includes(`${(MAX_IMAGE_BYTES + 1).toLocaleString('en-US')} bytes is more than the 256 MiB`), r.error.message);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'nothing of the file was read into memory');
  });

  it('refuses a folder', () => {
    const r = readImage(join(dir, 'folder.reg'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'NotAFile');
    assert.match(r.error.message, /is a folder/);
  });

  it('a batch with a device, a FIFO, an oversized file and a folder among good images: one error each, naming it; the good ones evaluated', async () => {
    const good = [join(EXAMPLES, 'ws2019-fs01.reg'), join(EXAMPLES, 'ws2016-ex01.reg')];
    const items = [good[0]!, '/dev/zero', fifo, big, join(dir, 'folder.reg'), good[1]!].map((path) => ({ path }));
    const session: Session = { handshaken: true };
    const r: any = await readinessEvaluate({ items }, session, silent);
    assert.ok(r.ok, JSON.stringify(r));
    const results = r.result.results as any[];
    assert.equal(results.length, 6);
    assert.deepEqual(results.map((x) => x.ok), [true, false, false, false, false, true]);
    assert.deepEqual(results.filter((x) => !x.ok).map((x) => [x.error.code, x.error.file]), [
      ['NotAFile', '/dev/zero'], ['NotAFile', fifo], ['FileTooLarge', big], ['NotAFile', join(dir, 'folder.reg')],
    ]);
    assert.equal(results[0].readiness.ComputerName, 'WS2019-FS01');
    assert.equal(results[5].readiness.ComputerName, 'WS2016-EX01');
  });

  it('logs.scan: a FIFO among log files is one NotAFile error and the other files are scanned (it used to hang the bridge)', async function () {
    this.timeout(30_000);
    const log = join(dir, 'u_ex240501.log');
    writeFileSync(log, [
      '#Fields: date time s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol',
      '2024-05-01 00:00:01 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook 200 40',
    ].join('\r\n') + '\r\n');
    const logFifo = join(dir, 'u_ex240502.log');
    assert.equal(spawnSync('mkfifo', [logFifo]).status, 0);
    const bridge = await startReadyBridge();
    try {
      bridge.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 'scan', method: 'logs.scan', params: { paths: [logFifo, log, '/dev/zero'] } })}\n`);
      let reply: any;
      for (;;) { reply = await bridge.next(); if (reply.id === 'scan') break; }
      assert.ok(reply.result, JSON.stringify(reply.error));
      assert.deepEqual(reply.result.fileErrors.map((e: any) => [e.file, e.code]), [[logFifo, 'NotAFile'], ['/dev/zero', 'NotAFile']]);
      assert.ok(reply.result.fileErrors[0].message.includes('is a FIFO'), reply.result.fileErrors[0].message);
      assert.equal(reply.result.records.length, 1, 'the good log was scanned');
      assert.equal(reply.result.records[0].count, 1);
    } finally {
      await bridge.close();
    }
    assert.ok(existsSync(logFifo));
  });
});

describe('bridge: snapshot files in the encodings Windows writes them (issue 13, item 6)', () => {
  it('reads a snapshot saved as UTF-16LE (Windows PowerShell 5.1 Out-File), UTF-16BE and UTF-8 with a BOM, whatever its name, like the UTF-8 one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls365-enc-'));
    try {
      const source = readImage(join(EXAMPLES, 'ws2016-ex01.reg'));
      assert.ok(source.ok);
      const json = JSON.stringify({ ...source.snapshot, registry: source.snapshot.registry.map((k) => ({ path: k.path, values: k.values })) });
      const utf8 = join(dir, 'ex.json');
      writeFileSync(utf8, json);
      const variants: [string, Buffer][] = [
        ['utf16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
        ['utf16be.snapshot', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()])],
        ['utf8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')])],
      ];
      const reference = readImage(utf8);
      assert.ok(reference.ok, JSON.stringify(!reference.ok && reference.error));
      for (const [name, bytes] of variants) {
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const r = readImage(file);
        assert.ok(r.ok, `${name}: ${JSON.stringify(!r.ok && r.error)}`);
        assert.deepEqual({ ...r.snapshot, origin: null }, { ...reference.snapshot, origin: null }, name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
