/**
 * The fixed PowerShell text of the generated scripts (render-script.ts adds the data block). Windows
 * PowerShell 5.1-safe, ASCII only; nothing here is built from plan data. In these template literals `\\`
 * is one backslash in the script.
 */

/** Reading and comparing values: shared by all three scripts. */
export const READ_FUNCTIONS = `
function Get-Tls365BaseKey
{
    param ([System.String] $Hive)
    $hiveValue = [Microsoft.Win32.RegistryHive]::LocalMachine
    if ($Hive -eq 'CurrentUser') { $hiveValue = [Microsoft.Win32.RegistryHive]::CurrentUser }
    return [Microsoft.Win32.RegistryKey]::OpenBaseKey($hiveValue, [Microsoft.Win32.RegistryView]::Registry64)
}

function Get-Tls365HiveName
{
    param ([System.String] $Hive)
    if ($Hive -eq 'CurrentUser') { return 'HKEY_CURRENT_USER' }
    return 'HKEY_LOCAL_MACHINE'
}

function Get-Tls365ValueState
{
    param ($Change)
    $base = Get-Tls365BaseKey -Hive $Change.Hive
    try
    {
        $key = $base.OpenSubKey($Change.Key, $false)
        if ($null -eq $key) { return @{ KeyExists = $false; Exists = $false; Kind = ''; Value = $null } }
        try
        {
            if (@($key.GetValueNames()) -notcontains $Change.Name) { return @{ KeyExists = $true; Exists = $false; Kind = ''; Value = $null } }
            $kind = [System.String] $key.GetValueKind($Change.Name)
            $value = $key.GetValue($Change.Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
            return @{ KeyExists = $true; Exists = $true; Kind = $kind; Value = $value }
        }
        finally { $key.Close() }
    }
    finally { $base.Close() }
}

function ConvertTo-Tls365UInt32
{
    param ($Value)
    return [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32] $Value), 0)
}

function Test-Tls365Change
{
    param ($Change, $State)
    if ($Change.Kind -eq 'Delete') { return (-not $State.Exists) }
    if (-not $State.Exists) { return $false }
    if ($Change.Kind -eq 'DWord')
    {
        if ($State.Kind -ne 'DWord') { return $false }
        return ((ConvertTo-Tls365UInt32 -Value $State.Value) -eq [System.UInt32] $Change.Data)
    }
    if ($State.Kind -ne 'String') { return $false }
    return [System.String]::Equals([System.String] $State.Value, [System.String] $Change.Data, [System.StringComparison]::Ordinal)
}

function Format-Tls365Wanted
{
    param ($Change)
    if ($Change.Kind -eq 'Delete') { return 'absent' }
    if ($Change.Kind -eq 'DWord') { return ('REG_DWORD 0x{0:X8}' -f [System.UInt32] $Change.Data) }
    return ('REG_SZ ' + [System.String] $Change.Data)
}

function Format-Tls365State
{
    param ($State)
    if (-not $State.Exists) { return 'absent' }
    if ($State.Kind -eq 'DWord') { return ('REG_DWORD 0x{0:X8}' -f (ConvertTo-Tls365UInt32 -Value $State.Value)) }
    if ($State.Kind -eq 'String') { return ('REG_SZ ' + [System.String] $State.Value) }
    return ('a value of kind ' + $State.Kind)
}

function Get-Tls365DisplayName
{
    param ($Change)
    return ((Get-Tls365HiveName -Hive $Change.Hive) + '\\' + $Change.Key + '\\' + $Change.Name)
}
`;

