import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentBase } from '../../../core/readiness/components.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import { snapshotFromReg } from '../../../core/readiness/from-reg.js';
import { COMPONENTS, type Component, type ComponentStatus, type Finding, type Readiness, type Severity } from '../../../core/readiness/model.js';
import type { SchannelProtocol, Role } from '../../../core/readiness/paths.js';
import type { SchannelState } from '../../../core/readiness/schannel-state.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { encodeUtf16le, parseRegFile, type RegValue } from '../../../core/regfile/index.js';

/*
 * The readiness acceptance suite: docs/domain-facts.md section 11 (cases A01-A33), one real-looking regedit
 * export per case in tests/fixtures/acceptance/ (ASCII text with CRLF; re-encoded here as UTF-16LE with a BOM,
 * the way regedit writes, and both must give the same result). Each file is loaded with snapshotFromReg and
 * evaluated with the full rule set: evaluateSnapshot(snapshot).
 *
 * What a case asserts (docs/domain-facts.md section 11):
 * - Columns: P or W -> component status Ready, F -> NotReady, NA -> NotApplicable, "—" -> not asserted.
 *   A W column must have at least one Warn finding attached to that component, a P column none.
 *   Columns map to components H64 WinHttp, H32 WinHttp32, INet WinInet, SC SChannelClient, SS SChannelServer,
 *   N64 DotNet4, N32 DotNet4_32, N35 DotNet35 and DotNet35_32 (section 11 has one .NET 3.5 column; every
 *   .NET 3.5 rule in its rows fires for both views, so both components carry the column's verdict).
 * - Rules: Warn and Fail ids exactly as listed, with the listed multiplicity; Info ids at least as listed.
 *   Multiplicity is counted in findings of that ruleId, and each finding must be attached to exactly the
 *   listed components:
 *     "×2" on a rule scoped "per view" in section 10 = two findings, one on each view's component
 *       (NET4-003 ×2 -> [DotNet4], [DotNet4_32]);
 *     "×2" on a rule scoped "(both)" in section 10 (WINHTTP-003, -004, -010, -011, NET4-007, NET35-002) = ONE
 *       finding attached to both components (WINHTTP-003 ×2 -> [WinHttp, WinHttp32]), per the note under the
 *       section 11 table ("a rule scoped (both) in §10 fires once and is attached to both WinHTTP components");
 *       a "(both)" rule listed without "×2" (WINHTTP-010 in A09, NET35-002) is the same one finding;
 *     "(64)" / "(32)" = one finding on that view; "(client+server)" on a per-role rule (SCHANNEL-007) = two
 *       findings, one per role; "(server)" / "(client)" = one finding on that role; rules whose section 10
 *       component is "SCHANNEL client + server" / "client, server" (EXCH-001, OS-002) = one finding on both;
 *       "all" (OS-004) = one finding, components not checked.
 *   Section 10's severity of each listed rule is checked too (a listed Fail that fires as Warn is reported).
 * - Cases whose row has "—" columns (A27, A28: "assert only the listed columns") are partial: the listed ids
 *   are still checked exactly, but other Warn/Fail ids may fire (section 10 fires several more there, e.g.
 *   SCHANNEL-006/-007 on the pre-2012 per-OS defaults, which these rows do not list).
 * - Machine Ready is true exactly for the cases whose columns are all P/W/NA and complete (no "—").
 * - Confidence L (any part) -> "@unconfirmed" in the test title; those tests still run
 *   (`npx mocha --grep @unconfirmed --invert` skips them).
 *
 * Before any of that, "acceptance fixtures" checks each image itself, independently of the rule families:
 * the comment block states the case, its verdicts and rules as this table does; it parses without warnings;
 * the OS, architecture, computer name, .NET, KB, Exchange and coverage facts are what the row says; its
 * TLS-relevant values are exactly the row's (everything else absent); no component is Unknown.
 */

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'acceptance');

// ---------------------------------------------------------------------------------------------------------
// Section 11, transcribed.

type Col = 'H64' | 'H32' | 'INet' | 'SC' | 'SS' | 'N64' | 'N32' | 'N35';
type Verdict = 'P' | 'W' | 'F' | 'NA' | '—';
const COLS: readonly Col[] = ['H64', 'H32', 'INet', 'SC', 'SS', 'N64', 'N32', 'N35'];
const COLUMN_COMPONENTS: Readonly<Record<Col, readonly Component[]>> = {
  H64: ['WinHttp'], H32: ['WinHttp32'], INet: ['WinInet'], SC: ['SChannelClient'], SS: ['SChannelServer'],
  N64: ['DotNet4'], N32: ['DotNet4_32'], N35: ['DotNet35', 'DotNet35_32'],
};

/** The components one expected finding is attached to, or 'any' (not checked). */
type Scope = readonly Component[] | 'any';
interface Expected {
  /** Without the TLS365- prefix, as section 11 writes it. */
  readonly id: string;
  readonly severity: Severity;
  /** One entry per finding. */
  readonly findings: readonly Scope[];
}

const fail = (id: string, ...findings: Scope[]): Expected => ({ id, severity: 'Fail', findings });
const warn = (id: string, ...findings: Scope[]): Expected => ({ id, severity: 'Warn', findings });
const info = (id: string, ...findings: Scope[]): Expected => ({ id, severity: 'Info', findings: findings.length === 0 ? ['any'] : findings });

const H64: Scope = ['WinHttp'];
const H32: Scope = ['WinHttp32'];
const H_BOTH: Scope = ['WinHttp', 'WinHttp32'];
const INET: Scope = ['WinInet'];
const SC: Scope = ['SChannelClient'];
const SS: Scope = ['SChannelServer'];
const SC_SS: Scope = ['SChannelClient', 'SChannelServer'];
const N64: Scope = ['DotNet4'];
const N32: Scope = ['DotNet4_32'];
const N35_64: Scope = ['DotNet35'];
const N35_32: Scope = ['DotNet35_32'];
const N35_BOTH: Scope = ['DotNet35', 'DotNet35_32'];

