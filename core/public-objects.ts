import { psQuote } from './plan/ps-literal.js';

/**
 * The module's public objects: every type name a cmdlet writes, its properties in order, and each property's
 * type. This is the one definition (issue 14, item 3). The bridge builds the objects it sends in these shapes
 * (bridge/readiness-shape.ts, bridge/logs-shape.ts; tests/core/public-objects.test.ts holds them to it); the
 * module builds the rest from the generated module/TLS365.PublicObjects.psd1 through New-Tls365PublicObject,
 * which orders and casts each property as written here and refuses a property that is missing or unknown.
 * Format views (module/TLS365.Format.ps1xml) may only name properties listed here (a Pester test checks).
 *
 * Property types, as the PowerShell object carries them:
 * - `String`, `Boolean`, `Int32`, `Int64`, `DateTime`, `String[]`: that .NET type (null where `nullable`).
 * - `Integer`: a whole number as ConvertFrom-Json gives it (Int64 on PowerShell 7; Int32 on Windows
 *   PowerShell 5.1 when it fits). Only for objects the bridge sends whole.
 * - `Object`: registry data as read or written (String, Int64, String[] or Byte[]).
 * - `TLS365.X` / `TLS365.X[]`: another public object of this list, or an array of them.
 */
export type PropertyType =
  | 'String' | 'String[]' | 'Boolean' | 'Int32' | 'Int64' | 'Integer' | 'DateTime' | 'Object'
  | `TLS365.${string}`;

export interface PublicProperty {
  readonly name: string;
  readonly type: PropertyType;
  /** The property may be null (an absent value), not only empty. */
  readonly nullable?: boolean;
}

/**
 * Who builds the object: `bridge` (the module only adds the type name to what ConvertFrom-Json gives) or
 * `module` (New-Tls365PublicObject, from values the module holds: a live registry write, a probe's answer).
 * `derived`: the properties follow a core type that is not a fixed list (LegacyHit: the core's HitEvent,
 * core/logs/types.ts, its fields in PascalCase, absent ones left out).
 */
export type PublicObject =
  | { readonly typeName: string; readonly builtBy: 'bridge' | 'module'; readonly summary: string; readonly properties: readonly PublicProperty[] }
  | { readonly typeName: string; readonly builtBy: 'derived'; readonly summary: string; readonly derivedFrom: string };

const p = (name: string, type: PropertyType, nullable = false): PublicProperty => (nullable ? { name, type, nullable } : { name, type });

