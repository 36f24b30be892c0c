<#
.SYNOPSIS
    Remote fleet benchmark: Get-Tls365Readiness -ComputerName over N simulated targets (default 500): when the first
    result appears, when the last does, and the pwsh process's peak memory. Prints one JSON line per module.
.DESCRIPTION
    The targets are simulated (bench/support/SimulatedFleetJob.cs): Invoke-Command is replaced in the module's scope
    by one that returns real Job objects shaped as Invoke-Command -AsJob returns them, each machine answering with
    the real collector's JSON of examples/ws2019-fs01.reg after its own delay, spread evenly over -SpreadSeconds
    (network, authentication and collection time in a real fleet). Everything after that is the module's own code:
    the polling loop, parsing, batching, the bridge's evaluation.
    Each module path given is measured in its own pwsh process, one after another in the same run, so two
    versions (say, a checkout before a change and after it) can be compared side by side as ratios.
.PARAMETER Module
    TLS365.psd1 paths to measure (default: this repository's).
.PARAMETER Count
    Number of targets (default 500).
.PARAMETER SpreadSeconds
    The machines finish evenly spread over this many seconds (default 10).
.EXAMPLE
    pwsh -File bench/remote-fleet.ps1 -Module ./TLS365.psd1, ../before/TLS365.psd1
#>
[CmdletBinding()]
param
(
    [Parameter()] [System.String[]] $Module = @((Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'TLS365.psd1')),
    [Parameter()] [ValidateRange(1, 100000)] [System.Int32] $Count = 500,
    [Parameter()] [ValidateRange(0, 3600)] [System.Double] $SpreadSeconds = 10,
    [Parameter(DontShow = $true)] [System.Management.Automation.SwitchParameter] $Worker
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Path $PSScriptRoot -Parent
# pwsh -File passes "a,b" as one string.
$Module = @($Module | ForEach-Object { $_ -split ',' } | Where-Object { $_ -ne '' })
if (-not $Worker)
{
    # The pwsh on PATH (npm run bench puts the repository's local tool first); the current process may be dotnet.
    $pwsh = @(Get-Command -Name 'pwsh' -CommandType Application -ErrorAction Stop)[0].Source
    foreach ($m in $Module)
    {
        $line = & $pwsh -NoProfile -NonInteractive -File $PSCommandPath -Worker -Module $m -Count $Count -SpreadSeconds $SpreadSeconds 2>&1 | Where-Object { "$_".StartsWith('{') } | Select-Object -Last 1
        if ($null -eq $line) { throw "no measurement for $m" }
        $line
    }
    return
}

$tls365 = Import-Module -Name $Module[0] -Force -PassThru
Add-Type -Path (Join-Path -Path $PSScriptRoot -ChildPath (Join-Path -Path 'support' -ChildPath 'SimulatedFleetJob.cs'))
$folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('tls365-fleet-' + [System.Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $folder
try
{
    $image = Join-Path -Path $folder -ChildPath 'fs01.json'
    Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $image -Encoding Ascii
    $collector = Join-Path -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'module') -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1'
    $json = [System.String](& $collector -RegistryImage $image -AsJson)
    $names = @(1..$Count | ForEach-Object { 'SRV{0:d5}' -f $_ })
    & $tls365 {
        param ($names, $json, $spreadMs)
        $script:BenchFleet = @{ Names = $names; Json = $json; SpreadMs = $spreadMs }
        function script:Invoke-Command
        {
            $f = $script:BenchFleet
            $kids = New-Object -TypeName 'System.Collections.Generic.List[Tls365SimulatedChildJob]'
            for ($i = 0; $i -lt $f.Names.Count; $i++)
            {
                $delay = [System.Int32]($f.SpreadMs * ($i + 1) / $f.Names.Count)
                $kids.Add((New-Object -TypeName 'Tls365SimulatedChildJob' -ArgumentList $f.Names[$i], ($f.Json -replace 'WS2019-FS01', $f.Names[$i]), $delay))
            }
            New-Object -TypeName 'Tls365SimulatedFleetJob' -ArgumentList (, $kids)
        }
    } $names $json ([System.Int32]($SpreadSeconds * 1000))
    $null = Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg')   # warm: bridge started
    [System.GC]::Collect()
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $self.Refresh()
    $startMb = $self.WorkingSet64 / 1MB
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $first = $null
    $results = 0
    $peakMb = $startMb
    Get-Tls365Readiness -ComputerName $names -ErrorAction SilentlyContinue -ErrorVariable errs | ForEach-Object {
        if ($null -eq $first) { $first = $clock.Elapsed.TotalMilliseconds }
        $results++
        if ($results % 25 -eq 0) { $self.Refresh(); $peakMb = [System.Math]::Max($peakMb, $self.WorkingSet64 / 1MB) }
    }
    $totalMs = $clock.Elapsed.TotalMilliseconds
    $self.Refresh()
    $peakMb = [System.Math]::Max([System.Math]::Max($peakMb, $self.WorkingSet64 / 1MB), $self.PeakWorkingSet64 / 1MB)
    ConvertTo-Json -Compress -InputObject ([ordered]@{
            module = $Module[0]; targets = $Count; spreadSeconds = $SpreadSeconds; results = $results; errors = @($errs).Count; firstError = $(if (@($errs).Count -gt 0) { '{0}: {1}' -f @($errs)[0].FullyQualifiedErrorId, @($errs)[0].Exception.Message } else { $null })
            firstResultMs = [System.Math]::Round($first, 0); lastResultMs = [System.Math]::Round($totalMs, 0)
            workingSetBeforeMb = [System.Math]::Round($startMb, 1); peakWorkingSetMb = [System.Math]::Round($peakMb, 1)
        })
}
finally
{
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
