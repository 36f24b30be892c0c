function Test-Tls365RegistryKey
{
    <#
    .SYNOPSIS
        Whether a key exists, read through the registry seam.
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive.
    .EXAMPLE
        Test-Tls365RegistryKey -Hive LocalMachine -Key 'SOFTWARE\Microsoft'
    #>
    [CmdletBinding()]
    [OutputType([System.Boolean])]
    param ([Parameter(Mandatory = $true)] [System.String] $Hive, [Parameter(Mandatory = $true)] [System.String] $Key)
    $base = Get-Tls365RegistryBase -Hive $Hive
    try
    {
        $k = $base.OpenSubKey($Key, $false)
        if ($null -eq $k) { return $false }
        $k.Close()
        $true
    }
    finally { $base.Close() }
}
