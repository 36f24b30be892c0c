function Invoke-Tls365Collection
{
    <#
    .SYNOPSIS
        Runs the TLS365 collector on remote machines with one Invoke-Command fan-out and returns their snapshots and one error per failed machine.
    .DESCRIPTION
        Sends only the collector script (module/Collector/Get-Tls365Snapshot.ps1, run with -AsJson): the targets
        need neither Node nor the module. Transport failures (unreachable, refused, timed out, access denied
        at connection) become TLS365.Remoting.Unreachable (ConnectionError) naming the machine; errors raised
        inside the collector on a reachable machine become TLS365.Collect.Failed with their own category.
        Returns @{ Snapshots = list of @{ Target; Snapshot }; Errors = list of ErrorRecord }.
    .PARAMETER InvokeParameters
        The connection part of the Invoke-Command call (ComputerName/Credential/Port, HostName/UserName/KeyFilePath/Port,
        or Session), plus ThrottleLimit (dropped for SSH, whose Invoke-Command parameter sets do not take it).
    .PARAMETER TimeoutSeconds
        Longest wait for the whole fan-out. Child jobs still running then are stopped and each becomes one
        TLS365.Remoting.Timeout (OperationTimeout) naming its machine; what they returned before is discarded.
    .EXAMPLE
        Invoke-Tls365Collection -InvokeParameters @{ HostName = @('ex01', 'ex02'); ThrottleLimit = 32 }
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Collections.Hashtable]
        $InvokeParameters,

        [Parameter()]
        [ValidateRange(1, 86400)]
        [System.Int32]
        $TimeoutSeconds = 600
    )

    $collector = $script:CollectorPath
    $snapshots = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $errors = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $call = @{}
    foreach ($k in $InvokeParameters.Keys) { $call[$k] = $InvokeParameters[$k] }
    # The collector's text as a script block (not -FilePath: Invoke-Command's SSH parameter sets with -FilePath
    # take no -Port), run with -AsJson so that only plain text crosses the wire.
    # A small wrapper carries the collector's text and calls it with -AsJson (a switch cannot be passed through
    # -ArgumentList by position).
    $call.ScriptBlock = { param ($collectorText) & ([System.Management.Automation.ScriptBlock]::Create($collectorText)) -AsJson }
    $call.ArgumentList = @([System.IO.File]::ReadAllText($collector))
    if ($call.ContainsKey('HostName')) { $call.Remove('ThrottleLimit') }
    # As a job: each machine's output and errors are read from its child job, so no remoting error reaches the
    # caller's error stream or -ErrorVariable except the one TLS365 record per machine written below; and the
    # child jobs' states give the progress.
    $job = Invoke-Command @call -AsJob
    if ($null -eq $job) { return @{ Snapshots = $snapshots; Errors = $errors } }
    try
    {
        $total = @($job.ChildJobs).Count
        $timedOut = @{}
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while (@('NotStarted', 'Running') -contains [System.String]$job.State)
        {
            if ($clock.Elapsed.TotalSeconds -ge $TimeoutSeconds)
            {
                foreach ($child in @($job.ChildJobs | Where-Object { @('NotStarted', 'Running') -contains [System.String]$_.State }))
                {
                    $timedOut[[System.String]$child.Location] = $true
                    $child.StopJob()
                }
                break
            }
            $done = @($job.ChildJobs | Where-Object { @('NotStarted', 'Running') -notcontains [System.String]$_.State }).Count
            Write-Progress -Activity 'Get-Tls365Readiness' -Status ('{0} of {1} machines collected' -f $done, $total) -PercentComplete ([System.Int32](100 * $done / [System.Math]::Max(1, $total)))
            $null = Wait-Job -Job $job -Timeout 1
        }
        Write-Progress -Activity 'Get-Tls365Readiness' -Completed

        foreach ($child in @($job.ChildJobs))
        {
            $target = [System.String]$child.Location
            if ($timedOut.ContainsKey($target))
            {
                $errors.Add((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remoting_Timeout -f $target, $TimeoutSeconds) -ErrorId 'TLS365.Remoting.Timeout' -Category OperationTimeout -TargetObject $target))
                continue
            }
            foreach ($r in @($child.Output))
            {
                $snapshot = $null
                # Only text shaped like the collector's JSON is parsed: ConvertFrom-Json throws on anything else,
                # and even a caught exception would land in the caller's -ErrorVariable.
                $text = [System.String]$r
                if ($r -is [System.String] -and $text.StartsWith('{') -and $text.TrimEnd().EndsWith('}'))
                {
                    try { $snapshot = ConvertFrom-Json -InputObject $text -ErrorAction Stop } catch { $snapshot = $null }
                }
                if ($null -eq $snapshot)
                {
                    $errors.Add((New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_BadOutput -f $target) -ErrorId 'TLS365.Collect.Failed' -Category InvalidResult -TargetObject $target))
                    continue
                }
                # A live reading on that machine is Remote here; a registry image stays Image (never passed off as live).
                if ([System.String]$snapshot.source -ne 'Image') { $snapshot.source = 'Remote' }
                $snapshot.origin = $target
                $snapshots.Add(@{ Target = $target; Snapshot = $snapshot })
            }
            $reason = $child.JobStateInfo.Reason
            $first = $null
            if ($null -ne $reason) { $first = $reason }
            elseif (@($child.Error).Count -gt 0) { $first = @($child.Error)[0].Exception }
            if ($null -eq $first) { continue }
            if ($first.Message -match 'language mode|no-language mode|NoLanguage|supported only on core types|not supported by this runspace')
            {
                # A JEA endpoint or Constrained Language: the collector (or the call that carries it) is refused.
                $errors.Add((New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_LanguageMode -f $target, $first.Message) -ErrorId 'TLS365.Collect.LanguageMode' -Category PermissionDenied -TargetObject $target -InnerException $first))
            }
            elseif ($first -is [System.Management.Automation.Remoting.PSRemotingTransportException] -or $first.InnerException -is [System.Management.Automation.Remoting.PSRemotingTransportException])
            {
                $errors.Add((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remoting_Unreachable -f $target, $first.Message) -ErrorId 'TLS365.Remoting.Unreachable' -Category ConnectionError -TargetObject $target -InnerException $first))
            }
            else
            {
                $errors.Add((New-Tls365ErrorRecord -Message ($script:LocalizedData.Collect_Failed -f $target, $first.Message) -ErrorId 'TLS365.Collect.Failed' -Category ReadError -TargetObject $target -InnerException $first))
            }
        }
    }
    finally
    {
        Remove-Job -Job $job -Force
    }
    @{ Snapshots = $snapshots; Errors = $errors }
}
