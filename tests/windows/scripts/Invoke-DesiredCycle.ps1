<#
.SYNOPSIS
    Windows tier: runs the desired-state artefacts (exported once, with no image) on this (Wine) machine, in one
    Windows pwsh, and writes what happened to <OutDir>\result.json.
.DESCRIPTION
    In order: a fingerprint of every tree a TLS365 change can touch; the SCCM discovery and the Intune detection
    (output, exit code); the chosen remediation channel (Script, Sccm or Intune: exit code, output); the trees
    again; live Get-Tls365Readiness (the module, through Node for Windows); discovery and detection again; the
    same channel again and the trees once more. The artefacts run as the scripts they are (& <file>), each in
    its own script scope, so their exit codes are theirs.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Artefacts,
    [Parameter(Mandatory = $true)] [ValidateSet('Script', 'Sccm', 'Intune')] [System.String] $Channel,
    [Parameter(Mandatory = $true)] [System.String] $Module,
    [System.Management.Automation.SwitchParameter] $SkipReadiness
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')

function Get-TreeFingerprint
{
    # Every key, value name, kind and data under the trees a TLS365 change can touch, read through the Win32 registry.
    $lines = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
    foreach ($tree in $script:TouchedTrees)
    {
        $root, $rest = $tree.Split([System.Char[]]@([System.Char]92), 2)
        $hive = [Microsoft.Win32.RegistryHive]::LocalMachine
        if ($root -eq 'HKCU') { $hive = [Microsoft.Win32.RegistryHive]::CurrentUser }
        $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey($hive, [Microsoft.Win32.RegistryView]::Registry64)
        $stack = New-Object -TypeName 'System.Collections.Generic.Stack[System.String]'
        $stack.Push($rest)
        while ($stack.Count -gt 0)
        {
            $path = $stack.Pop()
            $key = $base.OpenSubKey($path, $false)
            if ($null -eq $key) { $lines.Add($root + '\' + $path + ' (missing)'); continue }
            try
            {
                $lines.Add($root + '\' + $path)
                foreach ($name in @($key.GetValueNames() | Sort-Object))
                {
                    $kind = $key.GetValueKind($name)
                    $data = $key.GetValue($name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
                    if ($data -is [System.Array]) { $data = ($data | ForEach-Object { [System.String]$_ }) -join ',' }
                    $lines.Add('  ' + $name + ' ' + $kind + ' ' + [System.String]$data)
                }
                foreach ($sub in @($key.GetSubKeyNames() | Sort-Object -Descending)) { $stack.Push($path + '\' + $sub) }
            }
            finally { $key.Close() }
        }
        $base.Close()
    }
    return ($lines.ToArray() -join "`n")
}

function Invoke-Artefact
{
    # One artefact as a script: its own scope, its own exit code; every stream captured as text.
    param ([System.String] $File, [System.Collections.Hashtable] $Arguments = @{})
    $global:LASTEXITCODE = 0
    $output = @(& (Join-Path -Path $Artefacts -ChildPath $File) @Arguments *>&1 | ForEach-Object { [System.String]$_ })
    return [ordered]@{ Exit = $global:LASTEXITCODE; Output = ($output -join "`n") }
}

$channelFile = @{ Script = 'apply.ps1'; Sccm = 'sccm-remediation.ps1'; Intune = 'intune-remediation.ps1' }[$Channel]
$channelArgs = @{}
if ($Channel -eq 'Script') { $channelArgs = @{ BackupPath = (Join-Path -Path $OutDir -ChildPath 'backup-1.reg'); Confirm = $false } }

$result = [ordered]@{}
$result.Before = Get-TreeFingerprint
$result.Discovery1 = Invoke-Artefact -File 'sccm-discovery.ps1'
$result.Detection1 = Invoke-Artefact -File 'intune-detection.ps1'
$result.Discovered = Get-TreeFingerprint
$result.Apply1 = Invoke-Artefact -File $channelFile -Arguments $channelArgs
$result.Applied = Get-TreeFingerprint
# TLS365's volatile pending-restart marker, which a run that wrote leaves (as Set-Tls365Protocols does).
$result.Marker = Test-TouchedTree -Tree 'HKLM\SOFTWARE\TLS365RestartPending'
$result.Live = $null
$result.Errors = @()
if (-not $SkipReadiness)
{
    Import-Module -Name $Module
    $errors = @()
    $live = @(Get-Tls365Readiness -ErrorVariable +errors -ErrorAction SilentlyContinue)
    $result.Live = @($live | ForEach-Object { Get-ReadinessSummary -Readiness $_ })
    $result.Errors = @($errors | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
}
$result.Discovery2 = Invoke-Artefact -File 'sccm-discovery.ps1'
$result.Detection2 = Invoke-Artefact -File 'intune-detection.ps1'
if ($Channel -eq 'Script') { $channelArgs.BackupPath = (Join-Path -Path $OutDir -ChildPath 'backup-2.reg') }
$result.Apply2 = Invoke-Artefact -File $channelFile -Arguments $channelArgs
$result.Again = Get-TreeFingerprint
Write-Result -OutDir $OutDir -Result $result
