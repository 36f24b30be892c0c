function Select-Tls365BatchResult
{
    <#
    .SYNOPSIS
        Writes the failures of a bridge batch as the calling command's errors and passes the successes on.
    .DESCRIPTION
        Shared by every command that batches pipeline input through Invoke-Tls365BridgeBatch. For each answer:
        a Fatal error (Node missing, bridge not built, protocol mismatch, restart limit) stops the calling
        command; a request-level Error (the bridge exited or timed out) is written as is, naming the item; an
        item the core refused is written with ErrorId <ErrorPrefix><code> and the category from -Category
        (default InvalidData), naming the item; every other answer is returned for the caller to output.
    .PARAMETER Answer
        The answers of Invoke-Tls365BridgeBatch.
    .PARAMETER Cmdlet
        The calling command's $PSCmdlet, so errors are that command's own.
    .PARAMETER ErrorPrefix
        Prefix of the ErrorId for per-item failures, e.g. 'TLS365.Mask.'.
    .PARAMETER Category
        ErrorCategory by failure code, for codes that are not InvalidData.
    .EXAMPLE
        Select-Tls365BatchResult -Answer $answers -Cmdlet $PSCmdlet -ErrorPrefix 'TLS365.Mask.' -Category @{ InvalidValue = 'InvalidArgument' }
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Object[]]
        $Answer,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [System.String]
        $ErrorPrefix,

        [Parameter()]
        [System.Collections.Hashtable]
        $Category = @{}
    )

    foreach ($a in $Answer)
    {
        if ($null -ne $a.Fatal) { $Cmdlet.ThrowTerminatingError($a.Fatal) }
        if ($null -ne $a.Error)
        {
            $Cmdlet.WriteError($a.Error)
            continue
        }
        if (-not $a.Result.ok)
        {
            $e = $a.Result.error
            $errorCategory = 'InvalidData'
            if ($Category.ContainsKey([System.String]$e.code)) { $errorCategory = $Category[[System.String]$e.code] }
            $Cmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId ($ErrorPrefix + $e.code) -Category $errorCategory -TargetObject $a.Item.Target))
            continue
        }
        $a
    }
}
