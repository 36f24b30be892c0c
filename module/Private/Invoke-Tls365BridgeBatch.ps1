function Invoke-Tls365BridgeBatch
{
    <#
    .SYNOPSIS
        Sends a batch of items to a per-item bridge method and pairs each result with its item.
    .DESCRIPTION
        Shared by the public commands that buffer pipeline input: one request per batch, never one per
        object. Returns one object per item with Item, Result (the core's per-item answer, which may itself
        be a failure as data) and Error (an ErrorRecord naming the item's target when the whole request
        failed, e.g. the bridge exited: every item of the batch then carries it, so nothing is lost silently).
        When the failure is one no retry can fix (Node missing, bridge not built, protocol mismatch, restart
        limit) it returns a single object with Fatal set instead, for the caller to ThrowTerminatingError.
    .PARAMETER Method
        The bridge method (it must take params.items and return result.results in the same order).
    .PARAMETER Item
        The items: hashtables with Target (what an error names) and Request (what the method receives).
    .PARAMETER Options
        Extra params sent with every batch (e.g. readiness options), beside items.
    .EXAMPLE
        Invoke-Tls365BridgeBatch -Method 'mask.decode' -Item @(@{ Target = '0xA80'; Request = @{ value = '0xA80' } })
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Method,

        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Collections.IList]
        $Item,

        [Parameter()]
        [System.Collections.Hashtable]
        $Options
    )

    if ($Item.Count -eq 0) { return }
    $requests = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($entry in $Item) { $requests.Add($entry.Request) }

    $params = @{ items = $requests.ToArray() }
    if ($null -ne $Options) { foreach ($k in $Options.Keys) { $params[$k] = $Options[$k] } }
    $answer = Invoke-Tls365Bridge -Method $Method -Params $params
    if (-not $answer.Ok)
    {
        if ($answer.Terminating)
        {
            [PSCustomObject]@{ Item = $null; Result = $null; Error = $null; Fatal = $answer.Error }
            return
        }
        $failure = $answer.Error
        $errorId = $failure.FullyQualifiedErrorId -replace ',.*$', ''
        foreach ($entry in $Item)
        {
            $record = New-Tls365ErrorRecord -Message $failure.Exception.Message -ErrorId $errorId -Category $failure.CategoryInfo.Category -TargetObject $entry.Target -InnerException $failure.Exception
            [PSCustomObject]@{ Item = $entry; Result = $null; Error = $record; Fatal = $null }
        }
        return
    }

    $results = @($answer.Value.results)
    for ($i = 0; $i -lt $Item.Count; $i++)
    {
        [PSCustomObject]@{ Item = $Item[$i]; Result = $results[$i]; Error = $null; Fatal = $null }
    }
}
