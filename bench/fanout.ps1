<#
.SYNOPSIS
    Fan-out benchmark: Get-Tls365Readiness over real SSH remoting to N loopback test hosts in one call, against
    collecting the same hosts one call after another. Prints one JSON line per N.
.PARAMETER Count
    Host counts to measure (default 1, 4, 16).
.PARAMETER DelaySeconds
    Also measure the largest count against hosts whose remote side first waits this long (default 1; 0 skips it).
    All hosts share this machine's cores, so with no wait the measure is CPU-bound (each host starts a pwsh);
    the wait stands for what fan-out is for in a real fleet: network latency, slow WinRM authentication.
#>
[CmdletBinding()]
param
(
    [Parameter()]
    [System.Int32[]]
    $Count = @(1, 4, 16),

    [Parameter()]
    [System.Int32]
    $DelaySeconds = 1
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Path $PSScriptRoot -Parent
Import-Module -Name (Join-Path -Path $root -ChildPath 'TLS365.psd1') -Force
$folder = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('tls365-fanout-' + [System.Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $folder
$image = Join-Path -Path $folder -ChildPath 'image.json'
Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $image -Encoding Ascii
$starter = Join-Path -Path (Join-Path -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'tests') -ChildPath 'module') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'ssh-hosts' -ChildPath 'Start-Tls365TestHost.ps1')
$listener = New-Object -TypeName 'System.Net.Sockets.TcpListener' -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$max = ($Count | Measure-Object -Maximum).Maximum
$addresses = @(1..$max | ForEach-Object { '127.0.0.{0}' -f (100 + $_) })
$slowAddresses = @()
if ($DelaySeconds -gt 0) { $slowAddresses = @(1..$max | ForEach-Object { '127.0.0.{0}' -f (150 + $_) }) }
$specs = @($addresses | ForEach-Object { @{ Address = $_; Image = $image; DelaySeconds = 0 } }) + @($slowAddresses | ForEach-Object { @{ Address = $_; Image = $image; DelaySeconds = $DelaySeconds } })
# The test hosts have no registry: the module sends them the real collector wrapped with -RegistryImage.
$wrapper = Join-Path -Path (Join-Path -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'tests') -ChildPath 'module') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'ssh-hosts' -ChildPath 'New-Tls365ImageCollector.ps1')
$imageCollector = & $wrapper -Path (Join-Path -Path $folder -ChildPath 'image-collector.ps1') -Collector (Join-Path -Path (Join-Path -Path (Join-Path -Path $root -ChildPath 'module') -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1')
& (Get-Module -Name 'TLS365') { param ($Path) $script:CollectorPath = $Path } $imageCollector
$hosts = & $starter -Folder $folder -Port $port -Hosts $specs
if ($null -eq $hosts) { throw 'sshd is not available' }
try
{
    $common = @{ Port = $port; UserName = 'root'; KeyFilePath = $hosts.KeyFilePath; SSHOption = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } }
    $null = Get-Tls365Readiness -HostName $addresses[0] @common   # warm: bridge started, caches filled
    $runs = @($Count | ForEach-Object { @{ N = $_; Targets = $addresses[0..($_ - 1)]; Delay = 0 } })
    if ($slowAddresses.Count -gt 0) { $runs += @{ N = $max; Targets = $slowAddresses; Delay = $DelaySeconds } }
    foreach ($run in $runs)
    {
        $n = $run.N
        $targets = $run.Targets
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $fan = @(Get-Tls365Readiness -HostName $targets @common)
        $fanMs = $clock.Elapsed.TotalMilliseconds
        $clock.Restart()
        $seq = @(foreach ($t in $targets) { Get-Tls365Readiness -HostName $t @common })
        $seqMs = $clock.Elapsed.TotalMilliseconds
        if ($fan.Count -ne $n -or $seq.Count -ne $n) { throw "expected $n results, got $($fan.Count) and $($seq.Count)" }
        ConvertTo-Json -Compress -InputObject @{ hosts = $n; delaySeconds = $run.Delay; fanOutMs = $fanMs; sequentialMs = $seqMs }
    }
}
finally
{
    & $hosts.Stop
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
