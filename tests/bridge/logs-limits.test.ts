import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanLogs, type ScanTuning } from '../../bridge/logs-scan.js';
import { SMTP_HEADER, SMTP_ROWS, T1, T2, T_HEADER } from '../core/logs/helpers.js';

// Issue 13, item 2 through logs.scan: lines over MAX_LOG_LINE (1 MiB) are counted as malformed, named by
// file and line, and skipped; the records around them count; the parallel scan (ranges that lie wholly
// inside one long line) gives exactly the single pass. Before the cap, these lines were held whole (a 2 GB
// line: 2.6 GB and no result after 280 s) and the byte filter re-copied a pending line at every 1 MiB chunk.
// A gzip of zeros was called "damaged or cut off" (V8's "Invalid string length" matched the gzip error test).

const SINGLE: ScanTuning = { mode: 'off', workers: 0, unitBytes: 1 << 30, minBytes: 0, backBytes: 1 << 20 };
const INLINE: ScanTuning = { mode: 'inline', workers: 0, unitBytes: 256 * 1024, minBytes: 0, backBytes: 64 * 1024, window: 4 };
const MIB = 1024 * 1024;

async function scan(paths: readonly string[], tuning: ScanTuning, params: Record<string, unknown> = {}): Promise<any> {
  const out = await scanLogs({ paths, ...params }, () => undefined, tuning);
  assert.ok(out.ok, JSON.stringify(out));
  return out.result;
}

describe('logs.scan: long lines and binary data (issue 13, items 2 and 6)', function () {
  this.timeout(60_000);
  let dir: string;
  const HEADER_LINES = T_HEADER.split('\n').length;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tls365-long-'));
    // line 6: 3 MiB without a newline in between; line 8: 2.5 MiB at the end of the file, no final newline.
    const long = `2024-05-01 00:00:09 ${'x'.repeat(3 * MIB)}`;
    writeFileSync(join(dir, 'long.log'), `${T_HEADER}\n${T1}\n${long}\r\n${T2}\n${'y'.repeat(2.5 * MIB)}`);
    writeFileSync(join(dir, 'long.log.gz'), gzipSync(Buffer.from(`${T_HEADER}\n${long}\n${T1}\n`)));
    const smtp = `${SMTP_HEADER}\n${SMTP_ROWS.slice(0, 2).join('\n')}\n${'z'.repeat(1.5 * MIB)}\n${SMTP_ROWS.slice(2).join('\n')}\n`;
    writeFileSync(join(dir, 'RECV2024050110-1.LOG'), smtp);
    writeFileSync(join(dir, 'utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${T_HEADER}\n${'w'.repeat(1.2 * MIB)}\n${T1}\n`, 'utf16le')]));
    writeFileSync(join(dir, 'zeros.log.gz'), gzipSync(Buffer.alloc(16 * MIB)));
    writeFileSync(join(dir, 'zeros.log'), Buffer.alloc(2 * MIB));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('IIS: each line over 1 MiB is one too-long malformed record with its line number; the records after it count', async () => {
    const r = await scan([join(dir, 'long.log')], SINGLE, { protocols: ['Tls10', 'Tls11'] });
    assert.deepEqual(r.fileErrors, []);
    const samples = r.malformedSamples.map((m: any) => [m.line, m.reason]);
    assert.deepEqual(samples, [[HEADER_LINES + 2, 'too-long'], [HEADER_LINES + 4, 'too-long']]);
    assert.match(r.malformedSamples[0].message, /long\.log line 6: a line of 3,145,748 bytes, over the limit of 1,048,576/);
    assert.match(r.malformedSamples[1].message, /long\.log line 8: a line of 2,621,440 bytes/);
    assert.equal(r.totals.malformed, 2);
    // T1 (TLS 1.0) before the long line and T2 (TLS 1.1) after it.
    assert.deepEqual(r.records.map((c: any) => c.clientIp).sort(), ['198.51.100.7', '198.51.100.8']);
    assert.deepEqual(r.files.map((f: any) => f.lines), [HEADER_LINES + 4]);
  });

  it('the parallel scan, with ranges wholly inside the long lines, equals the single pass (plain and gzip)', async () => {
    const paths = [join(dir, 'long.log'), join(dir, 'long.log.gz')];
    for (const params of [{}, { protocols: ['Tls10', 'Tls11', 'Tls12'], maxHits: 50 }]) {
      const units: number[] = [];
      const tuning: ScanTuning = { ...INLINE, onUnit: (u) => { units.push(u.start); } };
      assert.deepStrictEqual(await scan(paths, tuning, params), await scan(paths, SINGLE, params), JSON.stringify(params));
      assert.ok(units.length >= 20, `ranges of 256 KiB: ${units.length}`);
    }
  });

  it('Exchange SMTP and UTF-16LE (the text splitter): the long line is malformed with its line number, the rest is read', async () => {
    const r = await scan([join(dir, 'RECV2024050110-1.LOG'), join(dir, 'utf16.log')], SINGLE);
    assert.deepEqual(r.fileErrors, []);
    assert.deepEqual(r.malformedSamples.map((m: any) => [m.source.replace(/^.*[\\/]/, ''), m.line, m.reason]), [
      ['RECV2024050110-1.LOG', SMTP_HEADER.split('\n').length + 3, 'too-long'],
      ['utf16.log', HEADER_LINES + 1, 'too-long'],
    ]);
    const ips = r.records.map((c: any) => c.clientIp).sort();
    assert.deepEqual(ips, ['198.51.100.20', '198.51.100.7'], 'the SMTP session after the long line and T1 after it in UTF-16');
  });

  it('binary data (a gzip of zeros, a file of zeros) is "binary data, not a log", not a damaged gzip; the other files still count', async () => {
    const r = await scan([join(dir, 'zeros.log.gz'), join(dir, 'zeros.log'), join(dir, 'long.log')], SINGLE);
    assert.deepEqual(r.fileErrors.map((e: any) => [e.file.replace(/^.*[\\/]/, ''), e.code]), [['zeros.log.gz', 'NotText'], ['zeros.log', 'NotText']]);
    assert.match(r.fileErrors[0].message, /zeros\.log\.gz: a gzip file whose content is binary data \(NUL bytes and no line end in the first 64 KiB\), not a log/);
    assert.doesNotMatch(r.fileErrors[0].message, /damaged|cut off/);
    assert.equal(r.records.length, 2);
  });
});
