import { strict as assert } from 'node:assert';
import {
  createAggregator, createExchangeSmtpParser, createIisParser, DISC_RULES, forwardedClient, type AggregateResult, type Aggregator,
  type AggregatorOptions, type ClientRecord, type LogEvent,
} from '../../../core/logs/index.js';
import { feed, iisHits, onlyHit, parseIis, SMTP_HEADER, smtpHits, TLS_SENTENCE } from './helpers.js';

// Legacy clients behind a load balancer (issue 16, item 4). The crypt-* fields are server variables of the
// connection IIS accepted: CRYPT_PROTOCOL is "the cryptographic protocol used to establish the connection"
// (https://learn.microsoft.com/iis/web-dev-reference/server-variables), and that connection's peer is c-ip. A load
// balancer that adds X-Forwarded-For (or OriginalIP, OriginalClientIP) has ended the client's TLS itself and opened
// its own connection to IIS, so a TLS 1.0 in the log is the load balancer's back-end leg: the legacy client to fix,
// the device that breaks when IIS turns TLS 1.0 off, is c-ip. The forwarded addresses are the clients behind it,
// counted in its record (forwardedFor), never records of their own, since their own TLS versions are not in the log.

const make = (options: AggregatorOptions): Aggregator => {
  const r = createAggregator(options);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

const aggregate = (events: readonly LogEvent[], protocols = ['Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13']): AggregateResult => {
  const agg = make({ protocols });
  agg.addAll(events);
  return agg.result();
};

const record = (r: AggregateResult, ip: string, protocol = 'Tls10'): ClientRecord => {
  const found = r.records.find((x) => x.clientIp === ip && x.protocol === protocol);
  assert.ok(found !== undefined, `no record ${ip} ${protocol} in ${JSON.stringify(r.records.map((x) => [x.clientIp, x.protocol]))}`);
  return found;
};

const counts = (c: ClientRecord): [string, number][] => c.forwardedFor.map((f) => [f.address, f.count]);

const IIS_HEADER = (field: string): string =>
  `#Fields: date time s-sitename s-ip cs-method cs-uri-stem s-port c-ip cs(User-Agent) sc-status crypt-protocol ${field}`;
const iisLine = (time: string, cIp: string, proto: string, forwarded: string, ua = 'Mozilla/5.0+(Windows+NT+10.0)'): string =>
  `2024-05-01 ${time} W3SVC1 10.0.0.20 GET /owa/ 443 ${cIp} ${ua} 200 ${proto} ${forwarded}`;
/** A log of [c-ip, crypt-protocol, forwarded-for value] rows, one second apart from 10:00:01. */
const lbLog = (rows: readonly (readonly [string, string, string])[], field = 'X-Forwarded-For'): LogEvent[] =>
  parseIis([IIS_HEADER(field), ...rows.map(([c, p, f], i) => iisLine(`10:00:${String(i + 1).padStart(2, '0')}`, c, p, f))].join('\n'));

describe('logs: legacy clients behind a load balancer (the client is c-ip; forwarded addresses are clients behind it)', () => {
  for (const field of ['X-Forwarded-For', 'cs(X-Forwarded-For)', 'OriginalIP', 'OriginalClientIP', 'x-forwarded-for', 'ORIGINALCLIENTIP']) {
    it(`${field}: the legacy client is c-ip, with the clients behind it and their counts, and TLS365-DISC-006`, () => {
      const lb = (f: string): [string, string, string] => ['10.0.0.5', '40', f];
      const events = lbLog([lb('203.0.113.5'), lb('203.0.113.6'), lb('203.0.113.5'), lb('203.0.113.5')], field);
      assert.deepEqual(iisHits(events).map((h) => [h.clientIp, h.forwardedFor, h.forwardedClient]), [
        ['10.0.0.5', '203.0.113.5', '203.0.113.5'], ['10.0.0.5', '203.0.113.6', '203.0.113.6'],
        ['10.0.0.5', '203.0.113.5', '203.0.113.5'], ['10.0.0.5', '203.0.113.5', '203.0.113.5'],
      ]);
      const r = aggregate(events);
      assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count]), [['10.0.0.5', 'Tls10', 4]]);
      const c = record(r, '10.0.0.5');
      assert.deepEqual(counts(c), [['203.0.113.5', 3], ['203.0.113.6', 1]]);
      assert.deepEqual([c.forwardedClients, c.forwardedRequests, c.forwardedTruncated], [2, 4, false]);
      assert.deepEqual(c.rules, [DISC_RULES.iisLegacy, DISC_RULES.iisBehindProxy]);
    });
  }

  it('multi-hop values ("203.0.113.5,+10.0.0.9"): the first element is the client behind; the proxies after it are not clients', () => {
    const r = aggregate(lbLog([
      ['10.0.0.5', '40', '203.0.113.5,+10.0.0.9'], ['10.0.0.5', '40', '203.0.113.5,+10.0.0.9,+10.0.0.8'],
      ['10.0.0.5', '100', '198.51.100.44,10.0.0.9'], ['10.0.0.5', '40', 'unknown,+10.0.0.9'],
    ]));
    assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count]), [['10.0.0.5', 'Tls10', 3], ['10.0.0.5', 'Tls11', 1]]);
    assert.deepEqual(counts(record(r, '10.0.0.5')), [['203.0.113.5', 2], ['unknown', 1]]);
    assert.deepEqual(counts(record(r, '10.0.0.5', 'Tls11')), [['198.51.100.44', 1]]);
    assert.ok(!r.records.some((x) => x.clientIp === '10.0.0.9' || x.clientIp === '203.0.113.5'), 'no forwarded address is a record');
  });

  it('IPv6: a load balancer with an IPv6 c-ip, IPv6 and IPv4-mapped clients behind it (normalised; port and brackets dropped)', () => {
    const events = lbLog([
      ['2001:DB8::10', '40', '2001:DB8:0:0::5'], ['2001:db8::10', '40', '[2001:db8::5]:50123'], ['2001:db8:0::10', '40', '::ffff:203.0.113.7,+fe80::1%12'],
      ['fe80::10%12', '100', 'fe80::5%3'], ['10.0.0.5', '40', '2001:db8::6,+10.0.0.9'],
    ]);
    assert.deepEqual(iisHits(events).map((h) => [h.clientIp, h.forwardedClient]), [
      ['2001:db8::10', '2001:db8::5'], ['2001:db8::10', '2001:db8::5'], ['2001:db8::10', '203.0.113.7'], ['fe80::10', 'fe80::5'],
      ['10.0.0.5', '2001:db8::6'],
    ]);
    const r = aggregate(events);
    assert.deepEqual(counts(record(r, '2001:db8::10')), [['2001:db8::5', 2], ['203.0.113.7', 1]]);
    assert.deepEqual(counts(record(r, 'fe80::10', 'Tls11')), [['fe80::5', 1]]);
    assert.deepEqual(counts(record(r, '10.0.0.5')), [['2001:db8::6', 1]]);
  });

  it('missing forwarded values (-, empty, unknown, text): a direct client, no clients behind it, no TLS365-DISC-006', () => {
    const events = lbLog(['-', '""', 'unknown', 'not-an-address', ',+-'].map((f) => ['198.51.100.1', '40', f] as const));
    assert.deepEqual(iisHits(events).map((h) => [h.clientIp, h.forwardedClient]), Array.from({ length: 5 }, () => ['198.51.100.1', undefined]));
    // The value as logged stays on the hit (-Detailed), '-' and an empty quoted value being no value.
    assert.deepEqual(iisHits(events).map((h) => h.forwardedFor), [undefined, undefined, 'unknown', 'not-an-address', ',+-']);
    const c = record(aggregate(events), '198.51.100.1');
    assert.deepEqual([c.count, c.forwardedFor, c.forwardedClients, c.forwardedRequests, c.forwardedTruncated], [5, [], 0, 0, false]);
    assert.deepEqual(c.rules, [DISC_RULES.iisLegacy]);
  });

  it('mixed lines: direct requests and requests through the load balancer; each record is a c-ip, counting all its requests', () => {
    const events = parseIis([
      IIS_HEADER('X-Forwarded-For'),
      iisLine('10:00:01', '10.0.0.5', '40', '203.0.113.5,+10.0.0.9'),
      iisLine('10:00:02', '198.51.100.1', '40', '-'),
      iisLine('10:00:03', '10.0.0.5', '40', '-'),
      iisLine('10:00:04', '10.0.0.5', '40', '203.0.113.6'),
      iisLine('10:00:05', '198.51.100.2', '100', '-', 'curl/7.0'),
      iisLine('10:00:06', '10.0.0.5', '400', '203.0.113.7'),
      iisLine('10:00:07', '10.0.0.6', '40', '203.0.113.5'),
      // The second load balancer's health probe: a direct request from it.
      iisLine('10:00:08', '10.0.0.6', '40', '-', 'KEMP+probe'),
    ].join('\n'));
    const r = aggregate(events, ['Tls10', 'Tls11']);
    assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count, x.forwardedRequests, counts(x), x.rules.includes(DISC_RULES.iisBehindProxy)]), [
      ['10.0.0.5', 'Tls10', 3, 2, [['203.0.113.5', 1], ['203.0.113.6', 1]], true],
      ['10.0.0.6', 'Tls10', 2, 1, [['203.0.113.5', 1]], true],
      ['198.51.100.1', 'Tls10', 1, 0, [], false],
      ['198.51.100.2', 'Tls11', 1, 0, [], false],
    ]);
    // -AsSummary counts clients as the TCP peers: 10.0.0.5, 10.0.0.6 and 198.51.100.1 for TLS 1.0.
    assert.deepEqual(r.summary.map((s) => [s.protocol, s.requests, s.clients]), [['Tls10', 6, 3], ['Tls11', 1, 1]]);
    // TLS 1.2 behind the load balancer: its own record when asked for, with its clients, and no legacy rule.
    const all = aggregate(events, ['Tls10', 'Tls11', 'Tls12']);
    const modern = record(all, '10.0.0.5', 'Tls12');
    assert.deepEqual([counts(modern), modern.rules], [[['203.0.113.7', 1]], []]);
  });

  it('plain HTTP and logs without crypt-protocol name c-ip too', () => {
    const events = parseIis([
      '#Fields: date time s-port c-ip crypt-protocol X-Forwarded-For',
      '2024-05-01 10:00:01 80 10.0.0.5 - 203.0.113.5',
      '#Fields: date time s-port c-ip X-Forwarded-For',
      '2024-05-01 10:00:02 443 10.0.0.5 203.0.113.5',
    ].join('\n'));
    assert.deepEqual(events.map((e) => [e.kind, e.kind === 'malformed' ? '' : e.clientIp]), [['plain', '10.0.0.5'], ['no-tls-field', '10.0.0.5']]);
  });

  it('most requests first, first seen first on a tie, at most 20 listed; the totals count every client behind it', () => {
    const lines = [IIS_HEADER('X-Forwarded-For')];
    let t = 0;
    const at = (): string => `10:${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t++ % 60).padStart(2, '0')}`;
    for (let i = 1; i <= 25; i += 1) for (let k = 0; k < (i % 5) + 1; k += 1) lines.push(iisLine(at(), '10.0.0.5', '40', `203.0.113.${i}`));
    const lb = record(aggregate(parseIis(lines.join('\n'))), '10.0.0.5');
    assert.equal(lb.forwardedFor.length, 20);
    assert.deepEqual(lb.forwardedFor.slice(0, 6).map((f) => [f.address, f.count]), [
      ['203.0.113.4', 5], ['203.0.113.9', 5], ['203.0.113.14', 5], ['203.0.113.19', 5], ['203.0.113.24', 5], ['203.0.113.3', 4],
    ]);
    assert.deepEqual([lb.forwardedClients, lb.forwardedRequests, lb.forwardedTruncated, lb.count], [25, 75, false, 75]);
  });

  it('past 1000 distinct clients behind one peer the later new ones are only counted (bounded memory); a merge of partials gives the same', () => {
    const lines = [IIS_HEADER('X-Forwarded-For')];
    for (let i = 0; i < 1300; i += 1) lines.push(iisLine('10:00:00', '10.0.0.5', '40', `198.51.${Math.floor(i / 250)}.${i % 250}`));
    for (let i = 0; i < 5; i += 1) lines.push(iisLine('10:00:01', '10.0.0.5', '40', '198.51.5.1'));
    for (let i = 0; i < 3; i += 1) lines.push(iisLine('10:00:02', '10.0.0.5', '40', '198.51.0.7'));
    const events = parseIis(lines.join('\n'));
    const whole = aggregate(events, ['Tls10']);
    const lb = record(whole, '10.0.0.5');
    assert.deepEqual([lb.forwardedClients, lb.forwardedRequests, lb.forwardedTruncated, lb.count], [1000, 1308, true, 1308]);
    // 198.51.5.1 came after the first 1000: counted, not listed; 198.51.0.7 was among them: 1 + 3.
    assert.deepEqual(lb.forwardedFor[0], { address: '198.51.0.7', count: 4 });
    assert.ok(!lb.forwardedFor.some((f) => f.address === '198.51.5.1'));
    // Partial aggregators (ranges of a file read in parallel) keep every client; merged in order they give the single pass.
    for (const cuts of [[1], [400, 900, 1200], [1000, 1001, 1302]]) {
      const merged = make({ protocols: ['Tls10'] });
      let from = 0;
      for (const cut of [...cuts, events.length]) {
        const part = make({ protocols: ['Tls10'], partial: true });
        part.addAll(events.slice(from, cut));
        merged.merge(JSON.parse(JSON.stringify(part.state())));
        from = cut;
      }
      assert.deepEqual(merged.result(), whole, `cut at ${cuts.join(', ')}`);
    }
  });

  it('forwardedClient: the first element of a forwarded-for list, normalised; unknown when only a later one is an address', () => {
    const cases: [string, string | undefined][] = [
      ['203.0.113.5', '203.0.113.5'], ['203.0.113.5,+10.0.0.9', '203.0.113.5'], ['203.0.113.5, 10.0.0.9', '203.0.113.5'],
      ['+203.0.113.5+', '203.0.113.5'], ['203.0.113.5:443', '203.0.113.5'], ['[2001:DB8::1]:443,+10.0.0.9', '2001:db8::1'],
      ['2001:db8:0:0:0:0:0:1', '2001:db8::1'], ['::ffff:198.51.100.1', '198.51.100.1'], ['fe80::1%12', 'fe80::1'],
      ['unknown,+10.0.0.9', 'unknown'], ['_hidden,+2001:db8::2', 'unknown'], [',203.0.113.5', '203.0.113.5'],
      ['-', undefined], ['', undefined], ['unknown', undefined], ['unknown,+unknown', undefined], ['999.1.1.1', undefined], ['host.example', undefined],
    ];
    for (const [raw, want] of cases) assert.equal(forwardedClient(raw), want, raw);
  });
});

