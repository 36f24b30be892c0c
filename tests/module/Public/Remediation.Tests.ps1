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
        $script:legacyUndone = @()
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
            $changed = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
            $undone = @($results | Undo-Tls365Change -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue)
            if ($undoErrors.Count -gt 0)
            {
                # A machine that had SSL 2.0/3.0 on gets it back only with the loud override (issue 12).
                $undoErrors[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.RestoresLegacySsl,Undo-Tls365Change' -Because $id
                [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $changed -Because "${id}: nothing restored without -AllowLegacy"
                $undone = @($results | Undo-Tls365Change -Confirm:$false -AllowLegacy -WarningVariable risks -WarningAction SilentlyContinue)
                ($risks -join ' ') | Should -Match '^RISK: ' -Because $id
                $script:legacyUndone += $id
            }
            $undone | Should -HaveCount 1
            $undone[0].Exact | Should -BeTrue
            [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $original -Because "$id is restored byte for byte"
        }
        # The images whose original state offers SSL 3.0 (SChannel SSL 3.0 Client Enabled=1, masks with 0x20).
        ($script:legacyUndone | Sort-Object) -join ',' | Should -Be 'A12,A13,A21,A33'
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

    It 'writes scripts as UTF-8 with BOM that parse without errors (<Format>)' -TestCases @(@{ Format = 'Script' }, @{ Format = 'SccmDiscovery' }, @{ Format = 'SccmRemediation' }, @{ Format = 'IntuneDetection' }, @{ Format = 'IntuneRemediation' }) {
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
                foreach ($format in @('Script', 'SccmRemediation', 'IntuneRemediation'))
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

Describe 'Export-Tls365Remediation without -Path: a desired state (issue 15)' -Tag 'Public' {
    It 'is the default parameter set: -Path pins one machine, -Role belongs to it, -OutFolder to the desired state' {
        $command = Get-Command -Name 'Export-Tls365Remediation'
        $command.DefaultParameterSet | Should -Be 'DesiredState'
        $command.Parameters['Path'].ParameterSets.Keys | Should -Be @('Image')
        $command.Parameters['Role'].ParameterSets.Keys | Should -Be @('Image')
        $command.Parameters['OutFolder'].ParameterSets.Keys | Should -Be @('DesiredState')
    }

    It 'writes <Format> as a script that evaluates the state on its target (no machine''s values in it), parses, is ASCII' -TestCases @(@{ Format = 'Script' }, @{ Format = 'SccmDiscovery' }, @{ Format = 'SccmRemediation' }, @{ Format = 'IntuneDetection' }, @{ Format = 'IntuneRemediation' }) {
        param ($Format)
        $text = Export-Tls365Remediation -Format $Format
        $text | Should -BeOfType [System.String]
        $text | Should -Match 'function Get-Tls365DesiredChanges'
        $text | Should -Match '\$desired = @\{ Protocols = @\(''Tls12''\); DisableLegacy = \$false; AllowLegacy = \$false;'
        $text | Should -Not -Match '\$planTarget'
        $text | Should -Not -Match '[^\x00-\x7F]'
        $tokens = $null
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$tokens, [ref]$errors)
        $errors | Should -HaveCount 0
    }

    It 'carries the state it was given: -Protocol Tls12,Tls13 -DisableLegacy -Component' {
        $text = Export-Tls365Remediation -Format Script -Protocol Tls12, Tls13 -DisableLegacy -Component WinHttp, WinHttp32
        $text | Should -Match '\$desired = @\{ Protocols = @\(''Tls12'', ''Tls13''\); DisableLegacy = \$true; AllowLegacy = \$false; Components = @\(''WinHttp'', ''WinHttp32''\) \}'
    }

    It '-AllowLegacy warns loudly (RISK) and -DisableLegacy with -AllowLegacy is refused' {
        $null = Export-Tls365Remediation -Format Script -AllowLegacy -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join ' ') | Should -Match '^RISK: -AllowLegacy'
        { Export-Tls365Remediation -Format Script -AllowLegacy -DisableLegacy } | Should -Throw -ErrorId 'TLS365.Remediation.LegacyConflict,Export-Tls365Remediation'
    }

    It 'Reg writes one UTF-16LE file per OS family and architecture into -OutFolder, each header naming its machines and reg import /reg:64; none of the 32-bit files writes Wow6432Node' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'families'
        $files = @(Export-Tls365Remediation -Format Reg -DisableLegacy -OutFolder $folder)
        $files.Count | Should -Be 12
        foreach ($f in $files)
        {
            $bytes = [System.IO.File]::ReadAllBytes($f.FullName)
            @($bytes[0], $bytes[1]) | Should -Be @(0xFF, 0xFE)
            $text = [System.IO.File]::ReadAllText($f.FullName, [System.Text.Encoding]::Unicode)
            $text | Should -BeLike 'Windows Registry Editor Version 5.00*'
            $text | Should -Match '; For these machines only \(builds [0-9, ]+, (64|32)-bit'
            $text | Should -Match 'reg\.exe import <this file> /reg:64'
            if ($f.Name -like '*-x86.reg') { $text | Should -Not -Match 'Wow6432Node' } else { $text | Should -Match 'Wow6432Node' }
            $text | Should -Match '\[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 3\.0\\Client\]\r\n"Enabled"=dword:00000000'
        }
        (@($files | Where-Object { $_.Name -eq 'TLS365-win7-x64.reg' })[0] | Get-Content -Raw -Encoding Unicode) | Should -Match 'Install first: KB3140245'
    }

    It 'Reg without -OutFolder is an error that says why; the fixed-legacy warning is given when the state leaves TLS 1.0/1.1 alone' {
        $out = Export-Tls365Remediation -Format Reg -ErrorVariable refused -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.OutFolderNeeded,Export-Tls365Remediation'
        $null = Export-Tls365Remediation -Format Reg -OutFolder (Join-Path -Path $TestDrive -ChildPath 'keep') -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join ' ') | Should -Match 'a machine that had removed them from a mask gets them back there'
        $null = Export-Tls365Remediation -Format Reg -DisableLegacy -OutFolder (Join-Path -Path $TestDrive -ChildPath 'drop') -WarningVariable quiet -WarningAction SilentlyContinue
        $quiet | Should -HaveCount 0
    }

    It 'GroupPolicy returns one Registry.xml (RegistrySettings with a Collection per OS family, item-level targeting), writes it as UTF-8, and is refused with -Path' {
        $xml = Export-Tls365Remediation -Format GroupPolicy -DisableLegacy
        $xml | Should -BeLike '<?xml version="1.0" encoding="utf-8"?>*'
        $doc = [xml]$xml
        $doc.DocumentElement.Name | Should -Be 'RegistrySettings'
        $doc.DocumentElement.clsid | Should -Be '{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}'
        @($doc.DocumentElement.Collection).Count | Should -Be 12
        @($doc.SelectNodes('//Registry/Filters/FilterCollection/FilterRegistry')).Count | Should -BeGreaterThan 100
        $out = Join-Path -Path $TestDrive -ChildPath 'Registry.xml'
        (Export-Tls365Remediation -Format GroupPolicy -DisableLegacy -OutFile $out).FullName | Should -Be $out
        ([xml](Get-Content -LiteralPath $out -Raw -Encoding utf8)).DocumentElement.Name | Should -Be 'RegistrySettings'
        $image = ($script:acceptance | Where-Object { $_.Name -like 'A09*' }).FullName
        { Export-Tls365Remediation -Path $image -Format GroupPolicy } | Should -Throw -ErrorId 'TLS365.Remediation.GroupPolicyNoPath,Export-Tls365Remediation'
    }

    It '-WhatIf creates no folder and writes no file' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'whatif-families'
        $null = Export-Tls365Remediation -Format Reg -DisableLegacy -OutFolder $folder -WhatIf
        Test-Path -LiteralPath $folder | Should -BeFalse
    }
}

