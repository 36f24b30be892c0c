import { fail, ok, type Result } from '../model/result.js';
import { BIT, LEGACY_BITS } from '../plan/intent.js';
import type { PlanError } from '../plan/model.js';
import { familyValues, fixedLegacy, OS_FAMILIES, type FamilyValue, type OsFamily } from './families.js';
import type { DesiredState } from './model.js';
import { checkDesiredState } from './render-scripts.js';

/**
 * A desired state as one Group Policy Preferences registry file, `Registry.xml` (issue 15, item 2: the
 * GroupPolicy channel): an admin drags it onto Computer Configuration > Preferences > Windows Settings >
 * Registry in the Group Policy Management Editor (or copies it to the GPO's Machine\Preferences\Registry folder).
 * It holds one Collection (folder) per OS family (families.ts) with the family's fixed REG_DWORD values as
 * Update items, each targeted at the machines of that family only.
 *
 * Format: [MS-GPPREF] "Group Policy: Preferences Extension Data Structure", read in the copy of the 4/23/2024
 * revision at github.com/awakecoding/openspecs skills/windows-protocols/MS-GPPREF/MS-GPPREF.md
 * (https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-gppref/): 2.2.1.1.1 common schema,
 * 2.2.1.1.2 element names and CLSIDs, 2.2.1.1.3 common attributes, 2.2.1.17 Registry, 2.2.1.22 Targeting,
 * 4.2.16 and 4.2.22 samples. Each fact below names its section.
 *
 * Targeting (per item, in its <Filters>; items combine left to right with their bool, [MS-GPPREF] 2.2.1.22 and
 * GPMC help "Preference Item-Level Targeting", https://technet.microsoft.com/en-us/library/cc733022.aspx). The
 * file only ever AND-s at the top level and only ever OR-s inside a FilterCollection, so no precedence question
 * arises. Why these filters:
 *
 * - Build: Registry Match (FilterRegistry type MATCHVALUE) of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
 *   CurrentBuildNumber (REG_SZ) against each build of the family, OR-ed in a FilterCollection. Exact string
 *   equality per build, so no comparison of text as numbers arises (WQL `BuildNumber >= '9600'` would compare
 *   text). CurrentBuildNumber exists on every Windows TLS365 knows, Vista/2008 included, and is the key of
 *   every OS rule (docs/domain-facts.md 6). FilterOs was not used: its version list (VISTA, 2K8, ...) cannot
 *   tell Windows 10 builds or Server 2022 from 2025 apart ([MS-GPPREF] 2.2.1.22 FilterOs, product notes
 *   <17>-<20>). A WMI query (FilterWmi) was not used: it would run one WMI query per item, and the file has
 *   about 250 items.
 * - Edition, where the family says (OsFamily.server not null): a FilterCollection "client" =
 *   InstallationType = "Client" OR ProductOptions ProductType = "WinNT", with not="0" for client families
 *   and not="1" for server families. InstallationType exists from Windows 7 / 2008 R2 on and is "Server",
 *   "Server Core" or "Nano Server" on servers; ProductType is WinNT on clients, ServerNT/LanmanNT on servers,
 *   and is what decides on Vista / Server 2008 SP2 (6002/6003), which have no InstallationType
 *   (docs/domain-facts.md 6). So a Vista SP2 client never gets the Server 2008 SP2 items, Windows 11 24H2 never
 *   the Server 2025 ones, and the reverse.
 * - Architecture: an Environment Variable item (FilterVariable) PROCESSOR_ARCHITECTURE = "x86", not="0" for
 *   32-bit families and not="1" (Is Not) for 64-bit ones. GPMC help "Environment Variable Targeting"
 *   (https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/cc731487(v=ws.10)):
 *   the item is true when variable and value are equal; with Is Not when they differ or the variable does not
 *   exist. Whether the value comparison ignores case is not documented; "x86" is written as Windows spells it.
 *   A 32-bit Windows always has PROCESSOR_ARCHITECTURE=x86 in its system environment (the value TLS365's own
 *   architecture check reads, docs/snapshot-schema.md), so no item of a 64-bit family, and so nothing under
 *   Wow6432Node, ever applies to it; 32-bit families carry no Wow6432Node value at all (families.ts). A
 *   Registry Match "key exists" on HKLM\SOFTWARE\Wow6432Node was not used: a stray key left by an installer on
 *   a 32-bit Windows would make it match.
 * - Filters sit on every Registry item, not on the family's Collection: [MS-GPPREF] 2.2.1.1.1 puts <Filters>
 *   after <Properties> in an inner element, as Microsoft's sample file does (below); whether the client honours
 *   Filters on a registry Collection could not be confirmed (the spec's Collection schema has none).
 *
 * Every family is expressible this way, so there is one file and no per-family fallback file.
 *
 * Item attributes: action="U" (Update: create the value if missing, else set only its data, 2.2.1.17.1);
 * image="12", the icon of a REG_DWORD Update item in every sample (4.2.16, 4.2.22, and Microsoft's sample file
 * in "Appendix A: Sample GPO Template Files" of the Windows Firewall guide, MicrosoftDocs/windows-itpro-docs
 * windows/security/threat-protection/windows-firewall/appendix-a-sample-gpo-template-files-for-settings-used-in-this-guide.md;
 * the spec gives no table of image numbers); bypassErrors="1" (2.2.1.1.3: 1 = continue with the other items if
 * one fails, the behaviour GPMC help "Common options" calls the default: topic f882c001-3bfa-402f-8411-7cc7b7da99ff,
 * read in a third-party mirror, http://winintro.ru/gpmc.en/html/f882c001-3bfa-402f-8411-7cc7b7da99ff.htm;
 * Microsoft's sample sets it on every item); no removePolicy (2.2.1.1.3: default 0, the values stay when the GPO no longer applies, like
 * the Reg and Script channels, which undo nothing either); no userContext (0: system context, a computer
 * preference). `changed` is for display only (2.2.1.1.3, "YYYY-MM-DD HH:MM:SS" UTC): a fixed value unless the
 * caller passes one, so the output depends on nothing but the state.
 */

