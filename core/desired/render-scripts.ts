import { fail, ok, type Result } from '../model/result.js';
import type { PlanError } from '../plan/model.js';
import { psLiteral } from '../plan/ps-literal.js';
import { applyHead, SCRIPT_PRELUDE, scriptText, type ScriptKind } from '../plan/render-script.js';
import {
  APPLY_BODY, DETECTION_FUNCTIONS, READ_FUNCTIONS, WRITE_FUNCTIONS,
} from '../plan/script-text.js';
import { EXCHANGE_2019_CU15 } from '../readiness/rules/exchange/common.js';
import { viewsOf } from '../readiness/rules/dotnet/common.js';
import {
  AADC_KEY, CBS_PACKAGES_KEY, ENVIRONMENT_KEY, EXCHANGE_2010_SETUP_KEY, EXCHANGE_SETUP_KEY, NDP_V35_KEY, NDP_V4_FULL_KEY, OS_KEY, PRODUCT_OPTIONS_KEY,
  PRODUCT_UPDATES_KEY, PRODUCT_UPDATES_KEY_32, SCHANNEL_KEY, WININET_KEYS, winHttpKey,
} from '../readiness/paths.js';
import { ADSYNC_SERVICE_KEY } from '../readiness/rules/products/common.js';
import { FILE_EVIDENCE, INSTALLED_STATES, SUPERSEDED } from '../readiness/updates.js';
import { BIT, OFF_PHASE } from '../plan/intent.js';
import { WININET_ASSUMED_DEFAULT } from '../plan/targets/masks.js';
import { BUILD_NAMES } from '../readiness/os.js';
import { AFD_GCM_SUITES, afdPre10Names, CIPHER_LIST_LIMIT, ECDHE_GCM, ECDHE_GCM_FROM_BUILD, M365_SUITES, RSA_GCM } from '../readiness/rules/schannel/cipher-suites.js';
import { CIPHER_LOCAL_KEY, CIPHER_POLICY_KEY } from '../readiness/paths.js';
import { DESIRED_FUNCTIONS } from './interpreter-text.js';
import { WINHTTP_2008_UPDATE } from './reference.js';
import {
  DESIRED_APPLY_HELP, DESIRED_APPLY_PROLOGUE, DESIRED_DETECTION_FUNCTIONS, DESIRED_DISCOVERY_BODY, DESIRED_DISCOVERY_HELP, DESIRED_INTUNE_DETECTION_BODY,
  DESIRED_INTUNE_DETECTION_HELP, DESIRED_INTUNE_REMEDIATION_NOTE, DESIRED_REMEDIATION_NOTE,
} from './script-text.js';
import type { DesiredState } from './model.js';
import { osRows, type OsRow } from './os-table.js';

/**
 * A desired state as the script channels (issue 15, item 2): the standalone script, the SCCM Configuration
 * Item pair and the Intune remediations pair. Unlike a plan's scripts, which carry one machine's values,
 * these carry the state and evaluate it on the machine they run on (interpreter-text.ts): the build, edition
 * and architecture read from its registry, the masks computed from its values, the 32-bit view only on
 * 64-bit Windows, nothing written that an update must come first for (reported instead), and nothing at all
 * on a machine whose build the table lacks or whose architecture cannot be read.
 *
 * The data block is generated from the core (paths, OS table, bits, the Exchange TLS 1.3 bar, update
 * evidence); every string in it is a psLiteral, every number decimal digits. Nothing in a desired state is
 * free text: protocols and components come from fixed lists (validated by desiredState).
 */

const lit = (s: string): string => psLiteral(s);
const bool = (b: boolean): string => (b ? '$true' : '$false');
const list = (xs: readonly string[]): string => `@(${xs.map(lit).join(', ')})`;

function table(t: Readonly<Record<string, string>>): string {
  return `@{ ${Object.entries(t).map(([k, v]) => `${lit(k)} = ${lit(v)}`).join('; ')} }`;
}

