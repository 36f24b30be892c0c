import { strict as assert } from 'node:assert';
import { CIPHER_LIST_IMAGES, fixedValueImages, notReadyButForUpdates, withDwords } from '../../support/desired-ready.js';
import { familyOf, familyValues, OS_FAMILIES, type FamilyValue, type OsFamily } from '../../../core/desired/families.js';
import type { DesiredState } from '../../../core/desired/model.js';
import {
  deterministicGuid, escapeXmlAttribute, GPP_CLSID, GPP_DEFAULT_CHANGED, renderGppRegistryXml,
} from '../../../core/desired/render-gpp.js';
import { evaluateSnapshot } from '../../../core/readiness/evaluate.js';
import { machineFacts } from '../../../core/readiness/facts.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import type { RegValue } from '../../../core/regfile/index.js';
import { imageCases, STATES } from '../../support/desired-cases.js';
import { HKLM, machine, type Values } from '../../support/machine.js';
import { attribute, childElements, parseXml, type XmlDocument, type XmlElement } from '../../support/xml.js';

/**
 * The Group Policy Preferences Registry.xml of a desired state (core/desired/render-gpp.ts), checked against the
 * published format, [MS-GPPREF] "Group Policy: Preferences Extension Data Structure"
 * (https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-gppref/, read in the 4/23/2024 revision):
 * 2.2.1.1.1 common schema (inner elements: Properties, then optional Filters), 2.2.1.1.2 CLSIDs, 2.2.1.1.3
 * common attributes ("changed" as YYYY-MM-DD HH:MM:SS, uid a GUID), 2.2.1.17 Registry (key without the hive,
 * type REG_DWORD, action U), 2.2.1.17.2 RegistrySettings schema (attribute sets), 2.2.1.22 Targeting (filter
 * element names, bool AND/OR, not 0/1, FilterRegistry/FilterVariable/FilterCollection attributes and enums),
 * 4.2.16 sample (REG_DWORD data as 8 hex digits, image 12 for an Update item).
 *
 * Then applied as the GP client would: a small evaluator of the three filter types the file uses, reading the
 * machine's registry (CurrentBuildNumber, InstallationType, ProductOptions ProductType, the system environment's
 * PROCESSOR_ARCHITECTURE), selects the items; their values are written into the machine, which must then be
 * Ready by the core's own rules, with exactly its family's values selected, nothing of another family and, on
 * 32-bit machines, nothing under Wow6432Node. Every state of STATES, every OS family (every build, every
 * edition it ships in), every acceptance image and sample, and machines of no family.
 */

