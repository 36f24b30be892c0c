<#
.SYNOPSIS
    Runs every Pester suite of TLS365 (tests/module) and writes the counts to a JSON file for scripts/test.js.
.PARAMETER PesterManifest
    Path to Pester.psd1 (restored from NuGet by npm run setup).
.PARAMETER StatsFile
    Where to write {"passed":N,"failed":N,"skipped":N}.
.PARAMETER Path
    Test files or folders; default: tests/module.
#>
[CmdletBinding()]
param
(
    [Parameter(Mandatory = $true)]
    [System.String]
    $PesterManifest,

    [Parameter(Mandatory = $true)]
    [System.String]
    $StatsFile,

    [Parameter()]
    [System.String[]]
    $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$failures = @(foreach ($test in $result.Failed) {
        $message = if ($test.ErrorRecord) { "$(@($test.ErrorRecord)[0])" } else { '' }
        $message = ($message -split "`n" | Select-Object -First 3) -join ' | '
        if ($message.Length -gt 400) { $message = $message.Substring(0, 400) }
        '{0} ({1}): {2}' -f $test.ExpandedPath, [System.IO.Path]::GetFileName("$($test.ScriptBlock.File)"), $message
    })
foreach ($container in @($result.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.ErrorRecord })) {
    $failures += '{0}: {1}' -f $container.Item, "$(@($container.ErrorRecord)[0])"
}
$stats = @{ passed = $result.PassedCount; failed = $failed; skipped = $result.SkippedCount + $result.NotRunCount; failures = $failures }
Set-Content -LiteralPath $StatsFile -Value (ConvertTo-Json -InputObject $stats -Compress) -Encoding Ascii
if ($failed -gt 0) { exit 1 }
exit 0
