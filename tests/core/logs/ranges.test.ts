import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAggregator, createExchangeSmtpParser, createIisByteFilter, createIisParser, iisStateAfter, iisStateFits,
  type Aggregator, type AggregatorOptions, type IisParserState, type LogEvent,
} from '../../../core/logs/index.js';
import { feed, IIS_FIXTURES, prng, SMTP_HEADER, SMTP_ROWS, TLS_SENTENCE } from './helpers.js';
import { syntheticIis } from './synthetic.js';

// The core pieces behind a parallel logs.scan (bridge/logs-unit.ts): an IIS parser started from another
// parser's state at a line, the byte filter started under a #Fields, and partial aggregators merged in order.
// Each must give exactly what one parser / one aggregator gives over the whole input.

const make = (options: AggregatorOptions): Aggregator => {
  const r = createAggregator(options);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

const shift = (events: readonly LogEvent[], offset: number): LogEvent[] => events.map((e) => {
  if (e.kind !== 'malformed') return { ...e, line: e.line + offset };
  const prefix = `${e.source} line ${e.line}: `;
  return { ...e, line: e.line + offset, message: `${e.source} line ${e.line + offset}: ${e.message.slice(prefix.length)}` };
});

function texts(): { name: string; text: string }[] {
  const out = [0, 1, 2, 3].map((seed) => ({ name: `synthetic ${seed}`, text: syntheticIis(seed, { lines: 400, crlf: seed % 2 === 0, finalNewline: seed !== 3 }) }));
  out.push({ name: 'synthetic headless', text: syntheticIis(9, { lines: 200, headless: true }) });
  out.push({ name: 'synthetic behind load balancers', text: syntheticIis(12, { lines: 400, forwarded: true }) });
  let files: string[] = [];
  try { files = readdirSync(IIS_FIXTURES); } catch { files = []; }
  for (const f of files) out.push({ name: f, text: readFileSync(join(IIS_FIXTURES, f), 'utf8') });
  return out;
}

const CARRIED = 'date time c-ip cs(user-agent) crypt-protocol';

describe('logs: parsing a file in ranges (parser state, byte filter start, aggregator merge)', () => {
  it('a parser started from state() at any line gives the single pass events, and iisStateAfter gives its state', () => {
    for (const { name, text } of texts()) {
      const lines = text.split('\n');
      const whole = createIisParser({ source: 's.log', fields: CARRIED });
      const all = lines.flatMap((l, i) => whole.pushLine(l, i + 1));
      const rnd = prng(lines.length);
      const cuts = [0, 1, 2, lines.length - 1, ...Array.from({ length: 12 }, () => Math.floor(rnd() * lines.length))];
      for (const cut of cuts) {
        const first = createIisParser({ source: 's.log', fields: CARRIED });
        const before = lines.slice(0, cut).flatMap((l, i) => first.pushLine(l, i + 1));
        const at = first.state();
        const second = createIisParser({ source: 's.log', state: at });
        const after = lines.slice(cut).flatMap((l, i) => second.pushLine(l, i + 1));
        assert.deepEqual([...before, ...shift(after, cut)], all, `${name} cut at line ${cut}`);
        assert.ok(iisStateFits(at, at, second.stateUse()));
        assert.deepEqual(iisStateAfter(at, second.state(), second.stateUse()), whole.state(), `${name} state after, cut ${cut}`);
      }
    }
  });

  it('a range started from a wrong state reads other events, and iisStateFits says so (so the scan reads it again)', () => {
    const text = syntheticIis(5, { lines: 300 });
    const lines = text.split('\n');
    const cut = 150;
    const first = createIisParser({ source: 's.log' });
    lines.slice(0, cut).forEach((l, i) => first.pushLine(l, i + 1));
    const truth = first.state();
    assert.ok(truth.fields !== undefined);
    const wrongs: IisParserState[] = [
      { ...truth, fields: 'date time c-ip crypt-protocol' },
      { ...truth, schemas: [] },
      { schemas: [], dayOffset: 0 },
    ];
    const right = createIisParser({ source: 's.log', state: truth });
    const expected = lines.slice(cut).flatMap((l, i) => right.pushLine(l, i + 1));
    let differed = 0;
    for (const wrong of wrongs) {
      const p = createIisParser({ source: 's.log', state: wrong });
      const got = lines.slice(cut).flatMap((l, i) => p.pushLine(l, i + 1));
      const fits = iisStateFits(wrong, truth, p.stateUse());
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        differed += 1;
        assert.equal(fits, false, `a wrong start that changed events must not fit: ${JSON.stringify(wrong).slice(0, 80)}`);
      }
    }
    assert.ok(differed >= 2, 'the wrong starts do change what is read');
  });

  it('the byte filter started under a #Fields key keeps and numbers lines as the filter that read up to there', () => {
    for (const { name, text } of texts()) {
      const bytes = Buffer.from(text, 'utf8');
      const only = ['Tls10', 'Tls11'] as const;
      const whole = createIisByteFilter(only);
      const all = [...whole.push(bytes), ...whole.end()].map((l) => `${l.lineNo} ${Buffer.from(l.bytes).toString('utf8')}`);
      const starts = [0];
      for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === 10) starts.push(i + 1);
      const rnd = prng(bytes.length);
      for (let k = 0; k < 10; k += 1) {
        const lineIdx = Math.floor(rnd() * starts.length);
        const at = starts[lineIdx] as number;
        const head = createIisByteFilter(only);
        const a = [...head.push(bytes.subarray(0, at)), ...head.end()].map((l) => `${l.lineNo} ${Buffer.from(l.bytes).toString('utf8')}`);
        const fields = head.fields();
        const tail = createIisByteFilter(only, {}, fields === undefined ? {} : { fields });
        // Fed in odd chunk sizes, through one reused buffer (as a range reader does).
        const reused = Buffer.alloc(7);
        const b: string[] = [];
        for (let p = at; p < bytes.length; p += 7) {
          const n = bytes.copy(reused, 0, p, Math.min(bytes.length, p + 7));
          for (const l of tail.push(reused.subarray(0, n))) b.push(`${l.lineNo + lineIdx} ${Buffer.from(l.bytes).toString('utf8')}`);
        }
        for (const l of tail.end()) b.push(`${l.lineNo + lineIdx} ${Buffer.from(l.bytes).toString('utf8')}`);
        assert.deepEqual([...a, ...b], all, `${name} from byte ${at}`);
        assert.equal(head.skipped() + tail.skipped(), whole.skipped());
      }
    }
  });

  it('partial aggregators merged in order equal one aggregator fed every event (tallies past 8, capped lists, samples)', () => {
    // Events of several files (sources), IIS and SMTP, many agents per client, weak ciphers, proxies, no-TLS sites.
    const events: LogEvent[] = [];
    const iis = createIisParser({ source: 'f0.log' });
    for (let f = 0; f < 6; f += 1) {
      if (f > 0) iis.beginFile(`f${f}.log`);
      events.push(...feed(iis, syntheticIis(100 + f, { lines: 250 })));
    }
    events.push(...feed(createIisParser({ source: 'xff.log' }), [
      '#Fields: date time c-ip X-Forwarded-For cs(User-Agent) crypt-protocol crypt-cipher',
      ...Array.from({ length: 40 }, (_, i) => `2024-05-01 10:00:${String(i).padStart(2, '0')} 10.0.0.${i % 3} 198.51.0.${i % 4},+10.1.1.1 UA${i} 40 ${i % 2 ? '6603' : '6801'}`),
    ].join('\n')));
    const smtp = createExchangeSmtpParser({ source: 'RECV.LOG' });
    events.push(...feed(smtp, `${SMTP_HEADER}\n${SMTP_ROWS.join('\n')}\n${SMTP_ROWS.map((r) => r.replace('TLS1_0', 'TLS1_1').replace('0000000001', '0000000002')).join('\n')}`));
    events.push(...feed(smtp, `${SMTP_HEADER}\n2024-05-01T10:00:01.030Z,EX01\\X,S9,3,192.0.2.25:25,198.51.100.21:1,*,,"${TLS_SENTENCE('SP_PROT_TLS1_0_SERVER')}"`));
    assert.ok(events.filter((e) => e.kind === 'malformed').length > 20, 'enough malformed events to cap the samples');
    const optionSets: AggregatorOptions[] = [
      { protocols: ['Tls10', 'Tls11'] },
      { protocols: ['Ssl2', 'Ssl3', 'Tls10', 'Tls11', 'Tls12', 'Tls13'], maxListed: 2 },
      { protocols: ['Tls10'], since: '2024-05-02', until: '2024-05-05T12:00:00Z', excludeInternal: true },
    ];
    for (const options of optionSets) {
      const single = make(options);
      single.addAll(events);
      const expected = single.result();
      const rnd = prng(7);
      for (let round = 0; round < 8; round += 1) {
        const cuts = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * events.length)))].sort((a, b) => a - b);
        const bounds = [0, ...cuts, events.length];
        const main = make(options);
        main.addAll(events.slice(0, bounds[1]));
        for (let i = 1; i + 1 < bounds.length; i += 1) {
          const part = make({ ...options, partial: true });
          part.addAll(events.slice(bounds[i], bounds[i + 1]));
          main.merge(structuredClone(part.state()));
        }
        assert.deepEqual(main.result(), expected, `${JSON.stringify(options)} cut at ${cuts.join(',')}`);
      }
    }
  });

  it('merge shifts the line numbers of malformed samples by the lines of the ranges before', () => {
    const text = syntheticIis(11, { lines: 400 });
    const lines = text.split('\n');
    const whole = createIisParser({ source: 's.log' });
    const single = make({ protocols: ['Tls10', 'Tls11'] });
    const events = lines.flatMap((l, i) => whole.pushLine(l, i + 1));
    single.addAll(events);
    // Between the 5th and 6th malformed line: samples come from both ranges.
    const cut = events.filter((e) => e.kind === 'malformed')[5]?.line ?? 0;
    assert.ok(cut > 0);
    const first = createIisParser({ source: 's.log' });
    const main = make({ protocols: ['Tls10', 'Tls11'] });
    main.addAll(lines.slice(0, cut - 1).flatMap((l, i) => first.pushLine(l, i + 1)));
    const second = createIisParser({ source: 's.log', state: first.state() });
    const part = make({ protocols: ['Tls10', 'Tls11'], partial: true });
    part.addAll(lines.slice(cut - 1).flatMap((l, i) => second.pushLine(l, i + 1)));
    main.merge(part.state(), cut - 1);
    assert.deepEqual(main.result(), single.result());
    const samples = single.result().malformedSamples;
    assert.ok(samples.some((m) => m.line < cut) && samples.some((m) => m.line >= cut), 'samples from both ranges are compared');
  });
});
