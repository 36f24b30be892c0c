import { parseRegText } from '../../core/regfile/index.js';
import type { RegKey, RegValue } from '../../core/regfile/index.js';
import { SNAPSHOT_SCHEMA, type MachineSnapshot } from '../../core/readiness/snapshot.js';

/**
 * Builds test machines the way docs/domain-facts.md section 11 describes them ("defaults for every case"): x64, Release
 * 528040 (.NET 4.8), no .NET 3.5, empty hotfix list, no TLS values, and every root key a real export holds
 * (SCHANNEL, Internet Settings in both views, NDP, .NETFramework in both views, CBS Packages), so that
 * coverage is full and "absent" means absent.
 *
 *   machine({ build: 7601, server: false, values: { [schannel('TLS 1.2','Client')]: { Enabled: 1 } } })
 *
 * Values: a number is a REG_DWORD, a string a REG_SZ, a string[] a REG_MULTI_SZ, or a full RegValue.
 */
export type Values = Readonly<Record<string, Readonly<Record<string, number | string | readonly string[] | RegValue>>>>;

export interface MachineSpec {
  readonly build: number;
  /** InstallationType Server (true) or Client (false); default true. */
  readonly server?: boolean;
  readonly productName?: string;
  readonly csd?: string;
  readonly ubr?: number;
  readonly x64?: boolean;
  /** NDP v4 Full Release; null = .NET 4.x not installed. Default 528040. */
  readonly release?: number | null;
  readonly net35?: boolean;
  /** Hotfix list (Get-HotFix); default []. null = not collected (then CBS packages alone decide). */
  readonly hotfixes?: readonly string[] | null;
  /** KBs present as installed CBS packages (CurrentState 0x70). */
  readonly cbs?: readonly string[];
  readonly computerName?: string;
  readonly values?: Values;
  /** Leave out root keys to simulate partial images: 'schannel' | 'internet' | 'dotnet' | 'os' | 'cbs'. */
  readonly omit?: readonly ('schannel' | 'internet' | 'dotnet' | 'os' | 'cbs')[];
}

export const HKLM = 'HKEY_LOCAL_MACHINE';
export const HKCU = 'HKEY_CURRENT_USER';
export const schannel = (p: string, role: 'Client' | 'Server'): string => `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\${p}\\${role}`;
export const winhttp = (view: '64' | '32'): string => `${HKLM}\\SOFTWARE\\${view === '32' ? 'Wow6432Node\\' : ''}Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp`;
export const netfx = (view: '64' | '32', v: 'v4.0.30319' | 'v2.0.50727'): string => `${HKLM}\\SOFTWARE\\${view === '32' ? 'Wow6432Node\\' : ''}Microsoft\\.NETFramework\\${v}`;
export const inetUser = `${HKCU}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`;
export const inetPolicy = `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`;
export const cipherPolicy = `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002`;
export const cipherLocal = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002`;
export const fips = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy`;
export const exchangeSetup = `${HKLM}\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup`;

