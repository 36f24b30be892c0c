function Restore-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Puts one value back as a backup entry recorded it, with its kind (deleted again when it did not exist).
    .PARAMETER Entry
        A backup entry: hive, key, name, existed, kind, value.
    .EXAMPLE
        Restore-Tls365RegistryValue -Entry $entry
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.Object] $Entry)
    if (-not $Entry.existed) { return (Write-Tls365RegistryValue -Hive $Entry.hive -Key $Entry.key -Name $Entry.name -Operation 'delete-value') }
    Write-Tls365RegistryValue -Hive $Entry.hive -Key $Entry.key -Name $Entry.name -Operation 'set-kind' -Kind ([System.String]$Entry.kind) -Data $Entry.value
}
