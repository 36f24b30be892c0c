# ConvertFrom-Tls365ProtocolMask and ConvertTo-Tls365ProtocolMask through the real bridge and core.
# Bit values: the WinHTTP table of the Microsoft 365 TLS guidance and KB3140245; SP_PROT_* from SCHANNEL_CRED.
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
}

Describe 'ConvertFrom-Tls365ProtocolMask' -Tag 'Public' {
    It 'decodes <Value> as <Expected> [SEED table, KB3140245]' -ForEach @(
        @{ Value = 0xA80; Expected = @('Tls10', 'Tls11', 'Tls12') }
        @{ Value = 2688; Expected = @('Tls10', 'Tls11', 'Tls12') }
        @{ Value = '0xA80'; Expected = @('Tls10', 'Tls11', 'Tls12') }
        @{ Value = 'dword:00000a00'; Expected = @('Tls11', 'Tls12') }
        @{ Value = '2048'; Expected = @('Tls12') }
        @{ Value = 0x2800; Expected = @('Tls12', 'Tls13') }
        @{ Value = 0xAA8; Expected = @('Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12') }
    ) {
        ConvertFrom-Tls365ProtocolMask -Value $Value | Should -Be $Expected
    }

    It 'decodes 0 as no protocol at all' {
        @(ConvertFrom-Tls365ProtocolMask -Value 0) | Should -HaveCount 0
    }

    It 'decodes SChannel server bits with -Layout SChannelServer [SCHCRED]' {
        ConvertFrom-Tls365ProtocolMask -Value 0x1400 -Layout SChannelServer | Should -Be @('Tls12', 'Tls13')
    }

    It 'returns TLS365.ProtocolMask objects with -Detailed' {
        $r = ConvertFrom-Tls365ProtocolMask -Value 0xA80 -Detailed
        $r.PSObject.TypeNames[0] | Should -Be 'TLS365.ProtocolMask'
        $r.Value | Should -Be 2688
        $r.Hex | Should -Be '0x00000A80'
        $r.Layout | Should -Be 'WinHttp'
        $r.Protocols | Should -Be @('Tls10', 'Tls11', 'Tls12')
        ($r | Format-Table | Out-String) | Should -Match 'Tls10, Tls11, Tls12'
    }

    It 'writes TLS365.Mask.UnknownBits naming the bits, and still returns the good values of the same pipeline' {
        $out = '0x800', '0x4000', '0x2' | ConvertFrom-Tls365ProtocolMask -Detailed -ErrorVariable errs -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $out.Hex | Should -Be '0x00000800'
        $errs | Should -HaveCount 2
        $errs[0].FullyQualifiedErrorId | Should -Be 'TLS365.Mask.UnknownBits,ConvertFrom-Tls365ProtocolMask'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].TargetObject | Should -Be '0x4000'
        $errs[0].Exception.Message | Should -Match '0x4000'
        $errs[1].TargetObject | Should -Be '0x2'
    }

    It 'names SChannel bits outside the vocabulary (PCT) in the error [SCHCRED]' {
        $null = ConvertFrom-Tls365ProtocolMask -Value 0x802 -Layout SChannelClient -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -Match 'SP_PROT_PCT1_CLIENT'
    }

    It 'writes TLS365.Mask.InvalidValue for text that is not a DWORD' {
        $null = 'banana' | ConvertFrom-Tls365ProtocolMask -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Mask.InvalidValue*'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errs[0].TargetObject | Should -Be 'banana'
    }

    It 'reads PowerShell''s 0xFFFFFFFF literal (-1) as the DWORD 0xFFFFFFFF' {
        $null = ConvertFrom-Tls365ProtocolMask -Value 0xFFFFFFFF -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -Match '0xFFFFFFFF'
    }

    It 'binds Value and Layout by property name (Import-Csv rows, registry properties)' {
        $rows = @(
            [PSCustomObject]@{ Value = '0xA00'; Layout = 'WinInet' }
            [PSCustomObject]@{ DefaultSecureProtocols = 2048 }
            [PSCustomObject]@{ Mask = '0x400'; Layout = 'SChannelServer' }
        )
        $out = $rows | ConvertFrom-Tls365ProtocolMask -Detailed
        $out.Layout | Should -Be @('WinInet', 'WinHttp', 'SChannelServer')
        ($out | ForEach-Object { $_.Protocols -join '+' }) | Should -Be @('Tls11+Tls12', 'Tls12', 'Tls12')
    }

    It 'uses -Layout over a piped object''s Layout, and refuses an object with no mask property' {
        $out = [PSCustomObject]@{ Value = 0x400; Layout = 'SChannelClient' } | ConvertFrom-Tls365ProtocolMask -Layout SChannelServer
        $out | Should -Be 'Tls12'
        $null = [PSCustomObject]@{ Name = 'EX01' } | ConvertFrom-Tls365ProtocolMask -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Mask.InvalidValue*'
        $errs[0].Exception.Message | Should -Match 'DefaultSecureProtocols'
    }

    It 'reports a bad Layout column for that row only (TLS365.Mask.InvalidLayout)' {
        $rows = @([PSCustomObject]@{ Value = 1; Layout = 'Bogus' }, [PSCustomObject]@{ Value = 2048 })
        $out = $rows | ConvertFrom-Tls365ProtocolMask -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -Be 'Tls12'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'TLS365.Mask.InvalidLayout*'
    }

    It 'keeps order across batches: 2,500 piped values give 2,500 answers in order' {
        $values = 1..2500 | ForEach-Object { if ($_ % 2) { 0x800 } else { 0xA00 } }
        $out = $values | ConvertFrom-Tls365ProtocolMask -Detailed
        $out | Should -HaveCount 2500
        $out[0].Value | Should -Be 0x800
        $out[1].Value | Should -Be 0xA00
        $out[2499].Value | Should -Be 0xA00
    }
}

