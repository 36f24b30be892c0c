# Static checker: does a PowerShell file load on Windows PowerShell 5.1?
# CI only has pwsh 7, so this reads each file with the pwsh 7 parser and flags what 5.1 cannot run.
# For the module's own code (module/) it also applies the analyzer rules that matter most for a module, named
# as PSScriptAnalyzer names them where it has the rule (no PSScriptAnalyzer is served here): approved verbs,
# singular nouns, ShouldProcess on state-changing verbs, no Write-Host, ConvertTo-Json with -Depth, and
# [OutputType()] on exported commands (Get-Syntax51Scope says which file gets which rules).
# Dot-sourced by Syntax51.Tests.ps1. This file must itself parse on 5.1: no 7-only syntax here, and AST
# types that only exist in pwsh 7 are compared by name (strings), never by [type] literal.
# Every finding prints as '<file>:<line>: <rule>: <text>'.

function Get-Syntax51RuleId
{
    <#
    .SYNOPSIS
        Lists the rule ids the checker can report (each one has a failing sample in tests/module/fixtures/syntax51/).
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ()

    'ParseError'          # the parser reports an error
    'Ternary'             # $a ? $b : $c
    'PipelineChain'       # a && b, a || b
    'NullCoalesce'        # $a ?? $b
    'NullCoalesceAssign'  # $a ??= $b
    'NullConditional'     # ${a}?.b, ${a}?.b(), ${a}?[0]
    'CleanBlock'          # clean { } block
    'BinaryLiteral'       # 0b1010
    'NumericSuffix'       # 1y 1uy 1s 1us 1u 1ul 1n
    'UnicodeEscape'       # "`u{263A}"
    'Command7'            # a command that does not exist in 5.1
    'Parameter7'          # a parameter that does not exist in 5.1
    'Encoding7'           # -Encoding utf8NoBOM / utf8BOM
    'Variable7'           # $IsWindows, $IsLinux, $IsMacOS, $IsCoreCLR
    'NonAsciiNoBom'       # a byte above 0x7F in a file without the UTF-8 BOM (5.1 reads it as ANSI)
    # Analyzer rules, module/ only (samples in tests/module/fixtures/analyzer/):
    'UseApprovedVerbs'    # a function not named Verb-Noun with a verb of Get-Verb on 5.1 (Import-Module warns)
    'UseSingularNouns'    # the noun's last word is an English plural (Get-Tls365Keys)
    'UseShouldProcessForStateChangingFunctions'  # New/Set/Remove/Start/Stop/Restart/Reset/Update without SupportsShouldProcess
    'AvoidUsingWriteHost' # Write-Host outside a Show- function: not capturable, not redirectable on 5.1
    'ConvertToJsonDepth'  # ConvertTo-Json without -Depth: below depth 2 it writes ToString() text, silently on 5.1
    'OutputTypeDeclared'  # an exported command (module/Public) without [OutputType()]
}

