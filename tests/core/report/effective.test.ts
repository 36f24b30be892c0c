import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { machine } from '../../../bridge/report-methods.js';
import { toPowerShellShape } from '../../../bridge/readiness-shape.js';
import { evaluateFacts, machineFacts, snapshotFromReg } from '../../../core/index.js';
import { effectiveSettings } from '../../../core/readiness/origins.js';
import { tlsSettings } from '../../../core/readiness/settings.js';
import { CLIENT_SCRIPT, renderReportHtml, type ReportMachine } from '../../../core/report/index.js';

// Issue 16 item 2 in the report: each machine's details show what is in effect per component and where it comes
// from (OS or patch-level default, local, Group Policy), from the objects' Effective, stored once per distinct entry.
const examples = join(__dirname, '..', '..', '..', 'examples');
const POLICY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002]';

/** An example image as the module's object (with Effective) read back by report.write's reader; `extra` is appended .reg text. */
function sample(file: string, name: string | null = null, extra = ''): ReportMachine {
  let text = readFileSync(join(examples, file)).toString('utf16le').replace(/^\uFEFF/, '');
  if (name !== null) text = text.replace(/"ComputerName"="[^"]*"/, `"ComputerName"="${name}"`);
  const r = snapshotFromReg(Buffer.from(`\uFEFF${text}${extra}`, 'utf16le'), file);
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.error)}`);
  const facts = machineFacts(r.value);
  const m = machine(toPowerShellShape(evaluateFacts(facts), [], tlsSettings(facts), effectiveSettings(facts)), file);
  if (!m.ok) throw new Error(`${file}: ${JSON.stringify(m.error)}`);
  return m.value;
}

const fleet = ['ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2016-ex01.reg', 'ws2019-fs01.reg', 'ws2022-web02.reg'].map((f) => sample(f));
const gpo = sample('ws2019-fs01.reg', 'WS2019-GPO', `\r\n${POLICY}\r\n"Functions"="TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256"\r\n`);

interface Data { f: unknown[]; e: (string | null)[][]; l: number[][]; m: Record<string, unknown[]> }
const dataOf = (html: string): Data => JSON.parse(/<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '{}') as Data;

/**
 * A DOM just large enough for the report's script, in which markup cannot be made from a string: innerHTML,
 * outerHTML, insertAdjacentHTML and document.write throw. Elements serialise with their text escaped.
 */
class FakeNode {
  children: FakeNode[] = [];
  attrs: Record<string, string> = {};
  className = '';
  hidden = false;
  text = '';
  value = '';
  constructor(readonly tag: string) {}
  get textContent(): string { return this.tag === '#text' ? this.text : this.text + this.children.map((c) => c.textContent).join(''); }
  set textContent(v: string) { this.children = []; this.text = String(v); }
  set innerHTML(_: string) { throw new Error('innerHTML used'); }
  set outerHTML(_: string) { throw new Error('outerHTML used'); }
  insertAdjacentHTML(): void { throw new Error('insertAdjacentHTML used'); }
  appendChild(c: FakeNode): FakeNode { this.children.push(c); return c; }
  setAttribute(k: string, v: string): void { this.attrs[k] = String(v); }
  getAttribute(k: string): string | null { return this.attrs[k] ?? null; }
  addEventListener(): void { /* the test only renders */ }
  scrollIntoView(): void { /* nothing to scroll */ }
  querySelector(): null { return null; }
  html(): string {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    if (this.tag === '#text') return esc(this.text);
    const attrs = [...(this.className === '' ? [] : [` class="${this.className}"`]), ...Object.entries(this.attrs).map(([k, v]) => ` ${k}="${esc(v)}"`)].join('');
    return `<${this.tag}${attrs}>${esc(this.text)}${this.children.map((c) => c.html()).join('')}</${this.tag}>`;
  }
}

/** Runs the report's script on a page's details data for `#machine=<row>`; the details section and every tag made. */
function renderDetails(html: string, row: number): { detail: FakeNode; tags: Set<string> } {
  const tags = new Set<string>();
  const el = (tag: string): FakeNode => new FakeNode(tag);
  const table = Object.assign(el('table'), { tBodies: [Object.assign(el('tbody'), { rows: [] })], tHead: { rows: [{ cells: [] }] } });
  const form = Object.assign(el('form'), { q: el('input'), status: el('select'), comp: el('select'), os: el('select') });
  const block = el('script');
  block.textContent = /<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '';
  const detail = el('section');
  const byId: Record<string, FakeNode> = { machines: table, filters: form, shown: el('span'), detail, 'details-data': block, clear: el('button') };
  const document = {
    getElementById: (id: string): FakeNode | null => byId[id] ?? null,
    createElement: (tag: string): FakeNode => { tags.add(tag); return el(tag); },
    createTextNode: (text: string): FakeNode => Object.assign(el('#text'), { text }),
    addEventListener: (): void => undefined,
    documentElement: { classList: { add: (): void => undefined } },
    write: (): never => { throw new Error('document.write used'); },
  };
  runInNewContext(CLIENT_SCRIPT, {
    document, URLSearchParams, location: { hash: `#machine=${row}`, pathname: '/r.html', search: '' },
    history: { replaceState: (): void => undefined }, window: { addEventListener: (): void => undefined },
  });
  return { detail, tags };
}

