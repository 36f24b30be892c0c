import { strict as assert } from 'node:assert';
import { createIisByteFilter, createIisParser, type LogEvent } from '../../../core/logs/index.js';

// The byte pre-filter must never change what the scan reports for the selected protocols: the hits from
// (filter -> parser) equal the hits from the parser alone, whatever the chunking.
const LINES = [
  '\ufeff#Software: Microsoft Internet Information Services 10.0',
  '#Fields: date time c-ip cs(User-Agent) time-taken crypt-protocol crypt-cipher',
  '2024-05-01 00:00:01 192.0.2.1 a 40 400 6610',
  '2024-05-01 00:00:02 192.0.2.2 b 400 40 6610',
  '2024-05-01 00:00:03 192.0.2.3 c 1 0x100 6610',
  '2024-05-01 00:00:04 192.0.2.4 "quoted ua" 1 400 6610',
  '2024-05-01 00:00:05 192.0.2.5 d 1 ff 6610',
  '2024-05-01 00:00:06 192.0.2.6 e\t1 400 6610',
  '2024-05-01 00:00:07 192.0.2.7 f 1 1000 6610',
  '#Fields: date time crypt-protocol c-ip',
  '2024-05-01 00:00:08 400 192.0.2.8',
  '2024-05-01 00:00:09 40 192.0.2.9',
  '2024-05-01 00:00:10 400 192.0.2.10 extra-field',
];
const TEXT = `${LINES.join('\r\n')}\r\n2024-05-01 00:00:11 10 192.0.2.11`; // no final newline

const hits = (events: readonly LogEvent[]): string[] => events.filter((e) => e.kind === 'hit').map((e) => (e.kind === 'hit' ? `${e.line} ${e.clientIp} ${e.protocol}` : ''));

function direct(): string[] {
  const p = createIisParser({ source: 's.log' });
  const lines = TEXT.split('\n');
  return hits([...lines.flatMap((l, i) => p.pushLine(l, i + 1)), ...p.end()]);
}

function filtered(chunkSize: number, only: ('Tls10' | 'Tls11' | 'Ssl3')[]): { hits: string[]; skipped: number } {
  const f = createIisByteFilter(only);
  const p = createIisParser({ source: 's.log' });
  const bytes = Uint8Array.from(Buffer.from(TEXT, 'utf8'));
  const events: LogEvent[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < bytes.length; i += chunkSize) {
    for (const l of f.push(bytes.subarray(i, i + chunkSize))) events.push(...p.pushLine(dec.decode(l.bytes), l.lineNo));
  }
  for (const l of f.end()) events.push(...p.pushLine(dec.decode(l.bytes), l.lineNo));
  events.push(...p.end());
  return { hits: hits(events), skipped: f.skipped() };
}

describe('IIS byte pre-filter (logs.scan hot path)', () => {
  const selected = (h: string): boolean => / (Tls10|Tls11|Ssl3|Unknown)$/.test(h);
  it('keeps every hit of the selected, unknown and odd lines, with the same line numbers, for every chunk size', () => {
    const want = direct().filter(selected);
    for (const size of [1, 2, 3, 7, 16, 64, 4096]) {
      const got = filtered(size, ['Tls10', 'Tls11', 'Ssl3']);
      assert.deepEqual(got.hits.filter(selected), want, `chunk size ${size}`);
    }
  });
  it('skips only plain records whose crypt-protocol is an unselected known code, following #Fields changes', () => {
    const got = filtered(4096, ['Tls10', 'Tls11', 'Ssl3']);
    // line 3 (400 in the protocol column), line 9 (1000), line 11 (400 after the column moved)
    assert.equal(got.skipped, 3);
    assert.ok(got.hits.includes('4 192.0.2.2 Tls10'), 'a 400 in another column does not hide a TLS 1.0 line');
    assert.ok(got.hits.includes('6 192.0.2.4 Tls12'), 'quoted lines are parsed in full');
    assert.ok(got.hits.includes('8 192.0.2.6 Tls12'), 'lines with tabs are parsed in full');
    assert.ok(got.hits.includes('12 192.0.2.9 Tls10'), 'the moved protocol column is followed');
    assert.ok(got.hits.includes('14 192.0.2.11 Ssl3'), 'a last line without a newline is kept');
  });
  it('follows an admin-chosen protocol column name from the field map', () => {
    const f = createIisByteFilter(['Tls10'], { protocol: 'TlsProto' });
    const text = '#Fields: c-ip TlsProto\n192.0.2.1 400\n192.0.2.2 40\n';
    const kept = f.push(Uint8Array.from(Buffer.from(text)));
    assert.deepEqual(kept.map((l) => l.lineNo), [1, 3]);
  });
});