function Get-Syntax51Table
{
    <#
    .SYNOPSIS
        The command, parameter, alias and variable tables the checker uses.
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ()

    @{
        # Commands that pwsh 6/7 added (Start-ThreadJob is a separate module on 5.1, never in the box).
        Commands   = @(
            'Test-Json', 'Join-String', 'Get-Error', 'Remove-Alias', 'Start-ThreadJob',
            'Get-Uptime', 'Remove-Service', 'ConvertFrom-Markdown', 'Show-Markdown',
            'Get-MarkdownOption', 'Set-MarkdownOption', 'Get-SecureRandom',
            'ConvertTo-CliXml', 'ConvertFrom-CliXml',
            'Get-ExperimentalFeature', 'Enable-ExperimentalFeature', 'Disable-ExperimentalFeature'
        )
        # Parameters that pwsh 6/7 added to commands that do exist in 5.1.
        Parameters = @{
            'ForEach-Object'             = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
            'ConvertFrom-Json'           = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
            'ConvertTo-Json'             = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
            'Get-Content'                = @('AsByteStream')
            'Set-Content'                = @('AsByteStream')
            'Add-Content'                = @('AsByteStream')
            'Invoke-WebRequest'          = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token',
                'SkipHeaderValidation', 'SkipHttpErrorCheck', 'StatusCodeVariable', 'ResponseHeadersVariable',
                'MaximumRetryCount', 'RetryIntervalSec', 'NoProxy', 'Form', 'Resume', 'HttpVersion',
                'PreserveAuthorizationOnRedirect', 'AllowUnencryptedAuthentication', 'CustomMethod')
            'Invoke-RestMethod'          = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token',
                'SkipHeaderValidation', 'SkipHttpErrorCheck', 'StatusCodeVariable', 'ResponseHeadersVariable',
                'MaximumRetryCount', 'RetryIntervalSec', 'NoProxy', 'Form', 'Resume', 'HttpVersion',
                'PreserveAuthorizationOnRedirect', 'AllowUnencryptedAuthentication', 'CustomMethod', 'FollowRelLink',
                'MaximumFollowRelLink')
            'Select-String'              = @('Raw', 'NoEmphasis')
            'Import-PowerShellDataFile'  = @('SkipLimitCheck')
            'Join-Path'                  = @('AdditionalChildPath')
            'Split-Path'                 = @('LeafBase', 'Extension')
            'Get-Date'                   = @('AsUTC', 'UnixTimeSeconds')
        }
        # 5.1 parameters that are also the start of a 7-only name above: used in full, they bind exactly.
        Parameters51 = @{
            'Split-Path' = @('Leaf')
        }
        # Commands whose -Encoding takes a name; utf8NoBOM and utf8BOM are 6+ names (5.1 has UTF8 = with BOM).
        Encoding   = @(
            'Out-File', 'Set-Content', 'Add-Content', 'Get-Content', 'Export-Csv', 'Import-Csv',
            'Tee-Object', 'Select-String', 'Export-Clixml', 'Import-Clixml', 'Send-MailMessage'
        )
        EncodingNames = @('utf8NoBOM', 'utf8BOM')
        # Built-in aliases that resolve to a command in the tables above.
        Aliases    = @{
            '%'       = 'ForEach-Object'
            'foreach' = 'ForEach-Object'
            'gc'      = 'Get-Content'
            'cat'     = 'Get-Content'
            'type'    = 'Get-Content'
            'sc'      = 'Set-Content'
            'ac'      = 'Add-Content'
            'iwr'     = 'Invoke-WebRequest'
            'curl'    = 'Invoke-WebRequest'
            'wget'    = 'Invoke-WebRequest'
            'irm'     = 'Invoke-RestMethod'
            'sls'     = 'Select-String'
            'tee'     = 'Tee-Object'
            'epcsv'   = 'Export-Csv'
            'ipcsv'   = 'Import-Csv'
        }
        Variables  = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR')
        # Get-Verb on Windows PowerShell 5.1. pwsh 6+ adds Build and Deploy, which 5.1's Import-Module warns about.
        ApprovedVerbs = @(
            'Add', 'Approve', 'Assert', 'Backup', 'Block', 'Checkpoint', 'Clear', 'Close', 'Compare', 'Complete',
            'Compress', 'Confirm', 'Connect', 'Convert', 'ConvertFrom', 'ConvertTo', 'Copy', 'Debug', 'Deny',
            'Disable', 'Disconnect', 'Dismount', 'Edit', 'Enable', 'Enter', 'Exit', 'Expand', 'Export', 'Find',
            'Format', 'Get', 'Grant', 'Group', 'Hide', 'Import', 'Initialize', 'Install', 'Invoke', 'Join', 'Limit',
            'Lock', 'Measure', 'Merge', 'Mount', 'Move', 'New', 'Open', 'Optimize', 'Out', 'Ping', 'Pop', 'Protect',
            'Publish', 'Push', 'Read', 'Receive', 'Redo', 'Register', 'Remove', 'Rename', 'Repair', 'Request',
            'Reset', 'Resize', 'Resolve', 'Restart', 'Restore', 'Resume', 'Revoke', 'Save', 'Search', 'Select',
            'Send', 'Set', 'Show', 'Skip', 'Split', 'Start', 'Step', 'Stop', 'Submit', 'Suspend', 'Switch', 'Sync',
            'Test', 'Trace', 'Unblock', 'Undo', 'Uninstall', 'Unlock', 'Unprotect', 'Unpublish', 'Unregister',
            'Update', 'Use', 'Wait', 'Watch', 'Write'
        )
        # PSScriptAnalyzer's state-changing verbs (UseShouldProcessForStateChangingFunctions).
        StateChangingVerbs = @('New', 'Set', 'Remove', 'Start', 'Stop', 'Restart', 'Reset', 'Update')
        # A noun's last word is plural when it ends in s, but not in ss (Address, Process, Readiness), us (Status)
        # or is (Analysis); these singular words also end in s. Data and Windows are PSScriptAnalyzer's own
        # exceptions; Tls, Dns, Os, Https are acronyms written in Pascal case (an all-capitals word is never plural).
        SingularWords = @('Data', 'Windows', 'Alias', 'Bias', 'Canvas', 'Lens', 'News', 'Series', 'Species', 'Tls', 'Dns', 'Os', 'Https')
    }
}

