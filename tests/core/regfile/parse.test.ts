import { strict as assert } from 'node:assert';
import { getKey, getValue, parseRegText, subkeys, type RegImage, type RegParseResult } from '../../../core/regfile/index.js';
import { CBS_PACKAGE, crlf, CURRENT_VERSION, lf, NDP_FULL, SCHANNEL_KEY, SCHANNEL_LINES, SERVICING_LINES } from './samples';

function image(r: RegParseResult): RegImage {
  assert.ok(r.ok, JSON.stringify(r.ok ? r.warnings : r.errors, null, 2));
  assert.deepEqual(r.warnings, []);
  return r.image;
}

const V5 = 'Windows Registry Editor Version 5.00';

describe('regfile: parsing exports', () => {
  it('reads the SCHANNEL export: keys in file order, DWORDs, an empty key', () => {
    const img = image(parseRegText(crlf(...SCHANNEL_LINES), 'schannel.reg'));
    assert.equal(img.format, 'v5');
    assert.deepEqual(
      img.keys.map((k) => k.path),
      [
        `${SCHANNEL_KEY}\\TLS 1.2`,
        `${SCHANNEL_KEY}\\TLS 1.2\\Client`,
        `${SCHANNEL_KEY}\\TLS 1.2\\Server`,
        `${SCHANNEL_KEY}\\TLS 1.0\\Client`,
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp',
      ],
    );
    assert.deepEqual(img.keys[1], {
      path: `${SCHANNEL_KEY}\\TLS 1.2\\Client`,
      values: [
        { name: 'DisabledByDefault', value: { type: 'REG_DWORD', data: 0 } },
        { name: 'Enabled', value: { type: 'REG_DWORD', data: 0xffffffff } },
      ],
      deletedValues: [],
    });
    assert.deepEqual(img.keys[0], { path: `${SCHANNEL_KEY}\\TLS 1.2`, values: [], deletedValues: [] });
    assert.deepEqual(img.deletedKeys, []);
    assert.deepEqual(getValue(img, 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp', 'DefaultSecureProtocols'), {
      type: 'REG_DWORD',
      data: 0xa80,
    });
    assert.deepEqual(subkeys(img, SCHANNEL_KEY), ['TLS 1.2', 'TLS 1.0']);
    assert.deepEqual(subkeys(img, `${SCHANNEL_KEY}\\tls 1.2`), ['Client', 'Server']);
  });

  it('reads the servicing export: CBS CurrentState, NDP Release, CurrentVersion build, UBR, product name', () => {
    const img = image(parseRegText(crlf(...SERVICING_LINES), 'servicing.reg'));
    assert.deepEqual(getValue(img, CBS_PACKAGE, 'CurrentState'), { type: 'REG_DWORD', data: 0x70 });
    assert.deepEqual(getValue(img, CBS_PACKAGE, 'InstallLocation'), {
      type: 'REG_SZ',
      data: '\\\\?\\C:\\Windows\\SoftwareDistribution\\Download\\5f3c1e0d\\',
    });
    assert.deepEqual(getValue(img, NDP_FULL, 'Release'), { type: 'REG_DWORD', data: 528372 });
    assert.deepEqual(getValue(img, NDP_FULL, 'InstallPath'), { type: 'REG_SZ', data: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\' });
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'CurrentBuildNumber'), { type: 'REG_SZ', data: '9600' });
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'UBR'), { type: 'REG_DWORD', data: 20757 });
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'ProductName'), { type: 'REG_SZ', data: 'Windows Server 2012 R2 Standard' });
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'RegisteredOrganization'), { type: 'REG_SZ', data: '' });
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'SystemRootVar'), { type: 'REG_EXPAND_SZ', data: '%SystemRoot%' });
    // A FILETIME is above 2^53: the decimal string only, no `number`.
    assert.deepEqual(getValue(img, CURRENT_VERSION, 'InstallTime'), { type: 'REG_QWORD', data: '132446323588410474' });
    const dpid = getValue(img, CURRENT_VERSION, 'DigitalProductId');
    assert.equal(dpid?.type, 'REG_BINARY');
    assert.equal(dpid?.type === 'REG_BINARY' ? dpid.data.length / 2 : 0, 18 + 25 + 17);
    assert.ok(dpid?.type === 'REG_BINARY' && dpid.data.startsWith('a4000000030000003030323532'));
    assert.deepEqual(subkeys(img, NDP_FULL), ['1033']);
    assert.deepEqual(subkeys(img, 'HKLM\\SOFTWARE\\Microsoft'), ['Windows', 'NET Framework Setup', 'Windows NT']);
  });

  it('accepts LF, CRLF and lone CR line endings alike', () => {
    const lines = ['REGEDIT4', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]', '"x"=dword:00000002', '"Bin"=hex:01,02,\\', '  03', ''];
    const want = image(parseRegText(crlf(...lines), 'a.reg'));
    assert.deepEqual(image(parseRegText(lf(...lines), 'a.reg')), want);
    assert.deepEqual(image(parseRegText(lines.join('\r'), 'a.reg')), want);
    assert.deepEqual(getValue(want, 'HKLM\\SOFTWARE\\A', 'Bin'), { type: 'REG_BINARY', data: '010203' });
  });

  it('skips blank lines, whitespace-only lines, ; comments and leading blank lines before the header', () => {
    const img = image(
      parseRegText(lf('', '   ', V5, '; exported by hand', '', '[HKLM\\A]', '  ; indented comment', '\t', '"x"="1"', ';[HKLM\\NotAKey]', '"y"="2"'), 'c.reg'),
    );
    assert.deepEqual(img.keys, [{ path: 'HKEY_LOCAL_MACHINE\\A', values: [{ name: 'x', value: { type: 'REG_SZ', data: '1' } }, { name: 'y', value: { type: 'REG_SZ', data: '2' } }], deletedValues: [] }]);
  });

  it('accepts a trailing ; comment after a complete value, and spaces around "="', () => {
    const img = image(parseRegText(lf(V5, '[HKLM\\A]', '"a" = "x;y" ; note', '"b"=dword:1 ;on', '"c"=hex:01,02 ; two bytes', '"d"=- ; gone', '@ = "def"'), 'c.reg'));
    assert.deepEqual(getValue(img, 'HKLM\\A', 'a'), { type: 'REG_SZ', data: 'x;y' });
    assert.deepEqual(getValue(img, 'HKLM\\A', 'b'), { type: 'REG_DWORD', data: 1 });
    assert.deepEqual(getValue(img, 'HKLM\\A', 'c'), { type: 'REG_BINARY', data: '0102' });
    assert.deepEqual(getValue(img, 'HKLM\\A', ''), { type: 'REG_SZ', data: 'def' });
    assert.deepEqual(getKey(img, 'HKLM\\A')?.deletedValues, ['d']);
  });

  it('normalises the hive abbreviations HKLM, HKCU, HKCR, HKU, HKCC (any case) to full names', () => {
    const img = image(parseRegText(lf(V5, '[HKLM\\S]', '[hkcu\\S]', '[HKCR\\.reg]', '[HKU\\.DEFAULT\\S]', '[HKCC\\System]', '[hkey_users\\S-1-5-18]', '[HKEY_CLASSES_ROOT]'), 'h.reg'));
    assert.deepEqual(
      img.keys.map((k) => k.path),
      [
        'HKEY_LOCAL_MACHINE\\S',
        'HKEY_CURRENT_USER\\S',
        'HKEY_CLASSES_ROOT\\.reg',
        'HKEY_USERS\\.DEFAULT\\S',
        'HKEY_CURRENT_CONFIG\\System',
        'HKEY_USERS\\S-1-5-18',
        'HKEY_CLASSES_ROOT',
      ],
    );
  });

  it('reads quoted names and strings: only \\\\ and \\" are escapes, other backslashes stay as written', () => {
    const img = image(
      parseRegText(
        lf(V5, '[HKLM\\Q]', String.raw`"a \"quoted\" name"="C:\\Program Files\\App\\"`, String.raw`"raw\n\t"="keep \n and \x41 and \ alone"`, '"$env:PATH `n"="$(Get-Date) `t"', '"=;[]@"="@"'),
        'q.reg',
      ),
    );
    assert.deepEqual(getKey(img, 'HKLM\\Q')?.values, [
      { name: 'a "quoted" name', value: { type: 'REG_SZ', data: 'C:\\Program Files\\App\\' } },
      { name: 'raw\\n\\t', value: { type: 'REG_SZ', data: 'keep \\n and \\x41 and \\ alone' } },
      { name: '$env:PATH `n', value: { type: 'REG_SZ', data: '$(Get-Date) `t' } },
      { name: '=;[]@', value: { type: 'REG_SZ', data: '@' } },
    ]);
  });

  it('reads @= as the default value (name ""), and "" as the same value', () => {
    const img = image(parseRegText(lf(V5, '[HKCR\\.reg]', '@="regfile"', '"Content Type"="text/plain"', '[HKCR\\txtfile]', '""="Text Document"'), 'd.reg'));
    assert.deepEqual(getValue(img, 'HKCR\\.reg', ''), { type: 'REG_SZ', data: 'regfile' });
    assert.deepEqual(getValue(img, 'HKCR\\txtfile', ''), { type: 'REG_SZ', data: 'Text Document' });
    assert.equal(getValue(img, 'HKCR\\.reg', '@'), undefined);
  });

  it('reads dword: with 1 to 8 hex digits, either case', () => {
    const img = image(parseRegText(lf(V5, '[HKLM\\D]', '"a"=dword:0', '"b"=dword:A80', '"c"=dword:FFFFFFFF', '"d"=DWORD:00000a80'), 'd.reg'));
    assert.deepEqual(
      getKey(img, 'HKLM\\D')?.values.map((v) => v.value),
      [0, 0xa80, 0xffffffff, 0xa80].map((data) => ({ type: 'REG_DWORD', data })),
    );
  });

  it('accepts concatenated exports: a second header starts a new export', () => {
    const first = crlf(...SCHANNEL_LINES);
    const second = crlf(...SERVICING_LINES);
    const img = image(parseRegText(`${first}${second}`, 'both.reg'));
    assert.equal(img.keys.length, 6 + 5);
    assert.deepEqual(getValue(img, NDP_FULL, 'Release'), { type: 'REG_DWORD', data: 0x80ff4 });
    assert.deepEqual(getValue(img, `${SCHANNEL_KEY}\\TLS 1.2\\Server`, 'Enabled'), { type: 'REG_DWORD', data: 1 });
  });

  it('accepts concatenated UTF-16 files whose second BOM survives as U+FEFF before the header', () => {
    const img = image(parseRegText(`${crlf(...SCHANNEL_LINES)}\ufeff${crlf(...SERVICING_LINES)}`, 'copy-b.reg'));
    assert.equal(img.keys.length, 11);
  });

  it('warns when a REGEDIT4 export follows a v5 one, and reads hex(2) in each by its own header', () => {
    const r = parseRegText(
      lf(V5, '[HKLM\\A]', '"p"=hex(2):41,00,42,00,00,00', '', 'REGEDIT4', '', '[HKLM\\B]', '"p"=hex(2):41,42,00'),
      'mixed.reg',
    );
    assert.ok(r.ok);
    assert.equal(r.image.format, 'v5');
    assert.deepEqual(r.warnings, [
      {
        code: 'MixedFormats',
        file: 'mixed.reg',
        line: 5,
        message: 'a REGEDIT4 export follows a version 5.00 one; text in hex(1), hex(2) and hex(7) data is read as ANSI from here on',
      },
    ]);
    assert.deepEqual(getValue(r.image, 'HKLM\\A', 'p'), { type: 'REG_EXPAND_SZ', data: 'AB' });
    assert.deepEqual(getValue(r.image, 'HKLM\\B', 'p'), { type: 'REG_EXPAND_SZ', data: 'AB' });
  });

  it('keeps key names with ], [ and spaces (the path ends at the last ])', () => {
    const img = image(parseRegText(lf(V5, '[HKLM\\SOFTWARE\\Odd [x] name]', '"v"="1"', '[HKLM\\SOFTWARE\\trailing space ]  '), 'k.reg'));
    assert.deepEqual(img.keys.map((k) => k.path), ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Odd [x] name', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\trailing space ']);
  });

  it('ignores a U+FEFF at the start of the text (a BOM decoded by someone else)', () => {
    assert.ok(parseRegText(`\ufeff${V5}\r\n[HKLM\\A]\r\n`, 'a.reg').ok);
  });
});
