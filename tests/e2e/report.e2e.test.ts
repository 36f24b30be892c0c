import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../support/bridge-client.js';
import { dumpDom, requireChromium, screenshot } from '../support/chromium.js';
import { pwsh } from '../support/module-shell.js';
import { countColour, readPng } from '../support/png.js';
import { freePort } from '../support/tls-server.js';

// ConvertTo-Tls365Report end to end: pwsh runs Get-Tls365Readiness over the example machines (plus one whose
// name is hostile markup, one malformed image, and one SSH host that is down), pipes the results into the
// report, and headless Chromium renders it. The DOM after the page's own script ran is checked against the
// objects PowerShell returned (counts, filters, sort order, escaping), and the screenshot is decoded.
const EXAMPLES = join(repoRoot, 'examples');
const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** The day the fleet is judged on against the Microsoft endpoint profiles (Get-Tls365Readiness and the report -AsOf). */
const AS_OF = '2025-06-01';
/** Group Policy cipher-suite or curve lists that keep a machine from some Microsoft endpoint, now or on a later date. */
const POLICY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002]';
const STRICT_81 = 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256';
const ENDPOINT_IMAGES: readonly (readonly [string, string, string])[] = [
  ['ws2012r2-web01.reg', 'WS2012R2-STRICT', `"Functions"="${STRICT_81}"`],
  ['ws2019-fs01.reg', 'WS2019-RSAONLY', '"Functions"="TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256"'],
  // curve25519 only (REG_MULTI_SZ).
  ['ws2019-fs01.reg', 'WS2019-X25519', '"EccCurves"=hex(7):63,00,75,00,72,00,76,00,65,00,32,00,35,00,35,00,31,00,39,00,00,00,00,00'],
  ['ws2022-web02.reg', 'WS2022-DHE', '"Functions"="TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"'],
];

interface ExpectedEndpoint { Fail: string[]; Warn: string[]; Reach: number; Later: Record<string, string[]> }
interface Expected {
  Total: number; Ready: number; NotReady: number; Unknown: number; Unreachable: number; Failed: number; Names: string[]; WinHttpNotReady: string[];
  Checked: number; Endpoints: Record<string, ExpectedEndpoint>;
  /** Per machine with details: how many settings are in effect, and the Component|Setting of those from Group Policy. */
  Effective: Record<string, { Count: number; GroupPolicy: string[] }>;
}

/** The machine rows of the dumped DOM, in document order, with their data-text and hidden state. */
function rows(dom: string): { name: string; verdict: string; hidden: boolean; winhttp: string }[] {
  const body = dom.slice(dom.indexOf('<table id="machines">'), dom.indexOf('</table>', dom.indexOf('<table id="machines">')));
  return [...body.matchAll(/<tr ([^>]*)><td data-sort="([^"]*)"/g)].map((m) => ({
    name: m[2]!,
    verdict: /data-verdict="(\w+)"/.exec(m[1]!)?.[1] ?? '',
    hidden: /\shidden(="")?/.test(` ${m[1]}`),
    winhttp: /data-c-winhttp="(\w+)"/i.exec(m[1]!)?.[1] ?? '',
  }));
}
const card = (dom: string, kind: string): number => Number(new RegExp(`data-count="${kind}"><span class="n">(\\d+)</span>`).exec(dom)?.[1] ?? NaN);
const shown = (dom: string): string => /<span id="shown">([^<]*)<\/span>/.exec(dom)?.[1] ?? '';

