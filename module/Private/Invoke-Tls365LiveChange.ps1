function Invoke-Tls365LiveChange
{
    <#
    .SYNOPSIS
        The live registry's back end of the change engine: reads, writes and reads back through the registry seam, and lets the core decide.
    .DESCRIPTION
        One transaction model for images and the live registry (core/change, through the bridge's change.*
        methods); this function only does the registry I/O (Get-Tls365RegistryBase is the one seam):
        1. reads the prior state of every value the plan changes (with its kind) and the keys on its way that do
           not exist yet; change.begin makes the record (schema tls365.change/1, the one backup format) and the
           ordered writes;
        2. writes the record to the backup file, exclusively (an existing file or link there is BackupExists),
           before the first write;
        3. carries out the writes in order, stopping at the first that fails; then reads every value back and
           change.check names any that is not what was written;
        4. on a failure: change.rollback gives the operations that put back every value attempted (with its
           kind) and delete the keys the change created; they are carried out, everything is read back, and
           change.judge says whether the touched trees are as they were, or which value or key is not and why.
        Returns @{ Ok = $true; Value = rows; BackupHash } or @{ Ok = $false; Error = ErrorRecord }.
    .PARAMETER Plan
        The plan holding only the approved changes.
    .PARAMETER BackupPath
        Where to write the record (.json).
    .PARAMETER ComputerName
        The machine's name, for the record and messages.
    .PARAMETER Account
        The account whose HKEY_CURRENT_USER this is (recorded with the change).
    .EXAMPLE
        Invoke-Tls365LiveChange -Plan $subset -BackupPath $backup -ComputerName $env:COMPUTERNAME -Account 'CONTOSO\admin'
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Plan,

        [Parameter(Mandatory = $true)]
        [System.String]
        $BackupPath,

        [Parameter(Mandatory = $true)]
        [System.String]
        $ComputerName,

        [Parameter()]
        [AllowEmptyString()]
        [System.String]
        $Account = ''
    )

    $priors = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    try
    {
        foreach ($c in @($Plan.changes))
        {
            $location = Split-Tls365RegistryPath -Path ([System.String]$c.key)
            $state = Read-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$c.name)
            $missing = @()
            if ([System.String]$c.op -ne 'delete-value' -and -not $state.KeyExists)
            {
                $hiveName = ConvertTo-Tls365HiveName -Hive $location.Hive
                $missing = @(Get-Tls365MissingKey -Hive $location.Hive -Key $location.Key | ForEach-Object { '{0}\{1}' -f $hiveName, $_ })
            }
            $priors.Add(@{ value = (ConvertTo-Tls365RegValue -State $state -Target ('{0}\{1}' -f [System.String]$c.key, [System.String]$c.name)); missingKeys = $missing })
        }
    }
    catch
    {
        $message = $script:LocalizedData.Remediation_LiveReadFailed -f $ComputerName, $_.Exception.Message
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.ReadFailed' -Category ReadError -TargetObject $ComputerName -InnerException $_.Exception) }
    }
    $begun = Invoke-Tls365Bridge -Method 'change.begin' -Params @{ target = @{ kind = 'live'; computerName = $ComputerName; account = $Account }; plan = $Plan; priors = $priors.ToArray() }
    if (-not $begun.Ok) { return @{ Ok = $false; Error = $begun.Error } }
    if (-not $begun.Value.ok)
    {
        $message = '{0}: {1}; nothing was written' -f $ComputerName, [System.String]$begun.Value.error.message
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId ('TLS365.Remediation.' + [System.String]$begun.Value.error.code) -Category InvalidData -TargetObject $ComputerName) }
    }
    $record = [System.String]$begun.Value.record
    $writes = @($begun.Value.writes)

    # The record is the backup: written before the first write, never over an existing file (or a link planted there).
    $folder = Split-Path -Path $BackupPath -Parent
    $bytes = (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false).GetBytes($record)
    try
    {
        if (-not [System.String]::IsNullOrEmpty($folder) -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder -Force }
        $stream = New-Object -TypeName 'System.IO.FileStream' -ArgumentList $BackupPath, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write), ([System.IO.FileShare]::None)
        try { $stream.Write($bytes, 0, $bytes.Length); $stream.Flush($true) } finally { $stream.Dispose() }
    }
    catch [System.IO.IOException]
    {
        if (Test-Path -LiteralPath $BackupPath)
        {
            $message = $script:LocalizedData.Remediation_BackupExists -f $BackupPath
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupExists' -Category ResourceExists -TargetObject $BackupPath) }
        }
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_BackupFailed -f $BackupPath, $_.Exception.Message) -ErrorId 'TLS365.Remediation.BackupFailed' -Category WriteError -TargetObject $BackupPath -InnerException $_.Exception) }
    }
    catch
    {
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_BackupFailed -f $BackupPath, $_.Exception.Message) -ErrorId 'TLS365.Remediation.BackupFailed' -Category WriteError -TargetObject $BackupPath -InnerException $_.Exception) }
    }
    $backupHash = Get-Tls365Sha256 -Bytes $bytes

    $failure = $null
    $failedTarget = $ComputerName
    # Counted before the attempt: a write that fails half-way (its key created, the value not set) is rolled back too.
    $attempted = 0
    foreach ($op in $writes)
    {
        $attempted++
        $done = Invoke-Tls365RegOp -Operation $op
        if (-not $done.Ok)
        {
            $failure = $done.Message
            $failedTarget = '{0}\{1}' -f [System.String]$op.key, [System.String]$op.name
            break
        }
    }
    if ($null -eq $failure)
    {
        $state = Read-Tls365ChangeState -Entry $writes
        $checked = Invoke-Tls365Bridge -Method 'change.check' -Params @{ record = $record; values = $state.Values }
        if (-not $checked.Ok) { return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_BridgeLostLive -f $ComputerName, $checked.Error.Exception.Message, $BackupPath) -ErrorId 'TLS365.Remediation.BridgeLost' -Category OperationStopped -TargetObject $ComputerName -InnerException $checked.Error.Exception) } }
        $problems = @($checked.Value.problems) + @($state.Failures)
        if ($problems.Count -gt 0)
        {
            $failure = [System.String]$problems[0].message
            $failedTarget = [System.String]$problems[0].target
        }
    }
    if ($null -ne $failure)
    {
        $rolled = Undo-Tls365LiveOperation -Record $record -Attempted $attempted -Entry @($writes | Select-Object -First $attempted)
        if ($null -ne $rolled.BridgeError)
        {
            return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_BridgeLostLive -f $ComputerName, $rolled.BridgeError.Exception.Message, $BackupPath) -ErrorId 'TLS365.Remediation.BridgeLost' -Category OperationStopped -TargetObject $ComputerName -InnerException $rolled.BridgeError.Exception) }
        }
        if ($rolled.Exact)
        {
            $message = $script:LocalizedData.Remediation_LiveFailed -f $ComputerName, $failedTarget, $failure, $rolled.Restored, $rolled.RemovedKeys, $BackupPath
        }
        else
        {
            $message = $script:LocalizedData.Remediation_LiveRollbackFailed -f $ComputerName, $failedTarget, $failure, ($rolled.Problems -join '; '), $BackupPath
        }
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.WriteFailed' -Category WriteError -TargetObject $failedTarget) }
    }
    $rows = foreach ($e in @($begun.Value.entries))
    {
        @{ Key = [System.String]$e.key; Name = [System.String]$e.name; Before = $e.before; After = $e.after; Status = [System.String]$e.status }
    }
    @{ Ok = $true; Value = @($rows); BackupHash = $backupHash }
}
