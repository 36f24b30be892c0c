import { BUILD_NAMES, osClassOf, type OsClass, type OsFacts } from '../readiness/os.js';
import { osDefault, TLS12_OFF_BY_DEFAULT_BUILDS, type SchannelDefault } from '../readiness/schannel-state.js';
import type { Role, SchannelProtocol } from '../readiness/paths.js';
import { winHttpDefaultOf } from '../readiness/rules/winhttp/common.js';

/**
 * The per-OS facts a desired-state script needs on its target, generated from the core's own functions
 * (readOs' classes, schannel-state's default table, WinHTTP's default mask): one row per build the core
 * names (core/readiness/os.ts BUILD_NAMES) and per edition answer (server, client, unknown), so the script
 * carries no third copy of a rule. A build outside the table is a target the script does not know: it says
 * so and writes nothing (issue 15: "a target that the artefact does not know how to handle says so").
 */
export const PROTOCOLS: readonly SchannelProtocol[] = ['SSL 2.0', 'SSL 3.0', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];
const ROLES: readonly Role[] = ['Client', 'Server'];

export interface OsRow {
  readonly build: number;
  /** 'True', 'False' or '' (the edition cannot be read), as the script spells its lookup key. */
  readonly server: 'True' | 'False' | '';
  readonly name: string;
  readonly osClass: OsClass;
  readonly tls13: boolean;
  /** WinHTTP's DefaultSecureProtocols default, or null where no source states it (the planner then assumes 0xA0). */
  readonly winHttpDefault: number | null;
  readonly tls12OffByDefault: boolean;
  /** `<protocol>|<role>` -> default, without and with KB4019276 (they differ on Server 2008 SP2 only). */
  readonly defaults: Readonly<Record<string, SchannelDefault>>;
  readonly defaultsKb: Readonly<Record<string, SchannelDefault>>;
}

function osFacts(build: number, isServer: boolean | null): OsFacts {
  const names = BUILD_NAMES.get(build);
  return {
    build, ubr: null, isServer, installationType: null, servicePack: null, knownBuild: true,
    name: (isServer === true ? names?.server : names?.client) ?? names?.client ?? `Windows build ${build}`,
    osClass: osClassOf(build, isServer),
    tls13Capable: build >= 22000 || (build >= 20348 && isServer !== false),
  };
}

export function osRows(): readonly OsRow[] {
  const rows: OsRow[] = [];
  for (const build of [...BUILD_NAMES.keys()].sort((a, b) => a - b)) {
    for (const server of [true, false, null] as const) {
      const os = osFacts(build, server);
      const table = (kb: boolean): Record<string, SchannelDefault> => {
        const out: Record<string, SchannelDefault> = {};
        for (const p of PROTOCOLS) for (const r of ROLES) out[`${p}|${r}`] = osDefault(p, r, os, kb);
        return out;
      };
      const def = winHttpDefaultOf(os);
      rows.push({
        build, server: server === null ? '' : server ? 'True' : 'False', name: os.name, osClass: os.osClass, tls13: os.tls13Capable,
        winHttpDefault: def, tls12OffByDefault: TLS12_OFF_BY_DEFAULT_BUILDS.has(build), defaults: table(false), defaultsKb: table(true),
      });
    }
  }
  return rows;
}
