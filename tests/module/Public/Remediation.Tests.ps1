# Set-Tls365Protocols, Undo-Tls365Change and Export-Tls365Remediation on registry images (copies in TestDrive).
# Planning itself is tested in mocha (tests/core/plan); the bridge's file handling in tests/bridge/plan-methods.test.ts.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:acceptance = @(Get-ChildItem -Path (Join-Path -Path (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'tests') -ChildPath 'fixtures') -ChildPath 'acceptance') -Filter '*.reg' | Sort-Object -Property Name)
    $script:examples = @(Get-ChildItem -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -Filter '*.reg' | Where-Object { $_.Name -notlike '*broken*' } | Sort-Object -Property Name)
    # Components still NotReady after the default plan: each needs an update no registry value replaces (as in tests/core/plan/acceptance.test.ts).
    $script:notReadyAfter = @{
        'A04' = @('WinHttp', 'WinHttp32')
        'A08' = @('WinHttp', 'WinHttp32')
        'A27' = @('WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32')
        'A28' = @('WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer')
        'ws2008r2-app01.reg' = @('WinHttp', 'WinHttp32')
    }
    $script:copyImage = {
        param ($source)
        $dir = Join-Path -Path $TestDrive -ChildPath ([System.Guid]::NewGuid().ToString('N'))
        $null = New-Item -Path $dir -ItemType Directory
        $target = Join-Path -Path $dir -ChildPath $source.Name
        Copy-Item -LiteralPath $source.FullName -Destination $target
        $target
    }
    $script:notReady = {
        param ($file)
        @((Get-Tls365Readiness -Path $file).Components | Where-Object { $_.Status -eq 'NotReady' } | ForEach-Object { $_.Name })
    }
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'Set-Tls365Protocols -Path' -Tag 'Public' {
    It '-WhatIf leaves the image byte-identical and writes no backup' {
        $file = & $script:copyImage $script:acceptance[0]
        $before = [System.IO.File]::ReadAllBytes($file)
        $out = Set-Tls365Protocols -Path $file -DisableLegacy -WhatIf -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be ([System.Convert]::ToBase64String($before))
        @(Get-ChildItem -LiteralPath (Split-Path -Path $file -Parent)) | Should -HaveCount 1
    }

    It 'applies the plan to every image: every component Ready but those that need an update, and Undo restores the file byte for byte' {
        foreach ($source in @($script:acceptance) + @($script:examples))
        {
            $id = $source.Name
            if ($id -match '^A\d\d') { $id = $id.Substring(0, 3) }
            $file = & $script:copyImage $source
            $original = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
            $results = @(Set-Tls365Protocols -Path $file -Confirm:$false -WarningAction SilentlyContinue)
            $expected = @()
            if ($script:notReadyAfter.ContainsKey($id)) { $expected = $script:notReadyAfter[$id] }
            (& $script:notReady $file) -join ',' | Should -Be ($expected -join ',') -Because "$id after the plan"
            if ($results.Count -eq 0) { continue }
            $results | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'TLS365.ChangeResult' }
            @($results | Where-Object { $_.Status -ne 'Applied' }) | Should -HaveCount 0
            @($results | Select-Object -ExpandProperty BackupPath -Unique) | Should -HaveCount 1
            Test-Path -LiteralPath $results[0].BackupPath | Should -BeTrue
            Test-Path -LiteralPath ($results[0].BackupPath + '.json') | Should -BeTrue
            $undone = @($results | Undo-Tls365Change -Confirm:$false)
            $undone | Should -HaveCount 1
            $undone[0].Exact | Should -BeTrue
            [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $original -Because "$id is restored byte for byte"
        }
    }

    It 'writes the updates it cannot install as warnings (A04: WinHTTP needs KB3140245)' {
        $source = $script:acceptance | Where-Object { $_.Name -like 'A04*' }
        $file = & $script:copyImage $source
        $null = Set-Tls365Protocols -Path $file -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        @($warned | Where-Object { $_.Message -like '*KB3140245*' }) | Should -HaveCount 1
    }

    It 'writes RISK warnings loudly with -AllowLegacy' {
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A30*' })
        $null = Set-Tls365Protocols -Path $file -AllowLegacy -WhatIf -WarningVariable warned -WarningAction SilentlyContinue
        @($warned | Where-Object { $_.Message -like '*RISK:*' }).Count | Should -BeGreaterThan 0
    }

    It 'applies only the chosen subset (-Component) and leaves the other components as they were' {
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A01*' })
        $before = & $script:notReady $file
        $before | Should -Contain 'DotNet4'
        $results = @(Set-Tls365Protocols -Path $file -Component DotNet4, DotNet4_32 -Confirm:$false -WarningAction SilentlyContinue)
        $results.Count | Should -BeGreaterThan 0
        $results | ForEach-Object { $_.Key | Should -Match '\\\.NETFramework\\v4\.0\.30319$' }
        $after = & $script:notReady $file
        $after | Should -Not -Contain 'DotNet4'
        $after | Should -Not -Contain 'DotNet4_32'
        ($after -join ',') | Should -Be ((@($before | Where-Object { @('DotNet4', 'DotNet4_32') -notcontains $_ })) -join ',')
    }

    It 'says that the live registry needs Windows when there is none (here), with no change written' -Skip:([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
        $null = Set-Tls365Protocols -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Collect.NotWindows*'
    }

    It 'names a missing image without throwing' {
        $missing = Join-Path -Path $TestDrive -ChildPath 'nowhere.reg'
        $out = Set-Tls365Protocols -Path $missing -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Image.NotFound*'
    }
}

Describe 'Export-Tls365Remediation' -Tag 'Public' {
    It 'writes a .reg file in UTF-16LE that begins with the regedit header and holds the changed values' {
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A04*' })
        $out = Join-Path -Path $TestDrive -ChildPath 'a04-fix.reg'
        $item = Export-Tls365Remediation -Path $file -Format Reg -OutFile $out -WarningAction SilentlyContinue
        $item.FullName | Should -Be $out
        $bytes = [System.IO.File]::ReadAllBytes($out)
        $bytes[0] | Should -Be 0xFF
        $bytes[1] | Should -Be 0xFE
        $text = [System.IO.File]::ReadAllText($out, [System.Text.Encoding]::Unicode)
        $text | Should -BeLike 'Windows Registry Editor Version 5.00*'
        $text | Should -Match '"SystemDefaultTlsVersions"=dword:00000001'
        $text | Should -Match '"DefaultSecureProtocols"=dword:'
    }

    It 'writes scripts as UTF-8 with BOM that parse without errors (<Format>)' -TestCases @(@{ Format = 'Script' }, @{ Format = 'SccmDiscovery' }, @{ Format = 'SccmRemediation' }) {
        param ($Format)
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A04*' })
        $out = Join-Path -Path $TestDrive -ChildPath ('a04-{0}.ps1' -f $Format)
        $null = Export-Tls365Remediation -Path $file -Format $Format -OutFile $out -WarningAction SilentlyContinue
        $bytes = [System.IO.File]::ReadAllBytes($out)
        @($bytes[0], $bytes[1], $bytes[2]) | Should -Be @(0xEF, 0xBB, 0xBF)
        $tokens = $null
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput([System.IO.File]::ReadAllText($out), [ref]$tokens, [ref]$errors)
        $errors | Should -HaveCount 0
    }

    It 'returns the text without -OutFile' {
        $text = Export-Tls365Remediation -Path ($script:acceptance[0].FullName) -Format SccmDiscovery -WarningAction SilentlyContinue
        $text | Should -BeOfType [System.String]
        $text.Length | Should -BeGreaterThan 0
    }

    It 'never turns SSL 2.0 or 3.0 on in any artefact for any acceptance image, even with -AllowLegacy' {
        $sslKey = 'SSL [23]\.0\\(Client|Server)'
        foreach ($source in $script:acceptance)
        {
            foreach ($legacy in @($false, $true))
            {
                $reg = Export-Tls365Remediation -Path $source.FullName -Format Reg -AllowLegacy:$legacy -WarningAction SilentlyContinue
                $section = ''
                foreach ($line in ($reg -split "`r`n"))
                {
                    if ($line -match '^\[(.*)\]$') { $section = $Matches[1]; continue }
                    if ($section -match ($sslKey + '$') -and $line -match '^"Enabled"=dword:([0-9a-fA-F]{8})$')
                    {
                        [System.Convert]::ToUInt32($Matches[1], 16) | Should -Be 0 -Because "$($source.Name) .reg must not enable $section"
                    }
                }
                foreach ($format in @('Script', 'SccmRemediation'))
                {
                    $script = Export-Tls365Remediation -Path $source.FullName -Format $format -AllowLegacy:$legacy -WarningAction SilentlyContinue
                    foreach ($m in [System.Text.RegularExpressions.Regex]::Matches($script, $sslKey + "'; Name = 'Enabled'; Kind = 'DWord'; Data = (\d+)"))
                    {
                        $m.Groups[2].Value | Should -Be '0' -Because "$($source.Name) $format must not enable SSL"
                    }
                }
            }
        }
    }
}

Describe 'Undo-Tls365Change' -Tag 'Public' {
    It 'takes -BackupPath and -Path by name, supports -WhatIf and names a missing backup' {
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A01*' })
        $original = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
        $backup = Join-Path -Path $TestDrive -ChildPath 'a01-backup.reg'
        $results = @(Set-Tls365Protocols -Path $file -BackupPath $backup -Confirm:$false -WarningAction SilentlyContinue)
        $results[0].BackupPath | Should -Be $backup
        $null = Undo-Tls365Change -BackupPath $backup -Path $file -WhatIf
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Not -Be $original
        $undone = Undo-Tls365Change -BackupPath $backup -Path $file -Confirm:$false
        $undone.PSObject.TypeNames[0] | Should -Be 'TLS365.UndoResult'
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $original
        $errs = $null
        $null = Undo-Tls365Change -BackupPath (Join-Path -Path $TestDrive -ChildPath 'none.reg') -Path $file -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Remediation.BackupUnreadable*'
    }
}
