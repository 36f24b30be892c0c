import { strict as assert } from 'node:assert';
import { createExchangeSmtpParser, parseCsvLine } from '../../../core/logs/index.js';
import { feed, kinds, parseSmtp, SMTP_HEADER, SMTP_ROWS, smtpHits, TLS_SENTENCE } from './helpers.js';

const row = (seq: number, event: string, data: string, context: string, remote = '198.51.100.20:50123', session = '08DC6A0000000001'): string =>
  `2024-05-01T10:00:0${seq}.000Z,EX01\\Default Frontend EX01,${session},${seq},192.0.2.25:25,${remote},${event},${data},${context}`;

describe('logs: Exchange SMTP test vectors (docs/log-formats.md 2.7)', () => {
  it('the 2.7 session is one finding: EX01, connector, session, client, HELO name, TLS 1.0 inbound, algorithms, time', () => {
    const events = parseSmtp(`${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}\n`);
    assert.deepEqual(kinds(events), ['hit']);
    const [h] = smtpHits(events);
    assert.ok(h !== undefined);
    assert.equal(h.server, 'EX01');
    assert.equal(h.connector, 'EX01\\Default Frontend EX01');
    assert.equal(h.sessionId, '08DC6A0000000001');
    assert.equal(h.clientIp, '198.51.100.20');
    assert.equal(h.clientPort, 50123);
    assert.equal(h.ehloName, 'printer01.contoso.test');
    assert.equal(h.protocol, 'Tls10');
    assert.equal(h.protocolCode, 'SP_PROT_TLS1_0_SERVER');
    assert.equal(h.legacy, true);
    assert.equal(h.role, 'server');
    assert.equal(h.format, 'ExchangeSmtpReceive');
    assert.deepEqual([h.cipher?.code, h.cipher?.bits, h.cipher?.label], ['CALG_AES_256', 256, 'AES-256']);
    assert.deepEqual([h.hash?.code, h.hash?.bits, h.hash?.label], ['CALG_SHA1', 160, 'SHA-1']);
    assert.deepEqual([h.keyExchange?.code, h.keyExchange?.bits, h.keyExchange?.constant], ['CALG_ECDHE', 256, 'CALG_ECDH_EPHEM']);
    assert.equal(h.time, '2024-05-01T10:00:01.030Z');
    assert.equal(h.localEndpoint, '192.0.2.25:25');
    assert.equal(h.line, 9);
  });

  it('a banner with a comma: data holds the comma, context is empty', () => {
    const line = row(1, '>', '"220 EX01.contoso.test Microsoft ESMTP MAIL Service ready at Wed, 01 May 2024 10:00:01 +0000"', '');
    const cols = parseCsvLine(line);
    assert.equal(cols.length, 9);
    assert.equal(cols[7], '220 EX01.contoso.test Microsoft ESMTP MAIL Service ready at Wed, 01 May 2024 10:00:01 +0000');
    assert.equal(cols[8], '');
    assert.deepEqual(parseSmtp(`${SMTP_HEADER}\n${line}\n`), []);
  });

  it('doubled quotes: context `Remote said "hi", bye`', () => {
    const cols = parseCsvLine(row(1, '*', '', '"Remote said ""hi"", bye"'));
    assert.equal(cols.length, 9);
    assert.equal(cols[8], 'Remote said "hi", bye');
  });

  it('send log: SP_PROT-TLS1_2_CLIENT (hyphen) is outbound TLS 1.2, not a legacy client', () => {
    const header = SMTP_HEADER.replace('SMTP Receive Protocol Log', 'SMTP Send Protocol Log');
    const line = `2024-05-01T10:00:01.030Z,Outbound to Office 365,08DC6A0000000002,5,192.0.2.25:41234,203.0.113.80:25,*,,"${TLS_SENTENCE('SP_PROT-TLS1_2_CLIENT')}"`;
    const [h] = smtpHits(parseSmtp(`${header}\n${line}\n`, { server: 'EX01' }));
    assert.ok(h !== undefined);
    assert.equal(h.format, 'ExchangeSmtpSend');
    assert.equal(h.role, 'client');
    assert.equal(h.protocol, 'Tls12');
    assert.equal(h.legacy, false);
    assert.equal(h.clientIp, '203.0.113.80');
    assert.equal(h.server, 'EX01');
    assert.equal(h.hash?.bits, 0, 'GCM suites log the MAC strength as 0');
  });

  it('IPv6: remote [2001:db8::50]:41000 is ip 2001:db8::50, port 41000', () => {
    const line = row(3, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_1_SERVER')}"`, '[2001:db8::50]:41000');
    const [h] = smtpHits(parseSmtp(`${SMTP_HEADER}\n${line}\n`));
    assert.equal(h?.clientIp, '2001:db8::50');
    assert.equal(h?.clientPort, 41000);
    assert.equal(h?.protocol, 'Tls11');
  });

  it('one session over RECV2024050110-1.LOG (rows 0-2) and -2.LOG (rows 3-4) is still one finding with the HELO name', () => {
    const p = createExchangeSmtpParser({ source: 'RECV2024050110-1.LOG' });
    const first = feed(p, `${SMTP_HEADER}\n${SMTP_ROWS.slice(0, 3).join('\n')}\n`);
    p.beginFile('RECV2024050110-2.LOG');
    const second = feed(p, `${SMTP_HEADER}\n${SMTP_ROWS.slice(3).join('\n')}\n`);
    assert.deepEqual(first, []);
    const hits = smtpHits(second);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]?.ehloName, 'printer01.contoso.test');
    assert.equal(hits[0]?.source, 'RECV2024050110-2.LOG');
    assert.equal(hits[0]?.line, 6);
  });

  it('interleaved sessions are joined by session id, and a session is forgotten after its disconnect row', () => {
    const a = (seq: number, ev: string, data: string, ctx: string): string => row(seq, ev, data, ctx, '198.51.100.20:50123', 'AAAA000000000001');
    const b = (seq: number, ev: string, data: string, ctx: string): string => row(seq, ev, data, ctx, '198.51.100.21:50999', 'BBBB000000000002');
    const text = [
      SMTP_HEADER,
      a(0, '+', '', ''), b(0, '+', '', ''),
      b(1, '<', 'EHLO scanner.contoso.test', ''), a(1, '<', 'ehlo printer.contoso.test', ''),
      a(2, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`), b(2, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_2_SERVER')}"`),
      a(3, '-', '', 'Local'),
      a(4, '*', '', `"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`),
    ].join('\n');
    const hits = smtpHits(parseSmtp(text));
    assert.deepEqual(hits.map((h) => [h.clientIp, h.protocol, h.ehloName]), [
      ['198.51.100.20', 'Tls10', 'printer.contoso.test'],
      ['198.51.100.21', 'Tls12', 'scanner.contoso.test'],
      ['198.51.100.20', 'Tls10', undefined],
    ]);
  });

  it('a row with SP_PROT that is not a success row is malformed (tls-row), naming source and line', () => {
    const line = row(3, '*', '', '"TLS protocol SP_PROT_TLS1_0_SERVER negotiation failed"');
    const events = parseSmtp(`${SMTP_HEADER}\n${line}\n`);
    assert.deepEqual(kinds(events), ['malformed:tls-row']);
    assert.ok(events[0]?.kind === 'malformed');
    assert.equal(events[0].line, 6);
    assert.equal(events[0].source, 'RECV.LOG');
    assert.match(events[0].message, /RECV\.LOG line 6/);
  });

  it('the sentence may sit in data instead of context', () => {
    const line = row(3, '*', `"${TLS_SENTENCE('SP_PROT_SSL3_SERVER')}"`, '');
    const [h] = smtpHits(parseSmtp(`${SMTP_HEADER}\n${line}\n`));
    assert.equal(h?.protocol, 'Ssl3');
  });
});
