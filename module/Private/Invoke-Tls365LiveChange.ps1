function Invoke-Tls365LiveChange
{
    <#
    .SYNOPSIS
        Writes approved plan changes to the live registry: backup first, then each change verified by re-reading, rolling everything back on any failure.
    .DESCRIPTION
        Reads the prior state of every value it will touch (through Get-Tls365RegistryBase, the one seam) and
        writes the backup manifest (JSON: hive, key, name, existed, kind, value) before any change. Then writes
        each change and reads it back. On a failed write or verification it restores every value already
        written from the manifest, in reverse order, and returns the failure naming the value. Returns
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
    foreach ($c in $Change)
    {
        $location = Split-Tls365RegistryPath -Path ([System.String]$c.key)
        $state = Read-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$c.name)
        $entries.Add([ordered]@{ hive = $location.Hive; key = $location.Key; name = [System.String]$c.name; existed = $state.Exists; kind = $state.Kind; value = $state.Value; op = [System.String]$c.op; data = $c.data })
    }
    if (Test-Path -LiteralPath $BackupPath)
    {
        $message = $script:LocalizedData.Remediation_BackupExists -f $BackupPath
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupExists' -Category ResourceExists -TargetObject $BackupPath) }
    }
    $manifest = [ordered]@{ schema = 'tls365.live-backup/1'; computerName = $ComputerName; createdAt = [System.DateTime]::UtcNow.ToString('o'); entries = $entries.ToArray() }
    $folder = Split-Path -Path $BackupPath -Parent
    if (-not [System.String]::IsNullOrEmpty($folder) -and -not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder -Force }
    [System.IO.File]::WriteAllText($BackupPath, (ConvertTo-Json -InputObject $manifest -Depth 6), (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))

    $written = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $results = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($e in $entries)
    {
        $failure = $null
        $ok = Write-Tls365RegistryValue -Hive $e.hive -Key $e.key -Name $e.name -Operation $e.op -Data $e.data
        if (-not $ok.Ok) { $failure = $ok.Message }
        else
        {
            $written.Add($e)
            $after = Read-Tls365RegistryValue -Hive $e.hive -Key $e.key -Name $e.name
            $wanted = ($e.op -eq 'delete-value' -and -not $after.Exists) -or ($e.op -eq 'set-dword' -and $after.Kind -eq 'DWord' -and [System.UInt32]$after.Value -eq [System.UInt32]$e.data) -or ($e.op -eq 'set-string' -and $after.Kind -eq 'String' -and [System.String]$after.Value -ceq [System.String]$e.data)
            if (-not $wanted) { $failure = $script:LocalizedData.Remediation_VerifyFailed -f $after.Kind, $after.Value }
        }
        if ($null -ne $failure)
        {
            for ($i = $written.Count - 1; $i -ge 0; $i--) { $null = Restore-Tls365RegistryValue -Entry $written[$i] }
            $target = '{0}\{1}\{2}' -f $e.hive, $e.key, $e.name
            $message = $script:LocalizedData.Remediation_LiveFailed -f $ComputerName, $target, $failure, $BackupPath
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
