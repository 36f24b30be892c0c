import { componentChart, findingChart, osChart } from './charts.js';
import { breakDateText, endpointGroups, type EndpointMachine } from './endpoint-groups.js';
import { differenceFromFirst, settingsGroups } from './settings-groups.js';
import { CLIENT_SCRIPT, CLIENT_SCRIPT_SHA256 } from './client-script.js';
import { escapeHtml as h, hashLink } from './escape.js';
import { actionable, detailsData, jsonForHtml } from './details-data.js';
import type { ReportFailure, ReportInput } from './model.js';
import { REPORT_STYLE } from './style.js';
import { machineVerdict, NO_OS, summarize, type ReportSummary } from './summary.js';

/**
 * The fleet readiness report: one self-contained HTML document (inline style and script, no external
 * assets, works offline). Sections: summary cards, readiness per component and per OS (each an inline SVG
 * chart, charts.ts, above its table), the most common findings (a ranked bar chart), per Microsoft endpoint the
 * machines that cannot reach it now or break on an announced date (endpoint-groups.ts), the machines grouped by
 * identical TLS settings side by side (settings-groups.ts), the machine table
 * (sortable, filterable) with, below it, the chosen machine's Fail and Warn findings, the exact registry
 * changes that fix them and what is in effect per component and where it comes from (details-data.ts), machines that gave no result, missing updates, and findings across
 * the fleet.
 *
 * Every value from a machine is escaped (escape.ts); the CSP forbids every script but the report's own.
 */
const VERDICT_LABEL: Readonly<Record<string, string>> = { Ready: 'Ready', NotReady: 'Not ready', Unknown: 'Unknown', NotApplicable: 'n/a' };
const COMPONENT_SHORT: Readonly<Record<string, string>> = {
  WinHttp: 'WinHTTP', WinHttp32: 'WinHTTP 32', WinInet: 'WinINet', SChannelClient: 'SChannel client', SChannelServer: 'SChannel server',
  DotNet4: '.NET 4', DotNet4_32: '.NET 4 32', DotNet35: '.NET 3.5', DotNet35_32: '.NET 3.5 32',
};
const label = (component: string): string => COMPONENT_SHORT[component] ?? component;
const num = (n: number, link: string | null): string => (n === 0 || link === null ? `<td class="num">${n}</td>` : `<td class="num"><a href="${link}">${n}</a></td>`);

function cards(s: ReportSummary): string {
  const m = s.machines;
  const card = (cls: string, n: number, text: string, link: string | null): string => {
    const tag = link === null ? 'div' : 'a';
    return `<${tag} class="card ${cls}"${link === null ? '' : ` href="${link}"`} data-count="${cls}"><span class="n">${n}</span>${h(text)}</${tag}>`;
  };
  return `<div class="cards">${[
    card('Total', m.total, 'machines', null),
    card('Ready', m.Ready, 'ready', hashLink({ status: 'Ready' })),
    card('NotReady', m.NotReady, 'not ready', hashLink({ status: 'NotReady' })),
    card('Unknown', m.Unknown, 'unknown (data missing)', hashLink({ status: 'Unknown' })),
    card('Unreachable', m.Unreachable, 'unreachable', m.Unreachable > 0 ? '#failures' : null),
    card('Failed', m.Failed, 'failed to collect or read', m.Failed > 0 ? '#failures' : null),
  ].join('')}</div>`;
}

