# The module's public objects against their one definition, core/public-objects.ts (issue 14, item 3), through
# the generated TLS365.PublicObjects.psd1: New-Tls365PublicObject, the format views, and real output of every
# command that writes one (bridge and registry images; no live registry here).
BeforeAll {
    $script:repoRoot = Split-Path -Path (Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent) -Parent
    Import-Module -Name (Join-Path -Path $script:repoRoot -ChildPath 'TLS365.psd1') -Force
    $script:shapes = Import-PowerShellDataFile -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'TLS365.PublicObjects.psd1')

    # Names in order, the type name first, each value of its declared type; nested public objects followed.
    # Returns the number of objects checked.
    function global:Assert-Tls365PublicShape
    {
        param ($Object, [System.String] $TypeName, [System.String] $Where)
        $shape = $script:shapes[$TypeName]
        if ($null -eq $shape) { throw "$TypeName is not in TLS365.PublicObjects.psd1" }
        $Object.PSObject.TypeNames[0] | Should -Be $TypeName -Because $Where
        @($Object.PSObject.Properties | ForEach-Object { $_.Name }) | Should -Be @($shape.Properties | ForEach-Object { $_.Name }) -Because "$Where ($TypeName)"
        $count = 1
        foreach ($p in $shape.Properties)
        {
            $v = $Object.($p.Name)
            $at = '{0}.{1}' -f $Where, $p.Name
            if ($null -eq $v)
            {
                $p.Nullable | Should -BeTrue -Because "$at is null"
                continue
            }
            $type = [System.String]$p.Type
            if ($type.StartsWith('TLS365.'))
            {
                if ($type.EndsWith('[]')) { $i = 0; foreach ($x in @($v)) { $count += Assert-Tls365PublicShape -Object $x -TypeName $type.Substring(0, $type.Length - 2) -Where ('{0}[{1}]' -f $at, $i); $i++ } }
                else { $count += Assert-Tls365PublicShape -Object $v -TypeName $type -Where $at }
                continue
            }
            switch ($type)
            {
                'String' { $v | Should -BeOfType ([System.String]) -Because $at }
                'Boolean' { $v | Should -BeOfType ([System.Boolean]) -Because $at }
                'Int32' { $v | Should -BeOfType ([System.Int32]) -Because $at }
                'Int64' { $v | Should -BeOfType ([System.Int64]) -Because $at }
                'Integer' { ($v -is [System.Int64] -or $v -is [System.Int32]) | Should -BeTrue -Because "$at is $($v.GetType().Name)" }
                'DateTime' { $v | Should -BeOfType ([System.DateTime]) -Because $at }
                'String[]' { , $v | Should -BeOfType ([System.Array]) -Because $at; foreach ($x in $v) { $x | Should -BeOfType ([System.String]) -Because $at } }
                'Object' { }
                default { throw "${at}: unknown type $type" }
            }
        }
        $count
    }
}

AfterAll {
    Get-Module -Name 'TLS365' -All | Remove-Module -Force
    Remove-Item -LiteralPath 'function:Assert-Tls365PublicShape' -ErrorAction SilentlyContinue
}

