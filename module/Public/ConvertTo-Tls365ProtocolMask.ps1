function ConvertTo-Tls365ProtocolMask
{
    <#
    .SYNOPSIS
        Encodes protocol names into the DWORD a registry value or API expects (WinHTTP, WinINet, SChannel layouts).
    .DESCRIPTION
        The inverse of ConvertFrom-Tls365ProtocolMask: Tls10, Tls11, Tls12 becomes 2688 (0x00000A80) in
        the WinHTTP layout. Names come from TLS365's fixed vocabulary (Ssl2, Ssl3, Tls10, Tls11, Tls12,
        Tls13), any case; duplicates are harmless; an empty list gives 0.

        Protocol names piped as strings are combined into one mask. Objects piped with a Protocols
        property (such as ConvertFrom-Tls365ProtocolMask -Detailed output) give one mask each, in their own
        Layout unless -Layout is given.

        Encoding SSL 2.0 or SSL 3.0 only computes a number; nothing is written anywhere. Microsoft warns
        against enabling them (KB3009008), and TLS365's remediation commands never do.
    .PARAMETER Protocol
        The protocol names.
    .PARAMETER Layout
        WinHttp (default), WinInet, SChannelClient or SChannelServer.
    .PARAMETER AsHex
        Return text such as 0x00000A80 instead of the integer.
    .EXAMPLE
        ConvertTo-Tls365ProtocolMask -Protocol Tls12, Tls13 -AsHex

        0x00002800
    .EXAMPLE
        'Tls11', 'Tls12' | ConvertTo-Tls365ProtocolMask

        2560, the DefaultSecureProtocols value KB3140245 uses in its worked example (0xA00).
    .EXAMPLE
        ConvertTo-Tls365ProtocolMask -Protocol Tls12 -Layout SChannelServer

        1024 (SP_PROT_TLS1_2_SERVER).
    .EXAMPLE
        ConvertFrom-Tls365ProtocolMask 0xA80 -Detailed | ConvertTo-Tls365ProtocolMask -AsHex

        Round trip: 0x00000A80.
    .INPUTS
        System.String, or objects with a Protocols (and optional Layout) property.
    .OUTPUTS
        System.Int32, or System.String with -AsHex.
    .LINK
        ConvertFrom-Tls365ProtocolMask
    #>
    [CmdletBinding()]
    [OutputType([System.Int32])]
    [OutputType([System.String])]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('Protocols')]
        [AllowEmptyCollection()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Protocol' -Value $_ })]
        [System.String[]]
        $Protocol,

        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'MaskLayout' -Value $_ })]
        [System.String]
        $Layout = 'WinHttp',

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $AsHex
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $combined = New-Object -TypeName 'System.Collections.Generic.List[System.String]'
        $combinedLayout = $Layout
        $sawStrings = $false
        $pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $emit = {
            $answers = @(Invoke-Tls365BridgeBatch -Method 'mask.encode' -Item $pending)
            foreach ($answer in @(Select-Tls365BatchResult -Answer $answers -Cmdlet $PSCmdlet -ErrorPrefix 'TLS365.Mask.' -Category @{ UnknownProtocol = 'InvalidArgument'; InvalidLayout = 'InvalidArgument' }))
            {
                if ($AsHex) { [System.String]$answer.Result.hex } else { [System.Int32]$answer.Result.value }
            }
            $pending.Clear()
        }
    }

    process
    {
        $fromObject = $MyInvocation.ExpectingInput -and $null -ne $_ -and $_ -isnot [System.String]
        if ($fromObject)
        {
            $names = @($Protocol)
            $pending.Add(@{ Target = ($names -join ','); Request = @{ protocols = $names; layout = $Layout } })
            if ($pending.Count -ge $script:BridgeBatchSize) { & $emit }
        }
        else
        {
            $sawStrings = $true
            $combinedLayout = $Layout
            foreach ($p in $Protocol) { $combined.Add($p) }
        }
    }

    end
    {
        if ($sawStrings)
        {
            $names = $combined.ToArray()
            $pending.Add(@{ Target = ($names -join ','); Request = @{ protocols = $names; layout = $combinedLayout } })
        }
        & $emit
    }
}
