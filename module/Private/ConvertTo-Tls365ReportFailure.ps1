function ConvertTo-Tls365ReportFailure
{
    <#
    .SYNOPSIS
        Reduces an ErrorRecord to what the fleet report shows of a machine with no result.
    .DESCRIPTION
        Returns @{ Target; ErrorId; Message } for the report spool (report.write): the ErrorRecord's TargetObject (the machine or
        file), its error id without the command suffix (TLS365.Remoting.Unreachable), and its message. The
        core counts TLS365.Remoting.* ids as unreachable and every other id as failed.
    .PARAMETER Record
        The ErrorRecord.
    .EXAMPLE
        ConvertTo-Tls365ReportFailure -Record $Error[0]
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.ErrorRecord]
        $Record
    )

    $name = ''
    if ($null -ne $Record.TargetObject) { $name = [System.String]$Record.TargetObject }
    @{
        Target  = $name
        ErrorId = ([System.String]$Record.FullyQualifiedErrorId).Split(',')[0]
        Message = $Record.Exception.Message
    }
}
