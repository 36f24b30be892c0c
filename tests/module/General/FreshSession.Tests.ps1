# A fresh session with no hook, no mock and StrictMode Latest walks every live code path as far as this platform
# allows (tests/windows/scripts/Invoke-FreshSession.ps1, run in its own pwsh). On Linux each live path must stop with
# one clear NotWindows error and nothing else: a variable the module forgot to declare, a registry call made off
# Windows, a caught exception leaking into the caller's errors would each show here. The same script runs under the
# Windows pwsh in Wine (tests/windows/fresh-session.test.ts), where the paths run for real.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    $script:walker = Join-Path -Path $script:repoRoot -ChildPath (Join-Path -Path 'tests' -ChildPath (Join-Path -Path 'windows' -ChildPath (Join-Path -Path 'scripts' -ChildPath 'Invoke-FreshSession.ps1')))
    $pwsh = (Get-Command -Name 'pwsh' -CommandType Application | Select-Object -First 1).Source
    $out = Join-Path -Path $TestDrive -ChildPath 'fresh'
    $null = New-Item -ItemType Directory -Path $out
    $script:output = & $pwsh -NoProfile -NonInteractive -File $script:walker -OutDir $out -Module (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') 2>&1
    $script:exit = $LASTEXITCODE
    $script:result = Get-Content -LiteralPath (Join-Path -Path $out -ChildPath 'result.json') -Raw | ConvertFrom-Json
}

Describe 'A fresh session (no hooks, StrictMode Latest) on a platform without a registry' -Tag 'General' {
    It 'runs to the end' {
        $script:exit | Should -Be 0 -Because ($script:output -join "`n")
    }

    It 'the registry seam answers nothing, without an error (it used to fail on an undeclared test variable)' {
        $script:result.registryBase.errors | Should -BeNullOrEmpty
        @($script:result.registryBase.values) | Should -Be @('(null)')
    }

    It '<Step> stops with exactly one <Id> error and no other' -TestCases @(
        @{ Step = 'readiness'; Id = 'TLS365.Collect.NotWindows' }
        @{ Step = 'snapshot'; Id = 'TLS365.Collect.NotWindows' }
        @{ Step = 'setWhatIf'; Id = 'TLS365.Collect.NotWindows' }
        @{ Step = 'set'; Id = 'TLS365.Collect.NotWindows' }
        @{ Step = 'undo'; Id = 'TLS365.Remediation.NotWindows' }
    ) {
        $errors = @($script:result.$Step.errors)
        $errors | Should -HaveCount 1 -Because ($errors -join "`n")
        $errors[0] | Should -BeLike "$Id,*"
        $errors[0] | Should -Match 'Windows'
        @($script:result.$Step.values) | Should -HaveCount 0
    }
}
