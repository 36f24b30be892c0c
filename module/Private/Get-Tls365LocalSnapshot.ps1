function Get-Tls365LocalSnapshot
{
    <#
    .SYNOPSIS
        Runs the TLS365 collector against this machine's live registry.
    .DESCRIPTION
        The live registry exists only on Windows: elsewhere this returns TLS365.Collect.NotWindows, naming the
        image-based alternative. Returns @{ Ok = $true; Value = snapshot } or @{ Ok = $false; Error = ErrorRecord }.
        $script:CollectorImage (tests only) points the collector's seam at a registry image instead.
    .EXAMPLE
        $snapshot = Get-Tls365LocalSnapshot
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    if (-not $onWindows -and [System.String]::IsNullOrEmpty($script:CollectorImage))
    {
        $message = $script:LocalizedData.Collect_NotWindows -f [System.Environment]::OSVersion.VersionString
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Collect.NotWindows' -Category NotImplemented -TargetObject ([System.Environment]::MachineName)) }
    }
    $collector = Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath (Join-Path -Path 'Collector' -ChildPath 'Get-Tls365Snapshot.ps1')
    $parameters = @{}
    if (-not [System.String]::IsNullOrEmpty($script:CollectorImage)) { $parameters.RegistryImage = $script:CollectorImage }
    try
    {
        $snapshot = & $collector @parameters
    }
    catch
    {
        $message = $script:LocalizedData.Collect_Failed -f [System.Environment]::MachineName, $_.Exception.Message
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Collect.Failed' -Category ReadError -TargetObject ([System.Environment]::MachineName) -InnerException $_.Exception) }
    }
    $snapshot.source = 'Local'
    @{ Ok = $true; Value = $snapshot }
}