Describe 'Export-Tls365Remediation -OutFile: an existing file, as Out-File treats it' -Tag 'Public' {
    BeforeAll {
        $script:a04 = $script:acceptance | Where-Object { $_.Name -like 'A04*' }
        $script:export = {
            param ($Out, [hashtable] $More = @{})
            Export-Tls365Remediation -Path $script:a04.FullName -Format Script -OutFile $Out -WarningAction SilentlyContinue @More
        }
    }

    It '-WhatIf writes nothing and says which file it would write; -Confirm:$false writes it' {
        $out = Join-Path -Path $TestDrive -ChildPath 'whatif.ps1'
        $null = & $script:export $out @{ WhatIf = $true }
        Test-Path -LiteralPath $out | Should -BeFalse
        (& $script:export $out @{ Confirm = $false }).FullName | Should -Be $out
        Test-Path -LiteralPath $out | Should -BeTrue
    }

    It 'replaces an existing file by default, refuses it with -NoClobber (naming it, the file unchanged)' {
        $out = Join-Path -Path $TestDrive -ChildPath 'existing.ps1'
        Set-Content -LiteralPath $out -Value 'old' -Encoding Ascii
        $null = Export-Tls365Remediation -Path $script:a04.FullName -Format Script -OutFile $out -NoClobber -WarningAction SilentlyContinue -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.OutFileExists,Export-Tls365Remediation'
        $refused[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $refused[0].TargetObject | Should -Be $out
        (Get-Content -LiteralPath $out -Raw).Trim() | Should -Be 'old'
        $null = & $script:export $out
        Get-Content -LiteralPath $out -Raw | Should -Match 'TLS365'
    }

    It 'refuses a read-only file without -Force (PermissionDenied) and replaces it with -Force; refuses a folder' {
        $out = Join-Path -Path $TestDrive -ChildPath 'readonly.ps1'
        Set-Content -LiteralPath $out -Value 'old' -Encoding Ascii
        (Get-Item -LiteralPath $out).IsReadOnly = $true
        $null = Export-Tls365Remediation -Path $script:a04.FullName -Format Script -OutFile $out -WarningAction SilentlyContinue -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.OutFileReadOnly,Export-Tls365Remediation'
        $refused[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        (Get-Content -LiteralPath $out -Raw).Trim() | Should -Be 'old'
        $null = & $script:export $out @{ Force = $true }
        Get-Content -LiteralPath $out -Raw | Should -Match 'TLS365'
        $null = Export-Tls365Remediation -Path $script:a04.FullName -Format Script -OutFile $TestDrive -WarningAction SilentlyContinue -ErrorVariable folder -ErrorAction SilentlyContinue
        $folder[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.OutFileIsFolder,Export-Tls365Remediation'
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

    It 'restores an image from -BackupPath alone (the backup names its image), and checks the backup against the BackupHash Set returned (issue 12)' {
        $file = & $script:copyImage ($script:acceptance | Where-Object { $_.Name -like 'A01*' })
        $original = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
        $results = @(Set-Tls365Protocols -Path $file -Confirm:$false -WarningAction SilentlyContinue)
        $results[0].BackupHash | Should -Match '^[0-9a-f]{64}$'
        $json = $results[0].BackupPath + '.json'
        $good = [System.IO.File]::ReadAllBytes($json)
        # A backup cut short since: refused by the hash the results carry, nothing written.
        [System.IO.File]::WriteAllBytes($json, $good[0..299])
        $changed = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
        $null = $results | Undo-Tls365Change -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Remediation.BackupTampered,Undo-Tls365Change'
        $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $changed
        [System.IO.File]::WriteAllBytes($json, $good)
        $undone = Undo-Tls365Change -BackupPath $results[0].BackupPath -Confirm:$false
        $undone.Path | Should -Be $file
        $undone.Exact | Should -BeTrue
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be $original
    }

    It 'takes bracketed names as written: Set -LiteralPath and Undo -LiteralPath on [a].reg next to a.reg (issue 13, item 5)' {
        $source = $script:acceptance | Where-Object { $_.Name -like 'A01*' }
        $dir = Join-Path -Path $TestDrive -ChildPath 'brackets'
        $null = New-Item -Path $dir -ItemType Directory
        $bracketed = Join-Path -Path $dir -ChildPath '[a].reg'
        $plain = Join-Path -Path $dir -ChildPath 'a.reg'
        Copy-Item -LiteralPath $source.FullName -Destination $bracketed
        Copy-Item -LiteralPath $source.FullName -Destination $plain
        $original = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($plain))
        $backup = Join-Path -Path $dir -ChildPath '[a]-backup.reg'
        $null = Set-Tls365Protocols -LiteralPath $bracketed -BackupPath $backup -Confirm:$false -WarningAction SilentlyContinue
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($bracketed)) | Should -Not -Be $original
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($plain)) | Should -Be $original -Because 'a.reg is another file'
        $undone = Undo-Tls365Change -BackupPath $backup -LiteralPath $bracketed -Confirm:$false
        $undone.Path | Should -Be $bracketed
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($bracketed)) | Should -Be $original
    }
}

