<#
.SYNOPSIS
    Windows tier: the module starting its bridge (Node for Windows) by each way it finds node.exe, and non-ASCII
    names and paths with spaces going through the bridge and back. Writes <OutDir>\result.json.
.PARAMETER NodeFolder
    The folder of node.exe, put first on PATH for the by-name case (TLS365_NODE is removed for it).
.PARAMETER Image
    An image whose path has spaces and non-ASCII characters, whose computer name is non-ASCII.
.PARAMETER BrokenName
    A non-ASCII file name for a malformed image written beside it (its error must name it).
.PARAMETER ExportName
    A non-ASCII file name for an export written beside it. (Names come as parameters: this file stays ASCII,
    as Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page.)
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module,
    [Parameter(Mandatory = $true)] [System.String] $NodeFolder,
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $BrokenName,
    [Parameter(Mandatory = $true)] [System.String] $ExportName
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
$result = [ordered]@{}

function Invoke-Case
{
    param ([System.String] $Name, [scriptblock] $Body)
    Get-Module -Name TLS365 | Remove-Module -Force
    Import-Module -Name $Module
    $ErrorActionPreference = 'Continue'
    $all = @()
    try { $all = @(& $Body 2>&1) }
    catch { $all = @($_) }
    $bridge = & (Get-Module TLS365) { if ($null -ne $script:Bridge) { $script:Bridge.Process.MainModule.FileName } }
    $result[$Name] = [ordered]@{
        node   = & (Get-Module TLS365) { $script:ResolvedNode }
        bridge = $bridge
        errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
        value  = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
    }
}

# 1. TLS365_NODE (the harness sets it to Node for Windows).
Invoke-Case -Name 'byVariable' -Body { (Get-Tls365Readiness -Path $Image).ComputerName }

# 2. By name on PATH, TLS365_NODE unset.
$saved = $env:TLS365_NODE
$env:TLS365_NODE = $null
$env:PATH = $NodeFolder + ';' + $env:PATH
Invoke-Case -Name 'byPath' -Body { (Get-Tls365Readiness -Path $Image).ComputerName }

# 3. TLS365_NODE naming a file that is not there: a clear error naming it.
$env:TLS365_NODE = Join-Path -Path $OutDir -ChildPath 'no such node.exe'
Invoke-Case -Name 'missing' -Body { Get-Tls365Readiness -Path $Image }
$env:TLS365_NODE = $saved

# 4. Non-ASCII and spaces through the bridge and back: the machine name, an export to such a path, and an error
#    that names such a file.
$folder = Split-Path -Path $Image -Parent
$broken = Join-Path -Path $folder -ChildPath $BrokenName
[System.IO.File]::WriteAllText($broken, "Windows Registry Editor Version 5.00`r`n`r`n[HKEY_LOCAL_MACHINE\SOFTWARE\X]`r`n""A""=dword:zz`r`n", [System.Text.Encoding]::Unicode)
Invoke-Case -Name 'unicode' -Body {
    $out = Join-Path -Path $folder -ChildPath $ExportName
    $file = Export-Tls365Remediation -Path $Image -Format Reg -OutFile $out -WarningAction SilentlyContinue
    [ordered]@{ ComputerName = (Get-Tls365Readiness -Path $Image).ComputerName; Exported = $file.FullName; ExportedExists = (Test-Path -LiteralPath $out) }
    Get-Tls365Readiness -Path $broken -ErrorAction Continue
}
Write-Result -OutDir $OutDir -Result $result
