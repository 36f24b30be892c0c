import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createIisParser, detectFormat, type LogEvent, type NoTlsFieldEvent } from '../../../core/logs/index.js';
import { feed, IIS_FIXTURES, iisHits, primary, requireFixtures } from './helpers.js';

/**
 * The real IIS logs of tests/fixtures/logs (origins and licences in its README). For each file the expected
 * counts are derived here by an independent, deliberately naive method (handCount): walk the lines, start
 * a new block at every `#Fields` line, and count every other non-blank line that does not start with `#`
 * as one record of the current block. Each record must give exactly one primary event (hit, plain,
 * no-tls-field or an unrecovered malformed) carrying its own line number, so the parser's primary events
 * must sit on exactly the lines the hand count lists. For files without quotes the naive whitespace split
 * also predicts which lines do not fit their block, and which of those fit an earlier block.
 */

interface Block {
  readonly fieldCount: number;
  readonly records: { line: number; tokens: number }[];
}

function handCount(text: string): { blocks: Block[]; orphans: number[]; recordLines: number[] } {
  const blocks: Block[] = [];
  const orphans: number[] = [];
  const recordLines: number[] = [];
  let current: Block | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').replace(/^\uFEFF/, '').trim();
    if (line === '') return;
    if (line.startsWith('#')) {
      if (/^#fields:/i.test(line)) {
        current = { fieldCount: line.slice('#Fields:'.length).trim().split(/\s+/).length, records: [] };
        blocks.push(current);
      }
      return;
    }
    recordLines.push(i + 1);
    if (current === undefined) orphans.push(i + 1);
    else current.records.push({ line: i + 1, tokens: line.split(/\s+/).length });
  });
  return { blocks, orphans, recordLines };
}

const read = (name: string): string => readFileSync(join(IIS_FIXTURES, name), 'utf8');

function parse(text: string, source: string): { events: LogEvent[]; records: number } {
  const p = createIisParser({ source });
  const events = feed(p, text);
  return { events, records: p.stats().records };
}

interface Expectation {
  readonly file: string;
  readonly blocks: number[];
  /** The file has quoted values, so a whitespace split does not predict token counts. */
  readonly quoted?: boolean;
  readonly check?: (events: LogEvent[]) => void;
}

const noTls = (events: readonly LogEvent[]): NoTlsFieldEvent[] => events.filter((e): e is NoTlsFieldEvent => e.kind === 'no-tls-field');

const FILES: Expectation[] = [
  {
    file: 'lnav_logfile_w3c_big.0.log',
    blocks: [6, 1, 2, 1, 2, 1, 2, 1, 1, 192, 1],
    check: (events) => {
      const n = noTls(events);
      assert.equal(n.length, 210);
      assert.ok(n.every((e) => e.https === 'no' && e.serverPort === 80 && e.time?.startsWith('2015-01-13T')));
      assert.equal(n[0]?.clientIp, '157.55.39.146');
    },
  },
  {
    file: 'lnav_logfile_w3c.3.log',
    blocks: [3],
    quoted: true,
    check: (events) => {
      const n = noTls(events);
      assert.deepEqual(n.map((e) => [e.clientIp, e.time]), [
        ['70.95.0.0', '2012-08-15T17:00:00.363'], ['-', '2012-08-15T17:00:00.660'], ['173.5.0.0', '2012-08-15T17:00:00.675'],
      ]);
    },
  },
  {
    file: 'plaso_iis10_edge_cases.log',
    blocks: [15],
    check: (events) => {
      const n = noTls(events);
      assert.equal(n.filter((e) => e.internal === 'exchange-backend').length, 11, 'port 444 rows');
      assert.equal(n.filter((e) => e.serverPort === 445).length, 2);
      assert.equal(n.filter((e) => e.serverPort === 81 && e.internal === 'loopback').length, 2, 'rpcproxy on port 81 from ::1');
      assert.ok(n.every((e) => e.time?.startsWith('2022-01-01T')));
    },
  },
  {
    file: 'plaso_iis7_owa.log',
    blocks: [3],
    check: (events) => {
      // No #Date, records out of order: each keeps its own date.
      assert.deepEqual(noTls(events).map((e) => [e.time, e.https]), [
        ['2015-12-31T00:19:48.000Z', 'yes'], ['2015-12-31T14:40:38.000Z', 'yes'], ['2015-01-01T22:16:03.000Z', 'yes'],
      ]);
    },
  },
  {
    file: 'beats_test.log',
    blocks: [1, 1, 3],
    check: (events) => {
      const recovered = events.filter((e) => e.kind === 'malformed' && e.recovered === true);
      assert.deepEqual(recovered.map((e) => e.line), [16, 17], 'the last two records fit the first (15-field) schema');
      assert.equal(noTls(events).find((e) => e.line === 16)?.clientIp, '10.50.6.188');
      assert.equal(noTls(events).find((e) => e.line === 16)?.https, 'yes');
    },
  },
];

