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
        set-kind (write a value of any kind .NET can write: -Kind and -Data in the change engine's form, see
        Invoke-Tls365RegOp) or delete-value.
    .PARAMETER Data
        The value in the change engine's form (DWORD unsigned, QWORD decimal text, strings, hex for binary kinds).
    .PARAMETER Kind
        For set-kind: DWord, QWord, String, ExpandString, MultiString, Binary or None.
    .EXAMPLE
        Write-Tls365RegistryValue -Hive LocalMachine -Key 'SOFTWARE\X' -Name 'Enabled' -Operation 'set-kind' -Kind DWord -Data 1
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
                if ($Operation -ne 'set-kind') { return @{ Ok = $false; Message = ("'{0}' is not a registry operation" -f $Operation) } }
                if (@('DWord', 'QWord', 'String', 'ExpandString', 'MultiString', 'Binary', 'None') -notcontains $Kind)
                {
                    return @{ Ok = $false; Message = ($script:LocalizedData.Remediation_KindNotWritable -f $Kind) }
                }
                $value = ConvertTo-Tls365RegistryData -Kind $Kind -Value $Data
                $k = $base.CreateSubKey($Key)
                try { $k.SetValue($Name, $value, [Microsoft.Win32.RegistryValueKind]$Kind) }
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
