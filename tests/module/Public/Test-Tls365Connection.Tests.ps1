# Test-Tls365Connection -Endpoint / -CipherSuite (issue 16, item 1): the parameters, and suite and curve probes
# through the real bridge against an openssl s_server this test starts on 127.0.0.1 (never an outside address),
# limited to some suites and one curve. Without openssl on PATH the probes are skipped, the validation is not.
BeforeDiscovery {
    $script:haveOpenssl = $null -ne (Get-Command -Name 'openssl' -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:shapes = Import-PowerShellDataFile -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'TLS365.PublicObjects.psd1')
    $script:server = $null
    $script:port = 0
    $openssl = Get-Command -Name 'openssl' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -ne $openssl)
    {
        $key = Join-Path -Path $TestDrive -ChildPath 'key.pem'
        $cert = Join-Path -Path $TestDrive -ChildPath 'cert.pem'
        $null = & $openssl.Source req -x509 -newkey rsa:2048 -nodes -subj '/CN=localhost' -days 1 -keyout $key -out $cert 2>&1
        $listener = New-Object -TypeName 'System.Net.Sockets.TcpListener' -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $script:port = $listener.LocalEndpoint.Port; $listener.Stop()
        # Two ECDHE_RSA GCM suites and one DHE suite at TLS 1.2, one TLS 1.3 suite, the curve P-256 only. Its stdin
        # stays open (s_server stops at the end of its input).
        $info = New-Object -TypeName 'System.Diagnostics.ProcessStartInfo'
        $info.FileName = $openssl.Source
        $info.Arguments = ('s_server -quiet -accept 127.0.0.1:{0} -cert "{1}" -key "{2}" -cipher ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES256-GCM-SHA384 -ciphersuites TLS_AES_256_GCM_SHA384 -curves prime256v1' -f $script:port, $cert, $key)
        $info.UseShellExecute = $false
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $script:server = [System.Diagnostics.Process]::Start($info)
        $deadline = [System.DateTime]::UtcNow.AddSeconds(15)
        $listening = $false
        while (-not $listening -and [System.DateTime]::UtcNow -lt $deadline)
        {
            $client = New-Object -TypeName 'System.Net.Sockets.TcpClient'
            try { $client.Connect('127.0.0.1', $script:port); $listening = $true } catch { Start-Sleep -Milliseconds 100 } finally { $client.Close() }
        }
        if (-not $listening) { throw "openssl s_server did not listen on 127.0.0.1:$($script:port)" }
    }
}

