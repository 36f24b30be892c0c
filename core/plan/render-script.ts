import { fail, ok, type Result } from '../model/result.js';
import type { Plan, PlanChange, PlanError } from './model.js';
import { psLiteral } from './ps-literal.js';
import {
  APPLY_BODY, APPLY_HELP, PLAN_APPLY_GUARD, PLAN_TARGET_FUNCTION, DETECTION_FUNCTIONS, DISCOVERY_BODY, DISCOVERY_HELP, INTUNE_DETECTION_BODY, INTUNE_DETECTION_HELP, INTUNE_REMEDIATION_NOTE, READ_FUNCTIONS,
  REMEDIATION_NOTE, WRITE_FUNCTIONS,
} from './script-text.js';
import { checkKey, validatePlan, validateTarget } from './validate.js';

/**
 * A plan as PowerShell that needs no Node and no module: a standalone script (Set-Tls365Protocols' work,
 * `-WhatIf`/`-Confirm` through SupportsShouldProcess), the SCCM Configuration Item pair (discovery writes one
 * value, `Compliant` or the differences; remediation applies the plan) and the Intune remediations pair
 * (detection exits 1 when a fix is needed and 0 when compliant, its output at most 2,048 characters).
 *
 * Windows PowerShell 5.1-safe: no ternary, `??`, `&&`, classes or 7-only cmdlets; registry access through
 * [Microsoft.Win32.RegistryKey]::OpenBaseKey with the 64-bit view, so a 32-bit host (SCCM can run scripts as
 * 32-bit) still writes the paths the plan names, Wow6432Node included. The text is pure ASCII with CRLF.
 *
 * A plan is one machine's exact values: every script first reads the machine's build and architecture from the
 * registry and, when they are not the plan's (or the machine is 32-bit and the plan writes under Wow6432Node),
 * writes nothing: apply and remediation exit 2, discovery prints one "Not for this machine" line.
 *
 * Injection: the plan's data appears only in the `$changes` table, each key, name and string as a psLiteral
 * (single-quoted, quotes doubled, everything outside printable ASCII as [char]0xHHHH); DWORDs as decimal
 * digits, kinds and hives from fixed sets. Nothing from the plan reaches a comment, a double-quoted string or
 * a format string; NUL and line breaks are refused by validatePlan.
 */
export type ScriptKind = 'apply' | 'sccm-discovery' | 'sccm-remediation' | 'intune-detection' | 'intune-remediation';

const CRLF = '\r\n';
const HIVES: Readonly<Record<string, string>> = { HKEY_LOCAL_MACHINE: 'LocalMachine', HKEY_CURRENT_USER: 'CurrentUser' };

function changeLine(c: PlanChange): string {
  const key = checkKey(c.key, '');
  const path = key.ok ? key.value : c.key;
  const slash = path.indexOf('\\');
  const hive = HIVES[path.slice(0, slash)] ?? 'LocalMachine';
  const head = `    @{ Hive = '${hive}'; Key = ${psLiteral(path.slice(slash + 1))}; Name = ${psLiteral(c.name)}; `;
  switch (c.op) {
    case 'set-dword':
      return `${head}Kind = 'DWord'; Data = ${String(c.data)} }`;
    case 'set-string':
      return `${head}Kind = 'String'; Data = ${psLiteral(c.data)} }`;
    case 'delete-value':
      return `${head}Kind = 'Delete'; Data = $null }`;
  }
}

/** The data block: the only place plan data appears. */
function dataBlock(plan: Plan): string[] {
  return [
    '# The plan (generated data: every string below is a single-quoted literal or [char] code).',
    '$changes = @(',
    ...plan.changes.map(changeLine),
    ')',
    `$updates = @(${plan.updates.map((u) => psLiteral(u.kb)).join(', ')})`,
    `$restart = '${plan.restart}'`,
    // The machine the plan is for (Get-Tls365TargetProblem): validated numbers and booleans only.
    `$planTarget = @{ Build = ${plan.target.build === null ? '$null' : String(plan.target.build)}; X64 = ${plan.target.x64 === null ? '$null' : plan.target.x64 ? '$true' : '$false'} }`,
  ];
}

/** Renders one of the three scripts. */
export function renderScript(plan: Plan, kind: ScriptKind): Result<string, readonly PlanError[]> {
  const errors = [...validatePlan(plan), ...validateTarget(plan)];
  if (errors.length > 0) return fail(errors);
  const prelude = SCRIPT_PRELUDE;
  let lines: string[];
  if (kind === 'sccm-discovery' || kind === 'intune-detection') {
    lines = kind === 'sccm-discovery'
      ? [DISCOVERY_HELP, '', ...prelude, ...dataBlock(plan), READ_FUNCTIONS, PLAN_TARGET_FUNCTION, DETECTION_FUNCTIONS, DISCOVERY_BODY]
      : [INTUNE_DETECTION_HELP, '', ...prelude, ...dataBlock(plan), READ_FUNCTIONS, PLAN_TARGET_FUNCTION, DETECTION_FUNCTIONS, INTUNE_DETECTION_BODY];
  } else {
    const help = kind === 'apply' ? APPLY_HELP : kind === 'sccm-remediation' ? REMEDIATION_NOTE : INTUNE_REMEDIATION_NOTE;
    lines = [
      ...applyHead(kind, help),
      ...dataBlock(plan),
      READ_FUNCTIONS,
      PLAN_TARGET_FUNCTION,
      WRITE_FUNCTIONS,
      PLAN_APPLY_GUARD,
      APPLY_BODY,
    ];
  }
  return ok(scriptText(lines));
}

/** The head of an apply or remediation script: help, parameters, strict mode, its default backup folder. */
export function applyHead(kind: ScriptKind, help: string): string[] {
  const sub = kind === 'apply' ? 'TLS365\\Backup' : kind === 'sccm-remediation' ? 'TLS365\\Backup\\SCCM' : 'TLS365\\Backup\\Intune';
  return [
    help,
    "[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]",
    'param',
    '(',
    '    [Parameter()]',
    '    [System.String]',
    "    $BackupPath = ''",
    ')',
    '',
    ...SCRIPT_PRELUDE,
    `$defaultBackupFolder = Join-Path -Path $env:ProgramData -ChildPath '${sub}'`,
  ];
}

export const SCRIPT_PRELUDE: readonly string[] = ['Set-StrictMode -Version 2.0', "$ErrorActionPreference = 'Stop'", ''];

/** Lines as a script: CRLF, no trailing blanks, ending with a line break. */
export function scriptText(lines: readonly string[]): string {
  const text = lines.join('\n').split('\n').map((l) => l.replace(/\s+$/, '')).join(CRLF);
  return text.endsWith(CRLF) ? text : text + CRLF;
}

export const renderApplyScript = (plan: Plan): Result<string, readonly PlanError[]> => renderScript(plan, 'apply');
export const renderSccmDiscoveryScript = (plan: Plan): Result<string, readonly PlanError[]> => renderScript(plan, 'sccm-discovery');
export const renderSccmRemediationScript = (plan: Plan): Result<string, readonly PlanError[]> => renderScript(plan, 'sccm-remediation');
export const renderIntuneDetectionScript = (plan: Plan): Result<string, readonly PlanError[]> => renderScript(plan, 'intune-detection');
export const renderIntuneRemediationScript = (plan: Plan): Result<string, readonly PlanError[]> => renderScript(plan, 'intune-remediation');
