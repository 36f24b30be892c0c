import { strict as assert } from 'node:assert';
import { machineFacts } from '../../../../core/readiness/facts.js';
import type { Role, SchannelProtocol } from '../../../../core/readiness/paths.js';
import type { SchannelReading, SchannelState } from '../../../../core/readiness/schannel-state.js';
import { machine, schannel, type MachineSpec, type Values } from '../../../support/machine.js';

/**
 * core/readiness/schannel-state.ts against docs/domain-facts.md 3.2 (per-OS defaults, every row) and 3.3 (the
 * effective-state function, every step). Read through machineFacts, so KB4019276 detection is the real one.
 */
const PROTOCOLS: readonly SchannelProtocol[] = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

function reading(spec: MachineSpec, p: SchannelProtocol, role: Role): SchannelReading {
  return machineFacts(machine(spec)).schannel(p, role);
}

/** Table 3.2 cell: On, Off (supported, off by default) or n/s. */
type Cell = 'On' | 'Off' | 'n/s';
const STATE_OF: Record<Cell, SchannelState> = { On: 'On', Off: 'OffByDefault', 'n/s': 'NotSupported' };
/** [client, server] per protocol, in the table's column order SSL2, SSL3, TLS1.0, TLS1.1, TLS1.2, TLS1.3. */
type Row = readonly [readonly [Cell, Cell], readonly [Cell, Cell], readonly [Cell, Cell], readonly [Cell, Cell], readonly [Cell, Cell], readonly [Cell, Cell]];

const VISTA_2008: Row = [['Off', 'On'], ['On', 'On'], ['On', 'On'], ['n/s', 'n/s'], ['n/s', 'n/s'], ['n/s', 'n/s']];
const WS2008_SP2_KB: Row = [['Off', 'On'], ['On', 'On'], ['On', 'On'], ['Off', 'Off'], ['Off', 'Off'], ['n/s', 'n/s']];
const WIN7: Row = [['Off', 'On'], ['On', 'On'], ['On', 'On'], ['Off', 'Off'], ['Off', 'Off'], ['n/s', 'n/s']];
const WIN8_TO_1511: Row = [['Off', 'Off'], ['On', 'On'], ['On', 'On'], ['On', 'On'], ['On', 'On'], ['n/s', 'n/s']];
const WIN10_1607_TO_2019: Row = [['n/s', 'n/s'], ['Off', 'Off'], ['On', 'On'], ['On', 'On'], ['On', 'On'], ['n/s', 'n/s']];
const WS2022_WIN11: Row = [['n/s', 'n/s'], ['Off', 'Off'], ['On', 'On'], ['On', 'On'], ['On', 'On'], ['On', 'On']];

