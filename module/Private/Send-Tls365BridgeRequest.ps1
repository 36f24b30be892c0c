function Send-Tls365BridgeRequest
{
    <#
    .SYNOPSIS
        Writes one JSON-RPC request to the running bridge and waits for its reply.
    .DESCRIPTION
        Reads stdout with one pending ReadLineAsync kept in module state, polled in short waits so Ctrl+C
        still works; replies for other ids (a request abandoned by Ctrl+C) are skipped; notifications
        (no id) go to -OnNotification. The timeout measures time without progress, not without messages: it
        restarts only on a notification that reports progress the bridge had not reported before (a new
        bytesDone or filesDone of a log scan, a new item index of a batch); a bridge that keeps talking without
        getting anywhere is stopped like a silent one. Returns @{ Ok = $true; Value = result } or @{ Ok = $false; Error = ErrorRecord }
        (never throws: a caught throw would still land in the caller's -ErrorVariable):
        TLS365.Bridge.Exited when the bridge ends before replying (exit code and stderr tail in the message),
        TLS365.Bridge.Timeout after -TimeoutSeconds (the bridge is killed), TLS365.Bridge.<Code> for a
        JSON-RPC error reply, TLS365.Bridge.BadReply for a line that is not a reply.
    .PARAMETER Method
        The bridge method.
    .PARAMETER Params
        The params object.
    .PARAMETER TimeoutSeconds
        How long to wait for the reply, or for the next progress notification.
    .PARAMETER OnNotification
        Called with each notification object that arrives before the reply.
    .EXAMPLE
        Send-Tls365BridgeRequest -Method 'mask.decode' -Params @{ items = @(@{ value = 2688 }) } -TimeoutSeconds 30
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Method,

        [Parameter(Mandatory = $true)]
        [System.Object]
        $Params,

        [Parameter(Mandatory = $true)]
        [System.Int32]
        $TimeoutSeconds,

        [Parameter()]
        [System.Management.Automation.ScriptBlock]
        $OnNotification
    )

    $bridge = $script:Bridge
    $bridge.NextId = $bridge.NextId + 1
    $id = $bridge.NextId
    $line = ConvertTo-Tls365RpcLine -InputObject @{ jsonrpc = '2.0'; id = $id; method = $Method; params = $Params }
    try
    {
        $bridge.Writer.WriteLine($line)
    }
    catch
    {
        # The pipe is closed: the bridge died before it could read this request.
        $null = Stop-Tls365Bridge -Kill
        $message = $script:LocalizedData.Bridge_Exited -f 'unknown', $Method, (' ' + $_.Exception.Message)
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.NotDelivered' -Category ResourceUnavailable -TargetObject $Method -InnerException $_.Exception) }
    }

    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $progressMark = ''
    while ($true)
    {
        if ($null -eq $bridge.PendingRead)
        {
            $bridge.PendingRead = $bridge.Process.StandardOutput.ReadLineAsync()
        }
        $read = $bridge.PendingRead
        if (-not $read.Wait(100))
        {
            if ($bridge.Process.HasExited)
            {
                # The process is gone; its last lines may still be in the pipe. EOF arrives soon.
                $null = $read.Wait(2000)
            }
            if (-not $read.IsCompleted)
            {
                if ($clock.Elapsed.TotalSeconds -ge $TimeoutSeconds)
                {
                    $null = Stop-Tls365Bridge -Kill
                    $message = $script:LocalizedData.Bridge_Timeout -f $Method, $TimeoutSeconds
                    return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.Timeout' -Category OperationTimeout -TargetObject $Method) }
                }
                continue
            }
        }
        $bridge.PendingRead = $null
        $text = $null
        if (-not $read.IsFaulted) { $text = $read.Result }
        if ($null -eq $text)
        {
            $null = $bridge.Process.WaitForExit(2000)
            $stopped = Stop-Tls365Bridge
            $tail = ''
            $code = 'unknown'
            if ($null -ne $stopped)
            {
                if ($null -ne $stopped.ExitCode) { $code = $stopped.ExitCode }
                if ($stopped.StderrTail) { $tail = ' Bridge stderr: ' + $stopped.StderrTail }
            }
            $message = $script:LocalizedData.Bridge_Exited -f $code, $Method, $tail
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.Exited' -Category ResourceUnavailable -TargetObject $Method) }
        }

        # Only a line that looks like a JSON object is parsed: anything else (a crash message on stdout) is
        # reported without an exception, which would otherwise land in the caller's -ErrorVariable.
        $reply = $null
        if ($text.StartsWith('{'))
        {
            try
            {
                $reply = ConvertFrom-Json -InputObject $text -ErrorAction Stop
            }
            catch
            {
                $reply = $null
            }
        }
        if ($null -eq $reply -or $reply -isnot [System.Management.Automation.PSCustomObject])
        {
            $shown = $text
            if ($shown.Length -gt 200) { $shown = $shown.Substring(0, 200) + '...' }
            $message = $script:LocalizedData.Bridge_BadReply -f $shown
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.BadReply' -Category ProtocolError -TargetObject $Method) }
        }

        # Direct property lookups: this runs once per reply and per streamed item (10,000 for a fleet), so it
        # neither enumerates nor formats what it does not need.
        $properties = $reply.PSObject.Properties
        $idProperty = $properties['id']
        if ($null -eq $idProperty)
        {
            # Only progress restarts the timeout: what a notification reports of it, compared with the last.
            $notice = $properties['params']
            if ($null -ne $notice -and $notice.Value -is [System.Management.Automation.PSCustomObject])
            {
                $counters = $notice.Value.PSObject.Properties
                $mark = ''
                foreach ($counter in @('bytesDone', 'filesDone', 'index'))
                {
                    $found = $counters[$counter]
                    if ($null -ne $found) { $mark += $counter + '=' + [System.String]$found.Value + ';' }
                }
                if ($mark -ne '' -and $mark -ne $progressMark)
                {
                    $progressMark = $mark
                    $clock.Restart()
                }
            }
            if ($null -ne $OnNotification) { & $OnNotification $reply }
            continue
        }
        if ($null -ne $idProperty.Value -and "$($idProperty.Value)" -ne "$id")
        {
            Write-Verbose -Message ("TLS365 bridge: skipping the reply to abandoned request {0}" -f $reply.id)
            continue
        }
        if ($null -ne $properties['error'])
        {
            return @{ Ok = $false; Error = (ConvertFrom-Tls365BridgeError -RpcError $reply.error -Method $Method) }
        }
        return @{ Ok = $true; Value = $reply.result }
    }
}
