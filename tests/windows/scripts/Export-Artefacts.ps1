<#
.SYNOPSIS
    Windows tier: Export-Tls365Remediation of one image in every format, under the Windows pwsh (its bridge is Node
    for Windows), into <OutDir>\fix.reg, fix.ps1, discovery.ps1, remediation.ps1, intune-detection.ps1 and intune-remediation.ps1.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module -Name $Module
$formats = [ordered]@{ Reg = 'fix.reg'; Script = 'fix.ps1'; SccmDiscovery = 'discovery.ps1'; SccmRemediation = 'remediation.ps1'; IntuneDetection = 'intune-detection.ps1'; IntuneRemediation = 'intune-remediation.ps1' }
foreach ($f in $formats.Keys)
{
    $null = Export-Tls365Remediation -Path $Image -Format $f -OutFile (Join-Path -Path $OutDir -ChildPath $formats[$f]) -WarningAction SilentlyContinue
}