export const PUBLIC_OBJECTS: readonly PublicObject[] = [
  {
    typeName: 'TLS365.Readiness', builtBy: 'bridge', summary: 'Get-Tls365Readiness: one machine',
    properties: [
      // NotReady, Unknown, FailCount and WarnCount are what the table view shows, as real properties (issue 17,
      // item 1): Select-Object, Sort-Object and Where-Object work on them, not only the view.
      p('ComputerName', 'String'), p('Source', 'String'), p('OS', 'TLS365.OSInfo'), p('Ready', 'Boolean'),
      p('NotReady', 'String[]'), p('Unknown', 'String[]'), p('FailCount', 'Integer'), p('WarnCount', 'Integer'),
      // Changes: what Set-Tls365Protocols with its defaults would write, the short answer before the findings
      // (issue 17, item 2); null when no plan could be made for the machine.
      p('MissingUpdates', 'String[]'), p('Changes', 'TLS365.PlannedChange[]', true), p('Components', 'TLS365.ComponentStatus[]'), p('Findings', 'TLS365.Finding[]'),
      // TlsSettings: the registry values that decide the protocols, raw ('label=value', absent is a value), which the
      // report groups machines by (issue 16, item 3; core/readiness/settings.ts).
      p('TlsSettings', 'String[]'),
      // AsOf: the day the endpoint profiles were judged on (Get-Tls365Readiness -AsOf, default today), YYYY-MM-DD.
      p('AsOf', 'String', true),
      // Effective: what is in effect per component and where it comes from (issue 16, item 2; core/readiness/origins.ts).
      p('Effective', 'TLS365.EffectiveSetting[]'),
    ],
  },
  {
    typeName: 'TLS365.EffectiveSetting', builtBy: 'bridge', summary: 'one setting in effect on a machine and its origin: OsDefault, PatchDefault, Local or GroupPolicy',
    properties: [p('Component', 'String'), p('Setting', 'String'), p('Value', 'String'), p('Origin', 'String'), p('Where', 'String', true), p('Note', 'String', true)],
  },
  {
    typeName: 'TLS365.OSInfo', builtBy: 'bridge', summary: 'the OS of a TLS365.Readiness',
    properties: [p('Name', 'String'), p('Build', 'Integer', true), p('UBR', 'Integer', true)],
  },
  {
    typeName: 'TLS365.ComponentStatus', builtBy: 'bridge', summary: 'one component of a TLS365.Readiness',
    properties: [p('Name', 'String'), p('Status', 'String'), p('Reason', 'String')],
  },
  {
    typeName: 'TLS365.Finding', builtBy: 'bridge', summary: 'one finding of a TLS365.Readiness',
    properties: [
      p('RuleId', 'String'), p('Severity', 'String'), p('Component', 'String[]'), p('Message', 'String'),
      p('Fix', 'TLS365.Fix', true), p('Sources', 'String[]'),
      // Endpoint rules (TLS365-ENDPOINT-*) only; null on every other finding.
      p('Endpoint', 'TLS365.EndpointRef', true),
    ],
  },
  {
    typeName: 'TLS365.EndpointRef', builtBy: 'bridge', summary: 'the endpoint a TLS365-ENDPOINT-* finding is about, and the day from which the machine cannot reach it',
    properties: [p('Id', 'String'), p('Name', 'String'), p('BreaksOn', 'String')],
  },
  {
    typeName: 'TLS365.Fix', builtBy: 'bridge', summary: 'the fix of a TLS365.Finding',
    properties: [p('Text', 'String'), p('Changes', 'TLS365.RegistryChange[]'), p('Updates', 'String[]'), p('Restart', 'String')],
  },
  {
    typeName: 'TLS365.RegistryChange', builtBy: 'bridge', summary: 'one registry change of a TLS365.Fix',
    properties: [p('Action', 'String'), p('Key', 'String'), p('Name', 'String'), p('Value', 'Object', true), p('Command', 'String')],
  },
  {
    typeName: 'TLS365.ReadinessRow', builtBy: 'module', summary: 'ConvertTo-Tls365Row: one machine as one flat row (Export-Csv)',
    properties: [
      // A machine with no result (an ErrorRecord piped in) is a row too: Ready and the counts null, Error set.
      p('ComputerName', 'String'), p('Source', 'String'), p('OS', 'String'), p('Build', 'Int64', true), p('UBR', 'Int64', true),
      p('Ready', 'Boolean', true), p('NotReady', 'String'), p('Unknown', 'String'), p('FailCount', 'Int32', true), p('WarnCount', 'Int32', true),
      p('MissingUpdates', 'String'), p('Error', 'String', true),
    ],
  },
  {
    typeName: 'TLS365.FindingRow', builtBy: 'module', summary: 'ConvertTo-Tls365Row -Finding: one finding of one machine as one flat row (a machine with no result: Severity Error, RuleId its error id)',
    properties: [
      p('ComputerName', 'String'), p('RuleId', 'String'), p('Severity', 'String'), p('Component', 'String'), p('Message', 'String'),
      p('Fix', 'String'), p('Commands', 'String'), p('Updates', 'String'), p('Restart', 'String'), p('Sources', 'String'),
    ],
  },
  {
    typeName: 'TLS365.PlannedChange', builtBy: 'bridge', summary: 'one value Set-Tls365Protocols would write, in TLS365.Readiness Changes',
    properties: [
      p('Key', 'String'), p('Name', 'String'), p('Before', 'Object', true), p('After', 'Object', true), p('Command', 'String'),
      p('Fixes', 'String[]'), p('Reason', 'String'), p('Restart', 'String'),
    ],
  },
  {
    typeName: 'TLS365.LegacyClient', builtBy: 'bridge', summary: 'Find-Tls365LegacyClient: one client and protocol',
    properties: [
      // ClientIp is the TCP peer (c-ip), the party the protocol was negotiated with; behind a load balancer that adds
      // X-Forwarded-For, ForwardedFor lists the clients behind it ('203.0.113.5 (12)', most requests first, at most
      // 20 and '... and N more (requests)'), empty for a direct client (issue 16, item 4; bridge/logs-shape.ts).
      p('ClientIp', 'String'), p('ForwardedFor', 'String[]'), p('Protocol', 'String'), p('Count', 'Integer'), p('FirstSeen', 'DateTime', true),
      p('LastSeen', 'DateTime', true), p('Source', 'String[]'), p('UserAgent', 'String', true), p('EhloName', 'String', true),
      p('Uri', 'String', true), p('Connector', 'String', true), p('Rules', 'String[]'),
    ],
  },
  {
    typeName: 'TLS365.LegacyHit', builtBy: 'derived', summary: 'Find-Tls365LegacyClient -Detailed: one request or handshake',
    derivedFrom: 'HitEvent (core/logs/types.ts), each field in PascalCase (bridge/logs-shape.ts legacyHitShape)',
  },
  {
    typeName: 'TLS365.LegacySummary', builtBy: 'module', summary: 'Find-Tls365LegacyClient -AsSummary: one protocol and site',
    properties: [
      p('Format', 'String'), p('Site', 'String'), p('Protocol', 'String'), p('Requests', 'Int64'), p('Clients', 'Int64'),
      p('FirstSeen', 'DateTime', true), p('LastSeen', 'DateTime', true),
    ],
  },
  {
    typeName: 'TLS365.ProtocolMask', builtBy: 'module', summary: 'ConvertFrom-Tls365ProtocolMask -Detailed: one value',
    properties: [p('Value', 'Int64'), p('Hex', 'String'), p('Layout', 'String'), p('Protocols', 'String[]')],
  },
  {
    typeName: 'TLS365.ConnectionTest', builtBy: 'module', summary: 'Test-Tls365Connection: one host, port and protocol',
    properties: [
      p('HostName', 'String'), p('Port', 'Int32'), p('Protocol', 'String'), p('Status', 'String'), p('Accepted', 'Boolean'),
      p('Negotiated', 'String', true), p('Cipher', 'String', true), p('Detail', 'String', true),
    ],
  },
  {
    typeName: 'TLS365.SuiteTest', builtBy: 'module', summary: 'Test-Tls365Connection -Endpoint / -CipherSuite: one host, port and suite or curve offered alone',
    properties: [
      // Test: Suite (Suite offered alone) or Curve (the profile's ECDHE suites with Curve alone). Cipher and
      // NegotiatedCurve: what the handshake agreed (Windows's names; NegotiatedCurve null for DHE and RSA key
      // exchange). Expected: the -Endpoint profile's era in force on -AsOf (null without -Endpoint); MatchesProfile
      // null when nothing is expected or the probe got no answer (issue 16, item 1).
      p('HostName', 'String'), p('Port', 'Int32'), p('Endpoint', 'String', true), p('Test', 'String'), p('Protocol', 'String'),
      p('Suite', 'String', true), p('Curve', 'String', true), p('Status', 'String'), p('Accepted', 'Boolean'),
      p('Negotiated', 'String', true), p('Cipher', 'String', true), p('NegotiatedCurve', 'String', true),
      p('Expected', 'String', true), p('MatchesProfile', 'Boolean', true), p('Detail', 'String', true),
    ],
  },
  {
    typeName: 'TLS365.ChangeResult', builtBy: 'module', summary: 'Set-Tls365Protocols: one registry value changed',
    properties: [
      p('ComputerName', 'String'), p('Path', 'String', true), p('Key', 'String'), p('Name', 'String'),
      p('Before', 'Object', true), p('After', 'Object', true), p('Status', 'String'), p('BackupPath', 'String', true),
      p('BackupHash', 'String', true), p('Restart', 'String'),
    ],
  },
  {
    typeName: 'TLS365.UndoResult', builtBy: 'module', summary: 'Undo-Tls365Change: one backup restored',
    properties: [p('Path', 'String', true), p('BackupPath', 'String'), p('Restored', 'Int32'), p('Exact', 'Boolean')],
  },
];

