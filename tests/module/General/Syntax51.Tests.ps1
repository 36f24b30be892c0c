# The module must load on Windows PowerShell 5.1, but CI only has pwsh 7: check every PowerShell file
# statically for what 5.1 cannot parse or run, and the module's own code (module/) against the analyzer rules
# a module is held to (approved verbs, singular nouns, ShouldProcess, no Write-Host, ConvertTo-Json -Depth,
# OutputType). The checker lives in Syntax51.Checker.ps1; the samples in tests/module/fixtures/syntax51/ and
# tests/module/fixtures/analyzer/ prove that each of its rules fails when it should.
# This file must parse on Windows PowerShell 5.1 as well (it is checked by itself).

BeforeDiscovery {
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Syntax51.Checker.ps1')

    $repoFiles = @(
        foreach ($path in @(Get-Syntax51File -Root $repoRoot))
        {
            $relativePath = $path.Substring($repoRoot.TrimEnd('\', '/').Length + 1).Replace('\', '/')
            @{
                Path         = $path
                RelativePath = $relativePath
                Scope        = Get-Syntax51Scope -RelativePath $relativePath
            }
        }
    )

    # One sample per rule (several for the tables), each named after the rule it breaks. Rule = $null: must pass.
    # Requires7: the construct only exists in the pwsh 7 parser (on 5.1 it is a parse error or a plain command).
    $samples = @(
        @{ Name = 'good-windows-powershell-51.ps1'; Rule = $null; Requires7 = $false }
        @{ Name = 'non-ascii-with-bom.ps1'; Rule = $null; Requires7 = $false }
        @{ Name = 'parse-error.ps1'; Rule = 'ParseError'; Requires7 = $false }
        @{ Name = 'ternary.ps1'; Rule = 'Ternary'; Requires7 = $true }
        @{ Name = 'pipeline-chain-and.ps1'; Rule = 'PipelineChain'; Requires7 = $true }
        @{ Name = 'pipeline-chain-or.ps1'; Rule = 'PipelineChain'; Requires7 = $true }
        @{ Name = 'null-coalesce.ps1'; Rule = 'NullCoalesce'; Requires7 = $true }
        @{ Name = 'null-coalesce-assign.ps1'; Rule = 'NullCoalesceAssign'; Requires7 = $true }
        @{ Name = 'null-conditional-member.ps1'; Rule = 'NullConditional'; Requires7 = $true }
        @{ Name = 'null-conditional-method.ps1'; Rule = 'NullConditional'; Requires7 = $true }
        @{ Name = 'null-conditional-index.ps1'; Rule = 'NullConditional'; Requires7 = $true }
        @{ Name = 'clean-block.ps1'; Rule = 'CleanBlock'; Requires7 = $true }
        @{ Name = 'binary-literal.ps1'; Rule = 'BinaryLiteral'; Requires7 = $true }
        @{ Name = 'numeric-suffix-y.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-uy.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-s.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-us.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-u.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-ul.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-n.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-hex-u.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'numeric-suffix-multiplier.ps1'; Rule = 'NumericSuffix'; Requires7 = $true }
        @{ Name = 'unicode-escape.ps1'; Rule = 'UnicodeEscape'; Requires7 = $false }
        @{ Name = 'unicode-escape-here-string.ps1'; Rule = 'UnicodeEscape'; Requires7 = $false }
        @{ Name = 'unicode-escape-in-subexpression.ps1'; Rule = 'UnicodeEscape'; Requires7 = $false }
        @{ Name = 'command7-test-json.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'command7-join-string.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'command7-get-error.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'command7-remove-alias.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'command7-start-threadjob.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'command7-module-qualified.ps1'; Rule = 'Command7'; Requires7 = $false }
        @{ Name = 'parameter7-foreach-object-parallel.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-foreach-alias-parallel.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-convertfrom-json-ashashtable.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-convertfrom-json-abbreviated.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-convertfrom-json-depth.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-convertto-json-asarray.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-convertto-json-enumsasstrings.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-get-content-asbytestream.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-invoke-webrequest-skipcertificatecheck.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-invoke-webrequest-sslprotocol.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-invoke-restmethod-skipcertificatecheck.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-invoke-restmethod-sslprotocol.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-select-string-raw.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-import-powershelldatafile-skiplimitcheck.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-join-path-three-segments.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-join-path-additionalchildpath.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'parameter7-split-path-leafbase.ps1'; Rule = 'Parameter7'; Requires7 = $false }
        @{ Name = 'encoding7-out-file-utf8nobom.ps1'; Rule = 'Encoding7'; Requires7 = $false }
        @{ Name = 'encoding7-set-content-utf8bom.ps1'; Rule = 'Encoding7'; Requires7 = $false }
        @{ Name = 'encoding7-add-content-colon.ps1'; Rule = 'Encoding7'; Requires7 = $false }
        @{ Name = 'variable7-iswindows.ps1'; Rule = 'Variable7'; Requires7 = $false }
        @{ Name = 'variable7-islinux.ps1'; Rule = 'Variable7'; Requires7 = $false }
        @{ Name = 'variable7-ismacos.ps1'; Rule = 'Variable7'; Requires7 = $false }
        @{ Name = 'variable7-iscoreclr.ps1'; Rule = 'Variable7'; Requires7 = $false }
        @{ Name = 'variable7-scoped-in-string.ps1'; Rule = 'Variable7'; Requires7 = $false }
        @{ Name = 'non-ascii-no-bom.ps1'; Rule = 'NonAsciiNoBom'; Requires7 = $false }
    )
    $badSamples = @($samples | Where-Object { $null -ne $_.Rule })
    $goodSamples = @($samples | Where-Object { $null -eq $_.Rule })

    # The analyzer rules' samples, each checked as a file of module/Public (Scope Public: every rule).
    $analyzerSamples = @(
        @{ Name = 'good-module-command.ps1'; Rule = $null }
        @{ Name = 'use-approved-verbs.ps1'; Rule = 'UseApprovedVerbs' }
        @{ Name = 'use-approved-verbs-build.ps1'; Rule = 'UseApprovedVerbs' }
        @{ Name = 'use-approved-verbs-not-verb-noun.ps1'; Rule = 'UseApprovedVerbs' }
        @{ Name = 'use-singular-nouns.ps1'; Rule = 'UseSingularNouns' }
        @{ Name = 'use-shouldprocess.ps1'; Rule = 'UseShouldProcessForStateChangingFunctions' }
        @{ Name = 'use-shouldprocess-false.ps1'; Rule = 'UseShouldProcessForStateChangingFunctions' }
        @{ Name = 'use-shouldprocess-unjustified.ps1'; Rule = 'UseShouldProcessForStateChangingFunctions' }
        @{ Name = 'avoid-using-write-host.ps1'; Rule = 'AvoidUsingWriteHost' }
        @{ Name = 'convertto-json-depth.ps1'; Rule = 'ConvertToJsonDepth' }
        @{ Name = 'convertto-json-depth-pipeline.ps1'; Rule = 'ConvertToJsonDepth' }
        @{ Name = 'output-type-declared.ps1'; Rule = 'OutputTypeDeclared' }
    )
    $badAnalyzerSamples = @($analyzerSamples | Where-Object { $null -ne $_.Rule })
    $goodAnalyzerSamples = @($analyzerSamples | Where-Object { $null -eq $_.Rule })
    $ruleIds = @(Get-Syntax51RuleId | ForEach-Object { @{ RuleId = $_ } })
}

BeforeAll {
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    . (Join-Path -Path $PSScriptRoot -ChildPath 'Syntax51.Checker.ps1')

    $fixtureRoot = Join-Path -Path $repoRoot -ChildPath 'tests'
    $fixtureRoot = Join-Path -Path $fixtureRoot -ChildPath 'module'
    $fixtureRoot = Join-Path -Path $fixtureRoot -ChildPath 'fixtures'
    $analyzerRoot = Join-Path -Path $fixtureRoot -ChildPath 'analyzer'
    $fixtureRoot = Join-Path -Path $fixtureRoot -ChildPath 'syntax51'
}

# Discovery-time data reaches the run phase only through -ForEach.
Describe 'Windows PowerShell 5.1 compatibility' -Tag 'Syntax51' -ForEach @(@{ RepoFiles = $repoFiles; BadSamples = $badSamples; BadAnalyzerSamples = $badAnalyzerSamples }) {
    Context 'Every .ps1, .psm1 and .psd1 in the repository' {
        It 'finds the files to check (the manifest, the root module and this test)' {
            $relative = @($RepoFiles | ForEach-Object { $_.RelativePath })
            $relative | Should -Contain 'TLS365.psd1'
            $relative | Should -Contain 'module/TLS365.psm1'
            $relative | Should -Contain 'tests/module/General/Syntax51.Tests.ps1'
        }

        It 'skips node_modules, .tools, dist, .git and the bad samples' {
            $excluded = @($RepoFiles | Where-Object { $_.RelativePath -match '(^|/)(node_modules|\.git)/' -or $_.RelativePath -match '^(\.tools|dist)/' -or $_.RelativePath -like 'tests/module/fixtures/syntax51/*' -or $_.RelativePath -like 'tests/module/fixtures/analyzer/*' })
            @($excluded | ForEach-Object { $_.RelativePath }) | Should -BeNullOrEmpty
        }

        It 'gives module/Public every rule, the rest of module/ the analyzer rules, and other files the 5.1 rules' {
            $scopes = @($RepoFiles | ForEach-Object { '{0} {1}' -f $_.Scope, $_.RelativePath })
            $scopes | Should -Contain 'Public module/Public/Get-Tls365Readiness.ps1'
            $scopes | Should -Contain 'Module module/TLS365.psm1'
            $scopes | Should -Contain 'Module module/Private/Start-Tls365Bridge.ps1'
            $scopes | Should -Contain 'Module module/Collector/Get-Tls365Snapshot.ps1'
            $scopes | Should -Contain 'Syntax51 TLS365.psd1'
            $scopes | Should -Contain 'Syntax51 tests/module/General/Syntax51.Tests.ps1'
        }

        # Scope Syntax51: it runs on Windows PowerShell 5.1. Module and Public: and it passes the analyzer rules.
        It '<RelativePath> passes the <Scope> rules' -ForEach $RepoFiles {
            $messages = @(Test-Syntax51File -Path $Path -Root $repoRoot -Scope $Scope | ForEach-Object { $_.Message })
            ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty -Because 'Windows PowerShell 5.1 cannot parse or run these lines, or module code breaks an analyzer rule'
        }
    }

    Context 'The checker fails on each bad sample in tests/module/fixtures/syntax51' {
        It 'every sample file in tests/module/fixtures/<Folder> is listed in this test, and every listed sample exists' -ForEach @(
            @{ Folder = 'syntax51'; Names = @($samples | ForEach-Object { $_.Name }) }
            @{ Folder = 'analyzer'; Names = @($analyzerSamples | ForEach-Object { $_.Name }) }
        ) {
            $onDisk = @(Get-ChildItem -LiteralPath (Join-Path -Path (Split-Path -Path $fixtureRoot -Parent) -ChildPath $Folder) -File | ForEach-Object { $_.Name } | Sort-Object)
            $listed = @($Names | Sort-Object)
            Compare-Object -ReferenceObject $listed -DifferenceObject $onDisk | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty -Because '<= listed but missing on disk, => on disk but not listed'
        }

        It 'rule <RuleId> has at least one bad sample' -ForEach $ruleIds {
            @(@($BadSamples) + @($BadAnalyzerSamples) | Where-Object { $_.Rule -eq $RuleId }).Count | Should -BeGreaterThan 0
        }

        It '<Name> is reported as <Rule> and nothing else' -ForEach $badSamples {
            if ($Requires7 -and $PSVersionTable.PSVersion.Major -lt 7)
            {
                Set-ItResult -Skipped -Because 'this construct is only recognised by the pwsh 7 parser'
                return
            }
            $findings = @(Test-Syntax51File -Path (Join-Path -Path $fixtureRoot -ChildPath $Name) -Root $repoRoot)
            $findings.Count | Should -BeGreaterThan 0 -Because "the checker must fail on $Name"
            $rules = @($findings | ForEach-Object { $_.Rule } | Sort-Object -Unique)
            ($rules -join ', ') | Should -BeExactly $Rule -Because (($findings | ForEach-Object { $_.Message }) -join '; ')
        }

        It '<Name> reports its finding as file:line: rule: text' -ForEach $badSamples {
            if ($Requires7 -and $PSVersionTable.PSVersion.Major -lt 7)
            {
                Set-ItResult -Skipped -Because 'this construct is only recognised by the pwsh 7 parser'
                return
            }
            $finding = @(Test-Syntax51File -Path (Join-Path -Path $fixtureRoot -ChildPath $Name) -Root $repoRoot)[0]
            $pattern = '^' + [System.Text.RegularExpressions.Regex]::Escape('tests/module/fixtures/syntax51/' + $Name) + ':[1-9][0-9]*: ' + $Rule + ': \S'
            $finding.Message | Should -Match $pattern
            $finding.Line | Should -BeGreaterThan 1 -Because 'line 1 of each bad sample is a comment, so the finding must point at the code'
        }
    }

    Context 'The analyzer rules fail on each bad sample in tests/module/fixtures/analyzer' {
        It '<Name> is reported as <Rule> and nothing else, as file:line: rule: text' -ForEach $badAnalyzerSamples {
            $findings = @(Test-Syntax51File -Path (Join-Path -Path $analyzerRoot -ChildPath $Name) -Root $repoRoot -Scope Public)
            $findings.Count | Should -BeGreaterThan 0 -Because "the checker must fail on $Name"
            $rules = @($findings | ForEach-Object { $_.Rule } | Sort-Object -Unique)
            ($rules -join ', ') | Should -BeExactly $Rule -Because (($findings | ForEach-Object { $_.Message }) -join '; ')
            $pattern = '^' + [System.Text.RegularExpressions.Regex]::Escape('tests/module/fixtures/analyzer/' + $Name) + ':[1-9][0-9]*: ' + $Rule + ': \S'
            $findings[0].Message | Should -Match $pattern
            $findings[0].Line | Should -BeGreaterThan 1 -Because 'line 1 of each bad sample is a comment, so the finding must point at the code'
        }

        It '<Name> passes the 5.1 rules: only the analyzer finds it' -ForEach $badAnalyzerSamples {
            $messages = @(Test-Syntax51File -Path (Join-Path -Path $analyzerRoot -ChildPath $Name) -Root $repoRoot | ForEach-Object { $_.Message })
            ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty
        }

        It 'OutputTypeDeclared is for exported commands only: output-type-declared.ps1 passes as a private file (Scope Module)' {
            $messages = @(Test-Syntax51File -Path (Join-Path -Path $analyzerRoot -ChildPath 'output-type-declared.ps1') -Root $repoRoot -Scope Module | ForEach-Object { $_.Message })
            ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty
        }

        It 'the approved verbs are Get-Verb of Windows PowerShell 5.1 (pwsh 6+ adds Build and Deploy)' {
            $added = @('Build', 'Deploy')
            $expected = @(Get-Verb | ForEach-Object { $_.Verb } | Where-Object { $PSVersionTable.PSVersion.Major -lt 6 -or $added -notcontains $_ } | Sort-Object)
            $actual = @((Get-Syntax51Table).ApprovedVerbs | Sort-Object)
            Compare-Object -ReferenceObject $expected -DifferenceObject $actual | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty
        }
    }

    Context 'The checker passes good code' {
        It '<Name> has no findings' -ForEach $goodSamples {
            $messages = @(Test-Syntax51File -Path (Join-Path -Path $fixtureRoot -ChildPath $Name) -Root $repoRoot | ForEach-Object { $_.Message })
            ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty
        }

        It '<Name> has no findings as a file of module/Public' -ForEach $goodAnalyzerSamples {
            $messages = @(Test-Syntax51File -Path (Join-Path -Path $analyzerRoot -ChildPath $Name) -Root $repoRoot -Scope Public | ForEach-Object { $_.Message })
            ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty
        }

        It 'non-ascii-with-bom.ps1 really has non-ASCII bytes after the BOM, and non-ascii-no-bom.ps1 really has no BOM' {
            $withBom = [System.IO.File]::ReadAllBytes((Join-Path -Path $fixtureRoot -ChildPath 'non-ascii-with-bom.ps1'))
            $withoutBom = [System.IO.File]::ReadAllBytes((Join-Path -Path $fixtureRoot -ChildPath 'non-ascii-no-bom.ps1'))
            @($withBom[0..2]) | Should -Be @(0xEF, 0xBB, 0xBF)
            @($withBom | Select-Object -Skip 3 | Where-Object { $_ -gt 0x7F }).Count | Should -BeGreaterThan 0
            $withoutBom[0] | Should -Not -Be 0xEF
            @($withoutBom | Where-Object { $_ -gt 0x7F }).Count | Should -BeGreaterThan 0
        }
    }
    Context 'The scripts Export-Tls365Remediation writes (they run on machines that may have only Windows PowerShell 5.1)' {
        BeforeAll {
            Import-Module -Name (Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1') -Force
            $image = Join-Path -Path $repoRoot -ChildPath (Join-Path -Path 'tests' -ChildPath (Join-Path -Path 'fixtures' -ChildPath (Join-Path -Path 'acceptance' -ChildPath 'A04-win7sp1-nothing-set-net35-no-kbs.reg')))
        }
        AfterAll { Get-Module -Name 'TLS365' -All | Remove-Module -Force }

        It '<Format> (a desired state, and one machine''s plan) passes the 5.1 rules' -ForEach @(
            @{ Format = 'Script' }, @{ Format = 'SccmDiscovery' }, @{ Format = 'SccmRemediation' }, @{ Format = 'IntuneDetection' }, @{ Format = 'IntuneRemediation' }
        ) {
            foreach ($pinned in @($false, $true))
            {
                $out = Join-Path -Path $TestDrive -ChildPath ('{0}-{1}.ps1' -f $Format, $pinned)
                if ($pinned) { $null = Export-Tls365Remediation -Path $image -Format $Format -OutFile $out -WarningAction SilentlyContinue }
                else { $null = Export-Tls365Remediation -Format $Format -Protocol Tls12, Tls13 -DisableLegacy -OutFile $out }
                $messages = @(Test-Syntax51File -Path $out -Root $TestDrive -Scope 'Syntax51' | ForEach-Object { $_.Message })
                ($messages -join [System.Environment]::NewLine) | Should -BeNullOrEmpty -Because "the $Format script (pinned: $pinned) must run on Windows PowerShell 5.1"
            }
        }
    }
}
