import { strict as assert } from 'node:assert';
import {
  createAggregator, createExchangeSmtpParser, createIisParser, createLineSplitter, decodeAlgId, decodeCryptProtocol, detectFormat,
  normalizeIp, parseCsvLine, splitEndpoint, tokenizeW3c, type LogEvent, type LogParser,
} from '../../../core/logs/index.js';
import { prng, primary, SMTP_HEADER, SMTP_ROWS, T1, T2, T3, T4, T5, T6, T7_BLOCK, T_HEADER } from './helpers.js';

/**
 * Seeded fuzzing: thousands of random and mutated lines through both parsers, the aggregator, the
 * detector and the small helpers. Properties: nothing throws; every call returns an array of well-formed
 * events (known kind, the parser's source, the line number given); each IIS record line gives exactly one
 * primary event. Seeds are fixed so a failure reproduces; the failing seed and line are in the message.
 */

const KINDS = new Set(['hit', 'plain', 'no-tls-field', 'malformed']);
const ALPHABET = [' ', ' ', '  ', '\t', '"', '""', ',', '-', '+', '#', ':', '%', '[', ']', '\r', '\uFEFF', '\u00e9', '\ud83d', '\ude00', '\u0000',
  '0', '4', '40', '100', '400', 'ff', '0x', 'SP_PROT_', 'SP_PROT-TLS1_0_', 'SERVER', 'CLIENT', 'EHLO ', ',<,', ',-,', ',*,,', 'TLS protocol ',
  'negotiation succeeded', '::', '::1%0', '2001:db8::', '192.0.2.', '#Fields: ', '#Date: ', 'date time c-ip crypt-protocol'];

const IIS_SEEDS = [T_HEADER, T1, T2, T3, T4, T5, T6, ...T7_BLOCK.split('\n'), '#Fields: date time c-ip', '#Fields: time c-ip crypt-protocol X-Forwarded-For', '#Date: 2024-05-01 23:59:59', '', '   ',
  '2024-05-01 12:00:02 10.0.0.5 - -', '2024-05-01 12:00:03 10.0.0.6 - 203.0.113.9', '12:00:04 10.0.0.7 -'];
const SMTP_SEEDS = [...SMTP_HEADER.split('\n'), ...SMTP_ROWS, '#Fields: context,remote-endpoint', '#Log-type: SMTP Send Protocol Log'];

function mutate(rand: () => number, text: string): string {
  let s = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(rand() * (s.length + 1));
    const op = rand();
    const piece = ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? '';
    if (op < 0.35) s = s.slice(0, at) + piece + s.slice(at);
    else if (op < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 8));
    else if (op < 0.8) s = s.slice(0, at) + piece + s.slice(at + piece.length);
    else if (op < 0.9) s = s.slice(0, at);
    else s = s.slice(at) + s.slice(0, at);
  }
  return s;
}

function randomLine(rand: () => number): string {
  const n = Math.floor(rand() * 40);
  let s = '';
  for (let i = 0; i < n; i += 1) {
    if (rand() < 0.3) s += ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? '';
    else s += String.fromCharCode(Math.floor(rand() * (rand() < 0.9 ? 128 : 0x10000)));
  }
  return s;
}

function lineFor(rand: () => number, seeds: readonly string[]): string {
  const r = rand();
  const seed = seeds[Math.floor(rand() * seeds.length)] ?? '';
  if (r < 0.3) return seed;
  if (r < 0.85) return mutate(rand, seed);
  return randomLine(rand);
}

function checkEvents(events: unknown, source: string, lineNo: number, context: string): LogEvent[] {
  assert.ok(Array.isArray(events), `${context}: not an array`);
  for (const e of events as LogEvent[]) {
    assert.ok(KINDS.has(e.kind), `${context}: kind ${String(e.kind)}`);
    assert.equal(e.source, source, context);
    assert.equal(e.line, lineNo, context);
    if (e.kind === 'hit') {
      assert.equal(typeof e.clientIp, 'string', context);
      assert.equal(typeof e.protocolLabel, 'string', context);
      if (e.time !== undefined) assert.match(e.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z?$/, context);
    }
  }
  return events as LogEvent[];
}

