function ConvertTo-Tls365Row
{
    <#
    .SYNOPSIS
        Flattens readiness results into rows that Export-Csv and spreadsheets take as they are: one per machine, or one per finding.
    .DESCRIPTION
        A TLS365.Readiness object nests its components, findings and fixes, which Export-Csv writes as
        "System.Object[]". This command writes each machine as one TLS365.ReadinessRow whose every property is
        a single value: ComputerName, Source, OS, Build, UBR, Ready, NotReady (component names joined by "; "),
        Unknown, FailCount, WarnCount, MissingUpdates (KB ids joined by "; ") and Error.

        With -Finding it writes one TLS365.FindingRow per finding instead: ComputerName, RuleId, Severity,
        Component, Message, Fix (the fix text), Commands (the fix's registry changes as commands an admin can
        paste, one per line), Updates, Restart and Sources.

        A machine that had no result (the ErrorRecord Get-Tls365Readiness wrote for it, piped in with 2>&1 or
        from -ErrorVariable) becomes a row too, so a fleet sheet lists every machine asked: Ready and the
        counts empty and Error set (with -Finding: Severity Error, RuleId the error id). Objects that are
        neither are refused one by one (TLS365.Row.NotReadiness) and the others still written.
        Readiness objects that came back through remoting or Import-Clixml (Deserialized.TLS365.Readiness) work too.
    .PARAMETER InputObject
        TLS365.Readiness objects, or the ErrorRecords of machines with no result.
    .PARAMETER Finding
        One row per finding instead of one row per machine.
    .EXAMPLE
        Get-Tls365Readiness -Path .\images\*.reg | ConvertTo-Tls365Row | Export-Csv -Path .\fleet.csv -NoTypeInformation

        One line per machine, every column a plain value.
    .EXAMPLE
        Get-Tls365Readiness -ComputerName (Get-Content .\servers.txt) 2>&1 | ConvertTo-Tls365Row | Export-Csv .\fleet.csv -NoTypeInformation

        The unreachable servers are rows too, with their error.
    .EXAMPLE
        Get-Tls365Readiness -Path .\images\*.reg | ConvertTo-Tls365Row -Finding | Where-Object Severity -eq 'Fail' | Export-Csv .\findings.csv -NoTypeInformation

        Every failing finding of the fleet, with the command that fixes it.
    .INPUTS
        TLS365.Readiness, System.Management.Automation.ErrorRecord
    .OUTPUTS
        TLS365.ReadinessRow, or TLS365.FindingRow with -Finding.
    .LINK
        Get-Tls365Readiness
    .LINK
        ConvertTo-Tls365Report
    #>
    [CmdletBinding()]
    [OutputType('TLS365.ReadinessRow')]
    [OutputType('TLS365.FindingRow')]
    param
    (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        [AllowNull()]
        [System.Object[]]
        $InputObject,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Finding
    )

    begin
    {
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $join = { param ($Items) (@($Items) | Where-Object { $null -ne $_ } | ForEach-Object { [System.String]$_ }) -join '; ' }
    }

    process
    {
        foreach ($item in $InputObject)
        {
            if ($item -is [System.Management.Automation.ErrorRecord])
            {
                $failure = ConvertTo-Tls365ReportFailure -Record $item
                if ($Finding)
                {
                    New-Tls365PublicObject -TypeName 'TLS365.FindingRow' -Property @{
                        ComputerName = $failure.Target; RuleId = $failure.ErrorId; Severity = 'Error'; Component = ''; Message = $failure.Message
                        Fix = ''; Commands = ''; Updates = ''; Restart = ''; Sources = ''
                    }
                }
                else
                {
                    New-Tls365PublicObject -TypeName 'TLS365.ReadinessRow' -Property @{
                        ComputerName = $failure.Target; Source = ''; OS = ''; Build = $null; UBR = $null; Ready = $null; NotReady = ''; Unknown = ''
                        FailCount = $null; WarnCount = $null; MissingUpdates = ''; Error = ('{0}: {1}' -f $failure.ErrorId, $failure.Message)
                    }
                }
                continue
            }
            $names = if ($null -eq $item) { @() } else { @($item.PSObject.TypeNames) }
            if ($names -notcontains 'TLS365.Readiness' -and $names -notcontains 'Deserialized.TLS365.Readiness')
            {
                $what = if ($null -eq $item) { '$null' } else { $item.GetType().FullName }
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Row_NotReadiness -f $what) -ErrorId 'TLS365.Row.NotReadiness' -Category InvalidArgument -TargetObject $item))
                continue
            }
            if ($Finding)
            {
                foreach ($f in @($item.Findings))
                {
                    if ($null -eq $f) { continue }
                    $fix = $f.Fix
                    New-Tls365PublicObject -TypeName 'TLS365.FindingRow' -Property @{
                        ComputerName = $item.ComputerName; RuleId = $f.RuleId; Severity = $f.Severity; Component = (& $join $f.Component); Message = $f.Message
                        Fix = $(if ($null -eq $fix) { '' } else { $fix.Text })
                        # One command per line: "; " would not run in cmd.exe, and a line break keeps each pasteable.
                        Commands = $(if ($null -eq $fix) { '' } else { @(@($fix.Changes) | Where-Object { $null -ne $_ } | ForEach-Object { [System.String]$_.Command }) -join "`r`n" })
                        Updates = $(if ($null -eq $fix) { '' } else { & $join $fix.Updates })
                        Restart = $(if ($null -eq $fix) { '' } else { $fix.Restart })
                        Sources = (& $join $f.Sources)
                    }
                }
                continue
            }
            New-Tls365PublicObject -TypeName 'TLS365.ReadinessRow' -Property @{
                ComputerName = $item.ComputerName; Source = $item.Source; OS = $item.OS.Name; Build = $item.OS.Build; UBR = $item.OS.UBR; Ready = $item.Ready
                NotReady = (& $join $item.NotReady); Unknown = (& $join $item.Unknown); FailCount = $item.FailCount; WarnCount = $item.WarnCount
                MissingUpdates = (& $join $item.MissingUpdates); Error = $null
            }
        }
    }
}
