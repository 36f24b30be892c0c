function Initialize-Tls365BackupFolder
{
    <#
    .SYNOPSIS
        Makes sure the default backup folder (%ProgramData%\TLS365) exists and that only Administrators and SYSTEM can write into it; returns @{ Ok; Error }.
    .DESCRIPTION
        A missing folder is created with that security in one step (New-Tls365SecureFolder). An existing one,
        and the new one read back, are judged by Test-Tls365FolderSecurity: a folder a standard user created
        first (under %ProgramData%, Users may create folders and then own them), or one others can write into, is
        refused with TLS365.Remediation.BackupFolderUnsafe (SecurityError) naming who can write, and nothing is
        written: Undo-Tls365Change writes whatever a backup there names, and exported scripts point admins at it.
        The folder is never "repaired" (its files may already be planted): the error says to delete it or give -BackupPath.
    .PARAMETER Path
        The folder.
    .EXAMPLE
        Initialize-Tls365BackupFolder -Path (Join-Path -Path $env:ProgramData -ChildPath 'TLS365')
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ([Parameter(Mandatory = $true)] [System.String] $Path)
    try
    {
        $security = Get-Tls365FolderSecurity -Path $Path
        if ($null -eq $security)
        {
            New-Tls365SecureFolder -Path $Path
            $security = Get-Tls365FolderSecurity -Path $Path
        }
        if ($null -eq $security) { throw ("'{0}' could not be created" -f $Path) }
    }
    catch
    {
        $message = $script:LocalizedData.Remediation_BackupFolderFailed -f $Path, (Get-Tls365InnerMessage -Exception $_.Exception)
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupFolderFailed' -Category WriteError -TargetObject $Path -InnerException $_.Exception) }
    }
    $problems = @(Test-Tls365FolderSecurity -Security $security)
    if ($problems.Count -gt 0)
    {
        $message = $script:LocalizedData.Remediation_BackupFolderUnsafe -f $Path, ($problems -join '; ')
        return @{ Ok = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Remediation.BackupFolderUnsafe' -Category SecurityError -TargetObject $Path) }
    }
    @{ Ok = $true; Error = $null }
}