/**
 * The OS table: rows refer to their Schannel default tables by index into $defaultTables (a handful of distinct
 * tables serve every build), which keeps the scripts small (Intune documents 200 KB per script).
 */
function osTable(rows: readonly OsRow[]): string[] {
  const tables: string[] = [];
  const index = (t: Readonly<Record<string, string>>): number => {
    const text = table(t);
    const at = tables.indexOf(text);
    if (at >= 0) return at;
    tables.push(text);
    return tables.length - 1;
  };
  const lines = rows.map((r) => `    @{ Build = ${r.build}; Server = ${lit(r.server)}; Name = ${lit(r.name)}; Class = ${lit(r.osClass)}; Tls13 = ${bool(r.tls13)}; `
    + `WinHttpDefault = ${r.winHttpDefault === null ? '$null' : String(r.winHttpDefault)}; Tls12OffByDefault = ${bool(r.tls12OffByDefault)}; `
    + `Defaults = ${index(r.defaults)}; DefaultsKb = ${index(r.defaultsKb)} }`);
  return ['$defaultTables = @(', ...tables.map((t, i) => `    ${t}${i < tables.length - 1 ? ',' : ''}`), ')', '$osRows = @(', ...lines, ')'];
}

function views(x64: boolean): string {
  const winHttp = (x64 ? (['64', '32'] as const) : (['32'] as const)).map((v) => `@{ Key = ${lit(winHttpKey(v, x64))}; Component = ${lit(v === '64' ? 'WinHttp' : 'WinHttp32')}; Phase = ${v === '64' ? 30 : 31} }`);
  const net = (family: 'v4' | 'v35'): string => `@(${viewsOf(family, x64).map((v) => `@{ Key = ${lit(v.key)}; Component = ${lit(v.component)} }`).join(', ')})`;
  return `@{ WinHttp = @(${winHttp.join(', ')}); DotNet4 = ${net('v4')}; DotNet35 = ${net('v35')} }`;
}

/** The data block: the only place generated data appears. */
export function desiredDataBlock(state: DesiredState): string[] {
  return [
    '# The desired state and the per-OS facts it is evaluated with (generated data: strings are single-quoted literals).',
    `$desired = @{ Protocols = ${list(state.protocols)}; DisableLegacy = ${bool(state.disableLegacy)}; AllowLegacy = ${bool(state.allowLegacy)}; Components = ${list(state.components)} }`,
    ...osTable(osRows()),
    '$paths = @{',
    `    Os = ${lit(OS_KEY)}; Environment = ${lit(ENVIRONMENT_KEY)}; ProductOptions = ${lit(PRODUCT_OPTIONS_KEY)}; Schannel = ${lit(SCHANNEL_KEY)}`,
    `    Cbs = ${lit(CBS_PACKAGES_KEY)}; CbsStates = @(${[...INSTALLED_STATES, SUPERSEDED].join(', ')}); ProductUpdates = ${list([PRODUCT_UPDATES_KEY, PRODUCT_UPDATES_KEY_32])}`,
    `    ExchangeSetup = ${list([EXCHANGE_SETUP_KEY, EXCHANGE_2010_SETUP_KEY])}; ExchangeTls13 = ${lit(EXCHANGE_2019_CU15)}; Aadc = ${lit(AADC_KEY)}; AdSync = ${lit(ADSYNC_SERVICE_KEY)}`,
    `    WinHttp2008Update = ${lit(WINHTTP_2008_UPDATE)}`,
    `    NdpV4Full = ${lit(NDP_V4_FULL_KEY)}; NdpV35 = ${lit(NDP_V35_KEY)}; WinInet = ${list(WININET_KEYS.map((k) => k.key))}; WinInetAssumedDefault = ${WININET_ASSUMED_DEFAULT}`,
    `    Bits = @{ Tls10 = ${BIT.Tls10}; Tls11 = ${BIT.Tls11}; Tls12 = ${BIT.Tls12}; Tls13 = ${BIT.Tls13} }`,
    `    OffPhase = ${`@{ ${Object.entries(OFF_PHASE).map(([k, v]) => `${lit(k)} = ${v}`).join('; ')} }`}`,
    `    X64 = ${views(true)}`,
    `    X86 = ${views(false)}`,
    '}',
    '$cipher = @{',
    `    PolicyKey = ${lit(CIPHER_POLICY_KEY)}; LocalKey = ${lit(CIPHER_LOCAL_KEY)}; Limit = ${CIPHER_LIST_LIMIT}; ModernFrom = ${ECDHE_GCM_FROM_BUILD}`,
    `    M365 = ${list(M365_SUITES)}; AfdGcm = ${list(AFD_GCM_SUITES)}; EcdheGcm = ${list(ECDHE_GCM)}; RsaGcm = ${list(RSA_GCM)}`,
    `    AfdPre10 = @{ ${[...BUILD_NAMES.keys()].filter((b) => b < ECDHE_GCM_FROM_BUILD).map((b) => `${lit(String(b))} = ${list(afdPre10Names(b))}`).join('; ')} }`,
    '}',
    `$fileEvidence = @(${FILE_EVIDENCE.map((e) => `@{ Kb = ${lit(e.kb)}; Build = ${e.build}; File = ${lit(e.file)}; Min = ${lit(e.min)} }`).join(', ')})`,
  ];
}

