@{
    RootModule           = 'module/TLS365.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '6b0d2c5e-5d1f-4b8a-9f3e-2a7c3d365a12'
    Author               = 'TLS365 contributors'
    CompanyName          = 'TLS365'
    Copyright            = '(c) TLS365 contributors. MIT licence.'
    Description          = 'Is this Windows machine ready for TLS 1.2 to Microsoft 365? Reads SChannel, WinHTTP, WinINet and .NET settings, finds what is wrong, and says the exact change that fixes it. Rules live in a TypeScript core reached through a Node bridge: needs Node.js 20 or later on the machine that runs the module, or the Windows package, which carries its own node.exe (machines only read over remoting need nothing).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')

    # Explicit list, never wildcards: wildcards defeat command auto-discovery and slow every import.
    # tests/module/General/Manifest.Tests.ps1 fails when this list and module/Public/*.ps1 disagree.
    FunctionsToExport    = @(
        'ConvertFrom-Tls365ProtocolMask'
        'ConvertTo-Tls365ProtocolMask'
        'ConvertTo-Tls365Report'
        'ConvertTo-Tls365Row'
        'Export-Tls365Remediation'
        'Find-Tls365LegacyClient'
        'Get-Tls365Readiness'
        'Set-Tls365Protocols'
        'Test-Tls365Connection'
        'Undo-Tls365Change'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    FormatsToProcess     = @('module/TLS365.Format.ps1xml')
    TypesToProcess       = @('module/TLS365.Types.ps1xml')

    PrivateData          = @{
        PSData = @{
            Tags                     = @('TLS', 'TLS12', 'Microsoft365', 'Office365', 'SChannel', 'WinHTTP', 'Exchange', 'SCCM', 'Security', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
            # The licence text ships in the package (LICENSE); the project has no public home address yet, so no
            # ProjectUri (an invented one would send admins nowhere). Help is bundled: comment-based help for
            # every command and en-US/about_TLS365.help.txt (in the repository and every package), so no HelpInfoURI.
            LicenseUri               = 'https://opensource.org/licenses/MIT'
            RequireLicenseAcceptance = $false
            ReleaseNotes             = 'Readiness of WinHTTP, WinINet, SChannel and .NET for TLS 1.2 to Microsoft 365, for this machine, registry images and remoting fleets; Set-Tls365Protocols and Undo-Tls365Change with backups and verification; .reg and script exports for GPO and SCCM; legacy TLS clients in IIS and Exchange logs; handshake probes; HTML fleet reports; ConvertTo-Tls365Row for Export-Csv; readiness results that carry what Set-Tls365Protocols would write, as commands to paste. Needs Node.js 20+, except the Windows package (npm run package -- --windows), which carries its own.'
        }
    }
}