function componentTable(s: ReportSummary): string {
  const rows = s.components.map((c) => `<tr data-component="${h(c.name)}"><th scope="row">${h(label(c.name))}</th>${
    (['Ready', 'NotReady', 'Unknown', 'NotApplicable'] as const).map((st) => num(c[st], hashLink({ comp: `${c.name}:${st}` }))).join('')
  }${num(c.NotCollected, null)}</tr>`).join('');
  return `<h2 id="components">Readiness per component</h2>
${componentChart(s.components, label)}
<table class="summary"><thead><tr><th>Component</th><th class="num">Ready</th><th class="num">Not ready</th><th class="num">Unknown</th><th class="num">n/a</th><th class="num" title="unreachable or failed machines: nothing is known about this component there">Not collected</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function osTable(s: ReportSummary): string {
  const rows = s.os.map((o) => {
    const link = (status: string): string | null => (o.name === NO_OS ? null : hashLink(status === '' ? { os: o.name } : { os: o.name, status }));
    return `<tr data-os="${h(o.name)}"><th scope="row">${h(o.name)}</th>${num(o.total, link(''))}${num(o.Ready, link('Ready'))}${num(o.NotReady, link('NotReady'))}${num(o.Unknown, link('Unknown'))}${num(o.Unreachable, null)}${num(o.Failed, null)}</tr>`;
  }).join('');
  return `<h2 id="os">Readiness per operating system</h2>
${osChart(s.os)}
<table class="summary"><thead><tr><th>Operating system</th><th class="num">Machines</th><th class="num">Ready</th><th class="num">Not ready</th><th class="num">Unknown</th><th class="num">Unreachable</th><th class="num">Failed</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const MAX_NAMES = 20;
function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).map((n) => h(n)).join(', ');
  return list.length > MAX_NAMES ? `${shown} and ${list.length - MAX_NAMES} more` : shown;
}

const MAX_GROUP_COLUMNS = 6;

/** Machines grouped by identical TLS settings, the groups side by side in the settings where they differ. */
function groupsSection(input: ReportInput): string {
  const all = settingsGroups(input.machines);
  const apart = all.ungrouped > 0 ? ` ${all.ungrouped} machine(s) carry no settings (objects from an older TLS365) and are not grouped.` : '';
  const head = `<h2 id="groups">Machines by TLS settings</h2>
<p class="muted">Settings: the Schannel protocols in effect per role, then the values written in the registry (Schannel, .NET, WinHTTP, WinINet; absent is a value).${apart}</p>`;
  const [largest] = all.groups;
  if (largest === undefined) return '';
  if (all.groups.length === 1) {
    return `${head}<p data-groups="1">All ${largest.machines.length} machines share one TLS configuration (group ${largest.label}).</p>`;
  }
  const shown = all.groups.slice(0, MAX_GROUP_COLUMNS);
  const summary = all.groups.map((g) => `${g.machines.length} in group ${g.label}`).join(', ');
  const lines = all.groups.slice(1).map((g) => `<li data-group="${h(g.label)}"><b>Group ${h(g.label)}</b> (${g.machines.length}: ${names(g.machines)}) differs from group ${h(largest.label)} in ${differenceFromFirst(all, g).map((d) => h(d)).join('; ')}</li>`).join('');
  const cols = shown.map((g) => `<th data-group="${h(g.label)}" data-count="${g.machines.length}" class="num">Group ${h(g.label)} (${g.machines.length})</th>`).join('');
  const rows = all.differing.map((l) => {
    const first = largest.values.get(l);
    const cells = shown.map((g, i) => {
      const v = g.values.get(l);
      return `<td class="${i > 0 && v !== first ? 'diff' : ''}">${h(v ?? 'not read')}</td>`;
    }).join('');
    return `<tr data-setting="${h(l)}"><th scope="row">${h(l)}</th>${cells}</tr>`;
  }).join('');
  const more = all.groups.length > shown.length ? `<p class="muted">${all.groups.length - shown.length} smaller group(s) are listed above, not as columns.</p>` : '';
  return `${head}
<p data-groups="${all.groups.length}">${all.groups.length} configurations: ${summary}.</p>
<ul class="groups">${lines}</ul>
<table class="summary" id="group-table"><thead><tr><th>Setting (only those that differ)</th>${cols}</tr></thead><tbody>${rows}</tbody></table>${more}`;
}

/** Machine names, each linked to its details when it has any (as the machine table links them), the first MAX_NAMES. */
function machineLinks(input: ReportInput, list: readonly EndpointMachine[]): string {
  const one = (x: EndpointMachine): string => {
    const m = input.machines[x.row];
    return m !== undefined && actionable(m) ? `<a href="#machine=${x.row}" data-machine="${x.row}">${h(x.name)}</a>` : h(x.name);
  };
  const shown = list.slice(0, MAX_NAMES).map(one).join(', ');
  return list.length > MAX_NAMES ? `${shown} and ${list.length - MAX_NAMES} more` : shown;
}

