import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine } from '../../../bridge/report-methods.js';
import { toPowerShellShape } from '../../../bridge/readiness-shape.js';
import { evaluateSnapshot, snapshotFromReg } from '../../../core/index.js';
import { CHART_COLOURS, componentChart, findingChart, osChart } from '../../../core/report/charts.js';
import { renderReportHtml, summarize, type ReportFailure, type ReportMachine } from '../../../core/report/index.js';

const examples = join(__dirname, '..', '..', '..', 'examples');
function sample(file: string): ReportMachine {
  const r = snapshotFromReg(readFileSync(join(examples, file)), file);
  if (!r.ok) throw new Error(file);
  const m = machine(toPowerShellShape(evaluateSnapshot(r.value)), file);
  if (!m.ok) throw new Error(file);
  return m.value;
}
const fleet = ['ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2016-ex01.reg', 'ws2019-fs01.reg', 'ws2022-web02.reg'].map(sample);
const failures: ReportFailure[] = [
  { target: 'down01', kind: 'Unreachable', errorId: 'TLS365.Remoting.Unreachable', message: 'refused' },
  { target: 'broken.reg', kind: 'Failed', errorId: 'TLS365.Image.ImageMalformed', message: 'bad line' },
];
const attrs = (markup: string, cls: string): Record<string, string>[] =>
  [...markup.matchAll(new RegExp(`<rect class="${cls}" ([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));

/** Relative luminance and contrast (WCAG 2.x), to hold the palette to readable text. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
const contrast = (a: string, b: string): number => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };

describe('core/report/charts.ts: inline SVG charts of the fleet report (issue 17, item 5)', () => {
  const s = summarize(fleet, failures);

  it('draws each component as one bar as long as the fleet, a segment per status with its count, in its colour', () => {
    const svg = componentChart(s.components, (c) => c);
    const segs = attrs(svg, 'seg');
    for (const c of s.components) {
      const mine = segs.filter((a) => a['data-component'] === c.name);
      assert.equal(mine.reduce((n, a) => n + Number(a['data-count']), 0), fleet.length + failures.length, c.name);
      for (const a of mine) {
        assert.equal(Number(a['data-count']), c[a['data-status'] as 'Ready']);
        assert.equal(a['fill'], CHART_COLOURS[a['data-status'] as 'Ready']);
      }
      const width = mine.reduce((n, a) => n + Number(a['width']), 0);
      assert.ok(Math.abs(width - 520) < 0.05, `${c.name}: ${width}`);
    }
    const winhttp = segs.find((a) => a['data-component'] === 'WinHttp' && a['data-status'] === 'NotReady');
    assert.equal(winhttp?.['data-count'], '1', 'ws2008r2-app01');
    assert.equal(segs.filter((a) => a['data-status'] === 'NotCollected').length, s.components.length, 'the two machines with no result, on every bar');
    assert.match(svg, /^<svg class="chart" id="chart-components" role="img" aria-labelledby="chart-components-t"/);
    assert.equal((svg.match(/<title>/g) ?? []).length, segs.length, 'every segment has its tooltip');
  });

  it('draws the OS grid: a cell per verdict, coloured only where there are machines, names escaped', () => {
    const hostile = { ...fleet[0]!, os: { name: 'Windows <b>"x"</b> & co', build: 7601 } };
    const svg = osChart(summarize([hostile, ...fleet.slice(1)], failures).os);
    assert.ok(!svg.includes('<b>'));
    assert.ok(svg.includes('Windows &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; co'));
    const cells = attrs(svg, 'cell');
    assert.equal(cells.length, 6 * 5, 'five OS rows and (not collected), five verdicts each');
    for (const c of cells) assert.equal(c['fill'], Number(c['data-count']) > 0 ? CHART_COLOURS[c['data-status'] as 'Ready'] : '#ffffff');
    const none = cells.filter((c) => c['data-os'] === '(not collected)');
    assert.deepEqual(none.map((c) => [c['data-status'], c['data-count']]), [['Ready', '0'], ['NotReady', '0'], ['Unknown', '0'], ['Unreachable', '1'], ['Failed', '1']]);
  });

  it('ranks Fail and Warn findings by machines affected, bars proportional to the fleet, at most 15', () => {
    const svg = findingChart(s.findings, fleet.length);
    const bars = attrs(svg, 'bar');
    const expected = s.findings.filter((f) => f.severity !== 'Info');
    assert.equal(bars.length, Math.min(15, expected.length));
    const counts = bars.map((b) => Number(b['data-count']));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most machines first');
    for (const b of bars) {
      assert.ok(Math.abs(Number(b['width']) - (Number(b['data-count']) / fleet.length) * 420) < 0.05);
      assert.equal(b['fill'], b['data-severity'] === 'Fail' ? CHART_COLOURS.Fail : CHART_COLOURS.Warn);
    }
    const many = Array.from({ length: 20 }, (_, i) => ({ ruleId: `R-${String(i).padStart(2, '0')}`, severity: 'Warn', components: [], machines: ['a'], message: '', fixText: null }));
    assert.match(findingChart(many, 1), /the 15 most common; 5 more in the table/);
    assert.equal(findingChart([], 3), '');
  });

  it('writes numbers in a colour readable on their fill (contrast 4.5:1 or more), and the palette keeps Ready and NotReady apart', () => {
    const svg = componentChart(s.components, (c) => c) + osChart(s.os);
    let seen = 0;
    for (const m of svg.matchAll(/fill="(#[0-9A-Fa-f]{6})"[^>]*>[^<]*<title>[^<]*<\/title><\/rect><text [^>]*fill="(#[0-9a-f]{6})"/g)) {
      seen += 1;
      assert.ok(contrast(m[1]!, m[2]!) >= 4.5, `${m[2]} on ${m[1]}: ${contrast(m[1]!, m[2]!).toFixed(2)}`);
    }
    assert.ok(seen > 20, `numbers checked: ${seen}`);
    // Ready (blue) and NotReady (vermillion) differ in lightness too, so they stay apart in greyscale print.
    assert.ok(contrast(CHART_COLOURS.Ready, CHART_COLOURS.NotReady) > 1.1, String(contrast(CHART_COLOURS.Ready, CHART_COLOURS.NotReady)));
    for (const fill of Object.values(CHART_COLOURS)) assert.ok(Math.max(contrast(fill, '#000000'), contrast(fill, '#ffffff')) >= 4.5, fill);
  });

  it('puts each chart under its heading in the report (the findings chart near the top, before the machines), inside the existing CSP (no script, no external reference)', () => {
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: fleet, failures });
    for (const [id, table] of [['chart-components', 'id="components"'], ['chart-os', 'id="os"'], ['chart-findings', 'id="top-findings"']] as const) {
      const at = html.indexOf(`id="${id}"`);
      assert.ok(at > html.indexOf(table), `${id} comes after its heading`);
    }
    assert.ok(html.indexOf('id="chart-findings"') < html.indexOf('id="machines"'), 'the findings chart comes before the machine table');
    assert.equal(html.match(/<script>/g)?.length, 1);
    assert.doesNotMatch(html, /https?:\/\//);
  });
});
