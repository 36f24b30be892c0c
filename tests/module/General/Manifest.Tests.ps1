# TLS365.psd1: what it declares, what the module really exports, and that importing starts nothing.
# Generic on purpose: no command name is listed here; module/Public/*.ps1 is the source of truth.
# This file must parse on Windows PowerShell 5.1 as well.

BeforeDiscovery {
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    $moduleFolder = Join-Path -Path $repoRoot -ChildPath 'module'
    $manifestPath = Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1'
    $manifestData = Import-PowerShellDataFile -LiteralPath $manifestPath

    $publicFiles = @(
        Get-ChildItem -LiteralPath (Join-Path -Path $moduleFolder -ChildPath 'Public') -Filter '*.ps1' -File |
            Sort-Object -Property Name |
            ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName; FileName = $_.Name } }
    )

    # Every function defined anywhere in the module's code (Public, Private, the root module).
    $codeFiles = @(
        Get-ChildItem -LiteralPath $moduleFolder -Recurse -File |
            Where-Object { $_.Extension -eq '.ps1' -or $_.Extension -eq '.psm1' } |
            Sort-Object -Property FullName
    )
    $moduleFunctions = @(
        foreach ($file in $codeFiles)
        {
            $tokens = $null
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
            foreach ($fn in $ast.FindAll({ param ($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true))
            {
                @{ Name = $fn.Name; File = $file.FullName.Substring($repoRoot.TrimEnd('\', '/').Length + 1).Replace('\', '/') }
            }
        }
    )

    $formatFiles = @(
        foreach ($relative in @($manifestData['FormatsToProcess']))
        {
            if (-not [System.String]::IsNullOrEmpty($relative))
            {
                $full = $repoRoot
                foreach ($segment in ($relative -split '[\\/]'))
                {
                    if ($segment -ne '') { $full = Join-Path -Path $full -ChildPath $segment }
                }
                @{ Relative = $relative; Path = $full }
            }
        }
    )
    $emptyKeys = @(
        @{ Key = 'CmdletsToExport' }
        @{ Key = 'VariablesToExport' }
        @{ Key = 'AliasesToExport' }
    )
}

BeforeAll {
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    $moduleFolder = Join-Path -Path $repoRoot -ChildPath 'module'
    $publicFolder = Join-Path -Path $moduleFolder -ChildPath 'Public'
    $privateFolder = Join-Path -Path $moduleFolder -ChildPath 'Private'
    $manifestPath = Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1'
    $formatPath = Join-Path -Path $moduleFolder -ChildPath 'TLS365.Format.ps1xml'

    # Read as data: Import-PowerShellDataFile runs nothing (never Invoke-Expression or dot-sourcing).
    $manifest = Import-PowerShellDataFile -LiteralPath $manifestPath

    function Get-TestFunctionDefinition
    {
        # Every function definition in a file (nested ones included), parsed, never run.
        param ([System.String] $Path)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        @($ast.FindAll({ param ($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true))
    }

    function Get-TestOutputTypeName
    {
        # The type names given to [OutputType(...)] on a function: strings, [type] literals, and arrays of them.
        param ([System.Management.Automation.Language.FunctionDefinitionAst] $Function)
        $attributes = @()
        if ($null -ne $Function.Body.ParamBlock) { $attributes = @($Function.Body.ParamBlock.Attributes) }
        foreach ($attribute in $attributes)
        {
            $attributeName = ($attribute.TypeName.FullName -split '\.')[-1] -replace 'Attribute$', ''
            if ($attributeName -ne 'OutputType') { continue }
            $pending = New-Object -TypeName 'System.Collections.Generic.Queue[System.Object]'
            foreach ($a in @($attribute.PositionalArguments)) { $pending.Enqueue($a) }
            foreach ($a in @($attribute.NamedArguments)) { $pending.Enqueue($a.Argument) }
            while ($pending.Count -gt 0)
            {
                $expression = $pending.Dequeue()
                $kind = $expression.GetType().Name
                if ($kind -eq 'StringConstantExpressionAst') { $expression.Value }
                elseif ($kind -eq 'TypeExpressionAst') { $expression.TypeName.FullName }
                elseif ($kind -eq 'ArrayLiteralAst') { foreach ($e in $expression.Elements) { $pending.Enqueue($e) } }
                elseif ($kind -eq 'ArrayExpressionAst' -or $kind -eq 'ParenExpressionAst')
                {
                    foreach ($e in $expression.FindAll({ param ($node) $node -is [System.Management.Automation.Language.StringConstantExpressionAst] -or $node -is [System.Management.Automation.Language.TypeExpressionAst] }, $false)) { $pending.Enqueue($e) }
                }
            }
        }
    }

    function Get-TestNodeProcessId
    {
        @(Get-Process -Name 'node' -ErrorAction SilentlyContinue | ForEach-Object { $_.Id })
    }

    function Get-TestParentProcessId
    {
        # The parent of a process, or $null when it cannot be told (pwsh 7: Process.Parent; 5.1: Win32_Process).
        param ([System.Int32] $Id)
        $process = Get-Process -Id $Id -ErrorAction SilentlyContinue
        if ($null -eq $process) { return $null }
        if ($null -ne $process.PSObject.Properties['Parent'])
        {
            $parent = $process.Parent
            if ($null -ne $parent) { return $parent.Id }
            return $null
        }
        $cim = Get-CimInstance -ClassName 'Win32_Process' -Filter ('ProcessId = {0}' -f $Id) -ErrorAction SilentlyContinue
        if ($null -ne $cim) { return [System.Int32]$cim.ParentProcessId }
        $null
    }

    function Test-TestProcessMayBeOurs
    {
        # $false only when the process is gone, or its parent chain is known and does not reach this session.
        param ([System.Int32] $Id)
        if ($null -eq (Get-Process -Id $Id -ErrorAction SilentlyContinue)) { return $false }
        $current = $Id
        for ($depth = 0; $depth -lt 64; $depth++)
        {
            if ($current -eq $PID) { return $true }
            $parent = Get-TestParentProcessId -Id $current
            if ($null -eq $parent) { return ($null -ne (Get-Process -Id $Id -ErrorAction SilentlyContinue)) }
            if ($parent -le 1 -or $parent -eq $current) { return $false }
            $current = $parent
        }
        $true
    }
}

Describe 'TLS365 module manifest' -Tag 'Manifest' {
    Context 'TLS365.psd1' {
        It 'passes Test-ModuleManifest' {
            { $null = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
        }

        It 'is read as data by Import-PowerShellDataFile' {
            $manifest | Should -BeOfType ([System.Collections.Hashtable])
            $manifest['RootModule'] | Should -Not -BeNullOrEmpty
        }

        It 'PowerShellVersion is 5.1' {
            $manifest['PowerShellVersion'] | Should -BeExactly '5.1'
        }

        It 'CompatiblePSEditions contains Desktop and Core' {
            @($manifest['CompatiblePSEditions']) | Should -Contain 'Desktop'
            @($manifest['CompatiblePSEditions']) | Should -Contain 'Core'
        }

        It '<Key> is present and empty' -ForEach $emptyKeys {
            # A missing key means "export everything" for cmdlets, variables and aliases.
            $manifest.ContainsKey($Key) | Should -BeTrue -Because "a missing $Key exports everything"
            @($manifest[$Key] | Where-Object { $null -ne $_ }).Count | Should -Be 0
        }
    }

    Context 'FunctionsToExport' {
        BeforeAll {
            $declared = @($manifest['FunctionsToExport'] | Where-Object { $null -ne $_ })
            $publicNames = @(Get-ChildItem -LiteralPath $publicFolder -Filter '*.ps1' -File | ForEach-Object { $_.BaseName })
        }

        It 'is an explicit list without wildcards or duplicates' {
            $manifest.ContainsKey('FunctionsToExport') | Should -BeTrue
            $declared.Count | Should -BeGreaterThan 0
            @($declared | Where-Object { $_ -match '[\*\?\[\]]' }) | Should -BeNullOrEmpty
            @($declared | Group-Object | Where-Object { $_.Count -gt 1 } | ForEach-Object { $_.Name }) | Should -BeNullOrEmpty
        }

        It 'equals the file names of module/Public/*.ps1, in both directions' {
            $difference = @(Compare-Object -ReferenceObject $declared -DifferenceObject $publicNames -CaseSensitive | ForEach-Object {
                    if ($_.SideIndicator -eq '<=') { 'exported but no module/Public/{0}.ps1' -f $_.InputObject }
                    else { 'module/Public/{0}.ps1 is not in FunctionsToExport' -f $_.InputObject }
                })
            $difference | Should -BeNullOrEmpty
        }

        It 'exports nothing from module/Private' {
            $privateNames = @(
                Get-ChildItem -LiteralPath $privateFolder -Filter '*.ps1' -File | ForEach-Object {
                    $_.BaseName
                    Get-TestFunctionDefinition -Path $_.FullName | ForEach-Object { $_.Name }
                }
            )
            @($declared | Where-Object { $privateNames -contains $_ }) | Should -BeNullOrEmpty
        }
    }

    Context 'module/Public/<FileName>' -ForEach $publicFiles {
        It 'defines exactly one function, named <Name>' {
            $names = @(Get-TestFunctionDefinition -Path $Path | ForEach-Object { $_.Name })
            ($names -join ', ') | Should -BeExactly $Name
        }

        It 'has a view in module/TLS365.Format.ps1xml for each [OutputType(''TLS365.*'')] type name' {
            [xml]$format = Get-Content -LiteralPath $formatPath -Raw
            $viewTypes = @($format.SelectNodes('/Configuration/ViewDefinitions/View/ViewSelectedBy/TypeName') | ForEach-Object { $_.InnerText.Trim() })
            $declaredTypes = @(
                Get-TestFunctionDefinition -Path $Path | ForEach-Object { Get-TestOutputTypeName -Function $_ } |
                    Where-Object { $_ -like 'TLS365.*' } | Sort-Object -Unique
            )
            @($declaredTypes | Where-Object { $viewTypes -notcontains $_ }) | Should -BeNullOrEmpty -Because 'every TLS365 output type needs a view'
        }
    }

    Context 'FormatsToProcess' {
        It 'lists module/TLS365.Format.ps1xml' {
            @($manifest['FormatsToProcess'] | ForEach-Object { ([System.String]$_).Replace('\', '/') }) | Should -Contain 'module/TLS365.Format.ps1xml'
        }

        It '<Relative> exists and is valid XML' -ForEach $formatFiles {
            Test-Path -LiteralPath $Path -PathType Leaf | Should -BeTrue
            $document = New-Object -TypeName 'System.Xml.XmlDocument'
            { $document.Load($Path) } | Should -Not -Throw
            $document.DocumentElement.Name | Should -BeExactly 'Configuration'
        }
    }

    Context 'Function verbs' {
        BeforeAll {
            $approved = @(Get-Verb | ForEach-Object { $_.Verb })
        }

        It 'the module defines functions' -ForEach @(@{ Count = $moduleFunctions.Count }) {
            $Count | Should -BeGreaterThan 0
        }

        It '<Name> (<File>) uses an approved verb' -ForEach $moduleFunctions {
            $Name | Should -Match '^[A-Za-z]+-[A-Za-z0-9]+$' -Because 'functions are named Verb-Noun'
            $verb = ($Name -split '-')[0]
            $approved | Should -Contain $verb -Because 'Get-Verb lists the approved verbs'
        }
    }

    Context 'Import-Module TLS365.psd1' {
        BeforeAll {
            $nodeBefore = Get-TestNodeProcessId
            Import-Module -Name $manifestPath -Force -ErrorAction Stop
            $nodeAfter = Get-TestNodeProcessId
            $loaded = @(Get-Module -Name 'TLS365')
        }

        AfterAll {
            Remove-Module -Name 'TLS365' -Force -ErrorAction SilentlyContinue
        }

        It 'loads one TLS365 module, from this repository' {
            $loaded.Count | Should -Be 1
            $loaded[0].ModuleBase | Should -Be ([System.IO.Path]::GetFullPath($repoRoot).TrimEnd('\', '/'))
        }

        It 'ExportedFunctions equals FunctionsToExport' {
            $declared = @($manifest['FunctionsToExport'] | Where-Object { $null -ne $_ })
            $exported = @($loaded[0].ExportedFunctions.Keys)
            Compare-Object -ReferenceObject $declared -DifferenceObject $exported -CaseSensitive | ForEach-Object { '{0} {1}' -f $_.SideIndicator, $_.InputObject } | Should -BeNullOrEmpty -Because '<= declared but not exported, => exported but not declared'
        }

        It 'exports no function defined in module/Private' {
            $privateNames = @(
                Get-ChildItem -LiteralPath $privateFolder -Filter '*.ps1' -File | ForEach-Object {
                    Get-TestFunctionDefinition -Path $_.FullName | ForEach-Object { $_.Name }
                }
            )
            @($loaded[0].ExportedFunctions.Keys | Where-Object { $privateNames -contains $_ }) | Should -BeNullOrEmpty
        }

        It 'exports no cmdlets, variables or aliases' {
            @($loaded[0].ExportedCmdlets.Keys) | Should -BeNullOrEmpty
            @($loaded[0].ExportedVariables.Keys) | Should -BeNullOrEmpty
            @($loaded[0].ExportedAliases.Keys) | Should -BeNullOrEmpty
        }

        It 'does not start a node process' {
            $new = @($nodeAfter | Where-Object { $nodeBefore -notcontains $_ })
            # Node processes started meanwhile by other programs (not children of this session) are not ours.
            $ours = @($new | Where-Object { Test-TestProcessMayBeOurs -Id $_ })
            $ours | Should -BeNullOrEmpty -Because 'the bridge starts on the first command that needs it, never on import'
        }

        It 'neither starts the bridge nor resolves node' {
            InModuleScope -ModuleName 'TLS365' { $script:Bridge } | Should -BeNullOrEmpty
            InModuleScope -ModuleName 'TLS365' { $script:ResolvedNode } | Should -BeNullOrEmpty
        }
    }
}
