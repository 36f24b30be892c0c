<#
.SYNOPSIS
    Windows tier: live Get-Tls365Readiness and Get-Tls365Readiness -Path of the imported image, summarised, with the
    live snapshot's size facts, into <OutDir>\result.json.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
Import-Module -Name $Module
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$snapshot = Get-Tls365Readiness -Snapshot
$collectSeconds = $watch.Elapsed.TotalSeconds
$cbs = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\'
Write-Result -OutDir $OutDir -Result ([ordered]@{
        live           = Get-ReadinessSummary -Readiness (Get-Tls365Readiness)
        image          = Get-ReadinessSummary -Readiness (Get-Tls365Readiness -Path $Image)
        cbsKeys        = @($snapshot.registry | Where-Object { $_.path.StartsWith($cbs, [System.StringComparison]::OrdinalIgnoreCase) }).Count
        collectSeconds = $collectSeconds
        # The batch-size estimate of this real collector snapshot, and its real size as JSON (issue 12).
        sizeEstimate   = & (Get-Module -Name 'TLS365') { param ($s) Get-Tls365SnapshotSize -Snapshot $s } $snapshot
        jsonBytes      = [System.Text.Encoding]::UTF8.GetByteCount((ConvertTo-Json -InputObject $snapshot -Depth 8 -Compress))
    })
