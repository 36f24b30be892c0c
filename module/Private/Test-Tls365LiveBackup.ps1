function Test-Tls365LiveBackup
{
    <#
    .SYNOPSIS
        Checks a live backup manifest before Undo-Tls365Change restores it, and says what it would write.
    .DESCRIPTION
        A live backup is a file under a folder that others may have written to: it could be planted, edited, or
        brought from another machine, and undo writes whatever it names. Refused, with nothing written:
        - a backup made on another computer (TLS365.Remediation.BackupMismatch), unless -Force;
        - values or created keys outside what TLS365 changes (TLS365.Remediation.BackupUntrusted, never
          overridden), as the core's backup rules say (bridge method plan.checkBackup, core/plan/backup-trust.ts);
        - values that would turn SSL 2.0/3.0 on (TLS365.Remediation.RestoresLegacySsl), unless -AllowLegacy,
          which then gives one RISK warning per value.
        Returns @{ Ok = $true; Warnings; Summary (the values it will write, for the confirmation) } or
        @{ Ok = $false; Error; Terminating }.
    .PARAMETER Manifest
        The parsed tls365.live-backup manifest.
    .PARAMETER BackupPath
        Its path (named in the messages).
    .PARAMETER Force
        Restore a backup made on another computer.
    .PARAMETER AllowLegacy
        Restore values that turn SSL 2.0/3.0 on.
    .EXAMPLE
        $trust = Test-Tls365LiveBackup -Manifest $manifest -BackupPath $path
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)] [System.Object] $Manifest,
        [Parameter(Mandatory = $true)] [System.String] $BackupPath,
        [Parameter()] [System.Management.Automation.SwitchParameter] $Force,
        [Parameter()] [System.Management.Automation.SwitchParameter] $AllowLegacy
    )

    $machine = [System.Environment]::MachineName
    $madeOn = $null
    if ($null -ne $Manifest.PSObject.Properties['computerName']) { $madeOn = [System.String]$Manifest.computerName }
    if (-not [System.String]::IsNullOrEmpty($madeOn) -and -not $madeOn.Equals($machine, [System.StringComparison]::OrdinalIgnoreCase) -and -not $Force)
    {
        $message = $script:LocalizedData.Remediation_BackupOtherMachine -f $BackupPath, $madeOn, $machine
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupMismatch' -Category InvalidArgument -TargetObject $BackupPath) }
    }

    $entries = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $lines = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    foreach ($e in @($Manifest.entries | Where-Object { $null -ne $_ }))
    {
        $key = '{0}\{1}' -f (ConvertTo-Tls365HiveName -Hive ([System.String]$e.hive)), [System.String]$e.key
        $before = $null
        if ($e.existed)
        {
            switch ([System.String]$e.kind)
            {
                'DWord' { $before = @{ type = 'REG_DWORD'; data = [System.UInt32]$e.value } }
                'QWord' { $before = @{ type = 'REG_QWORD'; data = [System.String]$e.value } }
                default { $before = @{ type = 'REG_SZ'; data = [System.String]$e.value } }
            }
            $lines.Add(('{0}\{1} = {2} ({3})' -f $key, [System.String]$e.name, [System.String]$e.value, [System.String]$e.kind))
        }
        else
        {
            $lines.Add(('{0}\{1}: delete' -f $key, [System.String]$e.name))
        }
        $entries.Add(@{ key = $key; name = [System.String]$e.name; before = $before })
    }
    $created = @()
    if ($null -ne $Manifest.PSObject.Properties['createdKeys'])
    {
        $created = @($Manifest.createdKeys | Where-Object { $null -ne $_ } | ForEach-Object { '{0}\{1}' -f (ConvertTo-Tls365HiveName -Hive ([System.String]$_.hive)), [System.String]$_.key })
        foreach ($k in $created) { $lines.Add(('{0}: delete the key if empty' -f $k)) }
    }

    $answer = Invoke-Tls365Bridge -Method 'plan.checkBackup' -Params @{ entries = $entries.ToArray(); createdKeys = $created }
    if (-not $answer.Ok) { return @{ Ok = $false; Terminating = [System.Boolean]$answer.Terminating; Error = $answer.Error } }
    $scope = @($answer.Value.scope)
    if ($scope.Count -gt 0)
    {
        $message = $script:LocalizedData.Remediation_BackupUntrusted -f $BackupPath, ($scope -join '; ')
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupUntrusted' -Category SecurityError -TargetObject $BackupPath) }
    }
    $legacy = @($answer.Value.legacy)
    if ($legacy.Count -gt 0 -and -not $AllowLegacy)
    {
        $message = $script:LocalizedData.Remediation_RestoresLegacySsl -f $BackupPath, ($legacy -join '; ')
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.RestoresLegacySsl' -Category SecurityError -TargetObject $BackupPath) }
    }
    $warnings = @($legacy | ForEach-Object { 'RISK: {0} (restored as it was, -AllowLegacy)' -f $_ })
    @{ Ok = $true; Warnings = $warnings; Summary = (ConvertTo-Tls365VisibleText -Text ($lines -join '; ')) }
}
