<#
.SYNOPSIS
    TLS365 collector: reads the raw TLS-related registry values, hotfixes and file versions of this machine into a
    TLS365 snapshot (schema tls365.snapshot/1). Needs neither Node nor the TLS365 module.
.DESCRIPTION
    Runs on the target: locally, through Invoke-Command (the module sends this script's text), or on its own from
    SCCM or a scheduled task (powershell.exe -File Get-Tls365Snapshot.ps1 -OutFile \\share\snapshots\NAME.json).
    Windows PowerShell 5.1 compatible. It collects raw values only; every rule runs later, in the TLS365 core.

    All registry access goes through one seam, $registry below, with two implementations:
    - live: Microsoft.Win32.RegistryKey with explicit RegistryView.Registry64 (so a 32-bit host still reads the
      native view); the Wow6432Node paths are read as such. Windows only: NOT TESTED ON LINUX (reviewed line by
      line; see the comments);
    - image: a TLS365 snapshot JSON file given with -RegistryImage, which the tests use on Linux so that
      everything above the seam (which keys, which values, filtering CBS packages, coverage) is exercised.
.PARAMETER OutFile
    Write the snapshot as UTF-8 JSON to this file instead of returning it.
.PARAMETER RegistryImage
    Read the registry from this snapshot JSON instead of the live registry (tests, offline re-collection). Only
    this explicit parameter does that (no environment variable, no other switch), and the snapshot then says
    source = Image, which Get-Tls365Readiness keeps: an image can never pass for a live reading.
.PARAMETER AsJson
    Return the snapshot as one JSON string.
.EXAMPLE
    powershell.exe -NoProfile -File .\Get-Tls365Snapshot.ps1 -OutFile "\\server\share\tls365\$env:COMPUTERNAME.json"
#>
[CmdletBinding()]
param
(
    [Parameter()]
    [System.String]
    $OutFile,

    [Parameter()]
    [System.String]
    $RegistryImage,

    [Parameter()]
    [System.Management.Automation.SwitchParameter]
    $AsJson
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
# Said before anything else runs, in words, not as a stack trace from the first line that needs them: the
# collector needs PowerShell 3.0 or later (Windows Server 2008 R2 ships 2.0: install Windows Management
# Framework 3.0 or later, or export the keys with module\Collector\Export-Tls365Keys.cmd) and full language mode (Constrained
# Language under AppLocker/WDAC, or a JEA endpoint, blocks the .NET calls that read the registry).
if ($PSVersionTable.PSVersion.Major -lt 3)
{
    throw ('TLS365 collector: this is PowerShell {0}; the collector needs 3.0 or later. Install Windows Management Framework 3.0 or later, or export the keys TLS365 reads with module\Collector\Export-Tls365Keys.cmd (no PowerShell) and evaluate the file with Get-Tls365Readiness -Path.' -f $PSVersionTable.PSVersion)
}
if ([System.String]$ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage')
{
    throw ('TLS365 collector: this session runs in {0} mode (AppLocker/WDAC Constrained Language, or a JEA endpoint), where the collector cannot read the registry. Run it in a full-language session as an administrator (the default Microsoft.PowerShell endpoint), or export the keys with module\Collector\Export-Tls365Keys.cmd and evaluate the file with Get-Tls365Readiness -Path.' -f $ExecutionContext.SessionState.LanguageMode)
}
$collectorVersion = '0.1.0'
$HKLM = 'HKEY_LOCAL_MACHINE'
$HKCU = 'HKEY_CURRENT_USER'
# What could not be read (a key the registry refused, the hotfix list): { path; error }, written to the snapshot
# so the core knows those inputs are unknown, never absent.
$unreadable = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'

# ---------------------------------------------------------------------------------------------------------
# The seam. Each implementation answers Read(path) with $null (no such key) or
# @{ Values = @( @{ name; value = @{ type; data } } ); SubKeys = @(names) }.
# ---------------------------------------------------------------------------------------------------------
if (-not [System.String]::IsNullOrEmpty($RegistryImage))
{
    $image = Get-Content -LiteralPath $RegistryImage -Raw | ConvertFrom-Json
    $keys = @{}
    $children = @{}
    foreach ($k in @($image.registry))
    {
        $keys[$k.path.ToUpperInvariant()] = $k
        $parts = $k.path.Split('\')
        for ($i = 1; $i -lt $parts.Length; $i++)
        {
            $parent = ($parts[0..($i - 1)] -join '\').ToUpperInvariant()
            if (-not $children.ContainsKey($parent)) { $children[$parent] = New-Object -TypeName 'System.Collections.Generic.List[System.String]' }
            if (-not ($children[$parent] -contains $parts[$i])) { $children[$parent].Add($parts[$i]) }
        }
    }
    $registry = @{
        Read         = {
            param ([System.String] $Path)
            $upper = $Path.ToUpperInvariant()
            $hasChildren = $children.ContainsKey($upper)
            if (-not $keys.ContainsKey($upper) -and -not $hasChildren) { return $null }
            $values = @()
            if ($keys.ContainsKey($upper)) { $values = @($keys[$upper].values | ForEach-Object { @{ name = $_.name; value = @{ type = $_.value.type; data = $_.value.data } } }) }
            $subKeys = @()
            if ($hasChildren) { $subKeys = @($children[$upper]) }
            @{ Values = $values; SubKeys = $subKeys }
        }.GetNewClosure()
        ComputerName = $image.computerName
        Architecture = $image.architecture
        Hotfixes     = $image.hotfixes
        FileVersions = $image.fileVersions
    }
}
else
{
    # Live registry: Windows only, untested on Linux.
    $registry = @{
        Read         = {
            param ([System.String] $Path)
            $hiveName, $subPath = $Path.Split([System.Char[]]@('\'), 2)
            $hive = [Microsoft.Win32.RegistryHive]::LocalMachine
            if ($hiveName -eq 'HKEY_CURRENT_USER') { $hive = [Microsoft.Win32.RegistryHive]::CurrentUser }
            # Registry64 reads the native view even from a 32-bit host; on a 32-bit OS .NET falls back to the only view.
            $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey($hive, [Microsoft.Win32.RegistryView]::Registry64)
            try
            {
                $key = $base.OpenSubKey($subPath, $false)
                if ($null -eq $key) { return $null }
                try
                {
                    $values = foreach ($name in $key.GetValueNames())
                    {
                        $kind = $key.GetValueKind($name)
                        $raw = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
                        $value = switch ($kind)
                        {
                            'String' { @{ type = 'REG_SZ'; data = [System.String]$raw } }
                            'ExpandString' { @{ type = 'REG_EXPAND_SZ'; data = [System.String]$raw } }
                            'MultiString' { @{ type = 'REG_MULTI_SZ'; data = @($raw) } }
                            # .NET returns REG_DWORD as Int32: reinterpret the bits as unsigned.
                            'DWord' { @{ type = 'REG_DWORD'; data = [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([System.Int32]$raw), 0) } }
                            'QWord' { @{ type = 'REG_QWORD'; data = [System.BitConverter]::ToUInt64([System.BitConverter]::GetBytes([System.Int64]$raw), 0).ToString() } }
                            'Binary' { @{ type = 'REG_BINARY'; data = (($raw | ForEach-Object { $_.ToString('x2') }) -join '') } }
                            'None' { @{ type = 'REG_NONE'; data = '' } }
                            default { @{ type = 'REG_OTHER'; kind = -1; data = '' } }
                        }
                        @{ name = $name; value = $value }
                    }
                    @{ Values = @($values); SubKeys = @($key.GetSubKeyNames()) }
                }
                finally
                {
                    $key.Dispose()
                }
            }
            finally
            {
                $base.Dispose()
            }
        }
        ComputerName = [System.Environment]::MachineName
        # Read from the registry below (PROCESSOR_ARCHITECTURE, as Windows sets it for the OS); [Environment] is
        # the fallback when that value is missing.
        Architecture = $null
        ArchitectureFallback = $(if ([System.Environment]::Is64BitOperatingSystem) { 'x64' } else { 'x86' })
        # Get-HotFix reads WMI (Win32_QuickFixEngineering). With WMI missing or its repository broken it throws
        # a terminating error even with -ErrorAction SilentlyContinue (System.Management cannot start; also what
        # Wine does). It runs in a PowerShell instance of its own, so that failure reaches neither $Error nor the
        # caller's -ErrorVariable; the list is then null ("not collected", the reason in unreadable) and updates
        # are decided from the CBS packages and product keys read below.
        Hotfixes     = $(
            $hotfixQuery = { try { @{ Ok = $true; Ids = @(Get-HotFix -ErrorAction Stop | ForEach-Object { [System.String]$_.HotFixID }) } } catch { $e = $_.Exception; while ($null -ne $e.InnerException) { $e = $e.InnerException }; @{ Ok = $false; Error = $e.Message } } }
            $hotfixShell = $null
            # A constrained (JEA) endpoint may not allow a PowerShell instance: then the query runs here.
            try { $hotfixShell = [System.Management.Automation.PowerShell]::Create() } catch { $hotfixShell = $null }
            if ($null -eq $hotfixShell) { $answer = @(& $hotfixQuery) }
            else
            {
                try { $answer = @($hotfixShell.AddScript($hotfixQuery.ToString()).Invoke()) }
                finally { $hotfixShell.Dispose() }
            }
            if ($answer.Count -eq 1 -and $answer[0].Ok)
            {
                ,@($answer[0].Ids | Where-Object { $_ -match '^KB\d+$' })
            }
            else
            {
                $why = 'no answer'
                if ($answer.Count -eq 1) { $why = [System.String]$answer[0].Error }
                $unreadable.Add([ordered]@{ path = 'Get-HotFix (WMI Win32_QuickFixEngineering)'; error = $why })
                $null
            }
        )
        FileVersions = $(
            $versions = @{}
            # A 32-bit host (32-bit PowerShell, a 32-bit ConfigMgr client) is redirected from System32 to SysWOW64:
            # the 64-bit files the rules mean are read through Sysnative there.
            $systemDir = [System.Environment]::SystemDirectory
            if ([System.Environment]::Is64BitOperatingSystem -and -not [System.Environment]::Is64BitProcess) { $systemDir = Join-Path -Path $env:windir -ChildPath 'Sysnative' }
            foreach ($file in @('winhttp.dll', 'webio.dll'))
            {
                $full = Join-Path -Path $systemDir -ChildPath $file
                if (Test-Path -LiteralPath $full)
                {
                    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($full)
                    $versions[$file] = '{0}.{1}.{2}.{3}' -f $info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart
                }
            }
            $versions
        )
    }
}

# ---------------------------------------------------------------------------------------------------------
# Above the seam: what to collect. Tested on Linux through -RegistryImage.
# ---------------------------------------------------------------------------------------------------------
$collected = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
$covered = New-Object -TypeName 'System.Collections.Generic.List[System.String]'

# The read runs inside InvokeReturnAsIs with its own try/catch: a refused key is then data, and its exception
# reaches neither the caller's -ErrorVariable (a try/catch in a script does not stop that) nor the pipeline.
$guardedRead = {
    param ([System.String] $Path)
    try { @{ Ok = $true; Key = (& $registry.Read $Path) } }
    catch
    {
        $inner = $_.Exception
        while ($null -ne $inner.InnerException) { $inner = $inner.InnerException }
        @{ Ok = $false; Error = $inner.Message }
    }
}

function Read-Key
{
    # One key through the seam, or $null: absent, or refused (access denied, a damaged hive, a value that cannot
    # be read). A refusal is recorded in unreadable, so the core knows that key is unknown, not absent, and the
    # rest of the machine is still collected.
    param ([System.String] $Path)
    $answer = $guardedRead.InvokeReturnAsIs($Path)
    if ($answer.Ok) { return $answer.Key }
    $unreadable.Add([ordered]@{ path = $Path; error = $answer.Error })
    return $null
}

function Add-Key
{
    param ([System.String] $Path, [System.String[]] $Only, [System.Management.Automation.SwitchParameter] $Recurse, [System.Int32] $Depth = 8)
    $key = Read-Key -Path $Path
    if ($null -eq $key) { return }
    $values = @($key.Values)
    if ($null -ne $Only -and $Only.Count -gt 0) { $values = @($values | Where-Object { $Only -contains $_.name }) }
    $collected.Add(@{ path = $Path; values = $values })
    if ($Recurse -and $Depth -gt 0)
    {
        foreach ($sub in @($key.SubKeys)) { Add-Key -Path ($Path + '\' + $sub) -Recurse -Depth ($Depth - 1) }
    }
}

function Add-Root
{
    param ([System.String] $Path, [System.String[]] $Only, [System.Management.Automation.SwitchParameter] $Recurse)
    $covered.Add($Path)
    Add-Key -Path $Path -Only $Only -Recurse:$Recurse
}

# Live: the OS architecture as the registry says it (Session Manager\Environment PROCESSOR_ARCHITECTURE: AMD64,
# x86, ARM64), the way the core reads images, and [Environment] only when that value is missing. An image keeps
# the architecture it was collected with.
if ($null -eq $registry.Architecture -and $registry.ContainsKey('ArchitectureFallback'))
{
    $environmentKey = Read-Key -Path "$HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
    if ($null -ne $environmentKey)
    {
        $declared = @($environmentKey.Values | Where-Object { $_.name -eq 'PROCESSOR_ARCHITECTURE' } | ForEach-Object { [System.String]$_.value.data })
        if ($declared.Count -gt 0)
        {
            switch -regex ($declared[0].Trim())
            {
                '^(AMD64|IA64|EM64T)$' { $registry.Architecture = 'x64' }
                '^x86$' { $registry.Architecture = 'x86' }
                '^ARM64$' { $registry.Architecture = 'arm64' }
            }
        }
    }
    if ($null -eq $registry.Architecture) { $registry.Architecture = $registry.ArchitectureFallback }
}
$is64 = $registry.Architecture -ne 'x86'
$views = @('')
if ($is64) { $views = @('', 'Wow6432Node\') }

Add-Root -Path "$HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" -Only @('CurrentBuildNumber', 'CurrentBuild', 'UBR', 'ProductName', 'InstallationType', 'EditionID', 'CSDVersion', 'CurrentMajorVersionNumber', 'CurrentMinorVersionNumber', 'CurrentVersion', 'DisplayVersion')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName" -Only @('ComputerName')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName" -Only @('ComputerName')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\ProductOptions" -Only @('ProductType')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL" -Recurse
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\Lsa" -Only @('FIPSAlgorithmPolicy')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy" -Only @('Enabled')
Add-Root -Path "$HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002" -Only @('Functions', 'EccCurves')
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\Cryptography\Configuration\Local\SSL\00010002" -Only @('Functions', 'EccCurves')
foreach ($view in $views)
{
    Add-Root -Path "$HKLM\SOFTWARE\$($view)Microsoft\Windows\CurrentVersion\Internet Settings" -Only @('SecureProtocols')
    Add-Root -Path "$HKLM\SOFTWARE\$($view)Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" -Only @('DefaultSecureProtocols')
    Add-Root -Path "$HKLM\SOFTWARE\$($view)Microsoft\.NETFramework" -Only @('')
    Add-Root -Path "$HKLM\SOFTWARE\$($view)Microsoft\.NETFramework\v4.0.30319" -Only @('SchUseStrongCrypto', 'SystemDefaultTlsVersions')
    Add-Root -Path "$HKLM\SOFTWARE\$($view)Microsoft\.NETFramework\v2.0.50727" -Only @('SchUseStrongCrypto', 'SystemDefaultTlsVersions')
}
Add-Root -Path "$HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings" -Only @('SecureProtocols')
Add-Root -Path "$HKCU\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings" -Only @('SecureProtocols')
Add-Root -Path "$HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings" -Only @('SecureProtocols')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP" -Recurse
Add-Root -Path "$HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment" -Only @('PROCESSOR_ARCHITECTURE')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\Setup" -Only @('MsiProductMajor', 'MsiProductMinor', 'MsiBuildMajor', 'MsiBuildMinor')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole" -Only @('')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\ExchangeServer\v14\Setup" -Only @('MsiProductMajor', 'MsiProductMinor', 'MsiBuildMajor', 'MsiBuildMinor')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\SMS\Mobile Client" -Only @('ProductVersion')
Add-Root -Path "$HKLM\SOFTWARE\Microsoft\Azure AD Connect" -Only @('Version')

# Component Based Servicing: packages named for a KB, one per KB: the package with the best CurrentState
# (installed 0x70 or permanent 0x80, then superseded 0x50, then any), which is all the core decides from
# (core/readiness/updates.ts, same name pattern). A long-serviced server has tens of thousands of package keys,
# a few per KB; one entry per KB keeps its snapshot small enough to batch. Rollup packages are kept as they are.
$cbs = "$HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages"
$covered.Add($cbs)
$cbsKey = Read-Key -Path $cbs
if ($null -ne $cbsKey)
{
    $collected.Add(@{ path = $cbs; values = @() })
    $bestByKb = @{}
    foreach ($name in @($cbsKey.SubKeys))
    {
        $isRollup = $name -match '^Package_for_RollupFix'
        if (-not $isRollup -and $name -notmatch '^Package_(?:[^~]*_)?for_KB([0-9]+)(?=[~_]|$)') { continue }
        $kb = $null
        if (-not $isRollup) { $kb = 'KB' + $Matches[1] }
        $key = Read-Key -Path ($cbs + '\' + $name)
        if ($null -eq $key) { continue }
        $values = @(@($key.Values) | Where-Object { $_.name -eq 'CurrentState' })
        $entry = @{ path = ($cbs + '\' + $name); values = $values }
        if ($isRollup) { $collected.Add($entry); continue }
        $rank = 0
        if ($values.Count -gt 0 -and $values[0].value.type -eq 'REG_DWORD')
        {
            $state = [System.Int64]$values[0].value.data
            if ($state -eq 0x70 -or $state -eq 0x80) { $rank = 2 } elseif ($state -eq 0x50) { $rank = 1 }
        }
        if (-not $bestByKb.ContainsKey($kb) -or $rank -gt $bestByKb[$kb].Rank) { $bestByKb[$kb] = @{ Rank = $rank; Entry = $entry } }
    }
    foreach ($kb in @($bestByKb.Keys | Sort-Object)) { $collected.Add($bestByKb[$kb].Entry) }
}
# Pending-restart markers (core/readiness/paths.ts REBOOT_MARKERS): only whether the key exists matters, so each
# is a root of its own, kept without values or subkeys; the rest of Component Based Servicing and Windows Update is
# not read. PendingFileRenameOperations is left out (docs/domain-facts.md 5.1).
# TLS365RestartPending is the module's own volatile marker (Set-Tls365RestartMarker): gone after a restart.
foreach ($marker in @("$HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending", "$HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired", "$HKLM\SOFTWARE\TLS365RestartPending"))
{
    $covered.Add($marker)
    if ($null -ne (Read-Key -Path $marker)) { $collected.Add(@{ path = $marker; values = @() }) }
}
# Product updates (Exchange SUs, .NET Framework updates and the like): KB-named keys two or three levels down
# (Updates\<product>\KB..., Updates\<product>\<release>\KB...), under SOFTWARE and SOFTWARE\WOW6432Node (32-bit
# installers write there); names only, no values.
foreach ($updates in @("$HKLM\SOFTWARE\Microsoft\Updates", "$HKLM\SOFTWARE\WOW6432Node\Microsoft\Updates"))
{
    $covered.Add($updates)
    $updatesKey = Read-Key -Path $updates
    if ($null -eq $updatesKey) { continue }
    foreach ($product in @($updatesKey.SubKeys))
    {
        $productPath = $updates + '\' + $product
        $productKey = Read-Key -Path $productPath
        if ($null -eq $productKey) { continue }
        foreach ($sub in @($productKey.SubKeys))
        {
            if ($sub -match '^KB\d+$') { $collected.Add(@{ path = ($productPath + '\' + $sub); values = @() }); continue }
            $subKey = Read-Key -Path ($productPath + '\' + $sub)
            if ($null -eq $subKey) { continue }
            foreach ($kb in @($subKey.SubKeys | Where-Object { $_ -match '^KB\d+$' })) { $collected.Add(@{ path = ($productPath + '\' + $sub + '\' + $kb); values = @() }) }
        }
    }
}

$computerName = $registry.ComputerName
$snapshot = [ordered]@{
    schema       = 'tls365.snapshot/1'
    computerName = $computerName
    source       = 'Local'
    origin       = $computerName
    collectedAt  = [System.DateTime]::UtcNow.ToString('o')
    collector    = 'TLS365 collector ' + $collectorVersion
    architecture = $registry.Architecture
    # Whose HKEY_CURRENT_USER this is (SYSTEM under ConfigMgr, the admin when remote): per-user findings name it.
    account      = $(if ([System.String]::IsNullOrEmpty($RegistryImage)) { [System.Security.Principal.WindowsIdentity]::GetCurrent().Name } else { $null })
    registry     = $collected.ToArray()
    covered      = $covered.ToArray()
    hotfixes     = $registry.Hotfixes
    fileVersions = $registry.FileVersions
    unreadable   = $unreadable.ToArray()
}
if (-not [System.String]::IsNullOrEmpty($RegistryImage)) { $snapshot.source = 'Image' }

if (-not [System.String]::IsNullOrEmpty($OutFile))
{
    $json = ConvertTo-Json -InputObject $snapshot -Depth 8 -Compress
    [System.IO.File]::WriteAllText($OutFile, $json, (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false))
    return
}
if ($AsJson) { return (ConvertTo-Json -InputObject $snapshot -Depth 8 -Compress) }
$snapshot
