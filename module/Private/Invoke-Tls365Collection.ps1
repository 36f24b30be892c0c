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
        Streams: as each machine's job finishes, writes @{ Kind = 'Snapshot'; Target; Snapshot } for each snapshot
        it returned, or @{ Kind = 'Error'; Error = ErrorRecord } for its failure (Receive-Tls365CollectionChild),
        then @{ Kind = 'Round' } once per round of finished machines, so the caller evaluates what it has while
        the rest still run: the first result comes as soon as the first machine answers, and a finished
        machine's output is not kept (memory stays flat however many targets there are).
    .PARAMETER InvokeParameters
        The connection part of the Invoke-Command call (ComputerName/Credential/Port, HostName/UserName/KeyFilePath/Port,
        or Session), plus ThrottleLimit (dropped for SSH, whose Invoke-Command parameter sets do not take it).
    .PARAMETER TimeoutSeconds
        Longest wait for the whole fan-out. Child jobs still running then are stopped and each becomes one
        TLS365.Remoting.Timeout (OperationTimeout) naming its machine; what they returned before is discarded.
    .EXAMPLE
        Invoke-Tls365Collection -InvokeParameters @{ HostName = @('ex01', 'ex02'); ThrottleLimit = 32 } | Where-Object { $_.Kind -eq 'Snapshot' }
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
    $call = @{}
    foreach ($k in $InvokeParameters.Keys) { $call[$k] = $InvokeParameters[$k] }
    $call.ScriptBlock = { param ($collectorText) & ([System.Management.Automation.ScriptBlock]::Create($collectorText)) -AsJson }
    $call.ArgumentList = @([System.IO.File]::ReadAllText($collector))
    if ($call.ContainsKey('HostName')) { $call.Remove('ThrottleLimit') }
    $job = Invoke-Command @call -AsJob
    if ($null -eq $job) { return }
    try
    {
        $children = @($job.ChildJobs)
        $total = $children.Count
        $handled = New-Object -TypeName 'System.Collections.Generic.HashSet[System.Int32]'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ($handled.Count -lt $total)
        {
            # Every child that has finished since the last round is read now, its output dropped from the job,
            # and its results written to the pipeline: the caller evaluates them while the others still run.
            $finished = 0
            for ($i = 0; $i -lt $total; $i++)
            {
                if ($handled.Contains($i)) { continue }
                $child = $children[$i]
                if (@('NotStarted', 'Running') -contains [System.String]$child.State) { continue }
                $null = $handled.Add($i)
                $finished++
                Receive-Tls365CollectionChild -Child $child
            }
            if ($finished -gt 0) { @{ Kind = 'Round' } }
            if ($handled.Count -ge $total) { break }
            if ($clock.Elapsed.TotalSeconds -ge $TimeoutSeconds)
            {
                for ($i = 0; $i -lt $total; $i++)
                {
                    if ($handled.Contains($i)) { continue }
                    $target = [System.String]$children[$i].Location
                    $children[$i].StopJob()
                    # What it returned before is discarded: a machine that did not finish gives one error, no partial result.
                    $children[$i].Output.Clear()
                    @{ Kind = 'Error'; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remoting_Timeout -f $target, $TimeoutSeconds) -ErrorId 'TLS365.Remoting.Timeout' -Category OperationTimeout -TargetObject $target) }
                }
                break
            }
            Write-Progress -Activity 'Get-Tls365Readiness' -Status ('{0} of {1} machines collected' -f $handled.Count, $total) -PercentComplete ([System.Int32](100 * $handled.Count / [System.Math]::Max(1, $total)))
            # Back as soon as any machine finishes (or after a second, for the timeout and the progress bar).
            $running = @(for ($i = 0; $i -lt $total; $i++) { if (-not $handled.Contains($i)) { $children[$i] } })
            $null = Wait-Job -Job $running -Any -Timeout 1
        }
        Write-Progress -Activity 'Get-Tls365Readiness' -Completed
    }
    finally
    {
        Remove-Job -Job $job -Force -ErrorAction SilentlyContinue
    }
}
