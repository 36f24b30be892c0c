import { strict as assert } from 'node:assert';
import { createAggregator, createExchangeSmtpParser, createIisParser, type Aggregator, type AggregatorOptions, type LogEvent } from '../../../core/logs/index.js';
import { feed, SMTP_HEADER, TLS_SENTENCE } from './helpers.js';

const make = (options: AggregatorOptions): Aggregator => {
  const r = createAggregator(options);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

const HEADER = '#Fields: date time s-sitename cs-uri-stem c-ip cs(User-Agent) crypt-protocol crypt-cipher';
const line = (time: string, site: string, uri: string, ip: string, ua: string, proto: string, cipher = '6610'): string =>
  `${time} ${site} ${uri} ${ip} ${ua} ${proto} ${cipher}`;

function iis(source: string, lines: string[], header = HEADER): LogEvent[] {
  return feed(createIisParser({ source }), [header, ...lines].join('\n'));
}

const SAMPLE = iis('u_ex240501.log', [
  line('2024-05-01 10:00:00', 'W3SVC1', '/ews/a', '198.51.100.1', 'Agent+B', '40'),
  line('2024-05-01 09:00:00', 'W3SVC1', '/ews/b', '198.51.100.1', 'Agent+A', '40'),
  line('2024-05-01 11:00:00', 'W3SVC1', '/owa/', '198.51.100.1', 'Agent+A', '40', '6801'),
  line('2024-05-01 12:00:00', 'W3SVC2', '/mapi/', '198.51.100.1', 'Agent+A', '100'),
  line('2024-05-01 12:30:00', 'W3SVC1', '/', '198.51.100.2', 'Other', '40'),
  line('2024-05-01 13:00:00', 'W3SVC1', '/', '198.51.100.3', 'Modern', '400'),
  line('2024-05-01 13:00:01', 'W3SVC1', '/', '198.51.100.3', 'Modern', '-'),
  line('2024-05-01 13:00:02', 'W3SVC1', '/', '198.51.100.4', 'Odd', 'ff'),
  'garbage',
]);

describe('logs: aggregator', () => {
  it('one record per (client, protocol) with count, first/last seen (records unsorted), most frequent user agent, first URI, rules', () => {
    const agg = make({ protocols: ['Tls10', 'Tls11'] });
    agg.addAll(SAMPLE);
    const r = agg.result();
    assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count]), [
      ['198.51.100.1', 'Tls10', 3], ['198.51.100.2', 'Tls10', 1], ['198.51.100.1', 'Tls11', 1], ['198.51.100.4', 'Unknown', 1],
    ]);
    const first = r.records[0];
    assert.ok(first !== undefined);
    assert.equal(first.firstSeen, '2024-05-01T09:00:00.000Z');
    assert.equal(first.lastSeen, '2024-05-01T11:00:00.000Z');
    assert.equal(first.userAgent, 'Agent+A', 'most frequent (2 of 3)');
    assert.equal(first.sampleUri, '/ews/a', 'first seen');
    assert.deepEqual(first.sources, ['u_ex240501.log']);
    assert.deepEqual(first.sites, ['W3SVC1']);
    assert.deepEqual(first.weakCiphers, ['RC4']);
    assert.deepEqual(first.rules, ['TLS365-DISC-001', 'TLS365-DISC-005']);
    assert.equal(first.legacy, true);
    assert.deepEqual(r.records[3]?.rules, [], 'unknown protocol: reported, no rule');
  });

  it('ties between user agents go to the first seen', () => {
    const agg = make({ protocols: ['Tls10'] });
    agg.addAll(iis('a.log', [line('2024-05-01 10:00:00', 'S', '/', '192.0.2.1', 'First', '40'), line('2024-05-01 10:00:01', 'S', '/', '192.0.2.1', 'Second', '40')]));
    assert.equal(agg.result().records[0]?.userAgent, 'First');
  });

  it('totals count every event: hits per protocol label (selected or not), plain, malformed', () => {
    const agg = make({ protocols: ['Tls10'] });
    agg.addAll(SAMPLE);
    const t = agg.result().totals;
    assert.deepEqual(t.byProtocol, [
      { protocolLabel: 'TLS 1.0', count: 4 }, { protocolLabel: 'TLS 1.1', count: 1 }, { protocolLabel: 'TLS 1.2', count: 1 },
      { protocolLabel: 'unknown (0xff)', count: 1 },
    ]);
    assert.deepEqual([t.events, t.hits, t.plain, t.malformed, t.recovered, t.outOfRange], [9, 7, 1, 1, 0, 0]);
    assert.equal(agg.result().malformedSamples[0]?.line, 10);
  });

  it('summary per protocol and site (-AsSummary): requests, distinct clients, first/last seen', () => {
    const agg = make({ protocols: ['Tls10', 'Tls11'], includeUnknown: false });
    agg.addAll(SAMPLE);
    assert.deepEqual(agg.result().summary.map((s) => [s.protocolLabel, s.format, s.site, s.requests, s.clients, s.firstSeen, s.lastSeen]), [
      ['TLS 1.0', 'IisW3C', 'W3SVC1', 4, 2, '2024-05-01T09:00:00.000Z', '2024-05-01T12:30:00.000Z'],
      ['TLS 1.1', 'IisW3C', 'W3SVC2', 1, 1, '2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z'],
    ]);
  });

  it('since/until are inclusive, accept dates, times and offsets, and count what they leave out', () => {
    const agg = make({ protocols: ['Tls10', 'Tls11'], since: '2024-05-01T11:00:00+01:00', until: '2024-05-01T12:00:00Z' });
    agg.addAll(SAMPLE);
    const r = agg.result();
    assert.deepEqual(r.records.map((x) => [x.clientIp, x.protocol, x.count]), [['198.51.100.1', 'Tls10', 2], ['198.51.100.1', 'Tls11', 1]]);
    assert.equal(r.totals.outOfRange, 5);
    const day = make({ protocols: ['Tls10'], since: '2024-05-01', until: '2024-05-01', includeUnknown: false });
    day.addAll(SAMPLE);
    assert.equal(day.result().records.reduce((s, x) => s + x.count, 0), 4, 'a date-only until covers the whole day');
  });

  it('invalid options are errors as data, not exceptions', () => {
    const bad: [AggregatorOptions, RegExp][] = [
      [{ protocols: ['Tls10', 'TLS1.0'] }, /not a protocol name: "TLS1\.0"/],
      [{ protocols: ['Tls10'], since: 'yesterday' }, /since: "yesterday"/],
      [{ protocols: ['Tls10'], until: '2024-02-30' }, /until/],
      [{ protocols: ['Tls10'], since: '2024-05-02', until: '2024-05-01' }, /is after until/],
    ];
    for (const [options, message] of bad) {
      const r = createAggregator(options);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'InvalidOption');
      assert.match(r.error.message, message);
    }
    assert.ok(createAggregator({ protocols: ['tls10', 'SSL3'] }).ok, 'names in any case');
  });

  it('DISC-002: sites logging HTTPS without crypt-protocol are listed with their HTTPS request counts', () => {
    const events = feed(createIisParser({ source: 'old.log' }), [
      '#Fields: date time s-sitename s-port c-ip',
      '2024-05-01 10:00:00 W3SVC1 443 192.0.2.1',
      '2024-05-01 10:00:01 W3SVC1 80 192.0.2.1',
      '2024-05-01 10:00:02 W3SVC3 443 192.0.2.2',
    ].join('\n'));
    const agg = make({ protocols: ['Tls10'] });
    agg.addAll(events);
    assert.deepEqual(agg.result().noTlsField.map((r) => [r.rule, r.site, r.requests, r.https, r.notHttps, r.sources]), [
      ['TLS365-DISC-002', 'W3SVC1', 2, 1, 1, ['old.log']],
      ['TLS365-DISC-002', 'W3SVC3', 1, 1, 0, ['old.log']],
    ]);
  });

  it('SMTP: EHLO name and connector per record; receive is DISC-003, send is DISC-004', () => {
    const rows = [
      '2024-05-01T10:00:01.000Z,EX01\\Default Frontend EX01,S1,1,192.0.2.25:25,198.51.100.20:1,<,EHLO mfp.contoso.test,',
      `2024-05-01T10:00:01.100Z,EX01\\Default Frontend EX01,S1,2,192.0.2.25:25,198.51.100.20:1,*,,"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`,
      `2024-05-01T10:00:02.000Z,Outbound,S2,2,192.0.2.25:1234,203.0.113.7:25,*,,"${TLS_SENTENCE('SP_PROT-TLS1_1_CLIENT')}"`,
    ];
    const agg = make({ protocols: ['Tls10', 'Tls11'] });
    agg.addAll(feed(createExchangeSmtpParser({ source: 'RECV.LOG', server: 'EX01' }), `${SMTP_HEADER}\n${rows.join('\n')}`));
    assert.deepEqual(agg.result().records.map((r) => [r.clientIp, r.protocol, r.ehloName, r.connector, r.formats, r.rules]), [
      ['198.51.100.20', 'Tls10', 'mfp.contoso.test', 'EX01\\Default Frontend EX01', ['ExchangeSmtpReceive'], ['TLS365-DISC-003']],
      ['203.0.113.7', 'Tls11', undefined, 'Outbound', ['ExchangeSmtpSend'], ['TLS365-DISC-004']],
    ]);
  });

  it('memory is bounded: lists inside a record are capped and flagged, hits are never kept', () => {
    const agg = make({ protocols: ['Tls10'], maxListed: 3 });
    for (let f = 0; f < 10; f += 1) agg.addAll(iis(`file${f}.log`, [line('2024-05-01 10:00:00', `W3SVC${f}`, '/', '192.0.2.1', `UA${f}`, '40')]));
    const [r] = agg.result().records;
    assert.ok(r !== undefined);
    assert.equal(r.count, 10);
    assert.deepEqual(r.sources, ['file0.log', 'file1.log', 'file2.log']);
    assert.equal(r.sourcesTruncated, true);
    assert.deepEqual(r.sites, ['W3SVC0', 'W3SVC1', 'W3SVC2']);
    assert.equal(r.userAgent, 'UA0');
  });

  it('result() is a snapshot: adding more later does not change an earlier result', () => {
    const agg = make({ protocols: ['Tls10'] });
    agg.addAll(SAMPLE);
    const before = agg.result();
    const copy = JSON.parse(JSON.stringify(before)) as unknown;
    agg.addAll(SAMPLE);
    assert.deepEqual(JSON.parse(JSON.stringify(before)), copy);
    assert.equal(agg.result().records[0]?.count, 6);
  });
});