function ConvertTo-Syntax51Text
{
    <#
    .SYNOPSIS
        Makes a one-line, ASCII-only excerpt of source text for a finding message.
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter()]
        [AllowEmptyString()]
        [AllowNull()]
        [System.String]
        $Text
    )

    if ($null -eq $Text) { return '' }
    $line = ($Text -split "`r?`n")[0].Trim()
    $builder = New-Object -TypeName 'System.Text.StringBuilder'
    foreach ($c in $line.ToCharArray())
    {
        $code = [System.Int32]$c
        if (($code -lt 0x20 -and $code -ne 9) -or $code -gt 0x7E)
        {
            $null = $builder.AppendFormat('\u{0:X4}', $code)
        }
        else
        {
            $null = $builder.Append($c)
        }
    }
    $result = $builder.ToString()
    if ($result.Length -gt 120) { $result = $result.Substring(0, 117) + '...' }
    $result
}

function New-Syntax51Finding
{
    <#
    .SYNOPSIS
        Builds one finding object: File, Line, Rule, Text and Message ('<file>:<line>: <rule>: <text>').
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $File,

        [Parameter(Mandatory = $true)]
        [System.Int32]
        $Line,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Rule,

        [Parameter()]
        [AllowEmptyString()]
        [AllowNull()]
        [System.String]
        $Text
    )

    $excerpt = ConvertTo-Syntax51Text -Text $Text
    [PSCustomObject]@{
        File    = $File
        Line    = $Line
        Rule    = $Rule
        Text    = $excerpt
        Message = '{0}:{1}: {2}: {3}' -f $File, $Line, $Rule, $excerpt
    }
}

function Get-Syntax51Scope
{
    <#
    .SYNOPSIS
        Which rules a file gets, from its path relative to the repository root.
    .DESCRIPTION
        Public (module/Public: exported commands): every rule. Module (the rest of module/: private functions,
        the collector, the root module): every rule but OutputTypeDeclared. Syntax51 (tests, scripts, bench, the
        manifest): the Windows PowerShell 5.1 rules only.
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $RelativePath
    )

    $normal = $RelativePath.Replace('\', '/')
    if ($normal -like 'module/Public/*') { return 'Public' }
    if ($normal -like 'module/*') { return 'Module' }
    'Syntax51'
}

function Get-Syntax51File
{
    <#
    .SYNOPSIS
        Lists every .ps1, .psm1 and .psd1 under a root, skipping node_modules, .git, the root's .tools and dist,
        and tests/module/fixtures/syntax51 and tests/module/fixtures/analyzer (deliberately bad samples).
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Root
    )

    $rootFull = [System.IO.Path]::GetFullPath($Root).TrimEnd([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar)
    $prunedAnywhere = @('node_modules', '.git')
    $prunedAtRoot = @('.tools', 'dist')
    $fixtureParent = Join-Path -Path (Join-Path -Path (Join-Path -Path $rootFull -ChildPath 'tests') -ChildPath 'module') -ChildPath 'fixtures'
    $fixtures = @('syntax51', 'analyzer' | ForEach-Object { [System.IO.Path]::GetFullPath((Join-Path -Path $fixtureParent -ChildPath $_)) })
    $extensions = @('.ps1', '.psm1', '.psd1')

    $found = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    $stack = New-Object -TypeName 'System.Collections.Generic.Stack[System.String]'
    $stack.Push($rootFull)
    while ($stack.Count -gt 0)
    {
        $dir = $stack.Pop()
        foreach ($file in [System.IO.Directory]::GetFiles($dir))
        {
            if ($extensions -contains [System.IO.Path]::GetExtension($file).ToLowerInvariant())
            {
                $found.Add($file)
            }
        }
        foreach ($sub in [System.IO.Directory]::GetDirectories($dir))
        {
            $name = [System.IO.Path]::GetFileName($sub)
            if ($prunedAnywhere -contains $name) { continue }
            if ($dir -eq $rootFull -and $prunedAtRoot -contains $name) { continue }
            $subFull = [System.IO.Path]::GetFullPath($sub)
            if (@($fixtures | Where-Object { [System.String]::Equals($subFull, $_, [System.StringComparison]::OrdinalIgnoreCase) }).Count -gt 0) { continue }
            $attributes = [System.IO.File]::GetAttributes($sub)
            if (($attributes -band [System.IO.FileAttributes]::ReparsePoint) -ne 0) { continue }
            $stack.Push($sub)
        }
    }
    $found.ToArray() | Sort-Object
}

