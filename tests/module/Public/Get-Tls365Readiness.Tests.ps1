# Get-Tls365Readiness: sources (images, snapshots, the collector through its seam), batching, errors, object
# shape and views. Verdicts themselves are tested rule by rule in mocha (tests/core/readiness).
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    $script:examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
    $script:collectorPath = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'Collector') -ChildPath 'Get-Tls365Snapshot.ps1'
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:goodImages = @(Get-ChildItem -Path $script:examples -Filter '*.reg' | Where-Object { $_.Name -notlike '*broken*' })
    $script:brokenImage = Join-Path -Path $script:examples -ChildPath 'ws2012-old03-broken.reg'
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Get-Tls365Readiness -Path' -Tag 'Public' {
    It 'evaluates every good image and writes exactly one error, naming the file and line, for the malformed one' {
        $out = Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath '*.reg') -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -HaveCount $script:goodImages.Count
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Image.ImageMalformed,Get-Tls365Readiness'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].TargetObject | Should -Be $script:brokenImage
        $errs[0].Exception.Message | Should -Match ([System.Text.RegularExpressions.Regex]::Escape('ws2012-old03-broken.reg:') + '\d+: ')
    }

    It 'gives the sample machines the verdicts the catalogue predicts' {
        $byName = @{}
        foreach ($r in @(Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath '*.reg') -ErrorAction SilentlyContinue)) { $byName[$r.ComputerName] = $r }
        $notReady = { param ($r) @($r.Components | Where-Object { $_.Status -eq 'NotReady' } | ForEach-Object { $_.Name }) }
        # Windows Server 2008 R2 SP1, nothing set, no KB3140245 (docs/domain-facts.md A04 without .NET values)
        $byName['WS2008R2-APP01'].Ready | Should -BeFalse
        & $notReady $byName['WS2008R2-APP01'] | Should -Be @('WinHttp', 'WinHttp32', 'SChannelClient', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32')
        $byName['WS2008R2-APP01'].MissingUpdates | Should -Be @('KB3140245', 'KB3154518')
        # 2012 R2 half-configured: native .NET values set, the Wow6432Node ones absent (NET4-003 on the 32-bit view)
        & $notReady $byName['WS2012R2-WEB01'] | Should -Be @('DotNet4_32')
        @($byName['WS2012R2-WEB01'].Findings | Where-Object { $_.Severity -eq 'Fail' } | ForEach-Object { $_.RuleId }) | Should -Be @('TLS365-NET4-003')
        foreach ($ready in @('WS2016-EX01', 'WS2019-FS01', 'WS2022-WEB02'))
        {
            $byName[$ready].Ready | Should -BeTrue -Because "$ready is configured as Microsoft's guidance says"
            @($byName[$ready].Findings | Where-Object { $_.Severity -ne 'Info' }) | Should -HaveCount 0
        }
    }

    It 'takes FileInfo objects from Get-ChildItem by property name (FullName)' {
        $out = $script:goodImages | Get-Tls365Readiness
        $out | Should -HaveCount $script:goodImages.Count
        ($out | ForEach-Object { $_.ComputerName } | Sort-Object) | Should -Be @('WS2008R2-APP01', 'WS2012R2-WEB01', 'WS2016-EX01', 'WS2019-FS01', 'WS2022-WEB02')
    }

    It 'takes path strings from the pipeline, and names a missing file without stopping the others' {
        $missing = Join-Path -Path $TestDrive -ChildPath 'nowhere.reg'
        $out = @($script:goodImages[0].FullName, $missing) | Get-Tls365Readiness -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -HaveCount 1
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Image.NotFound*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $missing
    }

    It 'returns TLS365.Readiness objects with exactly the contract''s properties and the nine components' {
        $r = Get-Tls365Readiness -Path $script:goodImages[0].FullName
        $r.PSObject.TypeNames[0] | Should -Be 'TLS365.Readiness'
        @($r.PSObject.Properties | ForEach-Object { $_.Name }) | Should -Be @('ComputerName', 'Source', 'OS', 'Ready', 'NotReady', 'Unknown', 'FailCount', 'WarnCount', 'MissingUpdates', 'Changes', 'Components', 'Findings', 'TlsSettings', 'AsOf', 'Effective')
        $r.Source | Should -Be 'Image'
        $r.Ready | Should -BeOfType [System.Boolean]
        @($r.Components | ForEach-Object { $_.Name }) | Should -Be @('WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32')
        foreach ($c in $r.Components) { $c.Status | Should -BeIn @('Ready', 'NotReady', 'Unknown', 'NotApplicable') }
        $r.OS.Build | Should -BeGreaterThan 0
    }

    It 'gives clean data through ConvertTo-Json' {
        $json = Get-Tls365Readiness -Path $script:goodImages[0].FullName | ConvertTo-Json -Depth 8 | ConvertFrom-Json
        @($json.PSObject.Properties | ForEach-Object { $_.Name }) | Should -Be @('ComputerName', 'Source', 'OS', 'Ready', 'NotReady', 'Unknown', 'FailCount', 'WarnCount', 'MissingUpdates', 'Changes', 'Components', 'Findings', 'TlsSettings', 'AsOf', 'Effective')
        @($json.OS.PSObject.Properties | ForEach-Object { $_.Name }) | Should -Be @('Name', 'Build', 'UBR')
        $json.Components[0].Name | Should -Be 'WinHttp'
    }

    It 'reads a snapshot .json and names the file and line of malformed JSON, and the JSON path of a wrong schema' {
        $bad = Join-Path -Path $TestDrive -ChildPath 'bad.json'
        Set-Content -LiteralPath $bad -Value "{`n  `"schema`": `"tls365.snapshot/1`",`n  `"registry`": [ oops ]`n}" -Encoding Ascii
        $wrong = Join-Path -Path $TestDrive -ChildPath 'wrong.json'
        Set-Content -LiteralPath $wrong -Value '{"schema":"tls365.snapshot/1","registry":[{"path":"SOFTWARE\\x"}]}' -Encoding Ascii
        $null = Get-Tls365Readiness -Path $bad, $wrong -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Image.SnapshotMalformed*'
        $errs[0].Exception.Message | Should -Match 'bad\.json: .*at line 3, column 17'
        $errs[1].FullyQualifiedErrorId | Should -BeLike 'TLS365.Image.SnapshotInvalid*'
        $errs[1].Exception.Message | Should -Match '\$\.registry\[0\]\.path'
    }

    It 'evaluates hundreds of images in batches: one bridge request per 50 files, never one per machine' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'fleet'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($i in 1..250) { Copy-Item -LiteralPath $script:goodImages[0].FullName -Destination (Join-Path -Path $folder -ChildPath ('m{0:d3}.reg' -f $i)) }
        $before = & (Get-Module TLS365) { if ($null -eq $script:Bridge) { 0 } else { $script:Bridge.NextId } }
        $out = Get-Tls365Readiness -Path (Join-Path -Path $folder -ChildPath '*.reg')
        $after = & (Get-Module TLS365) { $script:Bridge.NextId }
        $out | Should -HaveCount 250
        ($after - $before) | Should -BeLessOrEqual 6
    }

    It 'streams: results of the first batch reach the pipeline before later files are read, with progress as done of total' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'stream'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($i in 1..120) { Copy-Item -LiteralPath $script:goodImages[0].FullName -Destination (Join-Path -Path $folder -ChildPath ('m{0:d3}.reg' -f $i)) }
        Mock -ModuleName TLS365 -CommandName Write-Progress -MockWith { }
        # The last file is removed by the pipeline's consumer as soon as the first result arrives: a command that
        # read everything before writing anything would still evaluate it.
        $last = Join-Path -Path $folder -ChildPath 'm120.reg'
        $out = @(Get-Tls365Readiness -Path (Join-Path -Path $folder -ChildPath '*.reg') -ErrorVariable errs -ErrorAction SilentlyContinue |
            ForEach-Object { if (Test-Path -LiteralPath $last) { Remove-Item -LiteralPath $last }; $_ })
        $out | Should -HaveCount 119
        $errs | Should -HaveCount 1
        $errs[0].TargetObject | Should -Be $last
        Should -Invoke -ModuleName TLS365 -CommandName Write-Progress -ParameterFilter { $Status -eq '50 of 120 images evaluated' -and $PercentComplete -eq 42 } -Times 1 -Exactly
        Should -Invoke -ModuleName TLS365 -CommandName Write-Progress -ParameterFilter { $Status -eq '100 of 120 images evaluated' } -Times 1 -Exactly
    }

    It 'passes -Role and -Discovery to the rules (EXCH rules on a machine with no Exchange; SCHANNEL-017 only with -Discovery)' {
        $image = Join-Path -Path $script:examples -ChildPath 'ws2012r2-web01.reg'
        $plain = Get-Tls365Readiness -Path $image
        @($plain.Findings | Where-Object { $_.RuleId -like 'TLS365-EXCH-*' -or $_.RuleId -eq 'TLS365-SCHANNEL-017' }) | Should -HaveCount 0
        $asExchange = Get-Tls365Readiness -Path $image -Role Exchange
        @($asExchange.Findings | Where-Object { $_.RuleId -like 'TLS365-EXCH-*' }).Count | Should -BeGreaterThan 0
        $discovery = Get-Tls365Readiness -Path $image -Discovery
        @($discovery.Findings | Where-Object { $_.RuleId -eq 'TLS365-SCHANNEL-017' }) | Should -HaveCount 1
    }

    It 'adds TLS365-EXCH-009 to every Exchange server of one call when their TLS settings differ, across batches [HC-EP]' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'exchange-fleet'
        $null = New-Item -ItemType Directory -Path $folder
        $text = [System.IO.File]::ReadAllText((Join-Path -Path $script:examples -ChildPath 'ws2016-ex01.reg'), [System.Text.Encoding]::Unicode)
        $tls10On = $text -replace '(TLS 1\.0\\Server\]\r?\n"DisabledByDefault"=dword:)00000001(\r?\n"Enabled"=dword:)00000000', '${1}00000000${2}00000001'
        $tls10On | Should -Not -Be $text
        foreach ($i in 1..60)
        {
            $name = 'EX{0:d2}' -f $i
            $body = if ($i -eq 55) { $tls10On } else { $text }
            [System.IO.File]::WriteAllText((Join-Path -Path $folder -ChildPath ($name + '.reg')), ($body -replace '"ComputerName"="WS2016-EX01"', ('"ComputerName"="{0}"' -f $name)), [System.Text.Encoding]::Unicode)
        }
        Copy-Item -LiteralPath (Join-Path -Path $script:examples -ChildPath 'ws2019-fs01.reg') -Destination $folder
        $out = @(Get-Tls365Readiness -Path (Join-Path -Path $folder -ChildPath '*.reg'))
        $out | Should -HaveCount 61
        $warned = @($out | Where-Object { @($_.Findings | Where-Object RuleId -eq 'TLS365-EXCH-009').Count -eq 1 })
        $warned | Should -HaveCount 60
        ($warned | Where-Object ComputerName -eq 'EX55').Findings[-1].Message | Should -Match 'group 2 alone'
        ($warned[0].Findings | Where-Object RuleId -eq 'TLS365-EXCH-009').pstypenames[0] | Should -Be 'TLS365.Finding'
        # The counts the object carries (issue 17, item 1) follow the fleet finding added after the batch.
        foreach ($w in $warned) { $w.WarnCount | Should -Be @($w.Findings | Where-Object Severity -eq 'Warn').Count }
        ($out | Where-Object ComputerName -eq 'WS2019-FS01').Findings.RuleId | Should -Not -Contain 'TLS365-EXCH-009'
        # One file alone is a fleet of one: nothing to compare.
        (Get-Tls365Readiness -Path (Join-Path -Path $folder -ChildPath 'EX55.reg')).Findings.RuleId | Should -Not -Contain 'TLS365-EXCH-009'

        # A bridge that dies after the first batch loses nothing: it keeps no state between calls (issue 14); the
        # signatures came back with the results, so the same 60 servers are warned and no error is written.
        $script:realBatch = InModuleScope TLS365 { Get-Command -Name Invoke-Tls365BridgeBatch -CommandType Function }
        $script:killed = $false
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365BridgeBatch -MockWith {
            & $script:realBatch @PesterBoundParameters
            if (-not $script:killed) { $script:killed = $true; & (Get-Module -Name TLS365) { $script:Bridge.Process.Kill(); $null = $script:Bridge.Process.WaitForExit(5000) } }
        }
        $again = @(Get-Tls365Readiness -Path (Join-Path -Path $folder -ChildPath '*.reg') -ErrorVariable fleetErrors -ErrorAction SilentlyContinue)
        $script:killed | Should -BeTrue
        $again | Should -HaveCount 61
        @($again | Where-Object { $_.Findings.RuleId -contains 'TLS365-EXCH-009' }) | Should -HaveCount 60
        ($again | Where-Object ComputerName -eq 'EX55').Findings[-1].Message | Should -Match 'group 2 alone'
        @($fleetErrors) | Should -HaveCount 0
    }

    It 'shows findings in the -Detailed view and in Format-List' {
        $r = Get-Tls365Readiness -Path $script:goodImages[0].FullName -Detailed
        $r.PSObject.TypeNames[0] | Should -Be 'TLS365.Readiness.Detailed'
        ($r | Out-String) | Should -Match 'Components'
        ($r | Out-String) | Should -Match 'SChannelClient'
        (Get-Tls365Readiness -Path $script:goodImages[0].FullName | Format-List | Out-String) | Should -Match 'Findings'
        (Get-Tls365Readiness -Path $script:goodImages[0].FullName | Format-Table | Out-String) | Should -Match 'ComputerName'
    }
}

Describe 'Get-Tls365Readiness -Snapshot and the collector' -Tag 'Public' {
    BeforeAll {
        $script:imageJson = Join-Path -Path $TestDrive -ChildPath 'ex01.json'
        $s = Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws2016-ex01.reg') -Snapshot
        $s | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $script:imageJson -Encoding Ascii
    }
    It 'turns a .reg image into a tls365.snapshot/1 object that evaluates to the same verdicts' {
        $s = Get-Content -LiteralPath $script:imageJson -Raw | ConvertFrom-Json
        $s.schema | Should -Be 'tls365.snapshot/1'
        $fromReg = Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws2016-ex01.reg')
        $fromJson = Get-Tls365Readiness -Path $script:imageJson
        ($fromJson.Components | ForEach-Object { $_.Status }) | Should -Be ($fromReg.Components | ForEach-Object { $_.Status })
        ($fromJson.Findings | ForEach-Object { $_.RuleId }) | Should -Be ($fromReg.Findings | ForEach-Object { $_.RuleId })
    }

    It 'runs the real collector through its registry seam and evaluates the result as Local' {
        # The module's collector seam (Invoke-Tls365Collector) replaced from outside: the same collector script,
        # pointed at a registry image. The Windows tier runs the unreplaced seam against a real registry.
        $collector = Join-Path -Path $script:repoRoot -ChildPath (Join-Path -Path 'module' -ChildPath (Join-Path -Path 'Collector' -ChildPath 'Get-Tls365Snapshot.ps1'))
        $image = $script:imageJson
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365Collector -MockWith { & $collector -RegistryImage $image }.GetNewClosure()
        $r = Get-Tls365Readiness
        $r.ComputerName | Should -Be 'WS2016-EX01'
        $r.Source | Should -Be 'Local'
        $reference = Get-Tls365Readiness -Path $script:imageJson
        ($r.Components | ForEach-Object { $_.Status }) | Should -Be ($reference.Components | ForEach-Object { $_.Status })
    }

    It 'says in words that it cannot run in Constrained Language (AppLocker/WDAC, JEA) and what to use instead (issue 12)' {
        $image = Join-Path -Path $TestDrive -ChildPath 'clm.json'
        Get-Tls365Readiness -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg') -Snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $image -Encoding Ascii
        $pwsh = (Get-Command -Name 'pwsh' -CommandType Application | Select-Object -First 1).Source
        $script = Join-Path -Path $TestDrive -ChildPath 'clm.ps1'
        Set-Content -LiteralPath $script -Encoding Ascii -Value @(
            'param ($Collector, $Image)'
            '$ExecutionContext.SessionState.LanguageMode = ''ConstrainedLanguage'''
            'try { $null = & $Collector -RegistryImage $Image; ''no error'' } catch { ''caught: '' + $_.Exception.Message }'
        )
        $said = & $pwsh -NoProfile -NonInteractive -File $script -Collector $script:collectorPath -Image $image
        $said | Should -Match '^caught: TLS365 collector: this session runs in ConstrainedLanguage mode'
        $said | Should -Match 'Export-Tls365Keys\.cmd'
    }

    It 'collects only what the rules need: KB packages from CBS with CurrentState, SCHANNEL in full, both views, coverage roots' {
        $cbs = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
        $image = @{
            schema       = 'tls365.snapshot/1'
            computerName = 'IMG01'
            architecture = 'x64'
            hotfixes     = @('KB3140245')
            fileVersions = @{ 'winhttp.dll' = '6.1.7601.23375' }
            registry     = @(
                @{ path = "$cbs\Package_1_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.3"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 32 } }) }
                @{ path = "$cbs\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.3"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 112 } }, @{ name = 'InstallUser'; value = @{ type = 'REG_SZ'; data = 'S-1-5-18' } }) }
                @{ path = "$cbs\Package_for_KB3140245_RTM~31bf3856ad364e35~amd64~~6.1.1.3"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 0 } }) }
                @{ path = "$cbs\Package_for_KB3154518~31bf3856ad364e35~amd64~~6.1.1.3"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 80 } }) }
                @{ path = "$cbs\Package_for_RollupFix~31bf3856ad364e35~amd64~~7601.24544.1.4"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 112 } }) }
                @{ path = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Updates\Windows 7\KB3154518'; values = @() }
                @{ path = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Updates\Microsoft .NET Framework 4.8\SP\KB4486153'; values = @(@{ name = 'PackageName'; value = @{ type = 'REG_SZ'; data = 'x' } }) }
                @{ path = 'HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Updates\Microsoft .NET Framework 4.7.2\KB4054530'; values = @() }
                @{ path = 'HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Updates\Microsoft .NET Framework 4.7.2\SP1\KB4087364'; values = @() }
                @{ path = "$cbs\Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~6.1.7601.17514"; values = @(@{ name = 'CurrentState'; value = @{ type = 'REG_DWORD'; data = 112 } }) }
                @{ path = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'; values = @(@{ name = 'Enabled'; value = @{ type = 'REG_DWORD'; data = 1 } }) }
                @{ path = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; values = @(@{ name = 'DefaultSecureProtocols'; value = @{ type = 'REG_DWORD'; data = 2560 } }, @{ name = 'Unrelated'; value = @{ type = 'REG_SZ'; data = 'x' } }) }
            )
        }
        $path = Join-Path -Path $TestDrive -ChildPath 'cbs.json'
        $image | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $path -Encoding Ascii
        $s = & $script:collectorPath -RegistryImage $path
        $paths = @($s.registry | ForEach-Object { $_.path })
        $paths | Should -Contain "$cbs\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.3"
        $paths | Should -Not -Contain "$cbs\Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~6.1.7601.17514"
        # One package per KB, the best state (installed over staged and absent; superseded kept alone), rollups kept.
        $kbKey = @($s.registry | Where-Object { $_.path -like '*KB3140245*' })
        $kbKey | Should -HaveCount 1
        $kbKey[0].path | Should -Be "$cbs\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.3"
        @($kbKey[0].values | ForEach-Object { $_.name }) | Should -Be @('CurrentState')
        $paths | Should -Contain "$cbs\Package_for_KB3154518~31bf3856ad364e35~amd64~~6.1.1.3"
        $paths | Should -Contain "$cbs\Package_for_RollupFix~31bf3856ad364e35~amd64~~7601.24544.1.4"
        # Product update keys two and three levels down, in both views, by name only (issue 12).
        @($paths | Where-Object { $_ -like '*\Updates\*' } | Sort-Object) | Should -Be @(
            'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Updates\Microsoft .NET Framework 4.8\SP\KB4486153'
            'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Updates\Windows 7\KB3154518'
            'HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Updates\Microsoft .NET Framework 4.7.2\KB4054530'
            'HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Updates\Microsoft .NET Framework 4.7.2\SP1\KB4087364'
        )
        @($s.registry | Where-Object { $_.path -like '*\Updates\*' } | ForEach-Object { @($_.values).Count } | Sort-Object -Unique) | Should -Be @(0)
        $s.covered | Should -Contain 'HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Updates'
        $paths | Should -Contain 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
        $wow = $s.registry | Where-Object { $_.path -eq 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp' }
        @($wow.values | ForEach-Object { $_.name }) | Should -Be @('DefaultSecureProtocols')
        $s.covered | Should -Contain 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'
        $s.covered | Should -Contain 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319'
        $s.hotfixes | Should -Be @('KB3140245')
        $s.computerName | Should -Be 'IMG01'
    }

    It 'collects the pending-restart markers as roots of their own, by existence only (no values, no subkeys, no rest of CBS), and they give TLS365-OS-005' {
        $cv = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion'
        $cbsMarker = "$cv\Component Based Servicing\RebootPending"
        $wuMarker = "$cv\WindowsUpdate\Auto Update\RebootRequired"
        $base = Get-Content -LiteralPath $script:imageJson -Raw | ConvertFrom-Json
        $pending = Join-Path -Path $TestDrive -ChildPath 'pending.json'
        $base.registry = @($base.registry) + @(
            @{ path = $cbsMarker; values = @(@{ name = 'Owners'; value = @{ type = 'REG_MULTI_SZ'; data = @('x') } }) }
            @{ path = "$cbsMarker\{6a7a2a6c-4d3b-4d1b-9c63-2b0c8c1b5a6f}"; values = @() }
            @{ path = "$cv\Component Based Servicing\SessionsPending"; values = @(@{ name = 'Exclusive'; value = @{ type = 'REG_DWORD'; data = 0 } }) }
            @{ path = "$cv\WindowsUpdate\Auto Update"; values = @(@{ name = 'AUOptions'; value = @{ type = 'REG_DWORD'; data = 4 } }) }
        )
        $base | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $pending -Encoding Ascii
        $s = & $script:collectorPath -RegistryImage $pending
        $s.covered | Should -Contain $cbsMarker
        $s.covered | Should -Contain $wuMarker
        $kept = @($s.registry | Where-Object { $_.path -like "$cv\Component Based Servicing\*" -and $_.path -notlike "$cv\Component Based Servicing\Packages*" })
        @($kept | ForEach-Object { $_.path }) | Should -Be @($cbsMarker)
        @($kept[0].values) | Should -HaveCount 0
        @($s.registry | Where-Object { $_.path -like "$cv\WindowsUpdate*" }) | Should -HaveCount 0
        $out = Join-Path -Path $TestDrive -ChildPath 'pending-collected.json'
        & $script:collectorPath -RegistryImage $pending -OutFile $out
        $finding = @((Get-Tls365Readiness -Path $out).Findings | Where-Object { $_.RuleId -eq 'TLS365-OS-005' })
        $finding | Should -HaveCount 1
        $finding[0].Severity | Should -Be 'Warn'
        $finding[0].Message | Should -Match 'Component Based Servicing RebootPending'
        # Without the markers the collector still covers them: read and absent, so no finding.
        $clean = Join-Path -Path $TestDrive -ChildPath 'clean-collected.json'
        & $script:collectorPath -RegistryImage $script:imageJson -OutFile $clean
        $c = Get-Content -LiteralPath $clean -Raw | ConvertFrom-Json
        @($c.covered) | Should -Contain $wuMarker
        @((Get-Tls365Readiness -Path $clean).Findings | Where-Object { $_.RuleId -eq 'TLS365-OS-005' }) | Should -HaveCount 0
    }

    It 'writes a Node-free snapshot file with -OutFile that Get-Tls365Readiness -Path reads' {
        $out = Join-Path -Path $TestDrive -ChildPath 'collected.json'
        & $script:collectorPath -RegistryImage $script:imageJson -OutFile $out
        $r = Get-Tls365Readiness -Path $out
        $r.ComputerName | Should -Be 'WS2016-EX01'
    }

    It 'says that the live registry needs Windows, and what to do instead' -Skip:([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
        $null = Get-Tls365Readiness -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Collect.NotWindows*'
        $errs[0].Exception.Message | Should -Match '-Path'
    }
}

Describe 'Get-Tls365Readiness -Path: only regular files of bounded size' -Tag 'Public' {
    It 'writes one error naming each device, FIFO and oversized file, with its category, and evaluates the good images of the same call' {
        $examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
        $fifo = Join-Path -Path $TestDrive -ChildPath 'pipe.reg'
        & mkfifo $fifo
        $big = Join-Path -Path $TestDrive -ChildPath 'huge.reg'
        $stream = [System.IO.File]::Create($big)
        try { $stream.SetLength(256MB + 1) } finally { $stream.Dispose() }
        $paths = @((Join-Path -Path $examples -ChildPath 'ws2019-fs01.reg'), '/dev/zero', $fifo, $big, (Join-Path -Path $examples -ChildPath 'ws2016-ex01.reg'))
        $r = @(Get-Tls365Readiness -Path $paths -ErrorVariable ev -ErrorAction SilentlyContinue)
        @($r | ForEach-Object { $_.ComputerName }) | Should -Be @('WS2019-FS01', 'WS2016-EX01')
        $errors = @($ev | ForEach-Object { '{0}|{1}|{2}' -f $_.FullyQualifiedErrorId.Split(',')[0], $_.CategoryInfo.Category, $_.TargetObject })
        $errors | Should -Be @("TLS365.Image.NotAFile|InvalidType|/dev/zero", "TLS365.Image.NotAFile|InvalidType|$fifo", "TLS365.Image.FileTooLarge|LimitsExceeded|$big")
    }
}

Describe 'Get-Tls365Readiness: bracketed names are the files they name (issue 13, item 5)' -Tag 'Public' {
    BeforeAll {
        $examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
        $script:dir = Join-Path -Path $TestDrive -ChildPath 'brackets'
        $null = New-Item -ItemType Directory -Path $script:dir
        Copy-Item -LiteralPath (Join-Path -Path $examples -ChildPath 'ws2019-fs01.reg') -Destination (Join-Path -Path $script:dir -ChildPath '[b].reg')
        Copy-Item -LiteralPath (Join-Path -Path $examples -ChildPath 'ws2016-ex01.reg') -Destination (Join-Path -Path $script:dir -ChildPath 'b.reg')
        Copy-Item -LiteralPath (Join-Path -Path $examples -ChildPath 'ws2022-web02.reg') -Destination (Join-Path -Path $script:dir -ChildPath '[a].reg')
    }

    It 'Get-ChildItem objects bind by PSPath to -LiteralPath: each file once, [b].reg is not b.reg and a lone [a].reg is found' {
        $names = @(Get-ChildItem -LiteralPath $script:dir -Filter '*.reg' | Sort-Object -Property Name | Get-Tls365Readiness | ForEach-Object { $_.ComputerName })
        $names | Should -Be @('WS2022-WEB02', 'WS2019-FS01', 'WS2016-EX01')
    }

    It '-LiteralPath takes names as written; -Path keeps PowerShell''s wildcards' {
        (Get-Tls365Readiness -LiteralPath (Join-Path -Path $script:dir -ChildPath '[b].reg')).ComputerName | Should -Be 'WS2019-FS01'
        (Get-Tls365Readiness -LiteralPath (Join-Path -Path $script:dir -ChildPath '[a].reg')).ComputerName | Should -Be 'WS2022-WEB02'
        (Get-Tls365Readiness -Path (Join-Path -Path $script:dir -ChildPath '[b].reg')).ComputerName | Should -Be 'WS2016-EX01'
        ([PSCustomObject]@{ FullName = (Join-Path -Path $script:dir -ChildPath '[a].reg') } | Get-Tls365Readiness).ComputerName | Should -Be 'WS2022-WEB02'
    }

    It 'Set-Tls365Protocols and Export-Tls365Remediation take the path as written (-LiteralPath), and a folder is said to be one' {
        $a = Join-Path -Path $script:dir -ChildPath '[a].reg'
        (Get-ChildItem -LiteralPath $a | Export-Tls365Remediation -Format Reg) | Should -Match 'Windows Registry Editor Version 5.00'
        (Export-Tls365Remediation -LiteralPath $a -Format SccmDiscovery) | Should -Match 'Compliant'
        $null = Set-Tls365Protocols -LiteralPath $script:dir -WhatIf -ErrorVariable ev -ErrorAction SilentlyContinue
        @($ev).Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Image.NotAFile*'
        $ev[0].Exception.Message | Should -Match 'is a folder'
    }
}

Describe 'Get-Tls365Readiness: silent changes and misleading words (issue 13, item 6)' -Tag 'Public' {
    BeforeAll {
        $script:acceptanceA01 = Join-Path -Path (Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'tests') -ChildPath 'fixtures') -ChildPath 'acceptance') -ChildPath 'A01-win10-22h2-nothing-set.reg'
        # C0 controls but tab, CR and LF (which Out-String itself writes), DEL and C1 controls: never on the console raw.
        $script:controlPattern = '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
        $e = [System.String][char]0x1B
        $script:evil = $e + ']0;pwned' + [char]0x07 + 'EX' + $e + '[2J' + [char]0x9B + '31m' + [char]0x7F
        $script:evilShown = '\x1B]0;pwned\x07EX\x1B[2J\x9B31m\x7F'
    }

    It 'evaluates an image holding a byte that is not valid in its encoding and warns, naming the file, line, byte and what to do' {
        $text = [System.IO.File]::ReadAllText($script:acceptanceA01).TrimEnd()
        $head = $text + "`r`n`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\Contoso]`r`n`"Note`"=`"caf"
        $bytes = New-Object -TypeName 'System.Collections.Generic.List[System.Byte]'
        $bytes.AddRange([System.Byte[]]@(0xEF, 0xBB, 0xBF))
        $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes($head))
        $bytes.Add(0xFF)
        $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes("`"`r`n"))
        $file = Join-Path -Path $TestDrive -ChildPath 'bad-byte.reg'
        [System.IO.File]::WriteAllBytes($file, $bytes.ToArray())
        $line = @($head -split "`r`n").Count
        $out = Get-Tls365Readiness -Path $file -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs) | Should -HaveCount 0
        $out.ComputerName | Should -Be 'W10-A01'
        @($warned) | Should -HaveCount 1
        $warned[0].Message | Should -BeLike ('{0}:{1}: byte 0xFF *' -f $file, $line)
        $warned[0].Message | Should -Match 'not UTF-8'
        $warned[0].Message | Should -Match 're-export it with regedit'
        $warned[0].Message | Should -Match 'UTF-16LE'
        $null = Get-Tls365Readiness -Path $file -Snapshot -WarningVariable warnedRaw -WarningAction SilentlyContinue
        @($warnedRaw) | Should -HaveCount 1
    }

    It 'names the file, line, column and what a snapshot is for broken JSON nested 600 levels deep' {
        $deep = Join-Path -Path $TestDrive -ChildPath 'deep.json'
        [System.IO.File]::WriteAllText($deep, ('[' * 600) + 'x')
        $null = Get-Tls365Readiness -Path $deep -ErrorVariable errs -ErrorAction SilentlyContinue
        @($errs) | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Image.SnapshotMalformed,Get-Tls365Readiness'
        $errs[0].TargetObject | Should -Be $deep
        $message = $errs[0].Exception.Message
        $message | Should -BeLike ($deep + ': not a TLS365 snapshot: *')
        $message | Should -Match 'nested deeper than 512 levels at line 1, column 513'
        $message | Should -Match 'tls365\.snapshot/1'
        $message | Should -Match 'Get-Tls365Readiness -Snapshot'
        $message | Should -Match 'Get-Tls365Snapshot\.ps1'
    }

    It 'never writes a control character from an image or snapshot to the console: objects, views, warnings and errors' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'controls'
        $null = New-Item -ItemType Directory -Path $dir
        $source = [System.IO.File]::ReadAllText((Join-Path -Path $script:examples -ChildPath 'ws2012r2-web01.reg'), [System.Text.Encoding]::Unicode)
        $text = $source.Replace('"ComputerName"="WS2012R2-WEB01"', ('"ComputerName"="{0}"' -f $script:evil)).Replace('"ProductName"="Windows Server 2012 R2 Standard"', ('"ProductName"="Windows Server 2012 R2 {0}"' -f $script:evil))
        # A value named with the sequences whose hex(2) data has an odd length: the parser warns, naming the value.
        $text = $text.TrimEnd() + ("`r`n`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\Contoso]`r`n`"{0}`"=hex(2):41,00,42`r`n" -f $script:evil)
        $image = Join-Path -Path $dir -ChildPath 'evil.reg'
        [System.IO.File]::WriteAllText($image, $text, [System.Text.Encoding]::Unicode)
        $broken = Join-Path -Path $dir -ChildPath 'broken.reg'
        [System.IO.File]::WriteAllText($broken, ("Windows Registry Editor Version 5.00`r`n`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\A]`r`n{0}`r`n`"{0}`"=dword:zz`r`n" -f $script:evil), [System.Text.Encoding]::Unicode)
        $snapshot = Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws2019-fs01.reg') -Snapshot
        $snapshot.computerName = $script:evil
        $json = Join-Path -Path $dir -ChildPath 'evil.json'
        [System.IO.File]::WriteAllText($json, ($snapshot | ConvertTo-Json -Depth 8))

        $out = @(Get-Tls365Readiness -Path $image, $json, $broken -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out | Should -HaveCount 2
        $out[0].ComputerName | Should -Be $script:evilShown
        $out[0].OS.Name | Should -Be ('Windows Server 2012 R2 {0}' -f $script:evilShown)
        $out[1].ComputerName | Should -Be $script:evilShown
        @($warned) | Should -HaveCount 1
        @($errs) | Should -HaveCount 1
        $detailed = @(Get-Tls365Readiness -Path $image -Detailed -WarningAction SilentlyContinue)
        $raw = @(Get-Tls365Readiness -Path $json -Snapshot)
        $raw[0].computerName | Should -Be $script:evil -Because '-Snapshot returns the raw data; only its view shows it escaped'
        $changes = @(Set-Tls365Protocols -Path $image -Confirm:$false -WarningVariable setWarned -WarningAction SilentlyContinue)
        $changes.Count | Should -BeGreaterThan 0

        $shown = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
        $shown.Add(($out | Out-String -Width 400))
        $shown.Add(($out | Format-List | Out-String -Width 400))
        $shown.Add(($out | ForEach-Object { $_.Findings } | Out-String -Width 400))
        $shown.Add(($out | ForEach-Object { $_.Components } | Out-String -Width 400))
        $shown.Add(($detailed | Out-String -Width 400))
        $shown.Add(($raw | Out-String -Width 400))
        $shown.Add(($raw | Format-List | Out-String -Width 400))
        $shown.Add(($changes | Out-String -Width 400))
        foreach ($w in @($warned) + @($setWarned)) { $shown.Add($w.Message) }
        foreach ($err in $errs) { $shown.Add($err.Exception.Message); $shown.Add(($err | Out-String -Width 400)) }
        foreach ($s in $shown)
        {
            $found = [System.Text.RegularExpressions.Regex]::Match($s, $script:controlPattern)
            $found.Success | Should -BeFalse -Because ('U+{0:X4} must not reach the console raw: {1}' -f [System.Int32][char]$(if ($found.Success) { $found.Value } else { ' ' }), $s)
        }
        ($shown -join "`n") | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($script:evilShown))
    }
}

