function Get-Tls365CallerPreference
{
    <#
    .SYNOPSIS
        The caller's preference variables that an exported command should take over, as built-in cmdlets do.
    .DESCRIPTION
        A script module's functions resolve $ErrorActionPreference and the other preference variables through the
        module's own session state, so a caller's script or function that sets $ErrorActionPreference = 'Stop'
        (or $VerbosePreference, $WhatIfPreference, ...) would not reach them; compiled cmdlets do see it. Each
        exported command calls this first and sets what it returns in its own scope. A preference whose common
        parameter was given (-ErrorAction, -Verbose, -WhatIf, ...) is left out: the parameter wins, as it does for
        cmdlets.
    .PARAMETER Cmdlet
        The exported command's $PSCmdlet: its SessionState is the caller's.
    .EXAMPLE
        foreach ($p in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $p.Name -Value $p.Value -WhatIf:$false -Confirm:$false }
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.PSObject])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet
    )

    $common = [ordered]@{
        ErrorActionPreference = 'ErrorAction'
        WarningPreference     = 'WarningAction'
        InformationPreference = 'InformationAction'
        VerbosePreference     = 'Verbose'
        DebugPreference       = 'Debug'
        WhatIfPreference      = 'WhatIf'
        ConfirmPreference     = 'Confirm'
        ProgressPreference    = ''
    }
    $bound = $Cmdlet.MyInvocation.BoundParameters
    foreach ($name in $common.Keys)
    {
        $parameter = $common[$name]
        if ($parameter -ne '' -and $bound.ContainsKey($parameter)) { continue }
        $variable = $Cmdlet.SessionState.PSVariable.Get($name)
        if ($null -eq $variable) { continue }
        [PSCustomObject]@{ Name = $name; Value = $variable.Value }
    }
}
