function Read-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Reads one value through the registry seam: @{ KeyExists; Exists; Kind; Value } (Value in the backup's kind-exact form).
    .DESCRIPTION
        Kind is the RegistryValueKind name; Value is what ConvertFrom-Tls365RegistryData makes of it (DWORD as
        unsigned, QWORD as a decimal string, multi-strings as arrays, binary kinds as hex). Throws when the
        registry cannot be read (the callers turn that into an error that names the value).
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
            $raw = $k.GetValue($Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
            return @{ KeyExists = $true; Exists = $true; Kind = $kind; Value = (ConvertFrom-Tls365RegistryData -Kind $kind -Raw $raw) }
        }
        finally { $k.Close() }
    }
    finally { $base.Close() }
}
