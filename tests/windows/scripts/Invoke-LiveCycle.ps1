<#
.SYNOPSIS
    Windows tier (runs under the Windows pwsh in Wine, never on Linux): one machine image, imported into the real
    registry by the test beforehand, evaluated live and from the file, then remediated live and undone.
.DESCRIPTION
    Writes <OutDir>\result.json (summaries the mocha test compares) and, with -Remediate, reg exports of the trees
    every plan can touch at each step (<OutDir>\<step>-<n>.reg, or <step>-<n>.missing when the key does not exist),
    so the test proves "as it was" byte for byte with Wine's own reg.exe.
.PARAMETER Image
    The .reg file that was imported (for Get-Tls365Readiness -Path).
.PARAMETER OutDir
    Where to write result.json and the exports.
.PARAMETER Module
    TLS365.psd1 to import.
.PARAMETER Remediate
    Also run Set-Tls365Protocols -WhatIf, Set, a fresh live evaluation, Undo by -BackupPath, Set again and Undo from
    the pipeline.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module,
    [Parameter()] [System.Management.Automation.SwitchParameter] $Remediate
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module

$result = [ordered]@{}
Export-TouchedTree -OutDir $OutDir -Label 'before'
$liveErrors = @()
$live = @(Get-Tls365Readiness -ErrorVariable +liveErrors -ErrorAction SilentlyContinue)
$fromImage = @(Get-Tls365Readiness -Path $Image)
$result.live = @($live | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
$result.image = @($fromImage | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
$result.liveErrors = @($liveErrors | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
$snapshot = Get-Tls365Readiness -Snapshot
$result.snapshot = [ordered]@{ architecture = $snapshot.architecture; hotfixesCollected = ($null -ne $snapshot.hotfixes); unreadable = @($snapshot.unreadable | ForEach-Object { $_.path }) }

if ($Remediate)
{
    $whatIfBackup = Join-Path -Path $OutDir -ChildPath 'whatif-backup.json'
    $null = Set-Tls365Protocols -WhatIf -BackupPath $whatIfBackup -WarningAction SilentlyContinue
    $result.whatIfWroteBackup = Test-Path -LiteralPath $whatIfBackup
    Export-TouchedTree -OutDir $OutDir -Label 'whatif'

    $backup = Join-Path -Path $OutDir -ChildPath 'backup-1.json'
    $changes = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup -WarningAction SilentlyContinue)
    $result.changes = @($changes | ForEach-Object { [ordered]@{ Key = $_.Key; Name = $_.Name; After = $_.After; Status = $_.Status; TypeName = $_.PSObject.TypeNames[0] } })
    $result.after = @(Get-Tls365Readiness | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    Export-TouchedTree -OutDir $OutDir -Label 'set'
    if ($changes.Count -gt 0)
    {
        # A machine whose prior state offers SSL 2.0/3.0 gets it back only with -AllowLegacy: first refused, nothing
        # written (the touched trees are exported in between), then restored with the override.
        $undo = @(Undo-Tls365Change -BackupPath $backup -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue)
        $result.undoRefused = @($undoErrors | ForEach-Object { $_.FullyQualifiedErrorId })
        if ($undoErrors.Count -gt 0)
        {
            Export-TouchedTree -OutDir $OutDir -Label 'refused'
            $undo = @(Undo-Tls365Change -BackupPath $backup -Confirm:$false -AllowLegacy -WarningAction SilentlyContinue)
        }
        $result.undoByPath = @($undo | ForEach-Object { [ordered]@{ Restored = $_.Restored; Exact = $_.Exact; TypeName = $_.PSObject.TypeNames[0] } })
        Export-TouchedTree -OutDir $OutDir -Label 'undo1'

        $again = @(Set-Tls365Protocols -Confirm:$false -BackupPath (Join-Path -Path $OutDir -ChildPath 'backup-2.json') -WarningAction SilentlyContinue)
        $result.secondSetCount = $again.Count
        $undo2 = @($again | Undo-Tls365Change -Confirm:$false -AllowLegacy -WarningAction SilentlyContinue)
        $result.undoFromPipeline = @($undo2 | ForEach-Object { [ordered]@{ Restored = $_.Restored; Exact = $_.Exact } })
        Export-TouchedTree -OutDir $OutDir -Label 'undo2'
    }
}
Write-Result -OutDir $OutDir -Result $result