/** What the image holds, checked by "acceptance fixtures" before any rule runs. */
interface Image {
  readonly file: string;
  readonly computerName: string;
  readonly build: number;
  readonly server: boolean;
  readonly x64: boolean;
  /** NDP v4 Full Release; null = .NET 4.x not installed. */
  readonly release: number | null;
  readonly net35: boolean;
  readonly kbDetected?: readonly string[];
  readonly kbNotDetected?: readonly string[];
  readonly exchange?: string;
  /** Every TLS-relevant value in the image (see tlsValues); anything not listed must be absent. */
  readonly tls: TlsValues;
  /** Effective Schannel states the row implies (docs/domain-facts.md 3.3), as "TLS 1.2 Client". */
  readonly schannel?: Readonly<Record<string, SchannelState>>;
}

interface Case {
  readonly id: string;
  /** Section 11 "machine state", verbatim. */
  readonly state: string;
  /** H64 H32 INet SC SS N64 N32 N35, verbatim. */
  readonly cols: string;
  /** Section 11 "rules that must fire", verbatim. */
  readonly rules: string;
  /** Section 11 "conf", verbatim. */
  readonly conf: string;
  readonly expected: readonly Expected[];
  readonly image: Image;
}

type TlsValues = Readonly<Record<string, number | string>>;
const sch = (p: string, role: 'Client' | 'Server', enabled: number | null, dbd: number | null): TlsValues => ({
  ...(enabled === null ? {} : { [`SCHANNEL ${p}\\${role} Enabled`]: enabled }),
  ...(dbd === null ? {} : { [`SCHANNEL ${p}\\${role} DisabledByDefault`]: dbd }),
});
const net = (v: 'v4.0.30319' | 'v2.0.50727', view: '64' | '32', susc: number | null, sdtv: number | null): TlsValues => ({
  ...(susc === null ? {} : { [`NET ${v} ${view} SchUseStrongCrypto`]: susc }),
  ...(sdtv === null ? {} : { [`NET ${v} ${view} SystemDefaultTlsVersions`]: sdtv }),
});
const dsp = (view: '64' | '32', n: number): TlsValues => ({ [`WinHttp ${view} DefaultSecureProtocols`]: n });
const FIPS_OFF: TlsValues = { 'FIPS Enabled': 0 };
const V4_ONE: TlsValues = { ...net('v4.0.30319', '64', 1, 1), ...net('v4.0.30319', '32', 1, 1) };
const ALL8_ONE: TlsValues = { ...V4_ONE, ...net('v2.0.50727', '64', 1, 1), ...net('v2.0.50727', '32', 1, 1) };
const HARDENED_12: TlsValues = {
  ...sch('TLS 1.0', 'Client', 0, 1), ...sch('TLS 1.0', 'Server', 0, 1),
  ...sch('TLS 1.1', 'Client', 0, 1), ...sch('TLS 1.1', 'Server', 0, 1),
  ...sch('TLS 1.2', 'Client', 1, 0), ...sch('TLS 1.2', 'Server', 1, 0),
};
const W7_REMEDIATED_NO_DSP: TlsValues = {
  ...FIPS_OFF, ...ALL8_ONE,
  ...sch('TLS 1.2', 'Client', 1, 0), ...sch('TLS 1.2', 'Server', 1, 0),
  ...sch('SSL 3.0', 'Client', 0, 1), ...sch('SSL 3.0', 'Server', 0, 1), ...sch('SSL 2.0', 'Server', 0, 1),
  'HKCU SecureProtocols': 0xa80,
};

const win10 = (file: string, computerName: string, tls: TlsValues, extra: Partial<Image> = {}): Image => ({
  file, computerName, build: 19045, server: false, x64: true, release: 528372, net35: false, tls: { ...FIPS_OFF, ...tls }, ...extra,
});
const server2019 = (file: string, computerName: string, tls: TlsValues, extra: Partial<Image> = {}): Image => ({
  file, computerName, build: 17763, server: true, x64: true, release: 528049, net35: false, tls: { ...FIPS_OFF, ...tls }, ...extra,
});
const server2012r2 = (file: string, computerName: string, tls: TlsValues, extra: Partial<Image> = {}): Image => ({
  file, computerName, build: 9600, server: true, x64: true, release: 528049, net35: false, tls: { ...FIPS_OFF, ...tls }, ...extra,
});
const win7sp1 = (file: string, computerName: string, tls: TlsValues, extra: Partial<Image> = {}): Image => ({
  file, computerName, build: 7601, server: false, x64: true, release: 528049, net35: true, tls, ...extra,
});

