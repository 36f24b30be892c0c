<#
.SYNOPSIS
    Windows tier: a live Set-Tls365Protocols that fails half-way for a real registry reason, and its rollback.
.DESCRIPTION
    Finds the first planned change whose key and parent key do not exist yet and that comes after at least one
    other change outside that parent, and creates that parent as a volatile key: Windows (and Wine) then refuse to create a stable
    subkey under it (RegCreateKeyEx: ERROR_CHILD_MUST_BE_VOLATILE), so Set fails at that change after writing
    the ones before it. Exports the touched trees before Set and after it (<OutDir>\before-*.reg, after-*.reg)
    and writes <OutDir>\result.json with the errors, the volatile key and the backup.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module

# The plan, as Set will make it (test-only look inside the module).
$changes = @(& (Get-Module TLS365) {
        $c = Get-Tls365LocalSnapshot
        $p = Get-Tls365RemediationPlan -Snapshot $c.Value -Protocol @('Tls12') -DisableLegacy $false -AllowLegacy $false -Component @() -Role @()
        $p.Value.Plan.changes
    })
$base = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
$victim = $null
for ($i = 1; $i -lt $changes.Count -and $null -eq $victim; $i++)
{
    $key = ([System.String]$changes[$i].key) -replace '^HKEY_LOCAL_MACHINE\\', ''
    if ($key -eq [System.String]$changes[$i].key) { continue }
    $parent = $key.Substring(0, $key.LastIndexOf([System.Char]92))
    # Every change before it must lie outside that parent, so they are written before the failure.
    $earlier = @($changes[0..($i - 1)] | Where-Object { ([System.String]$_.key).StartsWith('HKEY_LOCAL_MACHINE\' + $parent, [System.StringComparison]::OrdinalIgnoreCase) })
    if ($earlier.Count -eq 0 -and $null -eq $base.OpenSubKey($key) -and $null -eq $base.OpenSubKey($parent)) { $victim = @{ Index = $i; Key = $key; Parent = $parent } }
}
if ($null -eq $victim) { throw 'no planned change has a missing key and parent after another change' }
$volatile = $base.CreateSubKey($victim.Parent, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, [Microsoft.Win32.RegistryOptions]::Volatile)
$volatile.Close()

Export-TouchedTree -OutDir $OutDir -Label 'before'
$backup = Join-Path -Path $OutDir -ChildPath 'failed-set.json'
$errs = @()
$out = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup -ErrorVariable +errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
Export-TouchedTree -OutDir $OutDir -Label 'after'
Write-Result -OutDir $OutDir -Result ([ordered]@{
        planned      = $changes.Count
        failingIndex = $victim.Index
        volatileKey  = 'HKEY_LOCAL_MACHINE\' + $victim.Parent
        failingKey   = 'HKEY_LOCAL_MACHINE\' + $victim.Key
        output       = $out.Count
        backupExists = (Test-Path -LiteralPath $backup)
        errors       = @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'TLS365.*' } | ForEach-Object { '{0}|{1}|{2}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message })
        otherErrors  = @($errs | Where-Object { $_.FullyQualifiedErrorId -notlike 'TLS365.*' } | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
    })
