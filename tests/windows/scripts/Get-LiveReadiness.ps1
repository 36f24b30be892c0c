<#
.SYNOPSIS
    Windows tier: live Get-Tls365Readiness of this (Wine) machine, summarised into <OutDir>\result.json.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module, [System.String] $AsOf = '', [System.String[]] $Endpoint = @())
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module
$errors = @()
$judged = @{}
if ($AsOf -ne '') { $judged.AsOf = [System.DateTime]::ParseExact($AsOf, 'yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture) }
if ($Endpoint.Count -gt 0) { $judged.Endpoint = $Endpoint }
$live = @(Get-Tls365Readiness @judged -ErrorVariable +errors -ErrorAction SilentlyContinue)
Write-Result -OutDir $OutDir -Result ([ordered]@{ live = @($live | ForEach-Object { Get-ReadinessSummary -Readiness $_ }); errors = @($errors | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message }) })
