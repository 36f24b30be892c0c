import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../bridge/dispatch.js';
import { MAX_OPEN_FLEETS, readinessEvaluate, readinessFleet } from '../../bridge/readiness-methods.js';

// TLS365-EXCH-009 across readiness.evaluate batches [HC-EP]: Exchange servers of one command are kept between
// batches and readiness.fleet groups them. Images: the Exchange example, a copy of it with TLS 1.0 Server on
// (a second configuration), a copy with the same values as the first, and a non-Exchange machine.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const silent = (): void => undefined;

function variant(dir: string, name: string, edit: (text: string) => string): string {
  const text = readFileSync(join(EXAMPLES, 'ws2016-ex01.reg')).toString('utf16le').replace(/^\uFEFF/, '');
  const file = join(dir, `${name}.reg`);
  writeFileSync(file, `\uFEFF${edit(text).replace('"ComputerName"="WS2016-EX01"', `"ComputerName"="${name}"`)}`, 'utf16le');
  return file;
}

describe('bridge readiness.fleet (TLS365-EXCH-009 over a whole command) [HC-EP]', () => {
  let dir = '';
  let files: { ex1: string; ex2: string; ex3: string; app: string };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tls365-fleet-'));
    const tls10ServerOn = (t: string): string => t.replace(/(TLS 1\.0\\Server\]\r?\n"DisabledByDefault"=dword:)00000001(\r?\n"Enabled"=dword:)00000000/, '$100000000$200000001');
    files = { ex1: variant(dir, 'EX1', (t) => t), ex2: variant(dir, 'EX2', tls10ServerOn), ex3: variant(dir, 'EX3', (t) => t), app: join(EXAMPLES, 'ws2019-fs01.reg') };
    assert.notEqual(readFileSync(files.ex2, 'utf16le'), readFileSync(files.ex1, 'utf16le'), 'the TLS 1.0 edit applied');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const evaluate = async (session: Session, paths: string[], fleet?: string): Promise<any[]> => {
    const r: any = await readinessEvaluate({ items: paths.map((path) => ({ path })), ...(fleet === undefined ? {} : { fleet }) }, session, silent);
    assert.ok(r.ok, JSON.stringify(r));
    return r.result.results;
  };

  it('keys the Exchange servers of every batch and warns each grouped server once the fleet is complete', async () => {
    const session: Session = { handshaken: true };
    const first = await evaluate(session, [files.ex1, files.app], 'f1');
    const second = await evaluate(session, [files.ex2, files.ex3], 'f1');
    assert.deepEqual([...first, ...second].map((x) => x.fleetKey), [0, undefined, 1, 2]);
    for (const x of [...first, ...second]) assert.ok(!x.readiness.Findings.some((f: any) => f.RuleId === 'TLS365-EXCH-009'), 'not in the per-machine results');
    const fleet: any = await readinessFleet({ fleet: 'f1' }, session, silent);
    assert.equal(fleet.result.members, 3);
    assert.deepEqual(fleet.result.results.map((x: any) => x.fleetKey).sort(), [0, 1, 2]);
    for (const x of fleet.result.results) {
      assert.equal(x.finding.RuleId, 'TLS365-EXCH-009');
      assert.equal(x.finding.Severity, 'Warn');
      assert.deepEqual(x.finding.Sources, ['HC-EP']);
    }
    assert.match(fleet.result.results.find((x: any) => x.fleetKey === 1).finding.Message, /group 2 alone.*TLS 1\.0\\Server Enabled \(here 1\)/);
    assert.equal(session.fleets?.size, 0, 'readiness.fleet drops the fleet');
  });

  it('gives nothing when the Exchange servers agree, and keeps nothing without a fleet id', async () => {
    const session: Session = { handshaken: true };
    await evaluate(session, [files.ex1, files.ex3], 'f2');
    const fleet: any = await readinessFleet({ fleet: 'f2' }, session, silent);
    assert.deepEqual(fleet.result, { members: 2, results: [] });
    const plain = await evaluate(session, [files.ex1, files.ex2]);
    assert.deepEqual(plain.map((x) => x.fleetKey), [undefined, undefined]);
    assert.equal(session.fleets?.size ?? 0, 0);
  });

  it('keeps at most MAX_OPEN_FLEETS fleets, refuses a bad id, and answers an unknown fleet with nothing', async () => {
    const session: Session = { handshaken: true };
    for (let i = 0; i <= MAX_OPEN_FLEETS; i += 1) await evaluate(session, [files.ex1], `open${i}`);
    assert.equal(session.fleets?.size, MAX_OPEN_FLEETS);
    assert.equal(session.fleets?.has('open0'), false);
    const bad: any = await readinessEvaluate({ items: [{ path: files.ex1 }], fleet: '../x' }, session, silent);
    assert.equal(bad.error.data.path, 'params.fleet');
    const unknown: any = await readinessFleet({ fleet: 'nope' }, session, silent);
    assert.deepEqual(unknown.result, { members: 0, results: [] });
  });
});