/**
 * Per Microsoft endpoint profile (issue 16): how many machines cannot reach it on the judged day (TLS365-ENDPOINT-001,
 * Fail or Warn), how many break on each announced later date (-002/-003, with the days left when the day judged is
 * known), and which machines. Absent when no result was judged against the endpoints (older objects, no day given).
 */
function endpointSection(input: ReportInput): string {
  const all = endpointGroups(input.machines, input.asOf ?? null);
  if (!all.judged) return '';
  const day = all.asOf === null
    ? '<p class="muted" data-asof="">Day judged: not given to the report (ConvertTo-Tls365Report -AsOf: the day Get-Tls365Readiness judged, by default the day it ran), so later dates are shown without the days left.</p>'
    : `<p data-asof="${h(all.asOf)}">Day judged: <b>${h(all.asOf)}</b>.</p>`;
  const apart = all.notChecked.length === 0 ? ''
    : ` ${all.notChecked.length} machine(s) could not be checked (TLS365-ENDPOINT-004: no OS build, no SCHANNEL key, or a build TLS365 has no cipher-suite list for) and are not counted: <span data-not-checked="${all.notChecked.length}">${machineLinks(input, all.notChecked)}</span>.`;
  const note = `<p class="muted">Each machine's effective TLS client settings (protocols, cipher suites, curves) against what the endpoint accepts on the day judged and after each announced change. ${all.checked} machine(s) checked; a machine with no finding for an endpoint counts as reaching it (also one judged against other profiles only, -Endpoint).${apart}</p>`;
  const count = (kind: string, n: number, cls: string): string => `<td class="num${n > 0 ? ` ${cls}` : ''}" data-count="${kind}">${n}</td>`;
  const rows = all.endpoints.map((e) => {
    const dates = e.later.length === 0 ? '<span class="muted">none announced that breaks a machine</span>'
      : e.later.map((b) => `<span class="nowrap" data-breaks-on="${h(b.breaksOn)}" data-count="${b.machines.length}">${h(breakDateText(b))}: ${b.machines.length}</span>`).join('<br>');
    return `<tr data-endpoint="${h(e.id)}"><th scope="row">${h(e.name)}</th>${count('reach', e.reaching, 's-Ready')}${count('fail', e.fail.length, 'sev-Fail')}${count('warn', e.warn.length, 'sev-Warn')}<td>${dates}</td></tr>`;
  }).join('');
  const lists = all.endpoints.filter((e) => e.fail.length + e.warn.length + e.later.length > 0).map((e) => {
    const parts = [
      ...(e.fail.length === 0 ? [] : [`<span data-when="Fail">cannot reach it now, Fail (${e.fail.length}): ${machineLinks(input, e.fail)}</span>`]),
      ...(e.warn.length === 0 ? [] : [`<span data-when="Warn">cannot reach it now by a secondary source only, Warn (${e.warn.length}): ${machineLinks(input, e.warn)}</span>`]),
      ...e.later.map((b) => `<span data-when="${h(b.breaksOn)}">from ${h(breakDateText(b))} (${b.machines.length}): ${machineLinks(input, b.machines)}</span>`),
    ];
    return `<li data-endpoint="${h(e.id)}"><b>${h(e.name)}</b>: ${parts.join('; ')}</li>`;
  }).join('');
  const fine = lists === '' ? `<p data-endpoints-all-reach="${all.checked}">Every machine checked reaches every endpoint on the day judged and after every announced change.</p>` : `<ul class="groups" id="endpoint-machines">${lists}</ul>`;
  return `<h2 id="endpoints">Microsoft endpoints</h2>
${day}
${note}
<table class="summary" id="endpoint-table"><thead><tr><th>Endpoint</th><th class="num">Reach it now</th><th class="num" title="TLS365-ENDPOINT-001 Fail">Cannot reach it now: Fail</th><th class="num" title="TLS365-ENDPOINT-001 Warn: the verdict rests on a fact only a secondary source gives">Warn (secondary source)</th><th title="TLS365-ENDPOINT-002 (within 90 days) and -003: machines that reach it now">Will break on (machines)</th></tr></thead><tbody>${rows}</tbody></table>
${fine}`;
}