describe('ConvertTo-Tls365Report rendered in headless Chromium (pwsh -> module -> bridge -> core -> HTML)', function () {
  this.timeout(120_000);
  let scratch = '';
  let report = '';
  let expected: Expected;

  before(async () => {
    requireChromium();
    scratch = mkdtempSync(join(tmpdir(), 'tls365-report-'));
    const images = join(scratch, 'images');
    mkdirSync(images);
    for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.reg'))) copyFileSync(join(EXAMPLES, f), join(images, f));
    // A machine whose registry names it with markup: the report must show it as text.
    const text = readFileSync(join(EXAMPLES, 'ws2012r2-web01.reg')).toString('utf16le').replace(/^\uFEFF/, '');
    writeFileSync(join(images, 'hostile.reg'), `\uFEFF${text.replace(/"ComputerName"="[^"]*"/, `"ComputerName"="${HOSTILE}"`)}`, 'utf16le');
    // Machines that cannot reach a Microsoft endpoint on AS_OF, or will not after an announced change.
    for (const [from, name, value] of ENDPOINT_IMAGES) {
      const base = readFileSync(join(EXAMPLES, from)).toString('utf16le').replace(/^\uFEFF/, '').replace(/"ComputerName"="[^"]*"/, `"ComputerName"="${name}"`);
      writeFileSync(join(images, `${name.toLowerCase()}.reg`), `\uFEFF${base}\r\n${POLICY}\r\n${value}\r\n`, 'utf16le');
    }
    report = join(scratch, 'fleet.html');
    const out = join(scratch, 'expected.json');
    // pwsh runs a script file with the data as arguments (no shell, no command text built from data). Not
    // node-powershell: the ssh client of the down host writes to stderr, which it would count as an error.
    execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', join(__dirname, 'fixtures', 'New-ReportFixture.ps1'),
      '-Manifest', join(repoRoot, 'TLS365.psd1'), '-Images', images, '-DownPort', String(await freePort()), '-Report', report, '-Expected', out, '-AsOf', AS_OF],
    { env: { ...process.env, TERM: 'dumb', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
    expected = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as Expected;
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('had a mixed fleet to report: ready, not ready, unreachable and failed machines', () => {
    assert.ok(expected.Ready > 0 && expected.NotReady > 0, JSON.stringify(expected));
    assert.equal(expected.Unreachable, 1);
    assert.equal(expected.Failed, 1, 'the malformed example image');
    assert.ok(expected.Names.includes(HOSTILE));
  });

  it('shows the same counts as the objects PowerShell returned, after its script ran under the CSP', () => {
    const dom = dumpDom(report);
    assert.match(dom, /<html lang="en" class="js">/, 'the report script ran (the CSP allowed it)');
    for (const k of ['Total', 'Ready', 'NotReady', 'Unknown', 'Unreachable', 'Failed'] as const) assert.equal(card(dom, k), expected[k], k);
    const all = rows(dom);
    assert.equal(all.length, expected.Names.length);
    assert.ok(all.every((r) => !r.hidden));
    assert.equal(shown(dom), `Showing ${all.length} of ${all.length} machines`);
    assert.equal([...dom.matchAll(/<tr data-kind="Unreachable">/g)].length, 1);
  });

  it('filters by verdict and by component status from the address fragment', () => {
    const dom = dumpDom(report, '#status=NotReady');
    const visible = rows(dom).filter((r) => !r.hidden);
    assert.equal(visible.length, expected.NotReady);
    assert.ok(visible.every((r) => r.verdict === 'NotReady'));
    assert.equal(shown(dom), `Showing ${expected.NotReady} of ${expected.Names.length} machines`);
    const byComponent = rows(dumpDom(report, '#comp=WinHttp:NotReady')).filter((r) => !r.hidden);
    assert.equal(byComponent.length, expected.WinHttpNotReady.length);
    assert.ok(byComponent.every((r) => r.winhttp === 'NotReady'));
  });

  it('sorts by computer name, both ways', () => {
    const names = expected.Names.map((n) => n.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    assert.deepEqual(rows(dumpDom(report, '#sort=name')).map((r) => r.name), names.map(esc));
    assert.deepEqual(rows(dumpDom(report, '#sort=name&dir=desc')).map((r) => r.name), [...names].reverse().map(esc));
  });

  it('shows a hostile machine name as text, in the table and in its details: no element or script from the data', () => {
    const row = expected.Names.indexOf(HOSTILE);
    const dom = dumpDom(report, `#machine=${row}`);
    assert.doesNotMatch(dom, /<img\b/);
    assert.equal(dom.match(/<script>/g)?.length, 1, 'only the report script runs');
    const escaped = '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;';
    assert.ok(dom.includes(`data-machine="${row}">${escaped}</a>`), 'the table cell');
    const detail = /<section class="machine" id="detail">([^]*?)<\/section>/.exec(dom)?.[1] ?? '';
    assert.ok(detail.startsWith(`<h3>${escaped} \u2014 <span class="s-NotReady">Not ready</span></h3>`), detail.slice(0, 300));
  });

  it('shows one machine\'s findings and exact registry changes from #machine=<row>, and none without it', () => {
    const row = expected.Names.indexOf('WS2008R2-APP01');
    assert.ok(row >= 0);
    const dom = dumpDom(report, `#status=NotReady&machine=${row}`);
    const detail = /<section class="machine" id="detail">([^]*?)<\/section>/.exec(dom)?.[1] ?? '';
    assert.match(detail, /^<h3>WS2008R2-APP01 \u2014 /);
    assert.match(detail, /<div class="finding" data-rule="TLS365-WINHTTP-003"><span class="sev-Fail">Fail<\/span>/);
    assert.match(detail, /<div class="reg">reg add "HKEY_LOCAL_MACHINE\\[^"]*" \/v "[^"]+" \/t REG_DWORD \/d 0x[0-9a-f]{8} \/f \/reg:64/, "the fixes as commands to paste");
    assert.match(detail, /Missing updates: [^<]*KB3140245/);
    assert.equal(rows(dom).filter((r) => !r.hidden).length, expected.NotReady, 'the filter still applies beside it');
    assert.match(dumpDom(report), /<section class="machine" id="detail" hidden=""><\/section>/);
  });

  it('renders a screenshot with the summary in its colours', () => {
    const png = join(scratch, 'fleet.png');
    screenshot(report, png, 1280, 900);
    const img = readPng(readFileSync(png));
    assert.deepEqual([img.width, img.height], [1280, 900]);
    // The not-ready count is drawn in --bad (#c4291c), the ready count in --ok (#1a7f37); a blank or unstyled page has neither.
    assert.ok(countColour(img, [0xc4, 0x29, 0x1c]) > 30, 'red of the not-ready count');
    assert.ok(countColour(img, [0x1a, 0x7f, 0x37]) > 30, 'green of the ready count');
    assert.ok(countColour(img, [255, 255, 255], 0) > img.width * img.height * 0.3, 'mostly white page');
  });

  it('draws the charts (issue 17, item 5): stacked bars per component, the OS grid and the ranked findings, with the same numbers as the objects', () => {
    const dom = dumpDom(report);
    const shapes = (cls: string): Record<string, string>[] => [...dom.matchAll(new RegExp(`<rect class="${cls}" ([^>]*)>`, 'g'))]
      .map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
    const segs = shapes('seg');
    const components = [...new Set(segs.map((a) => a['data-component']))];
    assert.equal(components.length, 9, 'one bar per component');
    for (const c of components) {
      assert.equal(segs.filter((a) => a['data-component'] === c).reduce((n, a) => n + Number(a['data-count']), 0), expected.Total, `${c}: every machine once`);
    }
    const winhttp = segs.find((a) => a['data-component'] === 'WinHttp' && a['data-status'] === 'NotReady');
    assert.equal(Number(winhttp?.['data-count'] ?? 0), expected.WinHttpNotReady.length);
    const cells = shapes('cell');
    assert.equal(cells.reduce((n, a) => n + Number(a['data-count']), 0), expected.Total, 'the OS grid counts every machine once');
    for (const k of ['Ready', 'NotReady', 'Unknown', 'Unreachable', 'Failed'] as const) {
      assert.equal(cells.filter((a) => a['data-status'] === k).reduce((n, a) => n + Number(a['data-count']), 0), expected[k], k);
    }
    const bars = shapes('bar');
    assert.ok(bars.length > 0 && bars.every((b) => b['data-severity'] === 'Fail' || b['data-severity'] === 'Warn'));
    assert.ok(bars.some((b) => b['data-rule'] === 'TLS365-WINHTTP-003'));
    assert.match(dom, /<svg class="chart" id="chart-components" role="img"/);
  });

  it('shows the charts in their colours in a screenshot (Okabe-Ito: ready blue, not ready vermillion, no result purple, Warn orange)', () => {
    const png = join(scratch, 'charts.png');
    screenshot(report, png, 1280, 2400);
    const img = readPng(readFileSync(png));
    // Kept for the issue note and for a human look: TLS365_REPORT_SCREENSHOT=<file> copies it there.
    const keep = process.env['TLS365_REPORT_SCREENSHOT'];
    if (keep !== undefined && keep !== '') copyFileSync(png, keep);
    const area = (rgb: readonly [number, number, number]): number => countColour(img, rgb, 6);
    assert.ok(area([0x00, 0x72, 0xb2]) > 2000, `ready blue: ${area([0x00, 0x72, 0xb2])} px`);
    assert.ok(area([0xd5, 0x5e, 0x00]) > 500, `not ready / Fail vermillion: ${area([0xd5, 0x5e, 0x00])} px`);
    assert.ok(area([0xcc, 0x79, 0xa7]) > 300, `no result purple: ${area([0xcc, 0x79, 0xa7])} px`);
    assert.ok(area([0xe6, 0x9f, 0x00]) > 100, `Warn orange: ${area([0xe6, 0x9f, 0x00])} px`);
  });

  it('groups the machines by identical TLS settings, side by side (issue 16, item 3), counting every machine with a result once', () => {
    const dom = dumpDom(report);
    const groups = Number(/<p data-groups="(\d+)">/.exec(dom)?.[1] ?? NaN);
    assert.ok(groups >= 2, `the sample fleet has more than one configuration: ${groups}`);
    const counts = [...dom.matchAll(/<th data-group="[A-Z]+" data-count="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(counts.length, Math.min(groups, 6));
    // Every group with its size is in the summary line (at most 6 are columns).
    const sizes = [...(/<p data-groups="\d+">([^<]*)<\/p>/.exec(dom)?.[1] ?? '').matchAll(/(\d+) in group [A-Z]+/g)].map((m) => Number(m[1]));
    assert.equal(sizes.length, groups);
    assert.deepEqual(counts, sizes.slice(0, 6), 'the columns are the largest groups');
    assert.equal(sizes.reduce((a, b) => a + b, 0), expected.Total - expected.Unreachable - expected.Failed, 'every machine with a result is in one group');
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'largest group first');
    assert.match(dom, /<tr data-setting="Schannel client protocols in effect">/);
    assert.match(dom, /<td class="diff">/);
  });

  it('shows per Microsoft endpoint how many machines cannot reach it now, how many break on each later date and which (issue 16)', () => {
    const dom = dumpDom(report);
    const ids = Object.keys(expected.Endpoints);
    assert.ok(ids.length >= 2, `the fleet breaks at more than one endpoint: ${ids.join(', ')}`);
    const all = Object.values(expected.Endpoints);
    assert.ok(all.some((e) => e.Fail.length > 0) && all.some((e) => e.Warn.length > 0) && all.some((e) => Object.keys(e.Later).length > 0), JSON.stringify(expected.Endpoints));
    assert.match(dom, /<h2 id="endpoints">Microsoft endpoints<\/h2>/);
    assert.ok(dom.includes(`<p data-asof="${AS_OF}">Day judged: <b>${AS_OF}</b>.</p>`), 'the day judged');
    const section = dom.slice(dom.indexOf('<h2 id="endpoints">'), dom.indexOf('<h2', dom.indexOf('<h2 id="endpoints">') + 1));
    const rowOf = (id: string): string => new RegExp(`<tr data-endpoint="${id}">(.*?)</tr>`).exec(section)?.[1] ?? '';
    const count = (row: string, kind: string): number => Number(new RegExp(`data-count="${kind}">(\\d+)</td>`).exec(row)?.[1] ?? NaN);
    const dayMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);
    for (const id of ['Microsoft365', 'AzureFrontDoor', 'EntraID']) {
      const e = expected.Endpoints[id] ?? { Fail: [], Warn: [], Reach: expected.Checked, Later: {} };
      const row = rowOf(id);
      assert.notEqual(row, '', `a row for ${id}`);
      assert.deepEqual([count(row, 'reach'), count(row, 'fail'), count(row, 'warn')], [e.Reach, e.Fail.length, e.Warn.length], id);
      const dates = [...row.matchAll(/data-breaks-on="([\d-]+)" data-count="(\d+)">([^<]*)</g)].map((m) => [m[1], Number(m[2]), m[3]]);
      assert.deepEqual(dates, Object.keys(e.Later).sort().map((d) => {
        const left = Math.round((dayMs(d) - dayMs(AS_OF)) / 86_400_000);
        return [d, (e.Later[d] ?? []).length, `${d} (in ${left} days): ${(e.Later[d] ?? []).length}`];
      }), `${id}: machines per later date, with the days left from ${AS_OF}`);
      // Which machines: a name with details links to its row of the machine table.
      const list = new RegExp(`<li data-endpoint="${id}">(.*?)</li>`).exec(section)?.[1] ?? '';
      for (const name of [...e.Fail, ...e.Warn, ...Object.values(e.Later).flat()]) {
        const row = expected.Names.indexOf(name);
        assert.ok(list.includes(`data-machine="${row}">${name}</a>`) || list.includes(name), `${id}: ${name}`);
      }
      for (const name of e.Fail) assert.ok(list.includes(`<a href="#machine=${expected.Names.indexOf(name)}" data-machine="${expected.Names.indexOf(name)}">${name}</a>`), `${id}: ${name} links to its details`);
    }
  });

  it('shows in a machine\'s details what is in effect and where it comes from, Group Policy values marked (issue 16, item 2)', () => {
    const withPolicy = Object.entries(expected.Effective).filter(([, e]) => e.GroupPolicy.length > 0);
    assert.ok(withPolicy.length > 0, `a machine with a Group Policy value: ${JSON.stringify(expected.Effective)}`);
    const table = (name: string): { detail: string; rows: string[] } => {
      const dom = dumpDom(report, `#machine=${expected.Names.indexOf(name)}`);
      const detail = /<section class="machine" id="detail">([^]*?)<\/section>/.exec(dom)?.[1] ?? '';
      const body = /<table class="effective">([^]*?)<\/table>/.exec(detail)?.[1] ?? '';
      assert.ok(body.startsWith('<thead><tr><th>Component</th><th>Setting</th><th>Value</th><th>Origin</th><th>Where / Note</th></tr></thead><tbody>'), `${name}: ${detail.slice(0, 300)}`);
      return { detail, rows: [...body.matchAll(/<tr[ >][^]*?<\/tr>/g)].map((m) => m[0]).slice(1) };
    };
    for (const [name, e] of withPolicy) {
      const { detail, rows } = table(name);
      assert.ok(detail.lastIndexOf('<div class="finding"') >= 0 && detail.lastIndexOf('<div class="finding"') < detail.indexOf('<h4>In effect</h4>'), `${name}: the table follows the findings`);
      assert.equal(rows.length, e.Count, `${name}: every setting in effect`);
      const policy = rows.filter((r) => r.startsWith('<tr class="gpo" data-origin="GroupPolicy">'));
      assert.equal(policy.length, e.GroupPolicy.length, name);
      for (const r of policy) assert.match(r, /<td>Group Policy<div class="gpo-mark">Group Policy: a GPO rewrites local changes<\/div><\/td><td><code>HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\/, name);
      assert.deepEqual(policy.map((r) => /<td>[^<]*<\/td><td>([^<]*)<\/td>/.exec(r)?.[1]), e.GroupPolicy.map((x) => x.split('|')[1]), `${name}: the settings Group Policy decides`);
      assert.match(detail, new RegExp(`<h4>In effect</h4><div class="muted">${e.GroupPolicy.length} setting\\(s\\) come from Group Policy`));
    }
    const rsa = table('WS2019-RSAONLY').rows.find((r) => r.includes('<td>Cipher suites</td>')) ?? '';
    assert.match(rsa, /^<tr class="gpo" data-origin="GroupPolicy"><td>SChannel client<\/td><td>Cipher suites<\/td><td>TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_128_GCM_SHA256<\/td>/);
    // A machine with no policy: the table, no marker.
    const local = table('WS2008R2-APP01');
    assert.equal(local.rows.length, expected.Effective['WS2008R2-APP01']?.Count);
    assert.ok(local.rows.every((r) => !r.includes('gpo')) && local.rows.some((r) => r.includes('data-origin="OsDefault"')));
  });
});
