import { strict as assert } from 'node:assert';
import { createLineSplitter, detectFormat, parseCsvLine, parseInstant, tokenizeW3c } from '../../../core/logs/index.js';
import { SMTP_HEADER, SMTP_ROWS, T_FILE, TLS_SENTENCE } from './helpers.js';

describe('logs: format detection', () => {
  const cases: [string, string[], string, boolean][] = [
    ['IIS with directives', T_FILE.split('\n').slice(0, 6), 'IisW3C', false],
    ['IIS, CRLF and BOM', `\uFEFF${T_FILE}`.replace(/\n/g, '\r\n').split('\n').slice(0, 6), 'IisW3C', false],
    ['IIS, only #Software before the records', ['#Software: Microsoft Internet Information Services 10.0', '2024-05-01 00:00:01 192.0.2.1 40'], 'IisW3C', true],
    ['IIS Advanced Logging (#Fields with date-local)', ['#Software: IIS Advanced Logging Module', '', '#Fields:   date-local time-local c-ip'], 'IisW3C', false],
    ['IIS without directives (continuation file)', ['2024-05-01 00:00:01 192.0.2.10 GET / - 443 - 198.51.100.7 curl - 200 0 0 1'], 'IisW3C', true],
    ['SMTP receive by #Log-type', SMTP_HEADER.split('\n'), 'ExchangeSmtpReceive', false],
    ['SMTP send by #Log-Type in another case', SMTP_HEADER.replace('#Log-type: SMTP Receive', '#LOG-TYPE: SMTP Send').split('\n'), 'ExchangeSmtpSend', false],
    ['SMTP #Fields without #Log-type, a _CLIENT TLS row', [SMTP_HEADER.split('\n')[4] ?? '', `2024-05-01T10:00:01.030Z,Outbound,S,3,192.0.2.25:1,203.0.113.1:25,*,,"${TLS_SENTENCE('SP_PROT-TLS1_2_CLIENT')}"`], 'ExchangeSmtpSend', false],
    ['SMTP without directives, EHLO received', [...SMTP_ROWS], 'ExchangeSmtpReceive', true],
    ['SMTP without directives, EHLO sent', ['2024-05-01T10:00:01.000Z,Outbound,S,1,192.0.2.25:1,203.0.113.1:25,>,EHLO ex01.contoso.test,'], 'ExchangeSmtpSend', true],
    ['Exchange HttpProxy (no TLS field)', ['#Software: Microsoft Exchange Server', '#Log-type: HttpProxy Logs', '#Fields: DateTime,RequestId'], 'Unknown', false],
    ['CSV that is not an Exchange protocol log', ['#Fields: a,b,c'], 'Unknown', false],
    ['garbage', ['hello world', 'foo'], 'Unknown', true],
    ['empty', [], 'Unknown', true],
  ];
  for (const [name, lines, format, headerless] of cases) {
    it(`${name}: ${format}`, () => {
      const d = detectFormat(lines);
      assert.equal(d.format, format, d.reason);
      assert.equal(d.headerless, headerless);
      assert.ok(d.reason.length > 0);
    });
  }
});

describe('logs: tokenizers, line splitter, time bounds', () => {
  it('W3C tokenizer: runs of spaces and tabs; quoted tokens with "" ; unbalanced quotes are ordinary characters', () => {
    assert.deepEqual(tokenizeW3c('  a  b\tc '), ['a', 'b', 'c']);
    assert.deepEqual(tokenizeW3c('a "b c" "d ""e"" f" g'), ['a', 'b c', 'd "e" f', 'g']);
    assert.deepEqual(tokenizeW3c('a "b c'), ['a', '"b', 'c']);
    assert.deepEqual(tokenizeW3c('a "b"c d'), ['a', '"b"c', 'd']);
    assert.deepEqual(tokenizeW3c('""'), ['']);
    assert.deepEqual(tokenizeW3c('a "b c"', false), ['a', '"b', 'c"']);
    assert.deepEqual(tokenizeW3c(''), []);
  });

  it('CSV: quotes, doubled quotes, text after a closing quote, unterminated quote, empty fields', () => {
    assert.deepEqual(parseCsvLine('a,"b,c",d'), ['a', 'b,c', 'd']);
    assert.deepEqual(parseCsvLine('"x ""y"", z",'), ['x "y", z', '']);
    assert.deepEqual(parseCsvLine('"a"b,c'), ['ab', 'c']);
    assert.deepEqual(parseCsvLine('a,"unterminated, still'), ['a', 'unterminated, still']);
    assert.deepEqual(parseCsvLine(''), ['']);
    assert.deepEqual(parseCsvLine(',,'), ['', '', '']);
  });

  it('line splitter: LF, CRLF, chunk boundaries, final line without newline', () => {
    const s = createLineSplitter();
    assert.deepEqual(s.push('one\r\ntw'), ['one']);
    assert.deepEqual(s.push('o\n\nthr'), ['two', '']);
    assert.deepEqual(s.push('ee'), []);
    assert.deepEqual(s.end(), ['three']);
    assert.deepEqual(s.end(), []);
  });

  it('parseInstant: dates, times, fractions, Z and offsets to one comparable form; nonsense is undefined', () => {
    assert.equal(parseInstant('2024-05-01'), '2024-05-01T00:00:00.000');
    assert.equal(parseInstant('2024-05-01T10:00'), '2024-05-01T10:00:00.000');
    assert.equal(parseInstant('2024-05-01 10:00:01.5Z'), '2024-05-01T10:00:01.500');
    assert.equal(parseInstant('2024-05-01T00:30:00+01:00'), '2024-04-30T23:30:00.000');
    assert.equal(parseInstant('2024-05-01T23:30:00-0130'), '2024-05-02T01:00:00.000');
    for (const bad of ['', 'now', '2024-13-01', '2024-02-30', '0099-01-01', '2024-05-01T25:00']) assert.equal(parseInstant(bad), undefined, bad);
  });
});
