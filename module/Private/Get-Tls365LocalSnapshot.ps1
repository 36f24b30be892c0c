function Get-Tls365LocalSnapshot
{
    <#
    .SYNOPSIS
        Collects this machine (Invoke-Tls365Collector) and turns every failure into an ErrorRecord.
    .DESCRIPTION
        Returns @{ Ok = $true; Value = snapshot } or @{ Ok = $false; Error = ErrorRecord }: TLS365.Collect.NotWindows
        off Windows (naming the image-based alternative), TLS365.Collect.Failed when the collector throws.
    .EXAMPLE
        $snapshot = Get-Tls365LocalSnapshot
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    try
    {
        $snapshot = Invoke-Tls365Collector
    }
    catch
    {
        $message = $script:LocalizedData.Collect_Failed -f [System.Environment]::MachineName, $_.Exception.Message
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Collect.Failed' -Category ReadError -TargetObject ([System.Environment]::MachineName) -InnerException $_.Exception) }
    }
    if ($null -eq $snapshot)
    {
        $message = $script:LocalizedData.Collect_NotWindows -f [System.Environment]::OSVersion.VersionString
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Collect.NotWindows' -Category NotImplemented -TargetObject ([System.Environment]::MachineName)) }
    }
    $snapshot.source = 'Local'
    @{ Ok = $true; Value = $snapshot }
}