/** Whether a plan is for this machine: the plan scripts only (a desired state is evaluated on its target instead). */
export const PLAN_TARGET_FUNCTION = `
function Get-Tls365TargetProblem
{
    # Why this plan is not for this machine, or $null. A plan holds one machine's exact values, right for
    # machines of its build and architecture only. Both are read as TLS365's collector reads them, from the
    # registry (64-bit view), not from [Environment]::OSVersion, which depends on the host program's manifest.
    $build = $null
    $architecture = $null
    $base = Get-Tls365BaseKey -Hive 'LocalMachine'
    try
    {
        $key = $base.OpenSubKey('SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', $false)
        if ($null -ne $key) { try { $build = $key.GetValue('CurrentBuildNumber', $null) } finally { $key.Close() } }
        $key = $base.OpenSubKey('SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment', $false)
        if ($null -ne $key) { try { $architecture = $key.GetValue('PROCESSOR_ARCHITECTURE', $null) } finally { $key.Close() } }
    }
    finally { $base.Close() }
    $number = 0
    if ($null -eq $build -or -not [System.Int32]::TryParse(([System.String] $build).Trim(), [ref] $number)) { return 'its build cannot be read (CurrentBuildNumber)' }
    if ($null -eq $architecture -or ([System.String] $architecture).Trim() -eq '') { return 'its architecture cannot be read (PROCESSOR_ARCHITECTURE)' }
    $x64 = ([System.String] $architecture).Trim() -ne 'x86'
    $bits = '64-bit'
    if (-not $x64) { $bits = '32-bit' }
    $here = 'build ' + $number + ', ' + $bits
    if (-not $x64)
    {
        foreach ($change in $changes)
        {
            if (('\\' + $change.Key + '\\') -match '\\\\Wow6432Node\\\\') { return ('it is ' + $here + ' Windows, which has no Wow6432Node, and the plan writes there (Microsoft: never create that key on 32-bit Windows)') }
        }
    }
    $wanted = @()
    if ($null -ne $planTarget.Build -and $planTarget.Build -ne $number) { $wanted += ('build ' + $planTarget.Build) }
    if ($null -ne $planTarget.X64 -and $planTarget.X64 -ne $x64)
    {
        if ($planTarget.X64) { $wanted += '64-bit' } else { $wanted += '32-bit' }
    }
    if ($wanted.Count -gt 0) { return ('the plan holds the values of a ' + ($wanted -join ', ') + ' machine, and this one is ' + $here) }
    return $null
}
`;

/** Comparing the whole plan with the machine: the two detection scripts (SCCM discovery, Intune detection). */
export const DETECTION_FUNCTIONS = `
function Get-Tls365Difference
{
    # One line per value of the plan that is not as planned (empty when every value is).
    $problems = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    foreach ($change in $changes)
    {
        $state = Get-Tls365ValueState -Change $change
        if (-not (Test-Tls365Change -Change $change -State $state))
        {
            $problems.Add((Get-Tls365DisplayName -Change $change) + ': expected ' + (Format-Tls365Wanted -Change $change) + ', found ' + (Format-Tls365State -State $state))
        }
    }
    return , $problems.ToArray()
}

function Limit-Tls365Text
{
    # At most $Limit characters (Intune keeps 2,048 of a script's output): cut, saying how much was left out.
    param ([System.String] $Text, [System.Int32] $Limit)
    if ($Text.Length -le $Limit) { return $Text }
    $more = ' ... (' + ($Text.Length) + ' characters in all)'
    return ($Text.Substring(0, $Limit - $more.Length) + $more)
}
`;

