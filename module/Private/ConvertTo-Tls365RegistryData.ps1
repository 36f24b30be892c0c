function ConvertTo-Tls365RegistryData
{
    <#
    .SYNOPSIS
        The backup's kind-exact form of a value back into what RegistryKey.SetValue takes for that kind.
    .PARAMETER Kind
        DWord, QWord, String, ExpandString, MultiString, Binary or None (Unknown kinds cannot be written by .NET).
    .PARAMETER Value
        The stored form (see ConvertFrom-Tls365RegistryData).
    .EXAMPLE
        ConvertTo-Tls365RegistryData -Kind DWord -Value 4294967295    # -1 (Int32)
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Kind, [Parameter()] [AllowNull()] [System.Object] $Value)
    switch ($Kind)
    {
        'DWord' { return [System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([System.UInt32]$Value), 0) }
        'QWord' { return [System.BitConverter]::ToInt64([System.BitConverter]::GetBytes([System.UInt64]::Parse([System.String]$Value, [System.Globalization.CultureInfo]::InvariantCulture)), 0) }
        'String' { return [System.String]$Value }
        'ExpandString' { return [System.String]$Value }
        'MultiString' { return ,([System.String[]]@($Value | Where-Object { $null -ne $_ })) }
    }
    $text = [System.String]$Value
    $bytes = New-Object -TypeName 'System.Byte[]' -ArgumentList ([System.Int32]($text.Length / 2))
    for ($i = 0; $i -lt $bytes.Length; $i++) { $bytes[$i] = [System.Convert]::ToByte($text.Substring(2 * $i, 2), 16) }
    ,$bytes
}