Describe 'Set-Tls365Protocols and Undo-Tls365Change on an image with bytes not valid in its encoding (issue 13, item 6)' -Tag 'Public' {
    BeforeAll {
        $script:a01 = $script:acceptance | Where-Object { $_.Name -like 'A01*' }
        # A01 as UTF-8 with a BOM, with a key the plan never touches whose string holds byte 0xFF.
        $script:newUtf8Image = {
            param ($path)
            $head = [System.IO.File]::ReadAllText($script:a01.FullName).TrimEnd() + "`r`n`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\Contoso]`r`n`"Note`"=`"caf"
            $bytes = New-Object -TypeName 'System.Collections.Generic.List[System.Byte]'
            $bytes.AddRange([System.Byte[]]@(0xEF, 0xBB, 0xBF))
            $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes($head))
            $bytes.Add(0xFF)
            $bytes.AddRange([System.Text.Encoding]::ASCII.GetBytes("`"`r`n"))
            [System.IO.File]::WriteAllBytes($path, $bytes.ToArray())
            @($head -split "`r`n").Count
        }
        # A01 as UTF-16LE with a BOM, ending in a comment, and one odd trailing byte (half a character).
        $script:newUtf16Image = {
            param ($path)
            $text = [System.IO.File]::ReadAllText($script:a01.FullName).TrimEnd() + "`r`n; end of export"
            $bytes = New-Object -TypeName 'System.Collections.Generic.List[System.Byte]'
            $bytes.AddRange([System.Byte[]]@(0xFF, 0xFE))
            $bytes.AddRange([System.Text.Encoding]::Unicode.GetBytes($text))
            $bytes.Add(0x0A)
            [System.IO.File]::WriteAllBytes($path, $bytes.ToArray())
            @($text -split "`r`n").Count
        }
    }

    It '-WhatIf says what the real run would do: such an image and a snapshot .json are refused with the real run''s error, not listed as changes (issue 17, item 3)' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'whatif-refusals'
        $null = New-Item -ItemType Directory -Path $dir
        $bad = Join-Path -Path $dir -ChildPath 'a-utf8-ff.reg'
        $null = & $script:newUtf8Image $bad
        $json = Join-Path -Path $dir -ChildPath 'b-snapshot.json'
        Get-Tls365Readiness -Path $script:a01.FullName -Snapshot | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $json -Encoding Ascii
        $good = Join-Path -Path $dir -ChildPath 'c-good.reg'
        Copy-Item -LiteralPath $script:a01.FullName -Destination $good
        foreach ($whatIf in @($true, $false))
        {
            $errs = $null
            $null = Get-Item -LiteralPath $bad, $json | Set-Tls365Protocols -WhatIf:$whatIf -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            @($errs | ForEach-Object { '{0} {1}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category }) | Should -Be @('TLS365.Image.WouldChangeBytes,Set-Tls365Protocols InvalidData', 'TLS365.Remediation.NotRegImage,Set-Tls365Protocols InvalidData') -Because "-WhatIf:$whatIf"
        }
        # A good image is still planned and shown under -WhatIf (and left as it is).
        $hash = (Get-FileHash -LiteralPath $good).Hash
        $null = Set-Tls365Protocols -Path $good -WhatIf -ErrorVariable none -WarningAction SilentlyContinue
        @($none) | Should -BeNullOrEmpty
        (Get-FileHash -LiteralPath $good).Hash | Should -Be $hash
    }

    It 'refuses each such image with TLS365.Image.WouldChangeBytes (InvalidData, naming the file and line), leaves it byte-identical, and changes the good image of the same call' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'badbytes'
        $null = New-Item -ItemType Directory -Path $dir
        $utf8 = Join-Path -Path $dir -ChildPath 'a-utf8-ff.reg'
        $utf8Line = & $script:newUtf8Image $utf8
        $utf16 = Join-Path -Path $dir -ChildPath 'b-utf16-odd.reg'
        $utf16Line = & $script:newUtf16Image $utf16
        $good = Join-Path -Path $dir -ChildPath 'c-good.reg'
        Copy-Item -LiteralPath $script:a01.FullName -Destination $good
        $before = @{}
        foreach ($f in @($utf8, $utf16)) { $before[$f] = [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($f)) }

        $results = @(Get-ChildItem -LiteralPath $dir -Filter '*.reg' | Sort-Object -Property Name | Set-Tls365Protocols -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        @($errs) | Should -HaveCount 2
        $expected = @(@{ File = $utf8; Line = $utf8Line; Says = '0xFF*not UTF-8' }, @{ File = $utf16; Line = $utf16Line; Says = 'odd number of bytes*UTF-16LE' })
        for ($i = 0; $i -lt 2; $i++)
        {
            $errs[$i].FullyQualifiedErrorId | Should -Be 'TLS365.Image.WouldChangeBytes,Set-Tls365Protocols'
            $errs[$i].CategoryInfo.Category | Should -Be 'InvalidData'
            $errs[$i].TargetObject | Should -Be $expected[$i].File
            $errs[$i].Exception.Message | Should -BeLike ('{0}:{1}: *{2}*left unchanged*' -f $expected[$i].File, $expected[$i].Line, $expected[$i].Says)
            $errs[$i].Exception.Message | Should -Match 're-export it with regedit'
            [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($expected[$i].File)) | Should -Be $before[$expected[$i].File] -Because 'the refused image is byte-identical'
        }
        @(Get-ChildItem -LiteralPath $dir -Filter '*tls365-backup*') | ForEach-Object { $_.Name } | Should -BeLike 'c-good.reg.tls365-backup-*'
        $results.Count | Should -BeGreaterThan 0
        @($results | ForEach-Object { $_.Path } | Select-Object -Unique) | Should -Be @($good)
        @($results | Where-Object { $_.Status -ne 'Applied' }) | Should -HaveCount 0
    }

    It 'shows a cipher suite holding ESC sequences as \x1B in the confirmation (-Verbose) and the results, and writes it back exactly as read' {
        $e = [System.String][char]0x1B
        $suite = 'X' + $e + ']0;pwned' + [char]0x07 + $e + '[2J' + [char]0x9B + 'Y'
        $source = $script:acceptance | Where-Object { $_.Name -like 'A24*' }
        $file = & $script:copyImage $source
        $text = [System.IO.File]::ReadAllText($file).Replace('"Functions"="TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256"', ('"Functions"="TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256,{0}"' -f $suite))
        [System.IO.File]::WriteAllText($file, $text, [System.Text.Encoding]::Unicode)
        $all = @(Set-Tls365Protocols -Path $file -Confirm:$false -Verbose -WarningAction SilentlyContinue 4>&1)
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        $results = @($all | Where-Object { $_.PSObject.TypeNames[0] -eq 'TLS365.ChangeResult' })
        $cipher = @($results | Where-Object { $_.Name -eq 'Functions' })
        $cipher | Should -HaveCount 1
        # Twice: the plan's line with its reason (issue 17, item 3), then ShouldProcess's "Performing the operation".
        @($verbose | Where-Object { $_ -like '*Functions*' }) | Should -HaveCount 2
        $shown = @($verbose) + @($results | Out-String -Width 2000) + @($cipher | Format-List | Out-String -Width 2000)
        foreach ($s in $shown) { [System.Text.RegularExpressions.Regex]::IsMatch($s, '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]') | Should -BeFalse -Because $s }
        ($shown -join "`n") | Should -BeLike '*X\x1B]0;pwned\x07\x1B[[]2J\x9BY*'
        [System.IO.File]::ReadAllText($file, [System.Text.Encoding]::Unicode) | Should -BeLike ('*,{0}*' -f ($suite -replace '\[', '[[]')) -Because 'the data written back is the data read'
    }

    It 'Undo-Tls365Change refuses the same way when the image was re-saved with such a byte since the change' {
        $file = & $script:copyImage $script:a01
        $backup = Join-Path -Path (Split-Path -Path $file -Parent) -ChildPath 'backup.reg'
        $null = Set-Tls365Protocols -Path $file -BackupPath $backup -Confirm:$false -WarningAction SilentlyContinue
        $edited = New-Object -TypeName 'System.Collections.Generic.List[System.Byte]'
        $edited.AddRange([System.IO.File]::ReadAllBytes($file))
        $edited.AddRange([System.Text.Encoding]::Unicode.GetBytes('; edited by hand'))
        $edited.Add(0x0A)
        [System.IO.File]::WriteAllBytes($file, $edited.ToArray())
        $out = Undo-Tls365Change -BackupPath $backup -Path $file -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        @($errs) | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Image.WouldChangeBytes,Undo-Tls365Change'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].TargetObject | Should -Be $file
        [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file)) | Should -Be ([System.Convert]::ToBase64String($edited.ToArray()))
    }
}
