function Restore-Tls365LiveBackup
{
    <#
    .SYNOPSIS
        Puts the live registry back as a live backup recorded it, then reads it back to prove it.
    .DESCRIPTION
        Restores the given value entries in reverse order (each with its kind; values that did not exist are
        deleted again), then deletes the keys the change created, deepest first, when they are empty again. Then
        reads every entry and key back: Exact is $true only when every value is as recorded (existence, kind,
        data) and every created key is gone. Failures name each value or key that is not as it was, and why.
        Returns @{ Restored = <values written back>; RemovedKeys = <keys deleted>; Failures = string[]; Exact }.
        Never throws.
    .PARAMETER Entry
        Backup entries (hive, key, name, existed, kind, value), in the order they were written.
    .PARAMETER CreatedKey
        Backup records of created keys (hive, key).
    .EXAMPLE
        Restore-Tls365LiveBackup -Entry $manifest.entries -CreatedKey $manifest.createdKeys
    #>
    [CmdletBinding()]
    param
    (
        [Parameter()] [AllowEmptyCollection()] [System.Object[]] $Entry = @(),
        [Parameter()] [AllowEmptyCollection()] [System.Object[]] $CreatedKey = @()
    )

    $failures = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    $restored = 0
    $removed = 0
    for ($i = $Entry.Count - 1; $i -ge 0; $i--)
    {
        $e = $Entry[$i]
        $r = Restore-Tls365RegistryValue -Entry $e
        if ($r.Ok) { $restored++ }
        else { $failures.Add(('{0}\{1}\{2}: {3}' -f (ConvertTo-Tls365HiveName -Hive $e.hive), $e.key, $e.name, $r.Message)) }
    }
    $keys = @($CreatedKey | Sort-Object -Property @{ Expression = { ([System.String]$_.key).Split([System.Char]92).Count }; Descending = $true })
    foreach ($k in $keys)
    {
        $r = Remove-Tls365CreatedKey -Hive $k.hive -Key $k.key
        if ($r.Ok) { $removed++ }
        else { $failures.Add(('{0}\{1}: {2}' -f (ConvertTo-Tls365HiveName -Hive $k.hive), $k.key, $r.Message)) }
    }

    # Read back: what was restored is only what the registry now says.
    $exact = $failures.Count -eq 0
    $seen = @{}
    foreach ($e in $Entry)
    {
        $id = ('{0}\{1}\{2}' -f $e.hive, $e.key, $e.name).ToUpperInvariant()
        if ($seen.ContainsKey($id)) { continue }
        $seen[$id] = $true
        $target = '{0}\{1}\{2}' -f (ConvertTo-Tls365HiveName -Hive $e.hive), $e.key, $e.name
        try { $now = Read-Tls365RegistryValue -Hive $e.hive -Key $e.key -Name $e.name }
        catch { $exact = $false; $failures.Add(('{0}: {1}' -f $target, $_.Exception.Message)); continue }
        $want = Get-Tls365RegistryDataText -Exists ([System.Boolean]$e.existed) -Kind ([System.String]$e.kind) -Value $e.value
        $have = Get-Tls365RegistryDataText -Exists $now.Exists -Kind $now.Kind -Value $now.Value
        if ($want -cne $have)
        {
            $exact = $false
            $message = $script:LocalizedData.Remediation_ReadBackDiffers -f $target, $want, $have
            if (-not $failures.Contains($message)) { $failures.Add($message) }
        }
    }
    foreach ($k in $keys)
    {
        $target = '{0}\{1}' -f (ConvertTo-Tls365HiveName -Hive $k.hive), $k.key
        $still = $true
        try { $still = Test-Tls365RegistryKey -Hive $k.hive -Key $k.key } catch { $still = $true }
        if ($still)
        {
            $exact = $false
            $message = $script:LocalizedData.Remediation_CreatedKeyLeft -f $target
            if (-not $failures.Contains($message)) { $failures.Add($message) }
        }
    }
    @{ Restored = $restored; RemovedKeys = $removed; Failures = $failures.ToArray(); Exact = $exact }
}
