function Invoke-Tls365Bridge
{
    <#
    .SYNOPSIS
        Calls one bridge method, starting the bridge on first use and restarting it once if it died.
    .DESCRIPTION
        The only function the public commands use to reach the TypeScript core. The bridge is started
        lazily and reused for the session. A bridge found dead (or whose stdin is closed) before the
        request was delivered is restarted once and the request sent again. A bridge that dies while a
        request is pending is never silently retried: the caller gets TLS365.Bridge.Exited and turns it into
        one error per pending item; the next call starts a new bridge. More than three failures within a
        minute stop the restarts (TLS365.Bridge.RestartLimit), so a crashing bridge cannot loop.

        Returns @{ Ok = $true; Value = result } or @{ Ok = $false; Error = ErrorRecord; Terminating = bool }.
        It never throws: in PowerShell even a caught exception lands in the caller's -ErrorVariable.
        Terminating is true when no retry can help (Node missing or too old, bridge not built, protocol
        mismatch, restart limit): the public command then stops with that error.
    .PARAMETER Method
        The bridge method, e.g. mask.decode.
    .PARAMETER Params
        The params object (hashtables and arrays; serialised with depth 20).
    .PARAMETER TimeoutSeconds
        Seconds to wait for the reply. Defaults to the module's setting (300).
    .PARAMETER OnNotification
        Called with each notification (progress, log) the bridge sends before the reply.
    .EXAMPLE
        $answer = Invoke-Tls365Bridge -Method 'mask.decode' -Params @{ items = @(@{ value = 2688; layout = 'WinHttp' }) }
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Method,

        [Parameter(Mandatory = $true)]
        [System.Object]
        $Params,

        [Parameter()]
        [System.Int32]
        $TimeoutSeconds = $script:BridgeTimeoutSeconds,

        [Parameter()]
        [System.Management.Automation.ScriptBlock]
        $OnNotification
    )

    $attempt = 0
    while ($true)
    {
        $attempt++
        if ($null -ne $script:Bridge -and $script:Bridge.Process.HasExited)
        {
            $stopped = Stop-Tls365Bridge
            Write-Verbose -Message ("TLS365 bridge: found it exited (code {0}); starting a new one. {1}" -f $stopped.ExitCode, $stopped.StderrTail)
            $limit = Register-Tls365BridgeFailure -Reason ("exited with code {0}" -f $stopped.ExitCode)
            if ($null -ne $limit) { return @{ Ok = $false; Error = $limit; Terminating = $true } }
        }
        if ($null -eq $script:Bridge)
        {
            $started = Start-Tls365Bridge
            if (-not $started.Ok)
            {
                if (-not $started.Terminating)
                {
                    $limit = Register-Tls365BridgeFailure -Reason $started.Error.Exception.Message
                    if ($null -ne $limit) { return @{ Ok = $false; Error = $limit; Terminating = $true } }
                }
                return $started
            }
        }

        $answer = Send-Tls365BridgeRequest -Method $Method -Params $Params -TimeoutSeconds $TimeoutSeconds -OnNotification $OnNotification
        if ($answer.Ok) { return $answer }

        $errorId = $answer.Error.FullyQualifiedErrorId
        $died = $errorId -like 'TLS365.Bridge.Exited*' -or $errorId -like 'TLS365.Bridge.Timeout*' -or $errorId -like 'TLS365.Bridge.NotDelivered*'
        if ($died)
        {
            $limit = Register-Tls365BridgeFailure -Reason $answer.Error.Exception.Message
            if ($null -ne $limit) { return @{ Ok = $false; Error = $limit; Terminating = $true } }
            if ($errorId -like 'TLS365.Bridge.NotDelivered*' -and $attempt -eq 1)
            {
                Write-Verbose -Message 'TLS365 bridge: the request was not delivered; restarting the bridge once and sending it again.'
                continue
            }
        }
        return @{ Ok = $false; Error = $answer.Error; Terminating = $false }
    }
}
