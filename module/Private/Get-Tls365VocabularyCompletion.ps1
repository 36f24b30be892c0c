function Get-Tls365VocabularyCompletion
{
    <#
    .SYNOPSIS
        Tab completion for the parameters that Assert-Tls365Vocabulary validates.
    .DESCRIPTION
        TLS365.psm1 registers this (through one script block made in the module, so it runs in the module's
        scope) for every exported parameter whose [ValidateScript()] calls Assert-Tls365Vocabulary. It reads
        the list's name from that attribute and returns a CompletionResult for each word of the list that starts
        with what was typed (ignoring case and quotes), in the list's order: what a ValidateSet would offer.
    .PARAMETER CommandName
        The command being completed.
    .PARAMETER ParameterName
        The parameter being completed.
    .PARAMETER WordToComplete
        What the user typed so far (may be empty, or quoted).
    .EXAMPLE
        Get-Tls365VocabularyCompletion -CommandName 'Set-Tls365Protocols' -ParameterName 'Component' -WordToComplete 'Dot'
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.CompletionResult])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $CommandName,

        [Parameter(Mandatory = $true)]
        [System.String]
        $ParameterName,

        [Parameter()]
        [AllowEmptyString()]
        [AllowNull()]
        [System.String]
        $WordToComplete
    )

    $command = Get-Command -Name $CommandName -CommandType Function -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command -or -not $command.Parameters.ContainsKey($ParameterName))
    {
        return
    }
    $name = Get-Tls365VocabularyName -Parameter $command.Parameters[$ParameterName]
    if ($null -eq $name)
    {
        return
    }
    $typed = ''
    if ($null -ne $WordToComplete)
    {
        $typed = $WordToComplete.Trim([char[]]@([char]39, [char]34))
    }
    foreach ($word in @($script:Vocabulary[$name]))
    {
        if ($word.StartsWith($typed, [System.StringComparison]::OrdinalIgnoreCase))
        {
            New-Object -TypeName 'System.Management.Automation.CompletionResult' -ArgumentList @($word, $word, 'ParameterValue', $word)
        }
    }
}
