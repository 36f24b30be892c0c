# The PowerShell side of the bridge: lazy start, reuse, handshake, timeout, crash, restart, and the
# terminating errors for a missing Node or an unbuilt bridge. Fake bridges live in ../fixtures/bridges.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    $script:fakes = Join-Path -Path (Join-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -ChildPath 'fixtures') -ChildPath 'bridges'
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force

    function script:Use-Bridge
    {
        param ([System.String] $Path, [System.Int32] $TimeoutSeconds = 300)
        InModuleScope -ModuleName 'TLS365' -Parameters @{ Path = $Path; Timeout = $TimeoutSeconds } -ScriptBlock {
            param ($Path, $Timeout)
            Stop-Tls365Bridge | Out-Null
            $script:BridgeScriptPath = $Path
            $script:BridgeTimeoutSeconds = $Timeout
            $script:BridgeFailures.Clear()
        }
    }
    $script:realBridge = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'dist') -ChildPath 'bridge') -ChildPath 'main.js'
    function script:Get-BridgeProcessId
    {
        InModuleScope -ModuleName 'TLS365' -ScriptBlock { if ($null -ne $script:Bridge) { $script:Bridge.Process.Id } }
    }
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'The bridge client' -Tag 'Bridge' {
    AfterEach {
        Use-Bridge -Path $script:realBridge
    }

    It 'does not start Node when the module is imported, only on first use, then reuses one process' {
        Use-Bridge -Path $script:realBridge
        Get-BridgeProcessId | Should -BeNullOrEmpty
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048
        $first = Get-BridgeProcessId
        $first | Should -Not -BeNullOrEmpty
        $null = ConvertTo-Tls365ProtocolMask -Protocol Tls12
        $null = 1..3 | ConvertFrom-Tls365ProtocolMask -Layout SChannelServer -ErrorAction SilentlyContinue
        Get-BridgeProcessId | Should -Be $first
    }

    It 'starts a new bridge transparently when the old one was killed between calls' {
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048
        $old = Get-BridgeProcessId
        Stop-Process -Id $old -Force
        Start-Sleep -Milliseconds 300
        ConvertFrom-Tls365ProtocolMask -Value 2048 | Should -Be 'Tls12'
        Get-BridgeProcessId | Should -Not -Be $old
    }

    It 'turns every pending item into a TLS365.Bridge.Exited error naming it when the bridge crashes mid-pipeline' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'crash-after-hello.js')
        $out = '0xA80', '0x800', '0x200' | ConvertFrom-Tls365ProtocolMask -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs | Should -HaveCount 3
        @($errs | ForEach-Object { $_.TargetObject }) | Should -Be @('0xA80', '0x800', '0x200')
        foreach ($e in $errs)
        {
            $e.FullyQualifiedErrorId | Should -BeLike 'TLS365.Bridge.Exited*'
            $e.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $e.Exception.Message | Should -Match 'code 3'
            $e.Exception.Message | Should -Match 'simulated crash in the rules'
        }
    }

    It 'works again on the next call after a crash (a new bridge is started)' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'crash-after-hello.js')
        $null = ConvertFrom-Tls365ProtocolMask -Value 1 -ErrorAction SilentlyContinue
        InModuleScope -ModuleName 'TLS365' -Parameters @{ Path = $script:realBridge } -ScriptBlock { param ($Path) $script:BridgeScriptPath = $Path }
        ConvertFrom-Tls365ProtocolMask -Value 0x800 | Should -Be 'Tls12'
    }

    It 'stops restarting a bridge that keeps dying (TLS365.Bridge.RestartLimit)' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'crash-after-hello.js')
        $ids = foreach ($i in 1..5)
        {
            try
            {
                $null = ConvertFrom-Tls365ProtocolMask -Value 1 -ErrorVariable errs -ErrorAction SilentlyContinue
                $errs[0].FullyQualifiedErrorId
            }
            catch
            {
                'terminating:' + $_.FullyQualifiedErrorId
            }
        }
        ($ids | Select-Object -First 3) | ForEach-Object { $_ | Should -BeLike 'TLS365.Bridge.Exited*' }
        $ids[3] | Should -BeLike 'terminating:TLS365.Bridge.RestartLimit*'
        $ids[4] | Should -BeLike 'terminating:TLS365.Bridge.RestartLimit*'
    }

    It 'times out a bridge that never answers, stops it, and says so (TLS365.Bridge.Timeout)' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'never-replies.js') -TimeoutSeconds 2
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Bridge.Timeout*'
        $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $errs[0].TargetObject | Should -Be '2048'
        Get-BridgeProcessId | Should -BeNullOrEmpty
    }

    It 'reports a line that is not a reply as TLS365.Bridge.BadReply' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'garbage-line.js')
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Bridge.BadReply*'
        $errs[0].Exception.Message | Should -Match 'Segmentation fault'
    }

    It 'stops with TLS365.Bridge.VersionMismatch naming both versions when the bridge speaks another protocol' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'other-protocol.js')
        $thrown = $null
        try { $null = ConvertFrom-Tls365ProtocolMask -Value 2048 } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'TLS365.Bridge.VersionMismatch*'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $thrown.Exception.Message | Should -Match 'protocol 2 but this module speaks 1'
    }

    It 'reports a bridge that dies at start with its exit code and stderr' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'exits-at-start.js')
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Match '^TLS365\.Bridge\.(Exited|NotDelivered)'
        $errs[0].Exception.Message | Should -Match 'cannot start: simulated|code 1'
    }

    It 'skips notifications and replies to abandoned requests, and passes notifications to the caller' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'progress-then-reply.js')
        $seen = InModuleScope -ModuleName 'TLS365' -ScriptBlock {
            $notes = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
            $answer = Invoke-Tls365Bridge -Method 'mask.decode' -Params @{ items = @(@{ value = 1 }) } -OnNotification { param ($n) $notes.Add($n) }
            [PSCustomObject]@{ Result = $answer.Value; Notes = $notes }
        }
        $seen.Notes | Should -HaveCount 2
        $seen.Notes[1].params.done | Should -Be 2
        $seen.Result.results[0].protocols | Should -Be 'Tls12'
    }

    It 'times out on lack of progress, not lack of messages: the same progress again and again does not keep it alive (issue 13, item 2)' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'chatters-without-progress.js') -TimeoutSeconds 2
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorVariable errs -ErrorAction SilentlyContinue
        $clock.Stop()
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Bridge.Timeout*'
        $errs[0].Exception.Message | Should -Match 'made no progress on mask\.decode for 2 seconds'
        # A generous bound that only a timeout restarted by every message (never) could exceed.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }

    It 'lets a call that reports new progress run past the timeout (issue 13, item 2)' {
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'progresses-slowly.js') -TimeoutSeconds 2
        $out = ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 0
        $out | Should -Be 'Tls12'
    }

    It 'Find-Tls365LegacyClient: a bridge that dies reading one file names it, leaves it out and keeps the results of the others (issue 13, item 3)' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'dies'
        $null = New-Item -ItemType Directory -Path $dir
        $line = "#Fields: date time c-ip crypt-protocol`n2024-05-01 00:00:01 {0} 40`n"
        [System.IO.File]::WriteAllText((Join-Path -Path $dir -ChildPath 'a.log'), ($line -f '192.0.2.1'))
        [System.IO.File]::WriteAllText((Join-Path -Path $dir -ChildPath 'b-poison.log'), ($line -f '192.0.2.2'))
        [System.IO.File]::WriteAllText((Join-Path -Path $dir -ChildPath 'c.log'), ($line -f '192.0.2.3'))
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'dies-reading.js')
        $out = @(Find-Tls365LegacyClient -Path $dir -ErrorVariable errs -ErrorAction SilentlyContinue)
        ($out | ForEach-Object { $_.ClientIp } | Sort-Object) | Should -Be @('192.0.2.1', '192.0.2.3')
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Log.Bridge.Exited,Find-Tls365LegacyClient'
        $errs[0].TargetObject | Should -Be (Join-Path -Path $dir -ChildPath 'b-poison.log')
        $errs[0].Exception.Message | Should -Match 'b-poison\.log: the bridge stopped while reading this file'
        $errs[0].Exception.Message | Should -Match 'the other 2 file\(s\) were scanned again'
    }

    It 'Get-Tls365Readiness: a bridge that dies mid-batch keeps the machines it had answered; only the others get an error, each naming its file (issue 13, item 3)' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'dies-batch'
        $null = New-Item -ItemType Directory -Path $dir
        $example = Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg'
        $names = @('a.reg', 'b.reg', 'c.reg', 'd.reg', 'e.reg', 'f.reg')
        foreach ($n in $names) { Copy-Item -LiteralPath $example -Destination (Join-Path -Path $dir -ChildPath $n) }
        Use-Bridge -Path (Join-Path -Path $script:fakes -ChildPath 'dies-reading.js')
        $out = @($names | ForEach-Object { Join-Path -Path $dir -ChildPath $_ } | Get-Tls365Readiness -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out | Should -HaveCount 3
        ($out | ForEach-Object { $_.PSObject.TypeNames[0] } | Select-Object -Unique) | Should -Be 'TLS365.Readiness'
        $errs | Should -HaveCount 3
        ($errs | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Select-Object -Unique) | Should -Be 'TLS365.Bridge.Exited'
        ($errs | ForEach-Object { Split-Path -Path ([System.String]$_.TargetObject) -Leaf }) | Should -Be @('d.reg', 'e.reg', 'f.reg')
    }

    It 'throws TLS365.BridgeNotBuilt naming the missing file when dist/ was not built' {
        Use-Bridge -Path (Join-Path -Path $TestDrive -ChildPath 'no-such-main.js')
        $thrown = $null
        try { ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorAction Stop } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'TLS365.BridgeNotBuilt*'
        $thrown.Exception.Message | Should -Match 'no-such-main\.js'
        $thrown.Exception.Message | Should -Match 'npm run'
    }

    Context 'Node resolution' {
        BeforeEach {
            $script:savedNode = $env:TLS365_NODE
            InModuleScope -ModuleName 'TLS365' -ScriptBlock { Stop-Tls365Bridge | Out-Null; $script:ResolvedNode = $null }
        }
        AfterEach {
            $env:TLS365_NODE = $script:savedNode
            InModuleScope -ModuleName 'TLS365' -ScriptBlock { $script:ResolvedNode = $null }
        }

        It 'throws TLS365.NodeNotFound naming the path when TLS365_NODE points nowhere' {
            $env:TLS365_NODE = Join-Path -Path $TestDrive -ChildPath 'node-missing'
            $thrown = $null
            try { ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'TLS365.NodeNotFound*'
            $thrown.Exception.Message | Should -Match 'node-missing'
        }

        It 'keeps what Node said on stderr, and its exit code, when it will not start (issue 12)' -Skip:([System.Environment]::OSVersion.Platform -ne 'Unix') {
            $fake = Join-Path -Path $TestDrive -ChildPath 'refusing-node'
            Set-Content -LiteralPath $fake -Value "#!/bin/sh`necho 'Node.js is only supported on Windows 8.1, Windows Server 2012 R2, or higher.' >&2`nexit 216" -Encoding Ascii
            & chmod '+x' $fake
            $env:TLS365_NODE = $fake
            $thrown = $null
            try { ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'TLS365.NodeNotFound*'
            $thrown.Exception.Message | Should -Match 'exit code 216'
            $thrown.Exception.Message | Should -Match 'its stderr: Node\.js is only supported on Windows 8\.1'
        }

        It 'throws TLS365.NodeTooOld naming the version found and the version needed' -Skip:([System.Environment]::OSVersion.Platform -ne 'Unix') {
            $fake = Join-Path -Path $TestDrive -ChildPath 'old-node'
            Set-Content -LiteralPath $fake -Value "#!/bin/sh`necho 16.20.2" -Encoding Ascii
            & chmod '+x' $fake
            $env:TLS365_NODE = $fake
            $thrown = $null
            try { ConvertFrom-Tls365ProtocolMask -Value 2048 -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'TLS365.NodeTooOld*'
            $thrown.Exception.Message | Should -Match '16\.20\.2'
            $thrown.Exception.Message | Should -Match '20\.0\.0'
        }
    }

    It 'stops the bridge process when the module is removed' {
        Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
        $null = ConvertFrom-Tls365ProtocolMask -Value 2048
        $processId = Get-BridgeProcessId
        Remove-Module -Name 'TLS365' -Force
        Start-Sleep -Milliseconds 500
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    }
}
