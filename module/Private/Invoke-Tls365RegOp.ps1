function Invoke-Tls365RegOp
{
    <#
    .SYNOPSIS
        Carries out one operation of the change engine (core/change: set, delete-value, remove-key) through the registry seam; returns @{ Ok; Message } (never throws).
    .DESCRIPTION
        set writes the value with its kind (REG_DWORD, REG_QWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ,
        REG_BINARY, REG_NONE; other types cannot be written by .NET and fail, naming the type), creating the key
        when missing. delete-value deletes the value when it is there. remove-key deletes the key when it exists
        and is empty (Remove-Tls365CreatedKey).
    .PARAMETER Operation
        The operation as the bridge returned it: op, key (full path), name, value {type, data}.
    .EXAMPLE
        Invoke-Tls365RegOp -Operation $op
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ([Parameter(Mandatory = $true)] [System.Object] $Operation)
    $location = Split-Tls365RegistryPath -Path ([System.String]$Operation.key)
    switch ([System.String]$Operation.op)
    {
        'remove-key' { return (Remove-Tls365CreatedKey -Hive $location.Hive -Key $location.Key) }
        'delete-value' { return (Write-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$Operation.name) -Operation 'delete-value') }
        'set'
        {
            $kinds = @{ REG_DWORD = 'DWord'; REG_QWORD = 'QWord'; REG_SZ = 'String'; REG_EXPAND_SZ = 'ExpandString'; REG_MULTI_SZ = 'MultiString'; REG_BINARY = 'Binary'; REG_NONE = 'None' }
            $type = [System.String]$Operation.value.type
            if (-not $kinds.ContainsKey($type)) { return @{ Ok = $false; Message = ($script:LocalizedData.Remediation_KindNotWritable -f $type) } }
            return (Write-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$Operation.name) -Operation 'set-kind' -Kind $kinds[$type] -Data $Operation.value.data)
        }
    }
    @{ Ok = $false; Message = ("'{0}' is not a registry operation" -f [System.String]$Operation.op) }
}
