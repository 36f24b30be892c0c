# Preference variables set by the caller reach the module's commands, as they reach compiled cmdlets (issue 17,
# item 3): a script or function that sets $ErrorActionPreference = 'Stop' stops at the module's first error;
# $VerbosePreference and $WhatIfPreference work the same way; a common parameter given still wins.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:good = Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2019-fs01.reg'
    $script:bad = Join-Path -Path $TestDrive -ChildPath 'broken.reg'
    Set-Content -LiteralPath $script:bad -Value @('Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\SOFTWARE\x', '"a"=dword:zz') -Encoding Ascii
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'The caller''s preference variables' -Tag 'General' {
    It 'a script that sets $ErrorActionPreference = ''Stop'' stops at the first error of Get-Tls365Readiness and never reaches the next line' {
        $caller = Join-Path -Path $TestDrive -ChildPath 'Caller.ps1'
        Set-Content -LiteralPath $caller -Encoding Ascii -Value @(
            'param ($Bad, $Good)'
            '$ErrorActionPreference = ''Stop'''
            '$log = New-Object -TypeName ''System.Collections.Generic.List[System.String]'''
            'try { Get-Tls365Readiness -Path $Bad, $Good | ForEach-Object { $log.Add($_.ComputerName) }; $log.Add(''after'') }'
            'catch { $log.Add(''caught '' + $_.FullyQualifiedErrorId) }'
            ', $log.ToArray()'
        )
        $log = & $caller -Bad $script:bad -Good $script:good
        @($log) | Should -HaveCount 1 -Because ($log -join ' | ')
        $log[0] | Should -BeLike 'caught TLS365.Image.*,Get-Tls365Readiness'
    }

    It 'a function that sets it stops too, for every kind of command (a missing log, a bad mask value, a missing image)' {
        function Invoke-Caller
        {
            param ([System.Management.Automation.ScriptBlock] $Call)
            $ErrorActionPreference = 'Stop'
            try { $null = & $Call; 'after' } catch { 'caught ' + $_.FullyQualifiedErrorId }
        }
        Invoke-Caller { Find-Tls365LegacyClient -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'missing.log') } | Should -BeLike 'caught *,Find-Tls365LegacyClient'
        Invoke-Caller { ConvertFrom-Tls365ProtocolMask -Value 'not-a-number' } | Should -BeLike 'caught *,ConvertFrom-Tls365ProtocolMask'
        Invoke-Caller { Export-Tls365Remediation -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'missing.reg') -Format Reg } | Should -BeLike 'caught *,Export-Tls365Remediation'
    }

    It 'without it, the same errors are written and the command goes on (the good image is still evaluated)' {
        $out = @(Get-Tls365Readiness -Path $script:bad, $script:good -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs | Should -HaveCount 1
        $out | Should -HaveCount 1
    }

    It 'a common parameter given wins over the caller''s preference: -ErrorAction SilentlyContinue under a caller''s Stop goes on' {
        $ErrorActionPreference = 'Stop'
        $out = @(Get-Tls365Readiness -Path $script:bad, $script:good -ErrorAction SilentlyContinue)
        $ErrorActionPreference = 'Continue'
        $out | Should -HaveCount 1
    }

    It 'a caller''s $VerbosePreference = ''Continue'' shows the module''s verbose messages' {
        $report = Join-Path -Path $TestDrive -ChildPath 'report.html'
        $records = & {
            $VerbosePreference = 'Continue'
            Get-Tls365Readiness -Path $script:good | ConvertTo-Tls365Report -Path $report 4>&1
        }
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '1 machine' }).Count | Should -Be 1 -Because (@($records | ForEach-Object { [System.String]$_ }) -join ' | ')
    }

    It 'a caller''s $WhatIfPreference = $true reaches Set-Tls365Protocols: the image and its folder are unchanged' {
        $folder = Join-Path -Path $TestDrive -ChildPath 'whatif'
        $null = New-Item -ItemType Directory -Path $folder
        $image = Join-Path -Path $folder -ChildPath 'a.reg'
        Copy-Item -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2008r2-app01.reg') -Destination $image
        $before = (Get-FileHash -LiteralPath $image).Hash
        $null = & {
            $WhatIfPreference = $true
            Set-Tls365Protocols -Path $image -WarningAction SilentlyContinue 6>$null
        }
        (Get-FileHash -LiteralPath $image).Hash | Should -Be $before
        @(Get-ChildItem -LiteralPath $folder) | Should -HaveCount 1 -Because 'no backup is written under -WhatIf'
    }
}
