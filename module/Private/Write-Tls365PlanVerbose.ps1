function Write-Tls365PlanVerbose
{
    <#
    .SYNOPSIS
        Says with -Verbose what a plan will write and why: one line for the plan, one per value with the planner's reason.
    .DESCRIPTION
        Set-Tls365Protocols and Export-Tls365Remediation call it after the plan is made and before anything is
        written, so -Verbose tells what is about to change and the reason for each value (issue 17, item 3).
        Costs nothing when the caller's VerbosePreference is SilentlyContinue.
    .PARAMETER Plan
        The plan (tls365.plan/1) from the bridge.
    .PARAMETER Target
        The image file or computer name the plan is for.
    .EXAMPLE
        Write-Tls365PlanVerbose -Plan $plan -Target $file
    #>
    [CmdletBinding()]
    [OutputType([System.Void])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.Object]
        $Plan,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Target
    )

    if ($VerbosePreference -eq 'SilentlyContinue') { return }
    $changes = @($Plan.changes)
    $settings = @('protocols ' + (@($Plan.settings.protocols) -join '+'))
    if ($Plan.settings.disableLegacy) { $settings += 'legacy off' }
    if ($Plan.settings.allowLegacy) { $settings += 'legacy ON (allowLegacy)' }
    Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_Plan -f $Target, $changes.Count, ($settings -join ', '), $Plan.restart))
    foreach ($c in $changes)
    {
        $value = '(deleted)'
        if ($c.op -eq 'set-dword') { $value = '0x{0:X8}' -f [System.Int64]$c.data } elseif ($c.op -eq 'set-string') { $value = '"{0}"' -f $c.data }
        # Values read from the machine (a cipher-suite list) can hold control characters: shown as \xHH, as ShouldProcess's text is.
        Write-Verbose -Message (ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Verbose_PlanChange -f $Target, $c.key, $c.name, $value, $c.reason))
    }
}
