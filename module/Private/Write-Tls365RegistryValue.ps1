function Write-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Writes or deletes one value through the registry seam; returns @{ Ok; Message } (never throws).
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive (created when missing).
    .PARAMETER Name
        The value name.
    .PARAMETER Operation
        set-dword, set-string or delete-value.
    .PARAMETER Data
        The DWORD (0..4294967295) or string.
    .EXAMPLE
        Write-Tls365RegistryValue -Hive LocalMachine -Key 'SOFTWARE\X' -Name 'Enabled' -Operation 'set-dword' -Data 1
    #>
    [CmdletBinding()]
    param ([System.String] $Hive, [System.String] $Key, [System.String] $Name, [System.String] $Operation, [System.Object] $Data)
    try
    {
        $base = Get-Tls365RegistryBase -Hive $Hive
        try
        {
            if ($Operation -eq 'delete-value')
            {
                $k = $base.OpenSubKey($Key, $true)
                if ($null -ne $k) { try { $k.DeleteValue($Name, $false) } finally { $k.Close() } }
                return @{ Ok = $true; Message = '' }
            }
            $k = $base.CreateSubKey($Key)
            try
            {
                if ($Operation -eq 'set-dword')
                {
                    $signed = [System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([System.UInt32]$Data), 0)
                    $k.SetValue($Name, $signed, [Microsoft.Win32.RegistryValueKind]::DWord)
                }
                else
                {
                    $k.SetValue($Name, [System.String]$Data, [Microsoft.Win32.RegistryValueKind]::String)
                }
            }
            finally { $k.Close() }
        }
        finally { $base.Close() }
        @{ Ok = $true; Message = '' }
    }
    catch
    {
        @{ Ok = $false; Message = $_.Exception.Message }
    }
}