/** The four .NET 4.x values (both views) = 1: docs/domain-facts.md's "v4=1". */
export const V4_ALL_ONE: Values = {
  [netfx('64', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 },
  [netfx('32', 'v4.0.30319')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 },
};
/** "all8=1": v4=1 plus the four v2.0.50727 values. */
export const ALL8_ONE: Values = {
  ...V4_ALL_ONE,
  [netfx('64', 'v2.0.50727')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 },
  [netfx('32', 'v2.0.50727')]: { SystemDefaultTlsVersions: 1, SchUseStrongCrypto: 1 },
};
/** "hardened-12": TLS 1.2 Client+Server on (1/0), TLS 1.0 and 1.1 Client+Server off (0/1). */
export const HARDENED_12: Values = {
  [schannel('TLS 1.2', 'Client')]: { Enabled: 1, DisabledByDefault: 0 },
  [schannel('TLS 1.2', 'Server')]: { Enabled: 1, DisabledByDefault: 0 },
  [schannel('TLS 1.0', 'Client')]: { Enabled: 0, DisabledByDefault: 1 },
  [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 1 },
  [schannel('TLS 1.1', 'Client')]: { Enabled: 0, DisabledByDefault: 1 },
  [schannel('TLS 1.1', 'Server')]: { Enabled: 0, DisabledByDefault: 1 },
};

/** Merges value maps key by key (later wins per value name). */
export function merge(...parts: readonly Values[]): Values {
  const out: Record<string, Record<string, number | string | readonly string[] | RegValue>> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = { ...(out[k] ?? {}), ...v };
  return out;
}

const toValue = (v: number | string | readonly string[] | RegValue): RegValue => {
  if (typeof v === 'number') return { type: 'REG_DWORD', data: v >>> 0 };
  if (typeof v === 'string') return { type: 'REG_SZ', data: v };
  if (Array.isArray(v)) return { type: 'REG_MULTI_SZ', data: v as string[] };
  return v as RegValue;
};

export function machine(spec: MachineSpec): MachineSnapshot {
  const x64 = spec.x64 ?? true;
  const omit = new Set(spec.omit ?? []);
  const keys = new Map<string, Map<string, RegValue>>();
  const put = (path: string, name?: string, value?: RegValue): void => {
    const k = keys.get(path) ?? new Map<string, RegValue>();
    keys.set(path, k);
    if (name !== undefined && value !== undefined) k.set(name, value);
  };
  const sw = (view: '64' | '32', sub: string): string => `${HKLM}\\SOFTWARE\\${view === '32' ? 'Wow6432Node\\' : ''}${sub}`;
  const views: ('64' | '32')[] = x64 ? ['64', '32'] : ['64'];
  if (!omit.has('os')) {
    const os = `${HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion`;
    put(os, 'CurrentBuildNumber', { type: 'REG_SZ', data: String(spec.build) });
    put(os, 'CurrentBuild', { type: 'REG_SZ', data: String(spec.build) });
    if (spec.build >= 7600) put(os, 'InstallationType', { type: 'REG_SZ', data: spec.server ?? true ? 'Server' : 'Client' });
    if (spec.productName !== undefined) put(os, 'ProductName', { type: 'REG_SZ', data: spec.productName });
    if (spec.csd !== undefined) put(os, 'CSDVersion', { type: 'REG_SZ', data: spec.csd });
    if (spec.ubr !== undefined) put(os, 'UBR', { type: 'REG_DWORD', data: spec.ubr });
  }
  if (spec.computerName !== undefined) put(`${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName`, 'ComputerName', { type: 'REG_SZ', data: spec.computerName });
  if (!omit.has('schannel')) put(`${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols`);
  if (!omit.has('internet')) {
    for (const v of views) put(sw(v, 'Microsoft\\Windows\\CurrentVersion\\Internet Settings'));
    put(inetUser);
  }
  if (!omit.has('dotnet')) {
    put(`${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP`);
    const release = spec.release === undefined ? 528040 : spec.release;
    if (release !== null) {
      put(`${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full`, 'Release', { type: 'REG_DWORD', data: release });
      for (const v of views) put(sw(v, 'Microsoft\\.NETFramework\\v4.0.30319'));
    }
    if (spec.net35 === true) {
      put(`${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v3.5`, 'Install', { type: 'REG_DWORD', data: 1 });
      for (const v of views) put(sw(v, 'Microsoft\\.NETFramework\\v2.0.50727'));
    }
  }
  if (!omit.has('cbs')) {
    const cbs = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages`;
    put(cbs);
    for (const kb of spec.cbs ?? []) put(`${cbs}\\Package_for_${kb}~31bf3856ad364e35~amd64~~6.1.1.3`, 'CurrentState', { type: 'REG_DWORD', data: 0x70 });
  }
  for (const [path, vals] of Object.entries(spec.values ?? {})) {
    put(path);
    for (const [name, v] of Object.entries(vals)) put(path, name, toValue(v));
  }
  const registry: RegKey[] = [...keys].map(([path, vals]) => ({ path, values: [...vals].map(([name, value]) => ({ name, value })), deletedValues: [] }));
  return {
    schema: SNAPSHOT_SCHEMA,
    computerName: null,
    source: 'Image',
    origin: 'test-machine.reg',
    collectedAt: null,
    architecture: null,
    registry,
    covered: null,
    hotfixes: spec.hotfixes === undefined ? [] : spec.hotfixes,
    fileVersions: {},
  };
}

/** A snapshot from .reg text, for tests that want a real export's shape. */
export function fromRegText(text: string, file = 'image.reg'): MachineSnapshot {
  const r = parseRegText(text, file);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return { schema: SNAPSHOT_SCHEMA, computerName: null, source: 'Image', origin: file, collectedAt: null, architecture: null, registry: r.image.keys, covered: null, hotfixes: null, fileVersions: {} };
}