function Get-Syntax51CommandFinding
{
    <#
    .SYNOPSIS
        Checks one CommandAst for 7-only commands, parameters and -Encoding names.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $CommandAst,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File,

        [Parameter(Mandatory = $true)]
        [System.Collections.Hashtable]
        $Table
    )

    $name = $CommandAst.GetCommandName()
    if ([System.String]::IsNullOrEmpty($name)) { return }
    # Module-qualified: Microsoft.PowerShell.Utility\ConvertFrom-Json
    $name = $name -replace '^.*\\', ''
    if ($Table.Aliases.ContainsKey($name)) { $name = $Table.Aliases[$name] }
    $line = $CommandAst.Extent.StartLineNumber
    $text = $CommandAst.Extent.Text

    if ($Table.Commands -contains $name)
    {
        New-Syntax51Finding -File $File -Line $line -Rule 'Command7' -Text ('{0} does not exist in Windows PowerShell 5.1: {1}' -f $name, $text)
    }

    $elements = @($CommandAst.CommandElements)
    $sevenOnly = @()
    foreach ($key in $Table.Parameters.Keys)
    {
        if ([System.String]::Equals($key, $name, [System.StringComparison]::OrdinalIgnoreCase)) { $sevenOnly = @($Table.Parameters[$key]) }
    }
    $known51 = @()
    foreach ($key in $Table.Parameters51.Keys)
    {
        if ([System.String]::Equals($key, $name, [System.StringComparison]::OrdinalIgnoreCase)) { $known51 = @($Table.Parameters51[$key]) }
    }
    $checksEncoding = $false
    foreach ($e in $Table.Encoding)
    {
        if ([System.String]::Equals($e, $name, [System.StringComparison]::OrdinalIgnoreCase)) { $checksEncoding = $true }
    }

    for ($i = 1; $i -lt $elements.Count; $i++)
    {
        $element = $elements[$i]
        if ($element.GetType().Name -ne 'CommandParameterAst') { continue }
        $used = $element.ParameterName
        if ([System.String]::IsNullOrEmpty($used)) { continue }

        # PowerShell accepts any unambiguous prefix of a parameter name; an exact name always wins.
        $exact51 = $false
        foreach ($k in $known51)
        {
            if ([System.String]::Equals($k, $used, [System.StringComparison]::OrdinalIgnoreCase)) { $exact51 = $true }
        }
        foreach ($p in $sevenOnly)
        {
            if ($exact51) { break }
            if ($p.StartsWith($used, [System.StringComparison]::OrdinalIgnoreCase))
            {
                New-Syntax51Finding -File $File -Line $element.Extent.StartLineNumber -Rule 'Parameter7' -Text ('{0} -{1} does not exist in Windows PowerShell 5.1: {2}' -f $name, $p, $text)
                break
            }
        }

        if ($checksEncoding -and 'Encoding'.StartsWith($used, [System.StringComparison]::OrdinalIgnoreCase))
        {
            $argument = $element.Argument
            if ($null -eq $argument -and ($i + 1) -lt $elements.Count -and $elements[$i + 1].GetType().Name -ne 'CommandParameterAst')
            {
                $argument = $elements[$i + 1]
            }
            if ($null -ne $argument -and $null -ne $argument.PSObject.Properties['Value'])
            {
                $value = [System.String]$argument.Value
                foreach ($bad in $Table.EncodingNames)
                {
                    if ([System.String]::Equals($bad, $value, [System.StringComparison]::OrdinalIgnoreCase))
                    {
                        New-Syntax51Finding -File $File -Line $element.Extent.StartLineNumber -Rule 'Encoding7' -Text ('{0} -Encoding {1} does not exist in Windows PowerShell 5.1: {2}' -f $name, $value, $text)
                    }
                }
            }
        }
    }

    # Join-Path a b c: the third path binds to -AdditionalChildPath, which 5.1 does not have.
    if ([System.String]::Equals($name, 'Join-Path', [System.StringComparison]::OrdinalIgnoreCase))
    {
        $paths = 0
        $i = 1
        while ($i -lt $elements.Count)
        {
            $element = $elements[$i]
            if ($element.GetType().Name -eq 'CommandParameterAst')
            {
                $used = $element.ParameterName
                $isSwitch = 'Resolve'.StartsWith($used, [System.StringComparison]::OrdinalIgnoreCase)
                $isPath = 'Path'.StartsWith($used, [System.StringComparison]::OrdinalIgnoreCase) -or 'ChildPath'.StartsWith($used, [System.StringComparison]::OrdinalIgnoreCase)
                if ($isPath) { $paths++ }
                if ($null -eq $element.Argument -and -not $isSwitch) { $i++ }
            }
            elseif (-not ($element.GetType().Name -eq 'VariableExpressionAst' -and $element.Splatted))
            {
                # A splatted @args cannot be counted statically.
                $paths++
            }
            $i++
        }
        if ($paths -gt 2)
        {
            New-Syntax51Finding -File $File -Line $line -Rule 'Parameter7' -Text ('Join-Path with {0} paths needs -AdditionalChildPath, which Windows PowerShell 5.1 does not have: {1}' -f $paths, $text)
        }
    }
}

