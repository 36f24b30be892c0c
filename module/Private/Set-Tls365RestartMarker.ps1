function Set-Tls365RestartMarker
{
    <#
    .SYNOPSIS
        Records that TLS365 wrote live registry changes that take effect only after a restart.
    .DESCRIPTION
        Creates HKLM\SOFTWARE\TLS365RestartPending as a volatile key (RegistryOptions.Volatile: it lives in memory
        only, and Windows drops it at the next boot) with the time of the change (ChangedUtc), what wrote it
        (Command), the backup (BackupPath) and what the change needs (Restart: apps or reboot). The collector reads the key's existence as a pending-restart
        marker (TLS365-OS-005: "TLS365 changes written since the last boot"), so a readiness check after Set or
        Undo says the machine still runs with its old settings until it restarts. A key that exists already is
        updated. It is not part of the change or its backup (it is gone after the restart anyway); a failure to
        write it is returned as text for a warning, never a failed change. Goes through the registry seam
        (Get-Tls365RegistryBase).
    .PARAMETER Command
        The command that made the change (Set-Tls365Protocols or Undo-Tls365Change).
    .PARAMETER BackupPath
        The backup of the change.
    .PARAMETER Restart
        What the change needs: apps (restart the applications) or reboot.
    .EXAMPLE
        $problem = Set-Tls365RestartMarker -Command 'Set-Tls365Protocols' -BackupPath $backup
    #>
    [CmdletBinding()]
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Runs only after the public command''s ShouldProcess approved the change it marks.')]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Command,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String]
        $BackupPath,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String]
        $Restart
    )

    $base = Get-Tls365RegistryBase -Hive LocalMachine
    if ($null -eq $base) { return }
    $key = $null
    try
    {
        $key = $base.CreateSubKey('SOFTWARE\TLS365RestartPending', [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, [Microsoft.Win32.RegistryOptions]::Volatile)
        $key.SetValue('ChangedUtc', [System.DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture), [Microsoft.Win32.RegistryValueKind]::String)
        $key.SetValue('Command', $Command, [Microsoft.Win32.RegistryValueKind]::String)
        $key.SetValue('BackupPath', $BackupPath, [Microsoft.Win32.RegistryValueKind]::String)
        $key.SetValue('Restart', $Restart, [Microsoft.Win32.RegistryValueKind]::String)
    }
    catch
    {
        return (Get-Tls365InnerMessage -Exception $_.Exception)
    }
    finally
    {
        if ($null -ne $key) { $key.Close() }
        $base.Close()
    }
}
