<#
.SYNOPSIS
    Windows tier (issue 17, item 2): what an admin does with the readiness answer. Phase Commands: live
    Get-Tls365Readiness, its Changes' commands written to fix.cmd and run by cmd.exe, as if pasted; then the touched
    trees exported as 'commands-<n>' and the live verdict after. Phase Set: Set-Tls365Protocols (its defaults) on
    the same imported machine, the trees exported as 'set-<n>'. The test compares the two exports byte for byte.
#>
param
(
    [Parameter(Mandatory = $true)] [ValidateSet('Commands', 'Set')] [System.String] $Phase,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module
if ($Phase -eq 'Set')
{
    $null = Set-Tls365Protocols -Confirm:$false -BackupPath (Join-Path -Path $OutDir -ChildPath 'backup.json') -WarningAction SilentlyContinue
    Export-TouchedTree -OutDir $OutDir -Label 'set'
    return
}
$before = Get-Tls365Readiness -WarningAction SilentlyContinue
$commands = @($before.Changes | ForEach-Object { $_.Command })
$script = Join-Path -Path $OutDir -ChildPath 'fix.cmd'
[System.IO.File]::WriteAllText($script, ((@('@echo off') + $commands + @('exit /b 0')) -join "`r`n") + "`r`n", (New-Object -TypeName 'System.Text.ASCIIEncoding'))
$cmd = Join-Path -Path ([System.Environment]::SystemDirectory) -ChildPath 'cmd.exe'
$said = (& $cmd /c $script 2>&1 | Out-String)
$exit = $LASTEXITCODE
Export-TouchedTree -OutDir $OutDir -Label 'commands'
$after = Get-Tls365Readiness -WarningAction SilentlyContinue
Write-Result -OutDir $OutDir -Result ([ordered]@{
        commands = $commands
        exit     = $exit
        said     = $said
        before   = Get-ReadinessSummary -Readiness $before
        after    = Get-ReadinessSummary -Readiness $after
        afterChanges = @($after.Changes | ForEach-Object { $_.Command })
    })
