# Get-Tls365Readiness over PowerShell remoting: real sshd test hosts on loopback addresses (PowerShell's SSH
# subsystem, each host serving its own registry image to the real collector; one down, one slow), the
# transport failure path on closed ports, and the mixed path through a mocked Invoke-Command job.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $collector = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1'
    $image = Join-Path -Path $TestDrive -ChildPath 'ex01.json'
    Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2016-ex01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $image -Encoding Ascii
    $script:collectedJson = & $collector -RegistryImage $image -AsJson
    # The SSH test hosts have no registry: the module sends them a fixture that calls the real collector with
    # -RegistryImage (each host names its image); their results say Source = Image.
    $wrapper = Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'ssh-hosts' -ChildPath 'New-Tls365ImageCollector.ps1')
    $script:imageCollector = & $wrapper -Path (Join-Path -Path $TestDrive -ChildPath 'image-collector.ps1') -Collector $collector
    InModuleScope -ModuleName 'TLS365' -Parameters @{ Path = $script:imageCollector } -ScriptBlock { param ($Path) $script:CollectorPath = $Path }

    # What a real child job's Output is (a PSDataCollection, which the module clears once read), for the mocks.
    # Global: the mocks run in the module's scope.
    function global:New-Tls365TestJobOutput
    {
        param ([System.Object[]] $Item = @())
        $collection = New-Object -TypeName 'System.Management.Automation.PSDataCollection[System.Management.Automation.PSObject]'
        foreach ($i in $Item) { $collection.Add([System.Management.Automation.PSObject]$i) }
        , $collection
    }
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
    Remove-Item -LiteralPath 'function:New-Tls365TestJobOutput' -ErrorAction SilentlyContinue
}

