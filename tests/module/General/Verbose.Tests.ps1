# -Verbose says what is read, evaluated, written and why (issue 17, item 3), and help declares the parameters that
# take wildcards. Registry images only (the live path's messages are the same calls; the Windows tier runs them).
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:examples = Join-Path -Path $script:repoRoot -ChildPath 'examples'
    function script:Get-VerboseText
    {
        param ([System.Management.Automation.ScriptBlock] $Script)
        @(& $Script 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
    }
}

Describe '-Verbose tells what is read, evaluated, written and why' {
    It 'Get-Tls365Readiness -Path: the files read per pattern, the batch evaluated, and what came out' {
        $said = Get-VerboseText { Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws20*.reg') -Verbose -ErrorAction SilentlyContinue }
        @($said | Where-Object { $_ -match '^Reading \d+ image file\(s\) for ' }).Count | Should -Be 1
        $said | Should -Contain 'Evaluating 6 machine(s) in the bridge (readiness.evaluate).' -Because 'ws2012-old03-broken.reg is read too (and refused)'
        @($said | Where-Object { $_ -match '^Evaluated 5 machine\(s\): 3 ready, 2 not ready; \d+ value\(s\) to change in all' }).Count | Should -Be 1
    }

    It 'says nothing without -Verbose, and follows a caller script''s $VerbosePreference' {
        @(Get-VerboseText { Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws2019-fs01.reg') }).Count | Should -Be 0
        $caller = {
            $VerbosePreference = 'Continue'
            Get-Tls365Readiness -Path (Join-Path -Path $script:examples -ChildPath 'ws2019-fs01.reg')
        }
        @(Get-VerboseText $caller | Where-Object { $_ -like 'Evaluated 1 machine(s)*' }).Count | Should -Be 1
    }

    It 'Set-Tls365Protocols -WhatIf -Verbose: the plan and every value with its reason, before anything (nothing written)' {
        $image = Join-Path -Path $TestDrive -ChildPath 'web01.reg'
        Copy-Item -LiteralPath (Join-Path -Path $script:examples -ChildPath 'ws2012r2-web01.reg') -Destination $image
        $bytes = [System.IO.File]::ReadAllBytes($image)
        $said = Get-VerboseText { Set-Tls365Protocols -Path $image -WhatIf -Verbose }
        @($said | Where-Object { $_ -match 'web01\.reg: the plan writes 5 value\(s\) \(protocols Tls12\); restart needed: reboot\.$' }).Count | Should -Be 1
        $lines = @($said | Where-Object { $_ -match 'web01\.reg: HKEY_LOCAL_MACHINE\\.+\\[^\\]+ = 0x[0-9A-F]{8}, because .+' })
        $lines.Count | Should -Be 5
        $lines[0] | Should -Match 'Internet Settings\\WinHttp\\DefaultSecureProtocols = 0x00000A80, because WinHTTP DefaultSecureProtocols'
        [System.IO.File]::ReadAllBytes($image) | Should -Be $bytes
    }

    It 'Set-Tls365Protocols -Verbose: where the backup went, with its hash, and that every value read back as planned' {
        $image = Join-Path -Path $TestDrive -ChildPath 'web02.reg'
        Copy-Item -LiteralPath (Join-Path -Path $script:examples -ChildPath 'ws2012r2-web01.reg') -Destination $image
        $said = Get-VerboseText { $null = Set-Tls365Protocols -Path $image -Confirm:$false -Verbose }
        @($said | Where-Object { $_ -match 'web02\.reg: backup written to .+web02\.reg\.tls365-backup-.+ \(SHA-256 [0-9a-f]{64}\) before any value was changed\.$' }).Count | Should -Be 1
        $said | Should -Contain ('{0}: 5 value(s) written and read back as planned.' -f $image)
    }

    It 'Find-Tls365LegacyClient -Verbose: how many files and bytes it scans' {
        $log = Join-Path -Path $TestDrive -ChildPath 'u_ex1.log'
        Set-Content -LiteralPath $log -Value @('#Fields: date time c-ip cs-uri-stem crypt-protocol', '2026-01-01 00:00:00 10.0.0.1 / 400') -Encoding ascii
        $said = Get-VerboseText { $null = Find-Tls365LegacyClient -Path $log -Verbose -WarningAction SilentlyContinue }
        @($said | Where-Object { $_ -match '^Scanning 1 log file\(s\), [\d,]+ bytes, in the bridge' }).Count | Should -Be 1
    }
}

Describe 'Help declares the parameters that take wildcards' {
    It '<Command> -Path accepts wildcards and -LiteralPath does not' -ForEach @(
        @{ Command = 'Get-Tls365Readiness' }
        @{ Command = 'Find-Tls365LegacyClient' }
    ) {
        (Get-Help -Name $Command -Parameter 'Path').globbing | Should -Be 'true'
        (Get-Help -Name $Command -Parameter 'LiteralPath').globbing | Should -Be 'false'
        @((Get-Command -Name $Command).Parameters['Path'].Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count | Should -Be 1
    }
}
