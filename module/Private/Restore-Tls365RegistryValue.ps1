function Restore-Tls365RegistryValue
{
    <#
    .SYNOPSIS
        Puts one value back as a backup entry recorded it (deleted again when it did not exist).
    .PARAMETER Entry
        A backup entry: hive, key, name, existed, kind, value.
    .EXAMPLE
        Restore-Tls365RegistryValue -Entry $entry
    #>
    [CmdletBinding()]
    param ([Parameter(Mandatory = $true)] [System.Object] $Entry)
    if (-not $Entry.existed) { return (Write-Tls365RegistryValue -Hive $Entry.hive -Key $Entry.key -Name $Entry.name -Operation 'delete-value') }
    if ($Entry.kind -eq 'DWord') { return (Write-Tls365RegistryValue -Hive $Entry.hive -Key $Entry.key -Name $Entry.name -Operation 'set-dword' -Data $Entry.value) }
    if ($Entry.kind -eq 'String') { return (Write-Tls365RegistryValue -Hive $Entry.hive -Key $Entry.key -Name $Entry.name -Operation 'set-string' -Data $Entry.value) }
    @{ Ok = $false; Message = ('a {0} value cannot be restored by TLS365; restore it by hand' -f $Entry.kind) }
}