const TABLE: readonly { label: string; spec: MachineSpec; row: Row }[] = [
  { label: 'Server 2008 RTM (6001)', spec: { build: 6001, productName: 'Windows Server (R) 2008 Enterprise' }, row: VISTA_2008 },
  { label: 'Vista SP2 (6002, client), even with KB4019276 listed', spec: { build: 6002, productName: 'Windows Vista (TM) Business', cbs: ['KB4019276'] }, row: VISTA_2008 },
  { label: 'Server 2008 SP2 (6002) without KB4019276', spec: { build: 6002, productName: 'Windows Server (R) 2008 Standard', csd: 'Service Pack 2' }, row: VISTA_2008 },
  { label: 'Server 2008 SP2 (6002) with KB4019276', spec: { build: 6002, productName: 'Windows Server (R) 2008 Standard', csd: 'Service Pack 2', cbs: ['KB4019276'] }, row: WS2008_SP2_KB },
  { label: 'Server 2008 SP2 after 2019 servicing (6003) with KB4019276', spec: { build: 6003, productName: 'Windows Server (R) 2008 Standard', hotfixes: ['KB4019276'] }, row: WS2008_SP2_KB },
  { label: 'Windows 7 RTM (7600)', spec: { build: 7600, server: false }, row: WIN7 },
  { label: 'Windows 7 SP1 (7601)', spec: { build: 7601, server: false, csd: 'Service Pack 1' }, row: WIN7 },
  { label: 'Server 2008 R2 SP1 (7601)', spec: { build: 7601, server: true, csd: 'Service Pack 1' }, row: WIN7 },
  { label: 'Server 2012 (9200)', spec: { build: 9200 }, row: WIN8_TO_1511 },
  { label: 'Windows 8.1 (9600)', spec: { build: 9600, server: false }, row: WIN8_TO_1511 },
  { label: 'Server 2012 R2 (9600)', spec: { build: 9600 }, row: WIN8_TO_1511 },
  { label: 'Windows 10 1507 (10240)', spec: { build: 10240, server: false }, row: WIN8_TO_1511 },
  { label: 'Windows 10 1511 (10586)', spec: { build: 10586, server: false }, row: WIN8_TO_1511 },
  { label: 'Server 2016 (14393)', spec: { build: 14393 }, row: WIN10_1607_TO_2019 },
  { label: 'Server 2019 (17763)', spec: { build: 17763 }, row: WIN10_1607_TO_2019 },
  { label: 'Windows 10 21H1 (19043)', spec: { build: 19043, server: false }, row: WIN10_1607_TO_2019 },
  { label: 'Windows 10 22H2 (19045), after the table\'s "21H1" end', spec: { build: 19045, server: false }, row: WIN10_1607_TO_2019 },
  { label: 'Server 2022 (20348)', spec: { build: 20348 }, row: WS2022_WIN11 },
  { label: 'Windows 11 21H2 (22000)', spec: { build: 22000, server: false }, row: WS2022_WIN11 },
  { label: 'Windows 11 23H2 (22631)', spec: { build: 22631, server: false }, row: WS2022_WIN11 },
];

describe('Schannel effective state: per-OS defaults, docs/domain-facts.md 3.2 (both values absent)', () => {
  for (const { label, spec, row } of TABLE) {
    it(`${label} matches its table row [PROTOCOLS] [DOTNET-TLS]`, () => {
      PROTOCOLS.forEach((p, i) => {
        const cells = row[i] as readonly [Cell, Cell];
        (['Client', 'Server'] as const).forEach((role, j) => {
          const r = reading(spec, p, role);
          const want = STATE_OF[cells[j] as Cell];
          assert.equal(r.state, want, `${label}: ${p} ${role} should be ${want}, got ${r.state}`);
          assert.equal(r.basis, want === 'NotSupported' ? 'not-supported' : 'default', `${label}: ${p} ${role} basis`);
        });
      });
    });
  }

  it('last row (Windows 11 from Sept 2023, "future releases", TLS 1.0/1.1 off): unconfirmed for GA builds, so 26100 keeps On but marks it as a default for rules to treat as Info only [WIN-DEPR]', () => {
    for (const p of ['TLS 1.0', 'TLS 1.1'] as const) {
      for (const role of ['Client', 'Server'] as const) {
        const r = reading({ build: 26100, server: false }, p, role);
        assert.equal(r.state, 'On');
        assert.equal(r.basis, 'default');
      }
    }
  });

  it('TLS 1.3 is supported only from Server 2022 / Windows 11: a Windows 10 client is n/s [PROTOCOLS] [HC-AN]', () => {
    assert.equal(reading({ build: 19045, server: false }, 'TLS 1.3', 'Client').state, 'NotSupported');
    assert.equal(reading({ build: 17763, server: true }, 'TLS 1.3', 'Server').state, 'NotSupported');
  });
});

const at = (p: SchannelProtocol, role: Role, v: Values[string]): Values => ({ [schannel(p, role)]: v });