Describe 'Get-Tls365Readiness -HostName / -ComputerName' -Tag 'Public' {
    It 'gives exactly one TLS365.Remoting.Unreachable error per unreachable machine, naming it (real SSH transport)' -Skip:($null -eq (Get-Command -Name ssh -CommandType Application -ErrorAction SilentlyContinue)) {
        # A refused connection: ssh exits at once. PowerShell's SSH client can miss that exit and wait for ever
        # (PowerShell issue 25203; it happened once in CI here): -ConnectTimeoutSeconds bounds that wait, and it
        # is an Unreachable error too. -TimeoutSeconds well above it: a Timeout here means the bound did not work.
        $out = Get-Tls365Readiness -HostName '127.0.0.1', '127.0.0.2' -Port 1 -ConnectTimeoutSeconds 15 -TimeoutSeconds 120 -ErrorVariable errs -ErrorAction SilentlyContinue 2>$null
        @($out).Count | Should -Be 0
        $errs | Should -HaveCount 2
        ($errs | ForEach-Object { $_.TargetObject } | Sort-Object) | Should -Be @('127.0.0.1', '127.0.0.2')
        foreach ($e in $errs)
        {
            $e.FullyQualifiedErrorId | Should -Be 'TLS365.Remoting.Unreachable,Get-Tls365Readiness'
            $e.CategoryInfo.Category | Should -Be 'ConnectionError'
        }
    }

    It 'gives a machine that accepts the connection but never answers one TLS365.Remoting.Unreachable error after -ConnectTimeoutSeconds, not a Timeout at the end (real SSH transport)' -Skip:($null -eq (Get-Command -Name ssh -CommandType Application -ErrorAction SilentlyContinue) -or -not (Get-Command -Name 'Invoke-Command').Parameters.ContainsKey('ConnectingTimeout')) {
        # A TCP listener that accepts and says nothing: ssh waits for the server's banner, as with a machine
        # whose firewall swallows the handshake.
        $listener = New-Object -TypeName 'System.Net.Sockets.TcpListener' -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try
        {
            $port = $listener.LocalEndpoint.Port
            $out = Get-Tls365Readiness -HostName '127.0.0.1' -Port $port -ConnectTimeoutSeconds 3 -TimeoutSeconds 300 -SSHOption @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } -ErrorVariable errs -ErrorAction SilentlyContinue 2>$null
            @($out).Count | Should -Be 0
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remoting.Unreachable,Get-Tls365Readiness' -Because $errs[0].Exception.Message
            $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $errs[0].TargetObject | Should -Be '127.0.0.1'
        }
        finally { $listener.Stop() }
    }

    Context 'Real SSH remoting to loopback test hosts (openssh-server)' {
        BeforeAll {
            $folder = Join-Path -Path $TestDrive -ChildPath 'ssh-hosts'
            $null = New-Item -ItemType Directory -Path $folder
            $examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
            $imageA = Join-Path -Path $folder -ChildPath 'fs01.json'
            $imageB = Join-Path -Path $folder -ChildPath 'app01.json'
            Get-Tls365Readiness -Path (Join-Path -Path $examples -ChildPath 'ws2019-fs01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $imageA -Encoding Ascii
            Get-Tls365Readiness -Path (Join-Path -Path $examples -ChildPath 'ws2008r2-app01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $imageB -Encoding Ascii
            $listener = New-Object -TypeName 'System.Net.Sockets.TcpListener' -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
            $listener.Start(); $script:sshPort = $listener.LocalEndpoint.Port; $listener.Stop()
            $starter = Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'ssh-hosts' -ChildPath 'Start-Tls365TestHost.ps1')
            $script:hosts = & $starter -Folder $folder -Port $script:sshPort -Hosts @(
                @{ Address = '127.0.0.11'; Image = $imageA; DelaySeconds = 0 }
                @{ Address = '127.0.0.12'; Image = $imageB; DelaySeconds = 3 }
                @{ Address = '127.0.0.14'; Image = $imageB; DelaySeconds = 60 }
            )
        }
        AfterAll {
            if ($null -ne $script:hosts) { & $script:hosts.Stop }
        }

        It 'stops a host that does not finish within -TimeoutSeconds: one TLS365.Remoting.Timeout naming it, the others unaffected' {
            if ($null -eq $script:hosts) { Set-ItResult -Skipped -Because 'sshd (openssh-server) is not available here' ; return }
            $params = @{ HostName = @('127.0.0.11', '127.0.0.14'); Port = $script:sshPort; UserName = 'root'; KeyFilePath = $script:hosts.KeyFilePath; SSHOption = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $out = @(Get-Tls365Readiness @params -TimeoutSeconds 10 -ErrorVariable errs -ErrorAction SilentlyContinue 2>$null)
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 40 -Because 'the 60-second host was stopped, not waited for'
            @($out | ForEach-Object ComputerName) | Should -Be @('WS2019-FS01')
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remoting.Timeout,Get-Tls365Readiness'
            $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errs[0].TargetObject | Should -Be '127.0.0.14'
            Start-Sleep -Milliseconds 300
            @(& pgrep -f 'ssh.*127\.0\.0\.14' 2>$null) | Should -HaveCount 0 -Because 'the ssh client of the stopped host is gone'
        }

        It 'collects every reachable host with the real collector over SSH, one error for the host that is down, and leaves nothing running' {
            if ($null -eq $script:hosts) { Set-ItResult -Skipped -Because 'sshd (openssh-server) is not available here' ; return }
            $params = @{ HostName = @('127.0.0.11', '127.0.0.12', '127.0.0.13'); Port = $script:sshPort; UserName = 'root'; KeyFilePath = $script:hosts.KeyFilePath; SSHOption = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' } }
            $out = @(Get-Tls365Readiness @params -ErrorVariable errs -ErrorAction SilentlyContinue 2>$null)
            # Registry images served by the test hosts: Source says Image, never Remote (issue 12).
            ($out | ForEach-Object { '{0} {1} {2}' -f $_.ComputerName, $_.Source, $_.Ready } | Sort-Object) | Should -Be @('WS2008R2-APP01 Image False', 'WS2019-FS01 Image True')
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remoting.Unreachable,Get-Tls365Readiness' -Because (($errs | ForEach-Object { '{0} {1}: {2}' -f $_.FullyQualifiedErrorId, $_.TargetObject, $_.Exception.Message }) -join '; ')
            $errs[0].TargetObject | Should -Be '127.0.0.13'
            (($out | Where-Object { $_.ComputerName -eq 'WS2008R2-APP01' }).MissingUpdates) | Should -Contain 'KB3140245'
            & $script:hosts.Stop
            Start-Sleep -Milliseconds 300
            @($script:hosts.Processes | Where-Object { -not $_.HasExited }) | Should -HaveCount 0
            @(& pgrep -f '^sleep [0-9]+\.000' 2>$null) | Should -HaveCount 0 -Because 'no delay of a slow host outlives the hosts'
        }
    }

    Context 'With a mocked fan-out' {
        BeforeAll {
            # What a live collection on EX01 returns (the collector says Local): reported as Remote.
            $json = $script:collectedJson.Replace('"source":"Image"', '"source":"Local"')
            Mock -ModuleName 'TLS365' -CommandName 'Invoke-Command' -MockWith {
                $ok = [PSCustomObject]@{ Location = 'EX01'; State = 'Completed'; Output = (New-Tls365TestJobOutput $json); Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = $null } }
                $down = [PSCustomObject]@{ Location = 'EX02'; State = 'Failed'; Output = (New-Tls365TestJobOutput); Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = (New-Object -TypeName 'System.Management.Automation.Remoting.PSRemotingTransportException' -ArgumentList 'EX02 refused the connection') } }
                $broken = [PSCustomObject]@{ Location = 'EX03'; State = 'Completed'; Output = (New-Tls365TestJobOutput 'not json'); Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = $null } }
                [PSCustomObject]@{ State = 'Completed'; ChildJobs = @($ok, $down, $broken) }
            }.GetNewClosure()
            Mock -ModuleName 'TLS365' -CommandName 'Wait-Job' -RemoveParameterType 'Job' -MockWith { }
            Mock -ModuleName 'TLS365' -CommandName 'Remove-Job' -RemoveParameterType 'Job' -MockWith { }
        }

        It 'keeps Source = Image for a machine whose collector read a registry image: an image never passes for a live reading (issue 12)' {
            $imageJson = $script:collectedJson
            $imageJson | Should -Match '"source":"Image"'
            Mock -ModuleName 'TLS365' -CommandName 'Invoke-Command' -MockWith {
                [PSCustomObject]@{ State = 'Completed'; ChildJobs = @([PSCustomObject]@{ Location = 'EX01'; State = 'Completed'; Output = (New-Tls365TestJobOutput $imageJson); Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = $null } }) }
            }.GetNewClosure()
            (Get-Tls365Readiness -ComputerName 'EX01').Source | Should -Be 'Image'
        }

        It 'a JEA or Constrained Language endpoint is one TLS365.Collect.LanguageMode error saying what to use instead, not a stack trace (issue 12)' {
            Mock -ModuleName 'TLS365' -CommandName 'Invoke-Command' -MockWith {
                $jea = [PSCustomObject]@{ Location = 'JEA01'; State = 'Failed'; Output = (New-Tls365TestJobOutput); Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = (New-Object -TypeName 'System.Management.Automation.PSInvalidOperationException' -ArgumentList 'The syntax is not supported by this runspace. This can occur if the runspace is in no-language mode.') } }
                [PSCustomObject]@{ State = 'Failed'; ChildJobs = @($jea) }
            }
            $null = Get-Tls365Readiness -ComputerName 'JEA01' -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Collect.LanguageMode,Get-Tls365Readiness'
            $errs[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $errs[0].Exception.Message | Should -Match '^JEA01: the remote session does not allow the TLS365 collector to run'
            $errs[0].Exception.Message | Should -Match 'Export-Tls365Keys\.cmd'
        }

        It 'evaluates every reachable machine (Source Remote) and writes one error per failed one, the rest unaffected' {
            $out = @(Get-Tls365Readiness -ComputerName 'EX01', 'EX02', 'EX03' -ErrorVariable errs -ErrorAction SilentlyContinue)
            $out | Should -HaveCount 1
            $out[0].ComputerName | Should -Be 'WS2016-EX01'
            $out[0].Source | Should -Be 'Remote'
            $out[0].Ready | Should -BeTrue
            $errs | Should -HaveCount 2
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Remoting.Unreachable*'
            $errs[0].TargetObject | Should -Be 'EX02'
            $errs[1].FullyQualifiedErrorId | Should -BeLike 'TLS365.Collect.Failed*'
            $errs[1].TargetObject | Should -Be 'EX03'
            Should -Invoke -ModuleName 'TLS365' -CommandName 'Invoke-Command' -Times 1 -Exactly
        }

        It 'evaluates each machine as its job finishes: the first result comes before the other machines answer, and a read job keeps no output (issue 12)' {
            # A file server (an Exchange server's result waits for the fleet's EXCH-009 findings, by design).
            $fs = Join-Path -Path $TestDrive -ChildPath 'fs01.json'
            Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $fs -Encoding Ascii
            $collector = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1'
            $json = & $collector -RegistryImage $fs -AsJson
            $global:Tls365TestWaits = 0
            Mock -ModuleName 'TLS365' -CommandName 'Wait-Job' -RemoveParameterType 'Job' -MockWith { $global:Tls365TestWaits++ }
            $script:outputs = @()
            Mock -ModuleName 'TLS365' -CommandName 'Invoke-Command' -MockWith {
                $children = foreach ($n in 0..2)
                {
                    $out = New-Object -TypeName 'System.Management.Automation.PSDataCollection[System.Management.Automation.PSObject]'
                    $out.Add([System.Management.Automation.PSObject]($json -replace 'WS2019-FS01', ('WS2019-FS0{0}' -f ($n + 1))))
                    $child = [PSCustomObject]@{ Location = ('EX0{0}' -f ($n + 1)); DoneAfter = $n; Output = $out; Error = @(); JobStateInfo = [PSCustomObject]@{ Reason = $null } }
                    # Machine n finishes after the n-th wait.
                    $child | Add-Member -MemberType ScriptProperty -Name 'State' -Value { if ($global:Tls365TestWaits -ge $this.DoneAfter) { 'Completed' } else { 'Running' } }
                    $child
                }
                $parent = [PSCustomObject]@{ ChildJobs = @($children) }
                $parent | Add-Member -MemberType ScriptProperty -Name 'State' -Value { if ($global:Tls365TestWaits -ge 2) { 'Completed' } else { 'Running' } }
                $parent
            }.GetNewClosure()
            $seen = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
            Mock -ModuleName 'TLS365' -CommandName 'Remove-Job' -RemoveParameterType 'Job' -MockWith { $script:removed = $Job }
            Get-Tls365Readiness -ComputerName 'EX01', 'EX02', 'EX03' | ForEach-Object { $seen.Add(('{0} after {1} waits' -f $_.ComputerName, $global:Tls365TestWaits)) }
            # Buffered until every machine answered, all three would come after 2 waits.
            @($seen) | Should -Be @('WS2019-FS01 after 0 waits', 'WS2019-FS02 after 1 waits', 'WS2019-FS03 after 2 waits')
            foreach ($child in @($script:removed.ChildJobs)) { $child.Output.Count | Should -Be 0 -Because "$($child.Location)'s output was read and dropped" }
            Remove-Variable -Name 'Tls365TestWaits' -Scope Global
        }

        It 'binds ComputerName from pipeline objects (Import-Csv, AD) and fans out once' {
            $rows = @([PSCustomObject]@{ ComputerName = 'EX01' }, [PSCustomObject]@{ DNSHostName = 'EX02.contoso.com' })
            $null = $rows | Get-Tls365Readiness -ErrorAction SilentlyContinue
            Should -Invoke -ModuleName 'TLS365' -CommandName 'Invoke-Command' -Times 1 -Exactly -ParameterFilter { @($ComputerName) -join ',' -eq 'EX01,EX02.contoso.com' }
        }

        It 'bounds each WinRM connection by -ConnectTimeoutSeconds (the session option OpenTimeout, default 30 s instead of WinRM''s 3 minutes)' {
            $null = Get-Tls365Readiness -ComputerName 'EX01' -ErrorAction SilentlyContinue
            Should -Invoke -ModuleName 'TLS365' -CommandName 'Invoke-Command' -Times 1 -Exactly -ParameterFilter { $SessionOption.OpenTimeout.TotalSeconds -eq 30 }
            $null = Get-Tls365Readiness -ComputerName 'EX01' -ConnectTimeoutSeconds 5 -ErrorAction SilentlyContinue
            Should -Invoke -ModuleName 'TLS365' -CommandName 'Invoke-Command' -Times 1 -Exactly -ParameterFilter { $SessionOption.OpenTimeout.TotalSeconds -eq 5 }
        }
    }
}

