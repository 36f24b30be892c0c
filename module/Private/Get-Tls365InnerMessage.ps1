function Get-Tls365InnerMessage
{
    <#
    .SYNOPSIS
        The message of the innermost exception: what the registry API said, without PowerShell's "Exception calling ..." wrapping.
    .PARAMETER Exception
        The exception caught.
    .EXAMPLE
        try { $key.SetValue('x', 1) } catch { Get-Tls365InnerMessage -Exception $_.Exception }
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([Parameter(Mandatory = $true)] [System.Exception] $Exception)
    $inner = $Exception
    while ($null -ne $inner.InnerException) { $inner = $inner.InnerException }
    $inner.Message
}