describe('logs: real IIS fixtures (tests/fixtures/logs/iis)', function () {
  it('are the files their README lists, byte for byte (sha256)', () => {
    const readme = readFileSync(join(IIS_FIXTURES, '..', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^ {4}([0-9a-f]{64}) {2}iis\/(\S+)$/gm)].map((m) => [m[2], m[1]]);
    assert.equal(listed.length, FILES.length, 'one hash per file');
    for (const [file, hash] of listed) assert.equal(createHash('sha256').update(readFileSync(join(IIS_FIXTURES, file as string))).digest('hex'), hash, file);
  });

  for (const x of FILES) {
    describe(x.file, () => {
      it('parses without a crash; one primary event per hand-counted record line, per #Fields block', function () {
        requireFixtures(this);
        const text = read(x.file);
        const hand = handCount(text);
        const { events, records } = parse(text, x.file);
        assert.deepEqual(hand.blocks.map((b) => b.records.length), x.blocks, 'records per #Fields block');
        assert.deepEqual(hand.orphans, []);
        assert.equal(records, hand.recordLines.length);
        assert.deepEqual(primary(events).map((e) => e.line), hand.recordLines);
        // Nothing in these files decodes as TLS: none carries crypt-protocol (fixtures README).
        assert.deepEqual(iisHits(events), []);
        if (x.quoted !== true) {
          const misfits = hand.blocks.flatMap((b, i) => b.records
            .filter((r) => r.tokens !== b.fieldCount)
            .map((r) => ({ line: r.line, earlier: hand.blocks.slice(0, i).some((e) => e.fieldCount === r.tokens) })));
          const malformed = events.filter((e) => e.kind === 'malformed');
          assert.deepEqual(malformed.map((e) => e.line), misfits.map((m) => m.line));
          assert.deepEqual(malformed.map((e) => e.kind === 'malformed' && e.recovered === true), misfits.map((m) => m.earlier));
        } else {
          assert.deepEqual(events.filter((e) => e.kind === 'malformed'), []);
        }
        x.check?.(events);
      });

      it('CRLF, BOM, BOM+CRLF, no final newline and gzip variants give identical events', function () {
        requireFixtures(this);
        const text = read(x.file);
        const reference = parse(text, x.file).events;
        const variants: [string, string][] = [
          ['CRLF', text.replace(/\r?\n/g, '\r\n')],
          ['BOM', `\uFEFF${text}`],
          ['BOM+CRLF', `\uFEFF${text.replace(/\r?\n/g, '\r\n')}`],
          ['no final newline', text.replace(/\r?\n$/, '')],
          ['gzip', gunzipSync(gzipSync(readFileSync(join(IIS_FIXTURES, x.file)))).toString('utf8')],
        ];
        for (const [name, variant] of variants) assert.deepEqual(parse(variant, x.file).events, reference, name);
      });

      it('is detected as IisW3C from its first lines', function () {
        requireFixtures(this);
        assert.equal(detectFormat(read(x.file).split('\n').slice(0, 20)).format, 'IisW3C');
      });
    });
  }

  it('lnav_logfile_w3c_big.0.log with a crypt-protocol column added mechanically: every record becomes a hit', function () {
    requireFixtures(this);
    // Append " crypt-protocol" to each #Fields line and a protocol value (cycling 40, 100, 400, -) to each record.
    const values = ['40', '100', '400', '-'];
    let k = 0;
    const text = read('lnav_logfile_w3c_big.0.log').split('\n').map((l) => {
      if (l.startsWith('#Fields:')) return `${l} crypt-protocol`;
      if (l === '' || l.startsWith('#')) return l;
      return `${l} ${values[k++ % values.length] ?? '-'}`;
    }).join('\n');
    const { events } = parse(text, 'crypt.log');
    const hits = iisHits(events);
    assert.equal(k, 210);
    const plain = 52; // "-" is the value of records k = 3, 7, ..., 207 (k % 4 === 3)
    assert.equal(events.filter((e) => e.kind === 'plain').length, plain);
    assert.equal(hits.length, 210 - plain);
    assert.deepEqual(hits.slice(0, 3).map((h) => h.protocol), ['Tls10', 'Tls11', 'Tls12']);
  });
});