/** CLSIDs, [MS-GPPREF] 2.2.1.1.2 (Registry row), spelled with the spec's mixed case. */
export const GPP_CLSID = {
  registrySettings: '{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}',
  registry: '{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}',
  collection: '{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}',
} as const;

/** The `changed` written when the caller gives none: a constant, not a clock. */
export const GPP_DEFAULT_CHANGED = '2000-01-01 00:00:00';

/** The image number of a REG_DWORD item with action Update (see the module comment: observed in samples, not tabled in the spec). */
export const GPP_IMAGE_DWORD_UPDATE = '12';

export interface GppOptions {
  /** "YYYY-MM-DD HH:MM:SS" (UTC, [MS-GPPREF] 2.2.1.1.3); default GPP_DEFAULT_CHANGED. */
  readonly changed?: string;
}

/** Where the targeting reads, as GPP's Registry Match takes it: hive apart, key without it ([MS-GPPREF] 2.2.1.22 FilterRegistry). */
export const TARGET_OS_KEY = 'SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
export const TARGET_PRODUCT_OPTIONS_KEY = 'SYSTEM\\CurrentControlSet\\Control\\ProductOptions';

// ------------------------------------------------------------------------------------------------ targeting

/** The item-level targeting this file uses, as plain data ([MS-GPPREF] 2.2.1.22: every filter has bool and not). */
export type GppFilter =
  | { readonly kind: 'registry'; readonly bool: 'AND' | 'OR'; readonly not: boolean; readonly key: string; readonly valueName: string; readonly valueData: string }
  | { readonly kind: 'variable'; readonly bool: 'AND' | 'OR'; readonly not: boolean; readonly variableName: string; readonly value: string }
  | { readonly kind: 'collection'; readonly bool: 'AND' | 'OR'; readonly not: boolean; readonly name: string; readonly filters: readonly GppFilter[] };

const regMatch = (bool: 'AND' | 'OR', key: string, valueName: string, valueData: string): GppFilter => ({ kind: 'registry', bool, not: false, key, valueName, valueData });

/** The filters that select exactly the machines of the family (see the module comment for each). */
export function familyFilters(f: OsFamily): GppFilter[] {
  const builds: GppFilter = {
    kind: 'collection', bool: 'AND', not: false, name: `CurrentBuildNumber is ${f.builds.join(' or ')}`,
    filters: f.builds.map((b, i) => regMatch(i === 0 ? 'AND' : 'OR', TARGET_OS_KEY, 'CurrentBuildNumber', String(b))),
  };
  const edition: GppFilter[] = f.server === null ? [] : [{
    kind: 'collection', bool: 'AND', not: f.server, name: `${f.server ? 'Server' : 'Client'} edition (a client has InstallationType Client or ProductType WinNT)`,
    filters: [regMatch('AND', TARGET_OS_KEY, 'InstallationType', 'Client'), regMatch('OR', TARGET_PRODUCT_OPTIONS_KEY, 'ProductType', 'WinNT')],
  }];
  const arch: GppFilter = { kind: 'variable', bool: 'AND', not: f.x64, variableName: 'PROCESSOR_ARCHITECTURE', value: 'x86' };
  return [builds, ...edition, arch];
}

