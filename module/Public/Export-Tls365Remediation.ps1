function Export-Tls365Remediation
{
    <#
    .SYNOPSIS
        Writes the TLS 1.2 remediation plan of a machine as a .reg file, a PowerShell script or an SCCM Configuration Item pair.
    .DESCRIPTION
        Plans the registry changes for the machine an image describes (a regedit export .reg or a TLS365
        snapshot .json) and renders them for the machine itself, where TLS365 need not be installed:

        - Reg: a regedit Version 5.00 file (UTF-16LE, as regedit writes), to import with regedit or reg.exe.
        - Script: a standalone PowerShell script (Windows PowerShell 5.1 or later, no Node, no module) that
          backs up and applies the plan, with -WhatIf and -Confirm.
        - IntuneDetection and IntuneRemediation: the two scripts of an Intune remediation. Detection exits 1
          when the remediation should run and 0 when compliant, with one line of output (at most 2,048
          characters); both read and write through the 64-bit registry view, so Intune's default 32-bit host
          is fine.
        - SccmDiscovery and SccmRemediation: the two scripts of an SCCM Configuration Item. Discovery prints
          one value: Compliant, or the values that differ joined by '; '; remediation applies the plan.

        A plan holds one machine's exact values. Every script first reads the machine's build and
        architecture from its registry (CurrentBuildNumber, PROCESSOR_ARCHITECTURE, as the collector does) and
        writes nothing where they are not the plan's, or where the machine is 32-bit and the plan writes under
        Wow6432Node: Script, SccmRemediation and IntuneRemediation exit with code 2 (0: done or nothing to change; 1: a value could
        not be written or verified), SccmDiscovery prints one line starting with "Not for this machine" (IntuneDetection too, and exits 1 so that
        the remediation's refusal shows in Intune). A .reg
        file cannot check: its header names the build and architecture it is for.

        Scripts are written as UTF-8 with a byte order mark, so Windows PowerShell 5.1 reads them right.
        Without -OutFile the text is returned. Updates the plan needs but cannot install, and every RISK
        warning of the plan, are written as warnings. SSL 2.0 and 3.0 are never turned on by any artefact.
    .PARAMETER Path
        The image: a .reg export or a snapshot .json, taken as written (no wildcards: [a].reg is the file named
        [a].reg), so -LiteralPath is the same parameter. Accepts PSPath and FullName from Get-ChildItem by property
        name.
    .PARAMETER Format
        Reg, Script, SccmDiscovery, SccmRemediation, IntuneDetection or IntuneRemediation. For a ConfigMgr
        client set to run only signed scripts ("All Signed"; an unsigned script fails with 0x87D00327) or
        Intune's "Enforce script signature check", sign the files after writing them, for example
        Set-AuthenticodeSignature -FilePath .\discovery.ps1 -Certificate (Get-ChildItem Cert:\CurrentUser\My -CodeSigningCert)[0] -TimestampServer <your TSA>;
        the signing certificate must be trusted as a publisher on the clients.
    .PARAMETER OutFile
        The file to write. Without it the text is returned as one string. An existing file is replaced, as
        Out-File does, unless -NoClobber; -WhatIf and -Confirm say which file would be written.
    .PARAMETER NoClobber
        Do not replace an existing file: it is a TLS365.Remediation.OutFileExists error naming it, and nothing
        is written.
    .PARAMETER Force
        Replace a read-only file too (its read-only attribute is cleared first), as Out-File -Force does.
    .PARAMETER Protocol
        Protocols to turn on: Tls12 (default), or Tls12 and Tls13. TLS 1.3 is planned only where the OS has it.
    .PARAMETER DisableLegacy
        Also turn TLS 1.0/1.1 and SSL 2.0/3.0 off (client and server) and drop them from the protocol masks.
    .PARAMETER AllowLegacy
        Keep or turn TLS 1.0/1.1 on. Writes a RISK warning. SSL 2.0/3.0 are never turned on.
    .PARAMETER Component
        Limit the changes to the registry values of these components.
    .PARAMETER Role
        Plan as this role even when it is not detected (Exchange, ConfigMgr, AzureADConnect, Office).
    .EXAMPLE
        Export-Tls365Remediation -Path .\EX01.reg -Format Script -OutFile .\Fix-EX01.ps1

        Writes a script to run on EX01 (try it there with -WhatIf first).
    .EXAMPLE
        Export-Tls365Remediation -Path .\EX01.json -Format Reg -DisableLegacy -OutFile .\EX01-tls12.reg

        Writes a .reg file that turns TLS 1.2 on and the legacy protocols off.
    .EXAMPLE
        Export-Tls365Remediation -Path .\EX01.reg -Format SccmDiscovery

        Returns the discovery script of an SCCM Configuration Item as text.
    .INPUTS
        System.String, or objects with a FullName (Get-ChildItem) property.
    .OUTPUTS
        System.String, or System.IO.FileInfo with -OutFile.
    .LINK
        Set-Tls365Protocols
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([System.String])]
    [OutputType([System.IO.FileInfo])]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [Alias('LiteralPath', 'PSPath', 'LP', 'FullName')]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $Path,

        [Parameter(Mandatory = $true)]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'ExportFormat' -Value $_ })]
        [System.String]
        $Format,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $OutFile,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $NoClobber,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $Force,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'PlanProtocol' -Value $_ })]
        [System.String[]]
        $Protocol = @('Tls12'),

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $DisableLegacy,

        [Parameter()]
        [System.Management.Automation.SwitchParameter]
        $AllowLegacy,

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Component' -Value $_ })]
        [System.String[]]
        $Component = @(),

        [Parameter()]
        [ValidateScript({ Assert-Tls365Vocabulary -Name 'Role' -Value $_ })]
        [System.String[]]
        $Role = @()
    )

    begin
    {
        # The caller's preferences ($ErrorActionPreference = 'Stop' in a script, -Verbose's variable), as cmdlets honour them.
        foreach ($preference in @(Get-Tls365CallerPreference -Cmdlet $PSCmdlet)) { Set-Variable -Name $preference.Name -Value $preference.Value -WhatIf:$false -Confirm:$false }
        if ($DisableLegacy -and $AllowLegacy)
        {
            $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remediation_LegacyConflict -ErrorId 'TLS365.Remediation.LegacyConflict' -Category InvalidArgument -TargetObject $Path))
        }
        $written = @{}
    }

    process
    {
        $planned = Get-Tls365RemediationPlan -Path $Path -Protocol $Protocol -DisableLegacy ([System.Boolean]$DisableLegacy) -AllowLegacy ([System.Boolean]$AllowLegacy) -Component $Component -Role $Role
        if (-not $planned.Ok)
        {
            if ($planned.Terminating) { $PSCmdlet.ThrowTerminatingError($planned.Error) }
            $PSCmdlet.WriteError($planned.Error)
            return
        }
        $file = $planned.Value.Path
        Write-Tls365PlanWarning -Plan $planned.Value.Plan -Cmdlet $PSCmdlet -Target $file
        Write-Tls365PlanVerbose -Plan $planned.Value.Plan -Target $file

        $answer = Invoke-Tls365Bridge -Method 'plan.render' -Params @{ plan = $planned.Value.Plan; format = $Format }
        if (-not $answer.Ok)
        {
            if ($answer.Terminating) { $PSCmdlet.ThrowTerminatingError($answer.Error) }
            $PSCmdlet.WriteError($answer.Error)
            return
        }
        if (-not $answer.Value.ok)
        {
            $e = $answer.Value.error
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId ('TLS365.Remediation.' + $e.code) -Category InvalidData -TargetObject $file))
            return
        }
        $text = [System.String]$answer.Value.text
        if ([System.String]::IsNullOrEmpty($OutFile))
        {
            $text
            return
        }

        $target = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
        if ($written.ContainsKey($target.ToUpperInvariant()))
        {
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileReused -f $target) -ErrorId 'TLS365.Remediation.OutFileReused' -Category ResourceExists -TargetObject $file))
            return
        }
        if (Test-Path -LiteralPath $target -PathType Container)
        {
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileIsFolder -f $target) -ErrorId 'TLS365.Remediation.OutFileIsFolder' -Category InvalidArgument -TargetObject $target))
            return
        }
        $exists = Test-Path -LiteralPath $target -PathType Leaf
        if ($exists -and $NoClobber)
        {
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileExists -f $target) -ErrorId 'TLS365.Remediation.OutFileExists' -Category ResourceExists -TargetObject $target))
            return
        }
        $existing = $null
        if ($exists) { $existing = Get-Item -LiteralPath $target -Force }
        $readOnly = $exists -and $existing.IsReadOnly
        if ($readOnly -and -not $Force)
        {
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFileReadOnly -f $target) -ErrorId 'TLS365.Remediation.OutFileReadOnly' -Category PermissionDenied -TargetObject $target))
            return
        }
        $action = 'Write the {0} artefact' -f $Format
        if ($exists) { $action = 'Replace with the {0} artefact' -f $Format }
        if (-not $PSCmdlet.ShouldProcess($target, $action)) { return }
        if ($readOnly) { $existing.IsReadOnly = $false }
        # Reg: UTF-16LE with BOM, as regedit writes. Scripts: UTF-8 with BOM, which Windows PowerShell 5.1 reads as UTF-8.
        $encoding = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList @($true)
        if ($Format -eq 'Reg') { $encoding = New-Object -TypeName 'System.Text.UnicodeEncoding' -ArgumentList @($false, $true) }
        try
        {
            [System.IO.File]::WriteAllText($target, $text, $encoding)
        }
        catch
        {
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $_.Exception.Message -ErrorId 'TLS365.Remediation.OutFileUnwritable' -Category WriteError -TargetObject $target -InnerException $_.Exception))
            return
        }
        $written[$target.ToUpperInvariant()] = $true
        Get-Item -LiteralPath $target
    }
}
