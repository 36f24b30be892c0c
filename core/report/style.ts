/** The report's stylesheet: inline, no fonts or images to fetch, readable printed and on screen. */
export const REPORT_STYLE = `
:root { --ok: #1a7f37; --bad: #c4291c; --unk: #9a6700; --na: #6e7781; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; margin: 0; color: #1f2328; }
header, main { padding: 0 24px; }
header { border-bottom: 1px solid var(--line); background: var(--bg); padding-top: 12px; padding-bottom: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #59636e; margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 130px; text-decoration: none; color: inherit; background: #fff; }
.card .n { display: block; font-size: 28px; font-weight: 600; }
.card.Ready .n { color: var(--ok); } .card.NotReady .n { color: var(--bad); } .card.Unknown .n { color: var(--unk); }
.card.Unreachable .n, .card.Failed .n { color: var(--na); }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
td.num, th.num { text-align: right; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " \\25B2"; } th[aria-sort=descending] button::after { content: " \\25BC"; }
.s-Ready { color: var(--ok); } .s-NotReady { color: var(--bad); font-weight: 600; } .s-Unknown { color: var(--unk); } .s-NotApplicable { color: var(--na); }
.sev-Fail { color: var(--bad); font-weight: 600; } .sev-Warn { color: var(--unk); font-weight: 600; } .sev-Info { color: var(--na); }
#filters { display: none; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
html.js #filters { display: flex; }
#filters input[type=search] { min-width: 260px; }
#shown { color: #59636e; }
code, .reg { font-family: Consolas, "SFMono-Regular", Menlo, monospace; font-size: 12.5px; }
.reg { white-space: pre-wrap; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; margin: 4px 0; }
.machine { border-top: 1px solid var(--line); padding: 4px 0 10px; }
.machine h3 { margin-top: 10px; }
.finding { margin: 8px 0 8px 0; }
.machine h4 { font-size: 14px; margin: 14px 0 2px; }
table.effective { font-size: 13px; width: 100%; } table.effective td:nth-child(-n+2) { white-space: nowrap; }
table.effective td:nth-child(3) { min-width: 10em; } table.effective td:nth-child(4) { min-width: 11em; } table.effective td:nth-child(5) { width: 42%; }
table.effective td:nth-child(5) code { overflow-wrap: anywhere; } table.effective td:nth-child(5) .muted { margin-top: 2px; }
tr.gpo td { background: #fff8c5; } .gpo-mark { font-weight: 600; color: #7d4e00; }
.muted { color: #59636e; }
.nowrap { white-space: nowrap; }
td.diff { background: #fff1e5; font-weight: 600; }
ul.groups { margin: 4px 0 8px; padding-left: 20px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 4px; }
@media print { #filters, th button::after { display: none !important; } a { color: inherit; text-decoration: none; }
  svg.chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; break-inside: avoid; } }
`;
