function New-Tls365SecureFolder
{
    <#
    .SYNOPSIS
        The Windows-only security seam's writer: creates the backup folder owned by Administrators, writable by Administrators and SYSTEM only.
    .DESCRIPTION
        The folder is created with its security descriptor in one call (no moment with inherited rights): owner
        BUILTIN\Administrators, inheritance from %ProgramData% cut (protected), and Full Control for SYSTEM and
        Administrators on the folder and everything created in it. Other users get nothing, not even read: a
        backup holds the machine's prior registry values. Fails when the folder already exists (a folder someone
        else created first is judged by Test-Tls365FolderSecurity, never adopted).
    .PARAMETER Path
        The folder to create.
    .EXAMPLE
        New-Tls365SecureFolder -Path 'C:\ProgramData\TLS365'
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Private: runs only after Set-Tls365Protocols has asked ShouldProcess for the change; asking again would prompt twice.')]
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.String] $Path)
    $security = New-Object -TypeName 'System.Security.AccessControl.DirectorySecurity'
    $admins = New-Object -TypeName 'System.Security.Principal.SecurityIdentifier' -ArgumentList 'S-1-5-32-544'
    $system = New-Object -TypeName 'System.Security.Principal.SecurityIdentifier' -ArgumentList 'S-1-5-18'
    $security.SetOwner($admins)
    $security.SetAccessRuleProtection($true, $false)
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    foreach ($who in @($admins, $system))
    {
        $security.AddAccessRule((New-Object -TypeName 'System.Security.AccessControl.FileSystemAccessRule' -ArgumentList $who, ([System.Security.AccessControl.FileSystemRights]::FullControl), $inherit, ([System.Security.AccessControl.PropagationFlags]::None), ([System.Security.AccessControl.AccessControlType]::Allow)))
    }
    if ([System.IO.Directory]::Exists($Path)) { throw ("'{0}' already exists" -f $Path) }
    # .NET Framework (Windows PowerShell 5.1): Directory.CreateDirectory(path, security); .NET (PowerShell 7): the extension method.
    $create = [System.IO.Directory].GetMethod('CreateDirectory', [System.Type[]]@([System.String], [System.Security.AccessControl.DirectorySecurity]))
    if ($null -ne $create) { $null = $create.Invoke($null, @($Path, $security)); return }
    $null = [System.IO.FileSystemAclExtensions]::Create((New-Object -TypeName 'System.IO.DirectoryInfo' -ArgumentList $Path), $security)
}
