function Get-Tls365BackupImagePath
{
    <#
    .SYNOPSIS
        The registry image a Set-Tls365Protocols image backup names, or $null.
    .DESCRIPTION
        Reads <BackupPath>.json (or BackupPath itself when it is the .json) and returns its image.path when it
        is an image backup (tls365.change/1 with target.kind image, or tls365.backup/1 of earlier versions).
        A live backup, a missing or unreadable file
        give $null: the caller then treats the backup as a live one, which says what is wrong with it.
    .PARAMETER BackupPath
        The backup .reg or its .json, as a provider path.
    .EXAMPLE
        Get-Tls365BackupImagePath -BackupPath 'C:\images\A01.reg.tls365-backup-20240501-101500-000.reg'
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $BackupPath
    )

    $json = $BackupPath
    if (-not $json.EndsWith('.json', [System.StringComparison]::OrdinalIgnoreCase)) { $json = $BackupPath + '.json' }
    if (-not (Test-Path -LiteralPath $json -PathType Leaf)) { return $null }
    $record = $null
    try
    {
        $record = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($json)) -ErrorAction Stop
    }
    catch
    {
        return $null
    }
    if ($null -eq $record -or $record -isnot [System.Management.Automation.PSCustomObject]) { return $null }
    if ($null -eq $record.PSObject.Properties['schema']) { return $null }
    $path = $null
    if ([System.String]$record.schema -eq 'tls365.change/1')
    {
        # The one backup format (core/change/record.ts): target.kind says image or live.
        if ($null -eq $record.PSObject.Properties['target'] -or $null -eq $record.target -or [System.String]$record.target.kind -ne 'image') { return $null }
        $path = [System.String]$record.target.path
    }
    elseif (([System.String]$record.schema).StartsWith('tls365.backup/'))
    {
        # Image backups of earlier versions.
        if ($null -eq $record.PSObject.Properties['image'] -or $null -eq $record.image -or $null -eq $record.image.PSObject.Properties['path']) { return $null }
        $path = [System.String]$record.image.path
    }
    if ([System.String]::IsNullOrEmpty($path)) { return $null }
    $path
}