Describe 'ConvertTo-Tls365ProtocolMask' -Tag 'Public' {
    It 'encodes Tls10, Tls11, Tls12 as 2688 (0xA80) [SEED table]' {
        ConvertTo-Tls365ProtocolMask -Protocol Tls10, Tls11, Tls12 | Should -Be 2688
        ConvertTo-Tls365ProtocolMask -Protocol Tls10, Tls11, Tls12 | Should -BeOfType [System.Int32]
    }

    It 'writes 0x00000A80-style text with -AsHex' {
        ConvertTo-Tls365ProtocolMask -Protocol Tls12, Tls13 -AsHex | Should -Be '0x00002800'
    }

    It 'combines names piped as strings into one mask' {
        'Tls11', 'Tls12' | ConvertTo-Tls365ProtocolMask | Should -Be 0xA00
    }

    It 'gives one mask per piped object, in its own layout' {
        $objects = @(
            [PSCustomObject]@{ Protocols = @('Tls12'); Layout = 'SChannelServer' }
            [PSCustomObject]@{ Protocols = @('Tls12'); Layout = 'SChannelClient' }
        )
        $objects | ConvertTo-Tls365ProtocolMask | Should -Be @(0x400, 0x800)
    }

    It 'encodes an empty list as 0' {
        ConvertTo-Tls365ProtocolMask -Protocol @() | Should -Be 0
    }

    It 'refuses a name outside the vocabulary at parameter binding' {
        { ConvertTo-Tls365ProtocolMask -Protocol 'TLS 1.2' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,ConvertTo-Tls365ProtocolMask'
    }

    It 'round-trips all 64 protocol sets in the <Layout> layout' -ForEach @(
        @{ Layout = 'WinHttp' }, @{ Layout = 'WinInet' }, @{ Layout = 'SChannelClient' }, @{ Layout = 'SChannelServer' }
    ) {
        $names = @('Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13')
        $sets = foreach ($set in 0..63)
        {
            $chosen = @(for ($i = 0; $i -lt 6; $i++) { if ($set -band (1 -shl $i)) { $names[$i] } })
            [PSCustomObject]@{ Protocols = $chosen; Layout = $Layout }
        }
        $masks = @($sets | ConvertTo-Tls365ProtocolMask)
        $masks | Should -HaveCount 64
        $back = @($masks | ConvertFrom-Tls365ProtocolMask -Layout $Layout -Detailed)
        for ($k = 0; $k -lt 64; $k++)
        {
            ($back[$k].Protocols -join ',') | Should -Be ($sets[$k].Protocols -join ',')
        }
        ($back | ConvertTo-Tls365ProtocolMask) | Should -Be $masks
    }
}
