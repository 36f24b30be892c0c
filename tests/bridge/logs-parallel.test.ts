import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanLogs, type ScanTuning } from '../../bridge/logs-scan.js';
import { startReadyBridge, type BridgeProcess } from '../support/bridge-client.js';
import { IIS_FIXTURES, SMTP_HEADER, SMTP_ROWS } from '../core/logs/helpers.js';
import { boundaryIis, syntheticIis } from '../core/logs/synthetic.js';

// A parallel logs.scan (files and byte ranges of files read as separate units, merged in order) must return
// exactly what the single pass returns: records, summary, totals, malformed samples and their line numbers,
// files, file errors, raw hits in order, skipped, and the final progress. Every scan here is compared with the
// single pass (`mode: 'off'`) over the same files; the ranges are forced tiny so that boundaries fall on and
// around #Fields changes, inside quoted values, between CR and LF, and on the last line without a newline.

type Result = { result: any; notes: any[] };

const SINGLE: ScanTuning = { mode: 'off', workers: 0, unitBytes: 1 << 30, minBytes: 0, backBytes: 1 << 20 };
// Inline units with 6 handed out ahead of the merge: a range's guess then comes from a state 6 ranges old.
const inline = (unitBytes: number, backBytes: number, onUnit?: ScanTuning['onUnit']): ScanTuning => ({
  mode: 'inline', workers: 0, unitBytes, minBytes: 0, backBytes, window: 6, ...(onUnit === undefined ? {} : { onUnit }),
});
const RANGES = [inline(37, 100), inline(200, 1 << 20), inline(1000, 1000), inline(4096, 64)];

async function scan(paths: readonly string[], params: Record<string, unknown>, tuning: ScanTuning): Promise<Result> {
  const notes: any[] = [];
  const out = await scanLogs({ paths, ...params }, (method, p) => notes.push({ method, params: p }), tuning);
  assert.ok(out.ok, JSON.stringify(out));
  return { result: out.result, notes };
}

function sameAsSingle(got: Result, want: Result, what: string): void {
  assert.deepStrictEqual(got.result, want.result, what);
  // Progress: bytes never go back, every file is announced, and the last notification is the single pass's.
  assert.ok(got.notes.every((n) => n.method === 'progress'), what);
  const bytes = got.notes.map((n) => n.params.bytesDone);
  assert.ok(bytes.every((b, i) => i === 0 || b >= bytes[i - 1]), `${what}: bytesDone goes back`);
  assert.deepStrictEqual(got.notes[got.notes.length - 1], want.notes[want.notes.length - 1], what);
  const announced = new Set(got.notes.map((n) => n.params.file));
  for (const n of want.notes) assert.ok(announced.has(n.params.file), `${what}: ${n.params.file} not announced`);
}

