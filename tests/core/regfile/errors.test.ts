import { strict as assert } from 'node:assert';
import { formatDiagnostic, parseRegFile, parseRegText, type RegDiagnosticCode } from '../../../core/regfile/index.js';
import { crlf, SCHANNEL_KEY, utf16leWithBom } from './samples';

const V5 = 'Windows Registry Editor Version 5.00';

/** The errors of a file as `code file:line: message`, asserting that parsing failed. */
function errorsOf(text: string, file = 'e.reg'): string[] {
  const r = parseRegText(text, file);
  assert.equal(r.ok, false, 'expected errors');
  return r.ok ? [] : r.errors.map((e) => `${e.code} ${formatDiagnostic(e)}`);
}

/** A v5 file with one key and the given lines under it (the first of them is line 4). */
const underKey = (...lines: string[]): string => crlf(V5, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\T]', ...lines, '');

describe('regfile: errors name the file and line', () => {
  describe('header', () => {
    it('rejects a file whose first non-empty line is not a regedit header, and stops there', () => {
      assert.deepEqual(errorsOf(crlf('Windows Registry Editor Version 4.00', '[HKLM\\A]', 'garbage'), 'EX01.reg'), [
        'BadHeader EX01.reg:1: expected the header "Windows Registry Editor Version 5.00" or "REGEDIT4", found "Windows Registry Editor Version 4.00"',
      ]);
      assert.deepEqual(errorsOf(crlf('[HKLM\\A]', '"x"="1"')), [
        'BadHeader e.reg:1: expected the header "Windows Registry Editor Version 5.00" or "REGEDIT4", found "[HKLM\\\\A]"',
      ]);
      assert.deepEqual(errorsOf('regedit4\r\n'), ['BadHeader e.reg:1: expected the header "Windows Registry Editor Version 5.00" or "REGEDIT4", found "regedit4"']);
    });

    it('names the line of the first non-empty line (a comment before the header is not allowed)', () => {
      assert.deepEqual(errorsOf(crlf('', '; exported', V5)), [
        'BadHeader e.reg:2: expected the header "Windows Registry Editor Version 5.00" or "REGEDIT4", found "; exported"',
      ]);
    });

    it('rejects an empty or blank file at line 1', () => {
      const msg = 'BadHeader e.reg:1: the file is empty; a .reg file starts with "Windows Registry Editor Version 5.00" or "REGEDIT4"';
      assert.deepEqual(errorsOf(''), [msg]);
      assert.deepEqual(errorsOf('\r\n  \r\n'), [msg]);
      const bytes = parseRegFile(new Uint8Array(0), 'zero.reg');
      assert.ok(!bytes.ok && bytes.errors[0]?.line === 1 && bytes.errors[0].file === 'zero.reg');
    });

    it('rejects a binary file (a hive file, not an export) with one error', () => {
      const r = parseRegFile(Uint8Array.from([0x72, 0x65, 0x67, 0x66, 0x01, 0x00, 0x00, 0x00, 0xff, 0x10]), 'SYSTEM');
      assert.equal(r.ok, false);
      assert.equal(r.ok ? 0 : r.errors.length, 1);
    });
  });

  describe('keys', () => {
    const cases: [string, RegDiagnosticCode, string][] = [
      ['[HKLM\\SOFTWARE\\T', 'BadKey', 'the key line "[HKLM\\\\SOFTWARE\\\\T" does not end with "]"'],
      ['[HKEY_LOCAL_MACHNE\\SOFTWARE]', 'BadKey', '"HKEY_LOCAL_MACHNE" is not a registry root key (expected HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS, HKEY_CURRENT_CONFIG or HKLM, HKCU, HKCR, HKU, HKCC)'],
      ['[SOFTWARE\\Microsoft]', 'BadKey', '"SOFTWARE" is not a registry root key (expected HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS, HKEY_CURRENT_CONFIG or HKLM, HKCU, HKCR, HKU, HKCC)'],
      ['[HKLM\\A\\\\B]', 'BadKey', 'the key path "HKLM\\A\\\\B" has an empty key name (two backslashes in a row)'],
      ['[HKLM\\A\\]', 'BadKey', 'the key path "HKLM\\A\\" ends with a backslash'],
      ['[-HKLM]', 'BadKey', '[-HKEY_LOCAL_MACHINE] would delete a root key, which regedit cannot do'],
      ['[]', 'BadKey', 'the key path is empty'],
    ];
    for (const [line, code, message] of cases) {
      it(`${line} -> ${message}`, () => {
        assert.deepEqual(errorsOf(crlf(V5, '', line, '')), [`${code} e.reg:3: ${message}`]);
      });
    }

    it('does not add "outside a key" errors for the values under a bad key line', () => {
      assert.deepEqual(errorsOf(crlf(V5, '[HKXX\\A]', '"x"="1"', '"y"=dword:00000001')).length, 1);
    });
  });

  describe('values', () => {
    const cases: [string, RegDiagnosticCode, string][] = [
      ['"Name"="abc', 'UnterminatedString', 'value "Name": the string data has no closing quote on this line (write \\" for a quote inside it)'],
      ['"Name"="ends with \\"', 'UnterminatedString', 'value "Name": the string data has no closing quote on this line (write \\" for a quote inside it)'],
      ['"Name=abc', 'UnterminatedString', 'the value name "\\"Name=abc" has no closing quote (write \\" for a quote inside a name)'],
      ['"Name"="abc" junk', 'BadValueLine', 'value "Name": unexpected text after the closing quote: "junk"'],
      ['"Name" "abc"', 'BadValueLine', 'expected "=" after the value name "Name", found "\\"abc\\""'],
      ['@x="1"', 'BadValueLine', 'expected "=" after the value name @, found "x=\\"1\\""'],
      ['Enabled=dword:00000001', 'BadValueLine', 'unrecognised line "Enabled=dword:00000001"; expected [key], [-key], "name"=data, @=data or a ; comment'],
      ['"Name"=', 'BadData', 'value "Name" has no data after "="'],
      ['"Name"=abc', 'BadData', 'value "Name": unrecognised data "abc"; expected "text", dword:, hex:, hex(N): or - (delete)'],
      ['@=qword:1', 'BadData', 'value @: unrecognised data "qword:1"; expected "text", dword:, hex:, hex(N): or - (delete)'],
      ['"Name"=-1', 'BadData', 'value "Name": unrecognised data "-1"; "-" alone deletes the value'],
      ['"Enabled"=dword:000000001', 'BadDword', 'dword value "Enabled" has 9 hex digits; a DWORD has at most 8'],
      ['"Enabled"=dword:', 'BadDword', 'dword value "Enabled" has no hex digits after "dword:"'],
      ['"Enabled"=dword:0x1', 'BadDword', 'dword value "Enabled": "0x1" is not hexadecimal (dword: takes 1 to 8 hex digits, such as dword:00000a80)'],
      ['"Enabled"=dword:-1', 'BadDword', 'dword value "Enabled": "-1" is not hexadecimal (dword: takes 1 to 8 hex digits, such as dword:00000a80)'],
      ['"Enabled"=dword:0000 0001', 'BadDword', 'dword value "Enabled": unexpected text after the digits: "0001"'],
      ['"Bin"=hex:00,0g,01', 'BadHex', 'value "Bin": "0g" is not a hex byte'],
      ['"Bin"=hex:00,001,01', 'BadHex', 'value "Bin": "001" is not a hex byte: a byte is one or two hex digits, with commas between bytes'],
      ['"Bin"=hex:0001', 'BadHex', 'value "Bin": "0001" is not a hex byte: a byte is one or two hex digits, with commas between bytes'],
      ['"Bin"=hex:00 01', 'BadHex', 'value "Bin": "00 01" is not a hex byte'],
      ['"Bin"=hex:00,,01', 'BadHex', 'value "Bin": there is an empty byte between two commas'],
      ['"Bin"=hex(zz):00', 'BadHex', 'value "Bin": "hex(zz)" is not a registry type: N in hex(N) is 1 to 8 hex digits, such as hex(7)'],
      ['"Bin"=hex(100000000):00', 'BadHex', 'value "Bin": "hex(100000000)" is not a registry type: N in hex(N) is 1 to 8 hex digits, such as hex(7)'],
    ];
    for (const [line, code, message] of cases) {
      it(`${line} -> ${code}`, () => {
        assert.deepEqual(errorsOf(underKey(line)), [`${code} e.reg:4: ${message}`]);
      });
    }

    it('reproduces the example: EX01.reg:41: dword value "Enabled" has 9 hex digits (UTF-16LE bytes)', () => {
      // Header, blank line, key line, then 37 good values on lines 4-40: the bad one is line 41.
      const filler = Array.from({ length: 37 }, (_, i) => `"Setting${i}"=dword:00000000`);
      const text = crlf(V5, '', `[${SCHANNEL_KEY}\\TLS 1.2\\Client]`, ...filler, '"Enabled"=dword:0ffffffff', '');
      const r = parseRegFile(utf16leWithBom(text), 'EX01.reg');
      assert.ok(!r.ok);
      assert.deepEqual(r.errors.map(formatDiagnostic), ['EX01.reg:41: dword value "Enabled" has 9 hex digits; a DWORD has at most 8']);
    });

    it('rejects a value line before any key, and after a [-key] deletion', () => {
      assert.deepEqual(errorsOf(crlf(V5, '', '"x"="1"', '[HKLM\\A]')), ['ValueOutsideKey e.reg:3: value "x" comes before any [key] line']);
      assert.deepEqual(errorsOf(crlf(V5, '[-HKLM\\A]', '@=-')), ['ValueOutsideKey e.reg:3: value @ follows a [-key] deletion; values belong under a [key] line']);
      assert.deepEqual(errorsOf(crlf(V5, '[HKLM\\A]', '"x"="1"', 'REGEDIT4', '"y"="2"')), ['ValueOutsideKey e.reg:5: value "y" comes before any [key] line']);
    });
  });

  describe('continuations', () => {
    it('rejects a continuation that runs into the end of the file', () => {
      assert.deepEqual(errorsOf(crlf(V5, '[HKLM\\A]', '"Bin"=hex:00,01,\\')), [
        'BadContinuation e.reg:3: value "Bin": the line ends with "\\" to continue the hex data, but the file ends here',
      ]);
    });

    it('rejects a continuation followed by a blank line', () => {
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,\\', '', '"y"="1"')), [
        'BadContinuation e.reg:5: value "Bin": the line before ends with "\\" to continue the hex data, but this line is blank',
      ]);
    });

    it('rejects a comment inside a continuation, and still reads the rest of the list', () => {
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,\\', '; a comment', '  02,03', '"y"="1"')), [
        'BadContinuation e.reg:5: value "Bin": a comment cannot appear inside hex data continued with "\\"',
      ]);
    });

    it('rejects a continuation followed by a value or key line', () => {
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,\\', '"y"="1"')), [
        'BadContinuation e.reg:4: value "Bin": the line ends with "\\" to continue the hex data, but the next line is not hex data: "\\"y\\"=\\"1\\""',
      ]);
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,\\', '[HKLM\\B]', '"y"="1"')), [
        'BadContinuation e.reg:4: value "Bin": the line ends with "\\" to continue the hex data, but the next line is not hex data: "[HKLM\\\\B]"',
      ]);
    });

    it('rejects hex bytes on a line of their own (the \\ was forgotten)', () => {
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,', '  02,03,\\', '  04')), [
        'BadContinuation e.reg:5: hex bytes on a line of their own: the line before does not end with "\\" to continue a value',
      ]);
    });

    it('names the continuation line that holds a bad byte', () => {
      assert.deepEqual(errorsOf(underKey('"Bin"=hex:00,01,\\', '  02,zz,\\', '  04')), ['BadHex e.reg:5: value "Bin": "zz" is not a hex byte']);
    });

    it('does not report the continuation lines of a line that was already an error', () => {
      assert.deepEqual(errorsOf(underKey('"x"=hax:00,\\', '  01,02,\\', '  03', '"y"=dword:1')), [
        'BadData e.reg:4: value "x": unrecognised data "hax:00,\\\\"; expected "text", dword:, hex:, hex(N): or - (delete)',
      ]);
    });
  });

  it('collects every error of the file, in line order, and no image', () => {
    const text = crlf(
      V5,
      '',
      '"early"="1"',
      '[HKLM\\SOFTWARE\\A]',
      '"ok"=dword:00000001',
      '"Enabled"=dword:100000000',
      '"Bin"=hex:00,\\',
      '  0g,\\',
      '  01',
      'stray text',
      '[HKZZ\\B]',
      '"in bad key"="x"',
      '[HKLM\\SOFTWARE\\C]',
      '"s"="unterminated',
      '"fine"="yes"',
    );
    const r = parseRegText(text, 'many.reg');
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => `${e.line} ${e.code}`),
      ['3 ValueOutsideKey', '6 BadDword', '8 BadHex', '10 BadValueLine', '11 BadKey', '14 UnterminatedString'],
    );
    assert.ok(r.errors.every((e) => e.file === 'many.reg'));
  });
});