const SEND_HEADER = SMTP_HEADER.replace('SMTP Receive Protocol Log', 'SMTP Send Protocol Log');
const recvRow = (token: string, n: number): string =>
  `2024-05-01T10:00:0${n}.000Z,EX01\\Default Frontend EX01,08DC6A00000000${n}0,3,192.0.2.25:25,198.51.100.${20 + n}:5012${n},*,,"${TLS_SENTENCE(token)}"`;
const sendRow = (token: string, n: number): string =>
  `2024-05-01T10:00:0${n}.000Z,Outbound to partner,08DC6A00000000${n}1,3,192.0.2.25:4123${n},203.0.113.${80 + n}:25,*,,"${TLS_SENTENCE(token)}"`;

describe('logs: Exchange SMTP TLS rows, receive (SP_PROT_..._SERVER) and send (SP_PROT-..._CLIENT), every version', () => {
  // Exchange's TLS guidance (https://learn.microsoft.com/exchange/exchange-tls-configuration): on the receiving side the
  // log has "TLS protocol SP_PROT_TLS1_x_SERVER", on the sending side "TLS protocol SP_PROT-TLS1_x_CLIENT" (hyphen);
  // real send logs also write the underscore (docs/log-formats.md 2.4). Both forms, both roles, are read.
  const VERSIONS: [string, string, boolean][] = [['SSL3', 'Ssl3', true], ['TLS1_0', 'Tls10', true], ['TLS1', 'Tls10', true], ['TLS1_1', 'Tls11', true], ['TLS1_2', 'Tls12', false], ['TLS1_3', 'Tls13', false]];
  const ALL = ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13'];

  for (const [ver, protocol, legacy] of VERSIONS) {
    it(`${ver}: receive SP_PROT_${ver}_SERVER and send SP_PROT-${ver}_CLIENT (and the other separators) are read, with their roles`, () => {
      const recv = smtpHits(feed(createExchangeSmtpParser({ source: 'RECV.LOG' }), `${SMTP_HEADER}\n${recvRow(`SP_PROT_${ver}_SERVER`, 1)}\n${recvRow(`SP_PROT-${ver}_SERVER`, 2)}\n`));
      const send = smtpHits(feed(createExchangeSmtpParser({ source: 'SEND.LOG' }), `${SEND_HEADER}\n${sendRow(`SP_PROT-${ver}_CLIENT`, 1)}\n${sendRow(`SP_PROT_${ver}_CLIENT`, 2)}\n`));
      assert.deepEqual(recv.map((h) => [h.format, h.role, h.protocol, h.legacy, h.protocolCode, h.clientIp]), [
        ['ExchangeSmtpReceive', 'server', protocol, legacy, `SP_PROT_${ver}_SERVER`, '198.51.100.21'],
        ['ExchangeSmtpReceive', 'server', protocol, legacy, `SP_PROT-${ver}_SERVER`, '198.51.100.22'],
      ]);
      assert.deepEqual(send.map((h) => [h.format, h.role, h.protocol, h.legacy, h.protocolCode, h.clientIp]), [
        ['ExchangeSmtpSend', 'client', protocol, legacy, `SP_PROT-${ver}_CLIENT`, '203.0.113.81'],
        ['ExchangeSmtpSend', 'client', protocol, legacy, `SP_PROT_${ver}_CLIENT`, '203.0.113.82'],
      ]);
      for (const h of [...recv, ...send]) assert.deepEqual([h.cipher?.label, h.hash?.label, h.keyExchange?.label], ['AES-256', 'SHA-384', 'ECDHE']);
      const r = aggregate([...recv, ...send], ALL);
      assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.rules]).sort(), [
        ['198.51.100.21', protocol, legacy ? [DISC_RULES.smtpReceiveLegacy] : []], ['198.51.100.22', protocol, legacy ? [DISC_RULES.smtpReceiveLegacy] : []],
        ['203.0.113.81', protocol, legacy ? [DISC_RULES.smtpSendLegacy] : []], ['203.0.113.82', protocol, legacy ? [DISC_RULES.smtpSendLegacy] : []],
      ].sort());
    });
  }

  it('a send log row cut after the cipher (some builds) is still read; the default Tls10/Tls11 scan keeps only the legacy ones', () => {
    const rows = [
      `2024-05-01T10:00:01.000Z,Outbound,S1,4,192.0.2.10:50001,52.101.1.1:25,*,,"TLS protocol SP_PROT-TLS1_2_CLIENT negotiation succeeded using bulk encryption algorithm CALG_AES_256"`,
      `2024-05-01T10:00:02.000Z,Outbound,S2,4,192.0.2.10:50002,198.51.100.9:25,*,,"TLS protocol SP_PROT-TLS1_0_CLIENT negotiation succeeded using bulk encryption algorithm CALG_AES_256"`,
      `2024-05-01T10:00:03.000Z,Outbound,S3,4,192.0.2.10:50003,198.51.100.10:25,*,,"TLS protocol SP_PROT-TLS1_1_CLIENT negotiation succeeded"`,
    ];
    const events = feed(createExchangeSmtpParser({ source: 'SEND.LOG' }), `${SEND_HEADER}\n${rows.join('\n')}\n`);
    assert.deepEqual(smtpHits(events).map((h) => [h.protocol, h.role]), [['Tls12', 'client'], ['Tls10', 'client'], ['Tls11', 'client']]);
    assert.deepEqual(aggregate(events, ['Tls10', 'Tls11']).records.map((x) => [x.clientIp, x.protocol]), [['198.51.100.9', 'Tls10'], ['198.51.100.10', 'Tls11']]);
  });

  it('an IIS line behind a load balancer whose user agent looks like an SMTP token is still an IIS hit of c-ip', () => {
    const h = onlyHit(feed(createIisParser({ source: 'u.log' }), `${IIS_HEADER('X-Forwarded-For')}\n${iisLine('10:00:01', '10.0.0.5', '40', '203.0.113.5', 'SP_PROT-TLS1_0_CLIENT')}`));
    assert.deepEqual([h.clientIp, h.forwardedClient, h.protocol], ['10.0.0.5', '203.0.113.5', 'Tls10']);
  });
});
