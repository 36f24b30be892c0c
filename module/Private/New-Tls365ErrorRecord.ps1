function New-Tls365ErrorRecord
{
    <#
    .SYNOPSIS
        Builds an ErrorRecord whose id, category and target let callers filter and retry.
    .DESCRIPTION
        Every TLS365 error goes through here, so each one has a dotted ErrorId (TLS365.<Area>.<Condition>),
        an ErrorCategory and the host, file or value it is about as TargetObject.
    .PARAMETER Message
        The sentence, already formatted from the localized strings.
    .PARAMETER ErrorId
        Dotted id such as TLS365.Bridge.Exited.
    .PARAMETER Category
        The ErrorCategory that best fits.
    .PARAMETER TargetObject
        The host name, file path or value the error is about.
    .PARAMETER InnerException
        The original exception, if any.
    .EXAMPLE
        New-Tls365ErrorRecord -Message $msg -ErrorId 'TLS365.Mask.UnknownBits' -Category InvalidData -TargetObject 0x4000
    #>
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSUseShouldProcessForStateChangingFunctions', '', Justification = 'Builds an ErrorRecord in memory; changes no state.')]
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param
    (
        [Parameter(Mandatory = $true)]
        [System.String]
        $Message,

        [Parameter(Mandatory = $true)]
        [ValidatePattern('^TLS365(\.[A-Za-z0-9]+)+$')]
        [System.String]
        $ErrorId,

        [Parameter(Mandatory = $true)]
        [System.Management.Automation.ErrorCategory]
        $Category,

        [Parameter()]
        [System.Object]
        $TargetObject,

        [Parameter()]
        [System.Exception]
        $InnerException
    )

    $exception = New-Object -TypeName 'System.InvalidOperationException' -ArgumentList @($Message, $InnerException)
    New-Object -TypeName 'System.Management.Automation.ErrorRecord' -ArgumentList @($exception, $ErrorId, $Category, $TargetObject)
}
