<#
.SYNOPSIS
    Imports TLS365 in a fresh session under Set-StrictMode -Version Latest, with no test hook or mock of any kind,
    and walks every live code path as far as the platform allows. Writes <OutDir>\result.json: per step, the
    error ids and messages it wrote and what it returned.
.DESCRIPTION
    Run by tests/module/General/FreshSession.Tests.ps1 with the Linux pwsh (where the live paths must stop with
    one clear NotWindows error each) and by tests/windows/fresh-session.test.ts with the Windows pwsh under Wine
    (where each runs for real). It changes the live registry only on Windows, and undoes what it changed.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Continue'
Import-Module -Name $Module
$result = [ordered]@{}

function Invoke-Step
{
    param ([System.String] $Name, [scriptblock] $Body)
    $all = @()
    try { $all = @(& $Body 2>&1) } catch { $all = @($_) }
    $result[$Name] = [ordered]@{
        errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
        values = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | ForEach-Object { if ($null -eq $_) { '(null)' } else { $_.PSObject.TypeNames[0] } })
    }
}

Invoke-Step -Name 'registryBase' -Body { & (Get-Module TLS365) { $k = Get-Tls365RegistryBase -Hive LocalMachine; if ($null -ne $k) { $k.Name; $k.Close() } else { $null } } }
Invoke-Step -Name 'readiness' -Body { Get-Tls365Readiness }
Invoke-Step -Name 'snapshot' -Body { Get-Tls365Readiness -Snapshot }
$backup = Join-Path -Path $OutDir -ChildPath 'fresh-live-backup.json'
Invoke-Step -Name 'setWhatIf' -Body { Set-Tls365Protocols -WhatIf -BackupPath $backup }
Invoke-Step -Name 'set' -Body { Set-Tls365Protocols -Confirm:$false -BackupPath $backup -WarningAction SilentlyContinue }
if (-not (Test-Path -LiteralPath $backup))
{
    # Nothing was written here (not Windows): give Undo a real manifest, so it walks as far as it can.
    Set-Content -LiteralPath $backup -Value '{"schema":"tls365.live-backup/2","computerName":"X","createdAt":"","entries":[],"createdKeys":[]}'
}
Invoke-Step -Name 'undo' -Body { Undo-Tls365Change -BackupPath $backup -Confirm:$false }
$json = ConvertTo-Json -InputObject $result -Depth 6
[System.IO.File]::WriteAllText((Join-Path -Path $OutDir -ChildPath 'result.json'), $json, (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))
