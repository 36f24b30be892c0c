import { strict as assert } from 'node:assert';
import { validatePlan } from '../../../core/plan/validate.js';
import { applyPlan, BACKUP_SCHEMA, PLAN_SCHEMA, undo, type Backup, type Plan, type PlanChange } from '../../../core/plan/index.js';
import { parseRegText, type RegImage } from '../../../core/regfile/index.js';
import { render } from './support';

/*
 * applyPlan / undo on small hand-written images: where values and key sections land, what the backup
 * records, and that undo gives back the very same image (renderRegFile byte-identical), including keys the
 * plan created, keys that existed only as parents, and `"name"=-` lines of a .reg patch image.
 */

const HK = 'HKEY_LOCAL_MACHINE\\SOFTWARE';

function image(text: string): RegImage {
  const r = parseRegText(`Windows Registry Editor Version 5.00\r\n\r\n${text}`, 't.reg');
  assert.ok(r.ok, JSON.stringify(r));
  return r.image;
}

function change(key: string, name: string, op: PlanChange['op'] = 'set-dword', d: number | string = 1): PlanChange {
  const base = { key, name, before: null, createsKey: false, owner: 'WinHttp' as const, components: ['WinHttp' as const], fixes: [], restart: 'reboot' as const, reason: 'test' };
  if (op === 'delete-value') return { ...base, op };
  if (op === 'set-string') return { ...base, op, data: String(d) };
  return { ...base, op, data: Number(d) };
}

function planOf(...changes: PlanChange[]): Plan {
  return {
    schema: PLAN_SCHEMA, computerName: 't', target: { build: 17763, x64: true },
    settings: { protocols: ['Tls12'], disableLegacy: false, allowLegacy: false, components: ['WinHttp'], roles: [] },
    changes, updates: [], restart: 'reboot', warnings: [], unresolved: [], components: [],
  };
}

function roundTrip(img: RegImage, plan: Plan): { image: RegImage; backup: Backup } {
  const a = applyPlan(img, plan);
  assert.ok(a.ok, JSON.stringify(a));
  const u = undo(a.value.image, a.value.backup);
  assert.ok(u.ok);
  assert.equal(render(u.value), render(img));
  return a.value;
}

const BASE = image(`[${HK}\\A]\r\n"x"=dword:00000005\r\n"y"="text"\r\n\r\n[${HK}\\B\\C]\r\n"z"=dword:00000001\r\n\r\n`);

