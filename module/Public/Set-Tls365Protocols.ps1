function Set-Tls365Protocols
{
    <#
    .SYNOPSIS
        Applies the TLS 1.2 remediation plan to a registry image, one confirmed value at a time, with a backup.
    .DESCRIPTION
        Plans the registry changes that make the machine negotiate TLS 1.2 (and TLS 1.3 where asked and
        available) with Microsoft 365, asks for each change through -Confirm/-WhatIf, writes a backup of
        every value it will touch, then writes the approved changes into the image and reads the file back.

        The image (-Path) is a regedit export (.reg). It is written back as a regedit Version 5.00 file
        (UTF-16LE, what regedit writes). The backup is two files: <BackupPath> (a .reg that restores the
        prior values with regedit) and <BackupPath>.json (what Undo-Tls365Change reads). If a change is
        declined, only the approved ones are applied. -WhatIf changes nothing and writes no backup. An image
        holding bytes that are not valid in its encoding (read as U+FFFD, which a rewrite would keep for good)
        is not written: it gets a TLS365.Image.WouldChangeBytes error naming the file and line, stays byte for
        byte as it was, and the other images of the call are still changed.

        Updates the plan needs but cannot install (KB3140245 and friends) are written as warnings, and so is
        every RISK warning of the plan (for example -AllowLegacy keeping TLS 1.0/1.1 on).

        Without -Path it changes this machine's live registry (Windows): the collector reads the current
        values, the same plan is made, each change is confirmed, the record of every value it will touch (the
        one backup format of images and the live registry, tls365.change/1) is written first (-BackupPath,
        default %ProgramData%\TLS365\live-backup-<time>.json, which Undo-Tls365Change reads; that folder is
        created writable by Administrators and SYSTEM only, and refused with TLS365.Remediation.BackupFolderUnsafe
        when anyone else can write there), then the values are written in order and read back; any failure
        restores every value attempted and deletes the keys it created, reads them back, and says what was
        restored or, value by value, what was not. The machine is evaluated again afterwards (-Verbose).
        Registry access goes through one small Windows-only seam. For machines where this module is not
        installed, Export-Tls365Remediation writes the same plan as a script or SCCM Configuration Item.

        Returns one TLS365.ChangeResult per applied change: ComputerName, Path, Key, Name, Before, After,
        Status, BackupPath and Restart (none, apps or reboot: what the whole plan needs afterwards).
    .PARAMETER Path
        The registry image to change (.reg), taken as written (no wildcards: [a].reg is the file named [a].reg),
        so -LiteralPath is the same parameter. Accepts PSPath and FullName from Get-ChildItem by property name.
        A folder is refused with an error that says so. Without it, the live registry of this machine is changed.
    .PARAMETER Protocol
        Protocols to turn on: Tls12 (default), or Tls12 and Tls13. TLS 1.3 is planned only where the OS has it.
    .PARAMETER DisableLegacy
        Also turn TLS 1.0/1.1 and SSL 2.0/3.0 off (client and server) and drop them from the protocol masks.
    .PARAMETER AllowLegacy
        Keep or turn TLS 1.0/1.1 on. Writes a RISK warning. SSL 2.0/3.0 are never turned on.
    .PARAMETER Component
        Limit the changes to the registry values of these components (WinHttp, WinHttp32, WinInet,
        SChannelClient, SChannelServer, DotNet4, DotNet4_32, DotNet35, DotNet35_32).
    .PARAMETER Role
        Plan as this role even when it is not detected (Exchange, ConfigMgr, AzureADConnect, Office).
    .PARAMETER BackupPath
        Where to write the backup .reg (and its .json beside it). Default: beside the image, named
        <image>.tls365-backup-<timestamp>.reg. For the live registry, the .json record; default
        %ProgramData%\TLS365\live-backup-<timestamp>.json (a folder you give is yours to protect). An existing
        backup, or a link at its path, is never overwritten or followed.
    .EXAMPLE
        Set-Tls365Protocols -Path .\A01.reg -WhatIf

        Shows every value the plan would set, and changes nothing.
    .EXAMPLE
        Set-Tls365Protocols -Path .\A01.reg -DisableLegacy -Confirm:$false

        Applies the whole plan, TLS 1.0/1.1 off included, and writes the backup beside the image.
    .EXAMPLE
        Set-Tls365Protocols -Path .\A01.reg -Component DotNet4, DotNet4_32 -Confirm:$false | Undo-Tls365Change -Confirm:$false

        Applies the .NET Framework 4 part of the plan, then restores the image from the backup.
    .INPUTS
        System.String, or objects with a FullName (Get-ChildItem) property.
    .OUTPUTS
        TLS365.ChangeResult
    .LINK
        Undo-Tls365Change
    .LINK
        Export-Tls365Remediation
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseSingularNouns', '', Justification = 'Published name: renaming an exported command breaks its users; left to the maintainers (issue 17, item 6).')]
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType('TLS365.ChangeResult')]
    param
    (
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('LiteralPath', 'PSPath', 'LP', 'FullName')]
        [System.String]
        $Path,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'PlanProtocol' -Value $_ })]
        [System.String[]]
        $Protocol = @('Tls12'),

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $DisableLegacy,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $AllowLegacy,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Component' -Value $_ })]
        [System.String[]]
        $Component = @(),

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Role' -Value $_ })]
        [System.String[]]
        $Role = @(),

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $BackupPath
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
    }

    process
    {
        if ($DisableLegacy -and $AllowLegacy)
        {
            $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remediation_LegacyConflict -ErrorId 'TLS365.Remediation.LegacyConflict' -Category InvalidArgument -TargetObject $Path))
        }
        if ([System.String]::IsNullOrEmpty($Path))
        {
            # The live registry of this machine: collect, plan, confirm each change, back up, write and verify
            # through the one registry seam (Get-Tls365RegistryBase), roll back on any failure, evaluate again.
            $collection = Get-Tls365LocalSnapshot
            if (-not $collection.Ok)
            {
                $PSCmdlet.WriteError($collection.Error)
                return
            }
            $planned = Get-Tls365RemediationPlan -Snapshot $collection.Value -Protocol $Protocol -DisableLegacy ([System.Boolean]$DisableLegacy) -AllowLegacy ([System.Boolean]$AllowLegacy) -Component $Component -Role $Role
            if (-not $planned.Ok)
            {
                if ($planned.Terminating) { $PSCmdlet.ThrowTerminatingError($planned.Error) }
                $PSCmdlet.WriteError($planned.Error)
                return
            }
            $plan = $planned.Value.Plan
            $computer = [System.String]$collection.Value.computerName
            if ([System.String]::IsNullOrEmpty($computer)) { $computer = [System.Environment]::MachineName }
            Write-Tls365PlanWarning -Plan $plan -Cmdlet $PSCmdlet -Target $computer
            Write-Tls365PlanVerbose -Plan $plan -Target $computer
            $approved = @(Select-Tls365ApprovedChange -Change @($plan.changes) -Target $computer -Cmdlet $PSCmdlet)
            if ($approved.Count -eq 0) { return }
            # Before the backup and the first write: the machine-wide keys need an elevated token.
            if (-not (Test-Tls365Elevated))
            {
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_NotElevated -f $computer) -ErrorId 'TLS365.Remediation.NotElevated' -Category PermissionDenied -TargetObject $computer))
                return
            }
            $backup = $BackupPath
            if ([System.String]::IsNullOrEmpty($backup))
            {
                if ([System.String]::IsNullOrEmpty($env:ProgramData)) { $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remediation_NoBackupFolder -ErrorId 'TLS365.Remediation.NoBackupFolder' -Category InvalidArgument -TargetObject 'BackupPath')) }
                # The default folder is created locked down (Administrators and SYSTEM), and refused if anyone else can write there.
                $folder = Join-Path -Path $env:ProgramData -ChildPath 'TLS365'
                $secured = Initialize-Tls365BackupFolder -Path $folder
                if (-not $secured.Ok)
                {
                    $PSCmdlet.WriteError($secured.Error)
                    return
                }
                $backup = Join-Path -Path $folder -ChildPath ('live-backup-{0}.json' -f [System.DateTime]::Now.ToString('yyyyMMdd-HHmmss-fff', [System.Globalization.CultureInfo]::InvariantCulture))
            }
            else
            {
                $backup = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($backup)
            }
            $subset = $plan | Select-Object -Property *
            $subset.changes = $approved
            $account = ''
            if ($null -ne $collection.Value.PSObject.Properties['account']) { $account = [System.String]$collection.Value.account }
            $live = Invoke-Tls365LiveChange -Plan $subset -BackupPath $backup -ComputerName $computer -Account $account
            if (-not $live.Ok)
            {
                $PSCmdlet.WriteError($live.Error)
                return
            }
            Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_BackupWritten -f $computer, $backup, $live.BackupHash))
            Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_Verified -f $computer, @($live.Value).Count))
            # A volatile key that Windows drops at the next boot: readiness then says TLS365 changed settings since the
            # last boot (TLS365-OS-005), which take effect only after a restart (of the apps, or of the machine).
            $markerProblem = Set-Tls365RestartMarker -Command 'Set-Tls365Protocols' -BackupPath $backup -Restart ([System.String]$plan.restart)
            if ($null -ne $markerProblem) { $PSCmdlet.WriteWarning((ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Remediation_MarkerFailed -f $computer, $markerProblem))) }
            $fresh = @(Get-Tls365Readiness -ErrorAction SilentlyContinue)
            foreach ($r in $fresh)
            {
                $notReady = @($r.Components | Where-Object { $_.Status -ne 'Ready' -and $_.Status -ne 'NotApplicable' } | ForEach-Object { $_.Name })
                Write-Verbose -Message ($script:LocalizedData.Remediation_Evaluated -f $computer, $r.Ready, ($notReady -join ', '))
            }
            foreach ($c in $live.Value)
            {
                $before = $null
                if ($null -ne $c.Before) { $before = $c.Before.data }
                $after = $null
                if ($null -ne $c.After) { $after = $c.After.data }
                New-Tls365PublicObject -TypeName 'TLS365.ChangeResult' -Property @{
                    ComputerName = $computer; Path = $null; Key = $c.Key; Name = $c.Name; Before = $before; After = $after
                    Status = $c.Status; BackupPath = $backup; BackupHash = $live.BackupHash; Restart = $plan.restart
                }
            }
            return
        }

        # -ForWrite: an image the write would refuse is refused before any confirmation, -WhatIf included.
        $planned = Get-Tls365RemediationPlan -Path $Path -Protocol $Protocol -DisableLegacy ([System.Boolean]$DisableLegacy) -AllowLegacy ([System.Boolean]$AllowLegacy) -Component $Component -Role $Role -ForWrite
        if (-not $planned.Ok)
        {
            if ($planned.Terminating) { $PSCmdlet.ThrowTerminatingError($planned.Error) }
            $PSCmdlet.WriteError($planned.Error)
            return
        }
        $file = $planned.Value.Path
        $plan = $planned.Value.Plan
        Write-Tls365PlanWarning -Plan $plan -Cmdlet $PSCmdlet -Target $file
        Write-Tls365PlanVerbose -Plan $plan -Target $file

        $changes = @($plan.changes)
        if ($changes.Count -eq 0)
        {
            Write-Verbose -Message ($script:LocalizedData.Remediation_NothingToDo -f $file)
            return
        }
        $approved = @(Select-Tls365ApprovedChange -Change $changes -Target $file -Cmdlet $PSCmdlet)
        if ($approved.Count -eq 0) { return }
        if ($approved.Count -lt $changes.Count)
        {
            Write-Verbose -Message ($script:LocalizedData.Remediation_Declined -f $file, ($changes.Count - $approved.Count), $changes.Count, $approved.Count)
        }
        $subset = $plan | Select-Object -Property *
        $subset.changes = $approved

        $backup = $BackupPath
        if ([System.String]::IsNullOrEmpty($backup))
        {
            $backup = '{0}.tls365-backup-{1}.reg' -f $file, [System.DateTime]::Now.ToString('yyyyMMdd-HHmmss-fff', [System.Globalization.CultureInfo]::InvariantCulture)
        }
        else
        {
            $backup = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($backup)
        }

        $answer = Invoke-Tls365Bridge -Method 'plan.applyImage' -Params @{ path = $file; plan = $subset; backupPath = $backup }
        if (-not $answer.Ok)
        {
            if ($answer.Terminating) { $PSCmdlet.ThrowTerminatingError($answer.Error) }
            # The bridge stopped before it answered: the image is the old one or the new one (never a cut one), and
            # if the backup was written it is at the path this command chose, which the error names.
            $message = $script:LocalizedData.Remediation_BridgeLost -f $file, $answer.Error.Exception.Message, $backup
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId ($answer.Error.FullyQualifiedErrorId -replace ',.*$', '') -Category $answer.Error.CategoryInfo.Category -TargetObject $file -InnerException $answer.Error.Exception))
            return
        }
        $result = $answer.Value
        if (-not $result.ok)
        {
            $e = $result.error
            $category = 'WriteError'
            if (@('Conflict', 'BackupExists') -contains [System.String]$e.code) { $category = 'ResourceExists' }
            if ([System.String]$e.code -eq 'Locked') { $category = 'ResourceBusy' }
            if (@('ImageMalformed', 'NotRegImage') -contains [System.String]$e.code) { $category = 'InvalidData' }
            $errorId = 'TLS365.Remediation.' + $e.code
            # Bytes not valid in the image's encoding: writing it would change them, so it was left as it is.
            if ([System.String]$e.code -eq 'WouldChangeBytes') { $errorId = 'TLS365.Image.WouldChangeBytes'; $category = 'InvalidData' }
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId $errorId -Category $category -TargetObject $file))
            return
        }
        Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_BackupWritten -f $file, $result.backupPath, $result.backupHash))
        Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_Verified -f $file, @($result.changes).Count))
        foreach ($c in @($result.changes))
        {
            $before = $null
            if ($null -ne $c.before) { $before = $c.before.data }
            $after = $null
            if ($null -ne $c.after) { $after = $c.after.data }
            New-Tls365PublicObject -TypeName 'TLS365.ChangeResult' -Property @{
                ComputerName = $plan.computerName; Path = $file; Key = $c.key; Name = $c.name; Before = $before; After = $after
                Status = $c.status; BackupPath = $result.backupPath; BackupHash = $result.backupHash; Restart = $plan.restart
            }
        }
    }
}