describe('logs.scan in parallel units equals the single pass', function () {
  this.timeout(120_000);
  let dir: string;
  const at = (...names: string[]): string[] => names.map((n) => join(dir, n));
  let fixtures: string[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tls365-par-'));
    // In the repository (tests/fixtures/logs): missing, readdirSync throws and the suite fails.
    fixtures = readdirSync(IIS_FIXTURES).sort();
    for (const f of fixtures) {
      copyFileSync(join(IIS_FIXTURES, f), join(dir, f));
      const text = readFileSync(join(IIS_FIXTURES, f), 'utf8');
      writeFileSync(join(dir, `crlf-${f}`), text.replace(/\r?\n/g, '\r\n'));
      writeFileSync(join(dir, `bom-${f}`), `\ufeff${text}`);
    }
    for (let seed = 0; seed < 4; seed += 1) {
      writeFileSync(join(dir, `syn${seed}.log`), syntheticIis(seed, { lines: 500, crlf: seed % 2 === 1, finalNewline: seed !== 2 }));
    }
    writeFileSync(join(dir, 'headless.log'), syntheticIis(21, { lines: 120, headless: true }));
    for (let seed = 0; seed < 2; seed += 1) writeFileSync(join(dir, `lb${seed}.log`), syntheticIis(50 + seed, { lines: 500, forwarded: true, crlf: seed === 1 }));
    writeFileSync(join(dir, 'syn.log.gz'), gzipSync(Buffer.from(syntheticIis(31, { lines: 300 }))));
    writeFileSync(join(dir, 'cut.log.gz'), gzipSync(Buffer.from(syntheticIis(32, { lines: 600 }))).subarray(0, 3000));
    writeFileSync(join(dir, 'utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(syntheticIis(41, { lines: 80 }), 'utf16le')]));
    writeFileSync(join(dir, 'RECV-1.LOG'), `${SMTP_HEADER}\n${SMTP_ROWS.slice(0, 3).join('\n')}\n`);
    writeFileSync(join(dir, 'RECV-2.LOG'), `${SMTP_HEADER}\n${SMTP_ROWS.slice(3).join('\n')}\n`);
    writeFileSync(join(dir, 'bound-lf.log'), boundaryIis(1000, 12, false));
    writeFileSync(join(dir, 'bound-crlf.log'), boundaryIis(1000, 12, true));
    writeFileSync(join(dir, 'zip.log'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    for (let i = 0; i < 150; i += 1) {
      writeFileSync(join(dir, `small${String(i).padStart(3, '0')}.log`), i % 10 === 0 ? '' : syntheticIis(1000 + i, { lines: 5 + (i % 30), headless: i % 7 === 0, crlf: i % 3 === 0, finalNewline: i % 4 !== 0 }));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const PARAMS: Record<string, unknown>[] = [
    {},
    { protocols: ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13'], maxHits: 100000 },
    { maxHits: 13 },
    { since: '2024-05-02', until: '2024-05-04T12:00:00Z', maxHits: 50 },
  ];

  async function check(files: readonly string[], ranges: readonly ScanTuning[] = RANGES, params: readonly Record<string, unknown>[] = PARAMS): Promise<void> {
    for (const p of params) {
      const want = await scan(files, p, SINGLE);
      for (const t of ranges) sameAsSingle(await scan(files, p, t), want, `${JSON.stringify(p)} units of ${t.unitBytes} B, back ${t.backBytes} B`);
    }
  }

  it('the real IIS fixtures, each alone, as LF, CRLF and with a BOM (protocol mapped to time-taken for hits)', async function () {
    assert.ok(fixtures.length > 0, `no fixtures in ${IIS_FIXTURES}`);
    for (const f of fixtures) {
      for (const name of [f, `crlf-${f}`, `bom-${f}`]) {
        await check(at(name), RANGES, [...PARAMS, { fieldMap: { protocol: 'time-taken' }, protocols: ['Tls10', 'Tls11', 'Ssl3'], maxHits: 1000 }]);
      }
    }
  });

  it('#Fields changes exactly at, one byte before and after range boundaries; boundaries inside quoted values; LF and CRLF', async () => {
    const units = [999, 1000, 1001, 500, 333, 97];
    for (const name of ['bound-lf.log', 'bound-crlf.log']) {
      const text = readFileSync(join(dir, name), 'latin1');
      const at1 = (b: number): string => text.slice(text.lastIndexOf('\n', b - 1) + 1, b);
      const bounds = units.flatMap((u) => Array.from({ length: Math.floor(text.length / u) }, (_, k) => (k + 1) * u));
      assert.ok(bounds.some((b) => (at1(b).match(/"/g) ?? []).length % 2 === 1), `${name}: a boundary inside a quoted value`);
      assert.ok(bounds.some((b) => text.startsWith('#Fields', b)), `${name}: a boundary on a #Fields line`);
      assert.ok(bounds.some((b) => text.startsWith('#Fields', b + 1)) && bounds.some((b) => text.startsWith('#Fields', b - 1)), `${name}: boundaries one byte off`);
      if (name === 'bound-crlf.log') assert.ok(bounds.some((b) => text[b - 1] === '\r' && text[b] === '\n'), 'a boundary between CR and LF');
    }
    const sizes = units.map((u) => inline(u, 1 << 20));
    await check(at('bound-lf.log'), [...sizes, inline(1000, 10)]);
    await check(at('bound-crlf.log'), [...sizes, inline(1000, 10)]);
  });

  it('synthetic logs with every state-carrying shape, a last line without newline, continuation files', async () => {
    await check(at('syn0.log', 'syn1.log', 'syn2.log', 'syn3.log'));
    await check(at('headless.log', 'syn2.log', 'headless.log'));
  });

  it('logs behind load balancers: the clients behind each peer (ForwardedFor) merge to what the single pass counts', async () => {
    const want = await scan(at('lb0.log', 'lb1.log'), { shape: 'powershell' }, SINGLE);
    assert.ok(want.result.records.some((r: any) => r.ForwardedFor.length > 1 && r.Rules.includes('TLS365-DISC-006')), 'a load balancer with clients behind it');
    await check(at('lb0.log', 'lb1.log'), RANGES, [...PARAMS, { shape: 'powershell' }]);
  });

  it('a wrong guess of the start state is caught and the range read again (and the result still equals)', async () => {
    const reread: boolean[] = [];
    const want = await scan(at('syn0.log', 'syn1.log'), {}, SINGLE);
    // Reading back only 10 bytes finds no #Fields: ranges start from the last merged state or the head's.
    sameAsSingle(await scan(at('syn0.log', 'syn1.log'), {}, inline(150, 10, (u) => reread.push(u.reread))), want, 'tiny back reads');
    assert.ok(reread.length > 100 && reread.some((r) => r), `some ranges read again (${reread.filter((r) => r).length} of ${reread.length})`);
    const none: boolean[] = [];
    sameAsSingle(await scan(at('bound-lf.log'), {}, inline(1000, 1 << 20, (u) => none.push(u.reread))), await scan(at('bound-lf.log'), {}, SINGLE), 'boundaries');
    assert.equal(none.filter((r) => r).length, 0, 'reading back to the last #Fields guesses every start right');
  });

  it('a mix: gzip, a cut gzip, UTF-16LE, Exchange SMTP sessions across two files, zip, missing, unknown, IIS between them', async () => {
    const files = at('syn0.log', 'RECV-1.LOG', 'syn.log.gz', 'utf16.log', 'RECV-2.LOG', 'cut.log.gz', 'zip.log', 'missing.log', 'headless.log', 'syn3.log');
    const want = await scan(files, {}, SINGLE);
    assert.deepEqual(want.result.fileErrors.map((e: any) => e.code), ['Truncated', 'UnsupportedArchive', 'Unreadable']);
    assert.ok(want.result.records.some((r: any) => r.ehloName === 'printer01.contoso.test'), 'the SMTP session spans RECV-1 and RECV-2');
    await check(files);
  });

  it('many small files, some empty, some without #Fields (schema carried from the file before)', async () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('small')).sort().map((f) => join(dir, f));
    await check(files, [inline(64, 64), inline(4096, 1 << 20)], [PARAMS[0] as Record<string, unknown>, PARAMS[1] as Record<string, unknown>]);
  });

  it('on worker threads (two workers, tiny ranges) as well', async () => {
    const files = at('syn0.log', 'RECV-1.LOG', 'bound-crlf.log', 'syn.log.gz', 'RECV-2.LOG', 'syn3.log', 'cut.log.gz');
    // The worker from its .ts source (this suite runs under ts-node); the built one is tested through the bridge below.
    const project = join(__dirname, '..', '..', 'tsconfig.json');
    const source = join(__dirname, '..', '..', 'bridge', 'logs-worker.ts');
    const worker = { code: `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(project)} }); require(${JSON.stringify(source)});` };
    const failed: boolean[] = [];
    const threads: ScanTuning = { mode: 'threads', workers: 2, unitBytes: 700, minBytes: 0, backBytes: 300, worker, onUnit: (u) => failed.push(u.threadFailed) };
    for (const p of PARAMS) sameAsSingle(await scan(files, p, threads), await scan(files, p, SINGLE), `threads ${JSON.stringify(p)}`);
    assert.ok(failed.length > 50 && failed.every((f) => !f), 'every unit was read on a worker thread');
  });

  describe('through the real bridge process (built worker script)', () => {
    let single: BridgeProcess;
    let threaded: BridgeProcess;
    const withEnv = async (env: Record<string, string>): Promise<BridgeProcess> => {
      const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
      Object.assign(process.env, env);
      try {
        return await startReadyBridge();
      } finally {
        for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    };
    before(async () => {
      single = await withEnv({ TLS365_LOG_WORKERS: '0' });
      threaded = await withEnv({ TLS365_LOG_WORKERS: '2', TLS365_LOG_MIN_BYTES: '0', TLS365_LOG_UNIT_BYTES: '4096' });
    });
    after(async () => {
      await single.close();
      await threaded.close();
    });
    const viaBridge = async (b: BridgeProcess, paths: string[], params: Record<string, unknown>): Promise<Result> => {
      const notes: any[] = [];
      b.sendRaw(`${JSON.stringify({ jsonrpc: '2.0', id: 'scan', method: 'logs.scan', params: { paths, ...params } })}\n`);
      for (;;) {
        const r: any = await b.next(60_000);
        if (r.id === 'scan') {
          assert.ok(r.result, JSON.stringify(r.error));
          return { result: r.result, notes };
        }
        notes.push(r);
      }
    };
    it('returns what the single-pass bridge returns, for ranges of 4 KiB', async () => {
      const files = at('syn0.log', 'syn1.log', 'RECV-1.LOG', 'bound-lf.log', 'syn.log.gz', 'utf16.log', 'RECV-2.LOG', 'syn3.log', 'cut.log.gz');
      for (const p of PARAMS) {
        const want = await viaBridge(single, files, p);
        const got = await viaBridge(threaded, files, p);
        assert.deepStrictEqual(got.result, want.result, JSON.stringify(p));
        assert.deepStrictEqual(got.notes[got.notes.length - 1], want.notes[want.notes.length - 1]);
      }
    });
  });
});
