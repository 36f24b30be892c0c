import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeUtf16le, getKey, getValue, isKeyDeleted, parseRegFile, renderRegFile, subkeys } from '../../../core/regfile/index.js';
import { CBS_PACKAGE, CURRENT_VERSION, NDP_FULL } from './samples';

const read = (name: string): Uint8Array => readFileSync(join(__dirname, 'fixtures', name));
const SCH = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';

describe('regfile: fixture files (UTF-16LE with BOM, as regedit writes them)', () => {
  it('export-2012r2.reg: a regedit export of servicing, .NET and version keys', () => {
    const bytes = read('export-2012r2.reg');
    assert.deepEqual(Array.from(bytes.subarray(0, 2)), [0xff, 0xfe]);
    const r = parseRegFile(bytes, 'export-2012r2.reg');
    assert.equal(r.encoding, 'utf-16le');
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(getValue(r.image, CBS_PACKAGE, 'CurrentState'), { type: 'REG_DWORD', data: 0x70 });
    assert.deepEqual(getValue(r.image, NDP_FULL, 'Release'), { type: 'REG_DWORD', data: 0x80ff4 });
    assert.deepEqual(getValue(r.image, CURRENT_VERSION, 'CurrentBuildNumber'), { type: 'REG_SZ', data: '9600' });
    assert.deepEqual(getValue(r.image, CURRENT_VERSION, 'UBR'), { type: 'REG_DWORD', data: 0x5115 });
    assert.deepEqual(getValue(r.image, CURRENT_VERSION, 'ProductName'), { type: 'REG_SZ', data: 'Windows Server 2012 R2 Standard' });
    // Writing the image back gives the same bytes: same order, escapes and hex wrapping as regedit.
    const text = renderRegFile(r.image);
    assert.ok(text.ok);
    assert.deepEqual(Buffer.from(encodeUtf16le(text.text)), Buffer.from(bytes));
  });

  it('enable-tls12.reg: a hand-written remediation file with comments, deletions and a REG_MULTI_SZ', () => {
    const r = parseRegFile(read('enable-tls12.reg'), 'enable-tls12.reg');
    assert.equal(r.encoding, 'utf-16le');
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.warnings, []);
    const img = r.image;
    assert.deepEqual(img.deletedKeys, [`${SCH}\\SSL 3.0`]);
    assert.ok(isKeyDeleted(img, `${SCH}\\ssl 3.0\\Client`));
    assert.deepEqual(subkeys(img, `${SCH}\\TLS 1.2`), ['Client', 'Server']);
    assert.deepEqual(getValue(img, `HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319`, 'schusestrongcrypto'), { type: 'REG_DWORD', data: 1 });
    assert.deepEqual(getValue(img, 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp', 'DefaultSecureProtocols'), { type: 'REG_DWORD', data: 0xa00 });
    assert.deepEqual(getValue(img, 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\Default\\00010002', 'Functions'), {
      type: 'REG_MULTI_SZ',
      data: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
    });
    assert.deepEqual(getKey(img, 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'), {
      path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
      values: [],
      deletedValues: ['SecureProtocols'],
    });
    const text = renderRegFile(img);
    assert.ok(text.ok);
    const again = parseRegFile(encodeUtf16le(text.text), 'again.reg');
    assert.ok(again.ok);
    assert.deepEqual(again.image, img);
  });
});
