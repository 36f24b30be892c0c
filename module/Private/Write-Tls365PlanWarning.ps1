function Write-Tls365PlanWarning
{
    <#
    .SYNOPSIS
        Writes a plan's updates and warnings as the calling command's warnings.
    .DESCRIPTION
        Every update the plan needs but cannot install becomes one warning naming the KB and the
        components it blocks; every plan warning (RISK: warnings included) is written as is, so nothing
        the planner found is lost between the plan and the user.
    .PARAMETER Plan
        The plan, as plan.create returned it.
    .PARAMETER Cmdlet
        The calling command's $PSCmdlet, so the warnings are that command's own.
    .PARAMETER Target
        The image file the plan was made from, named in every warning.
    .EXAMPLE
        Write-Tls365PlanWarning -Plan $plan -Cmdlet $PSCmdlet -Target 'C:\images\A04.reg'
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Plan,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Target
    )

    foreach ($update in @($Plan.updates))
    {
        $Cmdlet.WriteWarning(($script:LocalizedData.Remediation_Update -f $Target, $update.kb, (@($update.components) -join ', '), $update.text))
    }
    foreach ($warning in @($Plan.warnings))
    {
        $Cmdlet.WriteWarning(('{0}: {1}' -f $Target, $warning.message))
    }
}
