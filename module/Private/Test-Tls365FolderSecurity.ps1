function Test-Tls365FolderSecurity
{
    <#
    .SYNOPSIS
        What makes a backup folder's security unsafe for TLS365's backups, as a list of reasons (empty: safe). Pure: it reads nothing.
    .DESCRIPTION
        Backups are what Undo-Tls365Change writes back into the registry, so only Administrators and SYSTEM may be
        able to put a file there or change one. A folder is unsafe when its owner is anyone else (a standard user
        who created it first: under %ProgramData%, Users may create folders, and the creator owns them), or when an
        Allow entry gives anyone else a right that writes: create files or folders, write data or attributes,
        delete, change permissions, take ownership, or the generic write / all rights. Trusted: SYSTEM (S-1-5-18),
        Administrators (S-1-5-32-544) and TrustedInstaller (S-1-5-80-956008885-3418522649-1831038044-1853292631-
        2271478464), and the account running TLS365 now (Self: an elevated administrator, who may own a folder
        it created earlier; Windows client editions make the creating user, not the Administrators group, the
        owner of what an administrator creates). CREATOR OWNER (S-1-3-0) is allowed on inherit-only entries (it applies to what a trusted
        writer creates). Deny entries only take rights away and are not counted. SIDs and rights:
        learn.microsoft.com/windows/win32/secauthz/well-known-sids and System.Security.AccessControl.FileSystemRights.
    .PARAMETER Security
        @{ Owner = SID; Rules = @(@{ Sid; Rights = [int]; Allow = [bool]; InheritOnly = [bool] }); Self = SID }, as
        Get-Tls365FolderSecurity returns it.
    .EXAMPLE
        Test-Tls365FolderSecurity -Security (Get-Tls365FolderSecurity -Path 'C:\ProgramData\TLS365')
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param ([Parameter(Mandatory = $true)] [System.Collections.Hashtable] $Security)
    $trusted = @('S-1-5-18', 'S-1-5-32-544', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464')
    if ($Security.ContainsKey('Self') -and -not [System.String]::IsNullOrEmpty([System.String]$Security['Self'])) { $trusted += [System.String]$Security['Self'] }
    # WriteData/CreateFiles 0x2, AppendData/CreateDirectories 0x4, WriteExtendedAttributes 0x10,
    # DeleteSubdirectoriesAndFiles 0x40, WriteAttributes 0x100, Delete 0x10000, ChangePermissions 0x40000,
    # TakeOwnership 0x80000, GENERIC_ALL 0x10000000, GENERIC_WRITE 0x40000000.
    $writes = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
    $owner = [System.String]$Security.Owner
    if ($trusted -notcontains $owner) { '{0} owns it (only Administrators or SYSTEM may)' -f $owner }
    foreach ($rule in @($Security.Rules))
    {
        if (-not $rule.Allow) { continue }
        $sid = [System.String]$rule.Sid
        if ($trusted -contains $sid) { continue }
        if ($sid -eq 'S-1-3-0' -and $rule.InheritOnly) { continue }
        $rights = [System.Int64]$rule.Rights
        if (($rights -band $writes) -ne 0) { '{0} may write there (rights 0x{1:X})' -f $sid, $rights }
    }
}
