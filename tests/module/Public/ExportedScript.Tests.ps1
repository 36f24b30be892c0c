# The exported standalone script and SCCM scripts, RUN (not just read): each runs in its own pwsh process
# against a fake registry built from a registry image (tests/module/fixtures/fake-registry: only the
# script's one registry seam, Get-Tls365BaseKey, is replaced). Its effect must equal Set-Tls365Protocols'.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:runner = Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'fake-registry' -ChildPath 'Invoke-WithFakeRegistry.ps1')
    # pwsh runs under the dotnet host here, so the process path is dotnet: take the pwsh on PATH (the wrapper).
    $script:pwsh = (Get-Command -Name pwsh -CommandType Application | Select-Object -First 1).Source
    . (Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'fake-registry' -ChildPath 'FakeRegistry.ps1'))
    $script:acceptance = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'tests') -ChildPath 'fixtures') -ChildPath 'acceptance'

    function script:ConvertTo-FakeStore
    {
        param ([System.String] $Image, [System.String] $StoreFile)
        $snapshot = Get-Tls365Readiness -Path $Image -Snapshot
        $store = @{}
        foreach ($k in @($snapshot.registry))
        {
            $values = @{}
            foreach ($v in @($k.values))
            {
                $kind = switch ($v.value.type)
                {
                    'REG_DWORD' { 'DWord' } 'REG_SZ' { 'String' } 'REG_EXPAND_SZ' { 'ExpandString' } 'REG_MULTI_SZ' { 'MultiString' } 'REG_QWORD' { 'QWord' } default { 'Binary' }
                }
                $data = $v.value.data
                if ($kind -eq 'DWord') { $data = [System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([System.UInt32] $data), 0) }
                if ($kind -eq 'Binary') { $data = @() }
                $values[[TLS365FakeKey]::Slot($v.name)] = @{ name = $v.name; kind = $kind; value = $data }
            }
            $store[$k.path.ToUpperInvariant()] = @{ path = $k.path; values = $values }
        }
        $store | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $StoreFile -Encoding utf8
    }

    function script:Read-FakeValue
    {
        param ([System.String] $StoreFile, [System.String] $Key, [System.String] $Name)
        $store = ConvertTo-Tls365FakeHashtable -InputObject (Get-Content -LiteralPath $StoreFile -Raw | ConvertFrom-Json)
        $entry = $store[$Key.ToUpperInvariant()]
        if ($null -eq $entry) { return $null }
        $v = $entry.values[[TLS365FakeKey]::Slot($Name)]
        if ($null -eq $v) { return $null }
        if ($v.kind -eq 'DWord') { return [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32] $v.value), 0) }
        return $v.value
    }

    function script:Invoke-Exported
    {
        param ([System.String] $Script, [System.String] $StoreFile, [System.Int32] $FailAfterWrites = -1, [System.String] $BackupPath, [switch] $WhatIfRun)
        $argList = @('-NoProfile', '-NonInteractive', '-File', $script:runner, '-Script', $Script, '-StoreFile', $StoreFile, '-FailAfterWrites', $FailAfterWrites)
        if ($BackupPath) { $argList += @('-BackupPath', $BackupPath) }
        if ($WhatIfRun) { $argList += '-WhatIfRun' }
        $output = & $script:pwsh @argList 2>&1
        [PSCustomObject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Exported remediation scripts, run against a fake registry' -Tag 'Public' {
    It 'the standalone script has the same effect as Set-Tls365Protocols on <Case>, and discovery then says Compliant' -ForEach @(
        @{ Case = 'A09-2012r2-tls12-client-disabled.reg' }
        @{ Case = 'A16-win10-wow-v4-values-absent.reg' }
        @{ Case = 'A12-win10-dsp-0a0-both-views.reg' }
    ) {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter ($Case.Substring(0, 4) + '*'))[0].FullName
        $image = Join-Path -Path $TestDrive -ChildPath ('img-' + $Case)
        Copy-Item -LiteralPath $source -Destination $image
        $store = Join-Path -Path $TestDrive -ChildPath ('store-' + $Case + '.json')
        ConvertTo-FakeStore -Image $image -StoreFile $store
        $apply = Join-Path -Path $TestDrive -ChildPath ('apply-' + $Case + '.ps1')
        $discovery = Join-Path -Path $TestDrive -ChildPath ('discovery-' + $Case + '.ps1')
        Export-Tls365Remediation -Path $image -Format Script -OutFile $apply
        Export-Tls365Remediation -Path $image -Format SccmDiscovery -OutFile $discovery

        (Invoke-Exported -Script $discovery -StoreFile $store).Output | Should -Not -Match '^\s*Compliant\s*$'
        $run = Invoke-Exported -Script $apply -StoreFile $store -BackupPath (Join-Path -Path $TestDrive -ChildPath ('backup-' + $Case))
        $run.ExitCode | Should -Be 0 -Because $run.Output

        $results = @(Set-Tls365Protocols -Path $image -Confirm:$false -BackupPath (Join-Path -Path $TestDrive -ChildPath ('cmdlet-backup-' + $Case)))
        $results.Count | Should -BeGreaterThan 0
        foreach ($r in $results)
        {
            $want = $r.After
            if ($null -ne $want -and $want -is [System.ValueType]) { $want = [System.UInt32] $want }
            Read-FakeValue -StoreFile $store -Key $r.Key -Name $r.Name | Should -Be $want -Because "$($r.Key)\$($r.Name)"
        }
        (Invoke-Exported -Script $discovery -StoreFile $store).Output.Trim() | Should -Be 'Compliant'
        $again = Invoke-Exported -Script $apply -StoreFile $store
        $again.ExitCode | Should -Be 0
        $again.Output | Should -Match 'nothing to change'
    }

    It '-WhatIf changes nothing in the fake registry' {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A09*')[0].FullName
        $store = Join-Path -Path $TestDrive -ChildPath 'whatif.json'
        ConvertTo-FakeStore -Image $source -StoreFile $store
        $before = Get-Content -LiteralPath $store -Raw
        $apply = Join-Path -Path $TestDrive -ChildPath 'whatif.ps1'
        Export-Tls365Remediation -Path $source -Format Script -OutFile $apply
        $run = Invoke-Exported -Script $apply -StoreFile $store -WhatIfRun -BackupPath (Join-Path -Path $TestDrive -ChildPath 'whatif-backup.reg')
        $run.ExitCode | Should -Be 0
        Get-Content -LiteralPath $store -Raw | Should -Be $before
        Test-Path -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'whatif-backup.reg') | Should -BeFalse
    }

    It 'stops with a non-zero exit code, naming the value and the backup, when a write fails after the backup is written' {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A16*')[0].FullName
        $store = Join-Path -Path $TestDrive -ChildPath 'fail.json'
        ConvertTo-FakeStore -Image $source -StoreFile $store
        $apply = Join-Path -Path $TestDrive -ChildPath 'fail.ps1'
        Export-Tls365Remediation -Path $source -Format Script -OutFile $apply
        $backup = Join-Path -Path $TestDrive -ChildPath 'fail-backup.reg'
        $run = Invoke-Exported -Script $apply -StoreFile $store -FailAfterWrites 1 -BackupPath $backup
        $run.ExitCode | Should -Be 1
        $run.Output | Should -Match 'failed'
        $run.Output | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($backup))
        Test-Path -LiteralPath $backup | Should -BeTrue
        (Get-Content -LiteralPath $backup -Encoding Unicode -TotalCount 1) | Should -Be 'Windows Registry Editor Version 5.00'
    }

    It 'Intune: detection exits 1 with one line cut to 2,048 characters when many values differ, the remediation fixes it, detection then exits 0 (issue 15)' {
        # A01 (Windows 10, nothing set) with TLS 1.3 and legacy off: dozens of values, far more than 2,048 characters of differences.
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A01*')[0].FullName
        $store = Join-Path -Path $TestDrive -ChildPath 'intune.json'
        ConvertTo-FakeStore -Image $source -StoreFile $store
        $detection = Join-Path -Path $TestDrive -ChildPath 'intune-detection.ps1'
        $remediation = Join-Path -Path $TestDrive -ChildPath 'intune-remediation.ps1'
        Export-Tls365Remediation -Path $source -Format IntuneDetection -Protocol Tls12, Tls13 -DisableLegacy -OutFile $detection -WarningAction SilentlyContinue
        Export-Tls365Remediation -Path $source -Format IntuneRemediation -Protocol Tls12, Tls13 -DisableLegacy -OutFile $remediation -WarningAction SilentlyContinue
        $first = Invoke-Exported -Script $detection -StoreFile $store
        $first.ExitCode | Should -Be 1
        $line = $first.Output.Trim()
        $line | Should -Match '^\d+ value\(s\) not as planned: '
        $line | Should -Match ' \.\.\. \(\d+ characters in all\)$'
        $line.Length | Should -Be 2048
        $fixed = Invoke-Exported -Script $remediation -StoreFile $store
        $fixed.ExitCode | Should -Be 0 -Because $fixed.Output
        $fixed.Output.Trim().Length | Should -BeLessOrEqual 2048
        $second = Invoke-Exported -Script $detection -StoreFile $store
        $second.ExitCode | Should -Be 0
        $second.Output.Trim() | Should -BeExactly 'Compliant'
    }

    It 'writes nothing and exits 2 on a machine whose build cannot be read, or is not the plan''s; discovery says Not for this machine (issue 15)' {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A09*')[0].FullName
        $apply = Join-Path -Path $TestDrive -ChildPath 'guard.ps1'
        $discovery = Join-Path -Path $TestDrive -ChildPath 'guard-discovery.ps1'
        Export-Tls365Remediation -Path $source -Format Script -OutFile $apply
        Export-Tls365Remediation -Path $source -Format SccmDiscovery -OutFile $discovery
        # The machine the plan was made for, without its CurrentVersion key: the build cannot be read.
        $unreadable = Join-Path -Path $TestDrive -ChildPath 'guard-unreadable.json'
        ConvertTo-FakeStore -Image $source -StoreFile $unreadable
        $json = Get-Content -LiteralPath $unreadable -Raw | ConvertFrom-Json
        $json.PSObject.Properties.Remove('HKEY_LOCAL_MACHINE\SOFTWARE\MICROSOFT\WINDOWS NT\CURRENTVERSION')
        $json | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $unreadable -Encoding utf8
        # Another machine: Windows 10 22H2 (A12) for a Server 2012 R2 plan.
        $other = Join-Path -Path $TestDrive -ChildPath 'guard-other.json'
        ConvertTo-FakeStore -Image (@(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A12*')[0].FullName) -StoreFile $other
        foreach ($case in @(@{ Store = $unreadable; Says = 'its build cannot be read \(CurrentBuildNumber\)' }, @{ Store = $other; Says = 'the plan holds the values of a build 9600 machine, and this one is build 19045, 64-bit' }))
        {
            $before = Get-Content -LiteralPath $case.Store -Raw
            $backup = Join-Path -Path $TestDrive -ChildPath ('guard-backup-{0}.reg' -f [System.Guid]::NewGuid().ToString('N'))
            $run = Invoke-Exported -Script $apply -StoreFile $case.Store -BackupPath $backup
            $run.ExitCode | Should -Be 2 -Because $run.Output
            # pwsh's error view wraps the message over lines that start with '|'.
            $said = $run.Output -replace '\r?\n\s*\|\s*', ' '
            $said | Should -Match ('this plan is not for this machine: ' + $case.Says)
            $said | Should -Match 'Nothing was changed'
            Test-Path -LiteralPath $backup | Should -BeFalse
            (Invoke-Exported -Script $discovery -StoreFile $case.Store).Output.Trim() | Should -Match ('^Not for this machine: ' + $case.Says + '$')
            Get-Content -LiteralPath $case.Store -Raw | Should -BeExactly $before
        }
    }
}

Describe 'Desired-state scripts (Export-Tls365Remediation without -Path), run against a fake registry (issue 15)' -Tag 'Public' {
    BeforeAll {
        $script:desiredApply = Join-Path -Path $TestDrive -ChildPath 'desired-apply.ps1'
        $script:desiredDiscovery = Join-Path -Path $TestDrive -ChildPath 'desired-discovery.ps1'
        $null = Export-Tls365Remediation -Format Script -OutFile $script:desiredApply
        $null = Export-Tls365Remediation -Format SccmDiscovery -OutFile $script:desiredDiscovery
    }

    # Set-Tls365Protocols also judges the endpoint profiles on today (cipher suites a dated change needs), which a desired
    # state does not: the cipher-list images (A23, A24) are held to the core's reference and to live readiness instead
    # (tests/e2e/desired-differential.test.ts, tests/windows/desired.test.ts).
    It 'the one script has the effect Set-Tls365Protocols has on <Case>; discovery then says Compliant; a second run changes nothing' -ForEach @(
        @{ Case = 'A09' }, @{ Case = 'A12' }, @{ Case = 'A29' }, @{ Case = 'A33' }
    ) {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter ($Case + '*'))[0].FullName
        $image = Join-Path -Path $TestDrive -ChildPath ('desired-' + $Case + '.reg')
        Copy-Item -LiteralPath $source -Destination $image
        $store = Join-Path -Path $TestDrive -ChildPath ('desired-' + $Case + '.json')
        ConvertTo-FakeStore -Image $image -StoreFile $store
        (Invoke-Exported -Script $script:desiredDiscovery -StoreFile $store).Output.Trim() | Should -Not -Be 'Compliant'
        $run = Invoke-Exported -Script $script:desiredApply -StoreFile $store -BackupPath (Join-Path -Path $TestDrive -ChildPath ('desired-backup-' + $Case + '.reg'))
        $run.ExitCode | Should -Be 0 -Because $run.Output
        # The volatile restart marker Set-Tls365Protocols writes too (TLS365-OS-005 until the restart).
        Read-FakeValue -StoreFile $store -Key 'HKEY_LOCAL_MACHINE\SOFTWARE\TLS365RestartPending' -Name 'Command' | Should -Be 'TLS365 exported script'
        $results = @(Set-Tls365Protocols -Path $image -Confirm:$false -WarningAction SilentlyContinue -BackupPath (Join-Path -Path $TestDrive -ChildPath ('desired-cmdlet-backup-' + $Case)))
        $results.Count | Should -BeGreaterThan 0
        foreach ($r in $results)
        {
            $want = $r.After
            if ($null -ne $want -and $want -is [System.ValueType]) { $want = [System.UInt32] $want }
            Read-FakeValue -StoreFile $store -Key $r.Key -Name $r.Name | Should -Be $want -Because "$($r.Key)\$($r.Name)"
        }
        (Invoke-Exported -Script $script:desiredDiscovery -StoreFile $store).Output.Trim() | Should -Be 'Compliant'
        $before = Get-Content -LiteralPath $store -Raw
        $again = Invoke-Exported -Script $script:desiredApply -StoreFile $store
        $again.ExitCode | Should -Be 0
        $again.Output | Should -Match 'nothing to change; .+ is in the desired state\.'
        Get-Content -LiteralPath $store -Raw | Should -Be $before
    }

    It '-WhatIf writes nothing and no backup; a failed write stops it with exit 1, naming the value and the backup' {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A16*')[0].FullName
        $store = Join-Path -Path $TestDrive -ChildPath 'desired-whatif.json'
        ConvertTo-FakeStore -Image $source -StoreFile $store
        $before = Get-Content -LiteralPath $store -Raw
        $whatIfBackup = Join-Path -Path $TestDrive -ChildPath 'desired-whatif-backup.reg'
        $run = Invoke-Exported -Script $script:desiredApply -StoreFile $store -WhatIfRun -BackupPath $whatIfBackup
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'What if: '
        Get-Content -LiteralPath $store -Raw | Should -Be $before
        Test-Path -LiteralPath $whatIfBackup | Should -BeFalse
        $backup = Join-Path -Path $TestDrive -ChildPath 'desired-fail-backup.reg'
        $failed = Invoke-Exported -Script $script:desiredApply -StoreFile $store -FailAfterWrites 1 -BackupPath $backup
        $failed.ExitCode | Should -Be 1
        $failed.Output | Should -Match 'failed'
        $failed.Output | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($backup))
        Test-Path -LiteralPath $backup | Should -BeTrue
    }

    It 'on Windows 7 SP1 without KB3140245 writes Schannel and .NET but not WinHTTP''s value, says so and exits 3; discovery names the update' {
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter 'A04*')[0].FullName
        $store = Join-Path -Path $TestDrive -ChildPath 'desired-held.json'
        ConvertTo-FakeStore -Image $source -StoreFile $store
        $run = Invoke-Exported -Script $script:desiredApply -StoreFile $store -BackupPath (Join-Path -Path $TestDrive -ChildPath 'desired-held-backup.reg')
        $run.ExitCode | Should -Be 3 -Because $run.Output
        $run.Output | Should -Match 'KB3140245 must be installed first: 2 value\(s\) wait for it and were not written'
        Read-FakeValue -StoreFile $store -Key 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp' -Name 'DefaultSecureProtocols' | Should -BeNullOrEmpty
        Read-FakeValue -StoreFile $store -Key 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client' -Name 'DisabledByDefault' | Should -Be 0
        (Invoke-Exported -Script $script:desiredDiscovery -StoreFile $store).Output.Trim() | Should -Match '^KB3140245 not installed: .+WinHttp\\DefaultSecureProtocols waits for it'
    }
}
