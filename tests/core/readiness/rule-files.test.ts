import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { machineFacts, type MachineFacts } from '../../../core/readiness/facts.js';
import { COMPONENTS, type Component, type Severity } from '../../../core/readiness/model.js';
import type { EvaluateOptions, Role, Rule, RuleOutput } from '../../../core/readiness/rule.js';
import { EXCH_009, exchangeFleetFindings } from '../../../core/readiness/rules/exchange/TLS365-EXCH-009.js';
import { RULES } from '../../../core/readiness/rules/index.js';
import { cipherPolicy, exchangeSetup, machine, netfx, schannel, winhttp, type MachineSpec } from '../../support/machine.js';
import { acceptance, EXAMPLES_DIR, load, regFiles } from '../plan/support.js';

/*
 * One readiness rule per file, one shape (issue 14, item 3): core/readiness/rules/<family>/<id>.ts exports exactly
 * one Rule, named after its id, with the members of core/readiness/rule.ts in order. What a rule declares
 * (`severity`, `components`) is held to what it does: every output over the acceptance and example images stays
 * inside the declaration, and every declared value is reached somewhere, so the catalogue (docs/rules.md, which
 * prints them) cannot claim more or less than the code does.
 */

const RULES_DIR = join(__dirname, '..', '..', '..', 'core', 'readiness', 'rules');
const ALL: readonly Rule[] = [...RULES, EXCH_009];
const SEVERITIES: readonly Severity[] = ['Fail', 'Warn', 'Info'];

/** Id prefix -> the folder its rules live in. */
const FAMILY: Readonly<Record<string, string>> = {
  OS: 'os', WINHTTP: 'winhttp', WININET: 'wininet', SCHANNEL: 'schannel', NET4: 'dotnet4', NET35: 'dotnet35',
  EXCH: 'exchange', AADC: 'products', CM: 'products', OFFICE: 'products', ENDPOINT: 'endpoint',
};
const familyOf = (id: string): string | undefined => FAMILY[id.replace(/^TLS365-/, '').replace(/-\d+$/, '')];
const constName = (id: string): string => id.replace(/^TLS365-/, '').replace(/-/g, '_');

const looksLikeRule = (x: unknown): x is Rule =>
  typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' && typeof (x as { evaluate?: unknown }).evaluate === 'function';

interface SourceFile {
  readonly folder: string;
  readonly file: string;
  /** Its exports that are rules, by export name. */
  readonly rules: readonly (readonly [string, Rule])[];
}

function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  for (const folder of readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(RULES_DIR, folder)).filter((f) => f.endsWith('.ts')).sort()) {
      // The same module instance the rest of the core imports (ts-node resolves the .js specifiers to these files).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- files found on disk at run time: import cannot name them
      const mod = require(join(RULES_DIR, folder, file)) as Record<string, unknown>;
      out.push({ folder, file, rules: Object.entries(mod).filter((e): e is [string, Rule] => looksLikeRule(e[1])) });
    }
  }
  return out;
}

