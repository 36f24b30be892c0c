import { strict as assert } from 'node:assert';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  algIdFromConstant, createAggregator, createExchangeSmtpParser, createIisParser, createLineSplitter, decodeAlgId,
  decodeCryptProtocol, normalizeIp, plusToSpace, sniffCompression, splitEndpoint, type AggregateResult, type LogEvent, type SplitLine,
} from '../../../core/logs/index.js';
import {
  feed, iisHits, kinds, onlyHit, parseIis, parseSmtp, primary, SMTP_HEADER, SMTP_ROWS, smtpHits, T1, T2, T3, T_FILE,
  T_HEADER, TLS_SENTENCE,
} from './helpers.js';

/**
 * One named test per item of the docs/log-formats.md section 5 checklist ("edge case N: ..."), in its order. Where the
 * checklist says what the scanner should do, the test asserts exactly that; where TLS365 chose one of the
 * options it offers, the comment says which.
 */

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem s-port cs-username c-ip cs(User-Agent) crypt-protocol crypt-cipher';
const rec = (ip: string, proto: string, ua = 'curl/8.0', port = '443', user = '-', time = '00:00:01'): string =>
  `2024-05-01 ${time} 192.0.2.10 GET / ${port} ${user} ${ip} ${ua} ${proto} 6610`;

const smtpRow = (server: string, session: string, seq: number, event: string, data: string, context: string, remote = '198.51.100.20:50123'): string =>
  `2024-05-01T10:00:0${seq % 10}.000Z,${server}\\Default Frontend ${server},${session},${seq},192.0.2.25:25,${remote},${event},${data},${context}`;

const aggregate = (events: readonly LogEvent[], options: Partial<Parameters<typeof createAggregator>[0]> = {}): AggregateResult => {
  const r = createAggregator({ protocols: ['Ssl2', 'Ssl3', 'Tls10', 'Tls11'], ...options });
  assert.ok(r.ok, JSON.stringify(r));
  r.value.addAll(events);
  return r.value.result();
};

