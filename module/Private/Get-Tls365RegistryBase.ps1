function Get-Tls365RegistryBase
{
    <#
    .SYNOPSIS
        THE Windows-only registry seam for writes: the base key of a hive in the native (64-bit) view.
    .DESCRIPTION
        Every live registry read and write of Set-Tls365Protocols and Undo-Tls365Change goes through the key
        returned here (RegistryKey API: OpenSubKey, CreateSubKey, GetValueNames, GetValueKind, GetValue,
        SetValue, DeleteValue, Close). On Windows it is [Microsoft.Win32.RegistryKey]::OpenBaseKey with
        RegistryView.Registry64 (the native view even from a 32-bit host; the Wow6432Node paths are written as
        such): that line is reviewed, not tested here, since this project's machines have no registry. Tests
        set $script:RegistryBaseProvider to a script block returning stand-in keys with the same methods
        (tests/module/fixtures/fake-registry), so everything above this seam is tested on Linux.
    .PARAMETER Hive
        LocalMachine or CurrentUser.
    .EXAMPLE
        $base = Get-Tls365RegistryBase -Hive LocalMachine
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [ValidateSet('LocalMachine', 'CurrentUser')]
        [System.String]
        $Hive
    )

    if ($null -ne $script:RegistryBaseProvider) { return (& $script:RegistryBaseProvider $Hive) }
    $hiveValue = [Microsoft.Win32.RegistryHive]::LocalMachine
    if ($Hive -eq 'CurrentUser') { $hiveValue = [Microsoft.Win32.RegistryHive]::CurrentUser }
    [Microsoft.Win32.RegistryKey]::OpenBaseKey($hiveValue, [Microsoft.Win32.RegistryView]::Registry64)
}
