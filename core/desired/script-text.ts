/**
 * The fixed PowerShell text of the desired-state scripts (render-scripts.ts adds the data block). Windows
 * PowerShell 5.1-safe, ASCII only; nothing here is built from data. In these template literals `\\` is one
 * backslash in the script.
 *
 * Exit codes of the apply and remediation scripts: 0 done (or nothing to change); 1 a value could not be
 * written or verified (stops at once; the backup undoes what was written); 2 the machine cannot be evaluated
 * (build not in the table, build or architecture unreadable): nothing written; 3 done, but some values wait
 * for an update and were not written (each named in a warning): install it and run again.
 */

/** Before APPLY_BODY: evaluate the state here, refuse or report, and set $changes, $updates, $restart, $doneExit. */
export const DESIRED_APPLY_PROLOGUE = `
$evaluation = Get-Tls365DesiredChanges
if ($null -ne $evaluation.Problem)
{
    Write-Error -Message ('TLS365: the desired state cannot be evaluated on this machine: ' + $evaluation.Problem + '. Nothing was changed.') -ErrorAction Continue
    exit 2
}
foreach ($note in $evaluation.Notes) { Write-Warning -Message ('TLS365: ' + $note) }
$changes = @($evaluation.Changes)
$updates = @()
$doneExit = 0
$heldKbs = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
foreach ($held in $evaluation.Held) { if (-not $heldKbs.Contains($held.Kb)) { $heldKbs.Add($held.Kb) } }
foreach ($kb in $heldKbs)
{
    $names = @()
    foreach ($held in $evaluation.Held) { if ($held.Kb -eq $kb) { $names += ($held.Path + '\\' + $held.Name) } }
    Write-Warning -Message ('TLS365: ' + $kb + ' must be installed first: ' + $names.Count + ' value(s) wait for it and were not written (' + ($names -join ', ') + '). Install it, then run this again.')
    $doneExit = 3
}
$restart = 'none'
foreach ($change in $changes)
{
    if ($change.Owner -like 'SChannel*' -or $change.Owner -like 'WinHttp*') { $restart = 'reboot' }
    elseif ($restart -eq 'none') { $restart = 'apps' }
}
if ($changes.Count -eq 0)
{
    $tail = ' is in the desired state.'
    if ($doneExit -ne 0) { $tail = ' is in the desired state but for the values that wait for an update.' }
    Write-Output ('TLS365: nothing to change; ' + $evaluation.Target.Name + ' (build ' + $evaluation.Target.Build + ')' + $tail)
    exit $doneExit
}
`;

/** The differences of this machine from the desired state: the detection scripts. */
export const DESIRED_DETECTION_FUNCTIONS = `
function Get-Tls365DesiredDifference
{
    # One line per value not in the desired state, and per value that waits for an update (empty when none).
    param ($Evaluation)
    $problems = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    foreach ($change in $Evaluation.Changes)
    {
        $state = Get-Tls365ValueState -Change $change
        $problems.Add((Get-Tls365DisplayName -Change $change) + ': expected ' + (Format-Tls365Wanted -Change $change) + ', found ' + (Format-Tls365State -State $state))
    }
    foreach ($held in $Evaluation.Held) { $problems.Add($held.Kb + ' not installed: ' + $held.Path + '\\' + $held.Name + ' waits for it') }
    return , $problems.ToArray()
}
`;

export const DESIRED_DISCOVERY_BODY = `
# Exactly one value: Compliant, the differences joined by '; ', or why the state cannot be evaluated here.
$evaluation = Get-Tls365DesiredChanges
if ($null -ne $evaluation.Problem)
{
    Write-Output ('Not for this machine: ' + $evaluation.Problem)
    exit 0
}
$problems = Get-Tls365DesiredDifference -Evaluation $evaluation
if ($problems.Count -eq 0) { Write-Output 'Compliant' }
else { Write-Output ($problems -join '; ') }
`;

export const DESIRED_INTUNE_DETECTION_BODY = `
$evaluation = Get-Tls365DesiredChanges
if ($null -ne $evaluation.Problem)
{
    # Exit 1: the remediation then runs, refuses (exit 2) and Intune shows the failure with this reason.
    Write-Output (Limit-Tls365Text -Text ('Not for this machine: ' + $evaluation.Problem) -Limit 2048)
    exit 1
}
$problems = Get-Tls365DesiredDifference -Evaluation $evaluation
if ($problems.Count -eq 0)
{
    Write-Output 'Compliant'
    exit 0
}
Write-Output (Limit-Tls365Text -Text ([System.String] $problems.Count + ' difference(s) from the desired state: ' + ($problems -join '; ')) -Limit 2048)
exit 1
`;

