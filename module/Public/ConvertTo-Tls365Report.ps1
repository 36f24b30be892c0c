function ConvertTo-Tls365Report
{
    <#
    .SYNOPSIS
        Turns readiness results (and the errors of machines that gave none) into one self-contained HTML fleet report.
    .DESCRIPTION
        Takes TLS365.Readiness objects from the pipeline, as Get-Tls365Readiness returns them (also after
        Export-Clixml/Import-Clixml, remoting, or ConvertTo-Json/ConvertFrom-Json), and ErrorRecords of machines
        that could not be evaluated, either from the pipeline (2>&1) or through -ErrorRecord (-ErrorVariable).
        Remoting errors (TLS365.Remoting.*) count as unreachable, others (collection failed, malformed image) as failed.

        The report is one HTML file with no external assets, so it works offline and can be mailed: counts of
        ready, not ready, unknown, unreachable and failed machines; readiness per component and per operating
        system (each count links to the machines behind it); every finding across the fleet with its fix;
        missing updates; a machine table you can sort (click a heading) and filter (text, verdict, component,
        OS; the view is kept in the address, so it can be bookmarked); and, per machine, its findings with the
        exact registry changes. Every value is HTML-escaped and the page allows no script but its own.

        When the results were judged against the Microsoft endpoint profiles (Get-Tls365Readiness -Endpoint/-AsOf:
        TLS365-ENDPOINT-001..003), a "Microsoft endpoints" section shows per endpoint how many machines cannot reach
        it on the day judged (Fail, or Warn when the verdict rests on a secondary source only), how many break on
        each announced later date, and which machines; a machine with no finding for an endpoint counts as reaching it.

        Machines are spooled to a temporary file in batches as they arrive, so memory stays flat in
        PowerShell; the page is rendered by the core in one bridge call when the pipeline ends (the bridge keeps
        nothing between calls, so one restarted in the meantime loses nothing). The spool is deleted afterwards.
        A spool that cannot be written stops the report with TLS365.Report.SpoolFailed rather than writing a page
        with machines missing. Without -Path the HTML is returned as one string.
    .PARAMETER InputObject
        TLS365.Readiness objects, or ErrorRecords of machines with no result. Anything else is reported as an
        error (TLS365.Report.NotReadiness) and left out.
    .PARAMETER Path
        The .html file to write (UTF-8). Without it the HTML is returned.
    .PARAMETER Title
        The report's title. Default: TLS 1.2 readiness for Microsoft 365.
    .PARAMETER ErrorRecord
        ErrorRecords collected with -ErrorVariable, counted as unreachable or failed machines.
    .PARAMETER NoClobber
        Do not overwrite an existing file.
    .PARAMETER AsOf
        The day the readiness results were judged on (the -AsOf given to Get-Tls365Readiness; its default is the day
        it ran). The endpoint section then shows it and the days left until each announced date. Without it the
        day the objects carry (TLS365.Readiness.AsOf) is used when they all agree; otherwise the section shows the
        dates alone.
    .EXAMPLE
        Get-Tls365Readiness -ComputerName (Get-Content .\servers.txt) -ErrorVariable failed | ConvertTo-Tls365Report -Path .\tls365.html -ErrorRecord $failed

        Checks every server over WinRM and writes the report, with the unreachable servers counted and listed.
    .EXAMPLE
        Get-Tls365Readiness -Path \\share\tls365\*.json 2>&1 | ConvertTo-Tls365Report -Path .\fleet.html -Title 'Contoso: TLS 1.2 readiness'

        Reports the snapshots SCCM collected; malformed files (their errors merged into the pipeline) count as failed.
    .EXAMPLE
        Import-Clixml .\readiness.xml | ConvertTo-Tls365Report -Path .\from-last-week.html

        Reports saved results again without collecting anything.
    .EXAMPLE
        Get-Tls365Readiness -Path .\images\*.reg -AsOf 2026-02-15 | ConvertTo-Tls365Report -Path .\cut-off.html -AsOf 2026-02-15

        Judges the fleet on a day before Azure Front Door's 2026-04-01 change: the Microsoft endpoints section counts
        the machines that break on that date and the days left.
    .INPUTS
        TLS365.Readiness, System.Management.Automation.ErrorRecord
    .OUTPUTS
        System.IO.FileInfo with -Path; otherwise System.String.
    .LINK
        Get-Tls365Readiness
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([System.IO.FileInfo])]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        [AllowNull()]
        [System.Object[]]
        $InputObject,

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $Path,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $Title = 'TLS 1.2 readiness for Microsoft 365',

        [Parameter()]
        [AllowEmptyCollection()]
        [System.Management.Automation.ErrorRecord[]]
        $ErrorRecord = @(),

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $NoClobber,

        [Parameter()]
        [System.DateTime]
        $AsOf
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $reportId = [System.Guid]::NewGuid().ToString()
        $machines = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $failures = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $batchSize = 500
        # What arrives is spooled to a file, a JSON line per batch, and rendered by one report.write at the end:
        # the bridge keeps nothing between calls, so a bridge restarted while the pipeline runs loses nothing.
        $spool = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), ('tls365-report-{0}.jsonl' -f $reportId))
        # A holder: $send runs in a scope of its own.
        $spoolState = @{ Writer = $null }
        # The same error can arrive twice (2>&1 and -ErrorRecord $ev together): a machine is counted once.
        $seenFailures = New-Object -TypeName 'System.Collections.Generic.HashSet[System.String]'
        # The days the machines were judged on (TLS365.Readiness.AsOf): one common day is the report's day when -AsOf is not given.
        $judgedDays = New-Object -TypeName 'System.Collections.Generic.HashSet[System.String]'
        $stopped = $false
        $target = $null
        $write = $true
        if (-not [System.String]::IsNullOrEmpty($Path))
        {
            $target = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
            if ($NoClobber -and (Test-Path -LiteralPath $target))
            {
                $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Report_Exists -f $target) -ErrorId 'TLS365.Report.FileExists' -Category ResourceExists -TargetObject $target))
            }
            $write = $PSCmdlet.ShouldProcess($target, $script:LocalizedData.Report_ShouldProcess)
        }
        # Appends what has accumulated to the spool. $false when it cannot (the error is written): the report then
        # stops, as a page missing machines would look whole.
        $send = {
            # Guarded (invoked as a script block of its own): an exception caught here does not also reach the
            # caller's -ErrorVariable; the one error said is the TLS365.Report.SpoolFailed below.
            $guarded = {
                try
                {
                    if ($null -eq $spoolState.Writer) { $spoolState.Writer = New-Object -TypeName 'System.IO.StreamWriter' -ArgumentList $spool, $false, (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false) }
                    $spoolState.Writer.WriteLine((ConvertTo-Tls365RpcLine -InputObject @{ machines = $machines.ToArray(); failures = $failures.ToArray() }))
                    $null
                }
                catch { $_.Exception }
            }
            $failed = $guarded.InvokeReturnAsIs()
            $machines.Clear()
            $failures.Clear()
            if ($null -eq $failed) { return $true }
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Report_SpoolFailed -f $spool, (Get-Tls365InnerMessage -Exception $failed)) -ErrorId 'TLS365.Report.SpoolFailed' -Category WriteError -TargetObject $spool -InnerException $failed))
            $false
        }
    }

    process
    {
        if ($stopped -or -not $write) { return }
        foreach ($item in $InputObject)
        {
            if ($null -eq $item) { continue }
            if ($item -is [System.Management.Automation.ErrorRecord])
            {
                $failure = ConvertTo-Tls365ReportFailure -Record $item
                if ($seenFailures.Add(('{0}|{1}|{2}' -f $failure.Target, $failure.ErrorId, $failure.Message))) { $failures.Add($failure) }
                continue
            }
            $properties = $item.PSObject.Properties
            if (($null -ne $properties['ComputerName']) -and ($null -ne $properties['Ready']) -and ($null -ne $properties['Components']))
            {
                $machines.Add($item)
                if (($null -ne $properties['AsOf']) -and -not [System.String]::IsNullOrEmpty([System.String]$item.AsOf)) { [void]$judgedDays.Add([System.String]$item.AsOf) }
            }
            else
            {
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Report_NotReadiness -f $item.GetType().FullName) -ErrorId 'TLS365.Report.NotReadiness' -Category InvalidArgument -TargetObject $item))
            }
        }
        if ($machines.Count + $failures.Count -lt $batchSize) { return }
        if (-not (& $send)) { $stopped = $true }
    }

    end
    {
        try
        {
            if ($stopped -or -not $write) { return }
            foreach ($record in $ErrorRecord)
            {
                if ($null -eq $record) { continue }
                $failure = ConvertTo-Tls365ReportFailure -Record $record
                if ($seenFailures.Add(('{0}|{1}|{2}' -f $failure.Target, $failure.ErrorId, $failure.Message))) { $failures.Add($failure) }
            }
            # Even an empty report goes through the spool (an empty one): one path for every case.
            if (-not (& $send)) { return }
            $spoolState.Writer.Dispose()
            $spoolState.Writer = $null
            $generated = [System.DateTime]::Now.ToString('yyyy-MM-dd HH:mm:ss zzz', [System.Globalization.CultureInfo]::InvariantCulture)
            # Without -Path the page still travels through a file, never inside a JSON reply: a fleet's page is tens
            # of MB, more than Windows PowerShell 5.1's ConvertFrom-Json should be asked to parse.
            $file = $target
            if ($null -eq $target) { $file = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), ('tls365-report-{0}.html' -f $reportId)) }
            $reportParams = @{ spool = $spool; title = $Title; generatedAt = $generated; path = $file }
            if ($PSBoundParameters.ContainsKey('AsOf')) { $reportParams.asOf = $AsOf.ToString('yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture) }
            elseif ($judgedDays.Count -eq 1) { $reportParams.asOf = @($judgedDays)[0] }
            $answer = Invoke-Tls365Bridge -Method 'report.write' -Params $reportParams
            if (-not $answer.Ok)
            {
                if ($answer.Terminating) { $PSCmdlet.ThrowTerminatingError($answer.Error) }
                $PSCmdlet.WriteError($answer.Error)
                return
            }
            if (-not $answer.Value.ok)
            {
                $e = $answer.Value.error
                $category = 'WriteError'
                if (@('SpoolMalformed', 'SpoolUnreadable') -contains [System.String]$e.code) { $category = 'InvalidData' }
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId ('TLS365.Report.' + $e.code) -Category $category -TargetObject $file))
                return
            }
            $s = $answer.Value.summary
            Write-Verbose -Message ($script:LocalizedData.Report_Summary -f $s.Machines, $s.Ready, $s.NotReady, $s.Unknown, $s.Unreachable, $s.Failed)
            if ($null -ne $target)
            {
                Get-Item -LiteralPath $target
                return
            }
            try
            {
                [System.IO.File]::ReadAllText($file, [System.Text.Encoding]::UTF8)
            }
            finally
            {
                Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
            }
        }
        finally
        {
            if ($null -ne $spoolState.Writer) { $spoolState.Writer.Dispose() }
            Remove-Item -LiteralPath $spool -Force -ErrorAction SilentlyContinue
        }
    }
}
