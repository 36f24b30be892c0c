function Get-Tls365RegistryDataText
{
    <#
    .SYNOPSIS
        One comparable line for a registry value's state: absent, or kind and data (the backup's form).
    .PARAMETER Exists
        Whether the value exists.
    .PARAMETER Kind
        Its RegistryValueKind name.
    .PARAMETER Value
        Its data in the backup's form (ConvertFrom-Tls365RegistryData).
    .EXAMPLE
        Get-Tls365RegistryDataText -Exists $true -Kind DWord -Value 1    # DWord:1
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([System.Boolean] $Exists, [System.String] $Kind, [System.Object] $Value)
    if (-not $Exists) { return '(absent)' }
    if ($Kind -eq 'MultiString') { return ('MultiString:[{0}]' -f ((@($Value | Where-Object { $null -ne $_ }) | ForEach-Object { "'" + ([System.String]$_).Replace("'", "''") + "'" }) -join ', ')) }
    if ($Kind -eq 'DWord') { return ('DWord:0x{0}' -f ([System.UInt32]$Value).ToString('X8')) }
    '{0}:{1}' -f $Kind, [System.String]$Value
}
