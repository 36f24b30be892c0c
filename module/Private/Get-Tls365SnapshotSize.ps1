function Get-Tls365SnapshotSize
{
    <#
    .SYNOPSIS
        The estimated size in bytes of a snapshot as JSON in a bridge request.
    .DESCRIPTION
        A collector snapshot is mostly its registry entries (a CBS package entry is about 230 bytes of JSON, a
        SCHANNEL key with its values a few hundred). Estimated as 256 bytes per registry entry, 128 per covered
        or unreadable path, plus 8 KB: cheap (no serialisation) and above the real size for the keys the
        collector reads, so batches sized with it stay under the bridge's line limit.
    .PARAMETER Snapshot
        The snapshot object (from the collector, remote or local).
    .EXAMPLE
        Get-Tls365SnapshotSize -Snapshot $c.Snapshot
    #>
    [CmdletBinding()]
    [OutputType([System.Int64])]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [System.Object]
        $Snapshot
    )

    if ($null -eq $Snapshot) { return [System.Int64]8192 }
    $size = [System.Int64]8192
    foreach ($name in @('registry', 'covered', 'unreadable'))
    {
        $property = $Snapshot.PSObject.Properties[$name]
        if ($null -eq $property -and $Snapshot -is [System.Collections.IDictionary] -and $Snapshot.Contains($name)) { $count = @($Snapshot[$name]).Count }
        elseif ($null -ne $property) { $count = @($property.Value).Count }
        else { $count = 0 }
        if ($name -eq 'registry') { $size += 256 * [System.Int64]$count } else { $size += 128 * [System.Int64]$count }
    }
    $size
}