AfterAll {
    if ($null -ne $script:server -and -not $script:server.HasExited) { $script:server.Kill(); $script:server.WaitForExit(5000) }
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Test-Tls365Connection -Endpoint, -CipherSuite, -AsOf: parameters' -Tag 'Public' {
    It 'has three parameter sets: protocol probes by default, -CipherSuite with -HostName, -Endpoint with -HostName optional' {
        $command = Get-Command -Name 'Test-Tls365Connection'
        $command.DefaultParameterSet | Should -Be 'Protocol'
        @($command.ParameterSets | ForEach-Object { $_.Name } | Sort-Object) | Should -Be @('CipherSuite', 'Endpoint', 'Protocol')
        $mandatory = @{}
        foreach ($set in $command.ParameterSets) { $mandatory[$set.Name] = @($set.Parameters | Where-Object { $_.IsMandatory } | ForEach-Object { $_.Name } | Sort-Object) }
        $mandatory['Protocol'] | Should -Be @('HostName')
        $mandatory['CipherSuite'] | Should -Be @('CipherSuite', 'HostName')
        $mandatory['Endpoint'] | Should -Be @('Endpoint')
        @(($command.ParameterSets | Where-Object Name -eq 'Endpoint').Parameters | ForEach-Object { $_.Name }) | Should -Contain 'AsOf'
        @(($command.ParameterSets | Where-Object Name -eq 'CipherSuite').Parameters | ForEach-Object { $_.Name }) | Should -Not -Contain 'AsOf'
        $command.OutputType.Name | Should -Contain 'TLS365.SuiteTest'
    }

    It 'refuses an endpoint that is not a profile, naming the ones there are' {
        { Test-Tls365Connection -Endpoint 'Contoso' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Microsoft365, AzureFrontDoor, EntraID*'
        { Test-Tls365Connection -Endpoint 'Contoso' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Test-Tls365Connection'
    }

    It 'refuses a suite name that is not one (<Why>), before anything is sent' -ForEach @(
        @{ Why = 'a command in it'; Suite = @('TLS_A;Remove-Item x') }
        @{ Why = 'a space'; Suite = @('TLS_A B') }
        @{ Why = 'empty'; Suite = @('') }
        @{ Why = 'longer than 100 characters'; Suite = @('TLS_' + ('A' * 100)) }
    ) {
        { Test-Tls365Connection -HostName '127.0.0.1' -CipherSuite $Suite -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Test-Tls365Connection'
    }

    It 'refuses more than 64 suites' {
        $many = @(1..65 | ForEach-Object { 'TLS_SUITE_{0}' -f $_ })
        { Test-Tls365Connection -HostName '127.0.0.1' -CipherSuite $many -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Test-Tls365Connection'
    }

    It 'does not mix -Protocol with -Endpoint or -CipherSuite, nor -AsOf with -CipherSuite alone' {
        { Test-Tls365Connection -Endpoint 'EntraID' -Protocol Tls12 -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,Test-Tls365Connection'
        { Test-Tls365Connection -HostName 'x' -CipherSuite 'TLS_A' -Protocol Tls12 -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,Test-Tls365Connection'
        # -AsOf belongs to -Endpoint: with it, -Endpoint is missing.
        { Test-Tls365Connection -HostName 'x' -CipherSuite 'TLS_A' -AsOf '2026-01-01' -ErrorAction Stop } | Should -Throw -ErrorId 'MissingMandatoryParameter,Test-Tls365Connection'
    }
}

Describe 'Test-Tls365Connection -Endpoint, -CipherSuite: suite and curve probes against a local openssl s_server' -Tag 'Public' -Skip:(-not $script:haveOpenssl) {
    It 'offers each -CipherSuite alone and reports the negotiated suite and curve, with nothing expected' {
        $r = @(Test-Tls365Connection -HostName '127.0.0.1' -Port $script:port -CipherSuite 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'tls_ecdhe_rsa_with_aes_128_gcm_sha256', 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384', 'TLS_RSA_WITH_DES_CBC_SHA')
        $r | Should -HaveCount 5
        foreach ($o in $r)
        {
            $o.PSObject.TypeNames[0] | Should -Be 'TLS365.SuiteTest'
            @($o.PSObject.Properties | ForEach-Object { $_.Name }) | Should -Be @($script:shapes['TLS365.SuiteTest'].Properties | ForEach-Object { $_.Name })
            $o.Endpoint | Should -BeNullOrEmpty
            $o.Expected | Should -BeNullOrEmpty
            $o.MatchesProfile | Should -BeNullOrEmpty
            $o.Test | Should -Be 'Suite'
        }
        @($r | ForEach-Object { '{0} {1} {2}' -f $_.Suite, $_.Protocol, $_.Status }) | Should -Be @(
            'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 Tls12 Accepted'
            'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 Tls12 Refused'
            'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 Tls12 Accepted'
            'TLS_AES_256_GCM_SHA384 Tls13 Accepted'
            'TLS_RSA_WITH_DES_CBC_SHA Tls12 NotTestable'
        )
        $r[0].Accepted | Should -BeTrue
        $r[0].Negotiated | Should -Be 'TLSv1.2'
        $r[0].Cipher | Should -Be 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'
        $r[0].NegotiatedCurve | Should -Be 'NistP256'
        $r[1].Detail | Should -Be 'the server does not accept TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 over TLS 1.2 (TLS alert 40, handshake_failure)'
        $r[2].NegotiatedCurve | Should -BeNullOrEmpty -Because 'a finite-field DHE handshake has no curve'
        $r[3].Negotiated | Should -Be 'TLSv1.3'
        $r[4].Detail | Should -BeLike 'TLS_RSA_WITH_DES_CBC_SHA (single DES*'
    }

    It 'checks a host against the Azure Front Door profile: the DHE suite it still accepts after 1 April 2026 does not match' {
        $after = @(Test-Tls365Connection -Endpoint 'azurefrontdoor' -HostName '127.0.0.1' -Port $script:port -AsOf '2026-04-01')
        $rows = @($after | ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.Test, ([System.String]$_.Suite + [System.String]$_.Curve), $_.Status, $_.Expected, $_.MatchesProfile })
        $rows | Should -Be @(
            'Suite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 Accepted Accepted True'
            'Suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 Refused Accepted False'
            'Suite TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 Refused Accepted False'
            'Suite TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 Refused Accepted False'
            'Suite TLS_DHE_RSA_WITH_AES_256_GCM_SHA384 Accepted Refused False'
            'Suite TLS_DHE_RSA_WITH_AES_128_GCM_SHA256 Refused Refused True'
            'Suite TLS_AES_256_GCM_SHA384 Accepted Accepted True'
            'Suite TLS_AES_128_GCM_SHA256 Refused Accepted False'
            'Curve NistP256 Accepted Accepted True'
            'Curve NistP384 Refused Accepted False'
            'Curve NistP521 Refused Accepted False'
        )
        @($after | ForEach-Object { $_.Endpoint } | Sort-Object -Unique) | Should -Be @('AzureFrontDoor')
        ($after | Where-Object { $_.Curve -eq 'NistP256' }).Cipher | Should -Be 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'
        $before = @(Test-Tls365Connection -Endpoint 'AzureFrontDoor' -HostName '127.0.0.1' -Port $script:port -AsOf '2026-03-31')
        ($before | Where-Object { $_.Suite -eq 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' }).MatchesProfile | Should -BeTrue
        ($before | Where-Object { $_.Suite -eq 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256' }).MatchesProfile | Should -BeFalse
        $table = $after | Format-Table | Out-String -Width 250
        $table | Should -Match 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384\s+Accepted\s+Refused\s+NO\s+TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'
        $table | Should -Match 'curve NistP256\s+Accepted\s+Accepted\s+yes\s+TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 NistP256'
    }

    It 'takes the hosts and ports from the pipeline with -Endpoint, and adds -CipherSuite to the profile''s suites' {
        $r = @([PSCustomObject]@{ ComputerName = '127.0.0.1'; Port = $script:port } | Test-Tls365Connection -Endpoint 'EntraID' -CipherSuite 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' -AsOf '2026-01-01')
        @($r | ForEach-Object { $_.Port } | Sort-Object -Unique) | Should -Be @($script:port)
        $dhe = @($r | Where-Object { $_.Suite -eq 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384' })
        $dhe | Should -HaveCount 1
        $dhe[0].Status | Should -Be 'Accepted'
        $dhe[0].Expected | Should -Be 'Refused'
        $dhe[0].MatchesProfile | Should -BeFalse
        # The 3DES suite of the profile's first era: this OpenSSL cannot offer it, which is said, not compared.
        $des = @($r | Where-Object { $_.Suite -eq 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' })
        $des[0].Status | Should -BeIn @('NotTestable', 'Refused')
        if ($des[0].Status -eq 'NotTestable') { $des[0].MatchesProfile | Should -BeNullOrEmpty }
    }

    It 'keeps TLS365.ConnectionTest for protocol probes' {
        $r = @(Test-Tls365Connection -HostName '127.0.0.1' -Port $script:port -Protocol Tls12, Tls13)
        @($r | ForEach-Object { $_.PSObject.TypeNames[0] } | Sort-Object -Unique) | Should -Be @('TLS365.ConnectionTest')
        @($r | ForEach-Object { $_.Status }) | Should -Be @('Accepted', 'Accepted')
    }
}