Describe 'New-Tls365PublicObject: the objects the module builds, in the shape core/public-objects.ts gives' -Tag 'General' {
    It 'orders and casts each property as the shape says, keeps null, and makes a missing String[] empty' {
        $o = InModuleScope -ModuleName 'TLS365' -ScriptBlock {
            New-Tls365PublicObject -TypeName 'TLS365.ConnectionTest' -Property @{ Detail = 'refused'; Cipher = $null; Negotiated = $null; Accepted = 0; Status = 'Refused'; Protocol = 'Tls12'; Port = '443'; HostName = 'outlook.office365.com' }
        }
        Assert-Tls365PublicShape -Object $o -TypeName 'TLS365.ConnectionTest' -Where 'probe' | Should -Be 1
        $o.Port | Should -Be 443
        $o.Accepted | Should -BeFalse
        $m = InModuleScope -ModuleName 'TLS365' -ScriptBlock { New-Tls365PublicObject -TypeName 'TLS365.ProtocolMask' -Property @{ Value = 2688; Hex = '0xA80'; Layout = 'WinHttp'; Protocols = $null } }
        $m.Value | Should -BeOfType ([System.Int64])
        , $m.Protocols | Should -BeOfType ([System.String[]])
        $m.Protocols.Count | Should -Be 0
    }

    It 'parses ISO 8601 text into a DateTime (what Windows PowerShell 5.1''s ConvertFrom-Json leaves as text), keeping UTC' {
        $s = InModuleScope -ModuleName 'TLS365' -ScriptBlock {
            New-Tls365PublicObject -TypeName 'TLS365.LegacySummary' -Property @{ Format = 'IisW3C'; Site = 'W3SVC1'; Protocol = 'Tls10'; Requests = 3; Clients = 2; FirstSeen = '2024-05-01T00:00:01.000Z'; LastSeen = $null }
        }
        $s.FirstSeen | Should -BeOfType ([System.DateTime])
        $s.FirstSeen.Kind | Should -Be 'Utc'
        $s.FirstSeen.Hour | Should -Be 0
        $s.LastSeen | Should -BeNullOrEmpty
    }

    It 'throws, naming the type and the property, for a missing or an unknown property, and for a type the bridge builds' {
        { InModuleScope -ModuleName 'TLS365' -ScriptBlock { New-Tls365PublicObject -TypeName 'TLS365.UndoResult' -Property @{ Path = $null; BackupPath = 'b'; Restored = 1 } } } | Should -Throw -ExpectedMessage '*TLS365.UndoResult needs the property Exact*'
        { InModuleScope -ModuleName 'TLS365' -ScriptBlock { New-Tls365PublicObject -TypeName 'TLS365.UndoResult' -Property @{ Path = $null; BackupPath = 'b'; Restored = 1; Exact = $true; Extra = 1 } } } | Should -Throw -ExpectedMessage '*TLS365.UndoResult has no property Extra*'
        { InModuleScope -ModuleName 'TLS365' -ScriptBlock { New-Tls365PublicObject -TypeName 'TLS365.Readiness' -Property @{} } } | Should -Throw -ExpectedMessage '*TLS365.Readiness is not a public object the module builds*'
    }
}

Describe 'Format views name only public objects and their properties' -Tag 'General' {
    It 'every view selects a type of core/public-objects.ts (or a view name of one) and shows only its properties' {
        [System.Xml.XmlDocument]$xml = Get-Content -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'module') -ChildPath 'TLS365.Format.ps1xml') -Raw
        $checked = 0
        foreach ($view in $xml.SelectNodes('//View'))
        {
            $typeName = [System.String]$view.ViewSelectedBy.TypeName
            # TLS365.Readiness.Detailed selects the Readiness view that lists findings; TLS365.Snapshot is the
            # tls365.snapshot/1 data format (docs/snapshot-schema.md), not an object shape.
            if ($typeName -eq 'TLS365.Snapshot') { continue }
            if ($typeName -eq 'TLS365.Readiness.Detailed') { $typeName = 'TLS365.Readiness' }
            $script:shapes.ContainsKey($typeName) | Should -BeTrue -Because "the view $($view.Name) selects $typeName"
            if ($script:shapes[$typeName].BuiltBy -eq 'derived') { continue }
            $names = @($script:shapes[$typeName].Properties | ForEach-Object { $_.Name })
            foreach ($p in $view.SelectNodes('.//PropertyName')) { $names | Should -Contain $p.InnerText -Because "the view $($view.Name) of $typeName"; $checked++ }
        }
        $checked | Should -BeGreaterThan 20
    }
}

