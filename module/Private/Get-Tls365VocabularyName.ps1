function Get-Tls365VocabularyName
{
    <#
    .SYNOPSIS
        The vocabulary list a parameter validates against, or nothing.
    .DESCRIPTION
        Reads the parameter's [ValidateScript({ Assert-Tls365Vocabulary -Name '<List>' -Value $_ })] attribute
        and returns <List>; returns nothing when the parameter has no such check.
    .PARAMETER Parameter
        The parameter's metadata, from (Get-Command X).Parameters['Name'].
    .EXAMPLE
        Get-Tls365VocabularyName -Parameter (Get-Command Set-Tls365Protocols).Parameters['Role']
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.ParameterMetadata]
        $Parameter
    )

    foreach ($attribute in $Parameter.Attributes)
    {
        if ($attribute -is [System.Management.Automation.ValidateScriptAttribute] -and $attribute.ScriptBlock.ToString() -match "Assert-Tls365Vocabulary -Name '(\w+)'")
        {
            return $Matches[1]
        }
    }
}
