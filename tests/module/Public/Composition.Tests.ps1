# Readiness results compose with PowerShell's own commands (issue 17, item 1): the numbers the table shows are real
# properties, ConvertTo-Tls365Row gives Export-Csv flat rows (per machine and per finding), ConvertTo-Json at its
# default depth writes readable text for what it cuts off, and the table fits 120 columns. Registry images only.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
    $script:images = @('ws2008r2-app01.reg', 'ws2012r2-web01.reg', 'ws2019-fs01.reg', 'ws2022-web02.reg', 'ws2016-ex01.reg') | ForEach-Object { Join-Path -Path $examples -ChildPath $_ }
    $script:r = @(Get-Tls365Readiness -Path $script:images)
    $script:old = $script:r | Where-Object { $_.ComputerName -eq 'WS2008R2-APP01' }
}

Describe 'Readiness objects compose (issue 17, item 1)' {
    It 'carries what the table shows as real properties: NotReady, Unknown, FailCount, WarnCount, MissingUpdates as strings' {
        $script:r.Count | Should -Be 5
        foreach ($m in $script:r)
        {
            @($m.NotReady) | Should -Be @($m.Components | Where-Object { $_.Status -eq 'NotReady' } | ForEach-Object { $_.Name })
            @($m.Unknown) | Should -Be @($m.Components | Where-Object { $_.Status -eq 'Unknown' } | ForEach-Object { $_.Name })
            $m.FailCount | Should -Be @($m.Findings | Where-Object { $_.Severity -eq 'Fail' }).Count
            $m.WarnCount | Should -Be @($m.Findings | Where-Object { $_.Severity -eq 'Warn' }).Count
            foreach ($kb in @($m.MissingUpdates)) { $kb | Should -BeOfType [System.String]; $kb | Should -Match '^KB\d+$' }
        }
        $script:old.FailCount | Should -BeGreaterThan 0
        @($script:old.NotReady) | Should -Contain 'WinHttp'
        @($script:old.MissingUpdates) | Should -Contain 'KB3140245'
    }

    It 'works with Select-Object, Sort-Object and Where-Object on those properties' {
        $worst = $script:r | Sort-Object -Property FailCount -Descending | Select-Object -First 1 -Property ComputerName, FailCount, WarnCount
        $worst.ComputerName | Should -Be 'WS2008R2-APP01'
        $worst.FailCount | Should -Be $script:old.FailCount
        @($script:r | Where-Object NotReady -Contains 'WinHttp' | ForEach-Object ComputerName) | Should -Be @('WS2008R2-APP01')
        @($script:r | Where-Object { $_.MissingUpdates -contains 'KB3140245' }).Count | Should -Be 1
        @($script:r | Where-Object Ready | Sort-Object ComputerName | ForEach-Object ComputerName) | Should -Be @('WS2016-EX01', 'WS2019-FS01', 'WS2022-WEB02')
    }

    It 'declares its output type, so property completion after the pipe knows NotReady and FailCount' {
        $completion = TabExpansion2 -inputScript 'Get-Tls365Readiness -Path x.reg | Where-Object FailC' -cursorColumn 'Get-Tls365Readiness -Path x.reg | Where-Object FailC'.Length
        @($completion.CompletionMatches | ForEach-Object CompletionText) | Should -Contain 'FailCount'
        $completion = TabExpansion2 -inputScript 'Get-Tls365Readiness -Path x.reg | Sort-Object NotR' -cursorColumn 'Get-Tls365Readiness -Path x.reg | Sort-Object NotR'.Length
        @($completion.CompletionMatches | ForEach-Object CompletionText) | Should -Contain 'NotReady'
    }

    It 'ConvertTo-Json at its default depth writes the cut-off parts as readable text, not @{...} or System.Object[]' {
        $json = $script:old | ConvertTo-Json -WarningAction SilentlyContinue
        $json | Should -Not -Match '@\{'
        $json | Should -Not -Match 'System\.Object\[\]'
        $back = $json | ConvertFrom-Json
        $back.FailCount | Should -Be $script:old.FailCount
        @($back.NotReady) | Should -Be @($script:old.NotReady)
        $fix = @($back.Findings | Where-Object { $_.RuleId -eq 'TLS365-WINHTTP-003' })[0].Fix
        $fix | Should -BeOfType [System.String]
        $fix | Should -Match 'Install KB3140245'
        $fix | Should -Match ([regex]::Escape('reg add "HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" /v "DefaultSecureProtocols" /t REG_DWORD /d 0x'))
        "$($script:old.OS)" | Should -Match '^Windows Server 2008 R2 .*\(build 7601'
    }

    It 'fits the table in 120 columns with every column shown' {
        $text = $script:r | Format-Table | Out-String -Width 120
        $lines = @($text -split "`r?`n" | Where-Object { $_ -ne '' })
        foreach ($l in $lines) { $l.Length | Should -BeLessOrEqual 120 }
        $lines[0] | Should -Match '^ComputerName\s+Ready\s+OS\s+Build\s+NotReady\s+Unknown\s+Fail\s+Warn\s+MissingUpdates$'
        @($lines | Where-Object { $_ -match '^WS2008R2-APP01 ' })[0] | Should -Match ('\s{0}\s+{1}\s+KB3140245' -f $script:old.FailCount, $script:old.WarnCount)
    }
}

