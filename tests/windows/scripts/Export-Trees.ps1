<#
.SYNOPSIS
    Windows tier: reg export of every tree a plan can touch, as <OutDir>\<Label>-<n>.reg (see WindowsTier.Common.ps1).
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Label)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Export-TouchedTree -OutDir $OutDir -Label $Label
