import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../bridge/dispatch.js';
import { readinessEvaluate, readinessFleet } from '../../bridge/readiness-methods.js';

// TLS365-EXCH-009 across readiness.evaluate batches [HC-EP]: each batch returns the grouped Exchange servers'
// signatures with their results, and readiness.fleet groups the signatures of the whole command; the bridge keeps
// nothing between requests (issue 14). Images: the Exchange example, a copy of it with TLS 1.0 Server on
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

  const evaluate = async (session: Session, paths: string[], fleet?: boolean): Promise<any[]> => {
    const r: any = await readinessEvaluate({ items: paths.map((path) => ({ path })), ...(fleet === undefined ? {} : { fleet }) }, session, silent);
    assert.ok(r.ok, JSON.stringify(r));
    return r.result.results;
  };

  it('returns each grouped Exchange server\'s signature with its result, and warns each grouped server from the signatures alone (issue 14: no state)', async () => {
    // A fresh session per call: what a bridge restarted between the batches would be.
    const first = await evaluate({ handshaken: true }, [files.ex1, files.app], true);
    const second = await evaluate({ handshaken: true }, [files.ex2, files.ex3], true);
    const all = [...first, ...second];
    assert.deepEqual(all.map((x) => x.fleet?.name), ['EX1', undefined, 'EX2', 'EX3']);
    for (const x of all) assert.ok(!x.readiness.Findings.some((f: any) => f.RuleId === 'TLS365-EXCH-009'), 'not in the per-machine results');
    const sig = first[0].fleet;
    assert.ok(JSON.stringify(sig).length < 4096, 'a signature is small (the settings EXCH-009 compares)');
    assert.ok(sig.settings.some((x: any) => x.label === 'TLS 1.0\\Server Enabled'), JSON.stringify(sig.settings.map((x: any) => x.label)));
    const members = all.filter((x) => x.fleet !== undefined).map((x) => x.fleet);
    const session: Session = { handshaken: true };
    const fleet: any = await readinessFleet({ members }, session, silent);
    assert.deepEqual(fleet.result.results.map((x: any) => x.index).sort(), [0, 1, 2]);
    for (const x of fleet.result.results) {
      assert.equal(x.finding.RuleId, 'TLS365-EXCH-009');
      assert.equal(x.finding.Severity, 'Warn');
      assert.deepEqual(x.finding.Sources, ['HC-EP']);
    }
    assert.match(fleet.result.results.find((x: any) => x.index === 1).finding.Message, /group 2 alone.*TLS 1\.0\\Server Enabled \(here 1\)/);
    assert.deepEqual(Object.keys(session).sort(), ['handshaken'], 'nothing is kept in the session');
  });

  it('gives nothing when the Exchange servers agree, and no signature without fleet', async () => {
    const agree = await evaluate({ handshaken: true }, [files.ex1, files.ex3], true);
    const fleet: any = await readinessFleet({ members: agree.map((x) => x.fleet) }, { handshaken: true }, silent);
    assert.deepEqual(fleet.result, { results: [] });
    const plain = await evaluate({ handshaken: true }, [files.ex1, files.ex2]);
    assert.deepEqual(plain.map((x) => x.fleet), [undefined, undefined]);
  });

  it('refuses a fleet flag that is not a boolean and a signature that is not one, naming the field', async () => {
    const bad: any = await readinessEvaluate({ items: [{ path: files.ex1 }], fleet: 'f1' }, { handshaken: true }, silent);
    assert.equal(bad.error.data.path, 'params.fleet');
    const wrong: any = await readinessFleet({ members: [{ name: 'X', settings: [{ label: 'a', component: 'Evil', value: '1' }] }] }, { handshaken: true }, silent);
    assert.equal(wrong.error.data.path, 'params.members[0].settings[0]');
  });
});
