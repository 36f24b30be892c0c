function Find-Tls365LegacyClient
{
    <#
    .SYNOPSIS
        Finds the clients that still negotiate TLS 1.0 or 1.1 (or SSL) with your servers, from IIS and Exchange SMTP logs.
    .DESCRIPTION
        Streams IIS W3C logs (the crypt-protocol custom field IIS writes on Windows Server 2012 R2 and later,
        bare lower-case hex such as 40 or 100) and Exchange SMTP Receive/Send protocol logs (the "TLS protocol
        SP_PROT_TLS1_0_SERVER negotiation succeeded" rows, joined to the session's client address and EHLO
        name). Returns one TLS365.LegacyClient per client and protocol with the number of requests or
        sessions, first and last seen, where it was seen, and its user agent or EHLO name.

        ClientIp is always the TCP peer (IIS c-ip, the Exchange remote endpoint): the party the protocol was
        negotiated with, and the device that breaks when the server turns that protocol off. Behind a load
        balancer or reverse proxy that adds X-Forwarded-For (or OriginalIP, OriginalClientIP), the crypt-protocol
        IIS logs is that of the load balancer's own back-end connection: the load balancer terminated the real
        clients' TLS, and their TLS versions are not in the IIS log at all. Such a record is the load balancer:
        its ForwardedFor property lists the clients behind it as '203.0.113.5 (12)' (the first address of each
        request's forwarded-for list and its requests, most requests first, at most 20, then '... and N more
        (requests)'), and its Rules name TLS365-DISC-006 next to TLS365-DISC-001: set the load balancer's
        back-end TLS profile to TLS 1.2 or later before turning TLS 1.0/1.1 off here, and look for the clients'
        own TLS versions in the load balancer's logs. ForwardedFor is empty for a direct client.

        Files, folders (searched recursively for *.log, *.log.gz and *.gz) and wildcards are accepted, as are
        gzip-compressed logs. Field names are admin-chosen in IIS: they are detected automatically
        (crypt-protocol, Crypt-Protocol, crypt_protocol; X-Forwarded-For, OriginalIP, OriginalClientIP for the
        clients behind a load balancer) and can be mapped with -FieldMap. #Fields may change mid-file. A file that cannot be read, is cut off, or is not a
        log gives one error naming it, and the scan goes on. The files are read by the TLS365 bridge in 1 MiB
        chunks, so memory stays flat whatever their size; progress shows megabytes and files.
    .PARAMETER Path
        Log files, folders or wildcards ([a].log means a.log; use -LiteralPath for names with brackets). Accepts
        strings from the pipeline.
    .PARAMETER LiteralPath
        Log files or folders taken exactly as written, no wildcards. Objects from Get-ChildItem bind here by
        PSPath (objects with a FullName property by that), so piped files are always those very files.
    .PARAMETER Since
        Only count hits at or after this time.
    .PARAMETER Until
        Only count hits at or before this time.
    .PARAMETER Protocol
        The protocols to report (default Tls10 and Tls11). Add Ssl2, Ssl3, or Tls12 to see everything.
    .PARAMETER Format
        Auto (default: detected from each file's first lines), IisW3C, ExchangeSmtpReceive or ExchangeSmtpSend.
    .PARAMETER FieldMap
        IIS column names for fields, e.g. @{ protocol = 'TlsProto'; clientIp = 'x-real-ip' }. Keys: date, time,
        clientIp, serverIp, serverPort, method, uri, username, userAgent, site, status, win32Status, protocol,
        cipher, hash, keyExchange, forwardedFor.
    .PARAMETER Detailed
        Return the individual hits (TLS365.LegacyHit), up to -MaxHits, instead of one object per client. ClientIp is
        the TCP peer; behind a load balancer ForwardedFor holds the forwarded-for value as logged
        ('203.0.113.5,+10.0.0.9') and ForwardedClient the client behind it that the record counts.
    .PARAMETER MaxHits
        The most hits -Detailed returns (default 100000).
    .PARAMETER AsSummary
        Return one row per protocol and site (TLS365.LegacySummary) instead of one per client. Clients counts the
        distinct TCP peers (a load balancer is one client, whatever it forwards for).
    .EXAMPLE
        Find-Tls365LegacyClient -Path C:\inetpub\logs\LogFiles

        Every client that used TLS 1.0 or 1.1 against this web server, with counts and dates.
    .EXAMPLE
        Find-Tls365LegacyClient -Path '\\EX01\d$\Exchange\TransportRoles\Logs\FrontEnd\ProtocolLog\SmtpReceive' -Since (Get-Date).AddDays(-7)

        SMTP clients of the last week that negotiated TLS 1.0 or 1.1, with their EHLO names.
    .EXAMPLE
        Find-Tls365LegacyClient -Path C:\inetpub\logs\LogFiles | Where-Object { $_.ForwardedFor } | Format-List ClientIp, Protocol, Count, ForwardedFor, Rules

        The load balancers and proxies whose own connections to this server use TLS 1.0 or 1.1, with the clients
        behind each (fix the load balancer's back-end TLS; the clients' own versions are in its logs).
    .EXAMPLE
        Get-ChildItem .\logs\*.log.gz | Find-Tls365LegacyClient -AsSummary

        Requests and distinct clients per protocol and site.
    .INPUTS
        System.String (to -Path), or objects with a PSPath or FullName property (to -LiteralPath).
    .OUTPUTS
        TLS365.LegacyClient, TLS365.LegacyHit with -Detailed, TLS365.LegacySummary with -AsSummary.
    .LINK
        Test-Tls365Connection
    #>
    [CmdletBinding(DefaultParameterSetName = 'Clients')]
    [OutputType('TLS365.LegacyClient')]
    [OutputType('TLS365.LegacyHit')]
    [OutputType('TLS365.LegacySummary')]
    param
    (
        [Parameter(ParameterSetName = 'Clients', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'Detailed', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'Summary', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $Path,

        [Parameter(ParameterSetName = 'LiteralClients', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'LiteralDetailed', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'LiteralSummary', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('PSPath', 'LP', 'FullName')]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $LiteralPath,

        [Parameter()]
        [System.DateTime]
        $Since,

        [Parameter()]
        [System.DateTime]
        $Until,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Protocol' -Value $_ })]
        [System.String[]]
        $Protocol = @('Tls10', 'Tls11'),

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'LogFormat' -Value $_ })]
        [System.String]
        $Format = 'Auto',

        [Parameter()]
        [System.Collections.Hashtable]
        $FieldMap = @{},

        [Parameter(ParameterSetName = 'Detailed', Mandatory = $true)]
        [Parameter(ParameterSetName = 'LiteralDetailed', Mandatory = $true)]
        [System.Management.Automation.SwitchParameter]
        $Detailed,

        [Parameter(ParameterSetName = 'Detailed')]
        [Parameter(ParameterSetName = 'LiteralDetailed')]
        [ValidateRange(1, 1000000)]
        [System.Int32]
        $MaxHits = 100000,

        [Parameter(ParameterSetName = 'Summary', Mandatory = $true)]
        [Parameter(ParameterSetName = 'LiteralSummary', Mandatory = $true)]
        [System.Management.Automation.SwitchParameter]
        $AsSummary
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $files = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    }

    process
    {
        # -LiteralPath (and Get-ChildItem objects, by PSPath or FullName) is taken as written: [a].log is that file.
        $literal = $PSCmdlet.ParameterSetName -like 'Literal*'
        $items = $Path
        if ($literal) { $items = $LiteralPath }
        foreach ($item in $items)
        {
            $resolved = @(Resolve-Tls365InputPath -Item $item -Literal:$literal)
            if ($resolved.Count -eq 0)
            {
                $message = $script:LocalizedData.Log_NotFound -f $item
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Log.NotFound' -Category ObjectNotFound -TargetObject $item))
                continue
            }
            foreach ($r in $resolved)
            {
                if (Test-Path -LiteralPath $r -PathType Container)
                {
                    $found = @(Get-ChildItem -LiteralPath $r -Recurse -File | Where-Object { $_.Name -match '\.(log|gz)$' } | Sort-Object -Property FullName | ForEach-Object { $_.FullName })
                    foreach ($f in $found) { $files.Add($f) }
                }
                else
                {
                    $files.Add($r)
                }
            }
        }
    }

    end
    {
        if ($files.Count -eq 0) { return }
        if ($VerbosePreference -ne 'SilentlyContinue')
        {
            $bytes = [System.Int64]0
            foreach ($f in $files) { try { $bytes += ([System.IO.FileInfo]$f).Length } catch { $null = $_ } }
            Write-Verbose -Message ($script:LocalizedData.Verbose_ScanLogs -f $files.Count, $bytes)
        }
        $params = @{ paths = $files.ToArray(); format = $Format; fieldMap = $FieldMap; protocols = @($Protocol); maxHits = 0; shape = 'powershell' }
        if ($PSBoundParameters.ContainsKey('Since')) { $params.since = $Since.ToUniversalTime().ToString('o') }
        if ($PSBoundParameters.ContainsKey('Until')) { $params.until = $Until.ToUniversalTime().ToString('o') }
        if ($Detailed) { $params.maxHits = $MaxHits }

        # The file the bridge is reading: named by the progress notifications, kept where the handler (run
        # inside the bridge call) finds it by a name nothing there shadows.
        $tls365ScanState = @{ File = $null }
        $progress = {
            param ($note)
            if ($note.method -ne 'progress') { return }
            $p = $note.params
            $tls365ScanState.File = $p.file
            $percent = 0
            if ($p.bytesTotal -gt 0) { $percent = [System.Math]::Min(100, [System.Int32](100 * $p.bytesDone / $p.bytesTotal)) }
            $status = '{0:N1} of {1:N1} MB, file {2} of {3}' -f ($p.bytesDone / 1MB), ($p.bytesTotal / 1MB), [System.Math]::Min($p.filesDone + 1, $p.filesTotal), $p.filesTotal
            Write-Progress -Activity 'Find-Tls365LegacyClient' -Status $status -PercentComplete $percent -CurrentOperation ([System.String]$p.file)
        }
        # A bridge that dies (or stops making progress) while reading a file: that file is named in an error
        # and left out, and the other files are scanned again by a new bridge, so their results are kept.
        # At most three files are left out this way; the bridge's restart limit stops a loop sooner.
        $remaining = New-Object -TypeName 'System.Collections.Generic.List[System.String]' -ArgumentList (, [System.String[]]$files.ToArray())
        $leftOut = 0
        while ($true)
        {
            $params.paths = $remaining.ToArray()
            $tls365ScanState.File = $null
            $answer = Invoke-Tls365Bridge -Method 'logs.scan' -Params $params -OnNotification $progress
            Write-Progress -Activity 'Find-Tls365LegacyClient' -Completed
            if ($answer.Ok) { break }
            $errorId = $answer.Error.FullyQualifiedErrorId -replace ',.*$', ''
            $culprit = $tls365ScanState.File
            $died = $errorId -like 'TLS365.Bridge.Exited*' -or $errorId -like 'TLS365.Bridge.Timeout*'
            if ($answer.Terminating -or -not $died -or $null -eq $culprit -or -not $remaining.Contains([System.String]$culprit) -or $leftOut -ge 3)
            {
                $PSCmdlet.ThrowTerminatingError($answer.Error)
            }
            $leftOut++
            $null = $remaining.Remove([System.String]$culprit)
            $message = $script:LocalizedData.Log_BridgeDied -f $culprit, $answer.Error.Exception.Message, $remaining.Count
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId ('TLS365.Log.' + ($errorId -replace '^TLS365\.', '')) -Category $answer.Error.CategoryInfo.Category -TargetObject ([System.String]$culprit) -InnerException $answer.Error.Exception))
            if ($remaining.Count -eq 0) { return }
        }
        $result = $answer.Value

        foreach ($e in @($result.fileErrors))
        {
            $category = 'InvalidData'
            if ($e.code -eq 'Unreadable') { $category = 'ReadError' }
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId ('TLS365.Log.' + $e.code) -Category $category -TargetObject $e.file))
        }
        if ($result.totals.malformed -gt 0)
        {
            $samples = @($result.malformedSamples)
            Write-Warning -Message ($script:LocalizedData.Log_Malformed -f $result.totals.malformed, $samples[0].message)
            # A line over the length limit is named on its own (file and line): it may hide records.
            foreach ($sample in ($samples | Select-Object -Skip 1 | Where-Object { $_.reason -eq 'too-long' }))
            {
                Write-Warning -Message $sample.message
            }
        }
        foreach ($n in @($result.noTlsField))
        {
            if ($n.https -le 0) { continue }
            # A log without s-sitename names no site: it says so rather than "site ''" (issue 17, item 7).
            if ([System.String]::IsNullOrEmpty([System.String]$n.site)) { Write-Warning -Message ($script:LocalizedData.Log_NoTlsFieldNoSite -f $n.https, (@($n.sources) -join ', ')) }
            else { Write-Warning -Message ($script:LocalizedData.Log_NoTlsField -f $n.site, $n.https, (@($n.sources) -join ', ')) }
        }
        # ISO 8601 text from the core; PowerShell 7's ConvertFrom-Json may already have made DateTimes of it.
        $toTime = {
            param ($value)
            if ($null -eq $value -or $value -is [System.DateTime]) { return $value }
            [System.DateTime]::Parse([System.String]$value, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
        }

        if ($Detailed)
        {
            foreach ($h in @($result.hits))
            {
                $h.pstypenames.Insert(0, 'TLS365.LegacyHit')
                $h
            }
            return
        }
        if ($AsSummary)
        {
            foreach ($s in @($result.summary))
            {
                New-Tls365PublicObject -TypeName 'TLS365.LegacySummary' -Property @{
                    Format = $s.format; Site = $s.site; Protocol = $s.protocol; Requests = $s.requests; Clients = $s.clients
                    FirstSeen = $s.firstSeen; LastSeen = $s.lastSeen
                }
            }
            return
        }
        # The bridge sends the records in the TLS365.LegacyClient shape (bridge/logs-shape.ts): only the type name
        # is added, and the times parsed where ConvertFrom-Json left them as text (Windows PowerShell 5.1).
        foreach ($c in @($result.records))
        {
            if ($c.FirstSeen -is [System.String]) { $c.FirstSeen = & $toTime $c.FirstSeen }
            if ($c.LastSeen -is [System.String]) { $c.LastSeen = & $toTime $c.LastSeen }
            $c.pstypenames.Insert(0, 'TLS365.LegacyClient')
            $c
        }
    }
}
