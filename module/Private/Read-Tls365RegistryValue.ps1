function Read-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Reads one value through the registry seam: @{ KeyExists; Exists; Kind; Value } (DWORD as unsigned).
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive.
    .PARAMETER Name
        The value name ('' for the default value).
    .EXAMPLE
        Read-Tls365RegistryValue -Hive LocalMachine -Key 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name 'SchUseStrongCrypto'
    #>
    [CmdletBinding()]
    param ([System.String] $Hive, [System.String] $Key, [System.String] $Name)
    $base = Get-Tls365RegistryBase -Hive $Hive
    try
    {
        $k = $base.OpenSubKey($Key, $false)
        if ($null -eq $k) { return @{ KeyExists = $false; Exists = $false; Kind = ''; Value = $null } }
        try
        {
            if (@($k.GetValueNames()) -notcontains $Name) { return @{ KeyExists = $true; Exists = $false; Kind = ''; Value = $null } }
            $kind = [System.String]$k.GetValueKind($Name)
            $value = $k.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
            if ($kind -eq 'DWord') { $value = [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32]$value), 0) }
            return @{ KeyExists = $true; Exists = $true; Kind = $kind; Value = $value }
        }
        finally { $k.Close() }
    }
    finally { $base.Close() }
}