describe('logs: edge cases (docs/log-formats.md section 5)', () => {
  it('edge case 1: a UTF-8 BOM at file start and in the middle (concatenated files) is stripped', () => {
    const reference = parseIis(T_FILE);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(T_FILE, 'utf8')]);
    // Buffer.toString and TextDecoder with ignoreBOM both hand U+FEFF to the parser.
    assert.deepEqual(parseIis(bytes.toString('utf8')), reference);
    assert.deepEqual(parseIis(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)), reference);
    // Two files concatenated: the second BOM sits at the start of a #Software line in the middle.
    const concatenated = `\uFEFF${T_HEADER}\n${T1}\n\uFEFF${T_HEADER}\n${T2}\n`;
    assert.deepEqual(iisHits(parseIis(concatenated)).map((h) => h.protocol), ['Tls10', 'Tls11']);
    // A BOM right before a record (concatenated headerless continuation) is stripped as well.
    assert.deepEqual(iisHits(parseIis(`${T_HEADER}\n\uFEFF${T1}\n`)).map((h) => h.clientIp), ['198.51.100.7']);
    // Exchange logs too.
    assert.deepEqual(smtpHits(parseSmtp(`\uFEFF${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}\n`)).length, 1);
  });

  it('edge case 2: CRLF and LF give the same events, and a lone CR ending the final line is stripped', () => {
    const reference = parseIis(T_FILE);
    assert.deepEqual(parseIis(T_FILE.replace(/\n/g, '\r\n')), reference);
    assert.deepEqual(parseIis(`${T_FILE.slice(0, -1)}\r`), reference);
    const smtp = `${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}\n`;
    assert.deepEqual(parseSmtp(smtp.replace(/\n/g, '\r\n')), parseSmtp(smtp));
    // The line splitter removes a CR even when the chunk boundary falls between CR and LF.
    const s = createLineSplitter();
    assert.deepEqual(s.push('a\r'), []);
    assert.deepEqual(s.push('\nb\r\nc\r'), ['a', 'b']);
    assert.deepEqual(s.end(), ['c']);
  });

  it('edge case 3: a truncated last line is parsed when its token count fits, else reported (malformed), never fatal', () => {
    const complete = parseIis(`${T_HEADER}\n${T1}\n${T2}`);
    assert.deepEqual(kinds(complete), ['hit', 'hit']);
    const cut = parseIis(`${T_HEADER}\n${T1}\n${T2.slice(0, 60)}`);
    assert.deepEqual(kinds(cut), ['hit', 'malformed:field-count']);
    const m = cut[1];
    assert.ok(m?.kind === 'malformed');
    assert.equal(m.line, 6);
    assert.equal(m.expected, 19);
    assert.ok(m.actual !== undefined && m.actual < 19);
    // Exchange: a cut TLS row (fewer than 9 columns) is reported, a cut ordinary row is ignored.
    const cutRow = (SMTP_ROWS[3] ?? '').slice(0, 80);
    assert.deepEqual(kinds(parseSmtp(`${SMTP_HEADER}\n${cutRow}`)), []);
    const cutTls = '2024-05-01T10:00:01.030Z,EX01\\Default Frontend EX01,08DC6A0000000001,3,192.0.2.25:25,"TLS protocol SP_PROT_TLS1_0_SERVER negotiation suc';
    assert.deepEqual(kinds(parseSmtp(`${SMTP_HEADER}\n${cutTls}`)), ['malformed:field-count']);
  });

  it('edge case 4: a header block re-emitted mid-file with the same fields changes nothing but the #Date', () => {
    // A schema without a date column takes the date from #Date: the second block's #Date must win.
    const text = [
      '#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2024-05-01 00:00:00',
      '#Fields: time c-ip crypt-protocol', '08:00:00 192.0.2.1 40',
      '#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2024-05-03 07:00:00',
      '#Fields: time c-ip crypt-protocol', '08:00:00 192.0.2.1 40',
    ].join('\n');
    const events = parseIis(text);
    assert.deepEqual(kinds(events), ['hit', 'hit']);
    assert.deepEqual(iisHits(events).map((h) => h.time), ['2024-05-01T08:00:00.000Z', '2024-05-03T08:00:00.000Z']);
  });

  it('edge case 5: #Fields changed mid-file switches the schema; no column index is reused across blocks', () => {
    const text = [
      '#Fields: date time c-ip cs(User-Agent) crypt-protocol',
      '2024-05-01 10:00:00 192.0.2.1 Old+Agent 40',
      '#Fields: date time crypt-protocol c-ip s-port',
      '2024-05-01 14:00:00 100 192.0.2.2 443',
      '#Fields: date time c-ip s-port',
      '2024-05-01 15:00:00 192.0.2.3 443',
    ].join('\n');
    const events = parseIis(text);
    assert.deepEqual(kinds(events), ['hit', 'hit', 'no-tls-field']);
    const [a, b] = iisHits(events);
    assert.deepEqual([a?.clientIp, a?.protocol, a?.userAgent], ['192.0.2.1', 'Tls10', 'Old+Agent']);
    assert.deepEqual([b?.clientIp, b?.protocol, b?.userAgent, b?.serverPort], ['192.0.2.2', 'Tls11', undefined, 443]);
  });

  it('edge case 6: a record that does not fit its schema is counted and reported; an earlier schema with its count is used', () => {
    // TLS365 does not fill missing trailing values with null: with fewer tokens there is no way to know
    // which value is missing, and docs/log-formats.md 1.3 forbids silent mis-assignment. Fewer and more both become
    // `malformed` with expected/actual, unless an earlier #Fields of the same file has exactly that count.
    const text = [
      '#Fields: date time c-ip crypt-protocol',
      '2024-05-01 10:00:00 192.0.2.1 40',
      '#Fields: date time s-ip c-ip crypt-protocol crypt-cipher',
      '2024-05-01 10:00:01 192.0.2.10 192.0.2.2 100 6610',
      '2024-05-01 10:00:02 192.0.2.10 192.0.2.3 100',
      '2024-05-01 10:00:03 192.0.2.10 192.0.2.4 100 6610 extra',
      '2024-05-01 10:00:04 192.0.2.5 40',
    ].join('\n');
    const events = parseIis(text);
    assert.deepEqual(kinds(events), ['hit', 'hit', 'malformed:field-count', 'malformed:field-count', 'malformed:field-count:recovered', 'hit']);
    const [few, more, stale] = events.filter((e) => e.kind === 'malformed');
    assert.ok(few?.kind === 'malformed' && more?.kind === 'malformed' && stale?.kind === 'malformed');
    assert.deepEqual([few.line, few.expected, few.actual, few.recovered], [5, 6, 5, undefined]);
    assert.deepEqual([more.line, more.expected, more.actual], [6, 6, 7]);
    assert.match(few.message, /test\.log line 5: 5 values for 6 fields/);
    assert.deepEqual([stale.line, stale.recovered], [7, true]);
    assert.equal(iisHits(events)[2]?.clientIp, '192.0.2.5', 'read with the 4-field schema');
    const p = createIisParser({ source: 'x' });
    feed(p, text);
    assert.deepEqual([p.stats().malformed, p.stats().recovered, p.stats().records], [3, 1, 5]);
  });

  it('edge case 7: a file without directives needs a schema (option, or the previous file of the directory); otherwise lines are skipped and reported', () => {
    const body = `${rec('192.0.2.1', '40')}\n${rec('192.0.2.2', '100')}\n`;
    const skipped = parseIis(body);
    assert.deepEqual(kinds(skipped), ['malformed:no-schema', 'malformed:no-schema']);
    assert.ok(skipped[0]?.kind === 'malformed');
    assert.match(skipped[0].message, /no schema given; line skipped/);
    const withOption = parseIis(body, { fields: FIELDS.slice('#Fields: '.length) });
    assert.deepEqual(iisHits(withOption).map((h) => h.protocol), ['Tls10', 'Tls11']);
    const p = createIisParser({ source: 'u_ex240501.log' });
    feed(p, `${FIELDS}\n${rec('192.0.2.9', '400')}\n`);
    p.beginFile('u_ex240501_1.log');
    assert.deepEqual(iisHits(feed(p, body)).map((h) => [h.source, h.protocol]), [['u_ex240501_1.log', 'Tls10'], ['u_ex240501_1.log', 'Tls11']]);
  });

  it('edge case 8: directive order varies, #Version/#Date may be missing, #Start-Date stands for #Date', () => {
    const reordered = ['#Date: 2021-08-07 00:00:01', FIELDS, '#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', rec('192.0.2.1', '40')].join('\n');
    assert.equal(onlyHit(parseIis(reordered)).protocol, 'Tls10');
    const minimal = ['#Software: Microsoft Internet Information Services 7.0', FIELDS, rec('192.0.2.1', '100')].join('\n');
    assert.equal(onlyHit(parseIis(minimal)).time, '2024-05-01T00:00:01.000Z');
    const startDate = ['#Software: IIS Advanced Logging Module', '#Start-Date: 2014-11-18 00:00:00.128', '#Fields: time-local c-ip crypt-protocol', '17:00:00.363 192.0.2.1 40'].join('\n');
    assert.equal(onlyHit(parseIis(startDate)).time, '2014-11-18T17:00:00.363');
    // Directive names in any case.
    assert.equal(onlyHit(parseIis(`#FIELDS: date time c-ip crypt-protocol\n2024-05-01 00:00:00 192.0.2.1 40`)).protocol, 'Tls10');
  });

  it('edge case 9: blank lines, leading spaces, runs of spaces and a trailing space in #Fields; runs of spaces or tabs in records', () => {
    const text = [
      '#Software: IIS Advanced Logging Module', '', '#Version: 1.0', '   ', '\t',
      '#Fields:   date  time\tc-ip   crypt-protocol   ',
      '',
      '  2024-05-01   00:00:01 \t192.0.2.1  40  ',
      '2024-05-01\t00:00:02\t192.0.2.2\t100',
    ].join('\n');
    const p = createIisParser({ source: 'adv.log' });
    const events = feed(p, text);
    assert.deepEqual(iisHits(events).map((h) => [h.clientIp, h.protocol]), [['192.0.2.1', 'Tls10'], ['192.0.2.2', 'Tls11']]);
    assert.equal(p.stats().blank, 4);
    assert.equal(p.stats().records, 2);
  });

  it('edge case 10: "-" means no value; crypt-protocol "-" is plain HTTP, not unknown TLS', () => {
    const events = parseIis(`${FIELDS}\n${rec('192.0.2.1', '-', '-', '80')}\n2024-05-01 00:00:02 - - - - - 192.0.2.2 - 40 -\n`);
    assert.deepEqual(kinds(events), ['plain', 'hit']);
    const h = onlyHit(events);
    assert.equal(h.protocol, 'Tls10');
    assert.deepEqual([h.userAgent, h.username, h.cipher, h.serverIp, h.serverPort, h.method, h.uri], [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('edge case 11: "+" stands for spaces: kept raw for grouping, decoded for display only, never percent-decoded', () => {
    const text = `#Fields: date time c-ip cs-uri-stem cs(User-Agent) crypt-protocol\n2024-05-01 00:00:01 192.0.2.1 /a%20b+c Mozilla/5.0+(Windows+NT+10.0;+Win64) 40\n`;
    const h = onlyHit(parseIis(text));
    assert.equal(h.userAgent, 'Mozilla/5.0+(Windows+NT+10.0;+Win64)');
    assert.equal(plusToSpace(h.userAgent ?? ''), 'Mozilla/5.0 (Windows NT 10.0; Win64)');
    assert.equal(h.uri, '/a%20b+c');
  });

  it('edge case 12: quoted values with spaces and doubled quotes (Advanced Logging, cookies) use a quote-aware tokenizer', () => {
    const text = [
      '#Fields: date-local time-local c-ip cs(User-Agent) cs(Cookie) crypt-protocol',
      '2012-08-15 17:00:00.363 "70.95.0.0" "Mozilla/5.0 (Linux; Android 4.4.4) AppleWebKit/537.36 (KHTML, like Gecko)" " ""garbage"" w/ spaces " 40',
      // A native IIS line whose user agent has an unbalanced quote: read as bare tokens.
      '2012-08-15 17:00:01.000 192.0.2.1 "Mozilla/4.0+(compatible) a=b 100',
      '2012-08-15 17:00:02.000 192.0.2.2 "" - 400',
    ].join('\n');
    const hits = iisHits(parseIis(text));
    assert.deepEqual(hits.map((h) => [h.clientIp, h.userAgent, h.protocol]), [
      ['70.95.0.0', 'Mozilla/5.0 (Linux; Android 4.4.4) AppleWebKit/537.36 (KHTML, like Gecko)', 'Tls10'],
      ['192.0.2.1', '"Mozilla/4.0+(compatible)', 'Tls11'],
      ['192.0.2.2', undefined, 'Tls12'],
    ]);
    assert.equal(hits[0]?.time, '2012-08-15T17:00:00.363', 'date-local/time-local: local time, no Z');
  });

  it('edge case 13: non-ASCII user agents: UTF-8 with replacement for bad bytes, or a code page decoded by the caller', () => {
    const header = Buffer.from('#Fields: date time c-ip cs(User-Agent) crypt-protocol\n');
    const utf8 = Buffer.concat([header, Buffer.from('2024-05-01 00:00:01 192.0.2.1 Navigateur/1.0+(Fran\u00e7ais;+\u65e5\u672c) 40\n', 'utf8')]);
    assert.equal(onlyHit(parseIis(new TextDecoder('utf-8').decode(utf8))).userAgent, 'Navigateur/1.0+(Fran\u00e7ais;+\u65e5\u672c)');
    const invalid = Buffer.concat([header, Buffer.from('2024-05-01 00:00:01 192.0.2.1 Bad'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' 100\n')]);
    const h = onlyHit(parseIis(new TextDecoder('utf-8').decode(invalid)));
    assert.equal(h.userAgent, 'Bad\ufffd\ufffd\ufffd');
    assert.equal(h.protocol, 'Tls11');
    // ex*.log in the ANSI code page (here windows-1252): 0xE9 is e-acute.
    const ansi = Buffer.concat([header, Buffer.from('2024-05-01 00:00:01 192.0.2.1 Caf'), Buffer.from([0xe9]), Buffer.from(' 40\n')]);
    assert.equal(onlyHit(parseIis(new TextDecoder('windows-1252').decode(ansi))).userAgent, 'Caf\u00e9');
  });

  it('edge case 14: IPv6 is normalised for grouping (zone dropped, v4-mapped as IPv4) and kept raw; Exchange [v6]:port', () => {
    const cases: [string, string][] = [
      ['::1%0', '::1'], ['fe80::1%12', 'fe80::1'], ['::ffff:192.0.2.1', '192.0.2.1'], ['::FFFF:C000:0201', '192.0.2.1'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'], ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], ['2001:0db8::0001', '2001:db8::1'],
      ['[2001:db8::1]', '2001:db8::1'], ['192.0.2.1', '192.0.2.1'], ['::', '::'], ['not:an:ip', 'not:an:ip'],
    ];
    for (const [raw, expected] of cases) assert.equal(normalizeIp(raw), expected, raw);
    const text = `#Fields: date time c-ip crypt-protocol\n2024-05-01 00:00:01 ::1%0 40\n2024-05-01 00:00:02 ::ffff:192.0.2.7 40\n`;
    assert.deepEqual(iisHits(parseIis(text)).map((h) => [h.clientIp, h.clientIpRaw]), [['::1', '::1%0'], ['192.0.2.7', '::ffff:192.0.2.7']]);
    assert.deepEqual(splitEndpoint('[2001:db8::1]:25'), { address: '2001:db8::1', port: 25 });
    assert.deepEqual(splitEndpoint('2001:db8::1:25'), { address: '2001:db8::1', port: 25 });
    assert.deepEqual(splitEndpoint('192.0.2.1:25'), { address: '192.0.2.1', port: 25 });
    assert.deepEqual(splitEndpoint('2001:db8::50'), { address: '2001:db8::50' }, 'bare IPv6 without port stays whole');
    const smtp = smtpHits(parseSmtp(`${SMTP_HEADER}\n${smtpRow('EX01', 'S1', 3, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`, '[2001:DB8::77]:2525')}\n`));
    assert.deepEqual([smtp[0]?.clientIp, smtp[0]?.clientIpRaw, smtp[0]?.clientPort], ['2001:db8::77', '2001:DB8::77', 2525]);
  });

  it('edge case 15: crypt values are hex strings: 400 is 0x400 (TLS 1.2), 1000 is TLS 1.3, 660e is AES-128 (not 660 x 10^0)', () => {
    assert.deepEqual([decodeCryptProtocol('400').protocol, decodeCryptProtocol('400').code], ['Tls12', '0x400']);
    assert.equal(decodeCryptProtocol('1000').protocol, 'Tls13');
    assert.equal(decodeCryptProtocol('40').protocol, 'Tls10', '40 is not decimal 40 (0x28)');
    assert.equal(decodeAlgId('660e').label, 'AES-128');
    assert.equal(decodeAlgId('660E').label, 'AES-128');
    assert.equal(decodeAlgId('0x6610').label, 'AES-256');
    const h = onlyHit(parseIis(`#Fields: date time c-ip crypt-protocol crypt-cipher crypt-hash crypt-keyexchange\n2024-05-01 00:00:01 192.0.2.1 400 660e 800c ae06\n`));
    assert.deepEqual([h.protocol, h.cipher?.label, h.hash?.label, h.keyExchange?.label], ['Tls12', 'AES-128', 'SHA-256', 'ECDHE']);
  });

  it('edge case 16: unknown protocol and ALG_ID values are reported as "unknown (0x...)", not dropped', () => {
    const h = onlyHit(parseIis(`#Fields: date time c-ip crypt-protocol crypt-cipher\n2024-05-01 00:00:01 192.0.2.1 ff 1234\n`));
    assert.deepEqual([h.protocol, h.protocolLabel, h.cipher?.label, h.cipher?.code], ['Unknown', 'unknown (0xff)', 'unknown (0x1234)', '0x1234']);
    assert.equal(algIdFromConstant('CALG_NEW_THING', 128).label, 'unknown (CALG_NEW_THING)');
    const pct = smtpHits(parseSmtp(`${SMTP_HEADER}\n${smtpRow('EX01', 'S1', 3, '*', '', `"${TLS_SENTENCE('SP_PROT_DTLS1_2_SERVER')}"`)}\n`));
    assert.deepEqual([pct[0]?.protocol, pct[0]?.protocolLabel], ['Unknown', 'unknown (SP_PROT_DTLS1_2_SERVER)']);
    const result = aggregate([h]);
    assert.deepEqual(result.records.map((r) => [r.clientIp, r.protocolLabel]), [['192.0.2.1', 'unknown (0xff)']]);
  });

  it('edge case 17: large integers (sc-win32-status 2148074254, sizes over 2^32) are not int32', () => {
    const text = `#Fields: date time c-ip sc-status sc-win32-status crypt-protocol\n2024-05-01 00:00:01 192.0.2.1 401 2148074254 40\n2024-05-01 00:00:02 192.0.2.1 401 214784354254 40\n`;
    assert.deepEqual(iisHits(parseIis(text)).map((h) => [h.status, h.win32Status]), [[401, 2148074254], [401, 214784354254]]);
  });

  it('edge case 18: dates: date+time is UTC; without a date column the last #Date is used with midnight rollover; unsorted records; Exchange ISO times', () => {
    const rollover = [
      '#Date: 2024-05-01 23:59:00', '#Fields: time c-ip crypt-protocol',
      '23:59:58 192.0.2.1 40', '23:59:50 192.0.2.1 40', '00:00:02 192.0.2.1 40', '23:59:59 192.0.2.1 40', '00:00:03 192.0.2.1 40',
    ].join('\n');
    assert.deepEqual(iisHits(parseIis(rollover)).map((h) => h.time), [
      '2024-05-01T23:59:58.000Z', '2024-05-01T23:59:50.000Z', '2024-05-02T00:00:02.000Z',
      '2024-05-01T23:59:59.000Z', '2024-05-02T00:00:03.000Z',
    ]);
    // The #Date clock itself counts: a record after #Date 23:59 whose clock reads 00:00 is the next day.
    assert.equal(onlyHit(parseIis('#Date: 2024-12-31 23:59:00\n#Fields: time c-ip crypt-protocol\n00:00:01 192.0.2.1 40')).time, '2025-01-01T00:00:01.000Z');
    // No date anywhere: the time is unknown rather than guessed, unless the caller gives the date.
    assert.equal(onlyHit(parseIis('#Fields: time c-ip crypt-protocol\n10:00:00 192.0.2.1 40')).time, undefined);
    assert.equal(onlyHit(parseIis('#Fields: time c-ip crypt-protocol\n10:00:00 192.0.2.1 40', { date: '2024-06-01' })).time, '2024-06-01T10:00:00.000Z');
    // Records out of order keep their own dates.
    assert.deepEqual(iisHits(parseIis(`${FIELDS}\n${rec('192.0.2.1', '40', 'a', '443', '-', '10:00:00')}\n2024-04-30 09:00:00 192.0.2.10 GET / 443 - 192.0.2.1 a 40 6610\n`)).map((h) => h.time),
      ['2024-05-01T10:00:00.000Z', '2024-04-30T09:00:00.000Z']);
    // Exchange: ISO date-time with Z; a #Date later than the first record is irrelevant.
    const smtp = smtpHits(parseSmtp(`${SMTP_HEADER.replace('2024-05-01T10:00:04.113Z', '2024-05-01T16:00:04.113Z')}\n${SMTP_ROWS.join('\n')}\n`));
    assert.equal(smtp[0]?.time, '2024-05-01T10:00:01.030Z');
  });

  it('edge case 19: custom field names are admin-chosen: case-insensitive defaults (CRYPT_PROTOCOL, Crypt-Protocol) and a mapping', () => {
    assert.equal(onlyHit(parseIis('#Fields: date time c-ip CRYPT_PROTOCOL\n2024-05-01 00:00:01 192.0.2.1 100')).protocol, 'Tls11');
    assert.equal(onlyHit(parseIis('#Fields: Date Time C-IP Crypt-Protocol\n2024-05-01 00:00:01 192.0.2.1 100')).protocol, 'Tls11');
    const mapped = parseIis('#Fields: date time c-ip SslVer Cipher\n2024-05-01 00:00:01 192.0.2.1 40 6603', { fieldMap: { protocol: 'SslVer', cipher: 'cipher' } });
    const h = onlyHit(mapped);
    assert.deepEqual([h.protocol, h.cipher?.label, h.cipher?.weak], ['Tls10', '3DES', true]);
    // Without the mapping the column is unknown: the request is reported as logged without crypt-protocol.
    assert.deepEqual(kinds(parseIis('#Fields: date time c-ip SslVer\n2024-05-01 00:00:01 192.0.2.1 40')), ['no-tls-field']);
  });

  it('edge case 20: behind a load balancer the client is c-ip (the TLS peer); the forwarded addresses are clients behind it', () => {
    // The crypt-* fields describe the TLS session of the connection IIS accepted, i.e. with c-ip (IIS server
    // variables: CRYPT_PROTOCOL is "the cryptographic protocol used to establish the connection"). A device that adds
    // X-Forwarded-For has ended the client's TLS itself, so the TLS 1.0 here is the load balancer's back-end leg:
    // the load balancer is the legacy client (an earlier version made the forwarded address the client; wrong).
    const text = [
      '#Fields: date time c-ip crypt-protocol X-Forwarded-For',
      '2024-05-01 00:00:01 10.0.0.5 40 203.0.113.5,+10.0.0.9',
      '2024-05-01 00:00:02 10.0.0.5 40 -',
      '2024-05-01 00:00:03 10.0.0.5 40 unknown,+10.0.0.9',
      '2024-05-01 00:00:04 10.0.0.5 40 203.0.113.6:51234',
      '2024-05-01 00:00:05 10.0.0.5 40 2001:db8::9,+10.0.0.9',
      '2024-05-01 00:00:06 10.0.0.5 40 [2001:db8::a]:443',
    ].join('\n');
    assert.deepEqual(iisHits(parseIis(text)).map((h) => [h.clientIp, h.forwardedClient]), [
      ['10.0.0.5', '203.0.113.5'], ['10.0.0.5', undefined], ['10.0.0.5', 'unknown'], ['10.0.0.5', '203.0.113.6'],
      ['10.0.0.5', '2001:db8::9'], ['10.0.0.5', '2001:db8::a'],
    ]);
    for (const name of ['OriginalIP', 'OriginalClientIP', 'cs(X-Forwarded-For)']) {
      const h = onlyHit(parseIis(`#Fields: date time c-ip crypt-protocol ${name}\n2024-05-01 00:00:01 10.0.0.5 40 198.51.100.1`));
      assert.deepEqual([h.clientIp, h.forwardedClient], ['10.0.0.5', '198.51.100.1'], name);
    }
    const r = aggregate(parseIis(text));
    assert.deepEqual(r.records.map((x) => x.clientIp), ['10.0.0.5']);
    assert.deepEqual(r.records[0]?.forwardedFor.map((f) => [f.address, f.count]), [
      ['203.0.113.5', 1], ['unknown', 1], ['203.0.113.6', 1], ['2001:db8::9', 1], ['2001:db8::a', 1],
    ]);
  });

  it('edge case 21: Exchange back end (port 444), loopback clients and health probes are tagged internal and can be excluded', () => {
    const text = [
      FIELDS,
      rec('198.51.100.1', '40', 'Outlook', '443'),
      rec('192.0.2.20', '40', 'Outlook', '444'),
      rec('::1', '40', 'Outlook', '443'),
      rec('127.0.0.1', '40', 'Outlook', '443'),
      rec('198.51.100.2', '40', 'Mozilla/4.0+(compatible;+MSIE+12.0;+MSEXCHMON;+ACTIVEMONITORING)', '443'),
      rec('198.51.100.3', '40', 'Ews_Probe/Local', '443'),
      rec('198.51.100.4', '40', 'Outlook', '443', 'CONTOSO\\HealthMailbox0123abc'),
    ].join('\n');
    const hits = iisHits(parseIis(text));
    assert.deepEqual(hits.map((h) => h.internal), [undefined, 'exchange-backend', 'loopback', 'loopback', 'health-probe', 'health-probe', 'health-probe']);
    assert.deepEqual(aggregate(hits).records.map((r) => [r.clientIp, r.internalCount]).sort(), [
      ['127.0.0.1', 1], ['192.0.2.20', 1], ['198.51.100.1', 0], ['198.51.100.2', 1], ['198.51.100.3', 1], ['198.51.100.4', 1], ['::1', 1],
    ]);
    const excluded = aggregate(hits, { excludeInternal: true });
    assert.deepEqual(excluded.records.map((r) => r.clientIp), ['198.51.100.1']);
    assert.equal(excluded.totals.internalExcluded, 6);
    assert.equal(smtpHits(parseSmtp(`${SMTP_HEADER}\n${smtpRow('EX01', 'S', 3, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_2_SERVER')}"`, '127.0.0.1:1234')}`))[0]?.internal, 'loopback');
  });

  it('edge case 22: Exchange CSV: quoted commas, doubled quotes, surplus columns folded into context, empty local endpoint, backslashes', () => {
    const unquotedSentence = TLS_SENTENCE('SP_PROT_TLS1_1_SERVER'); // has a comma: 10 columns when not quoted
    const rows = [
      `2024-05-01T10:00:01.000Z,EX01\\Default\\Frontend EX01,S22,0,192.0.2.25:25,198.51.100.30:1111,<,"EHLO ""odd"",name",`,
      `2024-05-01T10:00:01.001Z,EX01\\Default\\Frontend EX01,S22,1,192.0.2.25:25,198.51.100.30:1111,*,,${unquotedSentence}`,
      `2024-05-01T10:00:01.002Z,Outbound,S23,1,,203.0.113.9:25,*,,"${TLS_SENTENCE('SP_PROT_TLS1_0_CLIENT')}"`,
    ];
    const hits = smtpHits(parseSmtp(`${SMTP_HEADER}\n${rows.join('\n')}\n`));
    assert.equal(hits.length, 2);
    const [folded, send] = hits;
    assert.deepEqual([folded?.protocol, folded?.cipher?.label, folded?.keyExchange?.bits], ['Tls11', 'AES-256', 384], 'surplus columns folded back into context');
    assert.equal(folded?.connector, 'EX01\\Default\\Frontend EX01');
    assert.equal(folded?.server, 'EX01');
    assert.equal(folded?.ehloName, '"odd",name', 'EHLO name read from a quoted data field with doubled quotes and a comma');
    assert.deepEqual([send?.format, send?.localEndpoint, send?.clientIp], ['ExchangeSmtpSend', undefined, '203.0.113.9']);
  });

  it('edge case 23: Exchange TLS token variants: SP_PROT_ and SP_PROT-, _SERVER and _CLIENT, TLS1 alias, CALG_ECDHE and CALG_ECDH_EPHEM, strength 0', () => {
    const tokens: [string, string, string][] = [
      ['SP_PROT_TLS1_0_SERVER', 'Tls10', 'server'], ['SP_PROT-TLS1_0_SERVER', 'Tls10', 'server'],
      ['SP_PROT_TLS1_0_CLIENT', 'Tls10', 'client'], ['SP_PROT-TLS1_0_CLIENT', 'Tls10', 'client'],
      ['SP_PROT_TLS1_SERVER', 'Tls10', 'server'], ['SP_PROT_TLS1_1_CLIENT', 'Tls11', 'client'],
      ['SP_PROT_TLS1_3_SERVER', 'Tls13', 'server'], ['SP_PROT_SSL3_SERVER', 'Ssl3', 'server'], ['SP_PROT_SSL2_SERVER', 'Ssl2', 'server'],
    ];
    for (const [token, protocol, role] of tokens) {
      const [h] = smtpHits(parseSmtp(`${SMTP_HEADER}\n${smtpRow('EX01', 'S', 3, '*', '', `"${TLS_SENTENCE(token)}"`)}`));
      assert.deepEqual([h?.protocol, h?.role, h?.protocolCode], [protocol, role, token], token);
    }
    const ecdhe = algIdFromConstant('CALG_ECDHE', 256);
    const ephem = algIdFromConstant('CALG_ECDH_EPHEM', 256);
    assert.deepEqual([ecdhe.label, ecdhe.constant, ephem.label, ephem.constant], ['ECDHE', 'CALG_ECDH_EPHEM', 'ECDHE', 'CALG_ECDH_EPHEM']);
    const [h] = smtpHits(parseSmtp(`${SMTP_HEADER}\n${smtpRow('EX01', 'S', 3, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_2_SERVER')}"`)}`));
    assert.deepEqual([h?.hash?.label, h?.hash?.bits], ['SHA-384', 0]);
  });

  it('edge case 24: sessions span files, sequence numbers repeat or skip, session ids are unique per server only', () => {
    const tls = `"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`;
    const p = createExchangeSmtpParser({ source: 'EX01/RECV-1.LOG' });
    feed(p, `${SMTP_HEADER}\n${smtpRow('EX01', 'SAME', 12, '<', 'EHLO one.contoso.test', '')}\n${smtpRow('EX02', 'SAME', 14, '+', '', '')}`);
    p.beginFile('EX01/RECV-2.LOG');
    const events = feed(p, `${SMTP_HEADER}\n${smtpRow('EX02', 'SAME', 15, '*', '', tls)}\n${smtpRow('EX01', 'SAME', 15, '*', '', tls)}\n${smtpRow('EX01', 'SAME', 15, '*', '', tls)}`);
    assert.deepEqual(smtpHits(events).map((h) => [h.server, h.ehloName, h.source]), [
      ['EX02', undefined, 'EX01/RECV-2.LOG'],
      ['EX01', 'one.contoso.test', 'EX01/RECV-2.LOG'],
      ['EX01', 'one.contoso.test', 'EX01/RECV-2.LOG'],
    ]);
  });

  it('edge case 25: the same client in several logs (FrontEnd + IIS, two servers) is one record per protocol, listing where it was seen', () => {
    const iis = feed(createIisParser({ source: 'EX01/W3SVC1/u_ex240501.log' }), `${FIELDS}\n${rec('198.51.100.20', '40', 'Outlook')}`);
    const iis2 = feed(createIisParser({ source: 'EX02/W3SVC1/u_ex240501.log' }), `${FIELDS}\n${rec('198.51.100.20', '40', 'Outlook')}\n${rec('198.51.100.20', '100', 'Outlook')}`);
    const smtp = feed(createExchangeSmtpParser({ source: 'EX01/FrontEnd/RECV.LOG' }), `${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}`);
    const r = aggregate([...iis, ...iis2, ...smtp]);
    assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count, x.sources, x.formats, x.ehloName, x.userAgent]), [
      ['198.51.100.20', 'Tls10', 3, ['EX01/W3SVC1/u_ex240501.log', 'EX02/W3SVC1/u_ex240501.log', 'EX01/FrontEnd/RECV.LOG'], ['IisW3C', 'ExchangeSmtpReceive'], 'printer01.contoso.test', 'Outlook'],
      ['198.51.100.20', 'Tls11', 1, ['EX02/W3SVC1/u_ex240501.log'], ['IisW3C'], undefined, 'Outlook'],
    ]);
    assert.deepEqual(r.records[0]?.rules, ['TLS365-DISC-001', 'TLS365-DISC-003']);
  });

  it('edge case 26: gzip (single or concatenated members) and zip are detected by magic bytes; decompressed text parses the same', () => {
    const bytes = Buffer.from(T_FILE, 'utf8');
    const single = gzipSync(bytes);
    const half = T_FILE.indexOf(T2);
    const members = Buffer.concat([gzipSync(bytes.subarray(0, half)), gzipSync(bytes.subarray(half))]);
    assert.equal(sniffCompression(single), 'gzip');
    assert.equal(sniffCompression(members), 'gzip');
    assert.equal(sniffCompression(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), 'zip');
    assert.equal(sniffCompression(Buffer.from([0x50, 0x4b, 0x05, 0x06])), 'zip');
    assert.equal(sniffCompression(bytes), 'none');
    assert.equal(sniffCompression(new Uint8Array([0x1f])), 'none');
    const reference = parseIis(T_FILE);
    assert.deepEqual(parseIis(gunzipSync(single).toString('utf8')), reference);
    assert.deepEqual(parseIis(gunzipSync(members).toString('utf8')), reference, 'all members, not just the first');
    // Extracting zip entries is the caller's job (Node side); the core only recognises the container.
  });

  it('edge case 27: a file in use that grows during the scan: partial last lines wait for the rest, results equal a single read', () => {
    const reference = parseIis(T_FILE);
    const splitter = createLineSplitter();
    const parser = createIisParser({ source: 'test.log' });
    const events: LogEvent[] = [];
    let lineNo = 0;
    const take = (lines: SplitLine[]): void => {
      for (const l of lines) events.push(...parser.pushLine(l, ++lineNo));
    };
    // First read stops in the middle of T2; the writer appends; the second read continues in odd-sized chunks.
    const cut = T_FILE.indexOf(T2) + 17;
    take(splitter.push(T_FILE.slice(0, cut)));
    const before = events.length;
    for (let i = cut; i < T_FILE.length; i += 7) take(splitter.push(T_FILE.slice(i, i + 7)));
    take(splitter.end());
    events.push(...parser.end());
    assert.equal(before, 1, 'only T1 was complete at the first read');
    assert.deepEqual(events, reference);
  });

  it('edge case 28: very large files stream with bounded memory: nothing per hit is kept, and SMTP rows without SP_PROT are not CSV-parsed', () => {
    const parser = createIisParser({ source: 'big.log' });
    const agg = createAggregator({ protocols: ['Tls10', 'Tls11'] });
    assert.ok(agg.ok);
    parser.pushLine(FIELDS, 1);
    const n = 100_000;
    for (let i = 0; i < n; i += 1) {
      const proto = i % 3 === 0 ? '40' : i % 3 === 1 ? '100' : '400';
      agg.value.addAll(parser.pushLine(rec(`198.51.100.${i % 50}`, proto), i + 2));
    }
    const r = agg.value.result();
    assert.equal(parser.stats().records, n);
    assert.equal(r.records.length, 100, '50 clients x 2 selected protocols, whatever the number of lines');
    assert.equal(r.records.reduce((s, x) => s + x.count, 0), Math.ceil(n / 3) + Math.ceil((n - 1) / 3));
    assert.equal(r.totals.hits, n);
    // Pre-filter: a broken row without SP_PROT, EHLO or a disconnect is never parsed, so it cannot even be malformed.
    assert.deepEqual(parseSmtp(`${SMTP_HEADER}\n2024-05-01T10:00:01.000Z,"unterminated,,,,\n${SMTP_ROWS.join('\n')}`).map((e) => e.kind), ['hit']);
    // Only the events, not the parsed lines, reach the caller: a stats snapshot shows the counters only.
    assert.deepEqual(Object.keys(parser.stats()).sort(), ['blank', 'directives', 'hits', 'lines', 'malformed', 'noTlsField', 'plain', 'records', 'recovered', 'skipped']);
  });

  it('every record line yields exactly one primary event (the invariant the fixture counts rely on)', () => {
    const p = createIisParser({ source: 't' });
    const events = feed(p, `${T_FILE}${T3}\nbroken line\n`);
    assert.equal(primary(events).length, p.stats().records);
  });
});
