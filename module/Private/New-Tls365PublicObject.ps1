function New-Tls365PublicObject
{
    <#
    .SYNOPSIS
        Builds one public TLS365 object in the shape core/public-objects.ts defines for its type name.
    .DESCRIPTION
        The properties, their order and their types are not written here or in the cmdlets: they come from
        TLS365.PublicObjects.psd1, generated from core/public-objects.ts (npm run build && node
        scripts/module-data.js). Each property is cast to its type there (String, Int32, Int64, Boolean,
        DateTime from an ISO 8601 text as well, String[]; Object and TLS365.* are kept as given); null stays null.
        A property the shape does not list, or one it lists that is not given, is a defect of the module and
        throws, naming both. Only for the types the module builds itself (BuiltBy = module).
    .PARAMETER TypeName
        The public type name, e.g. TLS365.ConnectionTest.
    .PARAMETER Property
        The values by property name.
    .EXAMPLE
        New-Tls365PublicObject -TypeName 'TLS365.UndoResult' -Property @{ Path = $null; BackupPath = $b; Restored = 3; Exact = $true }
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds an object in memory; changes no state.')]
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $TypeName,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]
        $Property
    )

    $shape = $script:PublicObjects[$TypeName]
    if ($null -eq $shape -or $shape.BuiltBy -ne 'module') { throw ('New-Tls365PublicObject: {0} is not a public object the module builds (core/public-objects.ts)' -f $TypeName) }
    $given = New-Object -TypeName 'System.Collections.Generic.HashSet[System.String]' -ArgumentList @([System.StringComparer]::Ordinal)
    foreach ($k in $Property.Keys) { $null = $given.Add([System.String]$k) }
    $out = [ordered]@{}
    foreach ($p in $shape.Properties)
    {
        $name = $p.Name
        if (-not $given.Remove($name)) { throw ('New-Tls365PublicObject: {0} needs the property {1} (core/public-objects.ts)' -f $TypeName, $name) }
        $v = $Property[$name]
        if ($null -ne $v)
        {
            switch ($p.Type)
            {
                'String' { $v = [System.String]$v }
                'Int32' { $v = [System.Int32]$v }
                'Int64' { $v = [System.Int64]$v }
                'Boolean' { $v = [System.Boolean]$v }
                'String[]' { $v = [System.String[]]@($v) }
                'DateTime'
                {
                    # Windows PowerShell 5.1's ConvertFrom-Json leaves ISO 8601 text as text; PowerShell 7 parses it.
                    if ($v -isnot [System.DateTime]) { $v = [System.DateTime]::Parse([System.String]$v, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind) }
                }
            }
        }
        elseif ($p.Type -eq 'String[]') { $v = [System.String[]]@() }
        $out[$name] = $v
    }
    if ($given.Count -gt 0) { throw ('New-Tls365PublicObject: {0} has no property {1} (core/public-objects.ts)' -f $TypeName, (@($given) -join ', ')) }
    $object = [PSCustomObject]$out
    $object.PSObject.TypeNames.Insert(0, $TypeName)
    $object
}
