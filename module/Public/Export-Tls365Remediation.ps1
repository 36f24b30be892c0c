function Export-Tls365Remediation
{
    <#
    .SYNOPSIS
        Writes a TLS 1.2 desired state (or one machine's remediation plan) as a script, an SCCM or Intune pair, or .reg files.
    .DESCRIPTION
        Without -Path, writes a desired state: what every machine should end up with (TLS 1.2 on for every
        component, TLS 1.3 with -Protocol Tls12,Tls13 where the OS has it, TLS 1.0/1.1 off with -DisableLegacy,
        on with -AllowLegacy, else left as each machine has them; SSL 2.0/3.0 never on). Export it once and
        deploy it to a whole collection:

        - Script, SccmDiscovery/SccmRemediation, IntuneDetection/IntuneRemediation: the script evaluates the
          state on each machine it runs on, with TLS365's per-OS rules: build, edition and architecture read
          from the registry (CurrentBuildNumber, InstallationType, PROCESSOR_ARCHITECTURE, as the collector
          reads them), masks computed from the machine's own values, the Wow6432Node view only on 64-bit
          Windows, values already right left alone, nothing written that an update must come first for
          (KB3140245 for WinHTTP on 7601/9200, KB4019276 on Server 2008 SP2: reported instead), and nothing at
          all on a build it does not know. Exit codes of Script and the remediations: 0 done, 1 a write failed
          (undo with the backup), 2 not evaluated here (nothing written), 3 values wait for an update.
        - Reg: one file per OS family and architecture (a .reg file cannot decide), written into -OutFolder;
          each file's header says which machines it is for and how to import it (reg import <file> /reg:64).
        - GroupPolicy: a Group Policy Preferences Registry.xml (copy or drag it into Computer Configuration >
          Preferences > Windows Settings > Registry of a GPO): one folder of items per OS family, each item
          targeted at its family by item-level targeting (CurrentBuildNumber, the edition, PROCESSOR_ARCHITECTURE).
        Reg and GroupPolicy hold fixed values: they cannot keep each machine's own TLS 1.0/1.1 choice in the
        WinHTTP/WinINet masks (a warning says so unless -DisableLegacy or -AllowLegacy decides).

        A desired state does not change cipher-suite lists (what to add depends on each machine's list) and
        does not handle Exchange servers in the Reg files: use Set-Tls365Protocols, or -Path, for those.

        With -Path, plans the registry changes for the machine an image describes (a regedit export .reg or a
        TLS365 snapshot .json) and renders them for that machine itself, where TLS365 need not be installed:

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
        Pins the export to one machine: the image, a .reg export or a snapshot .json, taken as written (no wildcards: [a].reg is the file named
        [a].reg), so -LiteralPath is the same parameter. Accepts PSPath and FullName from Get-ChildItem by property
        name.
    .PARAMETER Format
        Reg, Script, SccmDiscovery, SccmRemediation, IntuneDetection, IntuneRemediation, or (without -Path) GroupPolicy. For a ConfigMgr
        client set to run only signed scripts ("All Signed"; an unsigned script fails with 0x87D00327) or
        Intune's "Enforce script signature check", sign the files after writing them, for example
        Set-AuthenticodeSignature -FilePath .\discovery.ps1 -Certificate (Get-ChildItem Cert:\CurrentUser\My -CodeSigningCert)[0] -TimestampServer <your TSA>;
        the signing certificate must be trusted as a publisher on the clients.
    .PARAMETER OutFolder
        Reg without -Path: the folder to write one .reg file per OS family and architecture into (created if
        missing). Existing files are replaced unless -NoClobber, as with -OutFile.
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
        With -Path: plan as this role even when it is not detected (Exchange, ConfigMgr, AzureADConnect, Office).
    .EXAMPLE
        Export-Tls365Remediation -Format SccmDiscovery -OutFile .\discovery.ps1
        Export-Tls365Remediation -Format SccmRemediation -OutFile .\remediation.ps1

        A Configuration Item pair for a whole collection: each client evaluates the desired state itself.
    .EXAMPLE
        Export-Tls365Remediation -Format GroupPolicy -DisableLegacy -OutFile .\Registry.xml

        A Group Policy Preferences registry file with every OS family's values, each targeted at its family.
    .EXAMPLE
        Export-Tls365Remediation -Format Reg -DisableLegacy -OutFolder .\tls12-reg

        One .reg file per OS family and architecture, TLS 1.2 only.
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
        System.String, or System.IO.FileInfo with -OutFile or -OutFolder.
    .LINK
        Set-Tls365Protocols
    #>
    [CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'DesiredState')]
    [OutputType([System.String])]
    [OutputType([System.IO.FileInfo])]
    param
    (
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true, ParameterSetName = 'Image')]
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

        [Parameter(ParameterSetName = 'DesiredState')]
        [ValidateNotNullOrEmpty()]
        [System.String]
        $OutFolder,

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

        [Parameter(ParameterSetName = 'Image')]
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
        if ($PSCmdlet.ParameterSetName -eq 'Image' -and $Format -eq 'GroupPolicy')
        {
            $PSCmdlet.ThrowTerminatingError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remediation_GroupPolicyNoPath -ErrorId 'TLS365.Remediation.GroupPolicyNoPath' -Category InvalidArgument -TargetObject $Format))
        }
        $written = @{}
    }

    process
    {
        if ($PSCmdlet.ParameterSetName -eq 'DesiredState')
        {
            $state = @{ protocols = @($Protocol); disableLegacy = [System.Boolean]$DisableLegacy; allowLegacy = [System.Boolean]$AllowLegacy }
            if (@($Component).Count -gt 0) { $state.components = @($Component) }
            $answer = Invoke-Tls365Bridge -Method 'desired.render' -Params @{ state = $state; format = $Format }
            $source = 'desired state'
        }
        else
        {
            $planned = Get-Tls365RemediationPlan -Path $Path -Protocol $Protocol -DisableLegacy ([System.Boolean]$DisableLegacy) -AllowLegacy ([System.Boolean]$AllowLegacy) -Component $Component -Role $Role
            if (-not $planned.Ok)
            {
                if ($planned.Terminating) { $PSCmdlet.ThrowTerminatingError($planned.Error) }
                $PSCmdlet.WriteError($planned.Error)
                return
            }
            $source = $planned.Value.Path
            Write-Tls365PlanWarning -Plan $planned.Value.Plan -Cmdlet $PSCmdlet -Target $source
            Write-Tls365PlanVerbose -Plan $planned.Value.Plan -Target $source
            $answer = Invoke-Tls365Bridge -Method 'plan.render' -Params @{ plan = $planned.Value.Plan; format = $Format }
        }
        if (-not $answer.Ok)
        {
            if ($answer.Terminating) { $PSCmdlet.ThrowTerminatingError($answer.Error) }
            $PSCmdlet.WriteError($answer.Error)
            return
        }
        if (-not $answer.Value.ok)
        {
            $e = $answer.Value.error
            $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $e.message -ErrorId ('TLS365.Remediation.' + $e.code) -Category InvalidData -TargetObject $source))
            return
        }
        if ($PSCmdlet.ParameterSetName -eq 'DesiredState' -and $AllowLegacy) { $PSCmdlet.WriteWarning($script:LocalizedData.Remediation_DesiredLegacyRisk) }
        if ($Format -eq 'GroupPolicy' -and $answer.Value.fixedLegacy) { $PSCmdlet.WriteWarning($script:LocalizedData.Remediation_FixedLegacy) }

        if ($PSCmdlet.ParameterSetName -eq 'DesiredState' -and $Format -eq 'Reg')
        {
            # One file per OS family and architecture: a folder, never one -OutFile.
            if ([System.String]::IsNullOrEmpty($OutFolder))
            {
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message $script:LocalizedData.Remediation_OutFolderNeeded -ErrorId 'TLS365.Remediation.OutFolderNeeded' -Category InvalidArgument -TargetObject $Format))
                return
            }
            if ($answer.Value.fixedLegacy) { $PSCmdlet.WriteWarning($script:LocalizedData.Remediation_FixedLegacy) }
            $folder = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFolder)
            if (Test-Path -LiteralPath $folder -PathType Leaf)
            {
                $PSCmdlet.WriteError((New-Tls365ErrorRecord -Message ($script:LocalizedData.Remediation_OutFolderIsFile -f $folder) -ErrorId 'TLS365.Remediation.OutFolderIsFile' -Category InvalidArgument -TargetObject $folder))
                return
            }
            if (-not (Test-Path -LiteralPath $folder -PathType Container))
            {
                if (-not $PSCmdlet.ShouldProcess($folder, 'Create the folder')) { return }
                $null = [System.IO.Directory]::CreateDirectory($folder)
            }
            foreach ($file in @($answer.Value.files))
            {
                Write-Tls365ExportFile -Cmdlet $PSCmdlet -Target (Join-Path -Path $folder -ChildPath $file.name) -Text ([System.String]$file.text) -Format $Format -Source $source -NoClobber ([System.Boolean]$NoClobber) -Force ([System.Boolean]$Force) -Written $written
            }
            return
        }

        $text = [System.String]$answer.Value.text
        if ([System.String]::IsNullOrEmpty($OutFile))
        {
            $text
            return
        }
        $target = $PSCmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
        Write-Tls365ExportFile -Cmdlet $PSCmdlet -Target $target -Text $text -Format $Format -Source $source -NoClobber ([System.Boolean]$NoClobber) -Force ([System.Boolean]$Force) -Written $written
    }
}
