<#
.SYNOPSIS
    PowerShell side of the bridge benchmark: piping N values into one command (one batched request) versus N
    separate command invocations (one round trip each). Prints one JSON line with the figures.
.PARAMETER Count
    How many values.
#>
[CmdletBinding()]
param
(
    [Parameter()]
    [System.Int32]
    $Count = 1000
)

$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'TLS365.psd1') -Force
$values = 1..$Count | ForEach-Object { if ($_ % 2) { 0xA80 } else { 0x800 } }

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$null = ConvertFrom-Tls365ProtocolMask -Value 2048
$first = $clock.Elapsed.TotalMilliseconds

$clock.Restart()
$piped = @($values | ConvertFrom-Tls365ProtocolMask -Detailed)
$pipedMs = $clock.Elapsed.TotalMilliseconds
if ($piped.Count -ne $Count) { throw "expected $Count results, got $($piped.Count)" }

$clock.Restart()
foreach ($v in $values) { $null = ConvertFrom-Tls365ProtocolMask -Value $v -Detailed }
$separateMs = $clock.Elapsed.TotalMilliseconds

ConvertTo-Json -Compress -InputObject @{ count = $Count; firstCallMs = $first; pipedMs = $pipedMs; separateMs = $separateMs }
