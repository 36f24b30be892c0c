function Invoke-Tls365LiveChange
{
    <#
    .SYNOPSIS
        Writes approved plan changes to the live registry: backup first, then each change verified by re-reading, rolling everything back on any failure.
    .DESCRIPTION
        Reads the prior state of every value it will touch (through Get-Tls365RegistryBase, the one seam), and
        which keys on the way do not exist yet, and writes the backup manifest (tls365.live-backup/2: entries
        with hive, key, name, existed, kind, value; createdKeys) before any change. Then writes each change and
        reads it back. On a failed write or verification it restores every value already written (with its
        kind), deletes the keys it created, reads everything back, and returns the failure naming the value and
        saying what the rollback did, or, if it could not restore something, exactly what. Returns
        @{ Ok = $true; Value = results } or @{ Ok = $false; Error = ErrorRecord }.
    .PARAMETER Change
        The approved plan changes (op, key, name, data).
    .PARAMETER BackupPath
        Where to write the backup manifest (.json).
    .PARAMETER ComputerName
        The machine's name, for the manifest and messages.
    .EXAMPLE
        Invoke-Tls365LiveChange -Change $approved -BackupPath $backup -ComputerName $env:COMPUTERNAME
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object[]]
        $Change,

        [Parameter(Mandatory = $true)]
        [System.String]
        $BackupPath,

        [Parameter(Mandatory = $true)]
        [System.String]
        $ComputerName
    )

    $entries = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $created = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $createdSeen = @{}
    try
    {
        foreach ($c in $Change)
        {
            $location = Split-Tls365RegistryPath -Path ([System.String]$c.key)
            $state = Read-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$c.name)
            $entries.Add([ordered]@{ hive = $location.Hive; key = $location.Key; name = [System.String]$c.name; existed = $state.Exists; kind = $state.Kind; value = $state.Value; op = [System.String]$c.op; data = $c.data })
            if ([System.String]$c.op -ne 'delete-value' -and -not $state.KeyExists)
            {
                foreach ($missing in @(Get-Tls365MissingKey -Hive $location.Hive -Key $location.Key))
                {
                    $id = ('{0}\{1}' -f $location.Hive, $missing).ToUpperInvariant()
                    if ($createdSeen.ContainsKey($id)) { continue }
                    $createdSeen[$id] = $true
                    $created.Add([ordered]@{ hive = $location.Hive; key = $missing })
                }
            }
        }
    }
    catch
    {
        $message = $script:LocalizedData.Remediation_LiveReadFailed -f $ComputerName, $_.Exception.Message
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.ReadFailed' -Category ReadError -TargetObject $ComputerName -InnerException $_.Exception) }
    }
    if (Test-Path -LiteralPath $BackupPath)
    {
        $message = $script:LocalizedData.Remediation_BackupExists -f $BackupPath
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupExists' -Category ResourceExists -TargetObject $BackupPath) }
    }
    $manifest = [ordered]@{ schema = 'tls365.live-backup/2'; computerName = $ComputerName; createdAt = [System.DateTime]::UtcNow.ToString('o'); entries = $entries.ToArray(); createdKeys = $created.ToArray() }
    $folder = Split-Path -Path $BackupPath -Parent
    if (-not [System.String]::IsNullOrEmpty($folder) -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder -Force }
    [System.IO.File]::WriteAllText($BackupPath, (ConvertTo-Json -InputObject $manifest -Depth 6), (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))

    $written = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $results = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($e in $entries)
    {
        $failure = $null
        # Counted as written before the attempt: a write that fails half-way (keys created, value not set) is
        # rolled back too; restoring a value that was never touched writes its own prior state.
        $written.Add($e)
        $ok = Write-Tls365RegistryValue -Hive $e.hive -Key $e.key -Name $e.name -Operation $e.op -Data $e.data
        if (-not $ok.Ok) { $failure = $ok.Message }
        else
        {
            $after = Read-Tls365RegistryValue -Hive $e.hive -Key $e.key -Name $e.name
            $wanted = ($e.op -eq 'delete-value' -and -not $after.Exists) -or ($e.op -eq 'set-dword' -and $after.Kind -eq 'DWord' -and [System.UInt32]$after.Value -eq [System.UInt32]$e.data) -or ($e.op -eq 'set-string' -and $after.Kind -eq 'String' -and [System.String]$after.Value -ceq [System.String]$e.data)
            if (-not $wanted) { $failure = $script:LocalizedData.Remediation_VerifyFailed -f $after.Kind, $after.Value }
        }
        if ($null -ne $failure)
        {
            $target = '{0}\{1}\{2}' -f (ConvertTo-Tls365HiveName -Hive $e.hive), $e.key, $e.name
            $rollback = Restore-Tls365LiveBackup -Entry $written.ToArray() -CreatedKey $created.ToArray()
            if ($rollback.Exact)
            {
                $message = $script:LocalizedData.Remediation_LiveFailed -f $ComputerName, $target, $failure, $rollback.Restored, $rollback.RemovedKeys, $BackupPath
            }
            else
            {
                $message = $script:LocalizedData.Remediation_LiveRollbackFailed -f $ComputerName, $target, $failure, ($rollback.Failures -join '; '), $BackupPath
            }
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.WriteFailed' -Category WriteError -TargetObject $target) }
        }
        $before = $null
        if ($e.existed) { $before = $e.value }
        $afterValue = $null
        if ($e.op -ne 'delete-value') { $afterValue = $e.data }
        $results.Add(@{ Key = (ConvertTo-Tls365HiveName -Hive $e.hive) + '\' + $e.key; Name = $e.name; Before = $before; After = $afterValue; Status = 'Written' })
    }
    @{ Ok = $true; Value = $results.ToArray() }
}
