function Select-Tls365ApprovedChange
{
    <#
    .SYNOPSIS
        Asks ShouldProcess once per plan change ("<target>: <key>\<name> = <value>") and returns the approved ones.
    .DESCRIPTION
        Shared by both modes of Set-Tls365Protocols (registry image and live registry) so the confirmation
        text is the same; -WhatIf and -Confirm work through the calling command's $PSCmdlet.
    .PARAMETER Change
        The plan's changes (op, key, name, data).
    .PARAMETER Target
        The image file or the computer name shown in the confirmation.
    .PARAMETER Cmdlet
        The calling command's $PSCmdlet.
    .EXAMPLE
        $approved = @(Select-Tls365ApprovedChange -Change $plan.changes -Target $file -Cmdlet $PSCmdlet)
    #>
    [CmdletBinding()]
    param
    (
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Object[]]
        $Change,

        [Parameter(Mandatory = $true)]
        [System.String]
        $Target,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.PSCmdlet]
        $Cmdlet
    )

    foreach ($c in $Change)
    {
        $value = '(delete)'
        if ($c.op -eq 'set-dword') { $value = 'dword:{0:x8} ({0})' -f [System.UInt32]$c.data }
        elseif ($c.op -eq 'set-string') { $value = '"{0}"' -f $c.data }
        # The data can come from the image (a cipher-suite list kept in the new order): shown with controls as \xHH.
        $text = ConvertTo-Tls365VisibleText -Text ($script:LocalizedData.Remediation_ShouldProcess -f $Target, ('{0}\{1}' -f $c.key, $c.name), $value)
        if ($Cmdlet.ShouldProcess($text, 'Set registry value')) { $c }
    }
}