Describe 'Get-Tls365Readiness: remote snapshots are batched by bytes as well as by count (issue 12)' -Tag 'Public' {
    BeforeAll {
        # Five patched servers, each with 10,000 servicing package entries (about 2.3 MB of JSON apiece), and a
        # bridge whose request limit is 4 MiB: one batch of five (12 MB) would be refused whole.
        $example = Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg'
        $base = Get-Tls365Readiness -Path $example -Snapshot
        $cbs = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
        $packages = foreach ($i in 1..10000) { [PSCustomObject]@{ path = ('{0}\Package_for_KB{1}~31bf3856ad364e35~amd64~~10.0.1.0' -f $cbs, (4000000 + $i)); values = @([PSCustomObject]@{ name = 'CurrentState'; value = [PSCustomObject]@{ type = 'REG_DWORD'; data = 112 } }) } }
        $script:bigSnapshots = foreach ($n in 1..5)
        {
            $s = $base | Select-Object -Property *
            $s.computerName = 'SRV0{0}' -f $n
            $s.registry = @($base.registry) + @($packages)
            [PSCustomObject]@{ Target = ('SRV0{0}' -f $n); Snapshot = $s }
        }
        InModuleScope -ModuleName 'TLS365' -ScriptBlock {
            Stop-Tls365Bridge | Out-Null
            $script:BridgeArguments = @('--max-line-bytes', '4194304')
        }
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048
    }
    AfterAll {
        InModuleScope -ModuleName 'TLS365' -ScriptBlock {
            Stop-Tls365Bridge | Out-Null
            $script:BridgeArguments = @()
        }
    }

    It 'evaluates every machine: a batch never exceeds a quarter of the bridge''s announced line limit, and a larger snapshot goes alone' {
        Mock -ModuleName 'TLS365' -CommandName 'Invoke-Tls365Collection' -MockWith { foreach ($b in $script:bigSnapshots) { @{ Kind = 'Snapshot'; Target = $b.Target; Snapshot = $b.Snapshot } }; @{ Kind = 'Round' } }
        $out = @(Get-Tls365Readiness -ComputerName 'SRV01', 'SRV02', 'SRV03', 'SRV04', 'SRV05' -ErrorVariable errs -ErrorAction SilentlyContinue)
        @($errs | ForEach-Object { $_.Exception.Message }) | Should -BeNullOrEmpty
        ($out | ForEach-Object { $_.ComputerName }) | Should -Be @('SRV01', 'SRV02', 'SRV03', 'SRV04', 'SRV05')
    }
}
