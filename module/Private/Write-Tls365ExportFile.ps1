function Write-Tls365ExportFile
{
    <#
    .SYNOPSIS
        Writes one exported artefact (Export-Tls365Remediation), as Out-File would: ShouldProcess, -NoClobber,
        -Force for a read-only file, never the same file twice in one call, never onto a folder.
    .DESCRIPTION
        Reg files are written as UTF-16LE with a byte order mark (as regedit writes them), scripts and XML as
        UTF-8 with a byte order mark (which Windows PowerShell 5.1 reads as UTF-8). Errors are written through
        the cmdlet with the file as target; the FileInfo of a written file is returned.
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param
    (
        [Parameter(Mandatory = $true)] [System.Management.Automation.PSCmdlet] $Cmdlet,
        [Parameter(Mandatory = $true)] [System.String] $Target,
        [Parameter(Mandatory = $true)] [AllowEmptyString()] [System.String] $Text,
        [Parameter(Mandatory = $true)] [System.String] $Format,
        [Parameter(Mandatory = $true)] [System.String] $Source,
        [Parameter(Mandatory = $true)] [System.Boolean] $NoClobber,
        [Parameter(Mandatory = $true)] [System.Boolean] $Force,
        [Parameter(Mandatory = $true)] [System.Collections.Hashtable] $Written
    )

    if ($Written.ContainsKey($Target.ToUpperInvariant()))
    {
        $Cmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileReused -f $Target) -ErrorId 'TLS365.Remediation.OutFileReused' -Category ResourceExists -TargetObject $Source))
        return
    }
    if (Test-Path -LiteralPath $Target -PathType Container)
    {
        $Cmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileIsFolder -f $Target) -ErrorId 'TLS365.Remediation.OutFileIsFolder' -Category InvalidArgument -TargetObject $Target))
        return
    }
    $exists = Test-Path -LiteralPath $Target -PathType Leaf
    if ($exists -and $NoClobber)
    {
        $Cmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileExists -f $Target) -ErrorId 'TLS365.Remediation.OutFileExists' -Category ResourceExists -TargetObject $Target))
        return
    }
    $existing = $null
    if ($exists) { $existing = Get-Item -LiteralPath $Target -Force }
    $readOnly = $exists -and $existing.IsReadOnly
    if ($readOnly -and -not $Force)
    {
        $Cmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileReadOnly -f $Target) -ErrorId 'TLS365.Remediation.OutFileReadOnly' -Category PermissionDenied -TargetObject $Target))
        return
    }
    $action = 'Write the {0} artefact' -f $Format
    if ($exists) { $action = 'Replace with the {0} artefact' -f $Format }
    if (-not $Cmdlet.ShouldProcess($Target, $action)) { return }
    if ($readOnly) { $existing.IsReadOnly = $false }
    # Reg: UTF-16LE with BOM, as regedit writes. Scripts and XML: UTF-8 with BOM, which Windows PowerShell 5.1 reads as UTF-8.
    $encoding = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList @($true)
    if ($Format -eq 'Reg') { $encoding = New-Object -TypeName 'System.Text.UnicodeEncoding' -ArgumentList @($false, $true) }
    try
    {
        [System.IO.File]::WriteAllText($Target, $Text, $encoding)
    }
    catch
    {
        $Cmdlet.WriteError((New-Tls365ErrorRecord -Message $_.Exception.Message -ErrorId 'TLS365.Remediation.OutFileUnwritable' -Category WriteError -TargetObject $Target -InnerException $_.Exception))
        return
    }
    $Written[$Target.ToUpperInvariant()] = $true
    Get-Item -LiteralPath $Target
}
