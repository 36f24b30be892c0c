import { strict as assert } from 'node:assert';
import {
  encodeUtf16le,
  parseRegFile,
  parseRegText,
  quoteRegString,
  renderRegFile,
  type RegImage,
  type RegKey,
  type RegRenderInput,
  type RegValue,
} from '../../../core/regfile/index.js';
import { crlf, generatedExport, SCHANNEL_LINES, SERVICING_LINES } from './samples';

function render(input: RegRenderInput): string {
  const r = renderRegFile(input);
  assert.ok(r.ok, JSON.stringify(r));
  return r.text;
}

function reparse(text: string): RegImage {
  const r = parseRegText(text, 'rt.reg');
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.warnings, []);
  return r.image;
}

/** parse(render(image)) must give the image back, from the text and from the UTF-16LE bytes. */
function assertRoundTrip(image: RegImage): void {
  const text = render(image);
  assert.deepEqual(reparse(text), image);
  const bytes = parseRegFile(encodeUtf16le(text), 'rt.reg');
  assert.equal(bytes.encoding, 'utf-16le');
  assert.ok(bytes.ok);
  assert.deepEqual(bytes.image, image);
}

const sz = (data: string): RegValue => ({ type: 'REG_SZ', data });

describe('regfile: writing', () => {
  it('writes regedit v5 text: header, [-key] sections first, "name"=- then values, blank line after each, CRLF', () => {
    const text = render({
      deletedKeys: ['HKLM\\SOFTWARE\\Old'],
      keys: [
        {
          path: 'HKLM\\SOFTWARE\\T',
          deletedValues: ['gone'],
          values: [
            { name: '', value: sz('default') },
            { name: 'Enabled', value: { type: 'REG_DWORD', data: 1 } },
            { name: 'Mask', value: { type: 'REG_DWORD', data: 0xa80 } },
          ],
        },
        { path: 'HKEY_CURRENT_USER\\Empty', values: [], deletedValues: [] },
      ],
    });
    assert.equal(
      text,
      'Windows Registry Editor Version 5.00\r\n\r\n' +
        '[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Old]\r\n\r\n' +
        '[HKEY_LOCAL_MACHINE\\SOFTWARE\\T]\r\n"gone"=-\r\n@="default"\r\n"Enabled"=dword:00000001\r\n"Mask"=dword:00000a80\r\n\r\n' +
        '[HKEY_CURRENT_USER\\Empty]\r\n\r\n',
    );
    assert.equal(render({}), 'Windows Registry Editor Version 5.00\r\n\r\n');
  });

  it('reproduces the regedit exports byte for byte (same escapes, same hex wrapping)', () => {
    for (const lines of [SCHANNEL_LINES, SERVICING_LINES]) {
      const text = crlf(...lines);
      assert.equal(render(reparse(text)), text);
    }
  });

  it('reproduces a generated 300-key export byte for byte', () => {
    const text = generatedExport(300);
    const image = reparse(text);
    assert.equal(image.keys.length, 300);
    assert.equal(render(image), `${text}\r\n`);
  });

  it('wraps hex like regedit: at most 80 columns, `\\` then CRLF and two spaces, 25 bytes a continuation line', () => {
    const bytes = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
    const text = render({ keys: [{ path: 'HKLM\\A', deletedValues: [], values: [{ name: 'x', value: { type: 'REG_BINARY', data: bytes } }] }] });
    const lines = text.split('\r\n').filter((l) => l.startsWith('"x"') || l.startsWith('  '));
    assert.equal(lines[0], `"x"=hex:${Array.from({ length: 23 }, (_, i) => i.toString(16).padStart(2, '0')).join(',')},\\`);
    assert.equal(lines[1], `  ${Array.from({ length: 25 }, (_, i) => (i + 23).toString(16).padStart(2, '0')).join(',')},\\`);
    assert.ok(lines.every((l) => l.length <= 80));
    assert.equal(lines.length, 1 + 8); // 23 + 7 * 25 = 198 bytes, then 2
    assert.equal(lines.at(-1), '  c6,c7');
    // A name longer than the line: one byte, then the continuation.
    const long = 'N'.repeat(90);
    const text2 = render({ keys: [{ path: 'HKLM\\A', deletedValues: [], values: [{ name: long, value: { type: 'REG_NONE', data: '0102' } }] }] });
    assert.ok(text2.includes(`"${long}"=hex(0):01,\\\r\n  02\r\n`));
  });

  it('escapes only \\ and " in names and strings, like regedit', () => {
    assert.equal(quoteRegString('C:\\Program Files\\"App"\\'), '"C:\\\\Program Files\\\\\\"App\\"\\\\"');
    assert.equal(quoteRegString('$env:PATH `n %x% \t'), '"$env:PATH `n %x% \t"');
  });

  it('writes a REG_SZ holding CR, LF or NUL as hex(1) UTF-16LE, which reads back as REG_SZ', () => {
    const text = render({ keys: [{ path: 'HKLM\\A', deletedValues: [], values: [{ name: 'm', value: sz('a\r\nb') }] }] });
    assert.ok(text.includes('"m"=hex(1):61,00,0d,00,0a,00,62,00,00,00\r\n'));
    assert.deepEqual(reparse(text).keys[0]?.values[0], { name: 'm', value: sz('a\r\nb') });
  });

  it('writes every type in its regedit form', () => {
    const values: [RegValue, string][] = [
      [sz('x'), '"v"="x"'],
      [{ type: 'REG_EXPAND_SZ', data: '%A%' }, '"v"=hex(2):25,00,41,00,25,00,00,00'],
      [{ type: 'REG_MULTI_SZ', data: ['a', 'b'] }, '"v"=hex(7):61,00,00,00,62,00,00,00,00,00'],
      [{ type: 'REG_MULTI_SZ', data: [] }, '"v"=hex(7):00,00,00,00'],
      [{ type: 'REG_DWORD', data: 0xffffffff }, '"v"=dword:ffffffff'],
      [{ type: 'REG_DWORD_BIG_ENDIAN', data: 0x01020304 }, '"v"=hex(5):01,02,03,04'],
      [{ type: 'REG_QWORD', data: '2048', number: 2048 }, '"v"=hex(b):00,08,00,00,00,00,00,00'],
      [{ type: 'REG_QWORD', data: '18446744073709551615' }, '"v"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff'],
      [{ type: 'REG_BINARY', data: 'DEad' }, '"v"=hex:de,ad'],
      [{ type: 'REG_BINARY', data: '' }, '"v"=hex:'],
      [{ type: 'REG_NONE', data: '00' }, '"v"=hex(0):00'],
      [{ type: 'REG_OTHER', kind: 0xa, data: '01' }, '"v"=hex(a):01'],
    ];
    for (const [value, line] of values) {
      const text = render({ keys: [{ path: 'HKLM\\A', deletedValues: [], values: [{ name: 'v', value }] }] });
      assert.equal(text.split('\r\n')[3], line, JSON.stringify(value));
    }
  });

  it('returns every problem it cannot write as data, and no text', () => {
    const bad: RegKey = {
      path: 'HKLM\\A',
      deletedValues: ['line\nbreak'],
      values: [
        { name: 'new\r\nline', value: sz('x') },
        { name: 'neg', value: { type: 'REG_DWORD', data: -1 } },
        { name: 'frac', value: { type: 'REG_DWORD', data: 1.5 } },
        { name: 'big', value: { type: 'REG_DWORD_BIG_ENDIAN', data: 2 ** 32 } },
        { name: 'q1', value: { type: 'REG_QWORD', data: '18446744073709551616' } },
        { name: 'q2', value: { type: 'REG_QWORD', data: '-1' } },
        { name: 'hex', value: { type: 'REG_BINARY', data: 'abc' } },
        { name: 'other', value: { type: 'REG_OTHER', kind: -1, data: '' } },
        { name: 'm1', value: { type: 'REG_MULTI_SZ', data: ['a\0b'] } },
        { name: 'm2', value: { type: 'REG_MULTI_SZ', data: ['a', ''] } },
        { name: 'ok', value: sz('fine') },
      ],
    };
    const r = renderRegFile({ deletedKeys: ['HKLM', 'HKXX\\A'], keys: [bad, { path: 'HKCU\\x\ny', values: [], deletedValues: [] }] });
    assert.ok(!r.ok);
    assert.deepEqual(r.errors, [
      { key: 'HKLM', message: 'a root key cannot be deleted' },
      { key: 'HKXX\\A', message: '"HKXX" is not a registry root key (expected HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS, HKEY_CURRENT_CONFIG or HKLM, HKCU, HKCR, HKU, HKCC)' },
      { key: 'HKLM\\A', value: 'line\nbreak', message: 'a value name with CR, LF or NUL cannot be written to a .reg file' },
      { key: 'HKLM\\A', value: 'new\r\nline', message: 'a value name with CR, LF or NUL cannot be written to a .reg file' },
      { key: 'HKLM\\A', value: 'neg', message: '-1 is not a DWORD (an integer from 0 to 0xFFFFFFFF)' },
      { key: 'HKLM\\A', value: 'frac', message: '1.5 is not a DWORD (an integer from 0 to 0xFFFFFFFF)' },
      { key: 'HKLM\\A', value: 'big', message: '4294967296 is not a DWORD (an integer from 0 to 0xFFFFFFFF)' },
      { key: 'HKLM\\A', value: 'q1', message: '"18446744073709551616" is not a QWORD (a decimal string from 0 to 18446744073709551615)' },
      { key: 'HKLM\\A', value: 'q2', message: '"-1" is not a QWORD (a decimal string from 0 to 18446744073709551615)' },
      { key: 'HKLM\\A', value: 'hex', message: '"abc" is not hex bytes (two hex digits a byte, no separators)' },
      { key: 'HKLM\\A', value: 'other', message: '-1 is not a registry type number (0 to 0xFFFFFFFF)' },
      { key: 'HKLM\\A', value: 'm1', message: 'a REG_MULTI_SZ string cannot contain NUL, which separates the strings' },
      { key: 'HKLM\\A', value: 'm2', message: 'a REG_MULTI_SZ cannot end with an empty string: Windows reads it as the end of the list' },
      { key: 'HKCU\\x\ny', message: 'a key path with CR, LF or NUL cannot be written to a .reg file' },
    ]);
  });
});

