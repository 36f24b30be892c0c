function ConvertTo-Tls365Readiness
{
    <#
    .SYNOPSIS
        Stamps TLS365 type names on readiness results from the bridge, making them TLS365.Readiness objects.
    .DESCRIPTION
        The bridge already sends the object in its PowerShell shape (bridge/readiness-shape.ts): ComputerName,
        Source, OS (Name, Build, UBR), Ready, NotReady, Unknown, FailCount, WarnCount, MissingUpdates, Changes
        (what Set-Tls365Protocols would write: Key, Name, Before, After, Command, Fixes, Reason, Restart),
        Components (Name, Status, Reason) and Findings (RuleId, Severity, Component, Message, Fix (Text,
        Changes (Action, Key, Name, Value, Command), Updates, Restart), Sources); core/public-objects.ts. This adds the type names the format views select on. With -Detailed the object also carries
        TLS365.Readiness.Detailed, whose view lists the findings. Takes a whole batch in one call: per-object
        calls of an advanced function cost more than the stamping itself at fleet scale.
    .PARAMETER InputObject
        The 'readiness' members of the bridge results.
    .PARAMETER Detailed
        Select the detailed view.
    .EXAMPLE
        ConvertTo-Tls365Readiness -InputObject $result.readiness
    #>
    [CmdletBinding()]
    [OutputType('TLS365.Readiness')]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Object[]]
        $InputObject,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Detailed
    )

    # ConvertFrom-Json keeps JSON arrays as arrays in properties (also on 5.1), so only type names are added;
    # pstypenames is measurably cheaper than PSObject.TypeNames here.
    foreach ($r in $InputObject)
    {
        $r.OS.pstypenames.Insert(0, 'TLS365.OSInfo')
        foreach ($c in $r.Components) { $c.pstypenames.Insert(0, 'TLS365.ComponentStatus') }
        foreach ($c in $r.Changes) { $c.pstypenames.Insert(0, 'TLS365.PlannedChange') }
        foreach ($e in $r.Effective) { $e.pstypenames.Insert(0, 'TLS365.EffectiveSetting') }
        foreach ($f in $r.Findings)
        {
            $f.pstypenames.Insert(0, 'TLS365.Finding')
            if ($null -ne $f.Fix)
            {
                $f.Fix.pstypenames.Insert(0, 'TLS365.Fix')
                foreach ($ch in $f.Fix.Changes) { $ch.pstypenames.Insert(0, 'TLS365.RegistryChange') }
            }
            if ($null -ne $f.Endpoint) { $f.Endpoint.pstypenames.Insert(0, 'TLS365.EndpointRef') }
        }
        $r.pstypenames.Insert(0, 'TLS365.Readiness')
        if ($Detailed) { $r.pstypenames.Insert(0, 'TLS365.Readiness.Detailed') }
        $r
    }
}
