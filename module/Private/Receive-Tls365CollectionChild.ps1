function Receive-Tls365CollectionChild
{
    <#
    .SYNOPSIS
        Reads one finished child job of the remote collection: its snapshots, or the one error that says why it has none.
    .DESCRIPTION
        Writes @{ Kind = 'Snapshot'; Target; Snapshot } for each JSON snapshot the collector returned (Source
        Remote, or Image when the collector read a registry image; origin = the machine), and
        @{ Kind = 'Error'; Error } for output that is not a snapshot (TLS365.Collect.Failed, InvalidResult) and
        for the job's failure: a constrained or no-language endpoint (TLS365.Collect.LanguageMode), a transport
        failure (TLS365.Remoting.Unreachable, ConnectionError), anything else raised by the collector
        (TLS365.Collect.Failed, ReadError). Then clears the child's output, so the job does not keep it.
    .PARAMETER Child
        A finished child job of Invoke-Command -AsJob (its Location is the machine).
    .EXAMPLE
        Receive-Tls365CollectionChild -Child $job.ChildJobs[0]
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ([Parameter(Mandatory = $true)] [System.Object] $Child)
    $target = [System.String]$Child.Location
    foreach ($r in @($Child.Output))
    {
        $snapshot = $null
        $text = [System.String]$r
        if ($r -is [System.String] -and $text.StartsWith('{') -and $text.TrimEnd().EndsWith('}'))
        {
            try { $snapshot = ConvertFrom-Json -InputObject $text -ErrorAction Stop } catch { $snapshot = $null }
        }
        if ($null -eq $snapshot)
        {
            @{ Kind = 'Error'; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_BadOutput -f $target) -ErrorId 'TLS365.Collect.Failed' -Category InvalidResult -TargetObject $target) }
            continue
        }
        if ([System.String]$snapshot.source -ne 'Image') { $snapshot.source = 'Remote' }
        $snapshot.origin = $target
        @{ Kind = 'Snapshot'; Target = $target; Snapshot = $snapshot }
    }
    # A job keeps what it received until it is removed: dropped here, so 500 finished machines are not all held.
    if ($null -ne $Child.Output) { $Child.Output.Clear() }
    $reason = $Child.JobStateInfo.Reason
    $first = $null
    if ($null -ne $reason) { $first = $reason }
    elseif (@($Child.Error).Count -gt 0) { $first = @($Child.Error)[0].Exception }
    if ($null -eq $first) { return }
    if ($first.Message -match 'language mode|no-language mode|NoLanguage|supported only on core types|not supported by this runspace')
    {
        @{ Kind = 'Error'; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_LanguageMode -f $target, $first.Message) -ErrorId 'TLS365.Collect.LanguageMode' -Category PermissionDenied -TargetObject $target -InnerException $first) }
    }
    elseif ($first -is [System.Management.Automation.Remoting.PSRemotingTransportException] -or $first.InnerException -is [System.Management.Automation.Remoting.PSRemotingTransportException])
    {
        @{ Kind = 'Error'; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remoting_Unreachable -f $target, $first.Message) -ErrorId 'TLS365.Remoting.Unreachable' -Category ConnectionError -TargetObject $target -InnerException $first) }
    }
    else
    {
        @{ Kind = 'Error'; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_Failed -f $target, $first.Message) -ErrorId 'TLS365.Collect.Failed' -Category ReadError -TargetObject $target -InnerException $first) }
    }
}