const ENV = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment`;
const PRODUCT_OPTIONS = `${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions`;
const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;
const CHANGED = /^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$/;

// ------------------------------------------------------------------------------------ the published format

/** Attribute sets of [MS-GPPREF] 2.2.1.17.2 (RegistrySettings schema) and 2.2.1.1.1 (common schema). */
const ROOT_ATTRS = ['clsid', 'disabled'];
const COLLECTION_ATTRS = ['clsid', 'name', 'image', 'changed', 'uid', 'desc', 'bypassErrors', 'userContext', 'removePolicy', 'status', 'disabled'];
const REGISTRY_ATTRS = ['clsid', 'name', 'status', 'image', 'changed', 'uid', 'desc', 'bypassErrors', 'userContext', 'removePolicy', 'disabled'];
const PROPERTIES_ATTRS = ['action', 'default', 'hive', 'key', 'name', 'type', 'value', 'displayDecimal', 'defaultValue', 'bitfield', 'disabled'];
/** [MS-GPPREF] 2.2.1.22, Filters schema: IFilter's bool/not/hidden and each filter's own attributes. */
const IFILTER = ['bool', 'not', 'hidden'];
const FILTER_ATTRS: Readonly<Record<string, readonly string[]>> = {
  FilterRegistry: [...IFILTER, 'type', 'subtype', 'valueName', 'valueType', 'valueData', 'variableName', 'key', 'hive', 'min', 'max', 'gte', 'lte', 'version'],
  FilterVariable: [...IFILTER, 'variableName', 'value'],
  FilterCollection: [...IFILTER, 'name'],
};
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  bool: ['AND', 'OR'], not: ['0', '1'], hidden: ['0', '1'],
  type: ['VALUEEXISTS', 'KEYEXISTS', 'MATCHVALUE', 'GETVALUE'], subtype: ['EQUALHEX', 'EQUALDEC', 'SUBSTRING', 'VERSION'],
  valueType: ['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_BINARY', ''],
  hive: ['HKEY_LOCAL_MACHINE', 'HKEY_CLASSES_ROOT', 'HKEY_CURRENT_USER', 'HKEY_CURRENT_CONFIG', 'HKEY_USERS'],
};

const attr = (e: XmlElement, name: string): string => {
  const v = attribute(e, name);
  assert.ok(v !== undefined, `<${e.name}> at ${e.at} has no ${name}`);
  return v;
};

function onlyAttributes(e: XmlElement, allowed: readonly string[]): void {
  for (const a of e.attributes) assert.ok(allowed.includes(a.name), `<${e.name}> at ${e.at}: ${a.name} is not an attribute of ${e.name} in [MS-GPPREF]`);
}

function noText(e: XmlElement): void {
  for (const c of e.children) if (c.kind === 'text') assert.match(c.text, /^\s*$/, `<${e.name}> at ${e.at} holds text`);
}

function checkFilterList(list: readonly XmlElement[], where: string): void {
  list.forEach((f, i) => {
    const allowed = FILTER_ATTRS[f.name];
    assert.ok(allowed !== undefined, `${where}: ${f.name} is not a filter TLS365 writes ([MS-GPPREF] 2.2.1.22 names it otherwise)`);
    onlyAttributes(f, allowed);
    for (const a of f.attributes) {
      const values = ENUMS[a.name];
      if (values !== undefined && !(f.name === 'FilterVariable' && a.name === 'value')) assert.ok(values.includes(a.value), `${where}: ${f.name} ${a.name}="${a.value}"`);
    }
    attr(f, 'bool');
    attr(f, 'not');
    // Left to right is then the only reading: AND at the top, OR within a collection, after the first.
    if (i > 0) assert.equal(attr(f, 'bool'), where.endsWith('FilterCollection') ? 'OR' : 'AND', `${where}: mixed AND/OR`);
    noText(f);
    if (f.name === 'FilterRegistry') {
      assert.equal(attr(f, 'type'), 'MATCHVALUE');
      assert.ok(!/^HKEY_/i.test(attr(f, 'key')) && !/^\\|\\$/.test(attr(f, 'key')), `${where}: key ${attr(f, 'key')} with a hive or a leading/trailing backslash`);
      attr(f, 'valueName');
      attr(f, 'valueData');
    } else if (f.name === 'FilterVariable') {
      attr(f, 'variableName');
    } else {
      const inner = childElements(f);
      assert.ok(inner.length > 0, `${where}: empty FilterCollection`);
      checkFilterList(inner, `${where}/FilterCollection`);
    }
  });
}

/** Parses the text and checks it against the format; returns the document. */
function checkFormat(text: string): XmlDocument {
  assert.ok(text.startsWith('<?xml version="1.0" encoding="utf-8"?>'), 'XML declaration, UTF-8');
  const parsed = parseXml(text);
  assert.ok(parsed.ok, parsed.ok ? '' : `not well-formed: ${parsed.error.message} at ${parsed.error.at}`);
  const doc = parsed.value;
  assert.deepEqual(doc.declaration, { version: '1.0', encoding: 'utf-8', standalone: null });
  const root = doc.root;
  assert.equal(root.name, 'RegistrySettings');
  assert.equal(attr(root, 'clsid'), GPP_CLSID.registrySettings);
  assert.equal(GPP_CLSID.registrySettings, '{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}');
  onlyAttributes(root, ROOT_ATTRS);
  noText(root);
  const uids = new Set<string>();
  const uid = (e: XmlElement): void => {
    const u = attr(e, 'uid');
    assert.match(u, GUID, `uid ${u} is not a curly braced GUID string`);
    assert.ok(!uids.has(u.toUpperCase()), `uid ${u} is used twice`);
    uids.add(u.toUpperCase());
  };
  const walk = (e: XmlElement): void => {
    for (const c of childElements(e)) {
      noText(c);
      if (c.name === 'Collection') {
        assert.equal(attr(c, 'clsid'), '{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}');
        onlyAttributes(c, COLLECTION_ATTRS);
        attr(c, 'name');
        uid(c);
        const changed = attribute(c, 'changed');
        if (changed !== undefined) assert.match(changed, CHANGED);
        walk(c);
        continue;
      }
      assert.equal(c.name, 'Registry', `<${c.name}> inside <${e.name}>`);
      assert.equal(attr(c, 'clsid'), '{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}');
      onlyAttributes(c, REGISTRY_ATTRS);
      for (const a of ['name', 'status', 'image', 'changed']) attr(c, a);
      uid(c);
      assert.match(attr(c, 'changed'), CHANGED);
      assert.equal(attr(c, 'image'), '12', 'the image of a REG_DWORD Update item');
      assert.ok(['0', '1'].includes(attr(c, 'bypassErrors')));
      const kids = childElements(c);
      assert.deepEqual(kids.map((k) => k.name), ['Properties', 'Filters'], 'Properties, then Filters ([MS-GPPREF] 2.2.1.1.1)');
      const [p, filters] = kids as [XmlElement, XmlElement];
      onlyAttributes(p, PROPERTIES_ATTRS);
      assert.equal(attr(p, 'action'), 'U');
      assert.equal(attr(p, 'hive'), 'HKEY_LOCAL_MACHINE');
      assert.ok(!/^HKEY_/i.test(attr(p, 'key')) && !/^\\|\\$/.test(attr(p, 'key')), `key ${attr(p, 'key')}: no hive, no leading or trailing backslash`);
      assert.notEqual(attr(p, 'name'), '');
      assert.equal(attr(p, 'name'), attr(c, 'status'));
      assert.equal(attr(p, 'type'), 'REG_DWORD');
      assert.match(attr(p, 'value'), /^[0-9A-F]{8}$/i, 'REG_DWORD data as 8 hex digits');
      assert.ok(['0', '1'].includes(attr(p, 'displayDecimal')));
      assert.equal(attr(p, 'default'), '0');
      assert.equal(childElements(p).length, 0);
      assert.equal(filters.attributes.length, 0);
      checkFilterList(childElements(filters), `${attr(c, 'name')}/Filters`);
    }
  };
  walk(root);
  return doc;
}

// ------------------------------------------------------------------------------------ the GP client, small

interface GppItem {
  readonly collection: string;
  readonly key: string;
  readonly name: string;
  readonly data: number;
  /** The item's Filters and its folders', outermost first. */
  readonly filters: readonly XmlElement[];
}

function itemsOf(doc: XmlDocument): GppItem[] {
  const out: GppItem[] = [];
  const walk = (e: XmlElement, collection: string, filters: readonly XmlElement[]): void => {
    for (const c of childElements(e)) {
      const own = [...filters, ...childElements(c, 'Filters')];
      if (c.name === 'Collection') { walk(c, attr(c, 'name'), own); continue; }
      const p = childElements(c, 'Properties')[0];
      assert.ok(p !== undefined);
      out.push({ collection, key: `${attr(p, 'hive')}\\${attr(p, 'key')}`, name: attr(p, 'name'), data: parseInt(attr(p, 'value'), 16), filters: own });
    }
  };
  walk(doc.root, '', []);
  return out;
}

function regValue(s: MachineSnapshot, key: string, name: string): RegValue | undefined {
  const k = s.registry.find((x) => x.path.toLowerCase() === key.toLowerCase());
  return k?.values.find((v) => v.name.toLowerCase() === name.toLowerCase())?.value;
}

/** One targeting item as GPP evaluates it ([MS-GPPREF] 2.2.1.22; GPMC help for Registry Match and Environment Variable). */
function filterMatches(f: XmlElement, s: MachineSnapshot): boolean {
  let hit: boolean;
  switch (f.name) {
    case 'FilterRegistry': {
      // "Match value data": the value exists and its data equals valueData.
      const v = regValue(s, `${attribute(f, 'hive') ?? 'HKEY_LOCAL_MACHINE'}\\${attr(f, 'key')}`, attr(f, 'valueName'));
      hit = v !== undefined && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && v.data === attr(f, 'valueData');
      break;
    }
    case 'FilterVariable': {
      // The system environment is HKLM\...\Session Manager\Environment; names are not case sensitive.
      const v = regValue(s, ENV, attr(f, 'variableName'));
      hit = v !== undefined && (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') && v.data.toLowerCase() === (attribute(f, 'value') ?? '1').toLowerCase();
      break;
    }
    case 'FilterCollection':
      hit = filtersMatch(childElements(f), s);
      break;
    default:
      throw new Error(`no evaluator for ${f.name}`);
  }
  return attr(f, 'not') === '1' ? !hit : hit;
}

/** Each item combines with the result so far by its bool, left to right; no items: true. */
function filtersMatch(list: readonly XmlElement[], s: MachineSnapshot): boolean {
  let acc = true;
  list.forEach((f, i) => {
    const v = filterMatches(f, s);
    acc = i === 0 ? v : attr(f, 'bool') === 'OR' ? acc || v : acc && v;
  });
  return acc;
}

const selected = (items: readonly GppItem[], s: MachineSnapshot): GppItem[] => items.filter((it) => it.filters.every((fs) => filtersMatch(childElements(fs), s)));

const applied = withDwords;

const notReady = notReadyButForUpdates;

const ids = (vs: readonly { key: string; name: string; data: number }[]): string[] => vs.map((v) => `${v.key.toLowerCase()}|${v.name.toLowerCase()}|${v.data}`).sort();
const fails = (s: MachineSnapshot): string => evaluateSnapshot(s).findings.filter((x) => x.severity !== 'Info').map((x) => `${x.ruleId} ${x.message}`).join(' | ');

function render(state: DesiredState): { text: string; items: GppItem[] } {
  const r = renderGppRegistryXml(state);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  return { text: r.value, items: itemsOf(checkFormat(r.value)) };
}

/** A machine as the brief builds them, with the ProductType every Windows has when `productType` is given. */
function familyMachine(build: number, server: boolean, x64: boolean, extra: Values = {}, productType?: string): MachineSnapshot {
  const productName = build < 7600 ? { productName: server ? 'Windows Server (R) 2008 Standard' : 'Windows Vista (TM) Business' } : {};
  return machine({
    build, server, x64, net35: true, cbs: ['KB3140245', 'KB4019276'], ...productName,
    values: { [ENV]: { PROCESSOR_ARCHITECTURE: x64 ? 'AMD64' : 'x86' }, ...(productType === undefined ? {} : { [PRODUCT_OPTIONS]: { ProductType: productType } }), ...extra },
  });
}

const editions = (f: OsFamily): boolean[] => (f.server === null ? [true, false] : [f.server]);

// ------------------------------------------------------------------------------------------------- tests

describe('desired state as a Group Policy Preferences Registry.xml (issue 15: GroupPolicy)', () => {
  describe('the strict XML parser of the tests (tests/support/xml.ts)', () => {
    it('reads elements, attributes, text, CDATA and comments, and decodes entities and character references', () => {
      const r = parseXml('\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<!-- c --><a x="1 &amp; 2" y=\'&lt;&gt;&quot;&apos;&#65;&#x42;\' z="t\tu&#9;v"><b/>t&amp;x<![CDATA[<raw>&amp;]]><?pi data?></a>\n');
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      const a = r.value.root;
      assert.equal(a.name, 'a');
      assert.deepEqual(a.attributes, [{ name: 'x', value: '1 & 2' }, { name: 'y', value: '<>"\'AB' }, { name: 'z', value: 't u\tv' }]);
      assert.deepEqual(a.children.map((c) => (c.kind === 'text' ? c.text : `<${c.name}>`)), ['<b>', 't&x<raw>&amp;']);
      assert.deepEqual(r.value.declaration, { version: '1.0', encoding: 'utf-8', standalone: null });
    });

    it('rejects input that is not well-formed', () => {
      const bad = [
        '', '   ', 'text', '<a>', '<a></b>', '<a><b></a></b>', '<a/><b/>', 'x<a/>', '<a/>x', '<a x="1" x="2"/>', '<a x=1/>', '<a x="1"y="2"/>',
        '<a x="<"/>', '<a x="1/>', '<a>&foo;</a>', '<a>&amp</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>]]></a>', '<!-- a -- b --><a/>', '<a>\u0001</a>',
        '<a/><?xml version="1.0"?>', ' <?xml version="1.0"?><a/>', '<?xml version="2.0"?><a/>', '<?xml encoding="utf-8"?><a/>', '<!DOCTYPE a><a/>',
        '<a><![CDATA[x</a>', '<1a/>', '<a></a >x', '<a><!-- x</a>', '<a>\ud800</a>', '<a b="\ufffe"/>',
        '<a>a & b</a>',
      ];
      for (const text of bad) assert.equal(parseXml(text).ok, false, JSON.stringify(text));
    });
  });

  describe('format and escaping', () => {
    it('escapes every attribute value (&, <, >, quotes, tab and line ends survive) and refuses characters XML cannot carry', () => {
      const nasty = 'TLS 1.2 & <"Client"> \'x\'\tnew\r\nline';
      const e = escapeXmlAttribute(nasty);
      assert.ok(e.ok);
      const r = parseXml(`<a v="${e.value}" w='${e.value}'/>`);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(attribute(r.value.root, 'v'), nasty);
      assert.equal(attribute(r.value.root, 'w'), nasty);
      const bad = escapeXmlAttribute('a\u0001b', 'x.name');
      assert.ok(!bad.ok && bad.error.code === 'UnsafeText' && bad.error.path === 'x.name');
      assert.equal(escapeXmlAttribute('\ud800').ok, false);
    });

    it('is deterministic: the same state gives the same text, uids are GUIDs derived from the item, `changed` is a constant unless given', () => {
      const a = renderGppRegistryXml(STATES[0]!.state);
      const b = renderGppRegistryXml(STATES[0]!.state);
      assert.ok(a.ok && b.ok);
      assert.equal(a.value, b.value);
      assert.ok(a.value.includes(`changed="${GPP_DEFAULT_CHANGED}"`));
      assert.match(deterministicGuid('x'), /^\{[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
      assert.equal(deterministicGuid('x'), deterministicGuid('x'));
      assert.notEqual(deterministicGuid('x'), deterministicGuid('y'));
      const c = renderGppRegistryXml(STATES[0]!.state, { changed: '2024-02-29 23:59:59' });
      assert.ok(c.ok);
      assert.ok(!c.value.includes(GPP_DEFAULT_CHANGED) && c.value.includes('changed="2024-02-29 23:59:59"'));
      checkFormat(c.value);
      for (const changed of ['2023-02-29 10:00:00', '2024-13-01 00:00:00', '2024-01-01T00:00:00', '2024-01-01 24:00:00', '', '2024-1-01 00:00:00']) {
        const r = renderGppRegistryXml(STATES[0]!.state, { changed });
        assert.ok(!r.ok && r.error.some((x) => x.code === 'BadOption' && x.path === 'changed'), changed);
      }
      const contradiction = renderGppRegistryXml({ ...STATES[0]!.state, disableLegacy: true, allowLegacy: true });
      assert.ok(!contradiction.ok && contradiction.error.some((x) => x.path === 'state.allowLegacy'));
    });
  });

  for (const { label, state } of STATES) {
    describe(label, () => {
      it('is well-formed XML in the published format, one Collection per OS family holding exactly its values', () => {
        const { text, items } = render(state);
        const doc = checkFormat(text);
        const collections = childElements(doc.root);
        assert.deepEqual(collections.map((c) => attr(c, 'name')), OS_FAMILIES.map((f) => `TLS365 - ${f.label}`));
        OS_FAMILIES.forEach((f, i) => {
          const mine = items.filter((it) => it.collection === `TLS365 - ${f.label}`);
          assert.deepEqual(ids(mine), ids(familyValues(f, state)), f.id);
          assert.ok(attr(collections[i]!, 'desc').includes(f.label));
        });
        // Names with spaces survive: Schannel keys (where the state has Schannel) and the Wow6432Node views.
        if (state.components.includes('SChannelClient')) assert.ok(items.some((it) => it.key.endsWith('\\Protocols\\TLS 1.2\\Client')));
        assert.ok(items.some((it) => /\\Internet Settings\\WinHttp$/.test(it.key)));
        // Masks: where TLS 1.0/1.1 are left to each machine the desc says what the mask keeps.
        const maskDescs = collections.flatMap((c) => childElements(c, 'Registry')).filter((r) => /SecureProtocols$/.test(attr(r, 'status'))).map((r) => attr(r, 'desc'));
        assert.ok(maskDescs.length > 0);
        assert.equal(maskDescs.some((d) => d.includes("keeps this OS family's default TLS 1.0/1.1 bits")), !state.disableLegacy && !state.allowLegacy);
      });

      for (const f of OS_FAMILIES) {
        it(`${f.id}: every machine of the family selects exactly its values, and becomes Ready with them`, () => {
          const { items } = render(state);
          const expected = familyValues(f, state);
          const whole = state.components.length === STATES[0]!.state.components.length;
          for (const build of f.builds) {
            for (const server of editions(f)) {
              // Windows 11 24H2 and Server 2025 share 26100; Server 2022 ships only as a server.
              if (f.server === null && build === 26100) continue;
              const plain = familyMachine(build, server, f.x64);
              const broken = familyMachine(build, server, f.x64, {
                'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp': { DefaultSecureProtocols: 0xa0 },
                'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client': { Enabled: 0 },
                'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': { SecureProtocols: 0xa0 },
              });
              // Also with the ProductType every real machine has (InstallationType decides from build 7600 on).
              const typed = familyMachine(build, server, f.x64, {}, server ? 'ServerNT' : 'WinNT');
              for (const m of [plain, broken, typed]) {
                const mine = selected(items, m);
                assert.deepEqual(ids(mine), ids(expected), `${f.id} build ${build} ${server ? 'server' : 'client'}: selected ${mine.length} items`);
                assert.ok(mine.every((it) => it.collection === `TLS365 - ${f.label}`), 'nothing of another family');
                if (!f.x64) assert.ok(mine.every((it) => !/\\Wow6432Node(\\|$)/i.test(it.key)), 'nothing under Wow6432Node on 32-bit Windows');
              }
              // As families.test.ts: a state limited to some components leaves the others; on 7601 and 2008 SP2
              // WinHTTP and .NET need Schannel's TLS 1.2, which such a state does not touch.
              const ready = whole ? [plain, broken] : f.builds.some((b) => b < 9200) ? [] : [plain];
              for (const m of ready) {
                const after = applied(m, selected(items, m));
                const inScope = notReady(after).filter((c) => state.components.includes(c.split('=')[0] as never));
                assert.deepEqual(inScope, [], `${f.id} build ${build} ${server ? 'server' : 'client'} ${label}: ${fails(after)}`);
              }
            }
          }
        });
      }

      it('every acceptance image and sample gets exactly its family\'s items (none when it has no family)', () => {
        const { items } = render(state);
        let checked = 0;
        for (const c of imageCases()) {
          const m = machineFacts(c.snapshot);
          if (m.os === null || m.x64 === null) continue;
          const f = familyOf(m.os.build, m.os.isServer, m.x64);
          const mine = selected(items, c.snapshot);
          assert.deepEqual(ids(mine), ids(f === null ? [] : familyValues(f, state)), `${c.name} (${f?.id ?? 'no family'})`);
          checked += 1;
        }
        assert.ok(checked >= 30, `checked ${checked} images`);
      });
    });
  }

  it('every acceptance image and sample whose gaps are registry-only becomes Ready with the items that target it (default state)', () => {
    const { items } = render(STATES[0]!.state);
    const { images, skipped } = fixedValueImages();
    for (const c of images) {
      const mine = selected(items, c.snapshot);
      assert.ok(mine.length > 0, c.name);
      const after = applied(c.snapshot, mine);
      assert.deepEqual(notReady(after), [], `${c.name}: ${fails(after)}`);
    }
    assert.ok(images.length >= 15, `checked ${images.length} images`);
    assert.deepEqual(skipped, CIPHER_LIST_IMAGES, 'only the cipher-list images are left to the script channels and Set-Tls365Protocols');
  });

  it('a machine of no family gets no item: Windows 7 RTM (7600), an unknown build (26200), Vista SP2, 32-bit Windows 11', () => {
    for (const { state } of STATES) {
      const { items } = render(state);
      const none: [string, MachineSnapshot][] = [
        ['7600 client x64', familyMachine(7600, false, true)],
        ['7600 server x64', familyMachine(7600, true, true)],
        ['7600 client x86', familyMachine(7600, false, false)],
        ['26200 client x64', familyMachine(26200, false, true)],
        ['26200 server x64', familyMachine(26200, true, true)],
        // Vista SP2 shares 6002 with Server 2008 SP2 and has no InstallationType: ProductType WinNT tells it apart.
        ['Vista SP2 x64', familyMachine(6002, false, true, {}, 'WinNT')],
        ['Vista SP2 x86', familyMachine(6002, false, false, {}, 'WinNT')],
        ['Windows 11 23H2 x86', familyMachine(22631, false, false)],
        ['Server 2022 x86', familyMachine(20348, true, false)],
        ['no build at all', machine({ build: 17763, omit: ['os'], values: { [ENV]: { PROCESSOR_ARCHITECTURE: 'AMD64' } } })],
      ];
      for (const [name, m] of none) assert.deepEqual(selected(items, m).map((it) => `${it.key} ${it.name}`), [], name);
    }
  });

  it('a 64-bit family never reaches a 32-bit machine of the same build, nor the reverse', () => {
    const { items } = render(STATES[1]!.state);
    const byFamily = (f: OsFamily): FamilyValue[] => familyValues(f, STATES[1]!.state);
    for (const f of OS_FAMILIES) {
      const build = f.builds[0]!;
      const server = f.server ?? true;
      const other = familyOf(build, server, !f.x64);
      const m = familyMachine(build, server, !f.x64);
      assert.deepEqual(ids(selected(items, m)), ids(other === null ? [] : byFamily(other)), `${f.id} on a ${f.x64 ? '32' : '64'}-bit machine`);
    }
  });
});
