<#
.SYNOPSIS
    Windows tier: a live Set-Tls365Protocols that fails at every position of its writes in turn, and a rollback whose own write fails.
.DESCRIPTION
    The failure is injected from outside, the way Pester's Mock replaces a module command: in the module's scope,
    Write-Tls365RegistryValue is wrapped so that its N-th call returns the failure the real one returns for a
    registry error (@{ Ok = $false; Message }); every other call, and every read, goes to the real function and
    Wine's real Win32 registry. For each position k of the plan's writes: Set with the k-th write failing, then
    the touched trees exported (reg.exe) and compared byte for byte with the export before. Then once more with
    the write at position -RollbackFailAt failing and the rollback's restore of the last value written failing too.
    Writes <OutDir>\result.json: planned, positions [{at, errors, identical, backupSchema}], rollbackFailure {errors, identical}.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module, [System.Int32] $RollbackFailAt = 2)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
$tls365 = Import-Module -Name $Module -PassThru

# The wrapper, in the module's scope (a test seam: production code has no switch for it).
& $tls365 {
    $script:RealWrite = ${function:Write-Tls365RegistryValue}
    $script:InjectAt = @()
    $script:WriteCalls = 0
    function script:Write-Tls365RegistryValue
    {
        param ([System.String] $Hive, [System.String] $Key, [System.String] $Name, [System.String] $Operation, [System.Object] $Data, [System.String] $Kind)
        $call = $script:WriteCalls
        $script:WriteCalls++
        if ($script:InjectAt -contains $call) { return @{ Ok = $false; Message = ('injected registry failure at write call {0}' -f $call) } }
        & $script:RealWrite -Hive $Hive -Key $Key -Name $Name -Operation $Operation -Data $Data -Kind $Kind
    }
}

function Invoke-Case
{
    param ([System.Int32[]] $FailCalls, [System.String] $Label)
    & $tls365 { param ($calls) $script:WriteCalls = 0; $script:InjectAt = $calls } $FailCalls
    $dir = Join-Path -Path $OutDir -ChildPath $Label
    $null = New-Item -ItemType Directory -Path $dir -Force
    $backup = Join-Path -Path $dir -ChildPath 'backup.json'
    $errs = @()
    $out = @(Set-Tls365Protocols -Confirm:$false -BackupPath $backup -ErrorVariable +errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    Export-TouchedTree -OutDir $dir -Label 'after'
    $identical = $true
    for ($i = 0; $i -lt $script:TouchedTrees.Count; $i++)
    {
        $before = Join-Path -Path $OutDir -ChildPath ('before-{0}.reg' -f $i)
        $after = Join-Path -Path $dir -ChildPath ('after-{0}.reg' -f $i)
        if ((Test-Path -LiteralPath $before) -ne (Test-Path -LiteralPath $after)) { $identical = $false; continue }
        if ((Test-Path -LiteralPath $before) -and ([System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($before)) -ne [System.Convert]::ToBase64String([System.IO.File]::ReadAllBytes($after)))) { $identical = $false }
    }
    $schema = $null
    if (Test-Path -LiteralPath $backup) { $schema = (Get-Content -LiteralPath $backup -Raw | ConvertFrom-Json).schema }
    [ordered]@{
        at           = $FailCalls
        output       = $out.Count
        identical    = $identical
        backupSchema = $schema
        calls        = (& $tls365 { $script:WriteCalls })
        errors       = @($errs | ForEach-Object { '{0}|{1}|{2}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message })
    }
}

$planned = @(& $tls365 {
        $c = Get-Tls365LocalSnapshot
        $p = Get-Tls365RemediationPlan -Snapshot $c.Value -Protocol @('Tls12') -DisableLegacy $false -AllowLegacy $false -Component @() -Role @()
        $p.Value.Plan.changes
    }).Count
Export-TouchedTree -OutDir $OutDir -Label 'before'
$positions = @(for ($k = 0; $k -lt $planned; $k++) { Invoke-Case -FailCalls @($k) -Label ('at-{0}' -f $k) })
# The write at RollbackFailAt fails; the rollback then restores in reverse: the next call puts back the value
# whose write failed (never changed), the one after it the last value really written, and that one fails too.
$rollback = Invoke-Case -FailCalls @($RollbackFailAt, ($RollbackFailAt + 2)) -Label 'rollback-fails'
Write-Result -OutDir $OutDir -Result ([ordered]@{ planned = $planned; positions = $positions; rollbackFailure = $rollback })
