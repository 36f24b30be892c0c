# ConvertTo-Tls365Report: pipeline input (live objects, Clixml and JSON round trips, ErrorRecords), -ErrorRecord,
# -WhatIf, -NoClobber, batching into the spool read by one report.write, and errors. The HTML itself is tested in mocha
# (tests/core/report) and rendered in Chromium (tests/e2e/report.e2e.test.ts).
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
    $script:results = @(Get-Tls365Readiness -Path (Join-Path -Path $examples -ChildPath '*.reg') -ErrorVariable broken -ErrorAction SilentlyContinue)
    $script:broken = @($broken)
    $script:cards = {
        param ([System.String] $Html)
        $counts = @{}
        foreach ($m in [System.Text.RegularExpressions.Regex]::Matches($Html, 'data-count="(\w+)"><span class="n">(\d+)</span>')) { $counts[$m.Groups[1].Value] = [System.Int32]$m.Groups[2].Value }
        $counts
    }
    $script:unreachable = New-Object -TypeName 'System.Management.Automation.ErrorRecord' -ArgumentList @(
        (New-Object -TypeName 'System.Exception' -ArgumentList 'connection refused'), 'TLS365.Remoting.Unreachable,Get-Tls365Readiness', 'ConnectionError', 'EX99')
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'ConvertTo-Tls365Report' -Tag 'Public' {
    It 'writes one HTML file from piped readiness objects and counts -ErrorRecord machines as unreachable or failed' {
        $file = Join-Path -Path $TestDrive -ChildPath 'fleet.html'
        $out = $script:results | ConvertTo-Tls365Report -Path $file -ErrorRecord @($script:broken + $script:unreachable)
        $out | Should -BeOfType ([System.IO.FileInfo])
        $out.FullName | Should -Be $file
        $c = & $script:cards ([System.IO.File]::ReadAllText($file))
        $c['Total'] | Should -Be ($script:results.Count + 2)
        $c['Ready'] | Should -Be @($script:results | Where-Object Ready).Count
        $c['Unreachable'] | Should -Be 1
        $c['Failed'] | Should -Be 1
    }

    It 'takes ErrorRecords merged into the pipeline (2>&1), counting an error given both ways once' {
        $html = @($script:results) + @($script:unreachable) | ConvertTo-Tls365Report -ErrorRecord $script:unreachable
        (& $script:cards $html)['Unreachable'] | Should -Be 1
        $html | Should -Match 'EX99'
    }

    It 'returns the HTML as one string without -Path, through a temporary file it removes' {
        $leftovers = { @(Get-ChildItem -LiteralPath ([System.IO.Path]::GetTempPath()) -Filter 'tls365-report-*.html' -ErrorAction SilentlyContinue).Count }
        $before = & $leftovers
        $html = $script:results | ConvertTo-Tls365Report -Title 'Contoso <TLS>'
        & $leftovers | Should -Be $before
        $html | Should -BeOfType ([System.String])
        $html | Should -Match '^<!DOCTYPE html>'
        $html | Should -Match '<title>Contoso &lt;TLS&gt;</title>'
    }

    It 'reports objects saved with Export-Clixml or ConvertTo-Json the same as live ones' {
        $live = $script:results | ConvertTo-Tls365Report
        $xml = Join-Path -Path $TestDrive -ChildPath 'r.xml'
        $script:results | Export-Clixml -LiteralPath $xml
        $fromXml = Import-Clixml -LiteralPath $xml | ConvertTo-Tls365Report
        $fromJson = $script:results | ConvertTo-Json -Depth 10 | ConvertFrom-Json | ForEach-Object { $_ } | ConvertTo-Tls365Report
        $strip = { param ($h) $h -replace 'Generated [^<]* by TLS365', '' }
        (& $strip $fromXml) | Should -BeExactly (& $strip $live)
        (& $strip $fromJson) | Should -BeExactly (& $strip $live)
    }

    It 'spools large pipelines in batches and renders them in one bridge call, then deletes the spool (issue 14: no bridge state)' {
        $many = 1..1100 | ForEach-Object { $script:results[$_ % $script:results.Count] }
        # The real function, called by the mock: the mock only records the calls.
        $script:realBridge = InModuleScope TLS365 { Get-Command -Name Invoke-Tls365Bridge -CommandType Function }
        $script:spools = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365Bridge -ParameterFilter { $Method -like 'report.*' } -MockWith {
            $script:spools.Add([System.String]$Params.spool)
            # Three batches of at most 500: three JSON lines.
            @(Get-Content -LiteralPath $Params.spool) | Should -HaveCount 3
            & $script:realBridge @PesterBoundParameters
        }
        $html = $many | ConvertTo-Tls365Report
        (& $script:cards $html)['Total'] | Should -Be 1100
        Should -Invoke -ModuleName TLS365 -CommandName Invoke-Tls365Bridge -ParameterFilter { $Method -like 'report.*' } -Times 1 -Exactly
        Test-Path -LiteralPath $script:spools[0] | Should -BeFalse -Because 'the spool is deleted'
    }

    It 'loses nothing when the bridge is killed while the pipeline runs: it keeps nothing between calls (issue 14)' {
        $file = Join-Path -Path $TestDrive -ChildPath 'whole.html'
        $script:killedBridge = $false
        $out = $script:results | ForEach-Object {
            if (-not $script:killedBridge)
            {
                $script:killedBridge = $true
                $null = ConvertFrom-Tls365ProtocolMask -Value 2048
                & (Get-Module -Name TLS365) { $script:Bridge.Process.Kill(); $null = $script:Bridge.Process.WaitForExit(5000) }
            }
            $_
        } | ConvertTo-Tls365Report -Path $file -ErrorVariable e -ErrorAction SilentlyContinue
        $script:killedBridge | Should -BeTrue
        @($e) | Should -HaveCount 0
        $out.FullName | Should -Be $file
        (& $script:cards ([System.IO.File]::ReadAllText($file)))['Total'] | Should -Be $script:results.Count
    }

    It 'stops at the first batch it cannot spool: that error (naming the spool), no file, no bridge call' {
        Mock -ModuleName TLS365 -CommandName ConvertTo-Tls365RpcLine -MockWith { throw 'No space left on device' }
        Mock -ModuleName TLS365 -CommandName Invoke-Tls365Bridge -ParameterFilter { $Method -like 'report.*' } -MockWith { throw 'not called' }
        $file = Join-Path -Path $TestDrive -ChildPath 'never.html'
        $many = 1..1200 | ForEach-Object { $script:results[$_ % $script:results.Count] }
        $out = $many | ConvertTo-Tls365Report -Path $file -ErrorVariable e -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        Test-Path -LiteralPath $file | Should -BeFalse
        $e | Should -HaveCount 1
        $e[0].FullyQualifiedErrorId | Should -Be 'TLS365.Report.SpoolFailed,ConvertTo-Tls365Report'
        $e[0].Exception.Message | Should -Match 'tls365-report-[0-9a-f-]+\.jsonl.*No space left on device'
        Should -Invoke -ModuleName TLS365 -CommandName Invoke-Tls365Bridge -ParameterFilter { $Method -like 'report.*' } -Times 0 -Exactly
    }

    It '-WhatIf writes nothing' {
        $file = Join-Path -Path $TestDrive -ChildPath 'whatif.html'
        $script:results | ConvertTo-Tls365Report -Path $file -WhatIf | Should -BeNullOrEmpty
        Test-Path -LiteralPath $file | Should -BeFalse
    }

    It '-NoClobber refuses an existing file and leaves it as it was' {
        $file = Join-Path -Path $TestDrive -ChildPath 'keep.html'
        Set-Content -LiteralPath $file -Value 'mine'
        { $script:results | ConvertTo-Tls365Report -Path $file -NoClobber } | Should -Throw -ErrorId 'TLS365.Report.FileExists,ConvertTo-Tls365Report'
        Get-Content -LiteralPath $file | Should -Be 'mine'
    }

    It 'gives one error per object that is not a readiness result, and reports the rest' {
        $html = @('EX01', 42) + @($script:results) | ConvertTo-Tls365Report -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 2
        $bad[0].FullyQualifiedErrorId | Should -Be 'TLS365.Report.NotReadiness,ConvertTo-Tls365Report'
        $bad[0].TargetObject | Should -Be 'EX01'
        (& $script:cards $html)['Total'] | Should -Be $script:results.Count
    }

    It '-AsOf: the Microsoft endpoints section with the day judged and the days left, the same from Clixml and JSON (issue 16)' {
        # Server 2019 with a Group Policy list of the two DHE GCM suites only: Azure Front Door stops taking it on 2026-04-01 [AFD-DHE].
        $base = [System.IO.File]::ReadAllText((Join-Path -Path $script:repoRoot -ChildPath 'examples/ws2019-fs01.reg'), [System.Text.Encoding]::Unicode)
        $image = Join-Path -Path $TestDrive -ChildPath 'dhe-only.reg'
        $section = "`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002]`r`n""Functions""=""TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_128_GCM_SHA256""`r`n"
        [System.IO.File]::WriteAllText($image, $base + $section, [System.Text.Encoding]::Unicode)
        $day = [System.DateTime]::new(2026, 2, 15)
        $judged = @(Get-Tls365Readiness -Path $image -AsOf $day -Endpoint 'AzureFrontDoor')
        $html = $judged | ConvertTo-Tls365Report -AsOf $day
        $html | Should -Match '<p data-asof="2026-02-15">Day judged: <b>2026-02-15</b>'
        $html | Should -Match '<tr data-endpoint="AzureFrontDoor">.*data-breaks-on="2026-04-01" data-count="1">2026-04-01 \(in 45 days\): 1<'
        # Without -AsOf the objects' own day (TLS365.Readiness.AsOf) is used when they agree ...
        $judged[0].AsOf | Should -Be '2026-02-15'
        $judged | ConvertTo-Tls365Report | Should -Match 'data-breaks-on="2026-04-01" data-count="1">2026-04-01 \(in 45 days\): 1<'
        # ... and objects that do not carry one (an older TLS365) show the dates alone.
        $judged | Select-Object -Property * -ExcludeProperty AsOf | ConvertTo-Tls365Report | Should -Match 'data-breaks-on="2026-04-01" data-count="1">2026-04-01: 1<'
        $xml = Join-Path -Path $TestDrive -ChildPath 'judged.xml'
        $judged | Export-Clixml -LiteralPath $xml
        (Import-Clixml -LiteralPath $xml | ConvertTo-Tls365Report -AsOf $day) -replace 'Generated [^<]* by TLS365', '' | Should -BeExactly ($html -replace 'Generated [^<]* by TLS365', '')
        ($judged | ConvertTo-Json -Depth 10 | ConvertFrom-Json | ForEach-Object { $_ } | ConvertTo-Tls365Report -AsOf $day) -replace 'Generated [^<]* by TLS365', '' | Should -BeExactly ($html -replace 'Generated [^<]* by TLS365', '')
        # Objects without endpoint findings and without a day: no section, as before.
        $script:results | Select-Object -Property * -ExcludeProperty AsOf | ConvertTo-Tls365Report | Should -Not -Match 'id="endpoints"'
    }

    It 'names the file it cannot write' {
        $file = Join-Path -Path (Join-Path -Path $TestDrive -ChildPath 'no-such-folder') -ChildPath 'r.html'
        $null = $script:results | ConvertTo-Tls365Report -Path $file -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -Be 'TLS365.Report.FileUnwritable,ConvertTo-Tls365Report'
        $e[0].TargetObject | Should -Be $file
        $e[0].CategoryInfo.Category | Should -Be 'WriteError'
    }
}
