function ConvertTo-Tls365Readiness
{
    <#
    .SYNOPSIS
        Turns one readiness result from the bridge into a TLS365.Readiness object with typed parts.
    .DESCRIPTION
        The object has exactly ComputerName, Source, OS, Ready, Components, Findings and MissingUpdates.
        OS is a TLS365.OSInfo (Name, Build, UBR); Components are TLS365.ComponentStatus (Name, Status,
        Reason); Findings are TLS365.Finding (RuleId, Severity, Component, Message, Fix, Sources) whose Fix
        is a TLS365.Fix (Text, Changes, Updates, Restart). With -Detailed the object also carries the type
        name TLS365.Readiness.Detailed, whose view lists the findings.
    .PARAMETER InputObject
        The 'readiness' member of one bridge result.
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
        [System.Object]
        $InputObject,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Detailed
    )

    $r = $InputObject
    $os = [PSCustomObject]@{
        PSTypeName = 'TLS365.OSInfo'
        Name       = [System.String]$r.os.name
        Build      = $r.os.build
        UBR        = $r.os.ubr
    }
    $components = @(foreach ($c in @($r.components))
    {
        [PSCustomObject]@{
            PSTypeName = 'TLS365.ComponentStatus'
            Name       = [System.String]$c.name
            Status     = [System.String]$c.status
            Reason     = [System.String]$c.reason
        }
    })
    $findings = @(foreach ($f in @($r.findings))
    {
        $fix = $null
        if ($null -ne $f.fix)
        {
            $changes = @(foreach ($ch in @($f.fix.changes))
            {
                $data = $null
                if ($null -ne $ch.PSObject.Properties['data']) { $data = $ch.data }
                [PSCustomObject]@{
                    PSTypeName = 'TLS365.RegistryChange'
                    Action     = [System.String]$ch.op
                    Key        = [System.String]$ch.key
                    Name       = [System.String]$ch.name
                    Value      = $data
                }
            })
            $fix = [PSCustomObject]@{
                PSTypeName = 'TLS365.Fix'
                Text       = [System.String]$f.fix.text
                Changes    = $changes
                Updates    = [System.String[]]@($f.fix.updates)
                Restart    = [System.String]$f.fix.restart
            }
        }
        [PSCustomObject]@{
            PSTypeName = 'TLS365.Finding'
            RuleId     = [System.String]$f.ruleId
            Severity   = [System.String]$f.severity
            Component  = [System.String[]]@($f.components)
            Message    = [System.String]$f.message
            Fix        = $fix
            Sources    = [System.String[]]@($f.sources)
        }
    })

    $object = [PSCustomObject]@{
        PSTypeName     = 'TLS365.Readiness'
        ComputerName   = [System.String]$r.computerName
        Source         = [System.String]$r.source
        OS             = $os
        Ready          = [System.Boolean]$r.ready
        Components     = $components
        Findings       = $findings
        MissingUpdates = [System.String[]]@($r.missingUpdates)
    }
    if ($Detailed) { $object.PSObject.TypeNames.Insert(0, 'TLS365.Readiness.Detailed') }
    $object
}