function Get-Syntax51StringFinding
{
    <#
    .SYNOPSIS
        Looks for the `u{...} escape in the literal text of one expandable-string token (code inside $(...) is blanked).
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Token,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File
    )

    $chars = $Token.Text.ToCharArray()
    $start = $Token.Extent.StartOffset
    if ($null -ne $Token.PSObject.Properties['NestedTokens'] -and $null -ne $Token.NestedTokens)
    {
        foreach ($n in @($Token.NestedTokens))
        {
            # Embedded code (and strings inside it, which are scanned on their own) is not this string's text.
            for ($o = $n.Extent.StartOffset; $o -lt $n.Extent.EndOffset; $o++)
            {
                $k = $o - $start
                if ($k -ge 0 -and $k -lt $chars.Length -and $chars[$k] -ne [System.Char]10) { $chars[$k] = ' ' }
            }
        }
    }
    $literal = -join $chars
    # An odd run of backticks before u{ is the escape; an even run is literal backticks.
    $pattern = '(?<!`)(?:``)*`u\{'
    foreach ($m in [System.Text.RegularExpressions.Regex]::Matches($literal, $pattern))
    {
        $lineOffset = ([System.Text.RegularExpressions.Regex]::Matches($literal.Substring(0, $m.Index), "`n")).Count
        $lineText = ($Token.Text -split "`n")[$lineOffset]
        New-Syntax51Finding -File $File -Line ($Token.Extent.StartLineNumber + $lineOffset) -Rule 'UnicodeEscape' -Text $lineText
    }
}

