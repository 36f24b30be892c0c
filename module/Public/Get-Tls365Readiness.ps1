function Get-Tls365Readiness
{
    <#
    .SYNOPSIS
        Tells whether each machine will negotiate TLS 1.2 with Microsoft 365, what is wrong, and the exact change that fixes it.
    .DESCRIPTION
        Evaluates WinHTTP (64- and 32-bit), WinINet, SChannel (client and server) and .NET Framework 4.x and
        3.5 (64- and 32-bit) against TLS365's rule catalogue: Microsoft's registry settings, per-OS defaults
        and the updates that TLS 1.2 needs (KB3140245 and friends).

        Sources:
        - the local machine (default): the TLS365 collector reads the live registry (Windows only);
        - -Path: registry images. A regedit export (.reg, UTF-16LE or ANSI, several exports concatenated) or
          a TLS365 snapshot (.json, written by the collector or by SCCM). An image alone is enough: the OS
          comes from Windows NT\CurrentVersion, updates from the Component Based Servicing Packages key, and
          the .NET versions from the NDP keys. A component whose keys the image does not hold is Unknown,
          never guessed.

        Returns one TLS365.Readiness object per machine: ComputerName, Source (Local, Image, Remote), OS,
        Ready, Components (Name, Status = Ready, NotReady, Unknown or NotApplicable, Reason), Findings
        (RuleId, Severity = Fail, Warn or Info, Component, Message, Fix) and MissingUpdates. A file that
        cannot be read or parsed gives one error naming the file (and line) and every other file is still
        evaluated. An image read with a doubt (bytes not valid in its encoding, read as U+FFFD; hex data whose
        size does not fit its type) is evaluated and gives a warning naming the file and line. Text from an
        image (machine and OS names, values quoted in messages) shows control characters as \xHH, so no
        escape sequence from a file reaches the console. Images are evaluated in batches by one bridge process, never one call per machine, and
        results are written as each batch is done (10,000 snapshot files in one call stream, with progress).

        The machines of one call (-Path, -ComputerName, -HostName, -Session) are one fleet for the Exchange
        rule TLS365-EXCH-009: when the Exchange servers among them differ in their TLS 1.0-1.2 or .NET 4
        settings, each gets that warning (HealthChecker's Extended Protection prerequisite). The Exchange
        servers' results are therefore written at the end of the call, after every other machine's.
    .PARAMETER Path
        Image files: .reg exports or .json snapshots. Wildcards are allowed (so [a].reg means a.reg; use
        -LiteralPath for names with brackets). Accepts strings from the pipeline.
    .PARAMETER LiteralPath
        Image files taken exactly as written, no wildcards: [a].reg is the file named [a].reg. Objects from
        Get-ChildItem bind here by PSPath (and objects with a FullName property by that), so a folder listing
        piped in always means those very files.
    .PARAMETER ComputerName
        Machines to collect over PowerShell remoting (WinRM). Binds ComputerName and DNSHostName from pipeline
        objects (Import-Csv, Get-ADComputer). Only the collector script is sent: targets need neither Node nor
        this module. Each unreachable machine gives one TLS365.Remoting.Unreachable error naming it.
    .PARAMETER HostName
        Machines to collect over PowerShell remoting through SSH (PowerShell 7).
    .PARAMETER Session
        Existing PSSessions to collect through.
    .PARAMETER Credential
        Credential for WinRM remoting.
    .PARAMETER UserName
        User name for SSH remoting.
    .PARAMETER KeyFilePath
        Private key file for SSH remoting.
    .PARAMETER SSHOption
        OpenSSH options for the SSH connections, e.g. @{ StrictHostKeyChecking = 'accept-new' } (Invoke-Command
        -Options, PowerShell 7.3 and later).
    .PARAMETER Port
        Remoting port (WinRM or SSH).
    .PARAMETER ThrottleLimit
        Most machines collected at once over WinRM or sessions (default 32, as Invoke-Command; Invoke-Command's
        SSH parameter sets do not take it).
    .PARAMETER ConnectTimeoutSeconds
        Longest wait for one machine's remoting connection to open (default 30): a machine that does not answer
        within it gives one TLS365.Remoting.Unreachable error naming it, without holding the others' results until
        -TimeoutSeconds. SSH: Invoke-Command -ConnectingTimeout (PowerShell 7.2 and later; PowerShell's SSH client
        can otherwise wait for ever on a connection whose ssh process has already exited, PowerShell issue 25203).
        WinRM: the session option OpenTimeout (WinRM's own default is 3 minutes).
    .PARAMETER TimeoutSeconds
        Longest wait for the whole collection (default 600). Machines still connecting or collecting then are
        stopped and each gives one TLS365.Remoting.Timeout error naming it; the others are unaffected.
    .PARAMETER Role
        Evaluate a machine as this role even when it is not detected (Exchange, ConfigMgr, AzureADConnect,
        Office): enables the role's rules.
    .PARAMETER Discovery
        Also report what legacy-client discovery needs (Schannel event logging).
    .PARAMETER Endpoint
        The Microsoft endpoint profiles to judge the machine against (Microsoft365, AzureFrontDoor, EntraID; default:
        all). For each, the machine's effective TLS 1.2/1.3 client cipher suites and curves (OS default, local
        list, Group Policy list, curve order) are compared with what the endpoint accepts on -AsOf and after every
        announced change: TLS365-ENDPOINT-001 (Fail) when it cannot reach it on that day, -002 (Warn) when an
        announced change within 90 days breaks it, -003 (Info) for a later one. Each names the missing suite, curve
        or protocol, the date, and the profile's sources.
    .PARAMETER AsOf
        The day the endpoint profiles are judged on (default: today). A later day answers "will it still connect
        after the next cut-off?".
    .PARAMETER Detailed
        Show each machine with its components and findings (a list view) instead of one table line.
    .PARAMETER Snapshot
        Return the raw TLS365 snapshot (schema tls365.snapshot/1) instead of evaluating it: the collector's
        output for this machine, or an image file read into the snapshot schema. Pipe it to
        ConvertTo-Json -Depth 8 to save it; Get-Tls365Readiness -Path evaluates such files later.
    .EXAMPLE
        Get-ChildItem -LiteralPath '\\server\share\images' -Filter *.reg | Get-Tls365Readiness

        Evaluates every image of a folder; each file object binds by its PSPath, so bracketed names are exact.
    .EXAMPLE
        Get-Tls365Readiness -Path .\examples\*.reg

        Evaluates the sample machine images; one line per machine.
    .EXAMPLE
        Get-ChildItem \\share\snapshots\*.json | Get-Tls365Readiness | Where-Object Ready -eq $false

        Evaluates snapshots collected by SCCM and keeps the machines that are not ready.
    .EXAMPLE
        Get-Tls365Readiness -Path .\EX01.reg -Detailed

        Shows every component, finding and fix of one machine.
    .EXAMPLE
        (Get-Tls365Readiness -Path .\*.reg).Findings | Where-Object Severity -eq 'Fail' | Select-Object RuleId, Message, @{ n = 'Fix'; e = { $_.Fix.Text } }

        Lists every failing finding with its fix.
    .EXAMPLE
        Get-Tls365Readiness

        Evaluates this machine (Windows).
    .EXAMPLE
        Import-Csv .\servers.csv | Get-Tls365Readiness -ThrottleLimit 64 -ErrorVariable unreachable

        Collects every server of the CSV's ComputerName column over WinRM in one fan-out and evaluates them in
        one batch; each unreachable server is one error in $unreachable.
    .EXAMPLE
        Get-Tls365Readiness -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -Path "\\server\share\$env:COMPUTERNAME.json"

        Saves this machine's raw values for later, offline evaluation.
    .INPUTS
        System.String, or objects with a FullName (Get-ChildItem) property.
    .OUTPUTS
        TLS365.Readiness
    .LINK
        ConvertFrom-Tls365ProtocolMask
    #>
    [CmdletBinding(DefaultParameterSetName = 'Local')]
    [OutputType('TLS365.Readiness')]
    [OutputType('TLS365.Snapshot')]
    param
    (
        [Parameter(ParameterSetName = 'Image', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [SupportsWildcards()]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $Path,

        [Parameter(ParameterSetName = 'LiteralImage', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('PSPath', 'LP', 'FullName')]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $LiteralPath,

        [Parameter(ParameterSetName = 'Computer', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('CN', 'DNSHostName')]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $ComputerName,

        [Parameter(ParameterSetName = 'Ssh', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $HostName,

        [Parameter(ParameterSetName = 'Session', Mandatory = $true, ValueFromPipeline = $true)]
        [System.Management.Automation.Runspaces.PSSession[]]
        $Session,

        [Parameter(ParameterSetName = 'Computer')]
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,

        [Parameter(ParameterSetName = 'Ssh')]
        [System.String]
        $UserName,

        [Parameter(ParameterSetName = 'Ssh')]
        [System.String]
        $KeyFilePath,

        [Parameter(ParameterSetName = 'Ssh')]
        [System.Collections.Hashtable]
        $SSHOption,

        [Parameter(ParameterSetName = 'Computer')]
        [Parameter(ParameterSetName = 'Ssh')]
        [ValidateRange(1, 65535)]
        [System.Int32]
        $Port,

        [Parameter(ParameterSetName = 'Computer')]
        [Parameter(ParameterSetName = 'Ssh')]
        [Parameter(ParameterSetName = 'Session')]
        [ValidateRange(1, 1024)]
        [System.Int32]
        $ThrottleLimit = 32,

        [Parameter(ParameterSetName = 'Computer')]
        [Parameter(ParameterSetName = 'Ssh')]
        [Parameter(ParameterSetName = 'Session')]
        [ValidateRange(1, 86400)]
        [System.Int32]
        $TimeoutSeconds = 600,

        [Parameter(ParameterSetName = 'Computer')]
        [Parameter(ParameterSetName = 'Ssh')]
        [ValidateRange(1, 3600)]
        [System.Int32]
        $ConnectTimeoutSeconds = 30,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Role' -Value $_ })]
        [System.String[]]
        $Role = @(),

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Discovery,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Endpoint' -Value $_ })]
        [System.String[]]
        $Endpoint,

        [Parameter()]
        [System.DateTime]
        $AsOf = [System.DateTime]::Today,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Detailed,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Snapshot
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        # The estimated JSON size of the snapshots in $pending (files are read by the bridge: they cost a path).
        $pendingBytes = @{ Value = [System.Int64]0 }
        # The bridge reads params.options (roles, discovery); with params.fleet each Exchange server that
        # TLS365-EXCH-009 groups comes back with its signature (the settings the rule compares). Those servers'
        # results are held, with their signatures in the same order, until one readiness.fleet call over all of
        # them at the end: the bridge keeps nothing between calls, so a restart between batches loses nothing.
        $batchParams = @{ options = @{ roles = @($Role); discovery = [System.Boolean]$Discovery; asOf = $AsOf.ToString('yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture) } }
        if ($PSBoundParameters.ContainsKey('Endpoint')) { $batchParams.options.endpoints = @($Endpoint) }
        $held = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $signatures = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        if (-not $Snapshot -and $PSCmdlet.ParameterSetName -ne 'Local') { $batchParams.fleet = $true }
        $progress = @{ Done = 0; Total = 0 }
        $remoteTargets = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $method = 'readiness.evaluate'
        if ($Snapshot) { $method = 'snapshot.read' }
        $flush = {
            if ($pending.Count -eq 0) { return }
            $evaluated = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
            $signaturesOfBatch = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
            Write-Verbose -Message ($script:LocalizedData.Verbose_EvaluateBatch -f $pending.Count, $method)
            $answers = @(Invoke-Tls365BridgeBatch -Method $method -Item $pending -Options $batchParams)
            foreach ($answer in @(Select-Tls365BatchResult -Answer $answers -Cmdlet $PSCmdlet -ErrorPrefix 'TLS365.Image.' -Category @{ FileUnreadable = 'ReadError'; NotAFile = 'InvalidType'; FileTooLarge = 'LimitsExceeded' }))
            {
                $r = $answer.Result
                # What the user should know about an image that was still read (bytes not valid in its encoding...),
                # already worded by the core, naming the file and line.
                $warningsProperty = $r.PSObject.Properties['warnings']
                if ($null -ne $warningsProperty) { foreach ($w in @($warningsProperty.Value)) { $PSCmdlet.WriteWarning([System.String]$w) } }
                if ($Snapshot)
                {
                    $r.snapshot.PSObject.TypeNames.Insert(0, 'TLS365.Snapshot')
                    $r.snapshot
                    continue
                }
                $evaluated.Add($r.readiness)
                $fleetProperty = $r.PSObject.Properties['fleet']
                if ($null -eq $fleetProperty) { $signaturesOfBatch.Add($null) } else { $signaturesOfBatch.Add($fleetProperty.Value) }
            }
            if ($evaluated.Count -gt 0)
            {
                $objects = @(ConvertTo-Tls365Readiness -InputObject $evaluated.ToArray() -Detailed:$Detailed)
                if ($VerbosePreference -ne 'SilentlyContinue')
                {
                    $ready = @($objects | Where-Object { $_.Ready }).Count
                    $changeCount = 0; $kbs = 0
                    foreach ($o in $objects) { $changeCount += @($o.Changes).Count; $kbs += @($o.MissingUpdates).Count }
                    Write-Verbose -Message ($script:LocalizedData.Verbose_Evaluated -f $objects.Count, $ready, ($objects.Count - $ready), $changeCount, $kbs)
                }
                for ($i = 0; $i -lt $objects.Count; $i++)
                {
                    $signature = $signaturesOfBatch[$i]
                    if ($null -eq $signature) { $objects[$i]; continue }
                    $held.Add($objects[$i])
                    $signatures.Add($signature)
                }
            }
            $progress.Done = $progress.Done + $pending.Count
            $pending.Clear()
            $pendingBytes.Value = 0
        }
        # Writes the held Exchange servers' results with the fleet's EXCH-009 findings attached (Warn: verdicts
        # do not change). If the bridge cannot answer, the results still go out, with the error.
        $release = {
            if ($held.Count -eq 0) { return }
            Write-Verbose -Message ($script:LocalizedData.Verbose_FleetCheck -f $held.Count)
            $answer = Invoke-Tls365Bridge -Method 'readiness.fleet' -Params @{ members = $signatures.ToArray() }
            if ($answer.Ok)
            {
                foreach ($x in @($answer.Value.results))
                {
                    $owner = $held[[System.Int32]$x.index]
                    $f = $x.finding
                    $f.pstypenames.Insert(0, 'TLS365.Finding')
                    if ($null -ne $f.Fix)
                    {
                        # As ConvertTo-Tls365Readiness stamps every other finding (inline there: it runs per machine).
                        $f.Fix.pstypenames.Insert(0, 'TLS365.Fix')
                        foreach ($ch in $f.Fix.Changes) { $ch.pstypenames.Insert(0, 'TLS365.RegistryChange') }
                    }
                    $owner.Findings = @($owner.Findings) + @($f)
                    # The counts the object carries follow its findings.
                    if ($f.Severity -eq 'Warn') { $owner.WarnCount = $owner.WarnCount + 1 } elseif ($f.Severity -eq 'Fail') { $owner.FailCount = $owner.FailCount + 1 }
                }
            }
            else
            {
                $PSCmdlet.WriteError($answer.Error)
            }
            foreach ($o in $held) { $o }
            $held.Clear()
            $signatures.Clear()
        }
    }

    process
    {
        switch ($PSCmdlet.ParameterSetName)
        {
            'Local' { return }
            'Computer' { foreach ($c in $ComputerName) { $remoteTargets.Add($c) }; return }
            'Ssh' { foreach ($h in $HostName) { $remoteTargets.Add($h) }; return }
            'Session' { foreach ($s in $Session) { $remoteTargets.Add($s) }; return }
        }
        # -LiteralPath (and Get-ChildItem objects, by PSPath or FullName) is taken as written: [a].reg is that file.
        $literal = $PSCmdlet.ParameterSetName -eq 'LiteralImage'
        $items = $Path
        if ($literal) { $items = $LiteralPath }
        foreach ($item in $items)
        {
            $resolved = @(Resolve-Tls365InputPath -Item $item -Literal:$literal -Leaf)
            if ($resolved.Count -eq 0)
            {
                $message = $script:LocalizedData.Readiness_NotFound -f $item
                if (-not $literal -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($item)) { $message = $script:LocalizedData.Readiness_NoMatch -f $item }
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Image.NotFound' -Category ObjectNotFound -TargetObject $item))
                continue
            }
            Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_ReadImages -f $resolved.Count, $item))
            # Known as soon as a pattern is resolved: progress shows done of total across every -Path item so far.
            $progress.Total = $progress.Total + $resolved.Count
            foreach ($file in $resolved)
            {
                $pending.Add(@{ Target = $file; Request = @{ path = $file } })
                if ($pending.Count -ge $script:ReadinessBatchSize)
                {
                    & $flush
                    $percent = [System.Math]::Min(100, [System.Int32](100 * $progress.Done / [System.Math]::Max(1, $progress.Total)))
                    Write-Progress -Activity 'Get-Tls365Readiness' -Status ($script:LocalizedData.Readiness_Progress -f $progress.Done, $progress.Total) -PercentComplete $percent
                }
            }
        }
    }

    end
    {
        if (@('Computer', 'Ssh', 'Session') -contains $PSCmdlet.ParameterSetName -and $remoteTargets.Count -gt 0)
        {
            $invoke = @{ ThrottleLimit = $ThrottleLimit }
            switch ($PSCmdlet.ParameterSetName)
            {
                'Computer'
                {
                    $invoke.ComputerName = $remoteTargets.ToArray()
                    if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) { $invoke.Credential = $Credential }
                    if ($PSBoundParameters.ContainsKey('Port')) { $invoke.Port = $Port }
                    # The option object, not New-PSSessionOption: PowerShell 7 off Windows omits its -OpenTimeout.
                    $option = New-Object -TypeName 'System.Management.Automation.Remoting.PSSessionOption'
                    $option.OpenTimeout = [System.TimeSpan]::FromSeconds($ConnectTimeoutSeconds)
                    $invoke.SessionOption = $option
                }
                'Ssh'
                {
                    if ($PSVersionTable.PSVersion.Major -lt 6)
                    {
                        $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remoting_SshNeeds7 -ErrorId 'TLS365.Remoting.SshNeedsPowerShell7' -Category NotImplemented -TargetObject 'HostName'))
                    }
                    $invoke.HostName = $remoteTargets.ToArray()
                    if ($PSBoundParameters.ContainsKey('UserName')) { $invoke.UserName = $UserName }
                    if ($PSBoundParameters.ContainsKey('KeyFilePath')) { $invoke.KeyFilePath = $KeyFilePath }
                    if ($PSBoundParameters.ContainsKey('SSHOption')) { $invoke.Options = $SSHOption }
                    if ($PSBoundParameters.ContainsKey('Port')) { $invoke.Port = $Port }
                    # PowerShell 7.2 and later: without it a connection whose ssh process exited can wait for ever.
                    if ((Get-Command -Name 'Invoke-Command').Parameters.ContainsKey('ConnectingTimeout')) { $invoke.ConnectingTimeout = $ConnectTimeoutSeconds * 1000 }
                }
                'Session' { $invoke.Session = [System.Management.Automation.Runspaces.PSSession[]]$remoteTargets.ToArray() }
            }
            # Each machine is evaluated as its job finishes (one bridge batch per round of finished machines), so the
            # first result comes early and memory stays flat with hundreds of targets.
            $transport = 'WinRM'
            if ($PSCmdlet.ParameterSetName -eq 'Ssh') { $transport = 'SSH' } elseif ($PSCmdlet.ParameterSetName -eq 'Session') { $transport = 'the given sessions' }
            Write-Verbose -Message ($script:LocalizedData.Verbose_CollectRemote -f $remoteTargets.Count, $transport, $ThrottleLimit, $ConnectTimeoutSeconds, $TimeoutSeconds)
            Invoke-Tls365Collection -InvokeParameters $invoke -TimeoutSeconds $TimeoutSeconds | ForEach-Object {
                $c = $_
                if ($c.Kind -eq 'Error') { $PSCmdlet.WriteError($c.Error); return }
                if ($c.Kind -eq 'Round') { & $flush; return }
                if ($Snapshot)
                {
                    $c.Snapshot.PSObject.TypeNames.Insert(0, 'TLS365.Snapshot')
                    $c.Snapshot
                    return
                }
                # Batches are sized by bytes as well as by count: a batch of large snapshots (a patched server
                # has thousands of update entries) must stay under the bridge's request limit. One larger than
                # the budget goes alone.
                $size = Get-Tls365SnapshotSize -Snapshot $c.Snapshot
                if ($pending.Count -gt 0 -and $pendingBytes.Value + $size -gt (Get-Tls365BatchBudget)) { & $flush }
                $pending.Add(@{ Target = $c.Target; Request = @{ snapshot = $c.Snapshot; origin = $c.Target } })
                $pendingBytes.Value = $pendingBytes.Value + $size
                if ($pending.Count -ge $script:ReadinessBatchSize) { & $flush }
            }
            & $flush
            & $release
            return
        }
        if ($PSCmdlet.ParameterSetName -eq 'Local')
        {
            Write-Verbose -Message $script:LocalizedData.Verbose_CollectLocal
            $collection = Get-Tls365LocalSnapshot
            if (-not $collection.Ok)
            {
                $PSCmdlet.WriteError($collection.Error)
                return
            }
            Write-Verbose -Message ($script:LocalizedData.Verbose_Collected -f [System.Environment]::MachineName, @($collection.Value.registry).Count)
            if ($Snapshot)
            {
                $raw = [PSCustomObject]$collection.Value
                $raw.PSObject.TypeNames.Insert(0, 'TLS365.Snapshot')
                $raw
                return
            }
            $pending.Add(@{ Target = [System.Environment]::MachineName; Request = @{ snapshot = $collection.Value; origin = [System.Environment]::MachineName } })
        }
        & $flush
        & $release
        Write-Progress -Activity 'Get-Tls365Readiness' -Completed
    }
}
