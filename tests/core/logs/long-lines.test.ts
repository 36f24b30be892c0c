import { strict as assert } from 'node:assert';
import {
  createExchangeSmtpParser, createIisByteFilter, createIisParser, createLineSplitter, filteredLineText, LONG_LINE_HEAD, MAX_LOG_LINE,
  type FilteredLine, type LogEvent, type SplitLine,
} from '../../../core/logs/index.js';
import { prng, SMTP_HEADER, SMTP_ROWS, T1, T2, T_HEADER } from './helpers.js';

// Issue 13, item 2: a log line is held up to MAX_LOG_LINE (1 MiB) and no further. A longer line (a file
// concatenated without newlines, binary data, a 2 GB line) comes out in its place as a LongLine (its length
// and first 200 characters), the parsers count it as a `too-long` malformed record naming the file and line,
// and the lines after it are read as usual. Before the cap the splitter and the byte filter joined the whole
// line in memory (a 2 GB line: 2.6 GB and no result), and the byte filter re-copied it at every chunk.

const CAP = 1000;
const HEADER_LINES = T_HEADER.split('\n');

function split(text: string, chunk: number, cap = CAP): SplitLine[] {
  const s = createLineSplitter(cap);
  const out: SplitLine[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...s.push(text.slice(i, i + chunk)));
  out.push(...s.end());
  return out;
}

function filter(text: string, chunk: number, cap = CAP): FilteredLine[] {
  const f = createIisByteFilter(['Tls10', 'Tls11'], {}, {}, cap);
  const bytes = Buffer.from(text, 'utf8');
  const out: FilteredLine[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...f.push(bytes.subarray(i, i + chunk)));
  out.push(...f.end());
  return out.map((l) => ({ ...l, bytes: Uint8Array.from(l.bytes) }));
}