// ---------------------------------------------------------------------------------------------------- XML

/** XML 1.0 Char (https://www.w3.org/TR/xml/#charsets) less what an attribute value must escape. */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ATTR_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // Literal tab and line ends would be normalised to spaces by every XML parser (XML 1.0, 3.3.3): keep them as references.
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** A double-quoted attribute value, or UnsafeText for a character XML 1.0 cannot carry. */
export function escapeXmlAttribute(text: string, path = 'value'): Result<string, PlanError> {
  if (XML_ILLEGAL.test(text)) return fail({ code: 'UnsafeText', path, message: `${path} holds a character XML 1.0 cannot carry` });
  return ok(text.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ENTITIES[c] ?? c));
}

interface XmlNode {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: readonly XmlNode[];
}

const node = (name: string, attrs: readonly (readonly [string, string])[], children: readonly XmlNode[] = []): XmlNode => ({ name, attrs, children });

function xmlLines(n: XmlNode, depth: number, path: string, errors: PlanError[]): string[] {
  const pad = '  '.repeat(depth);
  const attrs = n.attrs.map(([k, v]) => {
    const e = escapeXmlAttribute(v, `${path}@${k}`);
    if (!e.ok) { errors.push(e.error); return ''; }
    return ` ${k}="${e.value}"`;
  }).join('');
  if (n.children.length === 0) return [`${pad}<${n.name}${attrs}/>`];
  return [`${pad}<${n.name}${attrs}>`, ...n.children.flatMap((c, i) => xmlLines(c, depth + 1, `${path}/${c.name}[${i}]`, errors)), `${pad}</${n.name}>`];
}

const flag = (b: boolean): string => (b ? '1' : '0');

function filterNode(x: GppFilter): XmlNode {
  const common: [string, string][] = [['bool', x.bool], ['not', flag(x.not)]];
  switch (x.kind) {
    case 'registry':
      // subtype: the schema default EQUALHEX. GPMC's "Match value data" with match type "Any" is an exact
      // match (GPMC help "Registry Match Targeting", topic d25d7a08-b943-469e-8e6e-b5f5ed6f8f98, read in the
      // mirror http://winintro.ru/gpmc.en/html/d25d7a08-b943-469e-8e6e-b5f5ed6f8f98.htm: "Key path: ...
      // omitting the hive name"); which of EQUALHEX/EQUALDEC GPMC writes for it on a REG_SZ could not be
      // confirmed (2.2.1.22 lists both, SUBSTRING and VERSION; the help names no subtype).
      return node('FilterRegistry', [...common, ['type', 'MATCHVALUE'], ['subtype', 'EQUALHEX'], ['hive', 'HKEY_LOCAL_MACHINE'], ['key', x.key],
        ['valueName', x.valueName], ['valueType', 'REG_SZ'], ['valueData', x.valueData]]);
    case 'variable':
      return node('FilterVariable', [...common, ['variableName', x.variableName], ['value', x.value]]);
    case 'collection':
      return node('FilterCollection', [...common, ['name', x.name]], x.filters.map(filterNode));
  }
}

// ------------------------------------------------------------------------------------------------- uids

/** FNV-1a, 32 bits (http://www.isthe.com/chongo/tech/comp/fnv/), over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A curly braced GUID string ([MS-GPPREF] 1.1) derived from `seed` alone: four FNV-1a lanes, with the RFC 9562
 * version nibble 8 (custom) and variant 10, uppercase as GPMC writes uids (samples in 4.2.16).
 */
