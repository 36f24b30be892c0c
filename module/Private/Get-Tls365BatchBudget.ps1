function Get-Tls365BatchBudget
{
    <#
    .SYNOPSIS
        How many estimated bytes one batch of readiness items may carry.
    .DESCRIPTION
        The module's setting ($script:ReadinessBatchBytes, 16 MB), and at most a quarter of the request line
        limit the running bridge announced in its hello (64 MiB by default; --max-line-bytes changes it).
    .EXAMPLE
        if ($pendingBytes -ge (Get-Tls365BatchBudget)) { & $flush }
    #>
    [CmdletBinding()]
    [OutputType([System.Int64])]
    param ()

    $budget = [System.Int64]$script:ReadinessBatchBytes
    if ($null -ne $script:Bridge -and $null -ne $script:Bridge.Hello -and $null -ne $script:Bridge.Hello.PSObject.Properties['maxLineBytes'])
    {
        $quarter = [System.Int64]([System.Int64]$script:Bridge.Hello.maxLineBytes / 4)
        if ($quarter -gt 0 -and $quarter -lt $budget) { $budget = $quarter }
    }
    $budget
}
