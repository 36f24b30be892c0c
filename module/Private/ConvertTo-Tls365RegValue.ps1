function ConvertTo-Tls365RegValue
{
    <#
    .SYNOPSIS
        A value read through the registry seam (Read-Tls365RegistryValue) as the change engine's registry value: @{ type; data }, or $null when absent.
    .DESCRIPTION
        DWord -> REG_DWORD (unsigned), QWord -> REG_QWORD (decimal string), String -> REG_SZ, ExpandString ->
        REG_EXPAND_SZ (unexpanded), MultiString -> REG_MULTI_SZ (array), Binary -> REG_BINARY and None ->
        REG_NONE (lower-case hex). A kind .NET cannot write back (Unknown: REG_DWORD_BIG_ENDIAN, REG_LINK, ...)
        cannot be restored exactly, so it throws, naming the value: the change is refused before anything is written.
    .PARAMETER State
        What Read-Tls365RegistryValue returned.
    .PARAMETER Target
        The value's full path, for the error.
    .EXAMPLE
        ConvertTo-Tls365RegValue -State (Read-Tls365RegistryValue -Hive LocalMachine -Key $key -Name 'Enabled') -Target "$key\Enabled"
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.Collections.Hashtable] $State, [Parameter()] [System.String] $Target = '')
    if (-not $State.Exists) { return $null }
    switch ([System.String]$State.Kind)
    {
        'DWord' { return @{ type = 'REG_DWORD'; data = [System.UInt32]$State.Value } }
        'QWord' { return @{ type = 'REG_QWORD'; data = [System.String]$State.Value } }
        'String' { return @{ type = 'REG_SZ'; data = [System.String]$State.Value } }
        'ExpandString' { return @{ type = 'REG_EXPAND_SZ'; data = [System.String]$State.Value } }
        'MultiString' { return @{ type = 'REG_MULTI_SZ'; data = [System.String[]]@($State.Value | Where-Object { $null -ne $_ }) } }
        'Binary' { return @{ type = 'REG_BINARY'; data = [System.String]$State.Value } }
        'None' { return @{ type = 'REG_NONE'; data = [System.String]$State.Value } }
    }
    throw ($script:LocalizedData.Remediation_KindNotRestorable -f $Target, [System.String]$State.Kind)
}