export function deterministicGuid(seed: string): string {
  const hex = [0, 1, 2, 3].map((lane) => fnv1a(`TLS365/gpp/${lane}/${seed}`).toString(16).padStart(8, '0')).join('').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

// ------------------------------------------------------------------------------------------------ items

const HKLM_PREFIX = 'HKEY_LOCAL_MACHINE\\';
const MASKS = new Set(['DefaultSecureProtocols', 'SecureProtocols']);
const PROTOCOL_NAMES: readonly (readonly [keyof typeof BIT, string])[] = [
  ['Ssl2', 'SSL 2.0'], ['Ssl3', 'SSL 3.0'], ['Tls10', 'TLS 1.0'], ['Tls11', 'TLS 1.1'], ['Tls12', 'TLS 1.2'], ['Tls13', 'TLS 1.3'],
];
const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
const bitsText = (mask: number): string => PROTOCOL_NAMES.filter(([p]) => (mask & BIT[p]) !== 0).map(([, n]) => n).join(', ') || 'none';
const isWow = (key: string): boolean => /\\Wow6432Node\\/i.test(key);

/** What the value is for, for the item's desc ([MS-GPPREF] 2.2.1.17.1 desc: a comment). */
function purpose(v: FamilyValue, state: DesiredState): string {
  const view = isWow(v.key) ? ' (32-bit view, Wow6432Node)' : '';
  const schannel = /\\Protocols\\([^\\]+)\\(Client|Server)$/.exec(v.key);
  if (schannel !== null) {
    const on = v.name === 'Enabled' ? v.data === 1 : v.data === 0;
    return `Schannel ${schannel[2]?.toLowerCase()} side: ${schannel[1]} ${on ? 'on' : 'off'} (${v.name} = ${v.data}).`;
  }
  if (MASKS.has(v.name)) {
    const what = v.name === 'DefaultSecureProtocols' ? `WinHTTP default protocols${view}` : 'WinINet machine policy (Internet Settings)';
    const legacy = v.data & LEGACY_BITS;
    const note = fixedLegacy(state) && legacy !== 0
      ? ` The mask keeps this OS family's default TLS 1.0/1.1 bits (${bitsText(legacy)}): a file cannot keep each machine's own choice, so a machine that had removed them from this mask gets them back. Export with -DisableLegacy to drop them.`
      : '';
    return `${what}: 0x${hex8(v.data)} = ${bitsText(v.data)}.${note}`;
  }
  const net = /\\\.NETFramework\\(v[0-9.]+)$/.exec(v.key);
  if (net !== null) {
    const version = net[1] === 'v2.0.50727' ? '.NET 3.5 (CLR 2, v2.0.50727)' : '.NET 4.x (v4.0.30319)';
    return v.name === 'SystemDefaultTlsVersions'
      ? `${version}${view}: let the OS choose the TLS version (SystemDefaultTlsVersions = 1).`
      : `${version}${view}: strong cryptography, TLS 1.2 without the weak protocols (SchUseStrongCrypto = 1).`;
  }
  return `${v.owner}: ${v.name} = ${v.data}.`;
}

/** The item's display name ([MS-GPPREF] 2.2.1.1.3 name: shown in the console, not used by the client). */
function itemName(key: string, name: string): string {
  const parts = key.split('\\');
  return `${parts.slice(-2).join('\\')}\\${name}${isWow(key) ? ' (32-bit view)' : ''}`;
}

function legacyText(state: DesiredState): string {
  if (state.disableLegacy) return 'TLS 1.0, TLS 1.1, SSL 2.0 and SSL 3.0 are turned off for client and server and dropped from the WinHTTP and WinINet masks.';
  if (state.allowLegacy) return 'RISK: TLS 1.0 and TLS 1.1 are turned ON for client and server (exported with -AllowLegacy); Microsoft 365 refuses both. SSL 2.0/3.0 are off.';
  return 'TLS 1.0/1.1 are left as each machine has them in Schannel, but the WinHTTP and WinINet masks carry this family\'s default TLS 1.0/1.1 bits (see each mask item).';
}

function familyCollection(f: OsFamily, state: DesiredState, changed: string, uids: Set<string>, errors: PlanError[]): XmlNode | null {
  const values = familyValues(f, state);
  if (values.length === 0) return null;
  const seen = new Set<string>();
  const filters = node('Filters', [], familyFilters(f).map(filterNode));
  const newUid = (seed: string, path: string): string => {
    const uid = deterministicGuid(seed);
    if (uids.has(uid)) errors.push({ code: 'Conflict', path, message: `uid ${uid} is not unique` });
    uids.add(uid);
    return uid;
  };
  const items = values.map((v, i): XmlNode => {
    const path = `${f.id}.values[${i}]`;
    if (!v.key.startsWith(HKLM_PREFIX)) errors.push({ code: 'BadKey', path: `${path}.key`, message: `${v.key} is not under HKEY_LOCAL_MACHINE` });
    const key = v.key.slice(HKLM_PREFIX.length);
    const id = `${key.toLowerCase()}\\\\${v.name.toLowerCase()}`;
    if (seen.has(id)) errors.push({ code: 'Conflict', path, message: `${v.key} ${v.name} is written twice for ${f.id}` });
    seen.add(id);
    if (!Number.isInteger(v.data) || v.data < 0 || v.data > 0xffffffff) errors.push({ code: 'BadData', path: `${path}.data`, message: `${v.data} is not a DWORD` });
    return node('Registry', [
      ['clsid', GPP_CLSID.registry], ['name', itemName(key, v.name)], ['status', v.name], ['image', GPP_IMAGE_DWORD_UPDATE], ['changed', changed],
      ['uid', newUid(`${f.id}|${key.toLowerCase()}|${v.name.toLowerCase()}`, path)], ['desc', `TLS365: ${purpose(v, state)}`], ['bypassErrors', '1'],
    ], [
      // [MS-GPPREF] 2.2.1.17.1 and sample 4.2.16: key without the hive; REG_DWORD data as 8 hex digits (the
      // samples hold only decimal digits: the case GPMC writes for A-F could not be confirmed; uppercase here).
      // displayDecimal (2.2.1.17.1: display only): hex for the protocol masks, decimal for the 0/1 flags.
      node('Properties', [['action', 'U'], ['displayDecimal', flag(!MASKS.has(v.name))], ['default', '0'], ['hive', 'HKEY_LOCAL_MACHINE'],
        ['key', key], ['name', v.name], ['type', 'REG_DWORD'], ['value', hex8(v.data)]]),
      filters,
    ]);
  });
  const tls13 = state.protocols.includes('Tls13') ? (f.tls13 ? ' and TLS 1.3' : ' (TLS 1.3 was asked for, but this family has none)') : '';
  const desc = [
    `TLS365 desired state for ${f.label}: TLS 1.2${tls13} for Schannel, WinHTTP, WinINet and .NET.`,
    `Every item targets builds ${f.builds.join(', ')}, ${f.x64 ? '64-bit' : '32-bit'}${f.server === null ? '' : f.server ? ', servers' : ', clients'} (item-level targeting).`,
    ...(f.prerequisite === null ? [] : [`Install first: ${f.prerequisite}. The values wait for it.`]),
    legacyText(state),
    'Not for Exchange servers nor for machines whose cipher-suite list is configured: use the Script channel or Set-Tls365Protocols there. Restart afterwards.',
  ].join(' ');
  return node('Collection', [['clsid', GPP_CLSID.collection], ['name', `TLS365 - ${f.label}`], ['changed', changed], ['uid', newUid(f.id, f.id)], ['desc', desc]], items);
}

const CHANGED = /^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})$/;

