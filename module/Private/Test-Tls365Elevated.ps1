function Test-Tls365Elevated
{
    <#
    .SYNOPSIS
        Whether this process runs with administrator rights (an elevated token on Windows; root elsewhere).
    .DESCRIPTION
        Checked before any live registry write (Set-Tls365Protocols and Undo-Tls365Change without -Path): the
        machine-wide keys TLS365 changes need an elevated token, and a change that fails half-way for lack of
        rights is worse than one that does not start. Under UAC an administrator's shell that was not started
        with "Run as administrator" is not elevated.
    .EXAMPLE
        if (-not (Test-Tls365Elevated)) { ... }
    #>
    [CmdletBinding()]
    [OutputType([System.Boolean])]
    param ()

    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT)
    {
        return (& id -u 2>$null) -eq '0'
    }
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    try
    {
        $principal = New-Object -TypeName 'System.Security.Principal.WindowsPrincipal' -ArgumentList $identity
        $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
    }
    finally
    {
        $identity.Dispose()
    }
}
