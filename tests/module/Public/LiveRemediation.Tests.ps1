# Set-Tls365Protocols and Undo-Tls365Change on the live registry, with the module's one registry seam
# (Get-Tls365RegistryBase) pointed at a fake registry built from an image, and the collector's seam at the
# same image: everything above the seam runs as it does on Windows.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    . (Join-Path -Path (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath '..') -ChildPath 'fixtures') -ChildPath (Join-Path -Path 'fake-registry' -ChildPath 'FakeRegistry.ps1'))
    $script:acceptance = Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'tests') -ChildPath 'fixtures') -ChildPath 'acceptance'

    function script:Use-FakeMachine
    {
        param ([System.String] $Case, [System.Int32] $FailAfterWrites = -1)
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
        [TLS365FakeKey]::Save()
        $lm = [TLS365FakeKey]::new('HKEY_LOCAL_MACHINE')
        $cu = [TLS365FakeKey]::new('HKEY_CURRENT_USER')
        $provider = { param ($Hive) if ($Hive -eq 'CurrentUser') { $cu } else { $lm } }.GetNewClosure()
        & (Get-Module TLS365) { param ($p, $image) $script:RegistryBaseProvider = $p; $script:CollectorImage = $image } $provider $snapshotFile
        Get-Content -LiteralPath ([TLS365FakeKey]::File) -Raw
    }

    function script:Get-FakeValues
    {
        # Every value of the fake registry as sorted 'KEY|NAME=kind:value' lines (keys without values, such as
        # keys a write created, do not count: undo restores values).
        param ([System.Collections.Hashtable] $Store)
        $lines = foreach ($k in $Store.Keys)
        {
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
    & (Get-Module TLS365) { $script:RegistryBaseProvider = $null; $script:CollectorImage = $null }
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Set-Tls365Protocols and Undo-Tls365Change on the live registry (through the seam)' -Tag 'Public' {
    It 'writes every planned value, verified, with a backup first, and Undo restores the prior state exactly' {
        $original = Use-FakeMachine -Case 'A16'
        $backup = Join-Path -Path $TestDrive -ChildPath 'a16-live.json'
        $results = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup)
        $results.Count | Should -BeGreaterThan 0
        Test-Path -LiteralPath $backup | Should -BeTrue
        foreach ($r in $results)
        {
            $r.PSObject.TypeNames[0] | Should -Be 'TLS365.ChangeResult'
            $r.Status | Should -Be 'Written'
            Get-FakeDword -Key $r.Key -Name $r.Name | Should -Be ([System.UInt32] $r.After) -Because "$($r.Key)\$($r.Name)"
        }
        $wow = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319'
        Get-FakeDword -Key $wow -Name 'SchUseStrongCrypto' | Should -Be 1
        $undo = $results | Undo-Tls365Change -Confirm:$false
        $undo.Exact | Should -BeTrue
        Get-FakeValues -Store ([TLS365FakeKey]::Store) | Should -Be (Get-FakeValues -Store (ConvertTo-Tls365FakeHashtable -InputObject ($original | ConvertFrom-Json)))
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
        # The registry's own exception, caught by the write helper, also lands in -ErrorVariable (PowerShell
        # adds caught exceptions there); the command writes exactly one error of its own.
        $errs = @($allErrors | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'TLS365.*' })
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Remediation.WriteFailed*'
        $errs[0].Exception.Message | Should -Match 'injected write failure'
        Test-Path -LiteralPath $backup | Should -BeTrue
        $tls12 = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
        Get-FakeDword -Key $tls12 -Name 'Enabled' | Should -Be 0 -Because 'A09 has TLS 1.2 Client Enabled=0, and the rollback put it back'
        Get-FakeValues -Store ([TLS365FakeKey]::Store) | Should -Be (Get-FakeValues -Store (ConvertTo-Tls365FakeHashtable -InputObject ($original | ConvertFrom-Json)))
    }
}
