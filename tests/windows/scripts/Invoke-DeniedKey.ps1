<#
.SYNOPSIS
    Windows tier: a key the registry refuses. Adds a Deny ACE for Everyone (S-1-1-0) to one key (Wine enforces it:
    RegOpenKeyEx answers ERROR_ACCESS_DENIED, as Windows does for a key whose ACL shuts the reader out), then
    collects and evaluates live, and evaluates the imported image from its file, into <OutDir>\result.json.
.PARAMETER Key
    The key below HKEY_LOCAL_MACHINE to deny.
#>
param
(
    [Parameter(Mandatory = $true)] [System.String] $Key,
    [Parameter(Mandatory = $true)] [System.String] $Image,
    [Parameter(Mandatory = $true)] [System.String] $OutDir,
    [Parameter(Mandatory = $true)] [System.String] $Module
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'WindowsTier.Common.ps1')
$base = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
$k = $base.OpenSubKey($Key, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, [System.Security.AccessControl.RegistryRights]::ChangePermissions -bor [System.Security.AccessControl.RegistryRights]::ReadPermissions)
$acl = $k.GetAccessControl()
$everyone = New-Object -TypeName 'System.Security.Principal.SecurityIdentifier' -ArgumentList 'S-1-1-0'
$acl.AddAccessRule((New-Object -TypeName 'System.Security.AccessControl.RegistryAccessRule' -ArgumentList $everyone, ([System.Security.AccessControl.RegistryRights]::FullControl), ([System.Security.AccessControl.AccessControlType]::Deny)))
$k.SetAccessControl($acl)
$k.Close()

Import-Module -Name $Module
$errors = @()
$snapshot = Get-Tls365Readiness -Snapshot -ErrorVariable +errors
$live = Get-Tls365Readiness -ErrorVariable +errors
Write-Result -OutDir $OutDir -Result ([ordered]@{
        unreadable = @($snapshot.unreadable | ForEach-Object { '{0}|{1}' -f $_.path, $_.error })
        live       = Get-ReadinessSummary -Readiness $live
        image      = Get-ReadinessSummary -Readiness (Get-Tls365Readiness -Path $Image)
        errors     = @($errors | ForEach-Object { '{0}: {1}' -f $_.FullyQualifiedErrorId, $_.Exception.Message })
    })
