# The words the parameters accept come from one home, the core (core/vocabulary.ts), through the generated
# module/TLS365.Vocabulary.psd1 (issue 14, item 2); mocha's tests/core/vocabulary.test.ts keeps that file current.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:vocabulary = Import-PowerShellDataFile -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'TLS365.Vocabulary.psd1')
}

Describe 'Parameter words (Assert-Tls365Vocabulary, Get-Tls365VocabularyCompletion)' {
    It 'no exported command repeats a list in a ValidateSet; every vocabulary check names a list that exists' {
        $names = @()
        foreach ($command in @(Get-Command -Module 'TLS365' -CommandType Function))
        {
            foreach ($parameter in $command.Parameters.Values)
            {
                foreach ($attribute in $parameter.Attributes)
                {
                    if ($attribute -is [System.Management.Automation.ValidateSetAttribute])
                    {
                        throw "$($command.Name) -$($parameter.Name) repeats a list in a ValidateSet"
                    }
                    if ($attribute -is [System.Management.Automation.ValidateScriptAttribute] -and $attribute.ScriptBlock.ToString() -match "Assert-Tls365Vocabulary -Name '(\w+)'")
                    {
                        $names += $Matches[1]
                        $script:vocabulary.ContainsKey($Matches[1]) | Should -BeTrue -Because "$($command.Name) -$($parameter.Name)"
                    }
                }
            }
        }
        @($names | Sort-Object -Unique) | Should -Be @('Component', 'Endpoint', 'ExportFormat', 'LogFormat', 'MaskLayout', 'PlanProtocol', 'Protocol', 'Role')
    }

    It 'accepts every word of a list in any case, as ValidateSet did' {
        InModuleScope -ModuleName 'TLS365' {
            Assert-Tls365Vocabulary -Name 'Component' -Value 'DotNet4_32' | Should -BeTrue
            Assert-Tls365Vocabulary -Name 'Role' -Value 'exchange' | Should -BeTrue
        }
    }

    It 'refuses an unknown word at binding time, naming the parameter, the value and every word it could be' {
        $err = $null
        try { ConvertTo-Tls365ProtocolMask -Protocol 'Tls12' -Layout 'WinHtp' -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $err.Exception.Message | Should -BeLike "*'Layout'*"
        $err.Exception.Message | Should -BeLike "*'WinHtp' is not a MaskLayout TLS365 knows. Use one of: WinHttp, WinInet, SChannelClient, SChannelServer.*"
    }

    It 'refuses SSL 3.0 as a plan protocol (the plan list holds only what a plan turns on)' {
        { Export-Tls365Remediation -Path 'x.reg' -Format 'Reg' -Protocol 'Ssl3' -WhatIf -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'Ssl3' is not a PlanProtocol TLS365 knows. Use one of: Tls12, Tls13.*"
    }

    It 'completes a word by tab, in the list''s order, from what was typed (any case, quoted or not)' {
        $line = 'Set-Tls365Protocols -Path x.reg -Component dotnet'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Be @('DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32')
        $line = "Get-Tls365Readiness -Path x.reg -Role 'Az"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches | ForEach-Object { $_.CompletionText }) | Should -Be @('AzureADConnect')
    }
}
