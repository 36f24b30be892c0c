import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotFromReg } from '../../core/readiness/from-reg.js';
import { BUILD_NAMES } from '../../core/readiness/os.js';
import type { MachineSnapshot } from '../../core/readiness/snapshot.js';
import type { DesiredState } from '../../core/desired/model.js';
import { DESIRED_SCHEMA } from '../../core/desired/model.js';
import { COMPONENTS } from '../../core/readiness/model.js';
import { repoRoot } from './bridge-client.js';
import { HKCU, HKLM, machine, schannel } from './machine.js';

/**
 * The machines and desired states the desired-state scripts are tested on (issue 15): every acceptance image
 * and sample, and machines of every OS family the core names (every build in core/readiness/os.ts BUILD_NAMES,
 * server and client, 64- and 32-bit) in three shapes: nothing set; a mixed bag of the values the planner
 * repairs; an Exchange 2019 CU14 server with TLS 1.3 on for one role and Azure AD Connect beside it; a configured
 * cipher-suite list without the suites Microsoft 365 or Azure Front Door need (Group Policy or local).
 */
export interface DesiredCase { readonly name: string; readonly snapshot: MachineSnapshot }

export const STATES: readonly { readonly label: string; readonly state: DesiredState }[] = [
  { label: 'default', state: { schema: DESIRED_SCHEMA, protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: COMPONENTS } },
  { label: 'disableLegacy+Tls13', state: { schema: DESIRED_SCHEMA, protocols: ['Tls12', 'Tls13'], disableLegacy: true, allowLegacy: false, components: COMPONENTS } },
  { label: 'allowLegacy', state: { schema: DESIRED_SCHEMA, protocols: ['Tls12'], disableLegacy: false, allowLegacy: true, components: COMPONENTS } },
  { label: 'WinHttp+DotNet4 only', state: { schema: DESIRED_SCHEMA, protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: ['WinHttp', 'WinHttp32', 'DotNet4', 'DotNet4_32'] } },
];

export const ACCEPTANCE_DIR = join(repoRoot, 'tests', 'fixtures', 'acceptance');
export const EXAMPLES_DIR = join(repoRoot, 'examples');

/** The acceptance images and samples that parse (the deliberately broken sample does not). */
export function imageCases(): DesiredCase[] {
  const out: DesiredCase[] = [];
  for (const dir of [ACCEPTANCE_DIR, EXAMPLES_DIR]) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.reg')).sort()) {
      const r = snapshotFromReg(readFileSync(join(dir, f)), f);
      if (r.ok) out.push({ name: f, snapshot: r.value });
    }
  }
  return out;
}

const ENV = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment`;
const WINHTTP = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp`;
const EXCHANGE = `${HKLM}\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup`;

const CIPHER_POLICY = `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002`;
const CIPHER_LOCAL = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002`;

function shape(build: number, server: boolean, x64: boolean, kind: 'nothing' | 'mixed' | 'exchange' | 'ciphers'): MachineSnapshot {
  const env = { [ENV]: { PROCESSOR_ARCHITECTURE: x64 ? 'AMD64' : 'x86' } };
  if (kind === 'nothing') return machine({ build, server, x64, net35: true, values: env });
  if (kind === 'mixed') {
    return machine({
      build, server, x64, net35: true, cbs: ['KB3140245', 'KB4019276'],
      values: {
        ...env,
        [WINHTTP]: { DefaultSecureProtocols: 0xa0 },
        [schannel('TLS 1.0', 'Server')]: { Enabled: 0, DisabledByDefault: 0 },
        [schannel('TLS 1.2', 'Client')]: { DisabledByDefault: 1 },
        [schannel('SSL 3.0', 'Server')]: { Enabled: '1' },
        [schannel('TLS 1.1', 'Client')]: { Enabled: '0x0' },
        [`${HKCU}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`]: { SecureProtocols: 0xa8 },
      },
    });
  }
  if (kind === 'ciphers') {
    // A Group Policy list of 3DES/RC4 only (SCHANNEL-014), or a local REG_MULTI_SZ list of RSA and DHE GCM (SCHANNEL-015).
    const policy = build % 2 === 0;
    return machine({
      build, server, x64,
      values: {
        ...env,
        ...(policy
          ? { [CIPHER_POLICY]: { Functions: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_RSA_WITH_RC4_128_SHA' } }
          : { [CIPHER_LOCAL]: { Functions: ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_RC4_128_MD5'] } }),
      },
    });
  }
  return machine({
    build, server, x64, net35: false,
    values: {
      ...env,
      [EXCHANGE]: { MsiProductMajor: 15, MsiProductMinor: 2, MsiBuildMajor: 1544, MsiBuildMinor: 4 },
      [schannel('TLS 1.3', 'Server')]: { Enabled: 1 },
      [`${HKLM}\\SOFTWARE\\Microsoft\\Azure AD Connect`]: { Version: '2.4.18.0' },
      [`${HKLM}\\SYSTEM\\CurrentControlSet\\Services\\ADSync`]: { Start: 2 },
    },
  });
}

/** Machines of every OS family the core names, each shape on each build, edition and architecture. */
export function familyCases(): DesiredCase[] {
  const out: DesiredCase[] = [];
  for (const build of [...BUILD_NAMES.keys()]) {
    for (const server of [true, false]) {
      for (const x64 of [true, false]) {
        for (const kind of ['nothing', 'mixed', 'exchange', 'ciphers'] as const) {
          if ((kind === 'exchange' || kind === 'ciphers') && (!server || !x64)) continue;
          out.push({ name: `${build}-${server ? 'server' : 'client'}-${x64 ? 'x64' : 'x86'}-${kind}`, snapshot: shape(build, server, x64, kind) });
        }
      }
    }
  }
  return out;
}

/** Machines the scripts must refuse: no build, a build the table lacks, no architecture. */
export function refusedCases(): DesiredCase[] {
  const env = { [ENV]: { PROCESSOR_ARCHITECTURE: 'AMD64' } };
  return [
    { name: 'no-build', snapshot: machine({ build: 17763, omit: ['os'], values: env }) },
    { name: 'unknown-build-26200', snapshot: machine({ build: 26200, server: false, values: env }) },
    { name: 'no-architecture', snapshot: machine({ build: 17763 }) },
  ];
}
