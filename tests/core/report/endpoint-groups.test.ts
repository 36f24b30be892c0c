import { strict as assert } from 'node:assert';
import { breakDateText, endpointGroups, renderReportHtml, type EndpointGroup, type EndpointGroups, type ReportFinding, type ReportMachine } from '../../../core/report/index.js';

/**
 * Issue 16: the report shows per Microsoft endpoint how many machines break and when (TLS365-ENDPOINT-001 now, Fail or
 * Warn; -002/-003 on a later announced date, by date), which machines, and the day judged.
 */
const AFD = { id: 'AzureFrontDoor', name: 'Azure Front Door (Microsoft Teams and others)' };
const M365 = { id: 'Microsoft365', name: 'Microsoft 365 services' };

const ep = (ruleId: string, severity: string, e: { id: string; name: string }, breaksOn: string): ReportFinding => ({
  ruleId, severity, components: ['SChannelClient'], message: `${e.name}: ${ruleId}`, fix: null, endpoint: { ...e, breaksOn },
});
const plain = (ruleId: string, severity: string): ReportFinding => ({ ruleId, severity, components: ['WinHttp'], message: 'm', fix: null });
const machine = (name: string, findings: readonly ReportFinding[]): ReportMachine => ({
  computerName: name, source: 'Image', os: { name: 'Windows Server 2012 R2 Standard', build: 9600 }, ready: !findings.some((f) => f.severity === 'Fail'),
  components: [{ name: 'SChannelClient', status: findings.some((f) => f.severity === 'Fail') ? 'NotReady' : 'Ready', reason: '' }],
  findings, missingUpdates: [], settings: [], effective: [],
});
const group = (g: EndpointGroups, id: string): EndpointGroup => {
  const found = g.endpoints.find((e) => e.id === id);
  assert.ok(found !== undefined, `no group for ${id}: ${g.endpoints.map((e) => e.id).join(', ')}`);
  return found;
};
const names = (list: readonly { name: string }[]): string[] => list.map((m) => m.name);

const fleet: readonly ReportMachine[] = [
  machine('WEB01', [ep('TLS365-ENDPOINT-001', 'Fail', AFD, '2026-04-01'), plain('TLS365-WINHTTP-003', 'Fail')]),
  machine('WEB02', [ep('TLS365-ENDPOINT-002', 'Warn', AFD, '2026-04-01')]),
  machine('WEB03', [ep('TLS365-ENDPOINT-002', 'Warn', AFD, '2026-04-01'), ep('TLS365-ENDPOINT-001', 'Warn', M365, '2025-10-20')]),
  machine('APP01', [ep('TLS365-ENDPOINT-003', 'Info', AFD, '2026-09-01')]),
  machine('FS01', []),
  machine('OLD01', [plain('TLS365-ENDPOINT-004', 'Info')]),
];

