<#
.SYNOPSIS
    Windows tier: the backup folder's security seam (New-Tls365SecureFolder, Get-Tls365FolderSecurity) run by the Windows pwsh.
.DESCRIPTION
    Creates <OutDir>\TLS365 with the locked-down security descriptor, reads it back, and tries to create it again
    (refused: an existing folder is judged, never adopted). Wine keeps no NTFS security (the folder reads back
    owned by the user, not protected), so what it reads back is recorded, not judged here; the judgement
    (Test-Tls365FolderSecurity) is proven by Pester with the seam mocked. Writes <OutDir>\result.json.
#>
param ([Parameter(Mandatory = $true)] [System.String] $OutDir, [Parameter(Mandatory = $true)] [System.String] $Module)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
$tls365 = Import-Module -Name $Module -PassThru
$folder = Join-Path -Path $OutDir -ChildPath 'TLS365'
$result = & $tls365 {
    param ($folder)
    $r = [ordered]@{ created = $false; createError = $null; owner = $null; protected = $null; rules = @(); again = $null; missing = $null }
    try { New-Tls365SecureFolder -Path $folder; $r.created = [System.IO.Directory]::Exists($folder) } catch { $r.createError = $_.Exception.Message }
    $s = Get-Tls365FolderSecurity -Path $folder
    if ($null -ne $s)
    {
        $r.owner = $s.Owner
        $r.protected = $s.Protected
        $r.rules = @($s.Rules | ForEach-Object { '{0}|0x{1:X}|{2}|{3}' -f $_.Sid, $_.Rights, $_.Allow, $_.InheritOnly })
    }
    try { New-Tls365SecureFolder -Path $folder; $r.again = 'created twice' } catch { $r.again = $_.Exception.Message }
    $r.missing = ($null -eq (Get-Tls365FolderSecurity -Path (Join-Path -Path $folder -ChildPath 'not-there')))
    $r
} $folder
Write-Result -OutDir $OutDir -Result $result