Describe 'What the commands write matches core/public-objects.ts' -Tag 'General' {
    It 'Get-Tls365Readiness: TLS365.Readiness with OSInfo, ComponentStatus, Finding, Fix and RegistryChange' {
        $images = @(Get-ChildItem -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -Filter '*.reg' | Where-Object { $_.Name -notlike '*broken*' })
        $n = 0
        foreach ($r in @($images | Get-Tls365Readiness)) { $n += Assert-Tls365PublicShape -Object $r -TypeName 'TLS365.Readiness' -Where $r.ComputerName }
        $n | Should -BeGreaterThan ($images.Count * 5)
    }

    It 'Find-Tls365LegacyClient: TLS365.LegacyClient, and TLS365.LegacySummary with -AsSummary' {
        $log = Join-Path -Path $TestDrive -ChildPath 'u_ex240501.log'
        Set-Content -LiteralPath $log -Encoding Ascii -Value @(
            '#Software: Microsoft Internet Information Services 10.0'
            '#Fields: date time s-sitename s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol crypt-cipher'
            '2024-05-01 00:00:01 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.10 Outlook/15.0+(Windows+NT+6.1) 200 40 6610'
            '2024-05-01 00:00:02 W3SVC1 10.0.0.5 GET /owa/ 443 192.0.2.11 - 200 100 6610'
        )
        $clients = @(Find-Tls365LegacyClient -Path $log)
        $clients | Should -HaveCount 2
        foreach ($c in $clients) { $null = Assert-Tls365PublicShape -Object $c -TypeName 'TLS365.LegacyClient' -Where $c.ClientIp }
        $summary = @(Find-Tls365LegacyClient -Path $log -AsSummary)
        $summary | Should -HaveCount 2
        foreach ($s in $summary) { $null = Assert-Tls365PublicShape -Object $s -TypeName 'TLS365.LegacySummary' -Where $s.Protocol }
    }

    It 'ConvertFrom-Tls365ProtocolMask -Detailed: TLS365.ProtocolMask' {
        $m = ConvertFrom-Tls365ProtocolMask -Value 0xA80 -Layout WinHttp -Detailed
        $null = Assert-Tls365PublicShape -Object $m -TypeName 'TLS365.ProtocolMask' -Where '0xA80'
        $m.Protocols | Should -Contain 'Tls12'
    }

    It 'Test-Tls365Connection: TLS365.ConnectionTest, for a refused port too' {
        $listener = New-Object -TypeName 'System.Net.Sockets.TcpListener' -ArgumentList @([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $t = @(Test-Tls365Connection -HostName '127.0.0.1' -Port $port -Protocol Tls12 -TimeoutSeconds 5)
        $t | Should -HaveCount 1
        $null = Assert-Tls365PublicShape -Object $t[0] -TypeName 'TLS365.ConnectionTest' -Where "127.0.0.1:$port"
        $t[0].Accepted | Should -BeFalse
    }

    It 'Set-Tls365Protocols and Undo-Tls365Change on an image: TLS365.ChangeResult and TLS365.UndoResult' {
        $dir = Join-Path -Path $TestDrive -ChildPath 'set'
        $null = New-Item -ItemType Directory -Path $dir
        $image = Join-Path -Path $dir -ChildPath 'ws2008r2-app01.reg'
        Copy-Item -LiteralPath (Join-Path -Path (Join-Path -Path $script:repoRoot -ChildPath 'examples') -ChildPath 'ws2008r2-app01.reg') -Destination $image
        $changes = @(Set-Tls365Protocols -Path $image -Confirm:$false -WarningAction SilentlyContinue)
        $changes.Count | Should -BeGreaterThan 3
        foreach ($c in $changes) { $null = Assert-Tls365PublicShape -Object $c -TypeName 'TLS365.ChangeResult' -Where ('{0}\{1}' -f $c.Key, $c.Name) }
        $undo = @($changes[0] | Undo-Tls365Change -Confirm:$false -WarningAction SilentlyContinue)
        $undo | Should -HaveCount 1
        $null = Assert-Tls365PublicShape -Object $undo[0] -TypeName 'TLS365.UndoResult' -Where $undo[0].BackupPath
        $undo[0].Exact | Should -BeTrue
    }
}
