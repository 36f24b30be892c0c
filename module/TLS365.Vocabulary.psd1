# Generated from core/vocabulary.ts by `npm run build && node scripts/module-data.js`; do not edit.
# The words the module's parameters accept (Assert-Tls365Vocabulary), each from its one home in the core.
@{
    Component = @('WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32')
    Role = @('Exchange', 'ConfigMgr', 'AzureADConnect', 'Office')
    Endpoint = @('Microsoft365', 'AzureFrontDoor', 'EntraID')
    Protocol = @('Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13')
    PlanProtocol = @('Tls12', 'Tls13')
    MaskLayout = @('WinHttp', 'WinInet', 'SChannelClient', 'SChannelServer')
    LogFormat = @('Auto', 'IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend')
    ExportFormat = @('Reg', 'Script', 'SccmDiscovery', 'SccmRemediation', 'IntuneDetection', 'IntuneRemediation', 'GroupPolicy')
}