function run(make: (source: string) => LogParser, seeds: readonly string[], seed: number, lines: number, iis: boolean): Map<string, number> {
  const rand = prng(seed);
  const parser = make(`fuzz-${seed}.log`);
  const agg = createAggregator({ protocols: ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13'], since: '2000-01-01', until: '2100-01-01' });
  assert.ok(agg.ok);
  let primaries = 0;
  let events = 0;
  const byKind = new Map<string, number>();
  for (let i = 1; i <= lines; i += 1) {
    const line = lineFor(rand, seeds);
    const context = `seed ${seed} line ${i}: ${JSON.stringify(line)}`;
    let out: LogEvent[];
    try {
      out = checkEvents(parser.pushLine(line, i), `fuzz-${seed}.log`, i, context);
    } catch (err) {
      throw new Error(`${context}: ${String(err)}`);
    }
    primaries += primary(out).length;
    events += out.length;
    for (const e of out) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    agg.value.addAll(out);
    if (rand() < 0.01) parser.beginFile(`fuzz-${seed}.log`);
  }
  assert.deepEqual(parser.end(), []);
  const result = agg.value.result();
  assert.equal(result.totals.events, events);
  if (iis) assert.equal(primaries, parser.stats().records, `seed ${seed}: one primary event per record`);
  return byKind;
}

describe('logs: fuzz (seeded)', () => {
  it('IIS parser: 20,000 random and mutated lines over 4 seeds never throw and always give well-formed events', () => {
    for (const seed of [1, 2, 3, 20240501]) {
      const byKind = run((s) => createIisParser({ source: s }), IIS_SEEDS, seed, 5000, true);
      // The mutations must reach every outcome, or the fuzz proves little.
      for (const kind of ['hit', 'plain', 'no-tls-field', 'malformed']) assert.ok((byKind.get(kind) ?? 0) > 20, `seed ${seed}: ${kind} ${String(byKind.get(kind))}`);
    }
  });

  it('IIS parser with a field map and a carried schema: 5,000 lines', () => {
    run((s) => createIisParser({ source: s, fieldMap: { protocol: 'c-ip', forwardedFor: 'crypt-protocol' }, fields: 'date time c-ip crypt-protocol', date: '2024-05-01' }), IIS_SEEDS, 7, 5000, true);
  });

  it('SMTP parser: 20,000 random and mutated lines over 4 seeds never throw and always give well-formed events', () => {
    for (const seed of [11, 12, 13, 20240502]) {
      const byKind = run((s) => createExchangeSmtpParser({ source: s, maxOpenSessions: 3 }), SMTP_SEEDS, seed, 5000, false);
      for (const kind of ['hit', 'malformed']) assert.ok((byKind.get(kind) ?? 0) > 20, `seed ${seed}: ${kind} ${String(byKind.get(kind))}`);
    }
  });

  it('helpers never throw on random input: tokenizers, CSV, IP, endpoints, codes, detection, line splitter', () => {
    const rand = prng(99);
    const splitter = createLineSplitter();
    for (let i = 0; i < 5000; i += 1) {
      const s = rand() < 0.5 ? randomLine(rand) : mutate(rand, IIS_SEEDS[i % IIS_SEEDS.length] ?? '');
      assert.ok(Array.isArray(tokenizeW3c(s)));
      assert.ok(parseCsvLine(s).length >= 1);
      assert.equal(typeof normalizeIp(s), 'string');
      assert.equal(typeof splitEndpoint(s).address, 'string');
      assert.equal(typeof decodeCryptProtocol(s).label, 'string');
      assert.equal(typeof decodeAlgId(s).label, 'string');
      assert.ok(Array.isArray(splitter.push(s)));
      if (i % 50 === 0) assert.ok(['IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend', 'Unknown'].includes(detectFormat([s, randomLine(rand), s]).format));
    }
    assert.ok(Array.isArray(splitter.end()));
  });
});
