function Test-Tls365Connection
{
    <#
    .SYNOPSIS
        Tries TLS handshakes against a server: which protocol versions it accepts, or which cipher suites and curves, against a Microsoft endpoint profile.
    .DESCRIPTION
        For each host and each protocol, opens one connection that offers exactly that TLS version and
        reports Accepted (with the negotiated version and cipher suite), Refused (the server's TLS alert or
        its closed connection, in words), NotTls (the port answered, but not with TLS), Unreachable or TimedOut. Use
        it to prove that a server refuses TLS 1.0 and 1.1 before Microsoft 365 does, or to find the servers
        that still accept them.

        The handshakes are made by the TLS365 bridge with Node's OpenSSL, not with this machine's SChannel: the
        answer describes the server, whatever the client. Legacy versions are offered at OpenSSL security
        level 0 so that a server still accepting them is found, and the server's certificate is not
        validated (the question is the protocol, not trust). SSL 2.0 and 3.0 cannot be offered by this
        client and are reported as NotTestable. Probes run in parallel, 16 at a time, in one bridge call per 500 probes; each
        result is written the moment it is known, so a call stopped by a failure keeps the results it had (the
        failure is one error per probe still open, naming host:port). The bridge is given -TimeoutSeconds plus
        30 seconds without a new result before it is stopped, however many probes there are. TLS is spoken
        from the first byte: ports that start in plain text and upgrade with STARTTLS (SMTP 25 and 587) answer
        NotTls.

        With -Endpoint (Microsoft365, AzureFrontDoor, EntraID) it checks a live host against the same endpoint profile
        that Get-Tls365Readiness -Endpoint judges machines by, to confirm a finding from a network that reaches the
        endpoint: the profile's hosts (or -HostName) get one TLS 1.2 handshake per TLS 1.2 suite that any era of the
        profile names (so a suite the profile says was dropped is still tried), each offered alone, one TLS 1.3
        handshake per TLS 1.3 suite, and one handshake per curve the profile names (its ECDHE suites with that curve
        alone), plus one per -CipherSuite. Each answer is a TLS365.SuiteTest: the suite or curve offered, Accepted or
        Refused, the negotiated version, suite and curve, what the profile's era in force on -AsOf expects (Expected)
        and whether the host agrees (MatchesProfile: $false for a DHE suite a host still accepts after the profile says
        it stopped; $null when nothing is expected or there was no answer). With -CipherSuite and no -Endpoint, the
        given suites are tried alone (TLS 1.3 suites over TLS 1.3, the others over TLS 1.2) and Expected is $null.
        A suite this client cannot offer (no OpenSSL equivalent: single DES, export grade; a PSK suite; one Node's
        OpenSSL leaves out, such as RC4 or 3DES) is NotTestable, naming it. A host with an RSA certificate refuses the
        ECDHE_ECDSA suites whatever it is configured to accept, and a front end may answer differently from one
        connection to the next: read a single mismatch as a reason to look, not as proof.
    .PARAMETER HostName
        The servers: names or IP addresses. Binds ComputerName, DNSHostName and HostName from pipeline objects.
        Optional with -Endpoint (the profile's hosts are probed then).
    .PARAMETER Port
        The TCP port (default 443). Binds a Port property from pipeline objects.
    .PARAMETER Protocol
        The versions to try (default Tls10, Tls11, Tls12, Tls13).
    .PARAMETER Endpoint
        A Microsoft endpoint profile (Microsoft365, AzureFrontDoor, EntraID): probe cipher suites and curves and compare
        each answer with what the profile expects. Without -HostName, the hosts the profile describes are probed.
    .PARAMETER CipherSuite
        Cipher suites to try, each offered alone: IANA names as Windows spells them (TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
        a _P256/_P384/_P521 suffix offers that curve alone), 1 to 64 of them. With -Endpoint, they are tried in
        addition to the profile's suites.
    .PARAMETER AsOf
        The day whose era of the -Endpoint profile gives Expected (default today): for example the day a change takes
        effect, to see which hosts already follow it.
    .PARAMETER TimeoutSeconds
        How long one handshake may take (default 5).
    .EXAMPLE
        Test-Tls365Connection -HostName mail.contoso.com

        Shows, per version from TLS 1.0 to 1.3, whether the server accepts it.
    .EXAMPLE
        Import-Csv .\servers.csv | Test-Tls365Connection -Protocol Tls10, Tls11 | Where-Object Accepted

        Lists the servers (HostName and Port columns) that still accept TLS 1.0 or 1.1.
    .EXAMPLE
        Test-Tls365Connection -HostName mail.contoso.com -Port 993 -Protocol Tls12

        Checks one port (IMAP over TLS) for TLS 1.2 only.
    .EXAMPLE
        Test-Tls365Connection -Endpoint AzureFrontDoor | Where-Object MatchesProfile -eq $false

        Probes teams.microsoft.com with each suite and curve of the Azure Front Door profile and lists the answers that
        differ from what the profile says today: a DHE suite still accepted after 1 April 2026 shows here.
    .EXAMPLE
        Test-Tls365Connection -HostName teams.microsoft.com -CipherSuite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384

        Checks whether the host still accepts the DHE suite, offered alone over TLS 1.2, with the suite and curve it
        negotiated.
    .EXAMPLE
        Test-Tls365Connection -Endpoint EntraID -HostName login.microsoftonline.com -AsOf 2022-02-01

        Compares Entra ID sign-in with the profile's era in force on 1 February 2022 (after TLS 1.0, 1.1 and 3DES ended).
    .INPUTS
        System.String, or objects with a HostName/ComputerName/DNSHostName (and Port) property.
    .OUTPUTS
        TLS365.ConnectionTest (protocol probes), TLS365.SuiteTest (-Endpoint, -CipherSuite)
    .LINK
        Get-Tls365Readiness
    #>
    [CmdletBinding(DefaultParameterSetName = 'Protocol')]
    [OutputType('TLS365.ConnectionTest', ParameterSetName = 'Protocol')]
    [OutputType('TLS365.SuiteTest', ParameterSetName = ('Endpoint', 'CipherSuite'))]
    param
    (
        [Parameter(ParameterSetName = 'Protocol', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CipherSuite', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'Endpoint', Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ComputerName', 'DNSHostName', 'CN')]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $HostName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ValidateRange(1, 65535)]
        [System.Int32]
        $Port = 443,

        [Parameter(ParameterSetName = 'Protocol')]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Protocol' -Value $_ })]
        [System.String[]]
        $Protocol = @('Tls10', 'Tls11', 'Tls12', 'Tls13'),

        [Parameter(ParameterSetName = 'Endpoint', Mandatory = $true)]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Endpoint' -Value $_ })]
        [System.String]
        $Endpoint,

        [Parameter(ParameterSetName = 'CipherSuite', Mandatory = $true)]
        [Parameter(ParameterSetName = 'Endpoint')]
        [ValidateCount(1, 64)]
        [ValidatePattern('^[A-Za-z0-9_]{1,100}$')]
        [System.String[]]
        $CipherSuite,

        [Parameter(ParameterSetName = 'Endpoint')]
        [System.DateTime]
        $AsOf = [System.DateTime]::Today,

        [Parameter()]
        [ValidateRange(1, 120)]
        [System.Int32]
        $TimeoutSeconds = 5
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        # Suite and curve probes: the hosts (and their ports) first; what to offer each comes from tls.plan in end.
        $suiteTargets = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $bySuite = $PSCmdlet.ParameterSetName -ne 'Protocol'
    }

    process
    {
        foreach ($h in $HostName)
        {
            if ($bySuite)
            {
                $suiteTargets.Add(@{ Host = $h; Port = $Port })
                continue
            }
            foreach ($p in $Protocol)
            {
                $pending.Add(@{ Target = ('{0}:{1}' -f $h, $Port); Request = @{ host = $h; port = $Port; protocol = $p; timeoutSeconds = $TimeoutSeconds } })
            }
        }
    }

    end
    {
        # Results are written as the bridge gives them. The handler runs inside the bridge call, where
        # $PSCmdlet is another function's: this command's own is passed by a name nothing there shadows.
        $tls365ProbeCmdlet = $PSCmdlet
        if ($bySuite)
        {
            # What to probe each host with, and what the endpoint profile's era in force on -AsOf expects.
            $planParams = @{ asOf = $AsOf.ToString('yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture) }
            if ($PSBoundParameters.ContainsKey('Endpoint')) { $planParams.endpoint = $Endpoint }
            if ($PSBoundParameters.ContainsKey('CipherSuite')) { $planParams.cipherSuites = @($CipherSuite | ForEach-Object { $_.ToUpperInvariant() }) }
            $plan = Invoke-Tls365Bridge -Method 'tls.plan' -Params $planParams
            if (-not $plan.Ok) { $PSCmdlet.ThrowTerminatingError($plan.Error) }
            $tls365SuiteEndpoint = $null
            if ($null -ne $plan.Value.endpoint)
            {
                $tls365SuiteEndpoint = [System.String]$plan.Value.endpoint.id
                # -Endpoint without -HostName: the hosts the profile describes.
                if ($suiteTargets.Count -eq 0) { foreach ($h in @($plan.Value.endpoint.hosts)) { $suiteTargets.Add(@{ Host = [System.String]$h; Port = $Port }) } }
            }
            $probes = @($plan.Value.probes)
            $what = 'cipher suites ' + (@($CipherSuite) -join ', ')
            if ($null -ne $tls365SuiteEndpoint) { $what = '{0} as of {1}, its era from {2}' -f $tls365SuiteEndpoint, $planParams.asOf, $plan.Value.era }
            Write-Verbose -Message ($script:LocalizedData.Verbose_SuiteProbes -f $suiteTargets.Count, $probes.Count, $what)
            foreach ($t in $suiteTargets)
            {
                foreach ($probe in $probes)
                {
                    $request = @{ host = $t.Host; port = $t.Port; protocol = [System.String]$probe.protocol; suites = @($probe.offer); curve = $probe.curve; expected = $probe.expected; timeoutSeconds = $TimeoutSeconds }
                    $pending.Add(@{ Target = ('{0}:{1}' -f $t.Host, $t.Port); Request = $request; Probe = $probe })
                }
            }
        }
        if ($pending.Count -eq 0) { return }
        $write = {
            param ($answer)
            $cmdlet = $tls365ProbeCmdlet
            if ($null -ne $answer.Error)
            {
                $cmdlet.WriteError($answer.Error)
                return
            }
            $r = $answer.Result
            if ($null -ne $r.PSObject.Properties['ok'] -and -not $r.ok)
            {
                # This item alone (a host name that cannot be one): its own error, the others are probed.
                $cmdlet.WriteError((New-Tls365ErrorRecord -Message ([System.String]$r.error.message) -ErrorId ('TLS365.Probe.' + [System.String]$r.error.code) -Category InvalidArgument -TargetObject $answer.Item.Target))
                return
            }
            $negotiated = $null
            $cipher = $null
            $detail = $null
            $curve = $null
            if ($r.status -eq 'Accepted')
            {
                $negotiated = [System.String]$r.negotiated
                $cipher = [System.String]$r.cipher
                if ($null -ne $r.PSObject.Properties['negotiatedCurve']) { $curve = $r.negotiatedCurve }
            }
            else
            {
                $detail = [System.String]$r.detail
            }
            if (-not $answer.Item.ContainsKey('Probe'))
            {
                $cmdlet.WriteObject((New-Tls365PublicObject -TypeName 'TLS365.ConnectionTest' -Property @{
                    HostName = $r.host; Port = $r.port; Protocol = $r.protocol; Status = $r.status; Accepted = ($r.status -eq 'Accepted')
                    Negotiated = $negotiated; Cipher = $cipher; Detail = $detail
                }))
                return
            }
            $probe = $answer.Item.Probe
            $cmdlet.WriteObject((New-Tls365PublicObject -TypeName 'TLS365.SuiteTest' -Property @{
                HostName = $r.host; Port = $r.port; Endpoint = $tls365SuiteEndpoint; Test = $probe.test; Protocol = $r.protocol
                Suite = $probe.suite; Curve = $probe.curve; Status = $r.status; Accepted = ($r.status -eq 'Accepted')
                Negotiated = $negotiated; Cipher = $cipher; NegotiatedCurve = $curve; Expected = $r.expected; MatchesProfile = $r.matchesProfile; Detail = $detail
            }))
        }
        # One probe takes at most -TimeoutSeconds, and 16 run at once: a new result comes at least that often.
        # At most 500 probes per bridge call (the bridge takes 1000): an endpoint's probes times many hosts.
        for ($first = 0; $first -lt $pending.Count; $first += 500)
        {
            $chunk = $pending.GetRange($first, [System.Math]::Min(500, $pending.Count - $first))
            $fatal = @(Invoke-Tls365BridgeBatch -Method 'tls.probe' -Item $chunk -TimeoutSeconds ($TimeoutSeconds + 30) -OnAnswer $write)
            foreach ($f in $fatal)
            {
                if ($null -ne $f.Fatal) { $PSCmdlet.ThrowTerminatingError($f.Fatal) }
            }
        }
    }
}
