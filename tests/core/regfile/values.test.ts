import { strict as assert } from 'node:assert';
import { decodeHexValue, getValue, parseRegText, type RegValue } from '../../../core/regfile/index.js';
import { lf } from './samples';

const V5 = 'Windows Registry Editor Version 5.00';

/** Parses `"v"=<data lines>` under one key and returns the value (asserting no errors or warnings). */
function valueOf(header: string, ...dataLines: string[]): RegValue | undefined {
  const [first = '', ...rest] = dataLines;
  const r = parseRegText(lf(header, '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\T]', `"v"=${first}`, ...rest, ''), 't.reg');
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.warnings, []);
  return getValue(r.image, 'HKLM\\SOFTWARE\\T', 'v');
}

describe('regfile: value data forms', () => {
  it('"string" is REG_SZ; "" is the empty string', () => {
    assert.deepEqual(valueOf(V5, '"TLS 1.2"'), { type: 'REG_SZ', data: 'TLS 1.2' });
    assert.deepEqual(valueOf(V5, '""'), { type: 'REG_SZ', data: '' });
  });

  it('dword: is REG_DWORD', () => {
    assert.deepEqual(valueOf(V5, 'dword:00000800'), { type: 'REG_DWORD', data: 0x800 });
  });

  it('hex: and hex(3): are REG_BINARY as lower-case hex; an empty list is empty data', () => {
    assert.deepEqual(valueOf(V5, 'hex:DE,ad,0,f'), { type: 'REG_BINARY', data: 'dead000f' });
    assert.deepEqual(valueOf(V5, 'hex(3):01,02'), { type: 'REG_BINARY', data: '0102' });
    assert.deepEqual(valueOf(V5, 'hex:'), { type: 'REG_BINARY', data: '' });
    assert.deepEqual(valueOf(V5, 'hex: 01 , 02 ,'), { type: 'REG_BINARY', data: '0102' });
  });

  it('hex(0): is REG_NONE', () => {
    assert.deepEqual(valueOf(V5, 'hex(0):'), { type: 'REG_NONE', data: '' });
    assert.deepEqual(valueOf(V5, 'hex(0):00,ff'), { type: 'REG_NONE', data: '00ff' });
  });

  it('hex(1): is REG_SZ from UTF-16LE bytes (how the writer stores a string with a newline)', () => {
    assert.deepEqual(valueOf(V5, 'hex(1):61,00,0d,00,0a,00,62,00,00,00'), { type: 'REG_SZ', data: 'a\r\nb' });
  });

  it('hex(2): is REG_EXPAND_SZ: UTF-16LE in v5, ANSI in REGEDIT4, one NUL terminator removed', () => {
    const v5 = 'hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,5c,00,ac,20,00,00';
    assert.deepEqual(valueOf(V5, v5), { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\€' });
    assert.deepEqual(valueOf('REGEDIT4', 'hex(2):25,53,79,73,74,65,6d,52,6f,6f,74,25,5c,80,00'), { type: 'REG_EXPAND_SZ', data: '%SystemRoot%\\€' });
    assert.deepEqual(valueOf(V5, 'hex(2):41,00'), { type: 'REG_EXPAND_SZ', data: 'A' }, 'no terminator: kept as is');
    assert.deepEqual(valueOf(V5, 'hex(2):41,00,00,00,00,00'), { type: 'REG_EXPAND_SZ', data: 'A\0' }, 'only one NUL is the terminator');
    assert.deepEqual(valueOf(V5, 'hex(2):'), { type: 'REG_EXPAND_SZ', data: '' });
  });

  it('hex(7): is REG_MULTI_SZ: NUL-separated, double-NUL terminated', () => {
    const multi = 'hex(7):54,00,4c,00,53,00,31,00,2e,00,32,00,00,00,54,00,4c,00,53,00,31,00,2e,00,33,00,00,00,00,00';
    assert.deepEqual(valueOf(V5, multi), { type: 'REG_MULTI_SZ', data: ['TLS1.2', 'TLS1.3'] });
    assert.deepEqual(valueOf(V5, 'hex(7):00,00'), { type: 'REG_MULTI_SZ', data: [] });
    assert.deepEqual(valueOf(V5, 'hex(7):00,00,00,00'), { type: 'REG_MULTI_SZ', data: [] });
    assert.deepEqual(valueOf(V5, 'hex(7):'), { type: 'REG_MULTI_SZ', data: [] });
    assert.deepEqual(valueOf(V5, 'hex(7):61,00,00,00,00,00,62,00,00,00,00,00'), { type: 'REG_MULTI_SZ', data: ['a', '', 'b'] });
    assert.deepEqual(valueOf(V5, 'hex(7):61,00'), { type: 'REG_MULTI_SZ', data: ['a'] }, 'missing terminators');
    assert.deepEqual(valueOf('REGEDIT4', 'hex(7):61,00,80,00,00'), { type: 'REG_MULTI_SZ', data: ['a', '€'] });
  });

  it('hex(4): is a little-endian REG_DWORD, hex(5): a big-endian one', () => {
    assert.deepEqual(valueOf(V5, 'hex(4):80,0a,00,00'), { type: 'REG_DWORD', data: 0xa80 });
    assert.deepEqual(valueOf(V5, 'hex(5):00,00,0a,80'), { type: 'REG_DWORD_BIG_ENDIAN', data: 0xa80 });
    assert.deepEqual(valueOf(V5, 'hex(5):ff,ff,ff,fe'), { type: 'REG_DWORD_BIG_ENDIAN', data: 0xfffffffe });
  });

  it('hex(b): is REG_QWORD as a decimal string, with `number` up to 2^53 inclusive', () => {
    assert.deepEqual(valueOf(V5, 'hex(b):00,08,00,00,00,00,00,00'), { type: 'REG_QWORD', data: '2048', number: 2048 });
    assert.deepEqual(valueOf(V5, 'hex(B):00,00,00,00,00,00,20,00'), { type: 'REG_QWORD', data: '9007199254740992', number: 2 ** 53 });
    assert.deepEqual(valueOf(V5, 'hex(b):01,00,00,00,00,00,20,00'), { type: 'REG_QWORD', data: '9007199254740993' });
    assert.deepEqual(valueOf(V5, 'hex(b):ff,ff,ff,ff,ff,ff,ff,ff'), { type: 'REG_QWORD', data: '18446744073709551615' });
  });

  it('hex(N): for other types keeps the raw bytes and the type number (N is hex)', () => {
    assert.deepEqual(valueOf(V5, 'hex(8):01,02'), { type: 'REG_OTHER', kind: 8, data: '0102' });
    assert.deepEqual(valueOf(V5, 'hex(6):5c,00'), { type: 'REG_OTHER', kind: 6, data: '5c00' });
    assert.deepEqual(valueOf(V5, 'hex(ffff0001):'), { type: 'REG_OTHER', kind: 0xffff0001, data: '' });
    assert.deepEqual(valueOf(V5, 'hex(10):aa'), { type: 'REG_OTHER', kind: 16, data: 'aa' });
  });

  it('continues hex lists over lines ending with \\ (indented or not, trailing spaces allowed)', () => {
    assert.deepEqual(valueOf(V5, 'hex:01,02,\\', '  03,04,\\  ', '05,\\', '\t06'), { type: 'REG_BINARY', data: '010203040506' });
    assert.deepEqual(valueOf(V5, 'hex:\\', '  01'), { type: 'REG_BINARY', data: '01' });
    assert.deepEqual(valueOf(V5, 'hex:01,02\\', '  03'), { type: 'REG_BINARY', data: '010203' }, 'a missing comma before \\');
    assert.deepEqual(
      valueOf(V5, 'hex(7):61,00,00,00,\\', '  62,00,00,00,00,00'),
      { type: 'REG_MULTI_SZ', data: ['a', 'b'] },
    );
  });

  it('keeps bytes that do not fit their type as REG_OTHER, with a warning naming the line', () => {
    const r = parseRegText(
      lf(V5, '[HKLM\\W]', '"d"=hex(4):01,02,03', '"q"=hex(b):01', '"e"=hex(2):41,00,42', '"m"=hex(7):41', '"z"=hex(4):', '"s"=hex(1):00'),
      'w.reg',
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.image.keys[0]?.values.map((v) => v.value),
      [
        { type: 'REG_OTHER', kind: 4, data: '010203' },
        { type: 'REG_OTHER', kind: 11, data: '01' },
        { type: 'REG_OTHER', kind: 2, data: '410042' },
        { type: 'REG_OTHER', kind: 7, data: '41' },
        { type: 'REG_OTHER', kind: 4, data: '' },
        { type: 'REG_OTHER', kind: 1, data: '00' },
      ],
    );
    assert.deepEqual(
      r.warnings.map((w) => `${w.file}:${w.line}: ${w.code}: ${w.message}`),
      [
        'w.reg:3: SizeMismatch: value "d": hex(4) data has 3 bytes; a REG_DWORD has 4; kept as raw bytes',
        'w.reg:4: SizeMismatch: value "q": hex(b) data has 1 byte; a REG_QWORD has 8; kept as raw bytes',
        'w.reg:5: SizeMismatch: value "e": hex(2) data has 3 bytes, an odd number, so it is not UTF-16 text; kept as raw bytes',
        'w.reg:6: SizeMismatch: value "m": hex(7) data has 1 byte, an odd number, so it is not UTF-16 text; kept as raw bytes',
        'w.reg:7: SizeMismatch: value "z": hex(4) data has 0 bytes; a REG_DWORD has 4; kept as raw bytes',
        'w.reg:8: SizeMismatch: value "s": hex(1) data has 1 byte, an odd number, so it is not UTF-16 text; kept as raw bytes',
      ],
    );
  });

  it('decodeHexValue decodes by type number and format', () => {
    assert.deepEqual(decodeHexValue(4, [1, 0, 0, 0], 'v5'), { value: { type: 'REG_DWORD', data: 1 } });
    assert.deepEqual(decodeHexValue(2, [0x41, 0], 'regedit4'), { value: { type: 'REG_EXPAND_SZ', data: 'A' } });
    assert.deepEqual(decodeHexValue(9, [], 'v5'), { value: { type: 'REG_OTHER', kind: 9, data: '' } });
  });
});
