# Set-Tls365Protocols and Undo-Tls365Change on the live registry, with the module's one registry seam
# (Get-Tls365RegistryBase) replaced from outside by Pester's Mock with a fake registry built from an image, and the
# collector's seam (Invoke-Tls365Collector) by the collector pointed at the same image: everything above the seams
# runs as it does on Windows. The same paths run for real on Wine's registry in tests/windows/live.test.ts.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    . (Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'fake-registry' -ChildPath 'FakeRegistry.ps1'))
    $script:acceptance = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'tests') -ChildPath 'fixtures') -ChildPath 'acceptance'

    function script:Use-FakeMachine
    {
        param ([System.String] $Case, [System.Int32] $FailAfterWrites = -1, [System.Int32] $FailFromWrite = -1)
        $source = @(Get-ChildItem -LiteralPath $script:acceptance -Filter ($Case + '*'))[0].FullName
        $snapshotFile = Join-Path -Path $TestDrive -ChildPath ($Case + '-snapshot.json')
        $snapshot = Get-Tls365Readiness -Path $source -Snapshot
        $snapshot | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath $snapshotFile -Encoding Ascii
        $store = @{}
        foreach ($k in @($snapshot.registry))
        {
            $values = @{}
            foreach ($v in @($k.values))
            {
                $kind = 'String'
                $data = $v.value.data
                if ($v.value.type -eq 'REG_DWORD') { $kind = 'DWord'; $data = [System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([System.UInt32] $data), 0) }
                elseif ($v.value.type -ne 'REG_SZ') { $kind = 'Binary'; $data = @() }
                $values[[TLS365FakeKey]::Slot($v.name)] = @{ name = $v.name; kind = $kind; value = $data }
            }
            $store[$k.path.ToUpperInvariant()] = @{ path = $k.path; values = $values }
        }
        [TLS365FakeKey]::Store = $store
        [TLS365FakeKey]::File = Join-Path -Path $TestDrive -ChildPath ($Case + '-store.json')
        [TLS365FakeKey]::Writes = 0
        [TLS365FakeKey]::FailAfterWrites = $FailAfterWrites
        [TLS365FakeKey]::FailFromWrite = $FailFromWrite
        [TLS365FakeKey]::Save()
        # What the mocks below hand out (test-only globals: the module itself reads nothing of the kind).
        $global:Tls365TestRegistry = @{ LocalMachine = [TLS365FakeKey]::new('HKEY_LOCAL_MACHINE'); CurrentUser = [TLS365FakeKey]::new('HKEY_CURRENT_USER'); Image = $snapshotFile }
        Get-Content -LiteralPath ([TLS365FakeKey]::File) -Raw
    }

    function script:Get-FakeValues
    {
        # Every key and value of the fake registry as sorted 'KEY' and 'KEY|NAME=kind:value' lines: undo must
        # restore the values and delete the keys a write created. The restart marker is left out: a volatile key
        # that Set and Undo write on purpose and Windows drops at the next boot (checked on its own below).
        param ([System.Collections.Hashtable] $Store)
        $lines = foreach ($k in $Store.Keys)
        {
            if ($k -eq 'HKEY_LOCAL_MACHINE\SOFTWARE\TLS365RESTARTPENDING') { continue }
            $k
            $values = $Store[$k].values
            foreach ($slot in $values.Keys) { '{0}|{1}={2}:{3}' -f $k, $slot, $values[$slot].kind, (@($values[$slot].value) -join ',') }
        }
        @($lines | Sort-Object)
    }

    function script:Get-FakeDword
    {
        param ([System.String] $Key, [System.String] $Name)
        $entry = [TLS365FakeKey]::Store[$Key.ToUpperInvariant()]
        if ($null -eq $entry) { return $null }
        $v = $entry.values[[TLS365FakeKey]::Slot($Name)]
        if ($null -eq $v) { return $null }
        [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32] $v.value), 0)
    }
}

