function Test-Tls365Connection
{
    <#
    .SYNOPSIS
        Tries a TLS handshake per protocol version against a server and reports which versions it accepts.
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
        client and are reported as NotTestable. Probes run in parallel, 16 at a time, in one bridge call; each
        result is written the moment it is known, so a call stopped by a failure keeps the results it had (the
        failure is one error per probe still open, naming host:port). The bridge is given -TimeoutSeconds plus
        30 seconds without a new result before it is stopped, however many probes there are. TLS is spoken
        from the first byte: ports that start in plain text and upgrade with STARTTLS (SMTP 25 and 587) answer
        NotTls.
    .PARAMETER HostName
        The servers: names or IP addresses. Binds ComputerName, DNSHostName and HostName from pipeline objects.
    .PARAMETER Port
        The TCP port (default 443). Binds a Port property from pipeline objects.
    .PARAMETER Protocol
        The versions to try (default Tls10, Tls11, Tls12, Tls13).
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
    .INPUTS
        System.String, or objects with a HostName/ComputerName/DNSHostName (and Port) property.
    .OUTPUTS
        TLS365.ConnectionTest
    .LINK
        Get-Tls365Readiness
    #>
    [CmdletBinding()]
    [OutputType('TLS365.ConnectionTest')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ComputerName', 'DNSHostName', 'CN')]
        [ValidateNotNullOrEmpty()]
        [System.String[]]
        $HostName,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ValidateRange(1, 65535)]
        [System.Int32]
        $Port = 443,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Protocol' -Value $_ })]
        [System.String[]]
        $Protocol = @('Tls10', 'Tls11', 'Tls12', 'Tls13'),

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
    }

    process
    {
        foreach ($h in $HostName)
        {
            foreach ($p in $Protocol)
            {
                $pending.Add(@{ Target = ('{0}:{1}' -f $h, $Port); Request = @{ host = $h; port = $Port; protocol = $p; timeoutSeconds = $TimeoutSeconds } })
            }
        }
    }

    end
    {
        if ($pending.Count -eq 0) { return }
        # Results are written as the bridge gives them. The handler runs inside the bridge call, where
        # $PSCmdlet is another function's: this command's own is passed by a name nothing there shadows.
        $tls365ProbeCmdlet = $PSCmdlet
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
            if ($r.status -eq 'Accepted')
            {
                $negotiated = [System.String]$r.negotiated
                $cipher = [System.String]$r.cipher
            }
            else
            {
                $detail = [System.String]$r.detail
            }
            $cmdlet.WriteObject((New-Tls365PublicObject -TypeName 'TLS365.ConnectionTest' -Property @{
                HostName = $r.host; Port = $r.port; Protocol = $r.protocol; Status = $r.status; Accepted = ($r.status -eq 'Accepted')
                Negotiated = $negotiated; Cipher = $cipher; Detail = $detail
            }))
        }
        # One probe takes at most -TimeoutSeconds, and 16 run at once: a new result comes at least that often.
        $fatal = @(Invoke-Tls365BridgeBatch -Method 'tls.probe' -Item $pending -TimeoutSeconds ($TimeoutSeconds + 30) -OnAnswer $write)
        foreach ($f in $fatal)
        {
            if ($null -ne $f.Fatal) { $PSCmdlet.ThrowTerminatingError($f.Fatal) }
        }
    }
}