/** Writing, verifying and backing up: the apply and remediation scripts. */
export const WRITE_FUNCTIONS = `
function Set-Tls365Change
{
    param ($Change)
    $base = Get-Tls365BaseKey -Hive $Change.Hive
    try
    {
        if ($Change.Kind -eq 'Delete')
        {
            $key = $base.OpenSubKey($Change.Key, $true)
            if ($null -ne $key)
            {
                try { $key.DeleteValue($Change.Name, $false) } finally { $key.Close() }
            }
            return
        }
        $key = $base.CreateSubKey($Change.Key)
        try
        {
            if ($Change.Kind -eq 'DWord')
            {
                $signed = [System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([System.UInt32] $Change.Data), 0)
                $key.SetValue($Change.Name, $signed, [Microsoft.Win32.RegistryValueKind]::DWord)
            }
            else
            {
                $key.SetValue($Change.Name, [System.String] $Change.Data, [Microsoft.Win32.RegistryValueKind]::String)
            }
        }
        finally { $key.Close() }
    }
    finally { $base.Close() }
}

function Get-Tls365MissingKey
{
    # The topmost key on the way to the change's key that does not exist yet (what a write would create), or ''.
    param ($Change)
    $base = Get-Tls365BaseKey -Hive $Change.Hive
    try
    {
        $parts = $Change.Key.Split([char] 92)
        for ($i = 1; $i -le $parts.Length; $i++)
        {
            $sub = [System.String]::Join([System.String] [char] 92, $parts, 0, $i)
            $key = $base.OpenSubKey($sub, $false)
            if ($null -eq $key) { return $sub }
            $key.Close()
        }
        return ''
    }
    finally { $base.Close() }
}

function ConvertTo-Tls365RegName
{
    param ([System.String] $Name)
    if ($Name.Length -eq 0) { return '@' }
    return ('"' + $Name.Replace('\\', '\\\\').Replace('"', '\\"') + '"')
}

function ConvertTo-Tls365RegHex
{
    param ([System.Int32] $Type, [System.Byte[]] $Bytes)
    $hex = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    foreach ($b in $Bytes) { $hex.Add($b.ToString('x2')) }
    $tag = 'hex(' + $Type.ToString('x') + '):'
    if ($Type -eq 3) { $tag = 'hex:' }
    return ($tag + ($hex.ToArray() -join ','))
}

function ConvertTo-Tls365RegLine
{
    # One .reg line that puts the value back as it is now ("name"=- when it does not exist); $null when its kind cannot be written.
    param ([System.String] $Name, $State)
    $prefix = (ConvertTo-Tls365RegName -Name $Name) + '='
    if (-not $State.Exists) { return ($prefix + '-') }
    $unicode = [System.Text.Encoding]::Unicode
    switch ($State.Kind)
    {
        'DWord' { return ($prefix + ('dword:{0:x8}' -f (ConvertTo-Tls365UInt32 -Value $State.Value))) }
        'String' { return ($prefix + (ConvertTo-Tls365RegHex -Type 1 -Bytes ($unicode.GetBytes(([System.String] $State.Value) + [char] 0)))) }
        'ExpandString' { return ($prefix + (ConvertTo-Tls365RegHex -Type 2 -Bytes ($unicode.GetBytes(([System.String] $State.Value) + [char] 0)))) }
        'MultiString' { return ($prefix + (ConvertTo-Tls365RegHex -Type 7 -Bytes ($unicode.GetBytes((@($State.Value) -join [System.String] [char] 0) + [char] 0 + [char] 0)))) }
        'QWord' { return ($prefix + (ConvertTo-Tls365RegHex -Type 11 -Bytes ([System.BitConverter]::GetBytes([System.Int64] $State.Value)))) }
        'Binary' { return ($prefix + (ConvertTo-Tls365RegHex -Type 3 -Bytes ([System.Byte[]] $State.Value))) }
        'None' { return ($prefix + (ConvertTo-Tls365RegHex -Type 0 -Bytes ([System.Byte[]] $State.Value))) }
    }
    return $null
}

function Set-Tls365RestartMarker
{
    # TLS365's pending-restart marker, as Set-Tls365Protocols writes it: HKLM\\SOFTWARE\\TLS365RestartPending, a volatile
    # key (Windows drops it at the next boot), which TLS365's collector reports (TLS365-OS-005). Not part of the change
    # or its backup; a failure to write it is a warning, never a failed change.
    param ([System.String] $BackupPath, [System.String] $Restart)
    try
    {
        $base = Get-Tls365BaseKey -Hive 'LocalMachine'
        try
        {
            $key = $base.CreateSubKey('SOFTWARE\\TLS365RestartPending', [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, [Microsoft.Win32.RegistryOptions]::Volatile)
            try
            {
                $key.SetValue('ChangedUtc', [System.DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture), [Microsoft.Win32.RegistryValueKind]::String)
                $key.SetValue('Command', 'TLS365 exported script', [Microsoft.Win32.RegistryValueKind]::String)
                $key.SetValue('BackupPath', $BackupPath, [Microsoft.Win32.RegistryValueKind]::String)
                $key.SetValue('Restart', $Restart, [Microsoft.Win32.RegistryValueKind]::String)
            }
            finally { $key.Close() }
        }
        finally { $base.Close() }
    }
    catch
    {
        Write-Warning -Message ('TLS365: the change is made, but the restart marker (HKLM\\SOFTWARE\\TLS365RestartPending, a volatile key) could not be written: ' + $_.Exception.Message + '. Restart the machine for the change to take effect.')
    }
}

function Stop-Tls365
{
    param ([System.String] $Message)
    Write-Error -Message ('TLS365: ' + $Message) -ErrorAction Continue
    exit 1
}

# The default backup folder (%ProgramData%\\TLS365\\Backup...): a backup there is what an admin imports to undo, and
# under %ProgramData% standard users may create folders (and own them) or write into folders an admin made. Each
# level below %ProgramData% is created owned by Administrators, not inheriting, with Full Control for
# Administrators and SYSTEM only; an existing level that anyone else owns or may write into is refused.
function Initialize-Tls365BackupFolder
{
    param ([System.String] $Path)
    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT)
    {
        # No NTFS security off Windows (only the tests run this there).
        [System.IO.Directory]::CreateDirectory($Path) | Out-Null
        return
    }
    $sidType = [System.Security.Principal.SecurityIdentifier]
    $admins = New-Object -TypeName 'System.Security.Principal.SecurityIdentifier' -ArgumentList 'S-1-5-32-544'
    $system = New-Object -TypeName 'System.Security.Principal.SecurityIdentifier' -ArgumentList 'S-1-5-18'
    $self = [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value
    $trusted = @('S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464', $self)
    # Create files, create folders, write (extended) attributes, delete children, delete, change permissions, take ownership, GENERIC_ALL, GENERIC_WRITE.
    $writes = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
    $root = [System.IO.Path]::GetFullPath($env:ProgramData).TrimEnd([System.Char]92)
    $full = [System.IO.Path]::GetFullPath($Path).TrimEnd([System.Char]92)
    $levels = @($full)
    if ($full.StartsWith($root + [System.Char]92, [System.StringComparison]::OrdinalIgnoreCase))
    {
        $levels = @()
        $at = $root
        foreach ($part in $full.Substring($root.Length + 1).Split([System.Char]92)) { $at = $at + [System.Char]92 + $part; $levels += $at }
    }
    foreach ($level in $levels)
    {
        if (-not [System.IO.Directory]::Exists($level))
        {
            $security = New-Object -TypeName 'System.Security.AccessControl.DirectorySecurity'
            $security.SetOwner($admins)
            $security.SetAccessRuleProtection($true, $false)
            foreach ($who in @($admins, $system))
            {
                $security.AddAccessRule((New-Object -TypeName 'System.Security.AccessControl.FileSystemAccessRule' -ArgumentList $who, ([System.Security.AccessControl.FileSystemRights]::FullControl), ([System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'), ([System.Security.AccessControl.PropagationFlags]::None), ([System.Security.AccessControl.AccessControlType]::Allow)))
            }
            try
            {
                $create = [System.IO.Directory].GetMethod('CreateDirectory', [System.Type[]]@([System.String], [System.Security.AccessControl.DirectorySecurity]))
                if ($null -ne $create) { $null = $create.Invoke($null, @($level, $security)) }
                else { $null = [System.IO.FileSystemAclExtensions]::Create((New-Object -TypeName 'System.IO.DirectoryInfo' -ArgumentList $level), $security) }
            }
            catch { Stop-Tls365 -Message ('cannot create the backup folder ' + $level + ': ' + $_.Exception.Message + '; nothing was changed. Give -BackupPath.') }
        }
        $acl = Get-Acl -LiteralPath $level
        $problems = @()
        $owner = $acl.GetOwner($sidType).Value
        if ($trusted -notcontains $owner) { $problems += ($owner + ' owns it') }
        foreach ($rule in $acl.GetAccessRules($true, $true, $sidType))
        {
            if ($rule.AccessControlType -ne [System.Security.AccessControl.AccessControlType]::Allow) { continue }
            $sid = $rule.IdentityReference.Value
            if ($trusted -contains $sid) { continue }
            if ($sid -eq 'S-1-3-0' -and ($rule.PropagationFlags -band [System.Security.AccessControl.PropagationFlags]::InheritOnly) -ne 0) { continue }
            if (([System.Int64][System.Int32]$rule.FileSystemRights -band $writes) -ne 0) { $problems += ($sid + ' may write there') }
        }
        if ($problems.Count -gt 0) { Stop-Tls365 -Message ($level + ': only Administrators and SYSTEM may be able to write where TLS365 keeps backups, and ' + ($problems -join '; ') + '. Nothing was changed. Delete the folder (this script creates it again, locked down) or give -BackupPath.') }
    }
}
`;