describe('core/report/endpoint-groups.ts: machines per Microsoft endpoint and date (issue 16)', () => {
  it('counts per endpoint: cannot reach it now (Fail, Warn), breaks per later date, reaches it; the rest reach it', () => {
    const g = endpointGroups(fleet, '2026-02-15');
    assert.equal(g.judged, true);
    assert.equal(g.asOf, '2026-02-15');
    assert.equal(g.checked, 5, 'OLD01 could not be checked (ENDPOINT-004) and is not counted');
    assert.deepEqual(names(g.notChecked), ['OLD01']);
    const afd = group(g, 'AzureFrontDoor');
    assert.deepEqual(names(afd.fail), ['WEB01']);
    assert.deepEqual(afd.warn, []);
    assert.equal(afd.reaching, 4);
    assert.deepEqual(afd.later.map((b) => [b.breaksOn, b.daysLeft, names(b.machines)]), [['2026-04-01', 45, ['WEB02', 'WEB03']], ['2026-09-01', 198, ['APP01']]]);
    assert.equal(afd.name, AFD.name, 'the name the findings carry');
    const m365 = group(g, 'Microsoft365');
    assert.deepEqual([m365.fail.length, names(m365.warn), m365.reaching, m365.later.length], [0, ['WEB03'], 4, 0]);
    assert.deepEqual(afd.fail.map((m) => m.row), [0], 'the row links to the machine table');
  });

  it('a machine with a Fail for one endpoint and none for another reaches the other', () => {
    const g = endpointGroups([machine('A', [ep('TLS365-ENDPOINT-001', 'Fail', AFD, '2026-04-01')]), machine('B', [])], '2026-06-01');
    assert.deepEqual([group(g, 'AzureFrontDoor').fail.length, group(g, 'AzureFrontDoor').reaching], [1, 1]);
    const entra = group(g, 'EntraID');
    assert.deepEqual([entra.fail.length, entra.warn.length, entra.later.length, entra.reaching], [0, 0, 0, 2]);
    assert.deepEqual(g.endpoints.map((e) => e.id), ['Microsoft365', 'AzureFrontDoor', 'EntraID'], 'every profile, in profile order');
  });

  it('without the judged day: the dates alone, no days left', () => {
    const g = endpointGroups(fleet);
    assert.equal(g.asOf, null);
    assert.equal(g.judged, true, 'the findings show the endpoints were judged');
    assert.deepEqual(group(g, 'AzureFrontDoor').later.map((b) => b.daysLeft), [null, null]);
    assert.equal(breakDateText({ breaksOn: '2026-04-01', daysLeft: null, machines: [] }), '2026-04-01');
    assert.equal(breakDateText({ breaksOn: '2026-04-01', daysLeft: 1, machines: [] }), '2026-04-01 (in 1 day)');
    assert.equal(endpointGroups(fleet, 'yesterday').asOf, null, 'a day that is not YYYY-MM-DD is not used');
  });

  it('no finding with an endpoint: not judged, and the report has no endpoint section (as before)', () => {
    const old = [machine('A', [plain('TLS365-WINHTTP-003', 'Fail')]), machine('B', [])];
    const g = endpointGroups(old);
    assert.equal(g.judged, false);
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: old, failures: [] });
    assert.doesNotMatch(html, /id="endpoints"|Microsoft endpoints/);
    assert.equal(html, renderReportHtml({ title: 't', generatedAt: 'now', machines: old, failures: [], asOf: null }));
    // Told the day, the report says every machine reaches every endpoint.
    const told = renderReportHtml({ title: 't', generatedAt: 'now', machines: old, failures: [], asOf: '2026-02-15' });
    assert.match(told, /<p data-asof="2026-02-15">Day judged: <b>2026-02-15<\/b>/);
    assert.match(told, /<p data-endpoints-all-reach="2">/);
    assert.match(told, /<tr data-endpoint="EntraID"><th scope="row">[^<]+<\/th><td class="num s-Ready" data-count="reach">2<\/td><td class="num" data-count="fail">0<\/td>/);
  });

  it('renders counts per endpoint and date, names linked to their details, every value escaped', () => {
    const evil = '<img src=x onerror=alert(1)>"\'';
    const hostileEndpoint = { id: 'x"><script>alert(2)</script>', name: '<b>Evil</b> endpoint' };
    const machines = [
      machine(evil, [ep('TLS365-ENDPOINT-001', 'Fail', AFD, '2026-04-01'), ep('TLS365-ENDPOINT-002', 'Warn', hostileEndpoint, '2026-03-01')]),
      machine('APP01', [ep('TLS365-ENDPOINT-003', 'Info', AFD, '2026-09-01')]),
    ];
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines, failures: [], asOf: '2026-02-15' });
    const section = html.slice(html.indexOf('<h2 id="endpoints">'), html.indexOf('<h2', html.indexOf('<h2 id="endpoints">') + 1));
    assert.ok(section.length > 0);
    assert.doesNotMatch(section, /<img|<script|<b>Evil/);
    const escaped = '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;';
    assert.ok(section.includes(`<a href="#machine=0" data-machine="0">${escaped}</a>`), 'a machine with details is linked to them');
    assert.ok(section.includes('(1): APP01</span>'), 'an Info-only machine has no details: its name is text');
    assert.ok(section.includes('<tr data-endpoint="x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"><th scope="row">&lt;b&gt;Evil&lt;/b&gt; endpoint</th>'));
    assert.match(section, /<tr data-endpoint="AzureFrontDoor">.*?data-count="reach">1<\/td><td class="num sev-Fail" data-count="fail">1<\/td><td class="num" data-count="warn">0<\/td><td><span class="nowrap" data-breaks-on="2026-09-01" data-count="1">2026-09-01 \(in 198 days\): 1<\/span><\/td><\/tr>/);
    assert.match(section, /data-breaks-on="2026-03-01" data-count="1">2026-03-01 \(in 14 days\): 1</);
    assert.doesNotMatch(section, /<[^>]*\son[a-z]+=/i, 'no inline event handler');
  });
});
