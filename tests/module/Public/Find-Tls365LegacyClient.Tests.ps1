# Find-Tls365LegacyClient through the real bridge and core parsers, on logs written into TestDrive.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:logs = Join-Path -Path $TestDrive -ChildPath 'W3SVC1'
    $null = New-Item -ItemType Directory -Path $script:logs
    $header = @(
        '#Software: Microsoft Internet Information Services 10.0'
        '#Version: 1.0'
        '#Date: 2024-05-01 00:00:00'
        '#Fields: date time s-sitename s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol crypt-cipher'
    )
    $day1 = $header + @(
        '2024-05-01 00:00:01 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610'
        '2024-05-01 09:00:02 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610'
        '2024-05-01 10:00:03 W3SVC1 10.0.0.5 GET /ews/Exchange.asmx 443 192.0.2.11 curl/7.0 200 100 6610'
        '2024-05-01 11:00:04 W3SVC1 10.0.0.5 GET /ews/ 443 192.0.2.12 curl/8.0 200 400 6610'
    )
    Set-Content -LiteralPath (Join-Path -Path $script:logs -ChildPath 'u_ex240501.log') -Value $day1 -Encoding Ascii
    $day2 = $header + @('2024-05-02 08:00:00 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610')
    Set-Content -LiteralPath (Join-Path -Path $script:logs -ChildPath 'u_ex240502.log') -Value $day2 -Encoding Ascii
    $noCrypt = @('#Software: Microsoft Internet Information Services 10.0', '#Fields: date time s-sitename s-port c-ip sc-status', '2024-05-01 00:00:01 W3SVC2 443 192.0.2.20 200')
    $script:noCryptFile = Join-Path -Path $TestDrive -ChildPath 'u_ex240501_nocrypt.log'
    Set-Content -LiteralPath $script:noCryptFile -Value $noCrypt -Encoding Ascii
    $script:garbage = Join-Path -Path $TestDrive -ChildPath 'garbage.log'
    Set-Content -LiteralPath $script:garbage -Value @('this is not a log', 'at all') -Encoding Ascii
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Find-Tls365LegacyClient' -Tag 'Public' {
    It 'returns one TLS365.LegacyClient per client and protocol from a folder of IIS logs' {
        $out = @(Find-Tls365LegacyClient -Path $script:logs)
        $out | Should -HaveCount 2
        $out[0].PSObject.TypeNames[0] | Should -Be 'TLS365.LegacyClient'
        $a = $out | Where-Object { $_.ClientIp -eq '192.0.2.10' }
        $a.Protocol | Should -Be 'Tls10'
        $a.Count | Should -Be 3
        $a.FirstSeen | Should -BeOfType [System.DateTime]
        $a.FirstSeen.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss') | Should -Be '2024-05-01 00:00:01'
        $a.LastSeen.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss') | Should -Be '2024-05-02 08:00:00'
        $a.UserAgent | Should -Be 'Outlook/15.0 (Windows NT 6.1)'
        @($a.Source).Count | Should -Be 2
        ($out | Where-Object { $_.ClientIp -eq '192.0.2.11' }).Uri | Should -Be '/ews/Exchange.asmx'
    }

    It 'honours -Since/-Until and -Protocol' {
        $out = @(Find-Tls365LegacyClient -Path $script:logs -Since '2024-05-01T09:00:00Z' -Until '2024-05-01T23:59:59Z' -Protocol Tls10, Tls11, Tls12)
        ($out | ForEach-Object { '{0} {1} {2}' -f $_.ClientIp, $_.Protocol, $_.Count } | Sort-Object) | Should -Be @('192.0.2.10 Tls10 1', '192.0.2.11 Tls11 1', '192.0.2.12 Tls12 1')
    }

    It 'takes FileInfo objects from the pipeline and gives one error per unreadable file, going on with the rest' {
        $files = @(Get-ChildItem -Path $script:logs -Filter '*.log') + @(Get-Item -LiteralPath $script:garbage)
        $out = @($files | Find-Tls365LegacyClient -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out | Should -HaveCount 2
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Log.UnknownFormat,Find-Tls365LegacyClient'
        $errs[0].TargetObject | Should -Be $script:garbage
    }

    It 'names a path that matches nothing' {
        $null = Find-Tls365LegacyClient -Path (Join-Path -Path $TestDrive -ChildPath 'nothing*.log') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Log.NotFound*'
    }

    It 'summarises per protocol and site with -AsSummary, and streams raw hits with -Detailed' {
        $summary = @(Find-Tls365LegacyClient -Path $script:logs -AsSummary)
        $summary[0].PSObject.TypeNames[0] | Should -Be 'TLS365.LegacySummary'
        ($summary | Where-Object { $_.Protocol -eq 'Tls10' }).Requests | Should -Be 3
        ($summary | Where-Object { $_.Protocol -eq 'Tls10' }).Site | Should -Be 'W3SVC1'
        $hits = @(Find-Tls365LegacyClient -Path $script:logs -Detailed -MaxHits 2)
        $hits | Should -HaveCount 2
        $hits[0].PSObject.TypeNames[0] | Should -Be 'TLS365.LegacyHit'
        # PascalCase, as every other public object (issue 14, item 6): what Format-List, Export-Csv and ConvertTo-Json show.
        @($hits[0].PSObject.Properties.Name | Where-Object { $_ -cnotmatch '^[A-Z]' }) | Should -BeNullOrEmpty
        @($hits[0].PSObject.Properties.Name) | Should -Contain 'ClientIp'
    }

    It 'without s-sitename, says the logs lack the TLS fields and how to turn them on, never "site ''''" (issue 17, item 7)' {
        $file = Join-Path -Path $TestDrive -ChildPath 'u_ex240501_nosite.log'
        Set-Content -LiteralPath $file -Encoding Ascii -Value @('#Software: Microsoft Internet Information Services 10.0', '#Fields: date time s-port c-ip sc-status', '2024-05-01 00:00:01 443 192.0.2.20 200', '2024-05-01 00:00:02 443 192.0.2.21 200')
        $null = Find-Tls365LegacyClient -Path $file -WarningVariable warns -WarningAction SilentlyContinue
        $said = @($warns | Where-Object { $_.Message -match 'DISC-002' })
        $said | Should -HaveCount 1
        $said[0].Message | Should -Not -Match "site ''"
        $said[0].Message | Should -Match 'these logs have no TLS fields'
        $said[0].Message | Should -Match '2 HTTPS request'
        $said[0].Message | Should -Match 'Add Field, Source type Server Variable, for crypt-protocol \(CRYPT_PROTOCOL\)'
        $said[0].Message | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($file))
    }

    It 'warns (TLS365-DISC-002) about HTTPS sites whose logs lack crypt-protocol' {
        $null = Find-Tls365LegacyClient -Path $script:noCryptFile -WarningVariable warns -WarningAction SilentlyContinue
        ($warns -join ' ') | Should -Match 'DISC-002'
        ($warns -join ' ') | Should -Match 'W3SVC2'
    }
}

Describe 'Find-Tls365LegacyClient: legacy clients behind a load balancer (issue 16, item 4)' -Tag 'Public' {
    # crypt-protocol is the server variable CRYPT_PROTOCOL, "the cryptographic protocol used to establish the connection"
    # IIS accepted: its peer is c-ip. A load balancer that adds X-Forwarded-For terminated the client's TLS, so the TLS 1.0
    # logged is its back-end leg: the legacy client is c-ip, and the forwarded addresses are the clients behind it.
    BeforeAll {
        $script:lbLog = Join-Path -Path $TestDrive -ChildPath 'u_ex240510_lb.log'
        Set-Content -LiteralPath $script:lbLog -Encoding Ascii -Value @(
            '#Software: Microsoft Internet Information Services 10.0'
            '#Fields: date time s-sitename c-ip cs(User-Agent) crypt-protocol X-Forwarded-For'
            '2024-05-10 00:00:01 W3SVC1 10.0.0.5 Outlook/16.0 40 203.0.113.5,+10.0.0.9'
            '2024-05-10 00:00:02 W3SVC1 10.0.0.5 Outlook/16.0 40 203.0.113.5'
            '2024-05-10 00:00:03 W3SVC1 10.0.0.5 Outlook/16.0 40 2001:db8::5'
            '2024-05-10 00:00:04 W3SVC1 10.0.0.5 KEMP+probe 40 -'
            '2024-05-10 00:00:05 W3SVC1 198.51.100.3 curl/7.0 100 -'
            '#Fields: date time c-ip crypt-protocol OriginalClientIP'
            '2024-05-10 00:00:06 10.0.0.6 100 198.51.100.77'
        )
    }

    It 'gives the c-ip as ClientIp and the clients behind it, most requests first, in ForwardedFor; never a forwarded address as a client' {
        $out = @(Find-Tls365LegacyClient -LiteralPath $script:lbLog)
        $out | Should -HaveCount 3
        @($out | ForEach-Object { $_.ClientIp } | Sort-Object) | Should -Be @('10.0.0.5', '10.0.0.6', '198.51.100.3')
        $lb = $out | Where-Object { $_.ClientIp -eq '10.0.0.5' }
        $lb.PSObject.TypeNames[0] | Should -Be 'TLS365.LegacyClient'
        $lb.Protocol | Should -Be 'Tls10'
        $lb.Count | Should -Be 4
        $lb.ForwardedFor | Should -Be @('203.0.113.5 (2)', '2001:db8::5 (1)')
        $lb.ForwardedFor.GetType().FullName | Should -Be 'System.Object[]'
        $lb.Rules | Should -Be @('TLS365-DISC-001', 'TLS365-DISC-006')
        ($out | Where-Object { $_.ClientIp -eq '10.0.0.6' }).ForwardedFor | Should -Be @('198.51.100.77 (1)')
        $direct = $out | Where-Object { $_.ClientIp -eq '198.51.100.3' }
        @($direct.ForwardedFor) | Should -HaveCount 0
        $direct.Rules | Should -Be @('TLS365-DISC-001')
        # The table view says which client is a load balancer, and for whom.
        ($lb | Format-Table | Out-String -Width 200) | Should -Match 'Load balancer for 203\.0\.113\.5 \(2\), 2001:db8::5 \(1\)'
    }

    It 'counts load balancers as clients in -AsSummary and keeps the raw forwarded value on -Detailed hits' {
        $summary = @(Find-Tls365LegacyClient -LiteralPath $script:lbLog -AsSummary)
        ($summary | Where-Object { $_.Protocol -eq 'Tls10' }).Clients | Should -Be 1
        ($summary | Where-Object { $_.Protocol -eq 'Tls10' }).Requests | Should -Be 4
        $hits = @(Find-Tls365LegacyClient -LiteralPath $script:lbLog -Detailed)
        $hits[0].ClientIp | Should -Be '10.0.0.5'
        $hits[0].ForwardedFor | Should -Be '203.0.113.5,+10.0.0.9'
        $hits[0].ForwardedClient | Should -Be '203.0.113.5'
        @($hits | Where-Object { $_.ClientIp -eq '198.51.100.3' })[0].PSObject.Properties.Name | Should -Not -Contain 'ForwardedFor'
    }
}

Describe 'Find-Tls365LegacyClient: bracketed names are the files they name (issue 13, item 5)' -Tag 'Public' {
    BeforeAll {
        $script:dir = Join-Path -Path $TestDrive -ChildPath 'brackets'
        $null = New-Item -ItemType Directory -Path $script:dir
        $header = '#Fields: date time s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol'
        foreach ($f in @(@('[b].log', '192.0.2.1'), @('b.log', '192.0.2.2'), @('[a].log', '192.0.2.3')))
        {
            [System.IO.File]::WriteAllText((Join-Path -Path $script:dir -ChildPath $f[0]), ($header + "`r`n2024-05-01 00:00:01 10.0.0.5 GET /owa/ 443 " + $f[1] + " Outlook 200 40`r`n"))
        }
    }

    It 'scans each piped Get-ChildItem file itself (by PSPath), with -Detailed and -AsSummary too' {
        @(Get-ChildItem -LiteralPath $script:dir -Filter '*.log' | Find-Tls365LegacyClient | ForEach-Object { $_.ClientIp } | Sort-Object) | Should -Be @('192.0.2.1', '192.0.2.2', '192.0.2.3')
        @(Get-ChildItem -LiteralPath (Join-Path -Path $script:dir -ChildPath '[b].log') | Find-Tls365LegacyClient -Detailed | ForEach-Object { $_.ClientIp }) | Should -Be @('192.0.2.1')
        $summary = Get-ChildItem -LiteralPath (Join-Path -Path $script:dir -ChildPath '[a].log') | Find-Tls365LegacyClient -AsSummary
        $summary.PSObject.TypeNames[0] | Should -Be 'TLS365.LegacySummary'
    }

    It '-LiteralPath takes names as written; -Path keeps PowerShell''s wildcards' {
        @(Find-Tls365LegacyClient -LiteralPath (Join-Path -Path $script:dir -ChildPath '[a].log') | ForEach-Object { $_.ClientIp }) | Should -Be @('192.0.2.3')
        @(Find-Tls365LegacyClient -Path (Join-Path -Path $script:dir -ChildPath '[b].log') | ForEach-Object { $_.ClientIp }) | Should -Be @('192.0.2.2')
    }
}


Describe 'Find-Tls365LegacyClient: lines over 1 MiB (issue 13, item 2)' -Tag 'Public' {
    It 'names each line over the limit by file and line in a warning, skips it, and counts the records around it' {
        $file = Join-Path -Path $TestDrive -ChildPath 'u_ex240509_long.log'
        $text = "#Fields: date time c-ip crypt-protocol`n2024-05-09 00:00:01 192.0.2.31 40`n" + ('2024-05-09 00:00:02 192.0.2.32 40 ' + ('x' * 1200000)) + "`n" + ('y' * 1100000) + "`n2024-05-09 00:00:03 192.0.2.33 100`n"
        [System.IO.File]::WriteAllText($file, $text)
        $out = @(Find-Tls365LegacyClient -LiteralPath $file -WarningVariable warns -WarningAction SilentlyContinue)
        ($out | ForEach-Object { $_.ClientIp } | Sort-Object) | Should -Be @('192.0.2.31', '192.0.2.33')
        $text = $warns -join "`n"
        $text | Should -Match '2 log line\(s\) could not be read'
        $text | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($file) + ' line 3: a line of 1,200,034 bytes, over the limit of 1,048,576')
        $text | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($file) + ' line 4: a line of 1,100,000 bytes')
    }
}
