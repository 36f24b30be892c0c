function Get-Tls365MissingKey
{
    <#
    .SYNOPSIS
        The keys on the way to a key that do not exist yet (deepest first): what writing a value there would create.
    .DESCRIPTION
        Reads through the registry seam. The live backup records these, so Undo-Tls365Change can delete exactly
        the keys Set-Tls365Protocols created, and nothing else.
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive.
    .EXAMPLE
        Get-Tls365MissingKey -Hive LocalMachine -Key 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([Parameter(Mandatory = $true)] [System.String] $Hive, [Parameter(Mandatory = $true)] [System.String] $Key)
    $current = $Key.TrimEnd([System.Char]92)
    while (-not [System.String]::IsNullOrEmpty($current) -and -not (Test-Tls365RegistryKey -Hive $Hive -Key $current))
    {
        $current
        $cut = $current.LastIndexOf([System.Char]92)
        if ($cut -lt 0) { break }
        $current = $current.Substring(0, $cut)
    }
}
