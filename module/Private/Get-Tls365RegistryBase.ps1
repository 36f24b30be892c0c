function Get-Tls365RegistryBase
{
    <#
    .SYNOPSIS
        The Windows-only registry seam of the module: the base key of a hive in the native (64-bit) view.
    .DESCRIPTION
        Every live registry read and write of Set-Tls365Protocols and Undo-Tls365Change goes through the key
        returned here (RegistryKey API: OpenSubKey, CreateSubKey, DeleteSubKey, GetSubKeyNames, GetValueNames,
        GetValueKind, GetValue, SetValue, DeleteValue, Close). It is [Microsoft.Win32.RegistryKey]::OpenBaseKey
        with RegistryView.Registry64 (the native view even from a 32-bit host; the Wow6432Node paths are written
        as such). There is no switch or variable to replace it: it always opens the real registry. The Windows
        tier (tests/windows, the Windows pwsh under Wine against Wine's Win32 registry) runs it for real; the
        Linux tests replace it from outside with Pester's Mock -ModuleName TLS365 (tests/module/fixtures/fake-registry).
        Off Windows there is no registry: it returns $null (no error), and the callers say so once
        (TLS365.Remediation.NotWindows) before touching anything.
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

    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) { return $null }
    $hiveValue = [Microsoft.Win32.RegistryHive]::LocalMachine
    if ($Hive -eq 'CurrentUser') { $hiveValue = [Microsoft.Win32.RegistryHive]::CurrentUser }
    [Microsoft.Win32.RegistryKey]::OpenBaseKey($hiveValue, [Microsoft.Win32.RegistryView]::Registry64)
}