/** The entry of a type name; undefined when it is not a public object. */
export function publicObject(typeName: string): PublicObject | undefined {
  return PUBLIC_OBJECTS.find((o) => o.typeName === typeName);
}

/**
 * module/TLS365.PublicObjects.psd1: the fixed shapes, for New-Tls365PublicObject and the tests (a PowerShell
 * data file that Windows PowerShell 5.1's Import-PowerShellDataFile reads).
 */
export function renderPublicObjectsPsd1(): string {
  const lines = [
    '# Generated from core/public-objects.ts by `npm run build && node scripts/module-data.js`; do not edit.',
    '# Every public object the module writes: who builds it, and its properties in order with their types.',
    '@{',
  ];
  for (const o of PUBLIC_OBJECTS) {
    if (o.builtBy === 'derived') {
      lines.push(`    ${psQuote(o.typeName)} = @{ BuiltBy = 'derived'; DerivedFrom = ${psQuote(o.derivedFrom)}; Properties = @() }`);
      continue;
    }
    const props = o.properties.map((x) => `@{ Name = ${psQuote(x.name)}; Type = ${psQuote(x.type)}; Nullable = $${x.nullable === true ? 'true' : 'false'} }`);
    lines.push(`    ${psQuote(o.typeName)} = @{ BuiltBy = ${psQuote(o.builtBy)}; Properties = @(`);
    for (const x of props) lines.push(`        ${x}`);
    lines.push('    ) }');
  }
  lines.push('}', '');
  return lines.join('\n');
}