Describe 'Get-Tls365Readiness -Endpoint and -AsOf (issue 16 item 1)' -Tag 'Public' {
    BeforeAll {
        # A Server 2019 image (the acceptance A03) with a Group Policy cipher-suite list of the two DHE GCM suites only:
        # Azure Front Door negotiated them until 2026-03-31 and stopped on 2026-04-01 [AFD-DHE].
        $script:dheDir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('tls365-ep-' + [System.Guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:dheDir | Out-Null
        $base = Get-Content -LiteralPath (Join-Path -Path $script:repoRoot -ChildPath 'tests/fixtures/acceptance/A03-server2019-hardened12-all8-net35.reg') -Raw
        $script:dhe = Join-Path -Path $script:dheDir -ChildPath 'dhe-only.reg'
        $section = "`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002]`r`n""Functions""=""TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256""`r`n"
        [System.IO.File]::WriteAllText($script:dhe, $base + $section, [System.Text.Encoding]::Unicode)
        $script:endpointOf = { param ($r, $id) @($r.Findings | Where-Object { $null -ne $_.Endpoint -and $_.Endpoint.Id -eq $id }) }
    }
    AfterAll { Remove-Item -LiteralPath $script:dheDir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'judges the day given: a warning with the date and days left before the cut-off, a failure after it' {
        $before = Get-Tls365Readiness -Path $script:dhe -AsOf ([System.DateTime]::new(2026, 2, 15)) -Endpoint 'AzureFrontDoor'
        $warn = & $script:endpointOf $before 'AzureFrontDoor'
        $warn | Should -HaveCount 1
        $warn[0].RuleId | Should -Be 'TLS365-ENDPOINT-002'
        $warn[0].Endpoint.BreaksOn | Should -Be '2026-04-01'
        $warn[0].Endpoint.PSObject.TypeNames[0] | Should -Be 'TLS365.EndpointRef'
        $warn[0].Message | Should -Match 'in 45 day'
        # (SChannelClient is NotReady either way: no suite of Microsoft 365's own list is in it, SCHANNEL-014.)
        @($before.Findings | Where-Object { $_.RuleId -eq 'TLS365-ENDPOINT-001' -and $_.Endpoint.Id -eq 'AzureFrontDoor' }) | Should -HaveCount 0

        $after = Get-Tls365Readiness -Path $script:dhe -AsOf ([System.DateTime]::new(2026, 4, 1)) -Endpoint 'azurefrontdoor'
        $fail = & $script:endpointOf $after 'AzureFrontDoor'
        $fail[0].RuleId | Should -Be 'TLS365-ENDPOINT-001'
        $fail[0].Severity | Should -Be 'Fail'
        # The fix is the shared cipher-suite list, and it is what Set-Tls365Protocols would write (Changes).
        $fail[0].Fix.Changes[0].Value | Should -Match '^TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,'
        @($after.Changes | Where-Object { $_.Name -eq 'Functions' }).After | Should -Be $fail[0].Fix.Changes[0].Value
    }

    It 'limits the profiles to -Endpoint, and judges every profile without it' {
        $only = Get-Tls365Readiness -Path $script:dhe -AsOf ([System.DateTime]::new(2026, 6, 1)) -Endpoint 'EntraID'
        @($only.Findings | Where-Object { $null -ne $_.Endpoint } | ForEach-Object { $_.Endpoint.Id } | Sort-Object -Unique) | Should -Be @('EntraID')
        $all = Get-Tls365Readiness -Path $script:dhe -AsOf ([System.DateTime]::new(2026, 6, 1))
        @($all.Findings | Where-Object { $null -ne $_.Endpoint } | ForEach-Object { $_.Endpoint.Id } | Sort-Object -Unique) | Should -Contain 'AzureFrontDoor'
    }

    It 'refuses an unknown endpoint, naming the ones it knows' {
        { Get-Tls365Readiness -Path $script:dhe -Endpoint 'Office365Cdn' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Microsoft365, AzureFrontDoor, EntraID*'
    }

    It 'the default sample machines reach every endpoint today' {
        foreach ($r in @(Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath '*.reg') -ErrorAction SilentlyContinue))
        {
            @($r.Findings | Where-Object { $null -ne $_.Endpoint }) | Should -HaveCount 0 -Because "$($r.ComputerName) has its OS default suites"
        }
    }
}
