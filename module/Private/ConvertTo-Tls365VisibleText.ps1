function ConvertTo-Tls365VisibleText
{
    <#
    .SYNOPSIS
        Text for the console with every C0 control, DEL and C1 control shown as \xHH.
    .DESCRIPTION
        The core already does this for everything it reports (core/model/visible.ts). This is the same rule for
        the few texts the module composes itself from raw data, such as the confirmation text of a change whose
        data was read from an image (a cipher-suite list), so that no escape sequence from a file reaches the
        console through -WhatIf, -Confirm or -Verbose.
    .PARAMETER Text
        The text to show.
    .EXAMPLE
        ConvertTo-Tls365VisibleText -Text ("a" + [char]0x1B + "[2J")

        Returns 'a\x1B[2J'.
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String]
        $Text
    )

    [System.Text.RegularExpressions.Regex]::Replace($Text, '[\x00-\x1F\x7F-\x9F]', { param ($m) '\x{0:X2}' -f [System.Int32][System.Char]$m.Value })
}