describe('logs: lines over the cap (issue 13, item 2)', () => {
  it('the cap is 1 MiB, and the head kept of a long line is the 200 characters a malformed excerpt shows', () => {
    assert.equal(MAX_LOG_LINE, 1024 * 1024);
    assert.equal(LONG_LINE_HEAD, 200);
  });

  it('line splitter: a line of exactly the cap is a line; one more character makes it a LongLine with its length and head', () => {
    const exact = 'a'.repeat(CAP);
    const over = `${'b'.repeat(CAP)}c`;
    for (const chunk of [1, 7, 333, CAP, CAP + 1, 5000]) {
      const got = split(`first\n${exact}\r\n${over}\r\nlast\n`, chunk);
      assert.deepEqual(got, ['first', exact, { kind: 'too-long', length: CAP + 1, unit: 'characters', head: 'b'.repeat(200) }, 'last'], `chunk ${chunk}`);
    }
  });

  it('line splitter: the same lines whatever the chunking, long lines anywhere, a final long line without a newline', () => {
    const rnd = prng(13);
    const lines: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const len = rnd() < 0.2 ? CAP + Math.floor(rnd() * 3000) : Math.floor(rnd() * 50);
      lines.push(Array.from({ length: len }, (_, k) => String.fromCharCode(97 + ((i + k) % 26))).join(''));
    }
    const text = lines.join('\n');
    const want = lines.map((l) => (l.length > CAP ? { kind: 'too-long', length: l.length, unit: 'characters', head: l.slice(0, 200) } : l));
    for (const chunk of [1, 2, 17, 999, 1000, 1001, 4096, text.length]) assert.deepEqual(split(text, chunk), want, `chunk ${chunk}`);
  });

  it('byte filter: a long line is given out once, with its line number, its byte length and head; lines after it keep their numbers', () => {
    const long = `2024-05-01 00:00:09 ${'x'.repeat(5000)}`;
    const text = `${T_HEADER}\n${T1}\n${long}\n${T2}\n${long}`;
    const longNo = HEADER_LINES.length + 2;
    for (const chunk of [1, 3, 64, 999, 1000, 1001, 65536]) {
      const got = filter(text, chunk);
      const tooLong = got.filter((l) => l.tooLong !== undefined);
      assert.deepEqual(tooLong.map((l) => [l.lineNo, l.tooLong, Buffer.from(l.bytes).toString()]), [
        [longNo, long.length, long.slice(0, 200)],
        [longNo + 2, long.length, long.slice(0, 200)],
      ], `chunk ${chunk}`);
      const t2 = got.find((l) => Buffer.from(l.bytes).toString() === T2);
      // Exactly the cap, with CRLF: a line; one byte more: too long.
      const edge = filter(`#Fields: c-ip\r\n${'1'.repeat(CAP)}\r\n${'2'.repeat(CAP + 1)}\r\n`, chunk);
      assert.deepEqual(edge.map((l) => [l.lineNo, l.tooLong, l.bytes.length]), [[1, undefined, 14], [2, undefined, CAP + 1], [3, CAP + 1, 200]], `chunk ${chunk}: at the cap`);
      assert.equal(t2?.lineNo, longNo + 1, `chunk ${chunk}: the line after the long one`);
      assert.ok(got.some((l) => Buffer.from(l.bytes).toString() === T1), `chunk ${chunk}`);
    }
  });

  it('IIS and Exchange parsers: a LongLine is one too-long malformed record naming the file and line; the next records still count', () => {
    const iis = createIisParser({ source: 'u_ex240501.log' });
    const events: LogEvent[] = [];
    let n = 0;
    for (const l of HEADER_LINES) events.push(...iis.pushLine(l, ++n));
    events.push(...iis.pushLine({ kind: 'too-long', length: 2_147_483_648, unit: 'bytes', head: '2024-05-01 00:00:00 192.0.2.1' }, ++n));
    events.push(...iis.pushLine(T1, ++n));
    const bad = events.filter((e) => e.kind === 'malformed');
    assert.equal(bad.length, 1);
    const m = bad[0] as Extract<LogEvent, { kind: 'malformed' }>;
    assert.equal(m.reason, 'too-long');
    assert.equal(m.line, HEADER_LINES.length + 1);
    assert.equal(m.actual, 2_147_483_648);
    assert.equal(m.expected, MAX_LOG_LINE);
    assert.equal(m.excerpt, '2024-05-01 00:00:00 192.0.2.1');
    assert.match(m.message, /^u_ex240501\.log line 5: a line of 2,147,483,648 bytes, over the limit of 1,048,576: .*line skipped$/);
    assert.equal(events.filter((e) => e.kind === 'hit').length, 1, 'the record after the long line is read');
    assert.equal(iis.stats().malformed, 1);

    const smtp = createExchangeSmtpParser({ source: 'RECV2024050110-1.LOG' });
    const rows = `${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}`.split('\n');
    const all: LogEvent[] = [];
    rows.forEach((r, i) => {
      all.push(...smtp.pushLine(r, i + 1));
      if (i === 5) all.push(...smtp.pushLine({ kind: 'too-long', length: 5_000_000, unit: 'characters', head: 'x' }, 1000));
    });
    const smtpBad = all.filter((e) => e.kind === 'malformed');
    assert.deepEqual(smtpBad.map((e) => [e.line, e.kind === 'malformed' ? e.reason : '']), [[1000, 'too-long']]);
    assert.match((smtpBad[0] as { message: string }).message, /RECV2024050110-1\.LOG line 1000: a line of 5,000,000 characters/);
    assert.ok(all.some((e) => e.kind === 'hit'), 'sessions are still read');
  });

  it('filteredLineText: a normal line is its text, a long one a LongLine in bytes', () => {
    const dec = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
    assert.equal(filteredLineText({ bytes: Buffer.from('abc'), lineNo: 1 }, dec), 'abc');
    assert.deepEqual(filteredLineText({ bytes: Buffer.from('ab'), lineNo: 2, tooLong: 9 }, dec), { kind: 'too-long', length: 9, unit: 'bytes', head: 'ab' });
  });
});
