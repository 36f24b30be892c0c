function Split-Tls365RegistryPath
{
    <#
    .SYNOPSIS
        Splits HKEY_LOCAL_MACHINE\SOFTWARE\... into the seam's hive name and the key below it.
    .PARAMETER Path
        A full key path (HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER, also HKLM/HKCU).
    .EXAMPLE
        Split-Tls365RegistryPath -Path 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft'
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Path)
    $root, $rest = $Path.Split([System.Char[]]@([System.Char]92), 2)
    $hive = 'LocalMachine'
    if (@('HKEY_CURRENT_USER', 'HKCU') -contains $root.ToUpperInvariant()) { $hive = 'CurrentUser' }
    @{ Hive = $hive; Key = [System.String]$rest }
}
