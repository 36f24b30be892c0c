import { strict as assert } from 'node:assert';
import { getKey, getValue, isKeyDeleted, parseRegText, subkeys, type RegImage } from '../../../core/regfile/index.js';
import { crlf, SCHANNEL_KEY, SCHANNEL_LINES } from './samples';

const V5 = 'Windows Registry Editor Version 5.00';

function parse(...lines: string[]): RegImage {
  const r = parseRegText(crlf(V5, '', ...lines, ''), 'i.reg');
  assert.ok(r.ok, JSON.stringify(r));
  return r.image;
}

describe('regfile: the registry image', () => {
  it('merges repeated [key] sections case-insensitively, keeping the first spelling and position', () => {
    const img = parse('[HKLM\\SOFTWARE\\Policies\\App]', '"a"="1"', '[HKLM\\SOFTWARE\\Other]', '[hkey_local_machine\\software\\POLICIES\\app]', '"b"="2"');
    assert.deepEqual(img.keys, [
      {
        path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\App',
        values: [
          { name: 'a', value: { type: 'REG_SZ', data: '1' } },
          { name: 'b', value: { type: 'REG_SZ', data: '2' } },
        ],
        deletedValues: [],
      },
      { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Other', values: [], deletedValues: [] },
    ]);
  });

  it('lets the last write of a value win, keeping the first spelling of its name', () => {
    const img = parse('[HKLM\\A]', '"Enabled"=dword:00000000', '"x"="1"', '"ENABLED"=dword:00000001', '[HKLM\\a]', '"enabled"="now a string"');
    assert.deepEqual(getKey(img, 'HKLM\\A')?.values, [
      { name: 'Enabled', value: { type: 'REG_SZ', data: 'now a string' } },
      { name: 'x', value: { type: 'REG_SZ', data: '1' } },
    ]);
  });

  it('records "name"=- as a deleted value; a later write takes it back (a name is never in both lists)', () => {
    const img = parse('[HKLM\\A]', '"a"="1"', '"b"="2"', '"a"=-', '@=-', '"b"=-', '"B"="3"', '"c"=-', '"C"=-');
    assert.deepEqual(getKey(img, 'HKLM\\A'), {
      path: 'HKEY_LOCAL_MACHINE\\A',
      values: [{ name: 'B', value: { type: 'REG_SZ', data: '3' } }],
      deletedValues: ['a', '', 'c'],
    });
  });

  it('[-key] removes the key and its subkeys set earlier in the file and lists the deletion once', () => {
    const img = parse(
      '[HKLM\\SOFTWARE\\Vendor\\App]',
      '"x"="1"',
      '[HKLM\\SOFTWARE\\Vendor\\App\\Sub]',
      '[HKLM\\SOFTWARE\\Vendor\\Apple]',
      '[HKLM\\SOFTWARE\\Vendor\\Keep]',
      '[-HKLM\\SOFTWARE\\Vendor\\app]',
      '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\VENDOR\\APP]',
    );
    assert.deepEqual(img.keys.map((k) => k.path), ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Apple', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Keep']);
    assert.deepEqual(img.deletedKeys, ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\app']);
    assert.ok(isKeyDeleted(img, 'HKLM\\SOFTWARE\\Vendor\\App\\Sub\\Deeper'));
    assert.ok(!isKeyDeleted(img, 'HKLM\\SOFTWARE\\Vendor\\Apple'));
  });

  it('[-key] then [key] means "delete, then create afresh" (both are kept)', () => {
    const img = parse(`[-${SCHANNEL_KEY}\\TLS 1.0]`, `[${SCHANNEL_KEY}\\TLS 1.0\\Server]`, '"Enabled"=dword:00000000');
    assert.deepEqual(img.deletedKeys, [`${SCHANNEL_KEY}\\TLS 1.0`]);
    assert.deepEqual(getValue(img, `${SCHANNEL_KEY}\\TLS 1.0\\Server`, 'Enabled'), { type: 'REG_DWORD', data: 0 });
  });

  it('looks keys and values up case-insensitively, with hive abbreviations, keeping the spelling', () => {
    const img = parse(...SCHANNEL_LINES.slice(2));
    const key = getKey(img, 'hklm\\system\\currentcontrolset\\control\\securityproviders\\schannel\\protocols\\tls 1.2\\CLIENT');
    assert.equal(key?.path, `${SCHANNEL_KEY}\\TLS 1.2\\Client`);
    assert.deepEqual(getValue(img, `${SCHANNEL_KEY.replace('HKEY_LOCAL_MACHINE', 'HKLM')}\\TLS 1.2\\Client`, 'enabled'), { type: 'REG_DWORD', data: 0xffffffff });
    assert.deepEqual(getValue(img, `${SCHANNEL_KEY}\\TLS 1.2\\Client`, 'DISABLEDBYDEFAULT'), { type: 'REG_DWORD', data: 0 });
    assert.equal(getValue(img, `${SCHANNEL_KEY}\\TLS 1.2\\Client`, 'Missing'), undefined);
    assert.equal(getValue(img, `${SCHANNEL_KEY}\\TLS 1.3\\Client`, 'Enabled'), undefined);
    assert.equal(getKey(img, 'NOHIVE\\X'), undefined);
    assert.deepEqual(subkeys(img, 'NOHIVE\\X'), []);
  });

  it('folds case per UTF-16 unit like Windows (ß is not SS), beyond ASCII too', () => {
    const img = parse('[HKCU\\Software\\Straße]', '"Größe"="1"', '[HKCU\\Software\\STRASSE]');
    assert.equal(img.keys.length, 2);
    assert.deepEqual(getValue(img, 'HKCU\\SOFTWARE\\STRAßE', 'GRÖßE'), { type: 'REG_SZ', data: '1' });
  });

  it('subkeys lists direct children, including keys only implied by deeper paths, once each', () => {
    const img = parse('[HKLM\\SOFTWARE\\A\\B\\C]', '[HKLM\\SOFTWARE\\A\\b]', '[HKLM\\SOFTWARE\\A\\D]', '[HKLM\\SOFTWARE\\AB]', '[HKCU\\SOFTWARE\\A\\E]');
    assert.deepEqual(subkeys(img, 'HKLM\\SOFTWARE\\A'), ['B', 'D']);
    assert.deepEqual(subkeys(img, 'HKLM\\SOFTWARE'), ['A', 'AB']);
    assert.deepEqual(subkeys(img, 'HKEY_LOCAL_MACHINE'), ['SOFTWARE']);
    assert.deepEqual(subkeys(img, 'HKLM\\SOFTWARE\\A\\D'), []);
  });

  it('is plain JSON data: it survives JSON.stringify/parse unchanged', () => {
    const img = parse('[HKLM\\A]', '"q"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff', '"m"=hex(7):61,00,00,00,00,00', '"o"=hex(9):01', '"d"=-', '[-HKLM\\B]');
    assert.deepEqual(JSON.parse(JSON.stringify(img)), img);
  });
});
