function Write-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Writes or deletes one value through the registry seam; returns @{ Ok; Message } (never throws).
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .PARAMETER Key
        The key below the hive (created when missing, for every operation but delete-value).
    .PARAMETER Name
        The value name.
    .PARAMETER Operation
        set-dword or set-string (plan operations), set-kind (restore a backed-up value of any writable kind:
        -Kind and -Data in the backup's form), or delete-value.
    .PARAMETER Data
        The DWORD (0..4294967295), the string, or for set-kind the backup's form of the value.
    .PARAMETER Kind
        For set-kind: DWord, QWord, String, ExpandString, MultiString, Binary or None.
    .EXAMPLE
        Write-Tls365RegistryValue -Hive LocalMachine -Key 'SOFTWARE\X' -Name 'Enabled' -Operation 'set-dword' -Data 1
    #>
    [CmdletBinding()]
    param ([System.String] $Hive, [System.String] $Key, [System.String] $Name, [System.String] $Operation, [System.Object] $Data, [System.String] $Kind)
    # InvokeReturnAsIs with the try/catch inside: a registry refusal is an answer, and its exception does not reach
    # the caller's -ErrorVariable (a try/catch in the function itself would not stop that).
    $guarded = {
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
                $valueKind = 'String'
                $value = $null
                if ($Operation -eq 'set-dword') { $valueKind = 'DWord'; $value = ConvertTo-Tls365RegistryData -Kind 'DWord' -Value $Data }
                elseif ($Operation -eq 'set-string') { $value = [System.String]$Data }
                elseif ($Operation -eq 'set-kind')
                {
                    if (@('DWord', 'QWord', 'String', 'ExpandString', 'MultiString', 'Binary', 'None') -notcontains $Kind)
                    {
                        return @{ Ok = $false; Message = ($script:LocalizedData.Remediation_KindNotWritable -f $Kind) }
                    }
                    $valueKind = $Kind
                    $value = ConvertTo-Tls365RegistryData -Kind $Kind -Value $Data
                }
                else { return @{ Ok = $false; Message = ("'{0}' is not a registry operation" -f $Operation) } }
                $k = $base.CreateSubKey($Key)
                try { $k.SetValue($Name, $value, [Microsoft.Win32.RegistryValueKind]$valueKind) }
                finally { $k.Close() }
            }
            finally { $base.Close() }
            @{ Ok = $true; Message = '' }
        }
        catch
        {
            @{ Ok = $false; Message = (Get-Tls365InnerMessage -Exception $_.Exception) }
        }
    }
    $guarded.InvokeReturnAsIs()
}
