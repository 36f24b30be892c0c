function Read-Tls365ChangeState
{
    <#
    .SYNOPSIS
        Reads, through the registry seam, the values a change record names and whether the keys it created are still there: what the change engine judges.
    .DESCRIPTION
        Returns @{ Values = @(registry value or $null per entry, in order); KeysLeft = @($true/$false per key) }.
        A value that cannot be read is returned as a failure message in Failures (target, message) and read as
        absent, so a judgement never says "as it was" about a value nobody could read.
    .PARAMETER Entry
        The record's entries (key, name), in order.
    .PARAMETER Key
        Full key paths to test (the created keys, deepest first).
    .EXAMPLE
        $state = Read-Tls365ChangeState -Entry $read.entries -Key $read.keys
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param ([Parameter()] [AllowEmptyCollection()] [System.Object[]] $Entry = @(), [Parameter()] [AllowEmptyCollection()] [System.Object[]] $Key = @())
    $values = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    $failures = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
    foreach ($e in $Entry)
    {
        $location = Split-Tls365RegistryPath -Path ([System.String]$e.key)
        $target = '{0}\{1}' -f [System.String]$e.key, [System.String]$e.name
        try
        {
            $values.Add((ConvertTo-Tls365RegValue -State (Read-Tls365RegistryValue -Hive $location.Hive -Key $location.Key -Name ([System.String]$e.name)) -Target $target))
        }
        catch
        {
            $values.Add($null)
            $failures.Add(@{ target = $target; message = ('cannot read it back: {0}' -f (Get-Tls365InnerMessage -Exception $_.Exception)) })
        }
    }
    $left = New-Object -TypeName 'System.Collections.Generic.List[System.Boolean]'
    foreach ($k in $Key)
    {
        $location = Split-Tls365RegistryPath -Path ([System.String]$k)
        $still = $true
        try { $still = [System.Boolean](Test-Tls365RegistryKey -Hive $location.Hive -Key $location.Key) } catch { $still = $true }
        $left.Add($still)
    }
    @{ Values = $values.ToArray(); KeysLeft = $left.ToArray(); Failures = $failures.ToArray() }
}
