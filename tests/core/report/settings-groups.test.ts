import { strict as assert } from 'node:assert';
import { differenceFromFirst, renderReportHtml, settingsGroups, type ReportMachine } from '../../../core/report/index.js';

/** Issue 16, item 3: the fleet grouped by identical TLS settings, groups side by side where they differ [HC-EP]. */
const machine = (name: string, settings: readonly string[]): ReportMachine => ({
  computerName: name, source: 'Image', os: { name: 'Windows Server 2019 Standard', build: 17763 }, ready: true,
  components: [], findings: [], missingUpdates: [], settings, effective: [],
});
const base = ['Schannel server protocols in effect=TLS 1.2', 'TLS 1.1\\Server Enabled=absent', 'TLS 1.2\\Server Enabled=1'];
const on11 = ['Schannel server protocols in effect=TLS 1.1, TLS 1.2', 'TLS 1.1\\Server Enabled=1', 'TLS 1.2\\Server Enabled=1'];

describe('core/report/settings-groups.ts: machines by TLS settings (issue 16, item 3)', () => {
  it('groups identical settings, largest group first (A, B, ...), and lists only the settings that differ', () => {
    const fleet = [machine('S1', on11), ...Array.from({ length: 5 }, (_, i) => machine(`EX${i}`, base)), machine('S2', on11), machine('OLD', [])];
    const g = settingsGroups(fleet);
    assert.deepEqual(g.groups.map((x) => [x.label, x.machines]), [['A', ['EX0', 'EX1', 'EX2', 'EX3', 'EX4']], ['B', ['S1', 'S2']]]);
    assert.deepEqual(g.differing, ['Schannel server protocols in effect', 'TLS 1.1\\Server Enabled']);
    assert.equal(g.ungrouped, 1, 'an object without settings is counted apart, not grouped');
    assert.deepEqual(differenceFromFirst(g, g.groups[1]!), ['Schannel server protocols in effect TLS 1.1, TLS 1.2 (A: TLS 1.2)', 'TLS 1.1\\Server Enabled 1 (A: absent)']);
    assert.deepEqual(differenceFromFirst(g, g.groups[0]!), []);
  });

  it('one configuration: no differing settings; a setting one group lacks counts as a difference ("not read")', () => {
    assert.deepEqual(settingsGroups([machine('a', base), machine('b', base)]).differing, []);
    const g = settingsGroups([machine('a', base), machine('b', base), machine('c', base.slice(0, 2))]);
    assert.deepEqual(g.differing, ['TLS 1.2\\Server Enabled']);
    assert.deepEqual(differenceFromFirst(g, g.groups[1]!), ['TLS 1.2\\Server Enabled not read (A: 1)']);
  });

  it('names groups past Z as AA, AB, ... and breaks size ties by the first machine name', () => {
    const fleet = Array.from({ length: 28 }, (_, i) => machine(`m${String(i).padStart(2, '0')}`, [`x=${i}`]));
    const labels = settingsGroups(fleet).groups.map((x) => x.label);
    assert.deepEqual(labels.slice(24), ['Y', 'Z', 'AA', 'AB']);
    assert.equal(settingsGroups(fleet).groups[0]!.machines[0], 'm00');
  });

  it('renders the groups side by side in the report, differing cells marked, every value escaped', () => {
    const evil = '<script>alert(1)</script>';
    const fleet = [machine('A1', base), machine('A2', base), machine(evil, [...on11.slice(0, 2), `TLS 1.2\\Server Enabled=${evil}`])];
    const html = renderReportHtml({ title: 't', generatedAt: 'now', machines: fleet, failures: [] });
    const section = html.slice(html.indexOf('<h2 id="groups">'), html.indexOf('</table>', html.indexOf('<h2 id="groups">')));
    assert.match(section, /<p data-groups="2">2 configurations: 2 in group A, 1 in group B\.<\/p>/);
    assert.match(section, /<th data-group="A" data-count="2" class="num">Group A \(2\)<\/th><th data-group="B" data-count="1" class="num">Group B \(1\)<\/th>/);
    assert.match(section, /<tr data-setting="TLS 1.1\\Server Enabled"><th scope="row">TLS 1.1\\Server Enabled<\/th><td class="">absent<\/td><td class="diff">1<\/td><\/tr>/);
    assert.ok(!section.includes('<script>'), 'no markup from the data');
    assert.ok(section.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const one = renderReportHtml({ title: 't', generatedAt: 'now', machines: [machine('a', base)], failures: [] });
    assert.match(one, /<p data-groups="1">All 1 machines share one TLS configuration \(group A\)\.<\/p>/);
    assert.ok(!renderReportHtml({ title: 't', generatedAt: 'now', machines: [machine('a', [])], failures: [] }).includes('id="groups"'));
  });
});
