function Get-Tls365RemediationPlan
{
    <#
    .SYNOPSIS
        Plans the remediation of one image file through the bridge (plan.create).
    .DESCRIPTION
        Shared by Set-Tls365Protocols and Export-Tls365Remediation. Resolves the path (one file, wildcards not
        expanded), builds the plan options from the command's parameters and returns
        @{ Ok = $true; Value = @{ Path; Plan } } or @{ Ok = $false; Error = ErrorRecord; Terminating = bool }.
        It never throws. Terminating is true when no retry can help (Node missing, bridge not built).
    .PARAMETER Path
        The image: a .reg export or a snapshot .json.
    .PARAMETER Snapshot
        Instead of -Path: a live collection of this machine (the collector's snapshot).
    .PARAMETER Protocol
        Protocols the plan turns on: Tls12, or Tls12 and Tls13.
    .PARAMETER DisableLegacy
        Plan TLS 1.0/1.1 and SSL 2.0/3.0 off.
    .PARAMETER AllowLegacy
        Plan TLS 1.0/1.1 on (the plan then carries a RISK warning).
    .PARAMETER Component
        Limit the plan to these components' registry values.
    .PARAMETER Role
        Roles forced as with Get-Tls365Readiness -Role.
    .PARAMETER ForWrite
        The plan is for Set-Tls365Protocols: an image the write would refuse (a snapshot .json, bytes a rewrite would
        change) is refused now, with the error the write gives (TLS365.Remediation.NotRegImage,
        TLS365.Image.WouldChangeBytes), so that -WhatIf says what the real run would do.
    .EXAMPLE
        $planned = Get-Tls365RemediationPlan -Path .\A01.reg -Protocol Tls12 -DisableLegacy $true -AllowLegacy $false -Component @() -Role @()
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Hashtable])]
    param
    (
        [Parameter()]
        [System.String]
        $Path,

        [Parameter()]
        [System.Object]
        $Snapshot,

        [Parameter()]
        [System.String[]]
        $Protocol = @('Tls12'),

        [Parameter()]
        [System.Boolean]
        $DisableLegacy = $false,

        [Parameter()]
        [System.Boolean]
        $AllowLegacy = $false,

        [Parameter()]
        [AllowEmptyCollection()]
        [System.String[]]
        $Component = @(),

        [Parameter()]
        [AllowEmptyCollection()]
        [System.String[]]
        $Role = @(),

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $ForWrite
    )

    $options = @{ protocols = @($Protocol); disableLegacy = $DisableLegacy; allowLegacy = $AllowLegacy; roles = @($Role) }
    if (@($Component).Count -gt 0) { $options['components'] = @($Component) }
    if ($null -ne $Snapshot)
    {
        $origin = [System.String]$Snapshot.computerName
        $answer = Invoke-Tls365Bridge -Method 'plan.create' -Params @{ items = @(@{ snapshot = $Snapshot; origin = $origin }); options = $options }
        if (-not $answer.Ok) { return $answer }
        $result = @($answer.Value.results)[0]
        if (-not $result.ok)
        {
            return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $result.error.message -ErrorId ('TLS365.Remediation.' + $result.error.code) -Category InvalidData -TargetObject $origin) }
        }
        return @{ Ok = $true; Value = @{ Path = $null; Plan = $result.plan } }
    }
    if (Test-Path -LiteralPath $Path -PathType Container)
    {
        $message = $script:LocalizedData.Remediation_PathIsFolder -f $Path
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Image.NotAFile' -Category InvalidType -TargetObject $Path) }
    }
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf))
    {
        $message = $script:LocalizedData.Readiness_NotFound -f $Path
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Image.NotFound' -Category ObjectNotFound -TargetObject $Path) }
    }
    $file = (Resolve-Path -LiteralPath $Path).ProviderPath

    $item = @{ path = $file }
    if ($ForWrite) { $item.forWrite = $true }
    $answer = Invoke-Tls365Bridge -Method 'plan.create' -Params @{ items = @($item); options = $options }
    if (-not $answer.Ok) { return $answer }
    $result = @($answer.Value.results)[0]
    if (-not $result.ok)
    {
        $e = $result.error
        $category = 'InvalidData'
        if ([System.String]$e.code -eq 'FileUnreadable') { $category = 'ReadError' }
        if ([System.String]$e.code -eq 'NotAFile') { $category = 'InvalidType' }
        if ([System.String]$e.code -eq 'FileTooLarge') { $category = 'LimitsExceeded' }
        if ([System.String]$e.code -eq 'BadOption') { $category = 'InvalidArgument' }
        $errorId = 'TLS365.Remediation.' + $e.code
        # As Set-Tls365Protocols' write names it: bytes not valid in the image's encoding are an image error.
        if ([System.String]$e.code -eq 'WouldChangeBytes') { $errorId = 'TLS365.Image.WouldChangeBytes' }
        return @{ Ok = $false; Terminating = $false; Error = (New-Tls365ErrorRecord -Message $e.message -ErrorId $errorId -Category $category -TargetObject $file) }
    }
    @{ Ok = $true; Value = @{ Path = $file; Plan = $result.plan } }
}
