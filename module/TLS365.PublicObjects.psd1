# Generated from core/public-objects.ts by `npm run build && node scripts/module-data.js`; do not edit.
# Every public object the module writes: who builds it, and its properties in order with their types.
@{
    'TLS365.Readiness' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'ComputerName'; Type = 'String'; Nullable = $false }
        @{ Name = 'Source'; Type = 'String'; Nullable = $false }
        @{ Name = 'OS'; Type = 'TLS365.OSInfo'; Nullable = $false }
        @{ Name = 'Ready'; Type = 'Boolean'; Nullable = $false }
        @{ Name = 'NotReady'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Unknown'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'FailCount'; Type = 'Integer'; Nullable = $false }
        @{ Name = 'WarnCount'; Type = 'Integer'; Nullable = $false }
        @{ Name = 'MissingUpdates'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Changes'; Type = 'TLS365.PlannedChange[]'; Nullable = $true }
        @{ Name = 'Components'; Type = 'TLS365.ComponentStatus[]'; Nullable = $false }
        @{ Name = 'Findings'; Type = 'TLS365.Finding[]'; Nullable = $false }
        @{ Name = 'TlsSettings'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'AsOf'; Type = 'String'; Nullable = $true }
        @{ Name = 'Effective'; Type = 'TLS365.EffectiveSetting[]'; Nullable = $false }
    ) }
    'TLS365.EffectiveSetting' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Component'; Type = 'String'; Nullable = $false }
        @{ Name = 'Setting'; Type = 'String'; Nullable = $false }
        @{ Name = 'Value'; Type = 'String'; Nullable = $false }
        @{ Name = 'Origin'; Type = 'String'; Nullable = $false }
        @{ Name = 'Where'; Type = 'String'; Nullable = $true }
        @{ Name = 'Note'; Type = 'String'; Nullable = $true }
    ) }
    'TLS365.OSInfo' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'Build'; Type = 'Integer'; Nullable = $true }
        @{ Name = 'UBR'; Type = 'Integer'; Nullable = $true }
    ) }
    'TLS365.ComponentStatus' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'Status'; Type = 'String'; Nullable = $false }
        @{ Name = 'Reason'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.Finding' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'RuleId'; Type = 'String'; Nullable = $false }
        @{ Name = 'Severity'; Type = 'String'; Nullable = $false }
        @{ Name = 'Component'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Message'; Type = 'String'; Nullable = $false }
        @{ Name = 'Fix'; Type = 'TLS365.Fix'; Nullable = $true }
        @{ Name = 'Sources'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Endpoint'; Type = 'TLS365.EndpointRef'; Nullable = $true }
    ) }
    'TLS365.EndpointRef' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Id'; Type = 'String'; Nullable = $false }
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'BreaksOn'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.Fix' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Text'; Type = 'String'; Nullable = $false }
        @{ Name = 'Changes'; Type = 'TLS365.RegistryChange[]'; Nullable = $false }
        @{ Name = 'Updates'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Restart'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.RegistryChange' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Action'; Type = 'String'; Nullable = $false }
        @{ Name = 'Key'; Type = 'String'; Nullable = $false }
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'Value'; Type = 'Object'; Nullable = $true }
        @{ Name = 'Command'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.ReadinessRow' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'ComputerName'; Type = 'String'; Nullable = $false }
        @{ Name = 'Source'; Type = 'String'; Nullable = $false }
        @{ Name = 'OS'; Type = 'String'; Nullable = $false }
        @{ Name = 'Build'; Type = 'Int64'; Nullable = $true }
        @{ Name = 'UBR'; Type = 'Int64'; Nullable = $true }
        @{ Name = 'Ready'; Type = 'Boolean'; Nullable = $true }
        @{ Name = 'NotReady'; Type = 'String'; Nullable = $false }
        @{ Name = 'Unknown'; Type = 'String'; Nullable = $false }
        @{ Name = 'FailCount'; Type = 'Int32'; Nullable = $true }
        @{ Name = 'WarnCount'; Type = 'Int32'; Nullable = $true }
        @{ Name = 'MissingUpdates'; Type = 'String'; Nullable = $false }
        @{ Name = 'Error'; Type = 'String'; Nullable = $true }
    ) }
    'TLS365.FindingRow' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'ComputerName'; Type = 'String'; Nullable = $false }
        @{ Name = 'RuleId'; Type = 'String'; Nullable = $false }
        @{ Name = 'Severity'; Type = 'String'; Nullable = $false }
        @{ Name = 'Component'; Type = 'String'; Nullable = $false }
        @{ Name = 'Message'; Type = 'String'; Nullable = $false }
        @{ Name = 'Fix'; Type = 'String'; Nullable = $false }
        @{ Name = 'Commands'; Type = 'String'; Nullable = $false }
        @{ Name = 'Updates'; Type = 'String'; Nullable = $false }
        @{ Name = 'Restart'; Type = 'String'; Nullable = $false }
        @{ Name = 'Sources'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.PlannedChange' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'Key'; Type = 'String'; Nullable = $false }
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'Before'; Type = 'Object'; Nullable = $true }
        @{ Name = 'After'; Type = 'Object'; Nullable = $true }
        @{ Name = 'Command'; Type = 'String'; Nullable = $false }
        @{ Name = 'Fixes'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Reason'; Type = 'String'; Nullable = $false }
        @{ Name = 'Restart'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.LegacyClient' = @{ BuiltBy = 'bridge'; Properties = @(
        @{ Name = 'ClientIp'; Type = 'String'; Nullable = $false }
        @{ Name = 'ForwardedFor'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'Protocol'; Type = 'String'; Nullable = $false }
        @{ Name = 'Count'; Type = 'Integer'; Nullable = $false }
        @{ Name = 'FirstSeen'; Type = 'DateTime'; Nullable = $true }
        @{ Name = 'LastSeen'; Type = 'DateTime'; Nullable = $true }
        @{ Name = 'Source'; Type = 'String[]'; Nullable = $false }
        @{ Name = 'UserAgent'; Type = 'String'; Nullable = $true }
        @{ Name = 'EhloName'; Type = 'String'; Nullable = $true }
        @{ Name = 'Uri'; Type = 'String'; Nullable = $true }
        @{ Name = 'Connector'; Type = 'String'; Nullable = $true }
        @{ Name = 'Rules'; Type = 'String[]'; Nullable = $false }
    ) }
    'TLS365.LegacyHit' = @{ BuiltBy = 'derived'; DerivedFrom = 'HitEvent (core/logs/types.ts), each field in PascalCase (bridge/logs-shape.ts legacyHitShape)'; Properties = @() }
    'TLS365.LegacySummary' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'Format'; Type = 'String'; Nullable = $false }
        @{ Name = 'Site'; Type = 'String'; Nullable = $false }
        @{ Name = 'Protocol'; Type = 'String'; Nullable = $false }
        @{ Name = 'Requests'; Type = 'Int64'; Nullable = $false }
        @{ Name = 'Clients'; Type = 'Int64'; Nullable = $false }
        @{ Name = 'FirstSeen'; Type = 'DateTime'; Nullable = $true }
        @{ Name = 'LastSeen'; Type = 'DateTime'; Nullable = $true }
    ) }
    'TLS365.ProtocolMask' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'Value'; Type = 'Int64'; Nullable = $false }
        @{ Name = 'Hex'; Type = 'String'; Nullable = $false }
        @{ Name = 'Layout'; Type = 'String'; Nullable = $false }
        @{ Name = 'Protocols'; Type = 'String[]'; Nullable = $false }
    ) }
    'TLS365.ConnectionTest' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'HostName'; Type = 'String'; Nullable = $false }
        @{ Name = 'Port'; Type = 'Int32'; Nullable = $false }
        @{ Name = 'Protocol'; Type = 'String'; Nullable = $false }
        @{ Name = 'Status'; Type = 'String'; Nullable = $false }
        @{ Name = 'Accepted'; Type = 'Boolean'; Nullable = $false }
        @{ Name = 'Negotiated'; Type = 'String'; Nullable = $true }
        @{ Name = 'Cipher'; Type = 'String'; Nullable = $true }
        @{ Name = 'Detail'; Type = 'String'; Nullable = $true }
    ) }
    'TLS365.SuiteTest' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'HostName'; Type = 'String'; Nullable = $false }
        @{ Name = 'Port'; Type = 'Int32'; Nullable = $false }
        @{ Name = 'Endpoint'; Type = 'String'; Nullable = $true }
        @{ Name = 'Test'; Type = 'String'; Nullable = $false }
        @{ Name = 'Protocol'; Type = 'String'; Nullable = $false }
        @{ Name = 'Suite'; Type = 'String'; Nullable = $true }
        @{ Name = 'Curve'; Type = 'String'; Nullable = $true }
        @{ Name = 'Status'; Type = 'String'; Nullable = $false }
        @{ Name = 'Accepted'; Type = 'Boolean'; Nullable = $false }
        @{ Name = 'Negotiated'; Type = 'String'; Nullable = $true }
        @{ Name = 'Cipher'; Type = 'String'; Nullable = $true }
        @{ Name = 'NegotiatedCurve'; Type = 'String'; Nullable = $true }
        @{ Name = 'Expected'; Type = 'String'; Nullable = $true }
        @{ Name = 'MatchesProfile'; Type = 'Boolean'; Nullable = $true }
        @{ Name = 'Detail'; Type = 'String'; Nullable = $true }
    ) }
    'TLS365.ChangeResult' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'ComputerName'; Type = 'String'; Nullable = $false }
        @{ Name = 'Path'; Type = 'String'; Nullable = $true }
        @{ Name = 'Key'; Type = 'String'; Nullable = $false }
        @{ Name = 'Name'; Type = 'String'; Nullable = $false }
        @{ Name = 'Before'; Type = 'Object'; Nullable = $true }
        @{ Name = 'After'; Type = 'Object'; Nullable = $true }
        @{ Name = 'Status'; Type = 'String'; Nullable = $false }
        @{ Name = 'BackupPath'; Type = 'String'; Nullable = $true }
        @{ Name = 'BackupHash'; Type = 'String'; Nullable = $true }
        @{ Name = 'Restart'; Type = 'String'; Nullable = $false }
    ) }
    'TLS365.UndoResult' = @{ BuiltBy = 'module'; Properties = @(
        @{ Name = 'Path'; Type = 'String'; Nullable = $true }
        @{ Name = 'BackupPath'; Type = 'String'; Nullable = $false }
        @{ Name = 'Restored'; Type = 'Int32'; Nullable = $false }
        @{ Name = 'Exact'; Type = 'Boolean'; Nullable = $false }
    ) }
}