describe('regfile: round trips (parse(render(image)) deep-equals image)', () => {
  it('every value type, tricky names, embedded newlines, deletions', () => {
    const image: RegImage = {
      format: 'v5',
      deletedKeys: ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Old "quoted" $key `tick`', 'HKEY_USERS\\.DEFAULT\\Software\\Gone'],
      keys: [
        {
          path: 'HKEY_CURRENT_USER\\Software\\Tricky "quotes" $env:X `n [brackets] ;semi',
          deletedValues: ['gone', 'quote"d\\'],
          values: [
            { name: '', value: sz('default') },
            { name: 'back\\slash "quote" $(Get-Date) `backtick` ;=@', value: sz('C:\\Program Files\\App\\ "q" $x `y` \\n \\') },
            { name: 'multi-line', value: sz('line1\r\nline2\nline3\rline4') },
            { name: 'nul inside', value: sz('a\0b') },
            { name: 'trailing nul', value: sz('a\0') },
            { name: 'empty', value: sz('') },
            { name: 'unicode 名前 😀', value: sz('値 € ß İ') },
            { name: 'lone surrogate \ud800', value: sz('\udc00 alone') },
            { name: 'expand', value: { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\System32' } },
            { name: 'expand multi-line', value: { type: 'REG_EXPAND_SZ', data: '%A%\r\n%B%\0' } },
            { name: 'multi', value: { type: 'REG_MULTI_SZ', data: ['TLS 1.2', '', 'x"y\\z', '€😀', 'line\r\nbreak'] } },
            { name: 'multi empty', value: { type: 'REG_MULTI_SZ', data: [] } },
            { name: 'dword 0', value: { type: 'REG_DWORD', data: 0 } },
            { name: 'dword max', value: { type: 'REG_DWORD', data: 0xffffffff } },
            { name: 'big endian', value: { type: 'REG_DWORD_BIG_ENDIAN', data: 0x12345678 } },
            { name: 'qword small', value: { type: 'REG_QWORD', data: '2048', number: 2048 } },
            { name: 'qword 2^53', value: { type: 'REG_QWORD', data: '9007199254740992', number: 2 ** 53 } },
            { name: 'qword large', value: { type: 'REG_QWORD', data: '18446744073709551615' } },
            { name: 'binary', value: { type: 'REG_BINARY', data: 'ab'.repeat(300) } },
            { name: 'binary empty', value: { type: 'REG_BINARY', data: '' } },
            { name: 'none', value: { type: 'REG_NONE', data: '00ff' } },
            { name: 'none empty', value: { type: 'REG_NONE', data: '' } },
            { name: 'resource list', value: { type: 'REG_OTHER', kind: 8, data: 'deadbeef' } },
            { name: 'type ffffffff', value: { type: 'REG_OTHER', kind: 0xffffffff, data: '' } },
          ],
        },
        { path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty', values: [], deletedValues: [] },
        { path: 'HKEY_CLASSES_ROOT', values: [{ name: 'x', value: sz('root values') }], deletedValues: [] },
      ],
    };
    assertRoundTrip(image);
  });

  it('the realistic exports', () => {
    assertRoundTrip(reparse(crlf(...SCHANNEL_LINES)));
    assertRoundTrip(reparse(crlf(...SERVICING_LINES)));
  });

  it('malformed typed data kept as REG_OTHER stays the same (with the same warning)', () => {
    const image: RegImage = {
      format: 'v5',
      deletedKeys: [],
      keys: [{ path: 'HKEY_LOCAL_MACHINE\\A', deletedValues: [], values: [{ name: 'd', value: { type: 'REG_OTHER', kind: 4, data: '010203' } }] }],
    };
    const r = parseRegText(render(image), 'w.reg');
    assert.ok(r.ok);
    assert.deepEqual(r.image, image);
    assert.equal(r.warnings[0]?.code, 'SizeMismatch');
  });

  it('a REGEDIT4 image comes back as v5 with the same keys (the writer writes v5 only)', () => {
    const r = parseRegText(crlf('REGEDIT4', '', '[HKLM\\A]', '"p"=hex(2):25,41,25,80,00', '"m"=hex(7):61,00,62,00,00', ''), 'old.reg');
    assert.ok(r.ok);
    assert.deepEqual(reparse(render(r.image)), { ...r.image, format: 'v5' });
  });

  it('200 generated images (seeded): random names, strings, types and deletions', () => {
    let seed = 0x2545f491;
    const rand = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const alphabet = ['a', 'Z', ' ', '"', '\\', '$', '`', '=', ';', '@', '[', ']', '-', ',', 'é', '€', '名', '😀', '\t', '%', '\ud800'];
    const str = (max: number, extra: string[] = []): string => {
      const chars = [...alphabet, ...extra];
      let s = '';
      for (let i = rand(max + 1); i > 0; i -= 1) s += chars[rand(chars.length)];
      return s;
    };
    const hexBytes = (max: number): string => Array.from({ length: rand(max + 1) }, () => rand(256).toString(16).padStart(2, '0')).join('');
    const value = (): RegValue => {
      switch (rand(9)) {
        case 0:
          return sz(str(12, ['\r', '\n', '\0']));
        case 1:
          return { type: 'REG_EXPAND_SZ', data: str(12, ['\r', '\n', '\0']) };
        case 2: {
          const list = Array.from({ length: rand(4) }, () => str(6, ['\r', '\n']));
          return { type: 'REG_MULTI_SZ', data: list.length > 0 && list[list.length - 1] === '' ? [...list.slice(0, -1), 'x'] : list };
        }
        case 3:
          return { type: 'REG_DWORD', data: (rand(0x10000) * 0x10000 + rand(0x10000)) >>> 0 };
        case 4:
          return { type: 'REG_DWORD_BIG_ENDIAN', data: (rand(0x10000) * 0x10000 + rand(0x10000)) >>> 0 };
        case 5: {
          const v = BigInt(rand(0x100000)) * 2n ** BigInt(rand(45));
          return v <= 2n ** 53n ? { type: 'REG_QWORD', data: v.toString(), number: Number(v) } : { type: 'REG_QWORD', data: v.toString() };
        }
        case 6:
          return { type: 'REG_BINARY', data: hexBytes(120) };
        case 7:
          return { type: 'REG_NONE', data: hexBytes(5) };
        default:
          return { type: 'REG_OTHER', kind: [6, 8, 9, 10, 12, 0x100][rand(6)] ?? 6, data: hexBytes(40) };
      }
    };
    const hives = ['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_USERS', 'HKEY_CURRENT_CONFIG'];
    const keyName = (): string => str(8).replace(/\\/g, '/') || 'k';
    const uniqueBy = <T>(items: T[], key: (t: T) => string): T[] => {
      const seen = new Set<string>();
      return items.filter((t) => {
        const k = key(t).toUpperCase();
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    };
    for (let n = 0; n < 200; n += 1) {
      const keys = uniqueBy(
        Array.from({ length: 1 + rand(4) }, (): RegKey => {
          const names = uniqueBy(Array.from({ length: rand(8) }, () => str(10)), (s) => s);
          const cut = rand(names.length + 1);
          return {
            path: `${hives[rand(hives.length)] ?? 'HKEY_USERS'}\\${keyName()}\\${keyName()}`,
            values: names.slice(0, cut).map((name) => ({ name, value: value() })),
            deletedValues: names.slice(cut),
          };
        }),
        (k) => k.path,
      );
      const deletedKeys = uniqueBy(Array.from({ length: rand(3) }, () => `HKEY_LOCAL_MACHINE\\${keyName()}`), (s) => s);
      assertRoundTrip({ format: 'v5', keys, deletedKeys });
    }
  });
});
