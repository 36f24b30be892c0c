import { escapeHtml as h } from './escape.js';
import type { ComponentCounts, FindingGroup, OsCounts } from './summary.js';

/**
 * The report's charts (issue 17, item 5): inline SVG written into the page, so they need no script, no font and
 * no image (the CSP stays as it is) and print as they show. Pure: counts in, markup out.
 *
 * Colours are the Okabe-Ito palette, chosen to stay apart for the common colour-vision deficiencies (Okabe &
 * Ito, "Color Universal Design", 2008): Ready blue, not ready vermillion, unknown yellow, not applicable light
 * grey, no result reddish purple (unreachable) or grey (failed); findings by severity: Fail vermillion, Warn
 * orange, Info sky blue. Colour is never the only carrier: every segment and cell has its number written in it
 * when it is wide enough, a <title> for its tooltip, and the tables beside the charts hold every number.
 * Each shape carries data-* attributes with what it stands for (the Chromium test checks them against the
 * objects PowerShell returned).
 */
export const CHART_COLOURS = {
  Ready: '#0072B2',
  NotReady: '#D55E00',
  Unknown: '#F0E442',
  NotApplicable: '#D0D7DE',
  NotCollected: '#CC79A7',
  Unreachable: '#CC79A7',
  Failed: '#6E7781',
  Fail: '#D55E00',
  Warn: '#E69F00',
  Info: '#56B4E9',
} as const;
type Series = keyof typeof CHART_COLOURS;

/** WCAG 2.x relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}
/** The number's colour on a fill: black or white, whichever contrasts more (every fill here gets 4.5:1 or more). */
const ink = (fill: string): string => ((luminance(fill) + 0.05) / 0.05 >= 1.05 / (luminance(fill) + 0.05) ? '#000000' : '#ffffff');

const WORDS: Readonly<Record<string, string>> = {
  Ready: 'ready', NotReady: 'not ready', Unknown: 'unknown', NotApplicable: 'not applicable', NotCollected: 'not collected',
  Unreachable: 'unreachable', Failed: 'failed',
};

const FONT = 'font-family="Segoe UI, system-ui, Arial, sans-serif" font-size="12"';

function legend(series: readonly Series[], y: number, x0: number): string {
  let x = x0;
  return series.map((s) => {
    const text = WORDS[s] ?? s;
    const item = `<g class="legend"><rect x="${x}" y="${y}" width="12" height="12" fill="${CHART_COLOURS[s]}" stroke="#59636e" stroke-width="0.5"/><text x="${x + 16}" y="${y + 10}">${h(text)}</text></g>`;
    x += 28 + text.length * 7;
    return item;
  }).join('');
}

function svg(id: string, width: number, height: number, title: string, body: string): string {
  return `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-t" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" fill="#1f2328" ${FONT}><title id="${id}-t">${h(title)}</title>${body}</svg>`;
}

const COMPONENT_SERIES = ['Ready', 'NotReady', 'Unknown', 'NotApplicable', 'NotCollected'] as const;

/** Readiness per component as stacked horizontal bars, one per component, each as long as the fleet. */
export function componentChart(components: readonly ComponentCounts[], label: (c: string) => string): string {
  const labelW = 130;
  const barW = 520;
  const rowH = 24;
  const top = 26;
  const total = components.reduce((n, c) => Math.max(n, COMPONENT_SERIES.reduce((s, k) => s + c[k], 0)), 0);
  const rows = components.map((c, i) => {
    const y = top + i * rowH;
    let x = labelW;
    const segs = COMPONENT_SERIES.filter((k) => c[k] > 0).map((k) => {
      const w = total === 0 ? 0 : (c[k] / total) * barW;
      const fill = CHART_COLOURS[k];
      const seg = `<rect class="seg" data-component="${h(c.name)}" data-status="${k}" data-count="${c[k]}" x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH - 6}" fill="${fill}"><title>${h(label(c.name))}: ${c[k]} ${h(WORDS[k] ?? k)}</title></rect>${
        w >= 22 ? `<text x="${(x + w / 2).toFixed(2)}" y="${y + 13}" text-anchor="middle" fill="${ink(fill)}">${c[k]}</text>` : ''}`;
      x += w;
      return seg;
    }).join('');
    return `<text x="${labelW - 8}" y="${y + 13}" text-anchor="end">${h(label(c.name))}</text>${segs}`;
  }).join('');
  const height = top + components.length * rowH + 4;
  return svg('chart-components', labelW + barW + 10, height, `Readiness per component, ${total} machines`, legend(COMPONENT_SERIES, 4, labelW) + rows);
}

