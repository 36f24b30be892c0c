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

        Methods that send an `item` notification {index, result} as each item is answered (tls.probe,
        readiness.evaluate, snapshot.read: asked for with params.stream) give
        those answers early: to -OnAnswer while the call runs, in item order (an answer waits for the ones
        before it). A call that fails later (the bridge timed out or exited) keeps every answer that arrived,
        and only the items still unanswered carry the error.
    .PARAMETER Method
        The bridge method (it must take params.items and answer each in order: result.results, or item
        notifications and result.streamed).
    .PARAMETER Item
        The items: hashtables with Target (what an error names) and Request (what the method receives).
    .PARAMETER Options
        Extra params sent with every batch (e.g. readiness options), beside items.
    .PARAMETER TimeoutSeconds
        The bridge timeout: how long without progress (an answered item) the call may wait. Defaults to the
        module's setting.
    .PARAMETER OnAnswer
        Called with each answer object (Item, Result, Error, Fatal = $null) as soon as it is known, instead of
        returning it: streamed items while the call runs, the rest when it ends. A Fatal answer is returned.
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
        $Options,

        [Parameter()]
        [System.Int32]
        $TimeoutSeconds = $script:BridgeTimeoutSeconds,

        [Parameter()]
        [System.Management.Automation.ScriptBlock]
        $OnAnswer
    )

    if ($Item.Count -eq 0) { return }
    # Answers that came as `item` notifications, by index, and the next index to give: answers are given in
    # item order, each as soon as it and every one before it are known. The closure keeps references to
    # this state (the handler runs inside the bridge call, where other names are in scope).
    $kept = New-Object -TypeName 'System.Collections.Generic.Dictionary[System.Int32,System.Object]'
    $order = @{ Next = 0 }
    $onItem = {
        param ($note)
        if ($note.method -ne 'item') { return }
        $index = -1
        if (-not [System.Int32]::TryParse([System.String]$note.params.index, [ref]$index) -or $index -lt $order.Next -or $index -ge $Item.Count) { return }
        $kept[$index] = $note.params.result
        if ($null -eq $OnAnswer) { return }
        while ($kept.ContainsKey($order.Next))
        {
            $i = $order.Next
            $order.Next = $i + 1
            $null = & $OnAnswer ([PSCustomObject]@{ Item = $Item[$i]; Result = $kept[$i]; Error = $null; Fatal = $null })
            $null = $kept.Remove($i)
        }
    }.GetNewClosure()
    $give = {
        param ($answer)
        if ($null -ne $OnAnswer) { $null = & $OnAnswer $answer } else { $answer }
    }
    $requests = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($entry in $Item) { $requests.Add($entry.Request) }

    # stream: methods that can (readiness.evaluate, snapshot.read, tls.probe) send each answer as an `item`
    # notification and reply {streamed = n}; the others ignore it and reply {results}.
    $params = @{ items = $requests.ToArray(); stream = $true }
    if ($null -ne $Options) { foreach ($k in $Options.Keys) { $params[$k] = $Options[$k] } }
    $answer = Invoke-Tls365Bridge -Method $Method -Params $params -TimeoutSeconds $TimeoutSeconds -OnNotification $onItem
    if (-not $answer.Ok -and $answer.Terminating)
    {
        [PSCustomObject]@{ Item = $null; Result = $null; Error = $null; Fatal = $answer.Error }
        return
    }
    $results = $null
    $failure = $null
    if ($answer.Ok)
    {
        if ($null -ne $answer.Value.PSObject.Properties['results']) { $results = @($answer.Value.results) }
    }
    else
    {
        $failure = $answer.Error
    }
    for ($i = $order.Next; $i -lt $Item.Count; $i++)
    {
        if ($kept.ContainsKey($i))
        {
            # Answered while the call ran (and kept if it failed later).
            & $give ([PSCustomObject]@{ Item = $Item[$i]; Result = $kept[$i]; Error = $null; Fatal = $null })
            continue
        }
        if ($null -ne $results)
        {
            & $give ([PSCustomObject]@{ Item = $Item[$i]; Result = $results[$i]; Error = $null; Fatal = $null })
            continue
        }
        if ($null -eq $failure)
        {
            # A streamed reply that missed an item: never silently.
            $message = $script:LocalizedData.Bridge_BadReply -f ('{0}: no answer for item {1} of {2}' -f $Method, $i, $Item.Count)
            $failure = New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Bridge.BadReply' -Category ProtocolError -TargetObject $Method
        }
        $errorId = $failure.FullyQualifiedErrorId -replace ',.*$', ''
        $record = New-Tls365ErrorRecord -Message $failure.Exception.Message -ErrorId $errorId -Category $failure.CategoryInfo.Category -TargetObject $Item[$i].Target -InnerException $failure.Exception
        & $give ([PSCustomObject]@{ Item = $Item[$i]; Result = $null; Error = $record; Fatal = $null })
    }
}
