import { strict as assert } from 'node:assert';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createIisParser, plusToSpace, type LogEvent } from '../../../core/logs/index.js';
import type { Protocol } from '../../../core/protocols/names.js';
import { feed, iisHits, kinds, onlyHit, parseIis, T1, T2, T3, T4, T5, T6, T7_BLOCK, T_FILE, T_HEADER } from './helpers.js';

const one = (record: string): LogEvent[] => parseIis(`${T_HEADER}\n${record}\n`);

describe('logs: IIS W3C test vectors (docs/log-formats.md 1.6)', () => {
  it('T1: TLS 1.0 from 198.51.100.7 as CONTOSO\\svc-scan, AES-256, SHA-1, RSA key exchange, legacy', () => {
    const h = onlyHit(one(T1));
    assert.equal(h.clientIp, '198.51.100.7');
    assert.equal(h.username, 'CONTOSO\\svc-scan');
    assert.equal(h.protocol, 'Tls10');
    assert.equal(h.protocolLabel, 'TLS 1.0');
    assert.equal(h.protocolCode, '0x40');
    assert.equal(h.legacy, true);
    assert.equal(h.cipher?.label, 'AES-256');
    assert.equal(h.cipher?.constant, 'CALG_AES_256');
    assert.equal(h.hash?.label, 'SHA-1');
    assert.equal(h.keyExchange?.constant, 'CALG_RSA_KEYX');
    assert.equal(h.time, '2024-05-01T00:00:01.000Z');
    assert.equal(h.uri, '/EWS/Exchange.asmx');
    assert.equal(h.serverIp, '192.0.2.10');
    assert.equal(h.serverPort, 443);
    assert.equal(h.line, 5);
    assert.equal(h.source, 'test.log');
  });

  it('T2: TLS 1.1, user agent kept raw and shown with spaces for display', () => {
    const h = onlyHit(one(T2));
    assert.equal(h.protocol, 'Tls11');
    assert.equal(h.legacy, true);
    assert.equal(h.userAgent, 'Mozilla/5.0+(Windows+NT+6.1;+Trident/7.0)');
    assert.equal(plusToSpace(h.userAgent ?? ''), 'Mozilla/5.0 (Windows NT 6.1; Trident/7.0)');
    assert.equal(h.cipher?.label, 'AES-128');
    assert.equal(h.keyExchange?.label, 'ECDHE');
  });

  it('T3: all crypt fields "-" is plain HTTP, not a TLS hit', () => {
    const events = one(T3);
    assert.deepEqual(kinds(events), ['plain']);
    const e = events[0];
    assert.ok(e?.kind === 'plain');
    assert.equal(e.clientIp, '198.51.100.9');
    assert.equal(e.serverPort, 80);
  });

  it('T4: IPv6 client, TLS 1.2, not legacy', () => {
    const h = onlyHit(one(T4));
    assert.equal(h.clientIp, '2001:db8::25');
    assert.equal(h.protocol, 'Tls12');
    assert.equal(h.legacy, false);
  });

  it('T5: zone id dropped for grouping, kept raw; 1000 is TLS 1.3', () => {
    const h = onlyHit(one(T5));
    assert.equal(h.clientIp, 'fe80::1');
    assert.equal(h.clientIpRaw, 'fe80::1%12');
    assert.equal(h.protocol, 'Tls13');
    assert.equal(h.legacy, false);
  });

  it('T6: protocol "unknown (0xff)"; sc-win32-status 2148074254 is not an int32', () => {
    const h = onlyHit(one(T6));
    assert.equal(h.protocol, 'Unknown');
    assert.equal(h.protocolLabel, 'unknown (0xff)');
    assert.equal(h.win32Status, 2148074254);
  });

  it('T7: schema change mid-file; TLS 1.0 on the load-balancer leg: the client is c-ip 10.0.0.5, 203.0.113.5 is behind it', () => {
    const events = parseIis(`${[T_HEADER, T6, T7_BLOCK].join('\n')}\n`);
    const hits = iisHits(events);
    assert.equal(hits.length, 2);
    const h = hits[1];
    assert.ok(h !== undefined);
    assert.equal(h.protocol, 'Tls10');
    // crypt-protocol is the protocol of the connection IIS accepted (server variable CRYPT_PROTOCOL), whose peer is
    // c-ip: the load balancer. The X-Forwarded-For client negotiated its own TLS with the load balancer, not in this log.
    assert.equal(h.clientIp, '10.0.0.5');
    assert.equal(h.clientIpRaw, '10.0.0.5');
    assert.equal(h.forwardedClient, '203.0.113.5');
    assert.equal(h.forwardedFor, '203.0.113.5,+10.0.0.9');
    assert.equal(h.time, '2024-05-01T12:00:01.000Z');
    assert.equal(h.userAgent, undefined, 'no cs(User-Agent) in the new schema: nothing read from an old column index');
  });

  describe('T8: CRLF, BOM, no final newline and gzip give identical results', () => {
    const reference = parseIis(T_FILE);
    const variants: [string, string][] = [
      ['CRLF line ends', T_FILE.replace(/\n/g, '\r\n')],
      ['UTF-8 BOM', `\uFEFF${T_FILE}`],
      ['BOM and CRLF', `\uFEFF${T_FILE.replace(/\n/g, '\r\n')}`],
      ['no final newline', T_FILE.slice(0, -1)],
      ['CRLF without the final newline', T_FILE.replace(/\n/g, '\r\n').slice(0, -2)],
      ['gzipped (decompressed by the caller)', gunzipSync(gzipSync(Buffer.from(T_FILE, 'utf8'))).toString('utf8')],
      ['BOM bytes decoded by Buffer (U+FEFF reaches the parser)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(T_FILE)]).toString('utf8')],
    ];
    it('the reference file gives 6 hits, 1 plain, nothing malformed', () => {
      assert.deepEqual(kinds(reference), ['hit', 'hit', 'plain', 'hit', 'hit', 'hit', 'hit']);
    });
    for (const [name, text] of variants) {
      it(name, () => {
        assert.deepEqual(parseIis(text), reference);
      });
    }
  });
});

describe('logs: IIS field names and values (docs/domain-facts.md 9.1)', () => {
  const header = (fields: string): string => `#Fields: date time c-ip ${fields}`;
  for (const name of ['crypt-protocol', 'Crypt-Protocol', 'CRYPT-PROTOCOL', 'crypt_protocol', 'CRYPT_PROTOCOL']) {
    it(`recognises "${name}" without a mapping`, () => {
      const h = onlyHit(parseIis(`${header(name)}\n2024-05-01 00:00:01 192.0.2.1 100\n`));
      assert.equal(h.protocol, 'Tls11');
    });
  }
  for (const name of ['CRYPT_CIPHER_ALG_ID', 'crypt-cipher', 'Crypt_Cipher']) {
    it(`recognises the cipher column "${name}"`, () => {
      const h = onlyHit(parseIis(`${header(`crypt-protocol ${name}`)}\n2024-05-01 00:00:01 192.0.2.1 400 6801\n`));
      assert.equal(h.cipher?.label, 'RC4');
      assert.equal(h.cipher?.weak, true);
    });
  }
  it('uses an admin-chosen name through fieldMap (any case), before the defaults', () => {
    const text = `${header('TlsVersion crypt-protocol Real-Client')}\n2024-05-01 00:00:01 192.0.2.1 40 400 198.51.100.3\n`;
    const h = onlyHit(parseIis(text, { fieldMap: { protocol: 'tlsversion', forwardedFor: 'REAL-CLIENT' } }));
    assert.equal(h.protocol, 'Tls10');
    // The client is the TCP peer; the mapped forwarded-for column names the client behind it.
    assert.equal(h.clientIp, '192.0.2.1');
    assert.equal(h.forwardedClient, '198.51.100.3');
  });
  const values: [string, string][] = [
    ['4', 'Ssl2'], ['10', 'Ssl3'], ['40', 'Tls10'], ['100', 'Tls11'], ['400', 'Tls12'], ['1000', 'Tls13'],
    ['0x40', 'Tls10'], ['0X100', 'Tls11'], ['0x00000400', 'Tls12'], ['0040', 'Tls10'],
    // Client bits (never expected from IIS, the server) still decode by bit test (docs/log-formats.md 1.5).
    ['80', 'Tls10'], ['800', 'Tls12'],
  ];
  for (const [value, protocol] of values) {
    it(`crypt-protocol ${value} is ${protocol}`, () => {
      const h = onlyHit(parseIis(`${header('crypt-protocol')}\n2024-05-01 00:00:01 192.0.2.1 ${value}\n`));
      assert.equal(h.protocol, protocol);
    });
  }
  const unknown: [string, string][] = [
    ['1', 'unknown (0x1, SP_PROT_PCT1_SERVER)'], ['10000', 'unknown (0x10000, SP_PROT_DTLS1_0_SERVER)'],
    ['440', 'unknown (0x440)'], ['0', 'unknown (0x0)'], ['zz', 'unknown (zz)'], ['4000000', 'unknown (0x4000000)'],
  ];
  for (const [value, label] of unknown) {
    it(`crypt-protocol ${value} is reported as ${label}`, () => {
      const h = onlyHit(parseIis(`${header('crypt-protocol')}\n2024-05-01 00:00:01 192.0.2.1 ${value}\n`));
      assert.equal(h.protocol, 'Unknown');
      assert.equal(h.protocolLabel, label);
      assert.equal(h.legacy, false);
    });
  }
  it('a parser instance can read the next file: beginFile resets directives and names the new source', () => {
    const p = createIisParser({ source: 'a.log' });
    feed(p, `${T_HEADER}\n${T1}\n`);
    p.beginFile('b.log');
    const events = feed(p, `#Fields: date time c-ip crypt-protocol\n2024-05-02 00:00:01 192.0.2.1 100\n`);
    const h = onlyHit(events);
    assert.equal(h.source, 'b.log');
    assert.equal(h.protocol, 'Tls11');
  });
});

describe('IIS pre-filter (onlyProtocols)', () => {
  const lines = [
    '#Fields: date time c-ip cs(User-Agent) time-taken crypt-protocol',
    '2024-05-01 00:00:01 192.0.2.1 a 40 400',
    '2024-05-01 00:00:02 192.0.2.2 b 400 40',
    '2024-05-01 00:00:03 192.0.2.3 c 1 0x100',
    '2024-05-01 00:00:04 192.0.2.4 "quoted ua" 1 400',
    '2024-05-01 00:00:05 192.0.2.5 d 1 ff',
  ];
  const run = (only?: Protocol[]) => {
    const p = createIisParser(only === undefined ? { source: 't.log' } : { source: 't.log', onlyProtocols: only });
    const events = lines.flatMap((l, i) => p.pushLine(l, i + 1));
    return { hits: events.filter((e) => e.kind === 'hit').map((e) => (e.kind === 'hit' ? `${e.clientIp} ${e.protocol}` : '')), skipped: p.stats().skipped };
  };
  it('skips only plain records whose crypt-protocol is an unselected known code; selected, unknown and quoted lines are parsed', () => {
    const all = run();
    const fast = run(['Tls10', 'Tls11']);
    assert.equal(fast.skipped, 1);
    assert.deepEqual(fast.hits, all.hits.filter((h) => h !== '192.0.2.1 Tls12'));
    assert.ok(fast.hits.includes('192.0.2.2 Tls10'), 'a 400 in another column does not hide a TLS 1.0 line');
    assert.ok(fast.hits.includes('192.0.2.3 Tls11'), '0x-prefixed codes are read');
    assert.ok(fast.hits.includes('192.0.2.4 Tls12'), 'a quoted line is parsed in full');
    assert.ok(fast.hits.some((h) => h.startsWith('192.0.2.5')), 'unknown codes are kept');
  });
});
