function Register-Tls365BridgeFailure
{
    <#
    .SYNOPSIS
        Counts a bridge death and refuses further restarts after too many in a short time.
    .DESCRIPTION
        Three failures within 60 seconds are tolerated (each followed by a restart on the next call);
        the fourth returns a TLS365.Bridge.RestartLimit ErrorRecord (otherwise nothing), so a bridge that
        crashes on start cannot loop.
    .PARAMETER Reason
        What happened, for the message.
    .EXAMPLE
        Register-Tls365BridgeFailure -Reason 'exited with code 1'
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [System.String]
        $Reason
    )

    $now = [System.DateTime]::UtcNow
    $script:BridgeFailures.Add($now)
    $recent = @($script:BridgeFailures | Where-Object { ($now - $_).TotalSeconds -le 60 })
    $script:BridgeFailures.Clear()
    foreach ($t in $recent) { $script:BridgeFailures.Add($t) }
    if ($recent.Count -gt 3)
    {
        $message = $script:LocalizedData.Bridge_RestartLimit -f $recent.Count, 60, $Reason
        New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.RestartLimit' -Category ResourceUnavailable -TargetObject $script:BridgeScriptPath
    }
}
