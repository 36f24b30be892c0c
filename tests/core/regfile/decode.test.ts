import { strict as assert } from 'node:assert';
import { decodeRegBytes, decodeWindows1252, encodeUtf16le, getValue, parseRegFile } from '../../../core/regfile/index.js';
import { crlf, SCHANNEL_KEY, SCHANNEL_LINES, utf16leWithBom } from './samples';

const CLIENT = `${SCHANNEL_KEY}\\TLS 1.2\\Client`;

describe('regfile: decoding bytes', () => {
  it('reads a regedit v5 export: UTF-16LE with BOM FF FE, CRLF', () => {
    const bytes = utf16leWithBom(crlf(...SCHANNEL_LINES));
    const r = parseRegFile(bytes, 'schannel.reg');
    assert.equal(r.encoding, 'utf-16le');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.image.format, 'v5');
    assert.deepEqual(getValue(r.image, CLIENT, 'Enabled'), { type: 'REG_DWORD', data: 0xffffffff });
  });

  it('keeps non-ASCII text in UTF-16LE (names and strings beyond Latin-1, a surrogate pair)', () => {
    const text = crlf('Windows Registry Editor Version 5.00', '', '[HKCU\\Software\\Ünïcode ключ]', '"名前"="値 😀 €"', '');
    const r = parseRegFile(utf16leWithBom(text), 'u.reg');
    assert.ok(r.ok);
    assert.deepEqual(getValue(r.image, 'HKEY_CURRENT_USER\\Software\\ÜNÏCODE КЛЮЧ', '名前'), { type: 'REG_SZ', data: '値 😀 €' });
  });

  it('reads UTF-16BE with BOM FE FF', () => {
    const le = Buffer.from(crlf('Windows Registry Editor Version 5.00', '[HKLM\\A]', '"x"="é"', ''), 'utf16le');
    const be = Buffer.from(le).swap16();
    const r = parseRegFile(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.reg');
    assert.equal(r.encoding, 'utf-16be');
    assert.ok(r.ok);
    assert.deepEqual(getValue(r.image, 'HKLM\\A', 'x'), { type: 'REG_SZ', data: 'é' });
  });

  it('detects UTF-16LE without a BOM from the zero bytes of the first line', () => {
    const r = parseRegFile(Buffer.from(crlf(...SCHANNEL_LINES), 'utf16le'), 'nobom.reg');
    assert.equal(r.encoding, 'utf-16le');
    assert.ok(r.ok);
    assert.equal(r.image.keys.length, 6);
  });

  it('reads UTF-8 with BOM EF BB BF and UTF-8 without BOM', () => {
    const text = crlf('Windows Registry Editor Version 5.00', '', '[HKLM\\SOFTWARE\\Café]', '"Owner"="Zoë € ✓"', '');
    for (const bytes of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), Buffer.from(text, 'utf8')]) {
      const r = parseRegFile(bytes, 'u8.reg');
      assert.equal(r.encoding, 'utf-8');
      assert.ok(r.ok);
      assert.deepEqual(r.warnings, []);
      assert.deepEqual(getValue(r.image, 'HKLM\\SOFTWARE\\café', 'owner'), { type: 'REG_SZ', data: 'Zoë € ✓' });
    }
  });

  it('reads a REGEDIT4 ANSI export as Windows-1252: 0x80 is €, 0x99 ™, 0xE9 é', () => {
    const ascii = crlf('REGEDIT4', '', '[HKEY_CURRENT_USER\\Software\\Shop]', '"Price"="5 @"', '"Brand"="Acme@ caf@"', '');
    const bytes = Buffer.from(ascii, 'latin1');
    // Put the non-ASCII bytes in place of the @ markers: 0x80 (euro), 0x99 (trade mark), 0xE9 (e acute).
    const marks = [0x80, 0x99, 0xe9];
    let m = 0;
    for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === 0x40) bytes[i] = marks[m++] ?? 0;
    const r = parseRegFile(bytes, 'shop.reg');
    assert.equal(r.encoding, 'windows-1252');
    assert.ok(r.ok);
    assert.equal(r.image.format, 'regedit4');
    assert.deepEqual(getValue(r.image, 'HKCU\\Software\\Shop', 'Price'), { type: 'REG_SZ', data: '5 €' });
    assert.deepEqual(getValue(r.image, 'HKCU\\Software\\Shop', 'Brand'), { type: 'REG_SZ', data: 'Acme™ café' });
  });

  it('maps the whole 0x80-0x9F range of Windows-1252 by hand (undefined bytes to the C1 control)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    assert.equal(
      decodeWindows1252(bytes),
      '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
        '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178',
    );
    assert.equal(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xff])), 'A\u00a0\u00ff');
  });

  it('decodes large inputs (more than one 8192-unit chunk)', () => {
    const text = 'x'.repeat(20000) + 'é';
    assert.equal(decodeRegBytes(encodeUtf16le(text)).text, text);
    assert.equal(decodeRegBytes(Buffer.from(text, 'utf8')).text, text);
  });

  it('warns, naming the line, when a UTF-8 BOM file has bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Windows Registry Editor Version 5.00\r\n\r\n[HKLM\\A]\r\n"x"="a', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('b"\r\n', 'utf8'),
    ]);
    const r = parseRegFile(bytes, 'bad8.reg');
    assert.ok(r.ok);
    assert.deepEqual(r.warnings, [
      { code: 'BadEncoding', file: 'bad8.reg', line: 4, message: 'byte 0xFF at offset 59 is not UTF-8, though the file starts with a UTF-8 byte order mark; it was read as U+FFFD, the replacement character' },
    ]);
    assert.deepEqual(getValue(r.image, 'HKLM\\A', 'x'), { type: 'REG_SZ', data: 'a\ufffdb' });
  });

  it('rejects overlong and surrogate UTF-8 (falls back to Windows-1252 without a BOM)', () => {
    const head = Buffer.from('REGEDIT4\r\n[HKLM\\A]\r\n"x"="', 'latin1');
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const r = parseRegFile(Buffer.concat([head, Buffer.from(bad), Buffer.from('"\r\n', 'latin1')]), 'x.reg');
      assert.equal(r.encoding, 'windows-1252', JSON.stringify(bad));
    }
    const good = parseRegFile(Buffer.concat([head, Buffer.from('€𝄞', 'utf8'), Buffer.from('"\r\n', 'latin1')]), 'x.reg');
    assert.equal(good.encoding, 'utf-8');
    assert.ok(good.ok);
    assert.deepEqual(getValue(good.image, 'HKLM\\A', 'x'), { type: 'REG_SZ', data: '€𝄞' });
  });

  it('warns about an odd trailing byte in UTF-16 and still reports the stray character', () => {
    const bytes = Buffer.concat([utf16leWithBom('Windows Registry Editor Version 5.00\r\n[HKLM\\A]\r\n'), Buffer.from([0x41])]);
    const r = parseRegFile(bytes, 'odd.reg');
    assert.equal(r.ok, false);
    assert.equal(r.warnings[0]?.code, 'BadEncoding');
    assert.equal(r.warnings[0]?.line, 3);
    assert.ok(!r.ok && r.errors[0]?.line === 3, JSON.stringify(r));
  });

  it('counts the bad bytes and names the first (issue 13, item 6)', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('REGEDIT4\r\n;', 'latin1'), Buffer.from([0xc3, 0x28, 0xff, 0x80])]);
    const r = parseRegFile(bytes, 'x.reg');
    assert.deepEqual(r.warnings.map((w) => [w.line, w.message]), [
      [2, 'byte 0xC3 at offset 14 is not UTF-8, though the file starts with a UTF-8 byte order mark; it and 2 more such bytes were read as U+FFFD, the replacement character'],
    ]);
  });

  it('names the odd trailing byte of UTF-16, and says so in the error of the line it spoils (issue 13, item 6)', () => {
    const bytes = Buffer.concat([utf16leWithBom('Windows Registry Editor Version 5.00\r\n[HKLM\\A]\r\n'), Buffer.from([0x0a])]);
    const r = parseRegFile(bytes, 'odd.reg');
    assert.ok(!r.ok);
    assert.equal(r.warnings[0]?.message, 'the file has an odd number of bytes after its UTF-16LE byte order mark: its last byte, 0x0A at offset 98, is half a character and was read as U+FFFD, the replacement character');
    assert.match(r.errors[0]?.message ?? '', /^unrecognised line "\ufffd".*; the file has an odd number of bytes after its UTF-16LE byte order mark/);
  });

  it('encodeUtf16le writes BOM FF FE then little-endian code units', () => {
    assert.deepEqual(Array.from(encodeUtf16le('A€')), [0xff, 0xfe, 0x41, 0x00, 0xac, 0x20]);
    assert.deepEqual(Buffer.from(encodeUtf16le('x\r\n')).subarray(2).toString('utf16le'), 'x\r\n');
  });
});