describe('plan: applyPlan and undo', () => {
  it('replaces an existing value where it stands and records its prior type and data', () => {
    const { image: after, backup } = roundTrip(BASE, planOf(change(`${HK}\\A`, 'y', 'set-dword', 7)));
    assert.deepEqual(after.keys[0]?.values.map((v) => v.name), ['x', 'y']);
    assert.deepEqual(after.keys[0]?.values[1]?.value, { type: 'REG_DWORD', data: 7 });
    assert.deepEqual(backup.entries, [{ key: `${HK}\\A`, name: 'y', before: { type: 'REG_SZ', data: 'text' }, index: 1, deletedIndex: null }]);
    assert.deepEqual(backup.createdKeys, []);
  });

  it('appends a new value; undo deletes it again', () => {
    const { image: after, backup } = roundTrip(BASE, planOf(change(`${HK}\\a`, 'New', 'set-string', 'v')));
    assert.deepEqual(after.keys[0]?.values.map((v) => v.name), ['x', 'y', 'New']);
    assert.equal(backup.entries[0]?.before, null);
  });

  it('creates a missing key (and records every missing parent, parents first); undo removes the section again', () => {
    const { image: after, backup } = roundTrip(BASE, planOf(change(`${HK}\\New\\Deep\\Key`, 'v')));
    assert.equal(after.keys.length, 3);
    assert.deepEqual(backup.createdKeys, [`${HK}\\New`, `${HK}\\New\\Deep`, `${HK}\\New\\Deep\\Key`]);
    assert.deepEqual(backup.addedSections, [`${HK}\\New\\Deep\\Key`]);
  });

  it('a key that exists only as the parent of a listed key is not "created", but its added section goes again', () => {
    const { backup } = roundTrip(BASE, planOf(change(`${HK}\\B`, 'v')));
    assert.deepEqual(backup.createdKeys, []);
    assert.deepEqual(backup.addedSections, [`${HK}\\B`]);
  });

  it('delete-value removes a value; undo puts it back in its place with its type', () => {
    const { image: after, backup } = roundTrip(BASE, planOf(change(`${HK}\\A`, 'X', 'delete-value')));
    assert.deepEqual(after.keys[0]?.values.map((v) => v.name), ['y']);
    assert.deepEqual(backup.entries[0]?.before, { type: 'REG_DWORD', data: 5 });
    const absent = roundTrip(BASE, planOf(change(`${HK}\\Nowhere`, 'X', 'delete-value')));
    assert.deepEqual(absent.image.keys.length, BASE.keys.length, 'deleting from a missing key creates nothing');
  });

  it('a patch image\'s "name"=- line is taken over by a write and comes back, in place, on undo', () => {
    const patch = image(`[${HK}\\P]\r\n"a"=-\r\n"b"=-\r\n"c"=-\r\n\r\n`);
    const { image: after, backup } = roundTrip(patch, planOf(change(`${HK}\\P`, 'B', 'set-dword', 3)));
    assert.deepEqual(after.keys[0]?.deletedValues, ['a', 'c']);
    assert.equal(backup.entries[0]?.deletedIndex, 1);
  });

  it('several changes at once, undone last first; names compare case-insensitively', () => {
    roundTrip(BASE, planOf(change(`${HK}\\A`, 'X', 'set-dword', 9), change(`${HK}\\a`, 'Y', 'delete-value'), change(`${HK}\\B\\C\\D`, 'n'), change(`${HK}\\B\\c`, 'Z', 'set-string', 's')));
  });

  it('undo leaves values that others wrote later, and keeps a created key that is no longer empty', () => {
    const a = applyPlan(BASE, planOf(change(`${HK}\\New`, 'v')));
    assert.ok(a.ok);
    const later: RegImage = { ...a.value.image, keys: a.value.image.keys.map((k) => (k.path.endsWith('\\New') ? { ...k, values: [...k.values, { name: 'other', value: { type: 'REG_DWORD', data: 2 } }] } : k)) };
    const u = undo(later, a.value.backup);
    assert.ok(u.ok);
    assert.deepEqual(u.value.keys.find((k) => k.path.endsWith('\\New'))?.values.map((v) => v.name), ['other']);
  });

  it('refuses a plan it cannot apply safely, as data: bad hive, NUL or line break, conflicting writes, bad DWORD, unknown op', () => {
    const bad = (...cs: PlanChange[]): string[] => {
      const r = applyPlan(BASE, planOf(...cs));
      assert.equal(r.ok, false);
      return r.ok ? [] : r.error.map((e) => `${e.code} ${e.path}`);
    };
    assert.deepEqual(bad(change('HKEY_CLASSES_ROOT\\x', 'a')), ['BadKey changes[0].key']);
    assert.deepEqual(bad(change('HKEY_LOCAL_MACHINE', 'a')), ['BadKey changes[0].key']);
    assert.deepEqual(bad(change(`${HK}\\a\0b`, 'a')), ['UnsafeText changes[0].key']);
    assert.deepEqual(bad(change(`${HK}\\a`, 'a\nb')), ['UnsafeText changes[0].name']);
    assert.deepEqual(bad(change(`${HK}\\a`, 'a\u2028b')), ['UnsafeText changes[0].name']);
    assert.deepEqual(bad(change(`${HK}\\a`, 'v', 'set-string', 'x\ry')), ['UnsafeText changes[0].data']);
    assert.deepEqual(bad(change(`${HK}\\a`, 'v'), change(`${HK}\\A`, 'V', 'delete-value')), ['Conflict changes[1]']);
    assert.deepEqual(bad(change(`${HK}\\a`, 'v', 'set-dword', 2 ** 32)), ['BadData changes[0].data']);
    assert.deepEqual(bad({ ...change(`${HK}\\a`, 'v'), op: 'set-qword' } as unknown as PlanChange), ['BadOp changes[0].op']);
  });

  it('refuses a malformed backup as data', () => {
    const r = undo(BASE, { schema: BACKUP_SCHEMA, entries: [{ key: 'HKCR\\x', name: 'a', before: null, index: null, deletedIndex: null }], createdKeys: [], addedSections: [] });
    assert.equal(r.ok, false);
    const s = undo(BASE, { schema: 'nope' } as unknown as Backup);
    assert.equal(s.ok, false);
  });
});

describe('a plan from outside cannot enable SSL', () => {
  it('applyPlan refuses SSL Enabled=1, SSL DisabledByDefault=0 and SSL bits in protocol masks, whoever built the plan [SEED: KB3009008]', () => {
    const base = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
    const wh = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
    const bad = [
      { op: 'set-dword', key: `${base}\\SSL 3.0\\Server`, name: 'Enabled', data: 1 },
      { op: 'set-dword', key: `${base}\\SSL 2.0\\Client`, name: 'enabled', data: 0xffffffff },
      { op: 'set-dword', key: `${base}\\SSL 3.0\\Client`, name: 'DisabledByDefault', data: 0 },
      { op: 'set-dword', key: wh, name: 'DefaultSecureProtocols', data: 0xaa0 },
    ];
    for (const change of bad) {
      const errors = validatePlan({ changes: [change], updates: [], restart: 'none' } as never);
      assert.deepEqual(errors.map((e) => e.code), ['EnablesSsl'], JSON.stringify(change));
    }
    const good = [
      { op: 'set-dword', key: `${base}\\SSL 3.0\\Server`, name: 'Enabled', data: 0 },
      { op: 'set-dword', key: `${base}\\SSL 3.0\\Server`, name: 'DisabledByDefault', data: 1 },
      { op: 'set-dword', key: wh, name: 'DefaultSecureProtocols', data: 0xa80 },
    ];
    assert.deepEqual(validatePlan({ changes: good, updates: [], restart: 'none' } as never), []);
  });
});