const CASES: readonly Case[] = [
  {
    id: 'A01', state: 'Windows 10 22H2 client, build 19045, nothing set', cols: 'P P P P P F F NA',
    rules: 'SCHANNEL-008 (Info), NET4-003 ×2, NET4-004 ×2', conf: 'M',
    expected: [info('SCHANNEL-008'), fail('NET4-003', N64, N32), warn('NET4-004', N64, N32)],
    image: win10('A01-win10-22h2-nothing-set.reg', 'W10-A01', {}, { schannel: { 'TLS 1.2 Client': 'On', 'TLS 1.0 Client': 'On', 'SSL 3.0 Client': 'OffByDefault' } }),
  },
  {
    id: 'A02', state: 'A01 + v4=1', cols: 'P P P P P P P NA', rules: 'SCHANNEL-008 (Info)', conf: 'H',
    expected: [info('SCHANNEL-008')],
    image: win10('A02-win10-22h2-v4-all-one.reg', 'W10-A02', V4_ONE),
  },
  {
    id: 'A03', state: 'Server 2019 (17763, Server), hardened-12, all8=1, .NET 3.5 installed', cols: 'P P P P P P P P', rules: 'none', conf: 'H',
    expected: [],
    image: server2019('A03-server2019-hardened12-all8-net35.reg', 'S2019-A03', { ...HARDENED_12, ...ALL8_ONE }, { net35: true, schannel: { 'TLS 1.0 Client': 'Disabled', 'TLS 1.2 Server': 'On' } }),
  },
  {
    id: 'A04', state: 'Windows 7 SP1 (7601, CSDVersion "Service Pack 1"), nothing set, .NET 3.5 installed, no KBs', cols: 'F F W F W F F F',
    rules: 'WINHTTP-003 ×2, WININET-003, SCHANNEL-003, SCHANNEL-005, SCHANNEL-006 (server), SCHANNEL-007 (client+server), SCHANNEL-008 (Info), NET4-003 ×2, NET4-004 ×2, NET4-008 ×2, NET35-001 ×2, NET35-002, NET35-003 ×2',
    conf: 'M (INet: L)',
    expected: [
      fail('WINHTTP-003', H_BOTH), warn('WININET-003', INET), fail('SCHANNEL-003', SC), warn('SCHANNEL-005', SS), warn('SCHANNEL-006', SS),
      warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008'), fail('NET4-003', N64, N32), warn('NET4-004', N64, N32), fail('NET4-008', N64, N32),
      fail('NET35-001', N35_64, N35_32), warn('NET35-002', N35_BOTH), warn('NET35-003', N35_64, N35_32),
    ],
    image: win7sp1('A04-win7sp1-nothing-set-net35-no-kbs.reg', 'W7-A04', FIPS_OFF, {
      kbNotDetected: ['KB3140245', 'KB3154518'],
      schannel: { 'TLS 1.2 Client': 'OffByDefault', 'TLS 1.2 Server': 'OffByDefault', 'SSL 2.0 Server': 'On', 'SSL 3.0 Client': 'On', 'TLS 1.1 Client': 'OffByDefault' },
    }),
  },
  {
    id: 'A05',
    state: 'Windows 7 SP1 remediated: KB3140245 + KB3154518 detected; DSP=0xA00 both views; `TLS 1.2\\Client`+`\\Server` = 1/0; `SSL 3.0\\Client`+`\\Server` = 0/1; `SSL 2.0\\Server` = 0/1; all8=1; HKCU `SecureProtocols`=0xA80; .NET 3.5 installed',
    cols: 'P P P P P P P P', rules: 'WINHTTP-007 ×2 (Info), SCHANNEL-008 (Info, TLS 1.0)', conf: 'M (INet: L)',
    expected: [info('WINHTTP-007', H64, H32), info('SCHANNEL-008')],
    image: win7sp1('A05-win7sp1-remediated.reg', 'W7-A05', { ...W7_REMEDIATED_NO_DSP, ...dsp('64', 0xa00), ...dsp('32', 0xa00) }, {
      kbDetected: ['KB3140245', 'KB3154518'], schannel: { 'TLS 1.2 Client': 'On', 'TLS 1.2 Server': 'On', 'SSL 3.0 Client': 'Disabled', 'SSL 2.0 Server': 'Disabled' },
    }),
  },
  {
    id: 'A06', state: 'A05 but DSP absent in both views', cols: 'F F P P P P P P', rules: 'WINHTTP-005 ×2',
    conf: 'L — **the seed says the KB alone suffices; see §2.2**',
    expected: [fail('WINHTTP-005', H64, H32)],
    image: win7sp1('A06-win7sp1-remediated-no-dsp.reg', 'W7-A06', W7_REMEDIATED_NO_DSP, { kbDetected: ['KB3140245', 'KB3154518'] }),
  },
  {
    id: 'A07', state: 'A05 but DSP only in the native view', cols: 'P F P P P P P P', rules: 'WINHTTP-002, WINHTTP-005 (32), WINHTTP-007 (64, Info)', conf: 'M',
    expected: [fail('WINHTTP-002', H32), fail('WINHTTP-005', H32), info('WINHTTP-007', H64)],
    image: win7sp1('A07-win7sp1-remediated-dsp-native-only.reg', 'W7-A07', { ...W7_REMEDIATED_NO_DSP, ...dsp('64', 0xa00) }, { kbDetected: ['KB3140245', 'KB3154518'] }),
  },
  {
    id: 'A08', state: 'Server 2012 (9200), nothing set, `Release`=394806 (4.6.2), no KBs', cols: 'F F W W W F F NA',
    rules: 'WINHTTP-003 ×2, WININET-003, SCHANNEL-007 (client+server), SCHANNEL-008 (Info), NET4-003 ×2, NET4-004 ×2', conf: 'M (INet: L)',
    expected: [fail('WINHTTP-003', H_BOTH), warn('WININET-003', INET), warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008'), fail('NET4-003', N64, N32), warn('NET4-004', N64, N32)],
    image: {
      file: 'A08-server2012-nothing-set-net462.reg', computerName: 'S2012-A08', build: 9200, server: true, x64: true, release: 394806, net35: false, tls: FIPS_OFF,
      kbNotDetected: ['KB3140245'], schannel: { 'TLS 1.2 Client': 'On', 'SSL 3.0 Server': 'On', 'SSL 2.0 Server': 'OffByDefault' },
    },
  },
  {
    id: 'A09', state: 'Server 2012 R2 (9600), `TLS 1.2\\Client` Enabled=0, v4=1', cols: 'F F F F W F F NA',
    rules: 'WINHTTP-010, WININET-004, SCHANNEL-001, SCHANNEL-007 (client+server), SCHANNEL-008 (Info), NET4-008 ×2', conf: 'H',
    expected: [fail('WINHTTP-010', H_BOTH), fail('WININET-004', INET), fail('SCHANNEL-001', SC), warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008'), fail('NET4-008', N64, N32)],
    image: server2012r2('A09-server2012r2-tls12-client-disabled.reg', 'S2012R2-A09', { ...sch('TLS 1.2', 'Client', 0, null), ...V4_ONE }, { schannel: { 'TLS 1.2 Client': 'Disabled', 'TLS 1.2 Server': 'On' } }),
  },
  {
    id: 'A10', state: 'Server 2016 (14393), `TLS 1.2\\Client` DisabledByDefault=1 (Enabled absent), v4=1', cols: 'P P P F P F F NA',
    rules: 'SCHANNEL-002, NET4-008 ×2, SCHANNEL-008 (Info)', conf: 'L (WinHTTP/WinINet behaviour with DisabledByDefault=1 unconfirmed)',
    expected: [fail('SCHANNEL-002', SC), fail('NET4-008', N64, N32), info('SCHANNEL-008')],
    image: {
      file: 'A10-server2016-tls12-client-dbd1.reg', computerName: 'S2016-A10', build: 14393, server: true, x64: true, release: 528049, net35: false,
      tls: { ...FIPS_OFF, ...sch('TLS 1.2', 'Client', null, 1), ...V4_ONE }, schannel: { 'TLS 1.2 Client': 'OffByDefault' },
    },
  },
  {
    id: 'A11', state: 'Windows 10 1809 client (17763), DSP=0x880 both views, v4=1', cols: 'P P P P P P P NA',
    rules: 'WINHTTP-007 ×2, WINHTTP-012 ×2, SCHANNEL-008 (all Info)', conf: 'H',
    expected: [info('WINHTTP-007', H64, H32), info('WINHTTP-012', H64, H32), info('SCHANNEL-008')],
    image: win10('A11-win10-1809-dsp-0x880.reg', 'W10-A11', { ...dsp('64', 0x880), ...dsp('32', 0x880), ...V4_ONE }, { build: 17763, release: 528049 }),
  },
  {
    id: 'A12', state: 'Windows 10 (19045), DSP=0x0A0 both views, v4=1', cols: 'F F P P P P P NA',
    rules: 'WINHTTP-001 ×2, WINHTTP-006 ×2, WINHTTP-007 ×2, WINHTTP-012 ×2, SCHANNEL-008', conf: 'H',
    expected: [fail('WINHTTP-001', H64, H32), warn('WINHTTP-006', H64, H32), info('WINHTTP-007', H64, H32), info('WINHTTP-012', H64, H32), info('SCHANNEL-008')],
    image: win10('A12-win10-dsp-0x0a0.reg', 'W10-A12', { ...dsp('64', 0xa0), ...dsp('32', 0xa0), ...V4_ONE }),
  },
  {
    id: 'A13', state: 'Windows 10 (19045), DSP=0xAA8 native only, v4=1', cols: 'W P P P P P P NA',
    rules: 'WINHTTP-006 (64), WINHTTP-007 (64), WINHTTP-012 (64), SCHANNEL-008', conf: 'H',
    expected: [warn('WINHTTP-006', H64), info('WINHTTP-007', H64), info('WINHTTP-012', H64), info('SCHANNEL-008')],
    image: win10('A13-win10-dsp-0xaa8-native-only.reg', 'W10-A13', { ...dsp('64', 0xaa8), ...V4_ONE }),
  },
  {
    id: 'A14', state: 'Windows 10 (19045), DSP=0x4800 native only, v4=1', cols: 'W P P P P P P NA',
    rules: 'WINHTTP-008 (64), WINHTTP-012 (64), SCHANNEL-008', conf: 'M',
    expected: [warn('WINHTTP-008', H64), info('WINHTTP-012', H64), info('SCHANNEL-008')],
    image: win10('A14-win10-dsp-0x4800-native-only.reg', 'W10-A14', { ...dsp('64', 0x4800), ...V4_ONE }),
  },
  {
    id: 'A15', state: 'Server 2012 R2 (9600), `Release`=379893 (4.5.2), nothing else', cols: 'P P P W W F F NA',
    rules: 'NET4-002 ×2, NET4-004 ×2, NET4-009 ×2 (Info), SCHANNEL-007 (client+server), SCHANNEL-008', conf: 'H',
    expected: [fail('NET4-002', N64, N32), warn('NET4-004', N64, N32), info('NET4-009', N64, N32), warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008')],
    image: server2012r2('A15-server2012r2-net452.reg', 'S2012R2-A15', {}, { release: 379893 }),
  },
  {
    id: 'A16', state: 'Windows 10 (19045), native v4 both values 1, Wow v4 values absent', cols: 'P P P P P P F NA',
    rules: 'NET4-003 (32), NET4-004 (32), NET4-005, SCHANNEL-008', conf: 'H',
    expected: [fail('NET4-003', N32), warn('NET4-004', N32), warn('NET4-005', N32), info('SCHANNEL-008')],
    image: win10('A16-win10-wow-v4-absent.reg', 'W10-A16', net('v4.0.30319', '64', 1, 1)),
  },
  {
    id: 'A17', state: 'Windows 10 (19045), native `SchUseStrongCrypto`=0 and `SystemDefaultTlsVersions`=1; Wow both 1', cols: 'P P P P P F W NA',
    rules: 'NET4-001 (64), NET4-005, SCHANNEL-008', conf: 'H',
    expected: [fail('NET4-001', N64), warn('NET4-005', N32), info('SCHANNEL-008')],
    image: win10('A17-win10-native-susc-0.reg', 'W10-A17', { ...net('v4.0.30319', '64', 0, 1), ...net('v4.0.30319', '32', 1, 1) }),
  },
  {
    id: 'A18', state: 'Server 2012 R2 (9600), v4=1, .NET 3.5 installed, v2 values absent, KB3154520 not detected', cols: 'P P P W W P P F',
    rules: 'NET35-001 ×2, NET35-002, NET35-003 ×2, SCHANNEL-007 (client+server), SCHANNEL-008', conf: 'H',
    expected: [fail('NET35-001', N35_64, N35_32), warn('NET35-002', N35_BOTH), warn('NET35-003', N35_64, N35_32), warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008')],
    image: server2012r2('A18-server2012r2-net35-v2-absent-no-kb.reg', 'S2012R2-A18', V4_ONE, { net35: true, kbNotDetected: ['KB3154520'] }),
  },
  {
    id: 'A19', state: 'A18 but all8=1 and KB3154520 detected', cols: 'P P P W W P P P',
    rules: 'SCHANNEL-007 (client+server), SCHANNEL-008', conf: 'H',
    expected: [warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008')],
    image: server2012r2('A19-server2012r2-net35-all8-kb3154520.reg', 'S2012R2-A19', ALL8_ONE, { net35: true, kbDetected: ['KB3154520'] }),
  },
  {
    id: 'A20', state: 'A19 but KB3154520 not detected', cols: 'P P P W W P P W',
    rules: 'NET35-002, SCHANNEL-007 (client+server), SCHANNEL-008', conf: 'M',
    expected: [warn('NET35-002', N35_BOTH), warn('SCHANNEL-007', SC, SS), info('SCHANNEL-008')],
    image: server2012r2('A20-server2012r2-net35-all8-no-kb.reg', 'S2012R2-A20', ALL8_ONE, { net35: true, kbNotDetected: ['KB3154520'] }),
  },
  {
    id: 'A21', state: 'Windows 10 1809 client (17763), v4=1, `SSL 3.0\\Client` Enabled=1 (DBD absent)', cols: 'P P P W P P P NA',
    rules: 'SCHANNEL-007 (client), SCHANNEL-008', conf: 'H',
    expected: [warn('SCHANNEL-007', SC), info('SCHANNEL-008')],
    image: win10('A21-win10-1809-ssl3-client-enabled.reg', 'W10-A21', { ...V4_ONE, ...sch('SSL 3.0', 'Client', 1, null) }, {
      build: 17763, release: 528049, schannel: { 'SSL 3.0 Client': 'On', 'SSL 3.0 Server': 'OffByDefault' },
    }),
  },
  {
    id: 'A22', state: 'A03 + `Lsa\\FipsAlgorithmPolicy` Enabled=1', cols: 'P P P P P P P P', rules: 'SCHANNEL-013 (Info)', conf: 'H',
    expected: [info('SCHANNEL-013', SC)],
    image: server2019('A22-server2019-hardened-fips.reg', 'S2019-A22', { ...HARDENED_12, ...ALL8_ONE, 'FIPS Enabled': 1 }, { net35: true }),
  },
  {
    id: 'A23', state: 'A03 + GPO `Functions` = `TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_SHA`', cols: 'P P P F P P P P',
    rules: 'SCHANNEL-014, SCHANNEL-016 (Info)', conf: 'H',
    expected: [fail('SCHANNEL-014', SC), info('SCHANNEL-016', SC)],
    image: server2019('A23-server2019-hardened-gpo-3des-rc4.reg', 'S2019-A23', {
      ...HARDENED_12, ...ALL8_ONE, 'Cipher GPO Functions': 'TLS_RSA_WITH_3DES_EDE_CBC_SHA,TLS_RSA_WITH_RC4_128_SHA',
    }, { net35: true }),
  },
  {
    id: 'A24', state: 'A03 + GPO `Functions` = `TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256`', cols: 'P P P W P P P P',
    rules: 'SCHANNEL-015', conf: 'H',
    expected: [warn('SCHANNEL-015', SC)],
    image: server2019('A24-server2019-hardened-gpo-rsa-gcm-only.reg', 'S2019-A24', {
      ...HARDENED_12, ...ALL8_ONE, 'Cipher GPO Functions': 'TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256',
    }, { net35: true }),
  },
  {
    id: 'A25', state: 'Exchange 2019 CU14 on Server 2022 (20348); A03 values; `TLS 1.3\\Server` = Enabled 1, DBD 0; `TLS 1.3\\Client` absent', cols: 'P P P F F P P P',
    rules: 'EXCH-001, EXCH-004', conf: 'H (per HealthChecker logic)',
    expected: [fail('EXCH-001', SC_SS), fail('EXCH-004', SS)],
    image: {
      file: 'A25-exchange2019-cu14-server2022-tls13-server.reg', computerName: 'EX19-A25', build: 20348, server: true, x64: true, release: 528449, net35: true,
      exchange: '15.2.1544.4', tls: { ...FIPS_OFF, ...HARDENED_12, ...ALL8_ONE, ...sch('TLS 1.3', 'Server', 1, 0) }, schannel: { 'TLS 1.3 Server': 'On', 'TLS 1.3 Client': 'On' },
    },
  },
  {
    id: 'A26', state: 'Exchange 2016 CU23 on Server 2016; hardened-12; native v4 1/1; Wow v4 values absent', cols: 'P P P P P P F NA',
    rules: 'EXCH-006 (32), EXCH-007 (32), NET4-003 (32), NET4-004 (32), NET4-005', conf: 'H',
    expected: [fail('EXCH-006', N32), fail('EXCH-007', N32), fail('NET4-003', N32), warn('NET4-004', N32), warn('NET4-005', N32)],
    image: {
      file: 'A26-exchange2016-cu23-server2016-wow-v4-absent.reg', computerName: 'EX16-A26', build: 14393, server: true, x64: true, release: 528049, net35: false,
      exchange: '15.1.2507.6', tls: { ...FIPS_OFF, ...HARDENED_12, ...net('v4.0.30319', '64', 1, 1) }, schannel: { 'TLS 1.3 Server': 'NotSupported' },
    },
  },
  {
    id: 'A27', state: 'Server 2008 SP2 (6002, Server, CSDVersion "Service Pack 2"), KB4019276 not detected', cols: 'F F — F F — — —',
    rules: 'OS-002, WINHTTP-010 ×2, WINHTTP-011 ×2', conf: 'L (assert only the listed columns)',
    expected: [fail('OS-002', SC_SS), fail('WINHTTP-010', H_BOTH), warn('WINHTTP-011', H_BOTH)],
    image: {
      file: 'A27-server2008sp2-no-kb4019276.reg', computerName: 'S2008-A27', build: 6002, server: true, x64: true, release: 394806, net35: false, tls: FIPS_OFF,
      kbNotDetected: ['KB4019276'], schannel: { 'TLS 1.2 Client': 'NotSupported', 'TLS 1.2 Server': 'NotSupported', 'TLS 1.0 Client': 'On' },
    },
  },
  {
    id: 'A28', state: 'Windows 7 RTM (7600)', cols: 'F F — F — — — —', rules: 'OS-004, WINHTTP-004 ×2, SCHANNEL-003', conf: 'M (assert only the listed columns)',
    expected: [fail('OS-004', 'any'), fail('WINHTTP-004', H_BOTH), fail('SCHANNEL-003', SC)],
    image: { file: 'A28-win7-rtm.reg', computerName: 'W7RTM-A28', build: 7600, server: false, x64: true, release: null, net35: false, tls: FIPS_OFF, schannel: { 'TLS 1.2 Client': 'OffByDefault' } },
  },
  {
    id: 'A29', state: 'Windows 10 x86 (no Wow6432Node view), nothing set', cols: 'NA P P P P NA F NA',
    rules: 'NET4-003 (32), NET4-004 (32), SCHANNEL-008', conf: 'M',
    expected: [fail('NET4-003', N32), warn('NET4-004', N32), info('SCHANNEL-008')],
    image: win10('A29-win10-x86-nothing-set.reg', 'W10X86-A29', {}, { x64: false }),
  },
  {
    id: 'A30', state: 'Windows 10 (19045), v4=1, TLS 1.0 and 1.1 Client+Server = Enabled 0 / DBD 1', cols: 'P P P P P P P NA', rules: 'none', conf: 'H',
    expected: [],
    image: win10('A30-win10-tls10-tls11-disabled.reg', 'W10-A30', {
      ...V4_ONE, ...sch('TLS 1.0', 'Client', 0, 1), ...sch('TLS 1.0', 'Server', 0, 1), ...sch('TLS 1.1', 'Client', 0, 1), ...sch('TLS 1.1', 'Server', 0, 1),
    }, { schannel: { 'TLS 1.0 Client': 'Disabled', 'TLS 1.1 Server': 'Disabled', 'TLS 1.2 Client': 'On' } }),
  },
  {
    id: 'A31', state: 'Server 2019 (17763), v4=1, `TLS 1.0\\Server` = Enabled 0, DisabledByDefault 0 (nothing else)', cols: 'P P P P W P P NA',
    rules: 'SCHANNEL-012 (server), SCHANNEL-008 (Info: TLS 1.0 client, TLS 1.1 both)', conf: 'H',
    expected: [warn('SCHANNEL-012', SS), info('SCHANNEL-008')],
    image: server2019('A31-server2019-tls10-server-half-disabled.reg', 'S2019-A31', { ...V4_ONE, ...sch('TLS 1.0', 'Server', 0, 0) }, {
      schannel: { 'TLS 1.0 Server': 'Disabled', 'TLS 1.0 Client': 'On', 'TLS 1.1 Server': 'On' },
    }),
  },
  {
    id: 'A32', state: 'Windows 11 23H2 (22631, Client), v4=1, nothing else', cols: 'P P P P P P P NA', rules: 'none (SCHANNEL-008 suppressed on ≥ 22000)', conf: 'M',
    expected: [],
    image: win10('A32-win11-23h2-v4-all-one.reg', 'W11-A32', V4_ONE, { build: 22631, release: 533320, schannel: { 'TLS 1.0 Client': 'On', 'TLS 1.3 Client': 'On' } }),
  },
  {
    id: 'A33', state: 'Windows 10 (19045), v4=1, HKCU `SecureProtocols`=0xA0', cols: 'P P F P P P P NA',
    rules: 'WININET-001, WININET-002, SCHANNEL-008', conf: 'L (WinINet layout unconfirmed)',
    expected: [fail('WININET-001', INET), warn('WININET-002', INET), info('SCHANNEL-008')],
    image: win10('A33-win10-hkcu-secureprotocols-0xa0.reg', 'W10-A33', { ...V4_ONE, 'HKCU SecureProtocols': 0xa0 }),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Helpers.

function columnsOf(c: Case): ReadonlyMap<Col, Verdict> {
  const parts = c.cols.split(' ');
  assert.equal(parts.length, COLS.length, `${c.id}: the row needs ${COLS.length} columns`);
  return new Map(COLS.map((col, i) => {
    const v = parts[i];
    assert.ok(v === 'P' || v === 'W' || v === 'F' || v === 'NA' || v === '—', `${c.id} ${col}: bad verdict ${String(v)}`);
    return [col, v];
  }));
}

const partial = (c: Case): boolean => c.cols.includes('—');
const unconfirmed = (c: Case): boolean => /\bL\b/.test(c.conf);
const title = (c: Case): string => `${c.id}: ${c.state} [${c.conf}]${unconfirmed(c) ? ' @unconfirmed' : ''}`;
/** How the .reg comments spell section 11's text: plain ASCII. */
const ascii = (s: string): string => s.replace(/×/g, 'x').replace(/—/g, '-').replace(/≥/g, '>=').replace(/§/g, 'section ').replace(/\*\*/g, '');

function readFixture(c: Case): Uint8Array {
  return readFileSync(join(FIXTURES, c.image.file));
}

/** The file as regedit writes it: BOM FF FE, UTF-16LE. */
function asUtf16(bytes: Uint8Array): Uint8Array {
  return encodeUtf16le(Buffer.from(bytes).toString('latin1'));
}

function load(bytes: Uint8Array, file: string): MachineSnapshot {
  const r = snapshotFromReg(bytes, file);
  if (!r.ok) assert.fail(`${file} does not load: ${r.error.message}`);
  return r.value;
}

const STATUS: Readonly<Record<Exclude<Verdict, '—'>, ComponentStatus>> = { P: 'Ready', W: 'Ready', F: 'NotReady', NA: 'NotApplicable' };
const shortId = (f: Finding): string => f.ruleId.replace(/^TLS365-/, '');
const sameSet = (a: readonly Component[], b: readonly Component[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const show = (f: Finding): string => `${shortId(f)}[${f.severity}: ${f.components.join('+') || '-'}]`;
const showScope = (s: Scope): string => (s === 'any' ? 'any' : s.join('+'));

/** Matches expected scopes to findings one to one; returns the scopes left over and the findings left over. */
function match(scopes: readonly Scope[], findings: readonly Finding[], severity: Severity): { missing: Scope[]; unmatched: Finding[] } {
  const left = [...findings];
  const missing: Scope[] = [];
  // Exact component sets first, so 'any' cannot take a finding a specific scope needs.
  const ordered = [...scopes].sort((a, b) => (a === 'any' ? 1 : 0) - (b === 'any' ? 1 : 0));
  for (const s of ordered) {
    const i = left.findIndex((f) => f.severity === severity && (s === 'any' || sameSet(f.components, s)));
    if (i < 0) missing.push(s);
    else left.splice(i, 1);
  }
  return { missing, unmatched: left };
}

/** Every way the evaluation differs from the row, one line each. */
function problemsOf(c: Case, r: Readiness): string[] {
  const out: string[] = [];
  const cols = columnsOf(c);
  for (const col of COLS) {
    const want = cols.get(col) as Verdict;
    if (want === '—') continue;
    for (const comp of COLUMN_COMPONENTS[col]) {
      const v = r.components.find((x) => x.name === comp);
      if (v === undefined) {
        out.push(`${col}: component ${comp} missing from the result`);
        continue;
      }
      const warns = r.findings.filter((f) => f.severity === 'Warn' && f.components.includes(comp));
      if (v.status !== STATUS[want]) out.push(`${col} (${comp}): expected ${want} = ${STATUS[want]}, got ${v.status} (${v.reason})`);
      else if (want === 'W' && warns.length === 0) out.push(`${col} (${comp}): expected W, but no Warn finding is attached`);
      else if (want === 'P' && warns.length > 0) out.push(`${col} (${comp}): expected P, but Warn finding(s) attached: ${warns.map(show).join(', ')}`);
    }
  }
  const listed = new Set(c.expected.map((e) => e.id));
  for (const e of c.expected) {
    const fired = r.findings.filter((f) => shortId(f) === e.id);
    if (e.severity === 'Info') {
      const wrong = fired.filter((f) => f.severity !== 'Info');
      if (wrong.length > 0) out.push(`${e.id}: expected Info, fires as ${wrong.map(show).join(', ')}`);
      const { missing } = match(e.findings, fired, 'Info');
      if (missing.length > 0) out.push(`${e.id} (Info): missing on ${missing.map(showScope).join(', ')}; fired: ${fired.map(show).join(', ') || 'nothing'}`);
      continue;
    }
    const { missing, unmatched } = match(e.findings, fired, e.severity);
    if (missing.length > 0 || unmatched.length > 0) {
      const want = e.findings.map((s) => `${e.severity}: ${showScope(s)}`).join(' | ');
      out.push(`${e.id}: expected ${e.findings.length} finding(s) [${want}], fired ${fired.length}: ${fired.map(show).join(', ') || 'nothing'}`);
    }
  }
  if (!partial(c)) {
    const extra = r.findings.filter((f) => f.severity !== 'Info' && !listed.has(shortId(f)));
    if (extra.length > 0) out.push(`not listed but fired: ${extra.map(show).join(', ')}`);
  }
  return out;
}

/** The expected machine Ready: true for complete all-P/W/NA rows, false when any column is F, else not asserted. */
function expectedReady(c: Case): boolean | null {
  const v = [...columnsOf(c).values()];
  if (v.includes('F')) return false;
  return v.includes('—') ? null : true;
}

/** TLS-relevant values of an image, by a short label; everything else in the image is context. */
function tlsValues(s: MachineSnapshot): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const val = (v: RegValue): number | string => (v.type === 'REG_DWORD' ? v.data : v.type === 'REG_SZ' ? v.data : `${v.type}:${JSON.stringify(v)}`);
  const rules: readonly { re: RegExp; label: (m: RegExpExecArray, name: string) => string | null }[] = [
    { re: /^HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\([^\\]+)\\([^\\]+)$/i, label: (m, n) => `SCHANNEL ${m[1] ?? ''}\\${m[2] ?? ''} ${n}` },
    { re: /^HKEY_LOCAL_MACHINE\\SOFTWARE\\(Wow6432Node\\)?Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp$/i, label: (m, n) => `WinHttp ${m[1] ? '32' : '64'} ${n}` },
    { re: /^HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings$/i, label: (_m, n) => (/^SecureProtocols$/i.test(n) ? `HKCU ${n}` : null) },
    { re: /^HKEY_LOCAL_MACHINE\\SOFTWARE\\(Wow6432Node\\)?Microsoft\\Windows\\CurrentVersion\\Internet Settings$/i, label: (m, n) => (/^SecureProtocols$/i.test(n) ? `HKLM ${m[1] ? '32 ' : ''}${n}` : null) },
    { re: /^HKEY_(LOCAL_MACHINE|CURRENT_USER)\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings$/i, label: (m, n) => `${m[1] === 'LOCAL_MACHINE' ? 'HKLM' : 'HKCU'} policy ${n}` },
    { re: /^HKEY_LOCAL_MACHINE\\SOFTWARE\\(Wow6432Node\\)?Microsoft\\\.NETFramework\\(v4\.0\.30319|v2\.0\.50727)$/i, label: (m, n) => `NET ${m[2] ?? ''} ${m[1] ? '32' : '64'} ${n}` },
    { re: /^HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy$/i, label: (_m, n) => `FIPS ${n}` },
    { re: /^HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa$/i, label: (_m, n) => (/^FipsAlgorithmPolicy$/i.test(n) ? `FIPS (Lsa) ${n}` : null) },
    { re: /^HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002$/i, label: (_m, n) => `Cipher GPO ${n}` },
    { re: /^HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002$/i, label: (_m, n) => `Cipher local ${n}` },
  ];
  for (const key of s.registry) {
    for (const rule of rules) {
      const m = rule.re.exec(key.path);
      if (m === null) continue;
      for (const { name, value } of key.values) {
        const label = rule.label(m, name);
        if (label !== null) out[label] = val(value);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

describe('readiness acceptance fixtures (docs/domain-facts.md 11): the images themselves', () => {
  it('the folder holds exactly the 33 case files, A01 to A33', () => {
    const files = readdirSync(FIXTURES).filter((f) => !/^README/i.test(f)).sort();
    assert.deepEqual(files, CASES.map((c) => c.image.file).sort());
    assert.deepEqual(CASES.map((c) => c.id), Array.from({ length: 33 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`));
  });

  for (const c of CASES) {
    it(`${c.id}: ${c.image.file} is a clean regedit export of the machine the row describes`, () => {
      const bytes = readFixture(c);
      const text = Buffer.from(bytes).toString('latin1');
      assert.ok(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(text), 'plain ASCII text');
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'CRLF line endings only');
      const lines = text.split('\r\n');
      assert.equal(lines[0], 'Windows Registry Editor Version 5.00');
      const comment = lines.slice(1, lines.findIndex((l, i) => i > 0 && !l.startsWith(';'))).join('\n');
      assert.ok(comment.includes(`acceptance case ${c.id} `), 'the comment names the case');
      assert.ok(comment.includes(`confidence ${ascii(c.conf)}\n`), `the comment states the confidence "${ascii(c.conf)}"`);
      assert.ok(comment.includes(`Machine state (section 11): ${ascii(c.state)}\n`), 'the comment states the machine state');
      const verdicts = COLS.map((col) => `${col}=${ascii(columnsOf(c).get(col) as string)}`).join(' ');
      assert.ok(comment.includes(`Expected verdicts: ${verdicts}\n`), `the comment states "Expected verdicts: ${verdicts}"`);
      assert.ok(comment.includes(`Expected rules (section 11): ${ascii(c.rules)}\n`), 'the comment states the rules');
      for (const e of c.expected) assert.ok(comment.includes(`TLS365-${e.id}: ${e.severity}`), `the comment lists TLS365-${e.id} as ${e.severity} with its sources`);

      const parsed = parseRegFile(bytes, c.image.file);
      assert.ok(parsed.ok, `parses: ${JSON.stringify(parsed.ok ? null : parsed.errors)}`);
      assert.deepEqual(parsed.warnings, []);

      const snap = load(bytes, c.image.file);
      const m = machineFacts(snap);
      const img = c.image;
      assert.equal(m.computerName, img.computerName, 'computer name from ComputerName\\ComputerName');
      assert.equal(m.os?.build, img.build);
      assert.equal(m.os?.isServer, img.server);
      assert.equal(m.os?.knownBuild, true);
      assert.equal(m.x64, img.x64);
      assert.deepEqual(
        { os: m.coverage.os, schannel: m.coverage.schannel, winHttp64: m.coverage.winHttp('64'), winHttp32: m.coverage.winHttp('32'), winInet: m.coverage.winInet, dotnet: m.coverage.dotnet, updates: m.coverage.updates },
        { os: true, schannel: true, winHttp64: true, winHttp32: true, winInet: true, dotnet: true, updates: true },
        'full coverage: every root key is in the image',
      );
      assert.equal(m.dotnet4.installed, img.release !== null);
      assert.equal(m.dotnet4.release, img.release);
      assert.equal(m.dotnet35.installed, img.net35);
      for (const kb of img.kbDetected ?? []) assert.equal(m.updates.state(kb).kind, 'detected', `${kb} detected`);
      for (const kb of img.kbNotDetected ?? []) assert.equal(m.updates.state(kb).kind, 'not-detected', `${kb} not detected`);
      assert.equal(m.products.exchange?.version ?? null, img.exchange ?? null, 'Exchange');
      assert.equal(m.products.configMgrClient, false);
      assert.equal(m.products.azureAdConnect, false);
      assert.deepEqual(tlsValues(snap), img.tls, 'TLS-relevant values: exactly the row\'s');
      for (const [k, want] of Object.entries(img.schannel ?? {})) {
        const [p, v, role] = k.split(' ');
        assert.equal(m.schannel(`${p} ${v}` as SchannelProtocol, role as Role).state, want, `S(${p} ${v}, ${role})`);
      }

      const na = new Set<Component>();
      if (!img.x64) na.add('WinHttp').add('DotNet4').add('DotNet35');
      if (img.release === null) na.add('DotNet4').add('DotNet4_32');
      if (!img.net35) na.add('DotNet35').add('DotNet35_32');
      for (const comp of COMPONENTS) {
        const base = componentBase(m, comp);
        assert.notEqual(base.kind, 'Unknown', `${comp} is Unknown: ${base.kind === 'Unknown' ? base.reason : ''}`);
        assert.equal(base.kind === 'NotApplicable', na.has(comp), `${comp}: ${base.kind}`);
      }
      for (const [col, want] of columnsOf(c)) {
        if (want === '—') continue;
        for (const comp of COLUMN_COMPONENTS[col]) assert.equal(na.has(comp), want === 'NA', `${col} ${want} vs the image (${comp})`);
      }
    });
  }
});

describe('readiness acceptance cases (docs/domain-facts.md 11)', () => {
  for (const c of CASES) {
    it(title(c), () => {
      const r = evaluateSnapshot(load(readFixture(c), c.image.file));
      const problems = problemsOf(c, r);
      if (problems.length > 0) assert.fail(`${c.id}:\n  ${problems.join('\n  ')}`);
    });
  }
});

describe('readiness acceptance: machine Ready (docs/domain-facts.md Conventions)', () => {
  for (const c of CASES) {
    const want = expectedReady(c);
    if (want === null) continue;
    it(`${c.id}: Ready is ${String(want)}${unconfirmed(c) ? ' @unconfirmed' : ''}`, () => {
      const r = evaluateSnapshot(load(readFixture(c), c.image.file));
      const notReady = r.components.filter((x) => x.status !== 'Ready' && x.status !== 'NotApplicable').map((x) => `${x.name}=${x.status}`);
      assert.equal(r.ready, want, `${c.id}: Ready ${String(r.ready)}; components not Ready: ${notReady.join(', ') || 'none'}`);
    });
  }
});

describe('readiness acceptance: the UTF-16LE export (as regedit writes it) gives the same result', () => {
  for (const c of CASES) {
    it(`${c.id}: UTF-16LE with BOM = ASCII`, () => {
      const bytes = readFixture(c);
      const wide = asUtf16(bytes);
      assert.deepEqual(Array.from(wide.subarray(0, 2)), [0xff, 0xfe]);
      assert.equal(parseRegFile(wide, c.image.file).encoding, 'utf-16le');
      const a = load(bytes, c.image.file);
      const b = load(wide, c.image.file);
      assert.deepEqual(b, a);
      assert.deepEqual(evaluateSnapshot(b), evaluateSnapshot(a));
    });
  }
});
