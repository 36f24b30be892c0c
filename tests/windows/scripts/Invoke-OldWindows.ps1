<#
.SYNOPSIS
    On a prefix that says it is an older Windows, runs live Get-Tls365Readiness and reports what it wrote.
.DESCRIPTION
    Run by tests/windows/old-windows.test.ts after Wine's reported Windows version was set (win7 = 6.1, win8 =
    6.2, win81 = 6.3). Writes <OutDir>\result.json: the OS version .NET sees, the errors (id, category, message)
    and warnings of one live Get-Tls365Readiness, and the type names of what it returned.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Continue'
Import-Module -Name $Module
$out = @()
$errs = @()
$warns = @()
# A terminating error (no Node here) ends the statement: caught here with the non-terminating ones.
try { $out = @(Get-Tls365Readiness -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue) }
catch { $errs = @($errs) + @($_) }
$result = [ordered]@{
    osVersion = [System.Environment]::OSVersion.Version.ToString()
    errors    = @($errs | ForEach-Object { '{0}|{1}|{2}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo.Category, $_.Exception.Message })
    warnings  = @($warns | ForEach-Object { [System.String]$_ })
    values    = @($out | ForEach-Object { $_.PSObject.TypeNames[0] })
}
[System.IO.File]::WriteAllText((Join-Path -Path $OutDir -ChildPath 'result.json'), (ConvertTo-Json -InputObject $result -Depth 4))
