function Stop-Tls365Bridge
{
    <#
    .SYNOPSIS
        Stops the session's bridge process, if any: closes its stdin (the bridge exits on EOF), then kills it if it lingers.
    .DESCRIPTION
        Returns the bridge's exit code and the tail of its stderr (for error messages), or nothing when no
        bridge was running. Safe to call at any time; the module's OnRemove handler calls it.
    .PARAMETER Kill
        Kill at once instead of closing stdin first (used after a timeout).
    .EXAMPLE
        Stop-Tls365Bridge
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Private: stops the module''s own Node child process; nothing of the machine or the user changes.')]
    [CmdletBinding()]
    param
    (
        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Kill
    )

    $bridge = $script:Bridge
    $script:Bridge = $null
    if ($null -eq $bridge) { return }

    $process = $bridge.Process
    try
    {
        if (-not $Kill) { $bridge.Writer.Dispose() }
    }
    catch
    {
        Write-Verbose -Message ("TLS365 bridge: closing stdin failed: {0}" -f $_.Exception.Message)
    }
    try
    {
        if (-not $process.HasExited -and ($Kill -or -not $process.WaitForExit(2000)))
        {
            $process.Kill()
            $null = $process.WaitForExit(2000)
        }
    }
    catch
    {
        Write-Verbose -Message ("TLS365 bridge: stopping process {0} failed: {1}" -f $process.Id, $_.Exception.Message)
    }

    $exitCode = $null
    if ($process.HasExited) { $exitCode = $process.ExitCode }
    $stderrTail = ''
    if ($bridge.StderrTask.Wait(1000))
    {
        $lines = @($bridge.StderrTask.Result -split "`r?`n" | Where-Object { $_ -ne '' })
        $stderrTail = ($lines | Select-Object -Last 10) -join ' | '
    }
    $process.Dispose()
    [PSCustomObject]@{ ExitCode = $exitCode; StderrTail = $stderrTail }
}