/** The most common Fail and Warn findings as a ranked bar chart, near the top (the table is at the end). */
function findingOverview(s: ReportSummary, machines: number): string {
  const chart = findingChart(s.findings, machines);
  return chart === '' ? '' : `<h2 id="top-findings">Most common findings</h2>
${chart}
<p class="muted"><a href="#findings">Every finding, with its message, fix and machines</a></p>`;
}

function findingTable(s: ReportSummary): string {
  if (s.findings.length === 0) return '<h2 id="findings">Findings across the fleet</h2><p>No findings.</p>';
  const rows = s.findings.map((f) => `<tr data-rule="${h(f.ruleId)}"><td class="nowrap"><code>${h(f.ruleId)}</code></td><td class="sev-${h(f.severity)}">${h(f.severity)}</td><td>${f.components.map((c) => h(label(c))).join(', ')}</td><td class="num">${f.machines.length}</td><td>${h(f.message)}${f.fixText === null ? '' : `<br><b>Fix:</b> ${h(f.fixText)}`}<br><span class="muted">${names(f.machines)}</span></td></tr>`).join('');
  return `<h2 id="findings">Findings across the fleet</h2>
<p class="muted">One row per rule; the message and fix are the first affected machine's (values can differ per machine: see each machine below).</p>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Components</th><th class="num">Machines</th><th>Message, fix and machines</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function updateTable(s: ReportSummary): string {
  if (s.missingUpdates.length === 0) return '<h2 id="updates">Missing updates</h2><p>No machine is missing an update the rules need.</p>';
  const rows = s.missingUpdates.map((u) => `<tr data-kb="${h(u.kb)}"><td>${h(u.kb)}</td>${num(u.machines, hashLink({ q: u.kb }))}</tr>`).join('');
  return `<h2 id="updates">Missing updates</h2><table><thead><tr><th>Update</th><th class="num">Machines</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function machineTable(input: ReportInput, s: ReportSummary): string {
  const components = s.components.map((c) => c.name);
  const head = [
    ['name', 'Computer'], ['os', 'Operating system'], ['build', 'Build'], ['verdict', 'Verdict'],
    ...components.map((c) => [`c-${c}`, label(c)]), ['fail', 'Fail'], ['warn', 'Warn'], ['kb', 'Missing updates'],
  ].map(([key, text]) => `<th data-key="${h(key)}" aria-sort="none"><button type="button">${h(text)}</button></th>`).join('');
  const rows = input.machines.map((m, i) => {
    const v = machineVerdict(m);
    const byName = new Map(m.components.map((c) => [c.name, c]));
    const fails = m.findings.filter((f) => f.severity === 'Fail').length;
    const warns = m.findings.filter((f) => f.severity === 'Warn').length;
    const text = [...new Set([m.computerName, m.os.name, String(m.os.build ?? ''), v, ...m.findings.map((f) => f.ruleId), ...m.missingUpdates])].join(' ').toLowerCase();
    const cells = components.map((c) => {
      const st = byName.get(c)?.status ?? 'Unknown';
      // Ready and n/a need no tooltip; the others carry the first words of why (the details have the rest).
      const why = st === 'Ready' || st === 'NotApplicable' ? '' : ` title="${h(clip(byName.get(c)?.reason ?? ''))}"`;
      return `<td class="s-${h(st)}"${why}>${h(VERDICT_LABEL[st] ?? st)}</td>`;
    }).join('');
    const attrs = components.map((c) => ` data-c-${h(c)}="${h(byName.get(c)?.status ?? 'Unknown')}"`).join('');
    const name = actionable(m) ? `<a href="#machine=${i}" data-machine="${i}">${h(m.computerName)}</a>` : h(m.computerName);
    return `<tr data-verdict="${v}" data-os="${h(m.os.name === '' ? 'Unknown OS' : m.os.name)}" data-text="${h(text)}"${attrs}><td data-sort="${h(m.computerName.toLowerCase())}">${name}</td><td>${h(m.os.name)}</td><td class="num">${h(m.os.build ?? '')}</td><td class="s-${v}">${h(VERDICT_LABEL[v] ?? v)}</td>${cells}<td class="num">${fails}</td><td class="num">${warns}</td><td>${m.missingUpdates.map((k) => h(k)).join(', ')}</td></tr>`;
  }).join('\n');
  const compOptions = components.flatMap((c) => ['NotReady', 'Unknown', 'Ready'].map((st) => `<option value="${h(`${c}:${st}`)}">${h(label(c))}: ${h(VERDICT_LABEL[st] ?? st)}</option>`)).join('');
  const osOptions = s.os.filter((o) => o.name !== NO_OS).map((o) => `<option value="${h(o.name)}">${h(o.name)}</option>`).join('');
  return `<h2 id="machines-h">Machines</h2>
<form id="filters" role="search"><input type="search" name="q" placeholder="Filter: name, OS, rule id, KB" aria-label="Filter machines">
<select name="status" aria-label="Verdict"><option value="">Any verdict</option><option value="Ready">Ready</option><option value="NotReady">Not ready</option><option value="Unknown">Unknown</option></select>
<select name="comp" aria-label="Component"><option value="">Any component</option>${compOptions}</select>
<select name="os" aria-label="Operating system"><option value="">Any OS</option>${osOptions}</select>
<button type="button" id="clear" hidden>Clear filters</button> <span id="shown">Showing ${input.machines.length} of ${input.machines.length} machines</span></form>
<table id="machines"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

function failureTable(failures: readonly ReportFailure[]): string {
  if (failures.length === 0) return '';
  const rows = failures.map((f) => `<tr data-kind="${h(f.kind)}"><td>${h(f.target)}</td><td>${h(f.kind)}</td><td><code>${h(f.errorId)}</code></td><td>${h(f.message)}</td></tr>`).join('\n');
  return `<h2 id="failures">Machines with no result</h2><table><thead><tr><th>Machine</th><th>Kind</th><th>Error id</th><th>Message</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** A component's reason as a tooltip: the first 160 characters. */
const clip = (s: string): string => (s.length <= 160 ? s : `${s.slice(0, 159)}\u2026`);

function machineDetails(input: ReportInput): string {
  const data = detailsData(input.machines, label);
  if (Object.keys(data.m).length === 0) return '';
  return `<h2 id="details">Findings and fixes per machine</h2>
<p class="muted" id="detail-hint">Choose a computer name in the machine table to see its Fail and Warn findings, the exact registry changes that fix them, and what is in effect there and where it comes from (OS default, local value or Group Policy).</p>
<section class="machine" id="detail" hidden></section>
<script type="application/json" id="details-data">${jsonForHtml(data)}</script>`;
}

export function renderReportHtml(input: ReportInput): string {
  const s = summarize(input.machines, input.failures);
  // A constant (no machine data): written as is, single quotes and all.
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${CLIENT_SCRIPT_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="TLS365">
<title>${h(input.title)}</title>
<style>${REPORT_STYLE}</style></head>
<body><header><h1>${h(input.title)}</h1><p class="meta">Generated ${h(input.generatedAt)} by TLS365: will each machine speak TLS 1.2 to Microsoft 365?</p></header>
<main>
${cards(s)}
${componentTable(s)}
${osTable(s)}
${findingOverview(s, input.machines.length)}
${endpointSection(input)}
${groupsSection(input)}
${machineTable(input, s)}
${machineDetails(input)}
${failureTable(input.failures)}
${updateTable(s)}
${findingTable(s)}
</main>
<script>${CLIENT_SCRIPT}</script>
</body></html>
`;
}