const OS_SERIES = ['Ready', 'NotReady', 'Unknown', 'Unreachable', 'Failed'] as const;

/** Readiness per operating system as a grid: a row per OS, a coloured cell per verdict that has machines. */
export function osChart(os: readonly OsCounts[]): string {
  const labelW = 250;
  const cellW = 92;
  const rowH = 26;
  const top = 24;
  const head = OS_SERIES.map((k, j) => `<text x="${labelW + j * cellW + cellW / 2}" y="16" text-anchor="middle">${h(WORDS[k] ?? k)}</text>`).join('');
  const rows = os.map((o, i) => {
    const y = top + i * rowH;
    const name = o.name.length > 36 ? `${o.name.slice(0, 35)}\u2026` : o.name;
    const cells = OS_SERIES.map((k, j) => {
      const n = o[k];
      const x = labelW + j * cellW;
      const fill = n > 0 ? CHART_COLOURS[k] : '#ffffff';
      return `<rect class="cell" data-os="${h(o.name)}" data-status="${k}" data-count="${n}" x="${x + 1}" y="${y}" width="${cellW - 2}" height="${rowH - 4}" fill="${fill}" stroke="#d0d7de"><title>${h(o.name)}: ${n} ${h(WORDS[k] ?? k)}</title></rect><text x="${x + cellW / 2}" y="${y + 15}" text-anchor="middle" fill="${n > 0 ? ink(fill) : '#59636e'}">${n}</text>`;
    }).join('');
    return `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${h(name)}<title>${h(o.name)}</title></text>${cells}`;
  }).join('');
  return svg('chart-os', labelW + OS_SERIES.length * cellW + 10, top + os.length * rowH + 4, 'Readiness per operating system', head + rows);
}

const MAX_RULES = 15;

/** Findings across the fleet, ranked: one bar per rule (most machines first within Fail, then Warn, then Info). */
export function findingChart(findings: readonly FindingGroup[], machines: number): string {
  const shown = [...findings].filter((f) => f.severity !== 'Info').sort((a, b) => b.machines.length - a.machines.length || a.ruleId.localeCompare(b.ruleId, 'en')).slice(0, MAX_RULES);
  if (shown.length === 0) return '';
  const labelW = 190;
  const barW = 420;
  const rowH = 22;
  const top = 26;
  const most = Math.max(1, machines);
  const rows = shown.map((f, i) => {
    const y = top + i * rowH;
    const w = (f.machines.length / most) * barW;
    const fill = f.severity === 'Fail' ? CHART_COLOURS.Fail : CHART_COLOURS.Warn;
    return `<text x="${labelW - 8}" y="${y + 12}" text-anchor="end">${h(f.ruleId)}</text><rect class="bar" data-rule="${h(f.ruleId)}" data-severity="${h(f.severity)}" data-count="${f.machines.length}" x="${labelW}" y="${y}" width="${w.toFixed(2)}" height="${rowH - 6}" fill="${fill}"><title>${h(f.ruleId)} (${h(f.severity)}): ${f.machines.length} of ${machines} machines</title></rect><text x="${(labelW + w + 6).toFixed(2)}" y="${y + 12}">${f.machines.length}</text>`;
  }).join('');
  const more = findings.filter((f) => f.severity !== 'Info').length - shown.length;
  const title = `Fail and Warn findings by machines affected${more > 0 ? ` (the ${MAX_RULES} most common; ${more} more in the table)` : ''}`;
  return svg('chart-findings', labelW + barW + 60, top + shown.length * rowH + 4, title, legend(['Fail', 'Warn'], 4, labelW) + rows);
}
