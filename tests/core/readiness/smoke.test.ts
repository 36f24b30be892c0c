import { strict as assert } from 'node:assert';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { machine } from '../../support/machine.js';

describe('readiness evaluation skeleton', () => {
  it('reports every component, named as the contract says', () => {
    const r = evaluateSnapshot(machine({ build: 19045, server: false }));
    assert.deepEqual(r.components.map((c) => c.name), ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32']);
    assert.equal(r.os.build, 19045);
  });
  it('is Unknown everywhere without an OS build, never a guess', () => {
    const r = evaluateSnapshot(machine({ build: 19045, omit: ['os'] }));
    assert.ok(r.components.every((c) => c.status === 'Unknown'));
    assert.equal(r.ready, false);
  });
  it('is Unknown for WinHTTP, WinINet and .NET when the image holds only SCHANNEL', () => {
    const r = evaluateSnapshot(machine({ build: 17763, omit: ['internet', 'dotnet'] }));
    const st = Object.fromEntries(r.components.map((c) => [c.name, c.status]));
    assert.equal(st['WinHttp'], 'Unknown');
    assert.equal(st['WinInet'], 'Unknown');
    assert.equal(st['DotNet4'], 'Unknown');
    assert.notEqual(st['SChannelClient'], 'Unknown');
  });
  it('names the machine from ComputerName, else from the file', () => {
    assert.equal(evaluateSnapshot(machine({ build: 17763, computerName: 'EX01' })).computerName, 'EX01');
    assert.equal(evaluateSnapshot(machine({ build: 17763 })).computerName, 'test-machine');
  });
  it('is Unknown on Server 2008 SP2 when nothing tells whether KB4019276 is installed [DOTNET-TLS]', () => {
    const r = evaluateSnapshot(machine({ build: 6002, productName: 'Windows Server (R) 2008 Standard', hotfixes: null, omit: ['cbs'] }));
    assert.ok(r.components.every((c) => c.status === 'Unknown'), JSON.stringify(r.components));
    const known = evaluateSnapshot(machine({ build: 6002, productName: 'Windows Server (R) 2008 Standard', hotfixes: [] }));
    assert.ok(known.components.some((c) => c.status === 'NotReady'));
  });
});