AfterAll {
    Remove-Variable -Name 'Tls365TestRegistry' -Scope Global -ErrorAction Ignore
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Set-Tls365Protocols and Undo-Tls365Change on the live registry (through the seam)' -Tag 'Public' {
    BeforeAll {
        $script:collector = Join-Path -Path $script:repoRoot -ChildPath (Join-Path -Path 'module' -ChildPath (Join-Path -Path 'Collector' -ChildPath 'Get-Tls365Snapshot.ps1'))
        $global:Tls365TestCollector = $script:collector
        Mock -ModuleName TLS365 -CommandName Get-Tls365RegistryBase -MockWith { $global:Tls365TestRegistry[$Hive] }
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365Collector -MockWith { & $global:Tls365TestCollector -RegistryImage $global:Tls365TestRegistry.Image }
    }
    AfterAll {
        Remove-Variable -Name 'Tls365TestCollector' -Scope Global -ErrorAction Ignore
    }

    It 'writes every planned value, verified, with a backup first, and Undo restores the prior state exactly' {
        $original = Use-FakeMachine -Case 'A16'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a16-live.json'
        $results = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup)
        $results.Count | Should -BeGreaterThan 0
        Test-Path -LiteralPath $backup | Should -BeTrue
        foreach ($r in $results)
        {
            $r.PSObject.TypeNames[0] | Should -Be 'TLS365.ChangeResult'
            $r.Status | Should -Be 'Applied' -Because 'one vocabulary for images and the live registry (issue 12)'
            $r.BackupHash | Should -Match '^[0-9a-f]{64}$'
            Get-FakeDword -Key $r.Key -Name $r.Name | Should -Be ([System.UInt32] $r.After) -Because "$($r.Key)\$($r.Name)"
        }
        $wow = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319'
        Get-FakeDword -Key $wow -Name 'SchUseStrongCrypto' | Should -Be 1
        # Changes written since the last boot: the volatile restart marker names the backup (TLS365-OS-005 reads it, issue 16 item 2).
        $marker = [TLS365FakeKey]::Store['HKEY_LOCAL_MACHINE\SOFTWARE\TLS365RESTARTPENDING']
        $marker = [TLS365FakeKey]::Store['HKEY_LOCAL_MACHINE\SOFTWARE\TLS365RESTARTPENDING']
        $marker | Should -Not -BeNullOrEmpty -Because (@([TLS365FakeKey]::Store.Keys | Where-Object { $_ -like '*TLS365*' }) -join ';')
        @($marker.values.Values | Where-Object { $_.name -eq 'BackupPath' })[0].value | Should -Be $backup
        $undo = $results | Undo-Tls365Change -Confirm:$false
        $undo.Exact | Should -BeTrue
        Get-FakeValues -Store ([TLS365FakeKey]::Store) | Should -Be (Get-FakeValues -Store (ConvertTo-Tls365FakeHashtable -InputObject ($original | ConvertFrom-Json)))
    }

    It 'checks elevation before the backup and the first write: not elevated, nothing written, one NotElevated error (issue 12)' {
        $original = Use-FakeMachine -Case 'A09'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a09-notelevated.json'
        Mock -ModuleName TLS365 -CommandName Test-Tls365Elevated -MockWith { $false }
        $out = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $out | Should -HaveCount 0
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.NotElevated,Set-Tls365Protocols'
        $errs[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $errs[0].Exception.Message | Should -Match "Run as administrator"
        [TLS365FakeKey]::Writes | Should -Be 0
        Test-Path -LiteralPath $backup | Should -BeFalse
        Set-Content -LiteralPath $backup -Value '{"schema":"tls365.live-backup/2","entries":[],"createdKeys":[]}'
        $null = Undo-Tls365Change -BackupPath $backup -Confirm:$false -ErrorVariable undoErrs -ErrorAction SilentlyContinue
        $undoErrs | Should -HaveCount 1
        $undoErrs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.NotElevated,Undo-Tls365Change'
    }

    It 'Undo checks a live backup before it writes: made on this machine (or -Force), only what TLS365 changes, SSL 2.0/3.0 only with -AllowLegacy (issue 12)' {
        $null = Use-FakeMachine -Case 'A16'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a16-trust.json'
        $results = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup)
        $results.Count | Should -BeGreaterThan 0
        $good = [System.IO.File]::ReadAllText($backup)
        $manifest = $good | ConvertFrom-Json
        $write = { param ($m) [System.IO.File]::WriteAllText($backup, ($m | ConvertTo-Json -Depth 6)) }
        $undoErrors = {
            $before = [TLS365FakeKey]::Writes
            $null = Undo-Tls365Change -BackupPath $backup -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            [TLS365FakeKey]::Writes | Should -Be $before -Because 'nothing is written when the backup is refused'
            @($e)
        }
        # Another machine's backup.
        $m = $good | ConvertFrom-Json
        $m.schema | Should -Be 'tls365.change/1' -Because 'one backup format for images and the live registry (issue 12)'
        $m.target.kind | Should -Be 'live'
        $m.target.computerName = 'OTHER-SERVER'
        & $write $m
        $e = & $undoErrors
        $e[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.BackupMismatch,Undo-Tls365Change'
        $e[0].Exception.Message | Should -Match 'was made on OTHER-SERVER'
        # A planted value outside TLS365's scope (a Run key): refused whatever the switches.
        $m = $good | ConvertFrom-Json
        $m.entries = @($m.entries) + @([PSCustomObject]@{ key = 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Run'; name = 'evil'; before = @{ type = 'REG_SZ'; data = 'C:\evil.exe' }; after = $null; index = $null; deletedIndex = $null })
        & $write $m
        $null = Undo-Tls365Change -BackupPath $backup -Confirm:$false -Force -AllowLegacy -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.BackupUntrusted,Undo-Tls365Change'
        $e2[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $e2[0].Exception.Message | Should -Match 'CurrentVersion\\Run\\evil: outside what TLS365 changes'
        # An entry that turns SSL 3.0 on: refused without -AllowLegacy, restored with a RISK warning with it.
        $m = $good | ConvertFrom-Json
        $ssl3 = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'
        @($m.entries | Where-Object { $_.key -eq $ssl3 -and $_.name -eq 'Enabled' }) | Should -HaveCount 0 -Because 'the planted entry is the only one for that value'
        # What is there now is what the planted entry says Set wrote, so only the SSL rule stands in the way.
        $now = Get-FakeDword -Key $ssl3 -Name 'Enabled'
        $after = $null
        if ($null -ne $now) { $after = @{ type = 'REG_DWORD'; data = [System.UInt32]$now } }
        $m.entries = @($m.entries) + @([PSCustomObject]@{ key = $ssl3; name = 'Enabled'; before = @{ type = 'REG_DWORD'; data = 1 }; after = $after; index = $null; deletedIndex = $null })
        & $write $m
        $e3 = & $undoErrors
        $e3[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.RestoresLegacySsl,Undo-Tls365Change'
        $undone = Undo-Tls365Change -BackupPath $backup -Confirm:$false -AllowLegacy -WarningVariable risks -WarningAction SilentlyContinue
        ($risks -join ' ') | Should -Match 'RISK: .*SSL 3\.0\\Client\\Enabled: it would set Enabled = 1'
        $undone.Restored | Should -BeGreaterThan 0
        Get-FakeDword -Key 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client' -Name 'Enabled' | Should -Be 1
    }

    It '-WhatIf writes nothing and no backup' {
        $original = Use-FakeMachine -Case 'A09'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a09-whatif.json'
        $null = Set-Tls365Protocols -WhatIf -BackupPath $backup
        Test-Path -LiteralPath $backup | Should -BeFalse
        [TLS365FakeKey]::Writes | Should -Be 0
    }

    It 'restores every value already written when a later write fails, and names the value' {
        $original = Use-FakeMachine -Case 'A09' -FailAfterWrites 3
        $backup = Join-Path -Path $TestDrive -ChildPath 'a09-fail.json'
        $null = Set-Tls365Protocols -Confirm:$false -BackupPath $backup -ErrorVariable allErrors -ErrorAction SilentlyContinue
        # Exactly one error reaches the caller: the registry's own exception is caught inside the write helper's
        # guarded block, so it does not leak into -ErrorVariable as a second one.
        @($allErrors) | Should -HaveCount 1
        $errs = @($allErrors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'TLS365.*' })
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Remediation.WriteFailed*'
        $errs[0].Exception.Message | Should -Match 'injected write failure'
        $errs[0].Exception.Message | Should -Match 'Rolled back and read back: \d+ value\(s\) restored'
        $errs[0].Exception.Message | Should -Not -Match 'did NOT restore'
        Test-Path -LiteralPath $backup | Should -BeTrue
        $tls12 = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
        Get-FakeDword -Key $tls12 -Name 'Enabled' | Should -Be 0 -Because 'A09 has TLS 1.2 Client Enabled=0, and the rollback put it back'
        Get-FakeValues -Store ([TLS365FakeKey]::Store) | Should -Be (Get-FakeValues -Store (ConvertTo-Tls365FakeHashtable -InputObject ($original | ConvertFrom-Json)))
    }

    It 'says exactly what the rollback could not restore when the registry stops taking writes' {
        $original = Use-FakeMachine -Case 'A09' -FailFromWrite 3
        $backup = Join-Path -Path $TestDrive -ChildPath 'a09-stuck.json'
        $null = Set-Tls365Protocols -Confirm:$false -BackupPath $backup -ErrorVariable allErrors -ErrorAction SilentlyContinue
        $errs = @($allErrors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'TLS365.*' })
        $errs | Should -HaveCount 1
        $message = $errs[0].Exception.Message
        $message | Should -Match 'the rollback did NOT restore everything'
        $message | Should -Not -Match 'Rolled back and read back'
        # The values that were written and could not be put back are named, with what they are now.
        $message | Should -Match 'SCHANNEL\\Protocols\\TLS 1\.2\\Client\\Enabled'
        $message | Should -Match ([System.Text.RegularExpressions.Regex]::Escape($backup))
    }

    It 'Undo deletes the keys Set created and reports Exact only when the registry reads back as recorded' {
        $original = Use-FakeMachine -Case 'A09'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a09-keys.json'
        $results = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup)
        $manifest = Get-Content -LiteralPath $backup -Raw | ConvertFrom-Json
        $manifest.schema | Should -Be 'tls365.change/1'
        @($manifest.createdKeys).Count | Should -BeGreaterThan 0 -Because 'A09 has no SSL 3.0 keys, and Set writes SSL 3.0 Client/Server off'
        # Someone adds a value of their own under a key Set created: Undo keeps it, says so, and is not Exact.
        $hive, $below = ([System.String]@($manifest.createdKeys)[0]).Split([System.Char[]]@([System.Char]92), 2)
        $created = @{ key = $below }
        $key = [TLS365FakeKey]::new($hive)
        $null = $key.CreateSubKey($created.key).SetValue('AdminNote', 'mine', 'String')
        $undo = Undo-Tls365Change -BackupPath $backup -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue
        $undo.Exact | Should -BeFalse
        $mine = @($undoErrors | Where-Object { $_.FullyQualifiedErrorId -like 'TLS365.Remediation.RestoreFailed*' })
        $mine.Count | Should -BeGreaterThan 0
        ($mine | ForEach-Object { $_.Exception.Message }) -join ' ' | Should -Match 'left in place'
        # Remove the admin's value: a second Undo now deletes the key and is Exact.
        $null = $key.OpenSubKey($created.key, $true).DeleteValue('AdminNote', $false)
        (Undo-Tls365Change -BackupPath $backup -Confirm:$false).Exact | Should -BeTrue
        Get-FakeValues -Store ([TLS365FakeKey]::Store) | Should -Be (Get-FakeValues -Store (ConvertTo-Tls365FakeHashtable -InputObject ($original | ConvertFrom-Json)))
    }
}

Describe 'The default backup folder: only Administrators and SYSTEM can write there (issue 12)' -Tag 'Public' {
    BeforeAll {
        $global:Tls365TestCollector = Join-Path -Path $script:repoRoot -ChildPath (Join-Path -Path 'module' -ChildPath (Join-Path -Path 'Collector' -ChildPath 'Get-Tls365Snapshot.ps1'))
        Mock -ModuleName TLS365 -CommandName Get-Tls365RegistryBase -MockWith { $global:Tls365TestRegistry[$Hive] }
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365Collector -MockWith { & $global:Tls365TestCollector -RegistryImage $global:Tls365TestRegistry.Image }
        $script:user = 'S-1-5-21-1004336348-1177238915-682003330-1001'
        $script:locked = @{ Owner = 'S-1-5-32-544'; Protected = $true; Rules = @(@{ Sid = 'S-1-5-18'; Rights = 0x1F01FF; Allow = $true; InheritOnly = $false }, @{ Sid = 'S-1-5-32-544'; Rights = 0x1F01FF; Allow = $true; InheritOnly = $false }) }
    }

    It 'judges a folder by its owner and who may write: a folder a standard user created first, or one Users can write into, is unsafe; read-only users, deny entries and inherit-only CREATOR OWNER are not' {
        InModuleScope -ModuleName 'TLS365' -Parameters @{ user = $script:user; locked = $script:locked } -ScriptBlock {
            param ($user, $locked)
            @(Test-Tls365FolderSecurity -Security $locked) | Should -HaveCount 0
            $readers = @{ Owner = 'S-1-5-18'; Rules = @($locked.Rules) + @(@{ Sid = 'S-1-5-32-545'; Rights = 0x1200A9; Allow = $true; InheritOnly = $false }, @{ Sid = $user; Rights = 0x1F01FF; Allow = $false; InheritOnly = $false }, @{ Sid = 'S-1-3-0'; Rights = 0x10000000; Allow = $true; InheritOnly = $true }) }
            @(Test-Tls365FolderSecurity -Security $readers) | Should -HaveCount 0
            $planted = @{ Owner = $user; Rules = @(@{ Sid = $user; Rights = 0x1F01FF; Allow = $true; InheritOnly = $false }) }
            $why = @(Test-Tls365FolderSecurity -Security $planted)
            $why | Should -HaveCount 2
            $why[0] | Should -Match ('^{0} owns it' -f [System.Text.RegularExpressions.Regex]::Escape($user))
            # The same folder is safe for the administrator who made it earlier (Self: the account running TLS365 now).
            @(Test-Tls365FolderSecurity -Security @{ Owner = $user; Self = $user; Rules = $planted.Rules }) | Should -HaveCount 0
            # Users (S-1-5-32-545) with "create files / write data" only (0x2): enough to plant a backup.
            @(Test-Tls365FolderSecurity -Security @{ Owner = 'S-1-5-32-544'; Rules = @(@{ Sid = 'S-1-5-32-545'; Rights = 0x2; Allow = $true; InheritOnly = $false }) }) | Should -Match 'S-1-5-32-545 may write there \(rights 0x2\)'
            # CREATOR OWNER on the folder itself (not inherit-only) is a writer like any other.
            @(Test-Tls365FolderSecurity -Security @{ Owner = 'S-1-5-18'; Rules = @(@{ Sid = 'S-1-3-0'; Rights = 0x10000000; Allow = $true; InheritOnly = $false }) }) | Should -HaveCount 1
        }
    }

    It 'creates a missing folder locked down, then uses it; refuses a folder others can write, writing nothing (mocked security seam: Wine keeps no NTFS security)' {
        $programData = Join-Path -Path $TestDrive -ChildPath 'ProgramData'
        $null = New-Item -ItemType Directory -Path $programData
        $folder = Join-Path -Path $programData -ChildPath 'TLS365'
        $saved = $env:ProgramData
        try
        {
            $env:ProgramData = $programData
            $null = Use-FakeMachine -Case 'A09'
            $global:Tls365TestFolder = $null
            Mock -ModuleName 'TLS365' -CommandName 'Get-Tls365FolderSecurity' -MockWith { $global:Tls365TestFolder }
            $global:Tls365TestLocked = $script:locked
            Mock -ModuleName 'TLS365' -CommandName 'New-Tls365SecureFolder' -MockWith { $null = New-Item -ItemType Directory -Path $Path; $global:Tls365TestFolder = $global:Tls365TestLocked }
            $out = @(Set-Tls365Protocols -Confirm:$false -WarningAction SilentlyContinue -ErrorVariable setErrs)
            @($setErrs | ForEach-Object { $_.Exception.Message }) | Should -BeNullOrEmpty
            $out.Count | Should -BeGreaterThan 0
            Should -Invoke -ModuleName 'TLS365' -CommandName 'New-Tls365SecureFolder' -Times 1 -Exactly -ParameterFilter { $Path -eq $folder }
            $out[0].BackupPath | Should -BeLike (Join-Path -Path $folder -ChildPath 'live-backup-*.json')
            $null = $out | Undo-Tls365Change -Confirm:$false

            # Someone else's folder: planted by a standard user before any admin ran TLS365.
            $null = Use-FakeMachine -Case 'A09'
            $global:Tls365TestFolder = @{ Owner = $script:user; Rules = @(@{ Sid = $script:user; Rights = 0x1F01FF; Allow = $true; InheritOnly = $false }) }
            $files = @(Get-ChildItem -LiteralPath $folder).Count
            $refused = @(Set-Tls365Protocols -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $refused | Should -HaveCount 0
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.BackupFolderUnsafe,Set-Tls365Protocols'
            $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $errs[0].Exception.Message | Should -Match ('{0} owns it' -f [System.Text.RegularExpressions.Regex]::Escape($script:user))
            [TLS365FakeKey]::Writes | Should -Be 0
            @(Get-ChildItem -LiteralPath $folder).Count | Should -Be $files
        }
        finally
        {
            $env:ProgramData = $saved
            Remove-Variable -Name 'Tls365TestFolder', 'Tls365TestCollector', 'Tls365TestLocked' -Scope Global -ErrorAction Ignore
        }
    }
}
