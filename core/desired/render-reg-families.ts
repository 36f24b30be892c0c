import { fail, ok, type Result } from '../model/result.js';
import type { PlanError } from '../plan/model.js';
import { renderErrors, sections, withComments, type RenderedReg } from '../plan/render-reg.js';
import { renderRegFile } from '../regfile/index.js';
import { familyValues, OS_FAMILIES, type OsFamily } from './families.js';
import type { DesiredState } from './model.js';
import { checkDesiredState } from './render-scripts.js';

/**
 * A desired state as `.reg` files, one per OS family and architecture (issue 15, item 2: "a .reg file cannot
 * decide anything"): each holds the family's fixed values (families.ts), and its header says which machines it
 * is for, what to install first, how to import it (`reg import <file> /reg:64`), that it is not for Exchange
 * servers, and, when the state leaves TLS 1.0/1.1 to each machine, what the masks do about them. The header
 * lines are fixed text and validated numbers; values are escaped by renderRegFile.
 */
export interface FamilyReg extends RenderedReg {
  readonly family: string;
  readonly label: string;
  readonly fileName: string;
}

const legacyLine = (state: DesiredState): string => (state.disableLegacy
  ? 'TLS 1.0, TLS 1.1, SSL 2.0 and SSL 3.0 are turned off for client and server, and dropped from the WinHTTP and WinINet masks.'
  : state.allowLegacy
    ? 'RISK: TLS 1.0 and TLS 1.1 are turned ON for client and server (exported with -AllowLegacy); Microsoft 365 refuses both. SSL 2.0/3.0 are off.'
    : 'TLS 1.0/1.1 are left as each machine has them in Schannel, but a file cannot keep each machine\'s own choice in the WinHTTP and WinINet masks: they get this family\'s default TLS 1.0/1.1 bits, so a machine that had removed them from a mask gets them back there. Export with -DisableLegacy to drop them.');

export function renderFamilyReg(f: OsFamily, state: DesiredState): Result<FamilyReg, readonly PlanError[]> {
  const errors = checkDesiredState(state);
  if (errors.length > 0) return fail(errors);
  const values = familyValues(f, state);
  const r = renderRegFile({ keys: sections(values.map((v) => ({ key: v.key, name: v.name, value: { type: 'REG_DWORD' as const, data: v.data } }))) });
  if (!r.ok) return fail(renderErrors(r.errors));
  const tls13 = state.protocols.includes('Tls13') ? (f.tls13 ? ' and TLS 1.3' : ' (TLS 1.3 was asked for, but this family has none)') : '';
  const comments = [
    `TLS365 desired state for ${f.label}: TLS 1.2${tls13} for Schannel, WinHTTP, WinINet and .NET.`,
    `For these machines only (builds ${f.builds.join(', ')}, ${f.x64 ? '64-bit' : '32-bit'}${f.server === null ? '' : f.server ? ', servers' : ', clients'}): a .reg file cannot check where it is imported.`,
    'Import as an administrator with: reg.exe import <this file> /reg:64',
    '(/reg:64: a 32-bit reg.exe, as ConfigMgr task sequences run it, would put SOFTWARE values in the 32-bit view).',
    ...(f.prerequisite === null ? [] : [`Install first: ${f.prerequisite}. The values wait for it.`]),
    legacyLine(state),
    'Not for Exchange servers (TLS 1.3 and HealthChecker\'s consistency rules) nor for a machine whose cipher-suite list is configured: use the Script channel or Set-Tls365Protocols there.',
    `Values: ${values.length}. Restart afterwards: reboot.`,
  ];
  return ok({ ...withComments(r.text, comments), family: f.id, label: f.label, fileName: `TLS365-${f.id}.reg` });
}

export function renderFamilyRegs(state: DesiredState): Result<readonly FamilyReg[], readonly PlanError[]> {
  const out: FamilyReg[] = [];
  for (const f of OS_FAMILIES) {
    const r = renderFamilyReg(f, state);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

