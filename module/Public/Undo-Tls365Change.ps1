function Undo-Tls365Change
{
    <#
    .SYNOPSIS
        Restores a registry image from the backup Set-Tls365Protocols wrote.
    .DESCRIPTION
        Reads <BackupPath>.json (the backup beside the .reg that Set-Tls365Protocols wrote) and restores
        every value it recorded in the image: values that did not exist are deleted again, and keys the plan
        created are removed when they are left empty. When the image is still exactly as Set-Tls365Protocols
        left it, its original bytes are written back, so the file is restored byte for byte; when it changed
        since, only the recorded values are restored and every other edit is kept; if it now holds bytes that
        are not valid in its encoding, it is left as it is with a TLS365.Image.WouldChangeBytes error.

        Accepts the TLS365.ChangeResult objects of Set-Tls365Protocols from the pipeline (BackupPath and
        Path by property name); each backup is restored once, however many changes it holds.

        Before anything is written, an image backup is checked: against -BackupHash when given; its schema; that
        every value and key it names is one TLS365 changes and none would turn SSL 2.0/3.0 on (refused, never
        overridden); that it was made of this image (by path); that its original bytes are the ones it
        recorded. An image that is exactly what Set wrote, or no longer a registry image at all (emptied, cut
        off), gets its original bytes back. Otherwise each value Set wrote must still be what it wrote: a value
        edited since is named and nothing is written unless -Force. Each image is locked while it is restored.

        Images and the live registry go through one change engine (core/change) with one backup format
        (tls365.change/1; the formats of earlier versions, tls365.backup/1 and tls365.live-backup/1 and /2, are
        read too) and the same checks. For the live registry (a backup .json from Set-Tls365Protocols without
        -Path), the backup must also have been made on this computer (or -Force), and the confirmation lists
        every value it will write. Values are restored in reverse order with their kinds (DWORD, QWORD, string,
        expand-string, multi-string, binary), values that did not exist are deleted, and the keys Set created are
        deleted when empty again (a created key that now holds something else is left in place and reported).

        Returns one TLS365.UndoResult per backup: Path, BackupPath, Restored (values) and Exact, which means the
        same for images and the live registry: read back afterwards, every value the change touched is as it was
        (existence, kind, data) and every key it created is gone again. Each value or key that is not gets a
        TLS365.Remediation.RestoreFailed error naming it and saying why.
    .PARAMETER BackupPath
        The backup .reg written by Set-Tls365Protocols (its .json is read), or the .json itself. Taken as
        written (no wildcards): [a].reg is that file.
    .PARAMETER Path
        The registry image (.reg) to restore. Without it, a backup of an image restores the image it names,
        and a live backup (.json from Set-Tls365Protocols without -Path) restores this machine's live
        registry. One file, taken as written (no wildcards), so -LiteralPath (alias LP) is the same parameter.
    .PARAMETER BackupHash
        The SHA-256 of the backup that Set-Tls365Protocols returned (TLS365.ChangeResult.BackupHash; bound from
        the pipeline). With it, a backup changed or cut since is refused (TLS365.Remediation.BackupTampered).
        Keep the change results (Export-Clixml) where the backups cannot be written, and pipe them back.
    .PARAMETER Force
        Restore an image although values Set wrote were edited since (they are overwritten), or from a backup
        made of a file at another path (a moved image). Never overrides a backup that is tampered with or out of
        TLS365's scope.
    .PARAMETER AllowLegacy
        Restore values that turn SSL 2.0 or 3.0 on again (a machine that had them before the change). Without
        it such a backup is refused (TLS365.Remediation.RestoresLegacySsl) and nothing is restored; with it,
        each such value is restored with a RISK warning.
    .EXAMPLE
        Undo-Tls365Change -BackupPath .\A01.reg.tls365-backup-20240501-101500-000.reg -Path .\A01.reg

        Restores the image from that backup (asks first: -Confirm:$false to skip).
    .EXAMPLE
        Set-Tls365Protocols -Path .\A01.reg -Confirm:$false | Undo-Tls365Change -Confirm:$false

        Applies the plan and restores the image again.
    .INPUTS
        TLS365.ChangeResult, or any object with BackupPath and Path properties.
    .OUTPUTS
        TLS365.UndoResult
    .LINK
        Set-Tls365Protocols
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    [OutputType('TLS365.UndoResult')]
    param
    (
        [Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $BackupPath,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [Alias('LiteralPath', 'LP')]
        [AllowNull()]
        [AllowEmptyString()]
        [System.String]
        $Path,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [AllowNull()]
        [AllowEmptyString()]
        [System.String]
        $BackupHash,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Force,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $AllowLegacy
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $seen = @{}
    }

    process
    {
        $image = ''
        if (-not [System.String]::IsNullOrEmpty($Path)) { $image = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path) }
        $backup = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($BackupPath)
        $id = '{0}|{1}' -f $image.ToUpperInvariant(), $backup.ToUpperInvariant()
        if ($seen.ContainsKey($id)) { return }
        $seen[$id] = $true
        $hash = $null
        if (-not [System.String]::IsNullOrEmpty($BackupHash)) { $hash = $BackupHash }
        $pending.Add(@{ Path = $image; BackupPath = $backup; BackupHash = $hash })
    }

    end
    {
        foreach ($entry in $pending)
        {
            if ($entry.Path -eq '')
            {
                # A backup of a registry image names its image: -BackupPath alone restores it.
                $named = Get-Tls365BackupImagePath -BackupPath $entry.BackupPath
                if ($null -ne $named) { $entry.Path = $named }
            }
            if ($entry.Path -eq '')
            {
                # The live registry: restore the values a live backup manifest recorded, through the registry seam.
                $probe = Get-Tls365RegistryBase -Hive LocalMachine
                if ($null -eq $probe)
                {
                    $message = $script:LocalizedData.Remediation_NotWindows -f $entry.BackupPath, [System.Environment]::OSVersion.VersionString
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.NotWindows' -Category NotImplemented -TargetObject $entry.BackupPath))
                    continue
                }
                $probe.Close()
                # The live registry's back end of the change engine (core/change): it reads and writes through the
                # registry seam; the bridge's change.read / change.undo / change.judge decide.
                $text = $null
                $bytes = $null
                if (Test-Path -LiteralPath $entry.BackupPath -PathType Leaf)
                {
                    try { $bytes = [System.IO.File]::ReadAllBytes($entry.BackupPath); $text = (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false).GetString($bytes) } catch { $text = $null }
                }
                if ($null -eq $text)
                {
                    $message = $script:LocalizedData.Remediation_NotLiveBackup -f $entry.BackupPath
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupUnreadable' -Category ReadError -TargetObject $entry.BackupPath))
                    continue
                }
                if ($null -ne $entry.BackupHash)
                {
                    $actual = Get-Tls365Sha256 -Bytes $bytes
                    if ($actual -ne ([System.String]$entry.BackupHash).ToLowerInvariant())
                    {
                        $message = $script:LocalizedData.Remediation_BackupTampered -f $entry.BackupPath
                        $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupTampered' -Category SecurityError -TargetObject $entry.BackupPath))
                        continue
                    }
                }
                $read = Invoke-Tls365Bridge -Method 'change.read' -Params @{ text = $text }
                if (-not $read.Ok)
                {
                    if ($read.Terminating) { $PSCmdlet.ThrowTerminatingError($read.Error) }
                    $PSCmdlet.WriteError($read.Error)
                    continue
                }
                if (-not $read.Value.ok)
                {
                    $category = 'InvalidData'
                    if ([System.String]$read.Value.error.code -eq 'BackupUnreadable') { $category = 'ReadError' }
                    $message = '{0}: {1}; nothing was restored' -f $entry.BackupPath, [System.String]$read.Value.error.message
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId ('TLS365.Remediation.' + [System.String]$read.Value.error.code) -Category $category -TargetObject $entry.BackupPath))
                    continue
                }
                $record = [System.String]$read.Value.record
                $entries = @($read.Value.entries)
                $now = Read-Tls365ChangeState -Entry $entries
                # A backup is a file: it may have been planted or edited. Before anything is written: it names only what
                # TLS365 changes, turns SSL 2.0/3.0 on only with -AllowLegacy, was made on this machine (or -Force), and
                # no value was changed since Set wrote it (or -Force).
                $decided = Invoke-Tls365Bridge -Method 'change.undo' -Params @{ record = $record; here = [System.Environment]::MachineName; current = $now.Values; force = [System.Boolean]$Force; allowLegacy = [System.Boolean]$AllowLegacy }
                if (-not $decided.Ok)
                {
                    if ($decided.Terminating) { $PSCmdlet.ThrowTerminatingError($decided.Error) }
                    $PSCmdlet.WriteError($decided.Error)
                    continue
                }
                if (-not $decided.Value.ok)
                {
                    $code = [System.String]$decided.Value.error.code
                    $category = 'SecurityError'
                    if ($code -eq 'BackupMismatch') { $category = 'InvalidArgument' }
                    if ($code -eq 'EditedSince') { $category = 'ResourceExists' }
                    $message = '{0}: {1}' -f $entry.BackupPath, [System.String]$decided.Value.error.message
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId ('TLS365.Remediation.' + $code) -Category $category -TargetObject $entry.BackupPath))
                    continue
                }
                foreach ($w in @($decided.Value.notes)) { if ($null -ne $w) { $PSCmdlet.WriteWarning([System.String]$w) } }
                # The confirmation lists what will be written.
                $target = $script:LocalizedData.Remediation_UndoShouldProcessList -f [System.Environment]::MachineName, $entry.BackupPath, (@($decided.Value.summary) -join '; ')
                if (-not $PSCmdlet.ShouldProcess($target, 'Restore registry values')) { continue }
                if (-not (Test-Tls365Elevated))
                {
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_NotElevated -f [System.Environment]::MachineName) -ErrorId 'TLS365.Remediation.NotElevated' -Category PermissionDenied -TargetObject $entry.BackupPath))
                    continue
                }
                $result = Undo-Tls365LiveOperation -Record $record -Operation @($decided.Value.ops) -Entry $entries -Key @($decided.Value.keys)
                if ($null -ne $result.BridgeError)
                {
                    $PSCmdlet.WriteError($result.BridgeError)
                    continue
                }
                foreach ($f in $result.Problems)
                {
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_RestoreFailed -f $f) -ErrorId 'TLS365.Remediation.RestoreFailed' -Category WriteError -TargetObject $entry.BackupPath))
                }
                if ($result.Restored -gt 0)
                {
                    # Restored values take effect after a restart too (volatile marker, TLS365-OS-005).
                    $markerProblem = Set-Tls365RestartMarker -Command 'Undo-Tls365Change' -BackupPath $entry.BackupPath -Restart 'reboot'
                    if ($null -ne $markerProblem) { $PSCmdlet.WriteWarning((ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Remediation_MarkerFailed -f [System.Environment]::MachineName, $markerProblem))) }
                }
                New-Tls365PublicObject -TypeName 'TLS365.UndoResult' -Property @{ Path = $null; BackupPath = $entry.BackupPath; Restored = $result.Restored; Exact = $result.Exact }
                continue
            }
            $target = $script:LocalizedData.Remediation_UndoShouldProcess -f $entry.Path, $entry.BackupPath
            if (-not $PSCmdlet.ShouldProcess($target, 'Restore registry values')) { continue }
            $undoParams = @{ path = $entry.Path; backupPath = $entry.BackupPath; force = [System.Boolean]$Force; allowLegacy = [System.Boolean]$AllowLegacy }
            if ($null -ne $entry.BackupHash) { $undoParams.backupHash = $entry.BackupHash }
            $answer = Invoke-Tls365Bridge -Method 'plan.undoImage' -Params $undoParams
            if (-not $answer.Ok)
            {
                if ($answer.Terminating) { $PSCmdlet.ThrowTerminatingError($answer.Error) }
                $PSCmdlet.WriteError($answer.Error)
                continue
            }
            $result = $answer.Value
            if (-not $result.ok)
            {
                $e = $result.error
                $category = 'InvalidData'
                if (@('FileUnreadable', 'BackupUnreadable') -contains [System.String]$e.code) { $category = 'ReadError' }
                if ([System.String]$e.code -eq 'FileUnwritable') { $category = 'WriteError' }
                if (@('BackupTampered', 'BackupUntrusted') -contains [System.String]$e.code) { $category = 'SecurityError' }
                if ([System.String]$e.code -eq 'BackupMismatch') { $category = 'InvalidArgument' }
                if ([System.String]$e.code -eq 'EditedSince') { $category = 'ResourceExists' }
                if ([System.String]$e.code -eq 'Locked') { $category = 'ResourceBusy' }
                if ([System.String]$e.code -eq 'RestoresLegacySsl') { $category = 'SecurityError' }
                $errorId = 'TLS365.Remediation.' + $e.code
                # Bytes not valid in the image's encoding: writing it would change them, so it was left as it is.
                if ([System.String]$e.code -eq 'WouldChangeBytes') { $errorId = 'TLS365.Image.WouldChangeBytes' }
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId $errorId -Category $category -TargetObject $entry.Path))
                continue
            }
            foreach ($note in @($result.notes)) { if ($null -ne $note) { $PSCmdlet.WriteWarning([System.String]$note) } }
            foreach ($problem in @($result.problems)) { if ($null -ne $problem) { $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_RestoreFailed -f [System.String]$problem) -ErrorId 'TLS365.Remediation.RestoreFailed' -Category WriteError -TargetObject $entry.Path)) } }
            New-Tls365PublicObject -TypeName 'TLS365.UndoResult' -Property @{ Path = $entry.Path; BackupPath = $entry.BackupPath; Restored = $result.restored; Exact = $result.exact }
        }
    }
}
