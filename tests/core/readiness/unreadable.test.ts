import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { validateSnapshot } from '../../../core/readiness/snapshot.js';
import { machine, schannel } from '../../support/machine.js';

/**
 * What the collector could not read (docs/snapshot-schema.md, `unreadable`): a key the registry refused is
 * unknown, never absent. The convention is docs/domain-facts.md's "Unknown, never a guess" (section 10, Conventions); the
 * live case is a key whose ACL denies the reader, or a hotfix list when WMI is broken (Get-HotFix throws:
 * seen under Wine and on Windows with a damaged WMI repository).
 */
describe('readiness: keys the collector could not read', () => {
  const collected = (unreadable: { path: string; error: string }[]) => ({
    ...machine({ build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 1 } } }),
    source: 'Local' as const,
    covered: ['HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL'],
    unreadable,
  });

  it('a refused key below SCHANNEL makes the SChannel components (and all that rest on them) Unknown, naming the key and the error', () => {
    const key = schannel('TLS 1.2', 'Client');
    const r = evaluateSnapshot(collected([{ path: key, error: 'Requested registry access is not allowed.' }]));
    const client = r.components.find((c) => c.name === 'SChannelClient')!;
    assert.equal(client.status, 'Unknown');
    assert.ok(client.reason.includes(key) && client.reason.includes('Requested registry access is not allowed.'), client.reason);
    assert.equal(r.components.find((c) => c.name === 'WinHttp')!.status, 'Unknown');
    assert.equal(r.ready, false);
  });

  it('a refused ancestor of a root counts too; an unrelated refusal leaves the components as they were', () => {
    const above = evaluateSnapshot(collected([{ path: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders', error: 'denied' }]));
    assert.equal(above.components.find((c) => c.name === 'SChannelServer')!.status, 'Unknown');
    const fine = evaluateSnapshot(collected([]));
    const other = evaluateSnapshot(collected([{ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SMS\\Mobile Client', error: 'denied' }]));
    assert.deepEqual(other.components.map((c) => [c.name, c.status]), fine.components.map((c) => [c.name, c.status]));
  });

  it('a hotfix list that could not be read is "not collected": CBS packages still decide', () => {
    const m = { ...machine({ build: 7601, productName: 'Windows Server 2008 R2 Standard', hotfixes: null, cbs: ['KB3140245'] }), unreadable: [{ path: 'Get-HotFix (WMI Win32_QuickFixEngineering)', error: 'wminet_utils.dll' }] };
    const r = evaluateSnapshot(m);
    assert.ok(!r.missingUpdates.includes('KB3140245'), r.missingUpdates.join(','));
    const without = evaluateSnapshot({ ...m, ...machine({ build: 7601, productName: 'Windows Server 2008 R2 Standard', hotfixes: null, cbs: [] }), unreadable: m.unreadable });
    assert.ok(without.missingUpdates.includes('KB3140245'), `without the CBS package it is missing: ${without.missingUpdates.join(',')}`);
  });

  it('validates the field: an array of {path, error}; anything else names its JSON path', () => {
    const base = { schema: 'tls365.snapshot/1', registry: [] };
    assert.equal(validateSnapshot({ ...base }).ok, true, 'absent is fine (older collectors)');
    const good = validateSnapshot({ ...base, unreadable: [{ path: 'HKEY_LOCAL_MACHINE\\X', error: 'denied' }] });
    assert.ok(good.ok && good.value.unreadable?.[0]?.path === 'HKEY_LOCAL_MACHINE\\X');
    const bad = validateSnapshot({ ...base, unreadable: [{ error: 'x' }] });
    assert.ok(!bad.ok && bad.error.path === '$.unreadable[0].path');
    const notArray = validateSnapshot({ ...base, unreadable: 'x' });
    assert.ok(!notArray.ok && notArray.error.path === '$.unreadable');
  });
});

describe('readiness: a refused key under one of several roots of a component', () => {
  it('.NET is Unknown when NDP\\v3.5 is refused although .NETFramework was read (it decides whether 3.5 is installed)', () => {
    const m = {
      ...machine({ build: 9600, net35: true }),
      source: 'Local' as const,
      covered: ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework'],
      unreadable: [{ path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5', error: 'denied' }],
    };
    const r = evaluateSnapshot(m);
    for (const c of ['DotNet35', 'DotNet35_32', 'DotNet4', 'DotNet4_32']) assert.equal(r.components.find((x) => x.name === c)!.status, 'Unknown', c);
    assert.notEqual(r.components.find((x) => x.name === 'SChannelClient')!.status, 'Unknown');
  });
});
