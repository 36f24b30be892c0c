import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../bridge/dispatch.js';
import { readinessEvaluate } from '../../bridge/readiness-methods.js';
import { reportWrite } from '../../bridge/report-methods.js';

// report.write over a spool of batches holding the readiness objects exactly as readiness.evaluate shapes them for
// PowerShell (and as PowerShell's ConvertTo-Json writes them back), including its one-element-array unwrapping.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const silent = (): void => undefined;
const call = async (h: typeof reportWrite, params: unknown, session: Session): Promise<any> => h(params, session, silent);

async function psShaped(files: string[]): Promise<any[]> {
  const r: any = await readinessEvaluate({ items: files.map((f) => ({ path: join(EXAMPLES, f) })) }, { handshaken: true }, silent);
  assert.ok(r.ok);
  return r.result.results.map((x: any) => { assert.ok(x.ok, JSON.stringify(x)); return x.readiness; });
}

describe('bridge report.* methods', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-report-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A spool as ConvertTo-Tls365Report writes it: one JSON line per batch. */
  const spoolOf = (batches: unknown[]): string => {
    const file = join(dir, `spool-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, batches.map((b) => JSON.stringify(b)).join('\n') + '\n');
    return file;
  };

  it('reads every batch of the spool and writes one HTML file with the summed counts; a fresh session each call (no state)', async () => {
    const machines = await psShaped(['ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2019-fs01.reg']);
    const spool = spoolOf([{ machines: machines.slice(0, 2) }, { machines: machines.slice(2), failures: [{ Target: 'down01', ErrorId: 'TLS365.Remoting.Unreachable', Message: 'refused' }] }]);
    const file = join(dir, 'fleet.html');
    const session: Session = { handshaken: true };
    const w = await call(reportWrite, { spool, title: 'Fleet', generatedAt: '2026-11-25T10:00:00Z', path: file }, session);
    assert.equal(w.result.ok, true, JSON.stringify(w.result));
    const html = readFileSync(file, 'utf8');
    assert.equal(w.result.bytes, Buffer.byteLength(html));
    assert.equal(w.result.summary.Machines, 4);
    assert.equal(w.result.summary.Unreachable, 1);
    assert.equal(w.result.summary.Ready + w.result.summary.NotReady + w.result.summary.Unknown, 3);
    assert.equal(html.match(/<tr data-verdict=/g)?.length, 3);
    assert.deepEqual(Object.keys(session), ['handshaken'], 'nothing kept in the session');
  });

  it('takes what PowerShell writes: a one-element array as a scalar, null lists as empty, 5.1\'s {value, Count} arrays', async () => {
    const [m] = await psShaped(['ws2008r2-app01.reg']);
    const unwrapped = {
      ...m,
      MissingUpdates: m.MissingUpdates[0] ?? null,
      Components: { value: m.Components, Count: m.Components.length },
      Findings: m.Findings.map((f: any) => ({ ...f, Component: f.Component[0], Sources: null })),
    };
    const w = await call(reportWrite, { spool: spoolOf([{ machines: unwrapped, failures: null }]), title: 't', generatedAt: 'now' }, { handshaken: true });
    assert.match(w.result.html, /<!DOCTYPE html>/);
    assert.equal(w.result.html.match(/<tr data-verdict=/g)?.length, 1);
    assert.equal(w.result.summary.Unknown, 0, 'the wrapped components were read, not lost');
  });

  it('refuses a malformed batch naming the spool, its line and the field; writes nothing', async () => {
    const [m] = await psShaped(['ws2019-fs01.reg']);
    const file = join(dir, 'never.html');
    const bad = await call(reportWrite, { spool: spoolOf([{ machines: [m] }, { machines: [m, { ...m, Ready: 'yes' }] }]), title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.equal(bad.result.ok, false);
    assert.equal(bad.result.error.code, 'SpoolMalformed');
    assert.match(bad.result.error.message, /spool-[a-z0-9]+\.jsonl:2: machines\[1\]\.Ready: must be/);
    const badChange = await call(reportWrite, { spool: spoolOf([{ machines: [{ ...m, Findings: [{ RuleId: 'X', Severity: 'Fail', Component: [], Fix: { Changes: [{ Action: 'set-dword', Key: 5 }] } }] }] }]), title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.match(badChange.result.error.message, /:1: machines\[0\]\.Findings\[0\]\.Fix\.Changes\[0\]\.Key/);
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, `${JSON.stringify({ machines: [m] })}\n{"machines": [`);
    const truncated = await call(reportWrite, { spool: cut, title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.equal(truncated.result.error.code, 'SpoolMalformed');
    assert.match(truncated.result.error.message, /cut\.jsonl:2: not JSON/);
    const missing = await call(reportWrite, { spool: join(dir, 'nope.jsonl'), title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.equal(missing.result.error.code, 'SpoolUnreadable');
    assert.equal(existsSync(file), false, 'nothing written');
    const noSpool = await call(reportWrite, { title: 't', generatedAt: 'now' }, { handshaken: true });
    assert.equal(noSpool.error.data.path, 'params.spool');
  });

  it('reads a finding\'s Endpoint ({Id, Name, BreaksOn} or null) and the judged day; a wrong shape names the field (issue 16)', async () => {
    const [m] = await psShaped(['ws2019-fs01.reg']);
    const endpointFinding = (endpoint: unknown): any => ({ RuleId: 'TLS365-ENDPOINT-002', Severity: 'Warn', Component: ['SChannelClient'], Message: 'm', Fix: null, Endpoint: endpoint });
    const withEndpoint = (endpoint: unknown): any => ({ ...m, Findings: [...m.Findings, endpointFinding(endpoint)] });
    const afd = { Id: 'AzureFrontDoor', Name: 'Azure Front Door', BreaksOn: '2026-04-01' };
    const w = await call(reportWrite, { spool: spoolOf([{ machines: [withEndpoint(afd)] }]), title: 't', generatedAt: 'now', asOf: '2026-02-15' }, { handshaken: true });
    assert.equal(w.result.ok, true, JSON.stringify(w.result));
    assert.match(w.result.html, /<tr data-endpoint="AzureFrontDoor"><th scope="row">Azure Front Door<\/th>.*data-breaks-on="2026-04-01" data-count="1">2026-04-01 \(in 45 days\): 1</);
    // Null (every other finding) and absent (objects made before Endpoint existed) render as before.
    const plain = await call(reportWrite, { spool: spoolOf([{ machines: [m] }]), title: 't', generatedAt: 'now' }, { handshaken: true });
    const nulls = await call(reportWrite, { spool: spoolOf([{ machines: [withEndpoint(null)] }]), title: 't', generatedAt: 'now' }, { handshaken: true });
    assert.doesNotMatch(plain.result.html, /id="endpoints"/);
    assert.doesNotMatch(nulls.result.html, /id="endpoints"/);
    const bad = async (endpoint: unknown): Promise<string> => (await call(reportWrite, { spool: spoolOf([{ machines: [withEndpoint(endpoint)] }]), title: 't', generatedAt: 'now' }, { handshaken: true })).result.error.message;
    const at = `machines\\[0\\]\\.Findings\\[${m.Findings.length}\\]\\.Endpoint`;
    assert.match(await bad('AzureFrontDoor'), new RegExp(`${at}: must be an object \\{Id, Name, BreaksOn\\} or null`));
    assert.match(await bad({ ...afd, BreaksOn: '2026-02-30' }), new RegExp(`${at}\\.BreaksOn: must be a day written YYYY-MM-DD`));
    assert.match(await bad({ ...afd, Id: 7 }), new RegExp(`${at}\\.Id: must be a string`));
    const badDay = await call(reportWrite, { spool: spoolOf([]), title: 't', generatedAt: 'now', asOf: '15.02.2026' }, { handshaken: true });
    assert.equal(badDay.error.data.path, 'params.asOf');
  });

  it('reads Effective ({Component, Setting, Value, Origin, Where, Note}; absent or null: none) and names the field of a wrong shape (issue 16, item 2)', async () => {
    // A machine with Fail findings: it has details.
    const [m] = await psShaped(['ws2008r2-app01.reg']);
    assert.ok(Array.isArray(m.Effective) && m.Effective.length > 0, 'readiness.evaluate shapes Effective');
    const run = async (machine: unknown): Promise<any> => (await call(reportWrite, { spool: spoolOf([{ machines: [machine] }]), title: 't', generatedAt: 'now' }, { handshaken: true })).result;
    const data = (html: string): any => JSON.parse(/<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    const full = await run(m);
    assert.equal(full.ok, true, JSON.stringify(full));
    const d = data(full.html);
    assert.equal(d.l[d.m['0'][7]].length, m.Effective.length, 'every setting in effect reaches the details');
    // Objects made before Effective existed: absent or null is an empty list, and the machine has no list.
    const { Effective: _dropped, ...older } = m;
    for (const old of [older, { ...m, Effective: null }]) {
      const w = await run(old);
      assert.equal(w.ok, true, JSON.stringify(w));
      assert.equal(data(w.html).m['0'][7], null);
    }
    // One entry: PowerShell writes it unwrapped.
    assert.equal(data((await run({ ...m, Effective: m.Effective[0] })).html).l[0].length, 1);
    const bad = async (effective: unknown): Promise<string> => (await run({ ...m, Effective: effective })).error.message;
    const e = m.Effective[0];
    assert.match(await bad([e, 'text']), /:1: machines\[0\]\.Effective\[1\]: must be an object/);
    assert.match(await bad([e, { ...e, Origin: 3 }]), /:1: machines\[0\]\.Effective\[1\]\.Origin: must be a string/);
    assert.match(await bad([{ ...e, Component: null }]), /machines\[0\]\.Effective\[0\]\.Component: must be a string/);
    assert.match(await bad([{ ...e, Setting: undefined }]), /machines\[0\]\.Effective\[0\]\.Setting: must be a string/);
    assert.match(await bad([{ ...e, Value: ['a'] }]), /machines\[0\]\.Effective\[0\]\.Value: must be a string/);
    assert.match(await bad([{ ...e, Where: 5 }]), /machines\[0\]\.Effective\[0\]\.Where: must be a string/);
    assert.match(await bad([{ ...e, Note: {} }]), /machines\[0\]\.Effective\[0\]\.Note: must be a string/);
    assert.equal((await run({ ...m, Effective: [{ ...e, Where: null, Note: null }] })).ok, true, 'Where and Note may be null');
  });

  it('reports a file it cannot write as data naming the file', async () => {
    const file = join(dir, 'no-such-dir', 'r.html');
    const w = await call(reportWrite, { spool: spoolOf([]), title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.equal(w.ok, true);
    assert.equal(w.result.ok, false);
    assert.equal(w.result.error.code, 'FileUnwritable');
    assert.equal(w.result.error.file, file);
  });
});