describe('Schannel effective state: the function of docs/domain-facts.md 3.3', () => {
  describe('step 0: not supported on this build wins over any value', () => {
    it('SSL 2.0 on Server 2016+ is NotSupported even with Enabled=1 [PROTOCOLS] [SCHCRED]', () => {
      const r = reading({ build: 17763, values: at('SSL 2.0', 'Server', { Enabled: 1, DisabledByDefault: 0 }) }, 'SSL 2.0', 'Server');
      assert.equal(r.state, 'NotSupported');
      assert.equal(r.basis, 'not-supported');
      assert.deepEqual(r.enabled, { kind: 'dword', value: 1 }, 'the values are still reported');
    });
    it('TLS 1.3 on Server 2019 is NotSupported even with Enabled=1, DisabledByDefault=0 [PROTOCOLS]', () => {
      assert.equal(reading({ build: 17763, values: at('TLS 1.3', 'Client', { Enabled: 1, DisabledByDefault: 0 }) }, 'TLS 1.3', 'Client').state, 'NotSupported');
    });
    it('TLS 1.2 on Server 2008 SP2 without KB4019276 is NotSupported even with 1/0; with the KB it is On [DOTNET-TLS]', () => {
      const v = at('TLS 1.2', 'Client', { Enabled: 1, DisabledByDefault: 0 });
      const ws2008 = { build: 6002, productName: 'Windows Server (R) 2008 Standard', values: v };
      assert.equal(reading(ws2008, 'TLS 1.2', 'Client').state, 'NotSupported');
      assert.equal(reading({ ...ws2008, cbs: ['KB4019276'] }, 'TLS 1.2', 'Client').state, 'On');
    });
    it('TLS 1.1/1.2 on Vista (6002 client) stay NotSupported with KB4019276 and values [PROTOCOLS] [DOTNET-TLS]', () => {
      const spec = { build: 6002, productName: 'Windows Vista (TM) Business', cbs: ['KB4019276'], values: at('TLS 1.1', 'Client', { Enabled: 1, DisabledByDefault: 0 }) };
      assert.equal(reading(spec, 'TLS 1.1', 'Client').state, 'NotSupported');
    });
  });

  describe('step 1: Enabled = 0 gives Disabled, whatever DisabledByDefault says', () => {
    for (const dbd of [undefined, 0, 1] as const) {
      it(`Enabled=0${dbd === undefined ? '' : `, DisabledByDefault=${dbd}`} -> Disabled [TLSREG-2019] [TLSREG-2023]`, () => {
        const r = reading({ build: 17763, values: at('TLS 1.2', 'Client', dbd === undefined ? { Enabled: 0 } : { Enabled: 0, DisabledByDefault: dbd }) }, 'TLS 1.2', 'Client');
        assert.equal(r.state, 'Disabled');
        assert.equal(r.basis, 'values');
      });
    }
  });

  describe('step 2: DisabledByDefault present and non-zero gives OffByDefault', () => {
    it('DisabledByDefault=1 alone -> OffByDefault, also where the OS default is On [TLSREG-2019] [HC-REG]', () => {
      const r = reading({ build: 17763, values: at('TLS 1.2', 'Client', { DisabledByDefault: 1 }) }, 'TLS 1.2', 'Client');
      assert.equal(r.state, 'OffByDefault');
      assert.equal(r.basis, 'values');
    });
    it('Enabled=1 with DisabledByDefault=1 -> OffByDefault (DisabledByDefault decides) [TLSREG-2019]', () => {
      assert.equal(reading({ build: 17763, values: at('TLS 1.2', 'Server', { Enabled: 1, DisabledByDefault: 1 }) }, 'TLS 1.2', 'Server').state, 'OffByDefault');
    });
    it('any non-zero DisabledByDefault (0xFFFFFFFF) counts [HC-REG]', () => {
      assert.equal(reading({ build: 9600, values: at('TLS 1.1', 'Client', { DisabledByDefault: 0xffffffff }) }, 'TLS 1.1', 'Client').state, 'OffByDefault');
    });
  });

  describe('step 3: DisabledByDefault present and 0 gives On', () => {
    it('DisabledByDefault=0 alone turns TLS 1.2 on in Windows 7, where the default is off [TLSREG-2019] [PROTOCOLS]', () => {
      const r = reading({ build: 7601, server: false, values: at('TLS 1.2', 'Client', { DisabledByDefault: 0 }) }, 'TLS 1.2', 'Client');
      assert.equal(r.state, 'On');
      assert.equal(r.basis, 'values');
    });
    it('DisabledByDefault=0 alone turns SSL 3.0 on in Server 2019, where the default is off [TLSREG-2019]', () => {
      assert.equal(reading({ build: 17763, values: at('SSL 3.0', 'Server', { DisabledByDefault: 0 }) }, 'SSL 3.0', 'Server').state, 'On');
    });
  });

  describe('step 4: Enabled non-zero without DisabledByDefault gives On, except TLS 1.1/1.2 on 6002/6003/7600/7601', () => {
    it('Enabled=1 alone overrides the default Off of SSL 3.0 on Windows 10 1809 [TLSREG-2023]', () => {
      const r = reading({ build: 17763, server: false, values: at('SSL 3.0', 'Client', { Enabled: 1 }) }, 'SSL 3.0', 'Client');
      assert.equal(r.state, 'On');
      assert.equal(r.basis, 'values');
    });
    it('Enabled=0xFFFFFFFF alone counts as enabled [TLSREG-2023] [HC-REG]', () => {
      assert.equal(reading({ build: 9600, values: at('TLS 1.2', 'Client', { Enabled: 0xffffffff }) }, 'TLS 1.2', 'Client').state, 'On');
    });
    it('Enabled=1 alone for TLS 1.2 on Server 2012 is On (not an exception build) [TLSREG-2023]', () => {
      assert.equal(reading({ build: 9200, values: at('TLS 1.2', 'Client', { Enabled: 1 }) }, 'TLS 1.2', 'Client').state, 'On');
    });
    for (const build of [7600, 7601] as const) {
      for (const p of ['TLS 1.1', 'TLS 1.2'] as const) {
        it(`exception: ${p} Enabled=1 alone on build ${build} stays OffByDefault (DisabledByDefault=0 is required) [AADC] [CM-CLIENT]`, () => {
          const r = reading({ build, server: true, values: at(p, 'Server', { Enabled: 1 }) }, p, 'Server');
          assert.equal(r.state, 'OffByDefault');
          assert.equal(r.basis, 'values');
        });
      }
    }
    for (const build of [6002, 6003] as const) {
      it(`exception: TLS 1.2 Enabled=1 alone on Server 2008 SP2 (${build}) with KB4019276 stays OffByDefault [DOTNET-TLS] [AADC]`, () => {
        const spec = { build, productName: 'Windows Server (R) 2008 Standard', cbs: ['KB4019276'], values: at('TLS 1.2', 'Client', { Enabled: 1 }) };
        assert.equal(reading(spec, 'TLS 1.2', 'Client').state, 'OffByDefault');
      });
    }
    it('the exception is only for TLS 1.1/1.2: TLS 1.0 and SSL 2.0 client with Enabled=1 alone on 7601 are On [TLSREG-2023] [PROTOCOLS]', () => {
      const spec = { build: 7601, server: false, values: { ...at('TLS 1.0', 'Client', { Enabled: 1 }), ...at('SSL 2.0', 'Client', { Enabled: 1 }) } };
      assert.equal(reading(spec, 'TLS 1.0', 'Client').state, 'On');
      assert.equal(reading(spec, 'SSL 2.0', 'Client').state, 'On');
    });
  });

  describe('step 5: both absent gives the per-OS default', () => {
    it('an empty protocol key is the same as no key: Windows 7 TLS 1.2 Server is OffByDefault by default [PROTOCOLS]', () => {
      const r = reading({ build: 7601, values: at('TLS 1.2', 'Server', {}) }, 'TLS 1.2', 'Server');
      assert.equal(r.state, 'OffByDefault');
      assert.equal(r.basis, 'default');
      assert.deepEqual(r.enabled, { kind: 'absent' });
      assert.deepEqual(r.disabledByDefault, { kind: 'absent' });
    });
    it('a value of another type than REG_DWORD is reported and ignored: Enabled REG_SZ "0" leaves the default On [TLSREG-2023]', () => {
      const r = reading({ build: 17763, values: at('TLS 1.2', 'Client', { Enabled: '0' }) }, 'TLS 1.2', 'Client');
      assert.equal(r.state, 'On');
      assert.equal(r.basis, 'default');
      assert.deepEqual(r.enabled, { kind: 'wrong-type', type: 'REG_SZ' });
    });
  });
});