function checkChanged(changed: string): PlanError[] {
  const m = CHANGED.exec(changed);
  const n = (i: number): number => Number(m?.[i] ?? NaN);
  const days = (y: number, mo: number): number => [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  if (m === null || n(2) < 1 || n(2) > 12 || n(3) < 1 || n(3) > days(n(1), n(2)) || n(4) > 23 || n(5) > 59 || n(6) > 59) {
    return [{ code: 'BadOption', path: 'changed', message: 'changed must be a UTC time written YYYY-MM-DD HH:MM:SS ([MS-GPPREF] 2.2.1.1.3)' }];
  }
  return [];
}

/**
 * The Registry.xml text: `<?xml version="1.0" encoding="utf-8"?>` and a RegistrySettings root ([MS-GPPREF]
 * 2.2.1.17.2) with one Collection per OS family that has values. Lines end in CRLF; the caller writes UTF-8.
 */
export function renderGppRegistryXml(state: DesiredState, options: GppOptions = {}): Result<string, readonly PlanError[]> {
  const changed = options.changed ?? GPP_DEFAULT_CHANGED;
  const errors: PlanError[] = [...checkDesiredState(state), ...checkChanged(changed)];
  if (errors.length > 0) return fail(errors);
  const uids = new Set<string>();
  const collections = OS_FAMILIES.map((f) => familyCollection(f, state, changed, uids, errors)).filter((c): c is XmlNode => c !== null);
  const root = node('RegistrySettings', [['clsid', GPP_CLSID.registrySettings]], collections);
  const lines = xmlLines(root, 0, 'RegistrySettings', errors);
  if (errors.length > 0) return fail(errors);
  return ok(['<?xml version="1.0" encoding="utf-8"?>', ...lines, ''].join('\r\n'));
}