/** Checks a desired state that may arrive from JSON. */
export function checkDesiredState(state: DesiredState): readonly PlanError[] {
  const errors: PlanError[] = [];
  if (!state.protocols.includes('Tls12') || state.protocols.some((p) => p !== 'Tls12' && p !== 'Tls13')) errors.push({ code: 'BadOption', path: 'state.protocols', message: 'protocols must be Tls12, or Tls12 and Tls13' });
  if (state.disableLegacy && state.allowLegacy) errors.push({ code: 'BadOption', path: 'state.allowLegacy', message: 'disableLegacy and allowLegacy contradict each other' });
  if (state.components.length === 0) errors.push({ code: 'BadOption', path: 'state.components', message: 'components must not be empty' });
  return errors;
}

export function renderDesiredScript(state: DesiredState, kind: ScriptKind): Result<string, readonly PlanError[]> {
  const errors = checkDesiredState(state);
  if (errors.length > 0) return fail(errors);
  const prelude = SCRIPT_PRELUDE;
  const data = desiredDataBlock(state);
  let lines: string[];
  if (kind === 'sccm-discovery' || kind === 'intune-detection') {
    lines = kind === 'sccm-discovery'
      ? [DESIRED_DISCOVERY_HELP, '', ...prelude, ...data, READ_FUNCTIONS, DESIRED_FUNCTIONS, DETECTION_FUNCTIONS, DESIRED_DETECTION_FUNCTIONS, DESIRED_DISCOVERY_BODY]
      : [DESIRED_INTUNE_DETECTION_HELP, '', ...prelude, ...data, READ_FUNCTIONS, DESIRED_FUNCTIONS, DETECTION_FUNCTIONS, DESIRED_DETECTION_FUNCTIONS, DESIRED_INTUNE_DETECTION_BODY];
  } else {
    const help = kind === 'apply' ? DESIRED_APPLY_HELP : kind === 'sccm-remediation' ? DESIRED_REMEDIATION_NOTE : DESIRED_INTUNE_REMEDIATION_NOTE;
    lines = [
      ...applyHead(kind, help),
      ...data,
      READ_FUNCTIONS,
      DESIRED_FUNCTIONS,
      WRITE_FUNCTIONS,
      DESIRED_APPLY_PROLOGUE,
      APPLY_BODY,
    ];
  }
  return ok(scriptText(lines));
}
