function Assert-Tls365Vocabulary
{
    <#
    .SYNOPSIS
        Checks that a parameter value is one of the words TLS365 knows for it, for [ValidateScript()].
    .DESCRIPTION
        The words (components, roles, protocols, formats) have one home in the core and reach the module as
        TLS365.Vocabulary.psd1, generated from it. Parameters validate against that list instead of repeating it
        in a ValidateSet. The comparison ignores case, as ValidateSet does. An unknown word throws; PowerShell
        then reports "Cannot validate argument on parameter ..." followed by this message, which lists the words.
    .PARAMETER Name
        The list: Component, Role, Protocol, PlanProtocol, MaskLayout, LogFormat or ExportFormat.
    .PARAMETER Value
        The value given for the parameter (one element of an array parameter).
    .EXAMPLE
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Component' -Value $_ })]
    #>
    [CmdletBinding()]
    [OutputType([System.Boolean])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Name,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String]
        $Value
    )

    $words = @($script:Vocabulary[$Name])
    foreach ($word in $words)
    {
        if ([System.String]::Equals($word, $Value, [System.StringComparison]::OrdinalIgnoreCase))
        {
            return $true
        }
    }
    throw ($script:LocalizedData.Vocabulary_Unknown -f $Value, $Name, ($words -join ', '))
}
