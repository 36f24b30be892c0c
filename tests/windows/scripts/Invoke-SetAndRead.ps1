<#
.SYNOPSIS
    Windows tier: Set-Tls365Protocols on the live (Wine) registry, then live Get-Tls365Readiness; writes
    <OutDir>\result.json with the readiness summary, the OS-005 messages and the restart marker's values.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module, [Parameter(Mandatory = $true)] [System.String] $BackupPath)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module
$changes = @(Set-Tls365Protocols -Confirm:$false -BackupPath $BackupPath)
$live = @(Get-Tls365Readiness)
$base = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
$marker = $base.OpenSubKey('SOFTWARE\TLS365RestartPending')
$values = [ordered]@{}
if ($null -ne $marker) { foreach ($n in $marker.GetValueNames()) { $values[$n] = [System.String]$marker.GetValue($n) }; $marker.Close() }
$base.Close()
Write-Result -OutDir $OutDir -Result ([ordered]@{
    changes = $changes.Count
    live = @($live | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    os005 = @($live | ForEach-Object { $_.Findings } | Where-Object { $_.RuleId -eq 'TLS365-OS-005' } | ForEach-Object { $_.Message })
    marker = $values
})