Describe 'ConvertTo-Tls365Row: flat rows for Export-Csv (issue 17, item 1)' {
    It 'writes one row per machine with only plain values, which Export-Csv writes and Import-Csv reads back' {
        $rows = @($script:r | ConvertTo-Tls365Row)
        $rows.Count | Should -Be 5
        $rows[0].PSObject.TypeNames[0] | Should -Be 'TLS365.ReadinessRow'
        $csv = Join-Path -Path $TestDrive -ChildPath 'fleet.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $text = Get-Content -LiteralPath $csv -Raw
        $text | Should -Not -Match 'System\.Object\[\]|System\.String\[\]|@\{'
        $back = @(Import-Csv -LiteralPath $csv)
        $old = $back | Where-Object { $_.ComputerName -eq 'WS2008R2-APP01' }
        $old.Ready | Should -Be 'False'
        $old.Build | Should -Be '7601'
        $old.FailCount | Should -Be ([System.String]$script:old.FailCount)
        $old.NotReady -split '; ' | Should -Be @($script:old.NotReady)
        $old.MissingUpdates -split '; ' | Should -Be @($script:old.MissingUpdates)
        $old.Error | Should -Be ''
    }

    It 'writes one row per finding with -Finding, the fix as paste-able commands' {
        $rows = @($script:old | ConvertTo-Tls365Row -Finding)
        $rows.Count | Should -Be @($script:old.Findings).Count
        $rows[0].PSObject.TypeNames[0] | Should -Be 'TLS365.FindingRow'
        $w = $rows | Where-Object { $_.RuleId -eq 'TLS365-WINHTTP-003' }
        $w.Severity | Should -Be 'Fail'
        $w.Component | Should -Be 'WinHttp; WinHttp32'
        $w.Updates | Should -Be 'KB3140245'
        $w.Commands | Should -Match '^reg add "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp" /v "DefaultSecureProtocols" /t REG_DWORD /d 0x[0-9a-f]{8} /f /reg:64\r\nreg add "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\'
        $csv = Join-Path -Path $TestDrive -ChildPath 'findings.csv'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation
        $back = @(Import-Csv -LiteralPath $csv)
        $back.Count | Should -Be $rows.Count
        ($back | Where-Object { $_.RuleId -eq 'TLS365-WINHTTP-003' }).Commands -split "`r?`n" | Should -HaveCount 2 -Because 'one command per line, kept by the CSV'
    }

    It 'turns a machine with no result (its ErrorRecord) into a row with the error, and refuses anything else one by one' {
        $missing = Join-Path -Path $TestDrive -ChildPath 'gone.reg'
        $out = @(Get-Tls365Readiness -Path @($script:images[2], $missing) -ErrorAction SilentlyContinue -ErrorVariable failed)
        $failed.Count | Should -Be 1
        $rows = @(@($out) + @($failed) | ConvertTo-Tls365Row)
        $rows.Count | Should -Be 2
        $bad = $rows | Where-Object { $null -ne $_.Error }
        $bad.ComputerName | Should -Match 'gone\.reg'
        $bad.Ready | Should -BeNullOrEmpty
        $bad.Error | Should -Match '^TLS365\.'
        $byFinding = @($failed | ConvertTo-Tls365Row -Finding)
        $byFinding[0].Severity | Should -Be 'Error'

        $rows = @(@('not a result', $script:r[2]) | ConvertTo-Tls365Row -ErrorAction SilentlyContinue -ErrorVariable refused)
        $rows.Count | Should -Be 1
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Match '^TLS365\.Row\.NotReadiness,'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -Match 'System\.String'
    }

    It 'takes readiness objects that came back through Export-Clixml/Import-Clixml (as remoting sends them)' {
        $xml = Join-Path -Path $TestDrive -ChildPath 'r.xml'
        $script:r | Export-Clixml -LiteralPath $xml -Depth 8
        $rows = @(Import-Clixml -LiteralPath $xml | ConvertTo-Tls365Row)
        $rows.Count | Should -Be 5
        ($rows | Where-Object { $_.ComputerName -eq 'WS2008R2-APP01' }).FailCount | Should -Be $script:old.FailCount
    }
}
