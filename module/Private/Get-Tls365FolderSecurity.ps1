function Get-Tls365FolderSecurity
{
    <#
    .SYNOPSIS
        The Windows-only security seam of the backup folder: its owner and its access rules as SIDs and rights, or $null when it does not exist.
    .DESCRIPTION
        Reads the folder's security descriptor (System.Security.AccessControl.DirectorySecurity, explicit and
        inherited entries) and returns @{ Owner = SID; Protected = [bool]; Rules = @(@{ Sid; Rights; Allow;
        InheritOnly }); Self = the SID of the account running this (an elevated administrator) }. Test-Tls365FolderSecurity judges it. Wine does not keep NTFS security (a folder created
        with a protected ACL reads back owned by the user, unprotected), so the Windows tier cannot prove this:
        Pester replaces this function and New-Tls365SecureFolder with Mock (tests/module/Public/LiveRemediation.Tests.ps1).
    .PARAMETER Path
        The folder.
    .EXAMPLE
        Get-Tls365FolderSecurity -Path 'C:\ProgramData\TLS365'
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ([Parameter(Mandatory = $true)] [System.String] $Path)
    if (-not [System.IO.Directory]::Exists($Path)) { return $null }
    # Get-Acl: the same call on Windows PowerShell 5.1 and PowerShell 7 (where GetAccessControl is an extension method).
    $security = Get-Acl -LiteralPath $Path
    $sid = [System.Security.Principal.SecurityIdentifier]
    $rules = foreach ($r in $security.GetAccessRules($true, $true, $sid))
    {
        @{
            Sid         = $r.IdentityReference.Value
            Rights      = [System.Int64][System.Int32]$r.FileSystemRights
            Allow       = ($r.AccessControlType -eq [System.Security.AccessControl.AccessControlType]::Allow)
            InheritOnly = (($r.PropagationFlags -band [System.Security.AccessControl.PropagationFlags]::InheritOnly) -ne 0)
        }
    }
    @{ Owner = $security.GetOwner($sid).Value; Protected = $security.AreAccessRulesProtected; Rules = @($rules); Self = [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value }
}