function Get-Syntax51TokenFinding
{
    <#
    .SYNOPSIS
        Checks tokens, at every nesting depth, for 7-only number literals and the `u{...} escape.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Object[]]
        $Token,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File
    )

    foreach ($t in $Token)
    {
        if ($null -eq $t) { continue }
        $kind = [System.String]$t.Kind
        if ($kind -eq 'Number')
        {
            $text = $t.Text.ToLowerInvariant().TrimStart('-', '+')
            if ($text -match '^0b')
            {
                New-Syntax51Finding -File $File -Line $t.Extent.StartLineNumber -Rule 'BinaryLiteral' -Text $t.Text
            }
            else
            {
                # about_Numeric_Literals: 5.1 knows the type suffixes l and d and the multipliers kb..pb.
                $body = $text -replace '(kb|mb|gb|tb|pb)$', ''
                $suffix = ''
                if ($body -match '^0x[0-9a-f]*(.*)$') { $suffix = $Matches[1] }
                elseif ($body -match '^[0-9]*\.?[0-9]*(?:e[+-]?[0-9]+)?(.*)$') { $suffix = $Matches[1] }
                if ($suffix -ne '' -and $suffix -ne 'l' -and $suffix -ne 'd')
                {
                    New-Syntax51Finding -File $File -Line $t.Extent.StartLineNumber -Rule 'NumericSuffix' -Text ('suffix ''{0}'' in {1}' -f $suffix, $t.Text)
                }
            }
        }
        elseif ($kind -eq 'StringExpandable' -or $kind -eq 'HereStringExpandable')
        {
            Get-Syntax51StringFinding -Token $t -File $File
        }

        if ($null -ne $t.PSObject.Properties['NestedTokens'] -and $null -ne $t.NestedTokens)
        {
            Get-Syntax51TokenFinding -Token @($t.NestedTokens) -File $File
        }
    }
}

function Get-Syntax51AstFinding
{
    <#
    .SYNOPSIS
        Walks a script's AST for 7-only syntax nodes, commands, parameters and automatic variables.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Ast,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File
    )

    $table = Get-Syntax51Table
    foreach ($node in $Ast.FindAll({ $true }, $true))
    {
        $typeName = $node.GetType().Name
        $line = $node.Extent.StartLineNumber
        if ($typeName -eq 'TernaryExpressionAst')
        {
            New-Syntax51Finding -File $File -Line $line -Rule 'Ternary' -Text $node.Extent.Text
        }
        elseif ($typeName -eq 'PipelineChainAst')
        {
            New-Syntax51Finding -File $File -Line $line -Rule 'PipelineChain' -Text $node.Extent.Text
        }
        elseif ($typeName -eq 'BinaryExpressionAst')
        {
            if ([System.String]$node.Operator -eq 'QuestionQuestion')
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'NullCoalesce' -Text $node.Extent.Text
            }
        }
        elseif ($typeName -eq 'AssignmentStatementAst')
        {
            if ([System.String]$node.Operator -eq 'QuestionQuestionEquals')
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'NullCoalesceAssign' -Text $node.Extent.Text
            }
        }
        elseif ($typeName -eq 'MemberExpressionAst' -or $typeName -eq 'InvokeMemberExpressionAst' -or $typeName -eq 'IndexExpressionAst')
        {
            if ($null -ne $node.PSObject.Properties['NullConditional'] -and $node.NullConditional)
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'NullConditional' -Text $node.Extent.Text
            }
        }
        elseif ($typeName -eq 'ScriptBlockAst')
        {
            if ($null -ne $node.PSObject.Properties['CleanBlock'] -and $null -ne $node.CleanBlock)
            {
                New-Syntax51Finding -File $File -Line $node.CleanBlock.Extent.StartLineNumber -Rule 'CleanBlock' -Text $node.CleanBlock.Extent.Text
            }
        }
        elseif ($typeName -eq 'VariableExpressionAst')
        {
            # $IsWindows, $global:IsWindows, ${variable:IsWindows}; not $env:IsWindows (an environment variable).
            $variablePath = $node.VariablePath
            $variableName = ''
            if (-not $variablePath.IsDriveQualified -or $variablePath.DriveName -eq 'variable')
            {
                $variableName = $variablePath.UserPath -replace '^.*:', ''
            }
            foreach ($v in $table.Variables)
            {
                if ([System.String]::Equals($v, $variableName, [System.StringComparison]::OrdinalIgnoreCase))
                {
                    New-Syntax51Finding -File $File -Line $line -Rule 'Variable7' -Text ('${0} is not defined in Windows PowerShell 5.1: {1}' -f $v, $node.Parent.Extent.Text)
                }
            }
        }
        elseif ($typeName -eq 'CommandAst')
        {
            Get-Syntax51CommandFinding -CommandAst $node -File $File -Table $table
        }
    }
}

function Get-Syntax51EncodingFinding
{
    <#
    .SYNOPSIS
        Flags a file that has a byte above 0x7F but does not start with the UTF-8 BOM (EF BB BF).
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Path,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File
    )

    $bytes = [System.IO.File]::ReadAllBytes($Path)
    if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { return }
    for ($i = 0; $i -lt $bytes.Length; $i++)
    {
        if ($bytes[$i] -gt 0x7F)
        {
            $line = 1
            $lineStart = 0
            for ($j = 0; $j -lt $i; $j++)
            {
                if ($bytes[$j] -eq 0x0A) { $line++; $lineStart = $j + 1 }
            }
            $lineEnd = $i
            while ($lineEnd -lt $bytes.Length -and $bytes[$lineEnd] -ne 0x0A) { $lineEnd++ }
            $utf8 = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false
            $lineText = $utf8.GetString($bytes, $lineStart, $lineEnd - $lineStart)
            New-Syntax51Finding -File $File -Line $line -Rule 'NonAsciiNoBom' -Text ('byte 0x{0:X2} at offset {1} in a file without a UTF-8 BOM: {2}' -f $bytes[$i], $i, (ConvertTo-Syntax51Text -Text $lineText))
            return
        }
    }
}

function Get-Syntax51Attribute
{
    <#
    .SYNOPSIS
        The attributes of a function's param block with one name ('CmdletBinding', 'OutputType', 'SuppressMessage';
        the Attribute suffix and a namespace are optional in the source).
    #>
    [CmdletBinding()]
    [OutputType([System.Object])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Function,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Name
    )

    if ($null -eq $Function.Body.ParamBlock) { return }
    foreach ($attribute in @($Function.Body.ParamBlock.Attributes))
    {
        $attributeName = ($attribute.TypeName.FullName -split '\.')[-1] -replace 'Attribute$', ''
        if ([System.String]::Equals($attributeName, $Name, [System.StringComparison]::OrdinalIgnoreCase)) { $attribute }
    }
}

function Test-Syntax51Suppressed
{
    <#
    .SYNOPSIS
        Whether a function around a node (or the node itself, a function) suppresses a rule as PSScriptAnalyzer
        reads it: [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PS<Rule>', '', Justification = '...')].
        Without a Justification that says something, the suppression does not count.
    #>
    [CmdletBinding()]
    [OutputType([System.Boolean])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Node,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Rule
    )

    for ($current = $Node; $null -ne $current; $current = $current.Parent)
    {
        if ($current.GetType().Name -ne 'FunctionDefinitionAst') { continue }
        foreach ($attribute in @(Get-Syntax51Attribute -Function $current -Name 'SuppressMessage'))
        {
            $positional = @($attribute.PositionalArguments)
            if ($positional.Count -eq 0 -or $null -eq $positional[0].PSObject.Properties['Value']) { continue }
            if (-not [System.String]::Equals([System.String]$positional[0].Value, 'PS' + $Rule, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
            foreach ($named in @($attribute.NamedArguments))
            {
                if ($named.ArgumentName -ne 'Justification' -or $null -eq $named.Argument.PSObject.Properties['Value']) { continue }
                if (-not [System.String]::IsNullOrWhiteSpace([System.String]$named.Argument.Value)) { return $true }
            }
        }
    }
    $false
}

function Get-Syntax51FunctionFinding
{
    <#
    .SYNOPSIS
        Checks one function definition: Verb-Noun with an approved verb, a singular noun, SupportsShouldProcess
        for a state-changing verb, and (exported commands) [OutputType()].
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Function,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Scope,

        [Parameter(Mandatory = $true)]
        [System.Collections.Hashtable]
        $Table
    )

    $line = $Function.Extent.StartLineNumber
    # function script:Get-Thing is the function Get-Thing.
    $name = $Function.Name -replace '^[A-Za-z]+:', ''
    $findings = @(
        if ($name -notmatch '^([A-Za-z]+)-([A-Za-z0-9]+)$')
        {
            New-Syntax51Finding -File $File -Line $line -Rule 'UseApprovedVerbs' -Text ('{0} is not named Verb-Noun' -f $name)
        }
        else
        {
            $verb = $Matches[1]
            $noun = $Matches[2]
            if ($Table.ApprovedVerbs -notcontains $verb)
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'UseApprovedVerbs' -Text ('{0}: {1} is not an approved verb (Get-Verb on Windows PowerShell 5.1)' -f $name, $verb)
            }

            # The last word: Tls365Protocols -> Protocols, RegOp -> Op, HTTPServer -> Server, Sha256 -> 256.
            $word = @([System.Text.RegularExpressions.Regex]::Matches($noun, '[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+') | ForEach-Object { $_.Value })[-1]
            $plural = $word -cmatch '[a-z]' -and $word -match 's$' -and $word -notmatch '(ss|us|is)$' -and $Table.SingularWords -notcontains $word
            if ($plural)
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'UseSingularNouns' -Text ('{0}: the noun ends in the plural {1}' -f $name, $word)
            }

            if ($Table.StateChangingVerbs -contains $verb)
            {
                $supports = $false
                foreach ($binding in @(Get-Syntax51Attribute -Function $Function -Name 'CmdletBinding'))
                {
                    foreach ($named in @($binding.NamedArguments))
                    {
                        if ($named.ArgumentName -ne 'SupportsShouldProcess') { continue }
                        $value = $named.Argument
                        $isFalse = -not $named.ExpressionOmitted -and (
                            ($value.GetType().Name -eq 'VariableExpressionAst' -and $value.VariablePath.UserPath -eq 'false') -or
                            ($value.GetType().Name -eq 'ConstantExpressionAst' -and $value.Value -eq 0))
                        if (-not $isFalse) { $supports = $true }
                    }
                }
                if (-not $supports)
                {
                    New-Syntax51Finding -File $File -Line $line -Rule 'UseShouldProcessForStateChangingFunctions' -Text ('{0}: the verb {1} changes state, but there is no [CmdletBinding(SupportsShouldProcess = $true)]' -f $name, $verb)
                }
            }
        }

        if ($Scope -eq 'Public')
        {
            # Only the file's own functions are exported, not functions nested in them.
            $topLevel = $true
            for ($p = $Function.Parent; $null -ne $p; $p = $p.Parent)
            {
                if ($p.GetType().Name -eq 'FunctionDefinitionAst') { $topLevel = $false }
            }
            $declared = @(Get-Syntax51Attribute -Function $Function -Name 'OutputType' | Where-Object { @($_.PositionalArguments).Count + @($_.NamedArguments).Count -gt 0 })
            if ($topLevel -and $declared.Count -eq 0)
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'OutputTypeDeclared' -Text ('{0}: an exported command declares what it returns with [OutputType()]' -f $name)
            }
        }
    )
    foreach ($finding in $findings)
    {
        if (-not (Test-Syntax51Suppressed -Node $Function -Rule $finding.Rule)) { $finding }
    }
}

function Get-Syntax51AnalyzerFinding
{
    <#
    .SYNOPSIS
        The analyzer rules for module code: each function (Get-Syntax51FunctionFinding), Write-Host and
        ConvertTo-Json without -Depth. Scope Public adds OutputTypeDeclared.
    .DESCRIPTION
        As PSScriptAnalyzer: Write-Host is allowed in a function with the Show verb, and a finding is suppressed by
        a justified SuppressMessageAttribute on a function around it (Test-Syntax51Suppressed). A splatted
        ConvertTo-Json cannot be read statically and is not reported.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Ast,

        [Parameter(Mandatory = $true)]
        [System.String]
        $File,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Scope
    )

    $table = Get-Syntax51Table
    foreach ($node in $Ast.FindAll({ param ($n) $n.GetType().Name -eq 'FunctionDefinitionAst' -or $n.GetType().Name -eq 'CommandAst' }, $true))
    {
        if ($node.GetType().Name -eq 'FunctionDefinitionAst')
        {
            Get-Syntax51FunctionFinding -Function $node -File $File -Scope $Scope -Table $table
            continue
        }
        $name = [System.String]$node.GetCommandName() -replace '^.*\\', ''
        $line = $node.Extent.StartLineNumber
        if ([System.String]::Equals($name, 'Write-Host', [System.StringComparison]::OrdinalIgnoreCase))
        {
            $inShow = $false
            for ($p = $node.Parent; $null -ne $p; $p = $p.Parent)
            {
                if ($p.GetType().Name -eq 'FunctionDefinitionAst')
                {
                    $inShow = ($p.Name -replace '^[A-Za-z]+:', '') -like 'Show-*'
                    break
                }
            }
            if (-not $inShow -and -not (Test-Syntax51Suppressed -Node $node -Rule 'AvoidUsingWriteHost'))
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'AvoidUsingWriteHost' -Text ('use Write-Output, Write-Verbose or Write-Information: {0}' -f $node.Extent.Text)
            }
        }
        elseif ([System.String]::Equals($name, 'ConvertTo-Json', [System.StringComparison]::OrdinalIgnoreCase))
        {
            $hasDepth = $false
            foreach ($element in @($node.CommandElements))
            {
                $kind = $element.GetType().Name
                # -Dep is the shortest unambiguous prefix (-D and -De also match -Debug).
                if ($kind -eq 'CommandParameterAst' -and $element.ParameterName.Length -ge 3 -and 'Depth'.StartsWith($element.ParameterName, [System.StringComparison]::OrdinalIgnoreCase)) { $hasDepth = $true }
                if ($kind -eq 'VariableExpressionAst' -and $element.Splatted) { $hasDepth = $true }
            }
            if (-not $hasDepth -and -not (Test-Syntax51Suppressed -Node $node -Rule 'ConvertToJsonDepth'))
            {
                New-Syntax51Finding -File $File -Line $line -Rule 'ConvertToJsonDepth' -Text ('no -Depth (deeper than 2 becomes ToString() text): {0}' -f $node.Extent.Text)
            }
        }
    }
}

function Test-Syntax51File
{
    <#
    .SYNOPSIS
        Returns every Windows PowerShell 5.1 incompatibility found in one file, sorted by line.
    .PARAMETER Path
        The file to check.
    .PARAMETER Root
        Shown paths are made relative to this folder (forward slashes).
    .PARAMETER Scope
        Syntax51 (the default): the Windows PowerShell 5.1 rules. Module: also the analyzer rules. Public: also
        OutputTypeDeclared. Get-Syntax51Scope gives a repository file's scope.
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSCustomObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Path,

        [Parameter()]
        [System.String]
        $Root,

        [Parameter()]
        [ValidateSet('Syntax51', 'Module', 'Public')]
        [System.String]
        $Scope = 'Syntax51'
    )

    $full = [System.IO.Path]::GetFullPath($Path)
    $display = $full
    if (-not [System.String]::IsNullOrEmpty($Root))
    {
        $rootFull = [System.IO.Path]::GetFullPath($Root).TrimEnd([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar) + [System.IO.Path]::DirectorySeparatorChar
        if ($full.StartsWith($rootFull, [System.StringComparison]::OrdinalIgnoreCase)) { $display = $full.Substring($rootFull.Length) }
    }
    $display = $display.Replace('\', '/')

    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($full, [ref]$tokens, [ref]$errors)

    $findings = @(
        foreach ($e in @($errors))
        {
            if ($null -ne $e)
            {
                New-Syntax51Finding -File $display -Line $e.Extent.StartLineNumber -Rule 'ParseError' -Text ('{0} ({1})' -f $e.Message, $e.ErrorId)
            }
        }
        Get-Syntax51AstFinding -Ast $ast -File $display
        Get-Syntax51TokenFinding -Token @($tokens) -File $display
        Get-Syntax51EncodingFinding -Path $full -File $display
        if ($Scope -ne 'Syntax51') { Get-Syntax51AnalyzerFinding -Ast $ast -File $display -Scope $Scope }
    )
    $findings | Sort-Object -Property Line, Rule
}
