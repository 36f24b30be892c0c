function Undo-Tls365LiveOperation
{
    <#
    .SYNOPSIS
        Puts the live registry back as a change record says it was (a rollback, or an undo's operations), reads it back, and has the core judge it.
    .DESCRIPTION
        Carries out the operations (given, or change.rollback's for the first -Attempted entries) through the
        registry seam, each value with its kind, then the created keys deepest first; reads every entry and
        created key back (Read-Tls365ChangeState) and asks change.judge. Exact is $true only when every touched
        value has its prior state (existence, kind, data) and every created key is gone. Problems names each value
        or key that is not as it was, and why: a failed write in the registry's own words, or what reads back.
        Returns @{ Exact; Problems = string[]; Restored; RemovedKeys; BridgeError }. Never throws.
    .PARAMETER Record
        The record's JSON text, as the bridge made it.
    .PARAMETER Attempted
        For a rollback: how many writes were attempted (the operations come from change.rollback).
    .PARAMETER Operation
        For an undo: the operations change.undo returned.
    .PARAMETER Entry
        The entries to read back (key, name), in record order.
    .PARAMETER Key
        For an undo: the created keys to check (change.undo's keys).
    .EXAMPLE
        Undo-Tls365LiveOperation -Record $record -Attempted 3 -Entry $writes[0..2]
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)] [System.String] $Record,
        [Parameter()] [System.Int32] $Attempted = -1,
        [Parameter()] [AllowEmptyCollection()] [System.Object[]] $Operation = @(),
        [Parameter()] [AllowEmptyCollection()] [System.Object[]] $Entry = @(),
        [Parameter()] [AllowEmptyCollection()] [System.Object[]] $Key = @()
    )
    $result = @{ Exact = $false; Problems = @(); Restored = 0; RemovedKeys = 0; BridgeError = $null }
    $ops = $Operation
    $keys = $Key
    if ($Attempted -ge 0)
    {
        $plan = Invoke-Tls365Bridge -Method 'change.rollback' -Params @{ record = $Record; attempted = $Attempted }
        if (-not $plan.Ok) { $result.BridgeError = $plan.Error; return $result }
        $ops = @($plan.Value.ops)
        $keys = @($plan.Value.keys)
    }
    $failures = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($op in $ops)
    {
        $done = Invoke-Tls365RegOp -Operation $op
        $target = [System.String]$op.key
        if ([System.String]$op.op -ne 'remove-key') { $target = '{0}\{1}' -f [System.String]$op.key, [System.String]$op.name }
        if (-not $done.Ok) { $failures.Add(@{ target = $target; message = [System.String]$done.Message }) }
        elseif ([System.String]$op.op -eq 'remove-key') { $result.RemovedKeys++ }
        else { $result.Restored++ }
    }
    $state = Read-Tls365ChangeState -Entry $Entry -Key $keys
    foreach ($f in $state.Failures) { $failures.Add($f) }
    $judged = Invoke-Tls365Bridge -Method 'change.judge' -Params @{ record = $Record; values = $state.Values; keysLeft = $state.KeysLeft; failures = $failures.ToArray() }
    if (-not $judged.Ok) { $result.BridgeError = $judged.Error; return $result }
    $result.Exact = [System.Boolean]$judged.Value.exact
    $result.Problems = @($judged.Value.problems | ForEach-Object { '{0}: {1}' -f $_.target, $_.message })
    $result
}
