# Comment-based help of TLS365, in the shape of Pester's own tst/Help.Tests.ps1: every exported command
# documents its synopsis, description, examples and each of its parameters (and no parameter it lacks);
# every Private function has a .SYNOPSIS; every Public function is an advanced function.
# Generic on purpose: commands are discovered from the module, never listed here.
# This file must parse on Windows PowerShell 5.1 as well.

BeforeDiscovery {
    $moduleName = 'TLS365'
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    $moduleFolder = Join-Path -Path $repoRoot -ChildPath 'module'
    $manifestPath = Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1'
    Import-Module -Name $manifestPath -Force -ErrorAction Stop

    $commonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    $exportedCommands = @(
        Get-Command -Module $moduleName -CommandType Cmdlet, Function | Sort-Object -Property Name | ForEach-Object {
            $command = $_
            @{
                Name        = $command.Name
                CommandType = [System.String]$command.CommandType
                Parameters  = @(
                    $command.Parameters.Keys | Where-Object { $commonParameters -notcontains $_ } | Sort-Object | ForEach-Object {
                        @{ ParameterName = $_; CommandName = $command.Name }
                    }
                )
            }
        }
    )

    function Get-DiscoveryFunction
    {
        param ([System.String] $Folder)
        foreach ($file in @(Get-ChildItem -LiteralPath $Folder -Filter '*.ps1' -File | Sort-Object -Property Name))
        {
            $tokens = $null
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
            foreach ($fn in $ast.FindAll({ param ($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true))
            {
                @{ Name = $fn.Name; File = $file.Name; Path = $file.FullName }
            }
        }
    }
    $privateFunctions = @(Get-DiscoveryFunction -Folder (Join-Path -Path $moduleFolder -ChildPath 'Private'))
    $publicFunctions = @(Get-DiscoveryFunction -Folder (Join-Path -Path $moduleFolder -ChildPath 'Public'))
}

BeforeAll {
    $moduleName = 'TLS365'
    $repoRoot = Join-Path -Path $PSScriptRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = Join-Path -Path $repoRoot -ChildPath '..'
    $repoRoot = [System.IO.Path]::GetFullPath($repoRoot)
    $manifestPath = Join-Path -Path $repoRoot -ChildPath 'TLS365.psd1'
    Import-Module -Name $manifestPath -Force -ErrorAction Stop
    $commonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) + @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    function Get-TestHelpText
    {
        # Help text fields are arrays of objects with a Text property (or plain strings).
        param ([System.Object] $Value)
        $parts = @(
            foreach ($item in @($Value))
            {
                if ($null -eq $item) { continue }
                if ($null -ne $item.PSObject.Properties['Text']) { [System.String]$item.Text } else { [System.String]$item }
            }
        )
        ($parts -join [System.Environment]::NewLine).Trim()
    }

    function Get-TestFunctionAst
    {
        # The FunctionDefinitionAst a function command was defined by, or $null.
        param ([System.Management.Automation.CommandInfo] $Command)
        if ($null -eq $Command.PSObject.Properties['ScriptBlock'] -or $null -eq $Command.ScriptBlock) { return $null }
        $ast = $Command.ScriptBlock.Ast
        while ($null -ne $ast -and $ast -isnot [System.Management.Automation.Language.FunctionDefinitionAst]) { $ast = $ast.Parent }
        $ast
    }

    function Get-TestParsedFunction
    {
        # The function named $Name in the file $Path, parsed (never run).
        param ([System.String] $Path, [System.String] $Name)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        @($ast.FindAll({ param ($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true) | Where-Object { $_.Name -eq $Name })[0]
    }
}

AfterAll {
    Remove-Module -Name 'TLS365' -Force -ErrorAction SilentlyContinue
}

Describe 'TLS365 help' -Tag 'Help' -ForEach @(@{ ExportedCommands = $exportedCommands; PrivateFunctions = $privateFunctions; PublicFunctions = $publicFunctions }) {
    It 'the module exports commands' {
        $ExportedCommands.Count | Should -BeGreaterThan 0
    }

    Context '<CommandType> <Name>' -ForEach $ExportedCommands {
        BeforeAll {
            $command = Get-Command -Module $moduleName -Name $Name
            $help = $command | Get-Help -Full
            $helpParameters = @()
            if ($null -ne $help.PSObject.Properties['parameters'] -and $null -ne $help.parameters -and $null -ne $help.parameters.PSObject.Properties['parameter'])
            {
                $helpParameters = @($help.parameters.parameter | Where-Object { $null -ne $_ })
            }
        }

        It 'help is found' {
            $help.Name | Should -BeExactly $Name
            [System.String]$help.Category | Should -BeExactly $CommandType
            $help.ModuleName | Should -BeExactly $moduleName
        }

        It 'synopsis is defined and is not the generated syntax' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            ([System.String]$help.Synopsis).Trim() | Should -Not -BeNullOrEmpty
            # Get-Help shows the syntax as the synopsis when there is no .SYNOPSIS.
            $help.Synopsis | Should -Not -Match ('^\s*' + [System.Text.RegularExpressions.Regex]::Escape($Name) + '((\s+\[+?-\w+)|$)')
        }

        It 'description is defined' {
            $help.PSObject.Properties['description'] | Should -Not -BeNullOrEmpty -Because 'the property is missing when there is no .DESCRIPTION'
            Get-TestHelpText -Value $help.description | Should -Not -BeNullOrEmpty
        }

        It 'has at least one example, and no example without code' {
            $help.PSObject.Properties['examples'] | Should -Not -BeNullOrEmpty
            $examples = @($help.examples.example | Where-Object { $null -ne $_ })
            $examples.Count | Should -BeGreaterThan 0
            @($examples | Where-Object { [System.String]::IsNullOrEmpty(([System.String]$_.code).Trim()) } | ForEach-Object { ([System.String]$_.title).Trim('- ') }) | Should -BeNullOrEmpty -Because 'no example should be empty'
        }

        It 'parameter -<ParameterName> has help' -ForEach $Parameters {
            $entry = @($helpParameters | Where-Object { $_.name -eq $ParameterName })
            $entry.Count | Should -Be 1 -Because "Get-Help $CommandName lists -$ParameterName once"
            Get-TestHelpText -Value $entry[0].description | Should -Not -BeNullOrEmpty -Because ".PARAMETER $ParameterName is missing or empty"
        }

        It 'has no help for parameters that do not exist' {
            $actual = @($command.Parameters.Keys)
            @($helpParameters | Where-Object { $actual -notcontains $_.name } | ForEach-Object { $_.name }) | Should -BeNullOrEmpty
            # Get-Help silently drops a .PARAMETER that names no parameter, so read the comment itself too.
            $definition = Get-TestFunctionAst -Command $command
            if ($null -ne $definition)
            {
                $content = $definition.GetHelpContent()
                $documented = @()
                if ($null -ne $content) { $documented = @($content.Parameters.Keys) }
                @($documented | Where-Object { $actual -notcontains $_ }) | Should -BeNullOrEmpty -Because '.PARAMETER must name a parameter of the command'
            }
        }

        It 'is an advanced function or a cmdlet' {
            $command.CmdletBinding | Should -BeTrue
        }
    }

    Context 'module/Private functions' {
        It 'there are private functions to check' {
            $PrivateFunctions.Count | Should -BeGreaterThan 0
        }

        It '<Name> (<File>) has a .SYNOPSIS' -ForEach $PrivateFunctions {
            $definition = Get-TestParsedFunction -Path $Path -Name $Name
            $content = $definition.GetHelpContent()
            $content | Should -Not -BeNullOrEmpty -Because "$Name has no comment-based help"
            ([System.String]$content.Synopsis).Trim() | Should -Not -BeNullOrEmpty
        }
    }

    Context 'module/Public functions' {
        It '<Name> (<File>) has [CmdletBinding()]' -ForEach $PublicFunctions {
            $definition = Get-TestParsedFunction -Path $Path -Name $Name
            $attributes = @()
            if ($null -ne $definition.Body.ParamBlock) { $attributes = @($definition.Body.ParamBlock.Attributes) }
            $names = @($attributes | ForEach-Object { (($_.TypeName.FullName -split '\.')[-1]) -replace 'Attribute$', '' })
            $names | Should -Contain 'CmdletBinding' -Because 'every public command is an advanced function'
        }
    }
}

Describe 'about_TLS365 from the repository (issue 17, item 4)' {
    It 'is found by Get-Help once the module is imported from a clone, and names every exported command' {
        $root = [System.IO.Path]::GetFullPath((Join-Path -Path $PSScriptRoot -ChildPath '../../..'))
        Import-Module -Name (Join-Path -Path $root -ChildPath 'TLS365.psd1') -Force
        $text = Get-Help -Name 'about_TLS365' | Out-String
        $text | Should -Match 'about_TLS365'
        foreach ($name in @((Get-Module -Name 'TLS365').ExportedFunctions.Keys)) { $text | Should -Match ([regex]::Escape($name)) }
    }
}
