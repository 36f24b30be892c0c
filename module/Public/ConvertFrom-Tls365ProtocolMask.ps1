function ConvertFrom-Tls365ProtocolMask
{
    <#
    .SYNOPSIS
        Decodes a protocol bitmask (WinHTTP DefaultSecureProtocols, WinINet SecureProtocols, SChannel SP_PROT_*) into protocol names.
    .DESCRIPTION
        Turns a DWORD such as 0xA80 into the protocols it enables, oldest first, in TLS365's fixed
        vocabulary: Ssl2, Ssl3, Tls10, Tls11, Tls12, Tls13.

        The bit values are Microsoft's: the WinHTTP table of the Microsoft 365 TLS guidance and KB3140245
        (SSL 2.0 0x8, SSL 3.0 0x20, TLS 1.0 0x80, TLS 1.1 0x200, TLS 1.2 0x800; TLS 1.3 0x2000 from the
        WinHTTP option flags), the same bits for WinINet SecureProtocols (inetres.admx), and the SChannel
        SP_PROT_*_CLIENT / SP_PROT_*_SERVER constants of schannel.h for the two SChannel layouts.

        A bit that is not a protocol of the chosen layout is reported as an error (TLS365.Mask.UnknownBits)
        that names each such bit, and what it is when Microsoft defines it (for example SP_PROT_PCT1_CLIENT).
        Values are decoded in batches through the TLS365 bridge, so piping thousands of values is one call.
    .PARAMETER Value
        The mask: a number (2688), a hex string ('0xA80'), regedit's 'dword:00000a80', or PowerShell's
        0xFFFFFFFF literal (-1). Accepts pipeline input: such values, or objects with a Value, Mask,
        DefaultSecureProtocols or SecureProtocols property (the first one present is used), such as
        Import-Csv rows or Get-ItemProperty output. Binding is done by the command itself, not by
        ValueFromPipelineByPropertyName: PowerShell would otherwise turn an object whose property is a
        number into the text "@{...}" before it looked at the property.
    .PARAMETER Layout
        Which bit layout the value uses: WinHttp (default), WinInet, SChannelClient or SChannelServer.
        When not given, a piped object's own Layout property is used if it has one.
    .PARAMETER Detailed
        Return one TLS365.ProtocolMask object per value (Value, Hex, Layout, Protocols) instead of the
        protocol names.
    .EXAMPLE
        ConvertFrom-Tls365ProtocolMask 0xA80

        Tls10
        Tls11
        Tls12

        The WinHTTP value Microsoft's table gives for "TLS 1.0, 1.1 and 1.2".
    .EXAMPLE
        Get-ItemPropertyValue 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp' DefaultSecureProtocols | ConvertFrom-Tls365ProtocolMask -Detailed

        Decodes the live WinHTTP setting of this machine (on Windows).
    .EXAMPLE
        '0x400', '0x1400' | ConvertFrom-Tls365ProtocolMask -Layout SChannelServer -Detailed

        Decodes SChannel server bits, such as those in a dwProtocol or grbitEnabledProtocols value.
    .EXAMPLE
        Import-Csv .\servers.csv | ConvertFrom-Tls365ProtocolMask -Detailed | Where-Object Protocols -notcontains 'Tls12'

        Decodes a Value column (and an optional Layout column) and keeps the masks that lack TLS 1.2.
    .INPUTS
        System.String, System.Int32, or objects with a Value/Mask/DefaultSecureProtocols/SecureProtocols property.
    .OUTPUTS
        System.String, or TLS365.ProtocolMask with -Detailed.
    .LINK
        ConvertTo-Tls365ProtocolMask
    #>
    [CmdletBinding()]
    [OutputType([System.String])]
    [OutputType('TLS365.ProtocolMask')]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true)]
        [AllowNull()]
        [AllowEmptyString()]
        [System.Object[]]
        $Value,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'MaskLayout' -Value $_ })]
        [System.String]
        $Layout = 'WinHttp',

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Detailed
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        $valueProperties = @('Value', 'Mask', 'DefaultSecureProtocols', 'SecureProtocols')
        $layoutBound = $PSBoundParameters.ContainsKey('Layout')
        $pending = New-Object -TypeName 'System.Collections.Generic.List[System.Object]'
        $emit = {
            $answers = @(Invoke-Tls365BridgeBatch -Method 'mask.decode' -Item $pending)
            foreach ($answer in @(Select-Tls365BatchResult -Answer $answers -Cmdlet $PSCmdlet -ErrorPrefix 'TLS365.Mask.' -Category @{ InvalidValue = 'InvalidArgument'; InvalidLayout = 'InvalidArgument' }))
            {
                $r = $answer.Result
                if ($Detailed)
                {
                    New-Tls365PublicObject -TypeName 'TLS365.ProtocolMask' -Property @{ Value = $r.value; Hex = $r.hex; Layout = $r.layout; Protocols = $r.protocols }
                }
                else
                {
                    foreach ($p in @($r.protocols)) { [System.String]$p }
                }
            }
            $pending.Clear()
        }
    }

    process
    {
        foreach ($v in $Value)
        {
            $raw = $v
            $itemLayout = $Layout
            if ($null -ne $v -and $v -isnot [System.String] -and $v -isnot [System.ValueType])
            {
                $property = $null
                foreach ($name in $valueProperties)
                {
                    $property = $v.PSObject.Properties[$name]
                    if ($null -ne $property) { break }
                }
                if ($null -eq $property)
                {
                    $message = $script:LocalizedData.Mask_NoValueProperty -f $v.GetType().FullName, ($valueProperties -join ', ')
                    $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $message -ErrorId 'TLS365.Mask.InvalidValue' -Category InvalidArgument -TargetObject $v))
                    continue
                }
                $raw = $property.Value
                $layoutProperty = $v.PSObject.Properties['Layout']
                if (-not $layoutBound -and $null -ne $layoutProperty) { $itemLayout = [System.String]$layoutProperty.Value }
            }
            $pending.Add(@{ Target = $raw; Request = @{ value = $raw; layout = $itemLayout } })
            if ($pending.Count -ge $script:BridgeBatchSize) { & $emit }
        }
    }

    end
    {
        & $emit
    }
}