/** The apply body: pending changes, backup first, then write and verify each. */
export const PLAN_APPLY_GUARD = `
$problem = Get-Tls365TargetProblem
if ($null -ne $problem)
{
    Write-Error -Message ('TLS365: this plan is not for this machine: ' + $problem + '. Nothing was changed. Export a plan for it: Export-Tls365Remediation on it, or with -Path and its own image.') -ErrorAction Continue
    exit 2
}
$doneExit = 0
`;

/** Applying $changes (set by the plan's data block or by the desired-state interpreter); exits $doneExit when done. */
export const APPLY_BODY = `
$pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
$unchanged = 0
foreach ($change in $changes)
{
    $state = Get-Tls365ValueState -Change $change
    if (Test-Tls365Change -Change $change -State $state) { $unchanged++ }
    else { $pending.Add(@{ Change = $change; State = $state }) }
}
if ($pending.Count -eq 0)
{
    Write-Output ('TLS365: nothing to change; ' + $unchanged + ' value(s) already as planned.')
    foreach ($kb in $updates) { Write-Warning -Message ('TLS365: ' + $kb + ' is still needed; registry values alone do not install it.') }
    exit $doneExit
}

# Backup first: a .reg file that puts every value back (and removes the keys this run creates).
if ([System.String]::IsNullOrEmpty($BackupPath))
{
    # The default folder: created writable by Administrators and SYSTEM only, refused if anyone else can write there.
    if (-not $WhatIfPreference) { Initialize-Tls365BackupFolder -Path $defaultBackupFolder }
    $BackupPath = Join-Path -Path $defaultBackupFolder -ChildPath ('TLS365-backup-' + (Get-Date -Format 'yyyyMMdd-HHmmss-fff') + '.reg')
}
# A relative path means the current PowerShell location, not the process's working folder.
$BackupPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($BackupPath)
$created = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
$lines = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
$lines.Add('Windows Registry Editor Version 5.00')
$lines.Add('; TLS365 backup: importing this file restores the values the TLS365 plan changed.')
foreach ($item in $pending)
{
    if ($item.State.KeyExists -or $item.Change.Kind -eq 'Delete') { continue }
    $missing = (Get-Tls365HiveName -Hive $item.Change.Hive) + '\\' + (Get-Tls365MissingKey -Change $item.Change)
    if (-not $created.Contains($missing)) { $created.Add($missing) }
}
foreach ($key in $created)
{
    $lines.Add('')
    $lines.Add('[-' + $key + ']')
}
foreach ($item in $pending)
{
    $path = (Get-Tls365HiveName -Hive $item.Change.Hive) + '\\' + $item.Change.Key
    $isCreated = $false
    foreach ($key in $created)
    {
        if ($path.Equals($key, [System.StringComparison]::OrdinalIgnoreCase) -or $path.StartsWith($key + '\\', [System.StringComparison]::OrdinalIgnoreCase)) { $isCreated = $true }
    }
    if ($isCreated) { continue }
    $line = ConvertTo-Tls365RegLine -Name $item.Change.Name -State $item.State
    if ($null -eq $line) { Stop-Tls365 -Message ('cannot back up ' + (Get-Tls365DisplayName -Change $item.Change) + ' (' + $item.State.Kind + '); nothing was changed.') }
    $lines.Add('')
    $lines.Add('[' + $path + ']')
    $lines.Add($line)
}
$lines.Add('')
if ($PSCmdlet.ShouldProcess($BackupPath, 'Write TLS365 registry backup'))
{
    try
    {
        $folder = Split-Path -Path $BackupPath -Parent
        if (-not [System.String]::IsNullOrEmpty($folder)) { [System.IO.Directory]::CreateDirectory($folder) | Out-Null }
        # Exclusively: never over an existing file, never through a link planted at that name.
        $bytes = [System.Text.Encoding]::Unicode.GetBytes(($lines.ToArray() -join [System.Environment]::NewLine) + [System.Environment]::NewLine)
        $preamble = [System.Text.Encoding]::Unicode.GetPreamble()
        $stream = New-Object -TypeName 'System.IO.FileStream' -ArgumentList $BackupPath, ([System.IO.FileMode]::CreateNew), ([System.IO.FileAccess]::Write), ([System.IO.FileShare]::None)
        try { $stream.Write($preamble, 0, $preamble.Length); $stream.Write($bytes, 0, $bytes.Length) } finally { $stream.Dispose() }
    }
    catch
    {
        Stop-Tls365 -Message ('cannot write the backup ' + $BackupPath + ': ' + $_.Exception.Message + '; nothing was changed.')
    }
}
elseif (-not $WhatIfPreference)
{
    Stop-Tls365 -Message 'no backup was written, so nothing was changed.'
}

$written = 0
foreach ($item in $pending)
{
    $change = $item.Change
    $target = (Get-Tls365DisplayName -Change $change) + ' = ' + (Format-Tls365Wanted -Change $change)
    if (-not $PSCmdlet.ShouldProcess($target, 'Set registry value')) { continue }
    try { Set-Tls365Change -Change $change }
    catch { Stop-Tls365 -Message ('writing ' + $target + ' failed: ' + $_.Exception.Message + '; undo with: reg.exe import "' + $BackupPath + '" /reg:64') }
    $after = Get-Tls365ValueState -Change $change
    if (-not (Test-Tls365Change -Change $change -State $after))
    {
        Stop-Tls365 -Message ('verification failed for ' + $target + ': found ' + (Format-Tls365State -State $after) + '; undo with: reg.exe import "' + $BackupPath + '" /reg:64')
    }
    Write-Verbose -Message ('TLS365: set and verified ' + $target)
    $written++
}
if ($WhatIfPreference) { exit 0 }
if ($written -gt 0) { Set-Tls365RestartMarker -BackupPath $BackupPath -Restart $restart }
Write-Output ('TLS365: ' + $written + ' value(s) written and verified, ' + $unchanged + ' already as planned. Backup: ' + $BackupPath + '. Restart needed: ' + $restart + '.')
foreach ($kb in $updates) { Write-Warning -Message ('TLS365: ' + $kb + ' is still needed; registry values alone do not install it.') }
exit $doneExit
`;

