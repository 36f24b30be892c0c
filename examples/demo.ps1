<#
.SYNOPSIS
    The quick-start demo: evaluates the bundled sample machines (examples/*.reg) with Get-Tls365Readiness.
.DESCRIPTION
    Five machine images and one deliberately broken export: the broken one yields one error naming the file
    and line, and every other machine is still evaluated. Then the details of the first machine that is not
    ready (what must change first, then the findings behind it), the fleet HTML report of them all (out/demo-report.html), and a mask decoded for good measure.
#>
[CmdletBinding()]
param ()

Import-Module -Name (Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'TLS365.psd1') -Force
$images = Join-Path -Path $PSScriptRoot -ChildPath '*.reg'

Write-Output "Get-Tls365Readiness -Path $images"
$results = @(Get-Tls365Readiness -Path $images -ErrorVariable imageErrors -ErrorAction SilentlyContinue)
$results | Format-Table | Out-String -Width 200
foreach ($e in $imageErrors)
{
    Write-Output ("Image refused: {0} [{1}]" -f $e.Exception.Message, $e.FullyQualifiedErrorId)
}

$first = $results | Where-Object { -not $_.Ready } | Select-Object -First 1
if ($null -ne $first)
{
    # The short answer first (issue 17, item 2): the updates to install and the distinct values Set-Tls365Protocols
    # would write, each with the findings it fixes; then the findings behind them.
    Write-Output ''
    Write-Output ("What must change on {0} ({1}):" -f $first.ComputerName, $first.OS)
    if (@($first.MissingUpdates).Count -gt 0) { Write-Output ("  Install: {0}" -f (@($first.MissingUpdates) -join ', ')) }
    Write-Output ("  Set-Tls365Protocols writes {0} value(s) (preview: Set-Tls365Protocols -Path <image> -WhatIf); the same as commands:" -f @($first.Changes).Count)
    foreach ($c in @($first.Changes))
    {
        Write-Output ("    {0}" -f $c.Command)
        Write-Output ("        fixes {0}" -f $(if (@($c.Fixes).Count -gt 0) { @($c.Fixes) -join ', ' } else { 'no finding (part of the target state)' }))
    }
    Write-Output ''
    Write-Output ("The findings behind it ({0} Fail, {1} Warn; Format-List shows each with its fix):" -f $first.FailCount, $first.WarnCount)
    $first.Findings | Where-Object { $_.Severity -ne 'Info' } | Format-Table | Out-String -Width 200
}

$outFolder = Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'out'
$null = New-Item -ItemType Directory -Path $outFolder -Force
$report = $results | ConvertTo-Tls365Report -Path (Join-Path -Path $outFolder -ChildPath 'demo-report.html') -ErrorRecord $imageErrors -Title 'TLS365 demo: the bundled sample machines'
Write-Output ("Fleet report (open it in a browser): {0}" -f $report.FullName)

Write-Output ("WinHTTP DefaultSecureProtocols 0xA80 means: {0}" -f ((ConvertFrom-Tls365ProtocolMask 0xA80) -join ', '))