describe('readiness rules: one file per rule, one shape (issue 14)', () => {
  const files = sourceFiles();
  const ruleFiles = files.filter((f) => f.file.startsWith('TLS365-'));

  it('each TLS365-*.ts exports exactly one Rule, named after its id, whose id is the file name and whose folder is its family', () => {
    assert.ok(ruleFiles.length > 0);
    for (const f of ruleFiles) {
      const where = `${f.folder}/${f.file}`;
      assert.equal(f.rules.length, 1, `${where} exports ${f.rules.length} rules`);
      const [name, rule] = f.rules[0] as readonly [string, Rule];
      assert.equal(`${rule.id}.ts`, f.file, `${where} holds ${rule.id}`);
      assert.equal(name, constName(rule.id), `${where}: export const ${constName(rule.id)}`);
      assert.equal(familyOf(rule.id), f.folder, `${where}: ${rule.id} belongs in ${String(familyOf(rule.id))}/`);
    }
  });

  it('no other file under rules/<family>/ exports a rule (helpers and index.ts only)', () => {
    for (const f of files.filter((x) => !x.file.startsWith('TLS365-'))) {
      assert.deepEqual(f.rules.map(([n]) => n), [], `${f.folder}/${f.file} exports a rule`);
    }
  });

  it('every id in RULES, and TLS365-EXCH-009, is unique and has its file; RULES holds those very objects', () => {
    const ids = ALL.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    const byId = new Map(ruleFiles.map((f) => [f.file.replace(/\.ts$/, ''), (f.rules[0] as readonly [string, Rule])[1]]));
    for (const r of ALL) assert.equal(byId.get(r.id), r, `${r.id}: no rules/${String(familyOf(r.id))}/${r.id}.ts exports this rule`);
    assert.deepEqual([...byId.keys()].sort(), [...ids].sort(), 'a rule file whose rule is neither in RULES nor EXCH-009');
    assert.ok(!RULES.includes(EXCH_009), 'EXCH-009 compares a batch: it is not in RULES');
  });

  it('every rule has the members of rule.ts in order, its severities most severe first, known components in catalogue order, one fix sentence', () => {
    for (const r of ALL) {
      const keys = ['id', 'title', 'severity', 'components', 'sources', ...(r.applies === undefined ? [] : ['applies']), 'evaluate', 'fix'];
      assert.deepEqual(Object.keys(r), keys, r.id);
      assert.ok(r.title.length > 0 && r.sources.length > 0, r.id);
      assert.ok(r.severity.length > 0, `${r.id}: no severity`);
      assert.deepEqual(r.severity, SEVERITIES.filter((s) => r.severity.includes(s)), `${r.id}: severity ${r.severity.join(', ')}`);
      assert.deepEqual(r.components, COMPONENTS.filter((c) => r.components.includes(c)), `${r.id}: components ${r.components.join(', ')}`);
      assert.match(r.fix, /^[A-Z].*\.$/, `${r.id}: fix ${r.fix}`);
      assert.ok(!/\n/.test(r.fix), `${r.id}: fix on one line`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Declared severities and components against what the rules write.

const ROLES: readonly Role[] = ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'];
/** Without and with every role; `discovery` is the only way to run SCHANNEL-017. */
/** The endpoint rules run only with a judged day: one before each announced change (more and less than 90 days ahead) and one after. */
const OPTION_SETS: readonly EvaluateOptions[] = [
  { roles: [] }, { roles: ROLES }, { roles: [], discovery: true }, { roles: ROLES, discovery: true },
  { roles: [], asOf: '2025-11-01' }, { roles: [], asOf: '2026-02-15' }, { roles: [], asOf: '2026-12-05' },
];

interface Output {
  readonly rule: Rule;
  readonly where: string;
  readonly out: RuleOutput;
}

/** Every rule over every machine and option set, as the evaluator runs them (`applies` first), plus EXCH-009 over the whole batch. */
function outputs(machines: readonly { readonly name: string; readonly facts: MachineFacts }[]): Output[] {
  const out: Output[] = [];
  for (const options of OPTION_SETS) {
    const tag = JSON.stringify(options);
    for (const { name, facts } of machines) {
      for (const rule of ALL) {
        if (rule.applies !== undefined && !rule.applies(facts, options)) continue;
        for (const o of rule.evaluate(facts, options)) out.push({ rule, where: `${name} ${tag}`, out: o });
      }
    }
    for (const f of exchangeFleetFindings(machines.map((m) => m.facts), options)) {
      out.push({ rule: EXCH_009, where: `${machines[f.index]?.name ?? '?'} ${tag} (fleet)`, out: { kind: 'finding', finding: f.finding } });
    }
  }
  return out;
}

/** `id|value` for every severity and component an output reaches. */
function reached(outs: readonly Output[]): Set<string> {
  const set = new Set<string>();
  for (const { rule, out } of outs) {
    const components = out.kind === 'finding' ? out.finding.components : out.components;
    if (out.kind === 'finding') set.add(`${rule.id}|${out.finding.severity}`);
    for (const c of components) set.add(`${rule.id}|${c}`);
  }
  return set;
}

const BROKEN = 'ws2012-old03-broken.reg';
const images = (): { name: string; facts: MachineFacts }[] =>
  [...acceptance(), ...regFiles(EXAMPLES_DIR).filter((f) => f !== BROKEN).map((f) => load(EXAMPLES_DIR, f))].map((m) => ({ name: m.file, facts: machineFacts(m.snapshot) }));

/**
 * Declared values no acceptance or example image reaches, each reached instead by a small machine built the way
 * the rule tests build theirs (tests/support/machine.ts: x64, .NET 4.8, no TLS values unless given). A value
 * listed here must be reached by its machine and by no image: when an image comes to reach it, drop it here.
 */
const reach = (id: string, ...values: readonly (Severity | Component)[]): string[] => values.map((v) => `TLS365-${id}|${v}`);
const SERVER_2008 = 'Windows Server (R) 2008 Standard';
const DSP = 'DefaultSecureProtocols';
const REACH: readonly { readonly name: string; readonly reaches: readonly string[]; readonly spec: MachineSpec }[] = [
  { name: 'Server 2008 RTM (no TLS 1.2)', reaches: reach('OS-001', 'Fail', ...COMPONENTS), spec: { build: 6001, productName: SERVER_2008 } },
  { name: 'a build not in the OS table', reaches: reach('OS-003', 'Info', ...COMPONENTS), spec: { build: 26200 } },
  {
    name: 'a pending restart (Component Based Servicing RebootPending exists)',
    reaches: reach('OS-005', 'Warn', ...COMPONENTS),
    spec: { build: 19045, server: false, values: { 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending': {} } },
  },
  {
    name: 'no .NET keys (the .NET rules say Unknown for both views)',
    reaches: [...reach('NET4-005', 'DotNet4'), ...reach('NET35-004', 'DotNet35')],
    spec: { build: 19045, server: false, omit: ['dotnet'] },
  },
  {
    name: 'DefaultSecureProtocols with TLS 1.3 on 1809, and an unknown bit in Wow6432Node',
    reaches: [...reach('WINHTTP-008', 'WinHttp32'), ...reach('WINHTTP-013', 'Info', 'WinHttp', 'WinHttp32')],
    spec: { build: 17763, values: { [winhttp('64')]: { [DSP]: 0x2a00 }, [winhttp('32')]: { [DSP]: 0x6a00 } } },
  },
  {
    name: 'DefaultSecureProtocols written as REG_SZ',
    reaches: reach('WINHTTP-009', 'Warn', 'WinHttp', 'WinHttp32'),
    spec: { build: 19045, server: false, values: { [winhttp('64')]: { [DSP]: '0xA00' }, [winhttp('32')]: { [DSP]: '0xA00' } } },
  },
  {
    name: 'TLS 1.2 Server Enabled=0',
    reaches: reach('SCHANNEL-004', 'Warn', 'SChannelServer'),
    spec: { build: 17763, values: { [schannel('TLS 1.2', 'Server')]: { Enabled: 0, DisabledByDefault: 1 } } },
  },
  {
    name: 'SSL 2.0 Client on (Server 2012 R2)',
    reaches: reach('SCHANNEL-006', 'SChannelClient'),
    spec: { build: 9600, values: { [schannel('SSL 2.0', 'Client')]: { Enabled: 1, DisabledByDefault: 0 } } },
  },
  {
    name: 'TLS 1.3 values on Server 2019',
    reaches: reach('SCHANNEL-009', 'Info', 'SChannelClient', 'SChannelServer'),
    spec: { build: 17763, values: { [schannel('TLS 1.3', 'Client')]: { Enabled: 1 }, [schannel('TLS 1.3', 'Server')]: { Enabled: 1 } } },
  },
  {
    name: 'TLS 1.2 Enabled written as REG_SZ',
    reaches: reach('SCHANNEL-010', 'Warn', 'SChannelClient', 'SChannelServer'),
    spec: { build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: '1' }, [schannel('TLS 1.2', 'Server')]: { Enabled: '1' } } },
  },
  {
    name: 'TLS 1.1 off for the client, on for the server',
    reaches: reach('SCHANNEL-011', 'Warn', 'SChannelClient', 'SChannelServer'),
    spec: { build: 17763, values: { [schannel('TLS 1.1', 'Client')]: { Enabled: 0, DisabledByDefault: 1 }, [schannel('TLS 1.1', 'Server')]: { Enabled: 1, DisabledByDefault: 0 } } },
  },
  {
    name: 'TLS 1.0 Client half disabled (Enabled=0, DisabledByDefault=0)',
    reaches: reach('SCHANNEL-012', 'SChannelClient'),
    spec: { build: 17763, values: { [schannel('TLS 1.0', 'Client')]: { Enabled: 0, DisabledByDefault: 0 } } },
  },
  {
    name: 'TLS 1.2 Enabled written as 0xFFFFFFFF',
    reaches: reach('SCHANNEL-018', 'Info', 'SChannelClient', 'SChannelServer'),
    spec: { build: 17763, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0xffffffff, DisabledByDefault: 0 }, [schannel('TLS 1.2', 'Server')]: { Enabled: 0xffffffff, DisabledByDefault: 0 } } },
  },
  {
    name: '.NET 4.x: SchUseStrongCrypto=0 under Wow6432Node, SystemDefaultTlsVersions=1 alone natively',
    reaches: [...reach('NET4-001', 'DotNet4_32'), ...reach('NET4-003', 'Warn')],
    spec: { build: 17763, values: { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1 }, [netfx('32', 'v4.0.30319')]: { SchUseStrongCrypto: 0 } } },
  },
  {
    name: '.NET 4.x values that are neither 0 nor 1',
    reaches: reach('NET4-006', 'Warn', 'DotNet4', 'DotNet4_32'),
    spec: { build: 17763, values: { [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 2 }, [netfx('32', 'v4.0.30319')]: { SystemDefaultTlsVersions: 2 } } },
  },
  { name: '.NET 4.0 only (Release below 4.5)', reaches: reach('NET4-007', 'Fail', 'DotNet4', 'DotNet4_32'), spec: { build: 17763, release: 378000 } },
  {
    name: '.NET 3.5: SystemDefaultTlsVersions=1 natively only',
    reaches: reach('NET35-004', 'Warn', 'DotNet35_32'),
    spec: { build: 17763, net35: true, values: { [netfx('64', 'v2.0.50727')]: { SystemDefaultTlsVersions: 1 } } },
  },
  {
    name: '.NET 3.5 with the TLS 1.2 client disabled',
    reaches: reach('NET35-005', 'Fail', 'DotNet35', 'DotNet35_32'),
    spec: { build: 17763, net35: true, values: { [schannel('TLS 1.2', 'Client')]: { Enabled: 0, DisabledByDefault: 1 } } },
  },
  {
    name: 'Exchange: TLS 1.0 half disabled (Enabled=0, DisabledByDefault=0 on both roles), TLS 1.2 disabled',
    reaches: [...reach('EXCH-002', 'Fail', 'SChannelServer'), ...reach('EXCH-003', 'Fail', 'SChannelServer')],
    spec: {
      build: 17763,
      values: {
        [schannel('TLS 1.0', 'Client')]: { Enabled: 0, DisabledByDefault: 0 },
        [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 0 },
        [schannel('TLS 1.2', 'Client')]: { Enabled: 0, DisabledByDefault: 1 },
        [schannel('TLS 1.2', 'Server')]: { Enabled: 0, DisabledByDefault: 1 },
      },
    },
  },
  {
    name: 'Exchange 2019 CU15 on Server 2022 with TLS 1.3 on',
    reaches: reach('EXCH-004', 'Info'),
    spec: {
      build: 20348,
      values: {
        [exchangeSetup]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1748, MsiBuildMinor: 10 },
        [schannel('TLS 1.3', 'Client')]: { Enabled: 1, DisabledByDefault: 0 },
        [schannel('TLS 1.3', 'Server')]: { Enabled: 1, DisabledByDefault: 0 },
      },
    },
  },
  {
    // An IIS Crypto "Strict"-like AES-GCM-only list on 2012 R2: Azure Front Door only by DHE GCM, which it drops on 2026-04-01.
    name: '2012 R2 with a GCM-only cipher-suite list (Azure Front Door breaks on 2026-04-01)',
    reaches: [...reach('ENDPOINT-002', 'Warn', 'SChannelClient'), ...reach('ENDPOINT-003', 'Info', 'SChannelClient')],
    spec: {
      build: 9600,
      values: { [cipherPolicy]: { Functions: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256' } },
    },
  },
  { name: 'a build TLS365 has no cipher-suite list for (between releases)', reaches: reach('ENDPOINT-004', 'Info', 'SChannelClient'), spec: { build: 14000 } },
  {
    name: 'Exchange: TLS 1.0/1.1 disabled, .NET 4.x values absent',
    reaches: reach('EXCH-007', 'DotNet4'),
    spec: {
      build: 17763,
      values: Object.fromEntries((['TLS 1.0', 'TLS 1.1'] as const).flatMap((p) => (['Client', 'Server'] as const).map((r) => [schannel(p, r), { Enabled: 0, DisabledByDefault: 1 }]))),
    },
  },
];

/**
 * Declared values that neither an image nor a REACH machine reaches, with why: keep it short, and prefer a REACH
 * machine. A value listed here must stay unreached (and declared).
 */
const ALLOWED_UNREACHED: readonly { readonly id: string; readonly value: Severity | Component; readonly why: string }[] = [
  // TLS365-EXCH-010 declares no component (its finding counts for the machine only), so it has no entry here.
];

describe('readiness rules: declared severities and components are what the rules write', () => {
  const onImages = outputs(images());
  const reachMachines = REACH.map((r) => ({ ...r, facts: machineFacts(machine(r.spec)) }));
  const onReach = reachMachines.map((r) => ({ r, outs: outputs([{ name: r.name, facts: r.facts }]) }));
  const ALL_VALUES = ALL.flatMap((r) => [...r.severity, ...r.components].map((v) => `${r.id}|${v}`));

  it('every finding and Unknown, on every acceptance and example image and every REACH machine, stays inside its rule\'s declaration', () => {
    assert.ok(onImages.length > 0);
    const bad: string[] = [];
    for (const { rule, where, out } of [...onImages, ...onReach.flatMap((x) => x.outs)]) {
      if (out.kind === 'finding') {
        if (out.finding.ruleId !== rule.id) bad.push(`${rule.id} on ${where}: finding says ${out.finding.ruleId}`);
        if (!rule.severity.includes(out.finding.severity)) bad.push(`${rule.id} on ${where}: severity ${out.finding.severity} not declared`);
      }
      const components = out.kind === 'finding' ? out.finding.components : out.components;
      for (const c of components) if (!rule.components.includes(c)) bad.push(`${rule.id} on ${where}: ${out.kind} names ${c}, not declared`);
    }
    assert.deepEqual(bad, []);
  });

  it('every declared severity and component is reached by an image, else by its REACH machine, else is allowed unreached', () => {
    const byImages = reached(onImages);
    const byReach = new Set(onReach.flatMap((x) => [...reached(x.outs)]));
    const allowed = new Set(ALLOWED_UNREACHED.map((a) => `${a.id}|${a.value}`));
    const missing = ALL_VALUES.filter((v) => !byImages.has(v) && !byReach.has(v) && !allowed.has(v));
    assert.deepEqual(missing, [], 'declared but never written: add a REACH machine (or drop the value from the rule)');
  });

  it('each REACH machine reaches what it says, and only values no image reaches', () => {
    const byImages = reached(onImages);
    for (const { r, outs } of onReach) {
      const mine = reached(outs);
      assert.ok(r.reaches.length > 0, r.name);
      for (const v of r.reaches) {
        assert.ok(ALL_VALUES.includes(v), `${r.name}: ${v} is not declared`);
        assert.ok(mine.has(v), `${r.name}: does not reach ${v}`);
        assert.ok(!byImages.has(v), `${r.name}: an image reaches ${v} now: drop it from REACH`);
      }
    }
  });

  it('each allowed-unreached value is declared and still unreached', () => {
    const all = new Set([...reached(onImages), ...onReach.flatMap((x) => [...reached(x.outs)])]);
    for (const a of ALLOWED_UNREACHED) {
      const v = `${a.id}|${a.value}`;
      assert.ok(ALL_VALUES.includes(v), `${v} is not declared`);
      assert.ok(!all.has(v), `${v} is reached now: drop it from ALLOWED_UNREACHED`);
      assert.ok(a.why.length > 0, v);
    }
  });
});
