import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyClientShape } from '../../bridge/logs-shape.js';
import { toPowerShellShape } from '../../bridge/readiness-shape.js';
import { evaluateSnapshot, snapshotFromReg } from '../../core/index.js';
import type { ClientRecord } from '../../core/logs/aggregate.js';
import { PUBLIC_OBJECTS, publicObject, renderPublicObjectsPsd1, renderTypesPs1xml, type PublicProperty } from '../../core/public-objects.js';

const root = join(__dirname, '..', '..');

/** The property list of a fixed shape; fails for a type that is not one. */
function propertiesOf(typeName: string): readonly PublicProperty[] {
  const o = publicObject(typeName);
  assert.ok(o !== undefined, `${typeName} is not in core/public-objects.ts`);
  assert.ok(o.builtBy !== 'derived', `${typeName} has no fixed shape`);
  return o.properties;
}

/**
 * An object the bridge sends holds exactly the catalogue's properties, in its order, with values of its types;
 * nested public objects are followed. Returns the number of objects checked.
 */
function conforms(value: unknown, typeName: string, where: string): number {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${where}: not an object`);
  const props = propertiesOf(typeName);
  assert.deepEqual(Object.keys(value), props.map((p) => p.name), `${where}: ${typeName} properties`);
  let count = 1;
  for (const p of props) {
    const v: unknown = (value as Record<string, unknown>)[p.name];
    const at = `${where}.${p.name}`;
    if (v === null) { assert.ok(p.nullable === true, `${at}: null, but ${typeName}.${p.name} is not nullable`); continue; }
    if (p.type.startsWith('TLS365.')) {
      if (p.type.endsWith('[]')) {
        assert.ok(Array.isArray(v), `${at}: not an array`);
        v.forEach((x, i) => { count += conforms(x, p.type.slice(0, -2), `${at}[${i}]`); });
      } else count += conforms(v, p.type, at);
      continue;
    }
    switch (p.type) {
      case 'String': assert.equal(typeof v, 'string', at); break;
      case 'Boolean': assert.equal(typeof v, 'boolean', at); break;
      case 'Integer': case 'Int32': case 'Int64': assert.ok(Number.isInteger(v), `${at}: ${String(v)} is not a whole number`); break;
      case 'String[]': assert.ok(Array.isArray(v) && v.every((x) => typeof x === 'string'), `${at}: not a string array`); break;
      // ISO 8601 text on the wire; the module makes it a DateTime.
      case 'DateTime': assert.ok(typeof v === 'string' && !Number.isNaN(Date.parse(v)), `${at}: ${String(v)} is not an ISO 8601 time`); break;
      case 'Object': break;
      default: assert.fail(`${at}: unknown type ${p.type}`);
    }
  }
  return count;
}

/** Public objects are defined in one language (issue 14, item 3): core/public-objects.ts. */
describe('core/public-objects.ts: every public object of the module, defined once', () => {
  it('module/TLS365.PublicObjects.psd1 is current (npm run build && node scripts/module-data.js rewrites it)', () => {
    const file = readFileSync(join(root, 'module', 'TLS365.PublicObjects.psd1'), 'utf8');
    assert.equal(file, renderPublicObjectsPsd1(), 'module/TLS365.PublicObjects.psd1 is stale: npm run build && node scripts/module-data.js');
  });

  it('module/TLS365.Types.ps1xml is current: every fixed object\'s properties on its type name (completion) and the ToString methods', () => {
    const file = readFileSync(join(root, 'module', 'TLS365.Types.ps1xml'), 'utf8');
    assert.equal(file, renderTypesPs1xml(), 'module/TLS365.Types.ps1xml is stale: npm run build && node scripts/module-data.js');
    for (const o of PUBLIC_OBJECTS) {
      if (o.builtBy === 'derived') { assert.ok(!file.includes(`<Name>${o.typeName}</Name>`), o.typeName); continue; }
      const at = file.indexOf(`<Name>${o.typeName}</Name>`);
      assert.ok(at > 0, o.typeName);
      const block = file.slice(at, file.indexOf('</Type>', at));
      assert.deepEqual([...block.matchAll(/<ScriptProperty><Name>([^<]+)<\/Name>/g)].map((m) => m[1]), o.properties.map((x) => x.name), o.typeName);
    }
  });

  it('names each type once, each property once per type, and only types of the list as nested objects', () => {
    const names = PUBLIC_OBJECTS.map((o) => o.typeName);
    assert.equal(new Set(names).size, names.length);
    for (const o of PUBLIC_OBJECTS) {
      if (o.builtBy === 'derived') continue;
      const props = o.properties.map((p) => p.name);
      assert.equal(new Set(props).size, props.length, o.typeName);
      for (const p of o.properties) {
        if (p.type.startsWith('TLS365.')) assert.ok(names.includes(p.type.replace(/\[\]$/, '')), `${o.typeName}.${p.name}: ${p.type}`);
      }
    }
  });

  it('the bridge sends every readiness result of the bundled and acceptance images in the TLS365.Readiness shape, nested objects too', () => {
    const files = [
      ...readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.reg') && !f.includes('broken')).map((f) => join(root, 'examples', f)),
      ...readdirSync(join(root, 'tests', 'fixtures', 'acceptance')).filter((f) => f.endsWith('.reg')).map((f) => join(root, 'tests', 'fixtures', 'acceptance', f)),
    ];
    assert.ok(files.length >= 30, `${files.length} images`);
    let objects = 0;
    let withFix = 0;
    for (const file of files) {
      const snap = snapshotFromReg(readFileSync(file), file);
      if (!snap.ok) continue;
      const shaped = toPowerShellShape(evaluateSnapshot(snap.value)) as { Findings: { Fix: unknown }[] };
      objects += conforms(shaped, 'TLS365.Readiness', file);
      withFix += shaped.Findings.filter((f) => f.Fix !== null).length;
    }
    assert.ok(withFix > 0 && objects > files.length * 5, `${objects} objects, ${withFix} findings with a fix`);
  });

  it('the bridge sends legacy clients in the TLS365.LegacyClient shape, with and without the optional values', () => {
    const full: ClientRecord = {
      clientIp: '10.0.0.5', protocol: 'Tls10', protocolLabel: 'TLS 1.0', legacy: true, count: 3,
      firstSeen: '2026-01-02T03:04:05.000Z', lastSeen: '2026-01-02T04:04:05.000Z', sources: ['u_ex260102.log'], sourcesTruncated: false,
      formats: ['IisW3C'], sites: ['W3SVC1'], userAgent: 'Microsoft+Office/16.0', username: 'contoso\\ann', sampleUri: '/owa/',
      forwardedFor: [{ address: '203.0.113.5', count: 2 }, { address: '2001:db8::5', count: 1 }], forwardedClients: 2, forwardedRequests: 3,
      forwardedTruncated: false, internalCount: 0, weakCiphers: [], rules: ['TLS365-DISC-001', 'TLS365-DISC-006'],
    };
    const bare = {
      ...full, firstSeen: undefined, lastSeen: undefined, userAgent: undefined, username: undefined, sampleUri: undefined,
      forwardedFor: [], forwardedClients: 0, forwardedRequests: 0,
    } as unknown as ClientRecord;
    conforms(legacyClientShape(full), 'TLS365.LegacyClient', 'full');
    conforms(legacyClientShape(bare), 'TLS365.LegacyClient', 'bare');
  });

  it('TLS365.LegacyClient ForwardedFor: the clients behind a load balancer as "address (requests)", at most 20, then "... and N more (requests)"', () => {
    const base = { clientIp: '10.0.0.5', forwardedClients: 0, forwardedRequests: 0, forwardedTruncated: false, forwardedFor: [] } as unknown as ClientRecord;
    const shape = (r: Partial<ClientRecord>): unknown => (legacyClientShape({ ...base, ...r }) as { ForwardedFor: unknown }).ForwardedFor;
    // A direct client: an empty list (never null: String[]).
    assert.deepEqual(shape({}), []);
    assert.deepEqual(shape({ forwardedFor: [{ address: '203.0.113.5', count: 12 }, { address: '2001:db8::5', count: 3 }], forwardedClients: 2, forwardedRequests: 15 }),
      ['203.0.113.5 (12)', '2001:db8::5 (3)']);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ address: `203.0.113.${i + 1}`, count: 30 - i }));
    const listed = twenty.reduce((n, f) => n + f.count, 0);
    const more = shape({ forwardedFor: twenty, forwardedClients: 57, forwardedRequests: listed + 120 }) as string[];
    assert.equal(more.length, 21);
    assert.deepEqual([more[0], more[19], more[20]], ['203.0.113.1 (30)', '203.0.113.20 (11)', '... and 37 more (120)']);
    // Past the 1000 clients counted one by one: at least one more than those counted.
    const past = shape({ forwardedFor: twenty, forwardedClients: 1000, forwardedRequests: listed + 4512, forwardedTruncated: true }) as string[];
    assert.equal(past[20], '... and at least 981 more (4512)');
  });
});