const EVALUATES = `It carries a desired state, not one machine's values: on the machine it runs on it reads the build,
    edition and architecture from the registry (CurrentBuildNumber, InstallationType, PROCESSOR_ARCHITECTURE,
    as TLS365's collector does) and computes each value with TLS365's per-OS rules: masks from the values there
    (TLS 1.2 added, TLS 1.0/1.1 as the state says, never SSL), the Wow6432Node view only on 64-bit Windows,
    values already right left alone, and nothing written that an update must come first for (reported). On a
    build it does not know, or where the build or architecture cannot be read, it writes nothing.`;

export const DESIRED_APPLY_HELP = `<#
.SYNOPSIS
    Brings this machine's registry to a TLS365 desired state (TLS 1.2 for WinHTTP, WinINet, Schannel and .NET).
.DESCRIPTION
    Generated by TLS365 (Export-Tls365Remediation without -Path). Needs no module and no Node.
    ${EVALUATES}
    Before the first write it saves a .reg backup of every value it is about to change; then it writes each
    value, reads it back and stops at the first failure. Running it again changes nothing.
    Exit codes: 0 done (or nothing to change); 1 a value could not be written or verified (undo with the
    backup); 2 this machine cannot be evaluated, nothing written; 3 done, but values that wait for an update
    were not written (named in warnings): install it and run again.
    Undo: reg.exe import <backup file> /reg:64 (/reg:64: a 32-bit reg.exe would restore SOFTWARE values into the 32-bit view).
    Supports -WhatIf and -Confirm. Run as an administrator.
.PARAMETER BackupPath
    Where to write the backup (.reg, UTF-16LE). Default: a time-stamped file in the folder named below.
.EXAMPLE
    .\\Set-Tls365DesiredState.ps1 -WhatIf

    Shows every value this machine would get, without writing anything.
#>`;

export const DESIRED_DISCOVERY_HELP = `<#
.SYNOPSIS
    TLS365 SCCM Configuration Item discovery script (desired state).
.DESCRIPTION
    Generated by TLS365. Writes exactly one value: Compliant when this machine is in the desired state,
    otherwise the differences joined by '; ' (values to change, and values that wait for an update), or a line
    that starts with Not for this machine when it cannot be evaluated here. Changes nothing.
    ${EVALUATES}
    Runs as SYSTEM in ConfigMgr's 64-bit host or a 32-bit one alike (every registry read goes through the 64-bit
    view); no prompt, nothing else printed. Compliance rule: the value equals Compliant (String).
#>`;

export const DESIRED_INTUNE_DETECTION_HELP = `<#
.SYNOPSIS
    TLS365 Intune remediation: the detection script (desired state).
.DESCRIPTION
    Generated by TLS365. Exit 0 and Compliant when this machine is in the desired state; otherwise exit 1
    (Intune then runs the remediation script) and one line saying what differs, or why the state cannot be
    evaluated here, at most 2,048 characters. Changes nothing.
    ${EVALUATES}
    Every registry read goes through the 64-bit view, so Intune's default 32-bit host reads what 64-bit
    programs use ("Run script in 64-bit PowerShell" may stay No). Run it as SYSTEM.
#>`;

export const DESIRED_INTUNE_REMEDIATION_NOTE = `# TLS365 Intune remediation: the remediation script (desired state), generated by TLS365. Evaluates the desired
# state on this machine and applies it as the standalone script does (backup first under
# %ProgramData%\\TLS365\\Backup\\Intune, every value verified). Exit 0 done, 1 a value could not be written or
# verified, 2 this machine cannot be evaluated (nothing written), 3 values wait for an update (named). Registry
# access goes through the 64-bit view, so Intune's default 32-bit host writes where 64-bit programs read.`;

export const DESIRED_REMEDIATION_NOTE = `# TLS365 SCCM Configuration Item remediation script (desired state), generated by TLS365. Evaluates the desired
# state on this machine and applies it as the standalone script does (backup first under
# %ProgramData%\\TLS365\\Backup\\SCCM, every value verified). Exit 0 done, 1 a value could not be written or
# verified, 2 this machine cannot be evaluated (nothing written), 3 values wait for an update (named).`;