export const DISCOVERY_BODY = `
# Exactly one value: Compliant, the differences joined by '; ', or why the plan is not for this machine.
$problem = Get-Tls365TargetProblem
if ($null -ne $problem)
{
    Write-Output ('Not for this machine: ' + $problem)
    exit 0
}
$problems = Get-Tls365Difference
if ($problems.Count -eq 0) { Write-Output 'Compliant' }
else { Write-Output ($problems -join '; ') }
`;

/** Intune remediations' detection: exit 1 when the remediation should run, 0 when compliant; at most 2,048 characters. */
export const INTUNE_DETECTION_BODY = `
$problem = Get-Tls365TargetProblem
if ($null -ne $problem)
{
    # Exit 1: the remediation then runs, refuses (exit 2) and Intune shows the failure with this reason.
    Write-Output (Limit-Tls365Text -Text ('Not for this machine: ' + $problem) -Limit 2048)
    exit 1
}
$problems = Get-Tls365Difference
if ($problems.Count -eq 0)
{
    Write-Output 'Compliant'
    exit 0
}
Write-Output (Limit-Tls365Text -Text ([System.String] $problems.Count + ' value(s) not as planned: ' + ($problems -join '; ')) -Limit 2048)
exit 1
`;

export const APPLY_HELP = `<#
.SYNOPSIS
    Applies a TLS365 remediation plan to this machine's registry.
.DESCRIPTION
    Generated by TLS365 (Export-Tls365Remediation). Needs no module and no Node. Reads every value of the
    plan; values already as planned are left alone, so running the script again changes nothing. Before
    the first write it saves a .reg backup of every value it is about to change; then it writes each value,
    reads it back and stops with exit code 1 at the first failure. The plan holds one machine's values: on a
    machine of another build or architecture (or 32-bit Windows, when the plan writes under Wow6432Node) it
    writes nothing and exits with code 2. Exit codes: 0 done (or nothing to change), 1 a value could not be
    written or verified, 2 not for this machine. Undo: reg.exe import <backup file> /reg:64
    (/reg:64: a 32-bit reg.exe, as ConfigMgr task sequences run it, would restore SOFTWARE values into the 32-bit view).
    Supports -WhatIf and -Confirm. Run as an administrator.
.PARAMETER BackupPath
    Where to write the backup (.reg, UTF-16LE). Default: a time-stamped file in the folder named below.
.EXAMPLE
    .\\Set-Tls365Remediation.ps1 -WhatIf

    Shows every value the plan would write, without writing anything.
#>`;

