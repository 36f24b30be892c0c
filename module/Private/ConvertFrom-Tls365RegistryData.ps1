function ConvertFrom-Tls365RegistryData
{
    <#
    .SYNOPSIS
        A value as RegistryKey.GetValue returns it, in the kind-exact, JSON-safe form the live backup stores.
    .DESCRIPTION
        DWord: unsigned 32-bit number (GetValue gives Int32). QWord: unsigned 64-bit as a decimal string (JSON
        numbers lose precision past 2^53). String and ExpandString: the string, unexpanded. MultiString: an array of
        strings. Binary, None and Unknown kinds: lower-case hex of the bytes.
    .PARAMETER Kind
        The RegistryValueKind name (DWord, QWord, String, ExpandString, MultiString, Binary, None, Unknown).
    .PARAMETER Raw
        What GetValue returned (with DoNotExpandEnvironmentNames).
    .EXAMPLE
        ConvertFrom-Tls365RegistryData -Kind DWord -Raw -1    # 4294967295
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Kind, [Parameter()] [AllowNull()] [System.Object] $Raw)
    switch ($Kind)
    {
        'DWord' { return [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32]$Raw), 0) }
        'QWord' { return [System.BitConverter]::ToUInt64([System.BitConverter]::GetBytes([System.Int64]$Raw), 0).ToString([System.Globalization.CultureInfo]::InvariantCulture) }
        'String' { return [System.String]$Raw }
        'ExpandString' { return [System.String]$Raw }
        'MultiString' { return ,([System.String[]]@($Raw)) }
    }
    $bytes = [System.Byte[]]@()
    if ($Raw -is [System.Byte[]]) { $bytes = $Raw }
    $hex = New-Object -TypeName 'System.Text.StringBuilder'
    foreach ($b in $bytes) { $null = $hex.Append($b.ToString('x2')) }
    $hex.ToString()
}
