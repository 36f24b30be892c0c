import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../bridge/dispatch.js';
import { readinessEvaluate } from '../../bridge/readiness-methods.js';
import { MAX_OPEN_REPORTS, reportAdd, reportWrite } from '../../bridge/report-methods.js';

// report.add / report.write with the readiness objects exactly as readiness.evaluate shapes them for PowerShell
// (and as PowerShell's ConvertTo-Json sends them back), including PowerShell's one-element-array unwrapping.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const silent = (): void => undefined;
const call = async (h: typeof reportAdd, params: unknown, session: Session): Promise<any> => h(params, session, silent);

async function psShaped(files: string[]): Promise<any[]> {
  const r: any = await readinessEvaluate({ items: files.map((f) => ({ path: join(EXAMPLES, f) })) }, { handshaken: true }, silent);
  assert.ok(r.ok);
  return r.result.results.map((x: any) => { assert.ok(x.ok, JSON.stringify(x)); return x.readiness; });
}

describe('bridge report.* methods', () => {
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'tls365-report-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accumulates batches and writes one HTML file with the summed counts', async () => {
    const session: Session = { handshaken: true };
    const machines = await psShaped(['ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2019-fs01.reg']);
    const a = await call(reportAdd, { report: 'r1', machines: machines.slice(0, 2) }, session);
    assert.deepEqual(a.result, { machines: 2, failures: 0 });
    const b = await call(reportAdd, { report: 'r1', machines: machines.slice(2), failures: [{ Target: 'down01', ErrorId: 'TLS365.Remoting.Unreachable', Message: 'refused' }] }, session);
    assert.deepEqual(b.result, { machines: 3, failures: 1 });
    const file = join(dir, 'fleet.html');
    const w = await call(reportWrite, { report: 'r1', title: 'Fleet', generatedAt: '2026-11-25T10:00:00Z', path: file }, session);
    assert.equal(w.result.ok, true);
    const html = readFileSync(file, 'utf8');
    assert.equal(w.result.bytes, Buffer.byteLength(html));
    assert.equal(w.result.summary.Machines, 4);
    assert.equal(w.result.summary.Unreachable, 1);
    assert.equal(w.result.summary.Ready + w.result.summary.NotReady + w.result.summary.Unknown, 3);
    assert.equal(html.match(/<tr data-verdict=/g)?.length, 3);
    assert.equal(session.reports?.size, 0, 'the written report is dropped from the session');
  });

  it('takes what PowerShell writes: a one-element array as a scalar, null lists as empty, 5.1\'s {value, Count} arrays', async () => {
    const session: Session = { handshaken: true };
    const [m] = await psShaped(['ws2008r2-app01.reg']);
    const unwrapped = {
      ...m,
      MissingUpdates: m.MissingUpdates[0] ?? null,
      Components: { value: m.Components, Count: m.Components.length },
      Findings: m.Findings.map((f: any) => ({ ...f, Component: f.Component[0], Sources: null })),
    };
    const r = await call(reportAdd, { report: 'r2', machines: unwrapped }, session);
    assert.ok(r.ok, JSON.stringify(r));
    const w = await call(reportWrite, { report: 'r2', title: 't', generatedAt: 'now' }, session);
    assert.match(w.result.html, /<!DOCTYPE html>/);
    assert.equal(w.result.html.match(/<tr data-verdict=/g)?.length, 1);
    assert.equal(w.result.summary.Unknown, 0, 'the wrapped components were read, not lost');
  });

  it('refuses a malformed machine with the field path, and a bad report id', async () => {
    const session: Session = { handshaken: true };
    const [m] = await psShaped(['ws2019-fs01.reg']);
    const bad = await call(reportAdd, { report: 'r3', machines: [m, { ...m, Ready: 'yes' }] }, session);
    assert.equal(bad.ok, false);
    assert.equal(bad.error.data.path, 'params.machines[1].Ready');
    const badChange = await call(reportAdd, { report: 'r3', machines: [{ ...m, Findings: [{ RuleId: 'X', Severity: 'Fail', Component: [], Fix: { Changes: [{ Action: 'set-dword', Key: 5 }] } }] }] }, session);
    assert.equal(badChange.error.data.path, 'params.machines[0].Findings[0].Fix.Changes[0].Key');
    for (const report of ['', '../x', 'a b', 'x'.repeat(65), 7]) {
      const r = await call(reportAdd, { report, machines: [] }, session);
      assert.equal(r.error.data.path, 'params.report', String(report));
    }
    assert.equal(session.reports?.get('r3'), undefined, 'nothing of a refused batch is kept');
  });

  it('keeps at most MAX_OPEN_REPORTS unfinished reports, dropping the oldest', async () => {
    const session: Session = { handshaken: true };
    for (let i = 0; i <= MAX_OPEN_REPORTS; i += 1) await call(reportAdd, { report: `open${i}`, failures: [{ Target: `h${i}`, ErrorId: 'x', Message: '' }] }, session);
    assert.equal(session.reports?.size, MAX_OPEN_REPORTS);
    assert.equal(session.reports?.has('open0'), false);
    assert.equal(session.reports?.has(`open${MAX_OPEN_REPORTS}`), true);
  });

  it('refuses to write a report that does not hold what the module sent (bridge restarted between calls)', async () => {
    const session: Session = { handshaken: true };
    const machines = await psShaped(['ws2019-fs01.reg']);
    await call(reportAdd, { report: 'r6', machines }, session);
    const file = join(dir, 'partial.html');
    const fresh: Session = { handshaken: true };
    const lost = await call(reportWrite, { report: 'r6', title: 't', generatedAt: 'now', path: file, expect: { machines: 1, failures: 0 } }, fresh);
    assert.equal(lost.result.ok, false);
    assert.equal(lost.result.error.code, 'Incomplete');
    assert.equal(existsSync(file), false, 'nothing written');
    const whole = await call(reportWrite, { report: 'r6', title: 't', generatedAt: 'now', path: file, expect: { machines: 1, failures: 0 } }, session);
    assert.equal(whole.result.ok, true);
    const bad = await call(reportWrite, { report: 'r7', title: 't', generatedAt: 'now', expect: { machines: 'x' } }, session);
    assert.equal(bad.error.data.path, 'params.expect');
  });

  it('reports a file it cannot write as data naming the file', async () => {
    const session: Session = { handshaken: true };
    const file = join(dir, 'no-such-dir', 'r.html');
    const w = await call(reportWrite, { report: 'r5', title: 't', generatedAt: 'now', path: file }, session);
    assert.equal(w.ok, true);
    assert.equal(w.result.ok, false);
    assert.equal(w.result.error.code, 'FileUnwritable');
    assert.equal(w.result.error.file, file);
  });
});
