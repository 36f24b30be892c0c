<#
.SYNOPSIS
    Windows tier (runs under the Windows pwsh in Wine, never on Linux): the Windows package installed the way modules
    are installed, then used with its own Node only.
.DESCRIPTION
    With no TLS365_NODE and no node on PATH: registers -Repository (a local file repository holding the package that
    npm run package -- --windows wrote), Install-PSResource into the CurrentUser scope, Import-Module TLS365 by name,
    then on the machine image the test imported into the registry: live readiness, Set-Tls365Protocols, live
    readiness again, Undo-Tls365Change from the pipeline, with reg exports of the touched trees before and after.
    Uninstalls and unregisters at the end. Writes <OutDir>\result.json.
.PARAMETER Repository
    The local repository folder (a Windows path).
.PARAMETER OutDir
    Where to write result.json, the backup and the exports.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Repository,
    [Parameter(Mandatory = $true)] [System.String] $OutDir
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')

Remove-Item -LiteralPath 'env:TLS365_NODE' -ErrorAction SilentlyContinue
$result = [ordered]@{ errors = @() }
$result.tls365Node = $env:TLS365_NODE
$result.nodeOnPath = @(Get-Command -Name 'node' -CommandType Application -ErrorAction SilentlyContinue | ForEach-Object { $_.Source })
$result.nodeInPathFolders = @($env:PATH -split ';' | Where-Object { $_ -ne '' } | ForEach-Object { Join-Path -Path $_ -ChildPath 'node.exe' } | Where-Object { Test-Path -LiteralPath $_ })
try
{
    if ($null -ne (Get-PSResourceRepository -Name 'TLS365Package' -ErrorAction SilentlyContinue)) { Unregister-PSResourceRepository -Name 'TLS365Package' }
    Register-PSResourceRepository -Name 'TLS365Package' -Uri $Repository -Trusted
    Install-PSResource -Name 'TLS365' -Repository 'TLS365Package' -Scope CurrentUser -TrustRepository -Reinstall
    $result.installed = @(Get-InstalledPSResource -Name 'TLS365' -Scope CurrentUser | ForEach-Object { $_.InstalledLocation })
    Import-Module -Name 'TLS365'
    $module = Get-Module -Name 'TLS365'
    $result.moduleBase = $module.ModuleBase

    Export-TouchedTree -OutDir $OutDir -Label 'before'
    $result.before = @(Get-Tls365Readiness | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    $result.node = & $module { $script:ResolvedNode }
    $backup = Join-Path -Path $OutDir -ChildPath 'backup.json'
    $changes = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup -WarningAction SilentlyContinue)
    $result.changes = $changes.Count
    $result.after = @(Get-Tls365Readiness | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    $result.undo = @($changes | Undo-Tls365Change -Confirm:$false -WarningAction SilentlyContinue | ForEach-Object { [ordered]@{ Restored = $_.Restored; Exact = $_.Exact } })
    $result.undone = @(Get-Tls365Readiness | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    Export-TouchedTree -OutDir $OutDir -Label 'undone'
}
catch
{
    $result.errors += ('{0} ({1}) at {2}' -f $_.Exception.Message, $_.FullyQualifiedErrorId, $_.InvocationInfo.PositionMessage)
}
finally
{
    # The bridge's node.exe runs from the installed folder: stopped (module removed) before the folder is deleted.
    Get-Module -Name 'TLS365' -All | Remove-Module -Force -ErrorAction SilentlyContinue
    Uninstall-PSResource -Name 'TLS365' -Scope CurrentUser -ErrorAction SilentlyContinue
    Unregister-PSResourceRepository -Name 'TLS365Package' -ErrorAction SilentlyContinue
    $result.leftInstalled = @(Get-InstalledPSResource -Name 'TLS365' -Scope CurrentUser -ErrorAction SilentlyContinue | ForEach-Object { $_.InstalledLocation })
}
Write-Result -OutDir $OutDir -Result $result