export const DISCOVERY_HELP = `<#
.SYNOPSIS
    TLS365 SCCM Configuration Item discovery script.
.DESCRIPTION
    Generated by TLS365. Writes exactly one value: Compliant when every value of the plan is in place,
    otherwise the values that differ joined by '; ', or a line that starts with Not for this machine when the
    machine's build or architecture is not the plan's. Changes nothing. Runs as SYSTEM in ConfigMgr's 64-bit
    host or a 32-bit one alike (every registry read goes through the 64-bit view); no prompt, nothing else printed.
    Compliance rule: the value equals Compliant (String).
#>`;

export const INTUNE_DETECTION_HELP = `<#
.SYNOPSIS
    TLS365 Intune remediation: the detection script.
.DESCRIPTION
    Generated by TLS365. Exit 0 and Compliant when every value of the plan is in place; otherwise exit 1 (Intune
    then runs the remediation script) and one line saying what differs, or why the plan is not for this machine,
    at most 2,048 characters. Changes nothing. Every registry read goes through the 64-bit view, so Intune's
    default 32-bit host reads what 64-bit programs use ("Run script in 64-bit PowerShell" may stay No). Run it
    as SYSTEM (not with the logged-on credentials).
#>`;

export const INTUNE_REMEDIATION_NOTE = `# TLS365 Intune remediation: the remediation script, generated by TLS365. Applies the plan as the standalone
# script does (backup first under %ProgramData%\\TLS365\\Backup\\Intune, every value verified; exit 0 done, 1 a
# value could not be written or verified, 2 not for this machine, nothing written). Registry access goes through
# the 64-bit view, so Intune's default 32-bit host writes where 64-bit programs read. Its output is one short line.`;

export const REMEDIATION_NOTE = `# TLS365 SCCM Configuration Item remediation script, generated by TLS365: applies the plan as the
# standalone script does (backup first under %ProgramData%\\TLS365\\Backup, verify each value, exit 1 on failure,
# exit 2 and nothing written on a machine of another build or architecture than the plan's).`;