/**
 * How the nested parts of a TLS365.Readiness read as text (ToString): in "$finding", and in ConvertTo-Json at its
 * default depth of 2, which writes an object nested deeper as its ToString() (issue 17, item 1). Without these,
 * that text is "@{Text=...; Changes=System.Object[]}". Presentation only.
 */
const TO_STRING: Readonly<Record<string, string>> = {
  'TLS365.OSInfo': "if ($null -eq $this.Build) { [System.String]$this.Name } elseif ($null -eq $this.UBR) { '{0} (build {1})' -f $this.Name, $this.Build } else { '{0} (build {1}.{2})' -f $this.Name, $this.Build, $this.UBR }",
  'TLS365.ComponentStatus': "'{0}: {1}' -f $this.Name, $this.Status",
  'TLS365.Finding': "'[{0}] {1} ({2}): {3}' -f $this.Severity, $this.RuleId, (@($this.Component) -join ', '), $this.Message",
  'TLS365.Fix': "(@([System.String]$this.Text) + @(@($this.Changes) | Where-Object { $null -ne $_ } | ForEach-Object { [System.String]$_.Command })) -join ' | '",
  'TLS365.RegistryChange': '[System.String]$this.Command',
  'TLS365.PlannedChange': "'{0}  # {1}' -f $this.Command, $this.Reason",
};

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * module/TLS365.Types.ps1xml: each fixed public object's properties declared on its type name (a ScriptProperty that
 * gives $null: every object carries its own property, which PowerShell finds first), so that PowerShell's completion knows them after a pipe from a command whose
 * [OutputType()] names the type (`Get-Tls365Readiness | Where-Object FailC<Tab>`); and the ToString methods above.
 */
export function renderTypesPs1xml(): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Generated from core/public-objects.ts by `npm run build && node scripts/module-data.js`; do not edit. -->',
    '<Types>',
  ];
  for (const o of PUBLIC_OBJECTS) {
    if (o.builtBy === 'derived') continue;
    lines.push('  <Type>', `    <Name>${xml(o.typeName)}</Name>`, '    <Members>');
    for (const prop of o.properties) lines.push(`      <ScriptProperty><Name>${xml(prop.name)}</Name><GetScriptBlock>$null</GetScriptBlock></ScriptProperty>`);
    const toString = TO_STRING[o.typeName];
    if (toString !== undefined) lines.push(`      <ScriptMethod><Name>ToString</Name><Script>${xml(toString)}</Script></ScriptMethod>`);
    lines.push('    </Members>', '  </Type>');
  }
  lines.push('</Types>', '');
  return lines.join('\n');
}