describe('fleet report: what is in effect per machine and where it comes from (issue 16, item 2)', () => {
  it('reads Effective from the objects: every example machine has settings in effect, of several origins', () => {
    for (const m of fleet) assert.ok(m.effective.length > 5, m.computerName);
    const origins = new Set([...fleet, gpo].flatMap((m) => m.effective.map((e) => e.origin)));
    assert.ok(origins.has('OsDefault') && origins.has('Local') && origins.has('GroupPolicy'), [...origins].join(', '));
    assert.ok(gpo.effective.some((e) => e.origin === 'GroupPolicy' && e.setting === 'Cipher suites' && e.where?.includes('\\Policies\\') === true));
  });

  it('stores each distinct setting and each distinct list once however many machines share them', () => {
    const kinds = [...fleet, gpo];
    const many = Array.from({ length: 600 }, (_, i) => ({ ...kinds[i % kinds.length]!, computerName: `M${i}` }));
    const data = dataOf(renderReportHtml({ title: 't', generatedAt: 'now', machines: many, failures: [] }));
    const actionable = kinds.filter((m) => m.findings.some((f) => f.severity === 'Fail' || f.severity === 'Warn'));
    const distinct = new Set(actionable.flatMap((m) => m.effective.map((e) => JSON.stringify([e.setting, e.value, e.origin, e.where, e.note, e.component]))));
    assert.equal(data.e.length, distinct.size, 'each distinct setting once');
    assert.equal(data.l.length, new Set(actionable.map((m) => JSON.stringify(m.effective))).size, 'each distinct list once');
    assert.equal(Object.keys(data.m).length, many.filter((m) => actionable.includes(kinds[Number(m.computerName.slice(1)) % kinds.length]!)).length);
    // Each machine's list resolves to its own settings, in order.
    for (const [row, entry] of Object.entries(data.m)) {
      const own = many[Number(row)]!.effective;
      const list = data.l[entry[7] as number] ?? [];
      assert.deepEqual(list.map((i) => data.e[i]?.slice(1)), own.map((e) => [e.setting, e.value, e.origin, e.where, e.note]), row);
    }
  });

  it('shows an "In effect" table after the findings, Group Policy rows marked, built with textContent only', () => {
    const machines = [...fleet, gpo];
    const row = machines.indexOf(gpo);
    const { detail, tags } = renderDetails(renderReportHtml({ title: 't', generatedAt: 'now', machines, failures: [] }), row);
    assert.ok([...tags].every((t) => ['h3', 'h4', 'span', 'div', 'code', 'b', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t)), [...tags].join(', '));
    const kids = detail.children.map((c) => c.tag);
    assert.ok(kids.lastIndexOf('div') < kids.indexOf('table') && kids.indexOf('h4') > 0, kids.join(' '));
    assert.ok(detail.children.findIndex((c) => c.className === 'finding') < kids.indexOf('h4'), 'after the findings');
    assert.equal(detail.children[kids.indexOf('h4')]?.textContent, 'In effect');
    const table = detail.children[kids.indexOf('table')]!;
    assert.equal(table.className, 'effective');
    assert.deepEqual(table.children[0]?.children[0]?.children.map((th) => th.textContent), ['Component', 'Setting', 'Value', 'Origin', 'Where / Note']);
    const rows = table.children[1]?.children ?? [];
    assert.equal(rows.length, gpo.effective.length);
    const policy = rows.filter((r) => r.getAttribute('data-origin') === 'GroupPolicy');
    assert.equal(policy.length, gpo.effective.filter((e) => e.origin === 'GroupPolicy').length);
    assert.ok(policy.length > 0);
    for (const r of policy) {
      assert.equal(r.className, 'gpo');
      assert.match(r.children[3]?.html() ?? '', /^<td>Group Policy<div class="gpo-mark">Group Policy: a GPO rewrites local changes<\/div><\/td>$/);
    }
    const suites = policy.find((r) => r.children[1]?.textContent === 'Cipher suites');
    assert.equal(suites?.children[0]?.textContent, 'SChannel client');
    assert.equal(suites?.children[2]?.textContent, 'TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_RSA_WITH_AES_128_GCM_SHA256');
    assert.match(suites?.children[4]?.children[0]?.textContent ?? '', /\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002 Functions$/);
    assert.match(detail.children[kids.indexOf('h4') + 1]?.textContent ?? '', /^\d+ setting\(s\) come from Group Policy/);
    assert.ok(rows.every((r) => r.getAttribute('data-origin') === 'GroupPolicy' || r.className === ''), 'only Group Policy rows are marked');
  });

  it('puts hostile values in the page as text: the script makes no element from data', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const base = fleet[0]!;
    const hostile: ReportMachine = { ...base, effective: [{ component: evil, setting: evil, value: evil, origin: 'GroupPolicy', where: evil, note: evil }, { component: 'WinInet', setting: 's', value: 'v', origin: evil, where: null, note: null }] };
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: [hostile], failures: [] });
    const island = /<script type="application\/json" id="details-data">([^]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(!island.includes('<'), 'no < in the data block');
    const { detail, tags } = renderDetails(html, 0);
    assert.ok(!tags.has('img') && !tags.has('script'));
    const rows = detail.children.find((c) => c.tag === 'table')?.children[1]?.children ?? [];
    assert.deepEqual(rows[0]?.children.slice(0, 3).map((c) => c.textContent), [evil, evil, evil]);
    assert.equal(rows[0]?.children[4]?.children.map((c) => c.textContent).join('|'), `${evil}|${evil}`);
    assert.equal(rows[1]?.children[3]?.textContent, evil, 'an unknown origin is shown as it is');
    assert.equal(rows[1]?.getAttribute('data-origin'), evil);
    assert.doesNotMatch(detail.html(), /<img|<script/);
    assert.doesNotMatch(CLIENT_SCRIPT, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\son[a-z]+=/);
  });

  it('renders objects made before Effective existed as before: no list, no "In effect" table', () => {
    const r = snapshotFromReg(readFileSync(join(examples, 'ws2008r2-app01.reg')), 'old');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const facts = machineFacts(r.value);
    const current = toPowerShellShape(evaluateFacts(facts), [], tlsSettings(facts), effectiveSettings(facts)) as Record<string, unknown>;
    const shaped = (effective: unknown): unknown => (effective === undefined ? Object.fromEntries(Object.entries(current).filter(([k]) => k !== 'Effective')) : { ...current, Effective: effective });
    for (const value of [undefined, null]) {
      const read = machine(shaped(value), 'old');
      assert.ok(read.ok, JSON.stringify(read));
      assert.deepEqual(read.value.effective, []);
      const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: [read.value], failures: [] });
      const data = dataOf(html);
      assert.deepEqual([data.e, data.l, data.m['0']?.[7]], [[], [], null]);
      const { detail, tags } = renderDetails(html, 0);
      assert.ok(!tags.has('table') && !tags.has('h4'), [...tags].join(', '));
      assert.ok(detail.children.some((c) => c.className === 'finding'), 'the findings are shown as before');
      // The same machine with Effective shows the same details, and the table after them.
      const withIt = renderDetails(renderReportHtml({ title: 't', generatedAt: 'now', machines: [{ ...read.value, effective: fleet[0]!.effective }], failures: [] }), 0).detail;
      assert.equal(withIt.children.slice(0, detail.children.length).map((c) => c.html()).join(''), detail.children.map((c) => c.html()).join(''));
      assert.equal(withIt.children.length, detail.children.length + 3, 'a heading, a line and the table');
    }
  });
});
