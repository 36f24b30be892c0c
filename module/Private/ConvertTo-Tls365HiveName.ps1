function ConvertTo-Tls365HiveName
{
    <#
    .SYNOPSIS
        LocalMachine -> HKEY_LOCAL_MACHINE, CurrentUser -> HKEY_CURRENT_USER.
    .PARAMETER Hive
        The seam's hive name.
    .EXAMPLE
        ConvertTo-Tls365HiveName -Hive LocalMachine
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Hive)
    if ($Hive -eq 'CurrentUser') { return 'HKEY_CURRENT_USER' }
    'HKEY_LOCAL_MACHINE'
}
