function Invoke-Tls365Collector
{
    <#
    .SYNOPSIS
        The module's seam to this machine's collector: runs module/Collector/Get-Tls365Snapshot.ps1 against the live registry.
    .DESCRIPTION
        Always the real thing: the collector reads this machine's registry, hotfix list and file versions (its
        own seams, see that script) and returns the snapshot. Off Windows there is nothing to collect: it returns
        $null (no error), which Get-Tls365LocalSnapshot reports as TLS365.Collect.NotWindows. The Windows tier
        (tests/windows) runs it for real under Wine; the Linux tests replace it from outside with Pester's
        Mock -ModuleName TLS365, pointing the collector at a registry image (its -RegistryImage parameter).
    .EXAMPLE
        $snapshot = Invoke-Tls365Collector
    #>
    [CmdletBinding()]
    param ()

    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) { return $null }
    $collector = Join-Path -Path (Join-Path -Path $script:ModuleRoot -ChildPath 'module') -ChildPath (Join-Path -Path 'Collector' -ChildPath 'Get-Tls365Snapshot.ps1')
    & $collector
}
