<#
.SYNOPSIS
    Windows tier: Get-Tls365Readiness -Path of two images (the original and its export by module\Collector\Export-Tls365Keys.cmd),
    summarised, into <OutDir>\result.json.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $Exported,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module
Write-Result -OutDir $OutDir -Result ([ordered]@{
        image    = Get-ReadinessSummary -Readiness (Get-Tls365Readiness -Path $Image)
        exported = Get-ReadinessSummary -Readiness (Get-Tls365Readiness -LiteralPath $Exported)
    })
