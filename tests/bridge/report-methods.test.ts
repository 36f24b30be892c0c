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

  it('reports a file it cannot write as data naming the file', async () => {
    const file = join(dir, 'no-such-dir', 'r.html');
    const w = await call(reportWrite, { spool: spoolOf([]), title: 't', generatedAt: 'now', path: file }, { handshaken: true });
    assert.equal(w.ok, true);
    assert.equal(w.result.ok, false);
    assert.equal(w.result.error.code, 'FileUnwritable');
    assert.equal(w.result.error.file, file);
  });
});
