import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine } from '../../../bridge/report-methods.js';
import { toPowerShellShape } from '../../../bridge/readiness-shape.js';
import { evaluateSnapshot, snapshotFromReg } from '../../../core/index.js';
import {
  CLIENT_SCRIPT, CLIENT_SCRIPT_SHA256, escapeHtml, machineVerdict, renderReportHtml, summarize,
  type ReportFailure, type ReportMachine,
} from '../../../core/report/index.js';

const examples = join(__dirname, '..', '..', '..', 'examples');

function sample(file: string): ReportMachine {
  const r = snapshotFromReg(readFileSync(join(examples, file)), file);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.error)}`);
  // The way production gets there: the result in its PowerShell shape, read back by report.write's reader.
  const m = machine(toPowerShellShape(evaluateSnapshot(r.value)), file);
  if (!m.ok) throw new Error(`${file}: ${JSON.stringify(m.error)}`);
  return m.value;
}

const fleet = ['ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2016-ex01.reg', 'ws2019-fs01.reg', 'ws2022-web02.reg'].map(sample);
const failures: ReportFailure[] = [
  { target: 'down01', kind: 'Unreachable', errorId: 'TLS365.Remoting.Unreachable', message: 'down01: connection refused' },
  { target: 'broken.reg', kind: 'Failed', errorId: 'TLS365.Image.ImageMalformed', message: 'broken.reg:7: bad line' },
];

const evil = '<script>alert(1)</script>"\' onmouseover=x &amp;';
const hostile: ReportMachine = {
  ...fleet[1]!,
  computerName: evil,
  os: { name: `Windows <b>2012</b> "R2"`, build: 9600 },
  findings: fleet[1]!.findings.map((f) => ({ ...f, message: `${f.message} ${evil}`, fix: f.fix === null ? null : { ...f.fix, text: evil, changes: [{ action: 'set-string', key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\<x>', name: evil, value: evil, command: `reg add "${evil}"` }] } })),
  missingUpdates: [evil],
};

describe('fleet report: summary counts', () => {
  it('classifies each machine Ready / NotReady / Unknown from its components', () => {
    const verdicts = fleet.map(machineVerdict);
    assert.deepEqual(verdicts.filter((v) => v === 'Ready').length, fleet.filter((m) => m.ready).length);
    assert.ok(verdicts.includes('NotReady'));
    const unknownOnly: ReportMachine = { ...fleet[0]!, ready: false, components: fleet[0]!.components.map((c) => ({ ...c, status: 'Unknown' })) };
    assert.equal(machineVerdict(unknownOnly), 'Unknown');
  });

  it('counts machines, components and OS, with unreachable and failed machines apart', () => {
    const s = summarize(fleet, failures);
    assert.equal(s.machines.total, 7);
    assert.equal(s.machines.Ready + s.machines.NotReady + s.machines.Unknown, 5);
    assert.equal(s.machines.Unreachable, 1);
    assert.equal(s.machines.Failed, 1);
    for (const c of s.components) {
      assert.equal(c.Ready + c.NotReady + c.Unknown + c.NotApplicable, 5, c.name);
      assert.equal(c.NotCollected, 2, c.name);
      const expected = fleet.filter((m) => m.components.find((x) => x.name === c.name)?.status === 'NotReady').length;
      assert.equal(c.NotReady, expected, c.name);
    }
    assert.equal(s.os.reduce((n, o) => n + o.total, 0), 7);
    const none = s.os.find((o) => o.name === '(not collected)');
    assert.deepEqual([none?.Unreachable, none?.Failed], [1, 1]);
  });

  it('groups findings per rule, Fail first, each machine once', () => {
    const doubled = { ...fleet[0]!, findings: [...fleet[0]!.findings, ...fleet[0]!.findings] };
    const s = summarize([doubled, fleet[1]!], []);
    for (const g of s.findings) assert.equal(new Set(g.machines).size, g.machines.length, g.ruleId);
    const sev = s.findings.map((g) => g.severity);
    assert.deepEqual(sev, [...sev].sort((a, b) => ['Fail', 'Warn', 'Info'].indexOf(a) - ['Fail', 'Warn', 'Info'].indexOf(b)));
  });

  it('counts each missing KB once per machine', () => {
    const m = { ...fleet[0]!, missingUpdates: ['KB3140245', 'KB3140245'] };
    assert.deepEqual(summarize([m, m], []).missingUpdates, [{ kb: 'KB3140245', machines: 2 }]);
  });
});

describe('fleet report: HTML', () => {
  it('allows exactly its own script by hash in the CSP (recomputed here)', () => {
    const digest = createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64');
    assert.equal(CLIENT_SCRIPT_SHA256, digest, 'update CLIENT_SCRIPT_SHA256 in core/report/client-script.ts');
    const html = renderReportHtml({ title: 't', generatedAt: '2026-11-25T00:00:00Z', machines: fleet, failures });
    assert.match(html, new RegExp(`script-src 'sha256-${digest.replace(/[+/=]/g, (c) => `\\${c}`)}'`));
    assert.equal(html.match(/<script>/g)?.length, 1, 'one executable script');
    assert.equal(html.match(/<script/g)?.length, 2, 'and the details data block');
    assert.match(html, /<script type="application\/json" id="details-data">/);
  });

  it('is self-contained: no external URL, src or link element', () => {
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: fleet, failures });
    assert.doesNotMatch(html, /https?:\/\//);
    assert.doesNotMatch(html, /\ssrc=/);
    assert.doesNotMatch(html, /<link\b/);
    assert.doesNotMatch(html, /@import|url\(/);
  });

  it('escapes every value from a machine: names, OS, messages, fixes, registry changes, KBs', () => {
    const html = renderReportHtml({ title: evil, generatedAt: evil, machines: [hostile], failures: [{ target: evil, kind: 'Failed', errorId: evil, message: evil }] });
    // The markup outside both script elements: the data block is raw text to the parser (checked below).
    const body = html.replace(/<script[^>]*>[^]*?<\/script>/g, '');
    assert.doesNotMatch(body, /<script>alert/);
    const island = /<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(island.length > 0);
    assert.ok(!island.includes('<'), 'no < in the data block: nothing can close it');
    const data = JSON.parse(island);
    assert.ok(data.f.some((f: any[]) => String(f[3]).includes(evil)) && Object.values(data.m).some((m: any) => m[0] === evil), 'the values themselves are kept, as data');
    assert.doesNotMatch(body, /<b>2012/);
    assert.doesNotMatch(body, /" onmouseover|' onmouseover/);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=x &amp;amp;'));
  });

  it('escapes the five HTML specials and replaces control characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeHtml('a\u0000b\u001bc\td'), 'a\ufffdb\ufffdc\td');
    assert.equal(escapeHtml(null), '');
  });

  it('has one table row per machine and per failure, and details data (and a link) per machine with a Fail or Warn finding', () => {
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: fleet, failures });
    const table = html.slice(html.indexOf('<table id="machines">'), html.indexOf('</table>', html.indexOf('<table id="machines">')));
    assert.equal(table.match(/<tr data-verdict=/g)?.length, fleet.length);
    assert.equal(html.match(/<tr data-kind=/g)?.length, failures.length);
    const actionable = fleet.map((m, i) => ({ m, i })).filter(({ m }) => m.findings.some((f) => f.severity !== 'Info'));
    assert.ok(actionable.length < fleet.filter((m) => m.findings.length > 0).length, 'a sample machine has Info findings only');
    const data = JSON.parse(/<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    assert.deepEqual(Object.keys(data.m), actionable.map(({ i }) => String(i)));
    for (const { m, i } of actionable) {
      assert.deepEqual(data.m[String(i)][6].map((k: number) => data.f[k][0]), m.findings.filter((f) => f.severity !== 'Info').map((f) => f.ruleId));
      assert.match(html, new RegExp(`<a href="#machine=${i}" data-machine="${i}">`));
    }
  });

  it('stores each distinct finding once however many machines share it', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...fleet[i % fleet.length]!, computerName: `M${i}` }));
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: many, failures: [] });
    const data = JSON.parse(/<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    const distinct = new Set(fleet.flatMap((m) => m.findings.filter((f) => f.severity !== 'Info').map((f) => JSON.stringify([f.ruleId, f.message, f.fix]))));
    assert.equal(data.f.length, distinct.size);
    assert.equal(Object.keys(data.m).length, many.filter((m) => m.findings.some((f) => f.severity !== 'Info')).length);
  });

  it('writes the registry changes of each fix and the summary numbers', () => {
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: fleet, failures });
    const s = summarize(fleet, failures);
    for (const k of ['Total', 'Ready', 'NotReady', 'Unknown', 'Unreachable', 'Failed'] as const) {
      const n = k === 'Total' ? s.machines.total : s.machines[k];
      assert.match(html, new RegExp(`data-count="${k}"><span class="n">${n}</span>`), k);
    }
    const change = fleet.flatMap((m) => m.findings).find((f) => (f.fix?.changes.length ?? 0) > 0)?.fix?.changes[0];
    assert.ok(change, 'a sample machine has a registry fix');
    assert.ok(change.command !== null && change.command.startsWith('reg add "'), 'the object carries the command to paste');
    assert.ok(html.includes(JSON.stringify(change.command).slice(1, -1)), 'the change is in the details data as that command (issue 17, item 2)');
    const older = renderReportHtml({ title: 't', generatedAt: 'now', machines: [{ ...fleet[0]!, findings: fleet[0]!.findings.map((f) => (f.fix === null ? f : { ...f, fix: { ...f.fix, changes: f.fix.changes.map((c) => ({ ...c, command: null })) } })) }], failures: [] });
    assert.ok(older.includes(JSON.stringify(`${change.key}\\${change.name}`).slice(1, -1)), 'objects made before Command existed still show key and name');
  });
});
