import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createExchangeSmtpParser, createIisParser, type IisHitEvent, type IisParserOptions, type LogEvent, type LogParser,
  type SmtpHitEvent, type SmtpParserOptions,
} from '../../../core/logs/index.js';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** Real IIS logs from public repositories, in the repository with their origins and licences (tests/fixtures/logs/README.md). */
export const IIS_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'logs', 'iis');

/** The fixtures are part of the repository: missing, they are a failure, never a skip. */
export function requireFixtures(_ctx: Mocha.Context): void {
  if (!existsSync(IIS_FIXTURES)) throw new Error(`the real IIS fixtures are missing: ${IIS_FIXTURES} (tests/fixtures/logs/iis in the repository)`);
}

/** Feeds text split on LF only (so CRs reach the parser, which must remove them), numbering lines from 1. */
export function feed(parser: LogParser, text: string): LogEvent[] {
  const events: LogEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) events.push(...parser.pushLine(lines[i] ?? '', i + 1));
  events.push(...parser.end());
  return events;
}

export function parseIis(text: string, options: Partial<IisParserOptions> = {}): LogEvent[] {
  return feed(createIisParser({ source: 'test.log', ...options }), text);
}

export function parseSmtp(text: string, options: Partial<SmtpParserOptions> = {}): LogEvent[] {
  return feed(createExchangeSmtpParser({ source: 'RECV.LOG', ...options }), text);
}

export function iisHits(events: readonly LogEvent[]): IisHitEvent[] {
  return events.filter((e): e is IisHitEvent => e.kind === 'hit' && e.format === 'IisW3C');
}

export function smtpHits(events: readonly LogEvent[]): SmtpHitEvent[] {
  return events.filter((e): e is SmtpHitEvent => e.kind === 'hit' && e.format !== 'IisW3C');
}

export function onlyHit(events: readonly LogEvent[]): IisHitEvent {
  const hits = iisHits(events);
  if (hits.length !== 1) throw new Error(`expected one IIS hit, got ${JSON.stringify(events)}`);
  return hits[0] as IisHitEvent;
}

export function kinds(events: readonly LogEvent[]): string[] {
  return events.map((e) => (e.kind === 'malformed' ? `malformed:${e.reason}${e.recovered === true ? ':recovered' : ''}` : e.kind));
}

/** Events that stand for one record each: everything except the mismatch notes of recovered lines. */
export function primary(events: readonly LogEvent[]): LogEvent[] {
  return events.filter((e) => !(e.kind === 'malformed' && e.recovered === true));
}

/** mulberry32: a small seeded PRNG, so the fuzz test is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** docs/log-formats.md 1.6: the header used by T1-T6. */
export const T_HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2024-05-01 00:00:00',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken crypt-protocol crypt-cipher crypt-hash crypt-keyexchange',
].join('\n');

export const T1 = '2024-05-01 00:00:01 192.0.2.10 POST /EWS/Exchange.asmx - 443 CONTOSO\\svc-scan 198.51.100.7 ExchangeServicesClient/15.00.0913.015 - 200 0 0 31 40 6610 8004 a400';
export const T2 = '2024-05-01 00:00:02 192.0.2.10 GET /owa/ - 443 - 198.51.100.8 Mozilla/5.0+(Windows+NT+6.1;+Trident/7.0) - 302 0 0 4 100 660e 8004 ae06';
export const T3 = '2024-05-01 00:00:03 192.0.2.10 GET / - 80 - 198.51.100.9 curl/8.0 - 200 0 0 1 - - - -';
export const T4 = '2024-05-01 00:00:04 192.0.2.10 GET /mapi/nspi/ - 443 - 2001:db8::25 Microsoft+Office/16.0 - 200 0 0 9 400 6610 800d ae06';
export const T5 = '2024-05-01 00:00:05 192.0.2.10 GET / - 443 - fe80::1%12 - - 200 0 0 2 1000 6610 800d ae06';
export const T6 = '2024-05-01 00:00:06 192.0.2.10 GET / - 443 - 198.51.100.10 - - 200 0 2148074254 2 ff 6610 800d ae06';
export const T7_BLOCK = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2024-05-01 12:00:00',
  '#Fields: date time c-ip crypt-protocol X-Forwarded-For',
  '2024-05-01 12:00:01 10.0.0.5 40 203.0.113.5,+10.0.0.9',
].join('\n');

/** T1-T7 as one file, with a final newline. */
export const T_FILE = `${[T_HEADER, T1, T2, T3, T4, T5, T6, T7_BLOCK].join('\n')}\n`;

/** docs/log-formats.md 2.2 header (receive) and the 2.7 session. */
export const SMTP_HEADER = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.0.0.0',
  '#Log-type: SMTP Receive Protocol Log',
  '#Date: 2024-05-01T10:00:04.113Z',
  '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
].join('\n');

export const SMTP_ROWS = [
  '2024-05-01T10:00:01.000Z,EX01\\Default Frontend EX01,08DC6A0000000001,0,192.0.2.25:25,198.51.100.20:50123,+,,',
  '2024-05-01T10:00:01.010Z,EX01\\Default Frontend EX01,08DC6A0000000001,1,192.0.2.25:25,198.51.100.20:50123,<,EHLO printer01.contoso.test,',
  '2024-05-01T10:00:01.020Z,EX01\\Default Frontend EX01,08DC6A0000000001,2,192.0.2.25:25,198.51.100.20:50123,<,STARTTLS,',
  '2024-05-01T10:00:01.030Z,EX01\\Default Frontend EX01,08DC6A0000000001,3,192.0.2.25:25,198.51.100.20:50123,*,,"TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA1 with strength 160 bits and key exchange algorithm CALG_ECDHE with strength 256 bits"',
  '2024-05-01T10:00:02.000Z,EX01\\Default Frontend EX01,08DC6A0000000001,4,192.0.2.25:25,198.51.100.20:50123,-,,Local',
] as const;

export const TLS_SENTENCE = (token: string): string =>
  `TLS protocol ${token} negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with strength 0 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 384 bits`;
