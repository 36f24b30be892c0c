import { prng } from './helpers.js';

/**
 * Generated IIS W3C logs for the range tests (a scan split into byte ranges must equal the single pass): the
 * shapes that carry state from line to line, mixed at random but reproducibly from a seed.
 *
 * - `#Fields` blocks whose crypt-protocol column moves, appears and disappears; blocks re-emitted with the
 *   same schema; a schema without a date column (dates from `#Date`, the day moving on at midnight);
 * - records of an earlier schema (recovered), with too many or too few values, before any `#Fields`;
 * - quoted user agents with spaces, tabs, double spaces, `0x`/upper-case codes, unknown codes, `-`;
 * - many distinct user agents and clients (tallies past 8 values), loopback and back-end traffic;
 * - blank lines, a BOM in mid-file, CRLF or LF, with or without a final newline;
 * - with `forwarded`, also schemas behind load balancers (X-Forwarded-For, OriginalClientIP: many clients behind
 *   a few peers, multi-hop, IPv6, `unknown`, `-`).
 */
export const SCHEMAS = [
  'date time s-sitename s-ip cs-method cs-uri-stem s-port cs-username c-ip cs(User-Agent) sc-status crypt-protocol crypt-cipher',
  'date time c-ip crypt-protocol cs(User-Agent) s-port s-sitename',
  'crypt-protocol date time c-ip cs(User-Agent)',
  'date time s-sitename c-ip cs(User-Agent) sc-status',
  'time c-ip cs(User-Agent) Crypt_Protocol',
] as const;

/** The schemas `forwarded` adds: logs behind load balancers (issue 16, item 4). */
export const FORWARDED_SCHEMAS = [
  'date time s-sitename c-ip cs(User-Agent) crypt-protocol X-Forwarded-For',
  'date time c-ip OriginalClientIP crypt-protocol s-port',
] as const;

const PROTOCOLS = ['40', '100', '400', '400', '400', '1000', '0x40', '0X100', '10', '4', '-', 'ff', '40 ', '1c0'];
const AGENTS = ['Mozilla/5.0+(Windows+NT+10.0)', 'curl/7.29.0', 'Java/1.7.0_80', 'MSRPC', 'Outlook/15.0', '"quoted agent with spaces"', 'HealthMailbox+probe'];

export interface SyntheticOptions {
  readonly lines: number;
  readonly crlf?: boolean;
  readonly finalNewline?: boolean;
  /** Start without any directive (a continuation file). */
  readonly headless?: boolean;
  /** Mix in FORWARDED_SCHEMAS. Without it the text is what it always was for a seed. */
  readonly forwarded?: boolean;
}

export function syntheticIis(seed: number, options: SyntheticOptions): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const schemas: readonly string[] = options.forwarded === true ? [...SCHEMAS, ...FORWARDED_SCHEMAS] : SCHEMAS;
  const out: string[] = [];
  let schema: string = SCHEMAS[0];
  let seconds = 0;
  let day = 1;
  const header = (s: string): void => {
    schema = s;
    out.push('#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', `#Date: 2024-05-0${day} 00:00:00`, `#Fields: ${s}`);
  };
  if (!options.headless) header(SCHEMAS[0]);
  const clock = (): string => {
    const s = seconds % 86400;
    return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };
  const record = (s: string): string => {
    const ip = rnd() < 0.05 ? '::1' : `198.51.${Math.floor(rnd() * 3)}.${1 + Math.floor(rnd() * 12)}`;
    const values: Record<string, string> = {
      date: `2024-05-0${day}`, time: clock(), 's-sitename': pick(['W3SVC1', 'W3SVC2']), 's-ip': '10.0.0.5', 'cs-method': 'GET',
      'cs-uri-stem': pick(['/owa/', '/ews/Exchange.asmx', '/mapi/']), 's-port': pick(['443', '443', '444', '80']), 'cs-username': pick(['-', 'CONTOSO\\svc', 'user@contoso.test']),
      'c-ip': ip, 'cs(User-Agent)': rnd() < 0.3 ? `Agent+${Math.floor(rnd() * 20)}` : pick(AGENTS), 'sc-status': pick(['200', '401', '500']),
      'crypt-protocol': pick(PROTOCOLS), 'Crypt_Protocol': pick(PROTOCOLS), 'crypt-cipher': pick(['6610', '6801', '660e', '-']),
    };
    if (options.forwarded === true) {
      values['c-ip'] = rnd() < 0.7 ? pick(['10.0.0.5', '10.0.0.6', '2001:db8::10']) : ip;
      const client = rnd() < 0.3 ? `2001:db8::${Math.floor(rnd() * 40).toString(16)}` : `203.0.113.${Math.floor(rnd() * 60)}`;
      const forwarded = pick(['-', client, `${client},+10.0.0.9`, `[${client}]:443`, 'unknown,+10.0.0.9', 'unknown', '""']);
      values['X-Forwarded-For'] = forwarded;
      values['OriginalClientIP'] = forwarded;
    }
    return s.split(' ').map((name) => values[name] ?? '-').join(rnd() < 0.02 ? '  ' : rnd() < 0.01 ? '\t' : ' ');
  };
  for (let i = 0; i < options.lines; i += 1) {
    seconds += Math.floor(rnd() * 900);
    if (seconds >= 86400 * day && day < 9) day += 1;
    const r = rnd();
    if (r < 0.04) header(pick(schemas));
    else if (r < 0.06) out.push(`#Fields: ${schema}`);
    else if (r < 0.07) out.push(`#Date: 2024-05-0${day} ${clock()}`);
    else if (r < 0.08) out.push('');
    else if (r < 0.085) out.push(`\ufeff${record(schema)}`);
    else if (r < 0.10) out.push(record(pick(schemas)));
    else if (r < 0.11) out.push(`${record(schema)} extra`);
    else if (r < 0.12) out.push(record(schema).split(' ').slice(0, 3).join(' '));
    else if (r < 0.125) out.push(`   #Fields: ${pick(schemas)}`);
    else out.push(record(schema));
  }
  const eol = options.crlf ? '\r\n' : '\n';
  return out.join(eol) + (options.finalNewline === false ? '' : eol);
}

/**
 * A log whose `#Fields` changes sit exactly at, one byte before and one byte after multiples of `unit`, and
 * whose quoted values straddle other multiples: for ranges of `unit` bytes, every boundary case at once.
 */
export function boundaryIis(unit: number, blocks: number, crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  let text = `#Fields: ${SCHEMAS[0]}${eol}`;
  let n = 0;
  const rec = (s: string, quoted: boolean): string => {
    n += 1;
    const ua = quoted ? `"agent ${n} with spaces"` : `Agent+${n % 11}`;
    const proto = ['40', '100', '400', '1000'][n % 4] as string;
    const byName: Record<string, string> = {
      date: '2024-05-01', time: `10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`, 's-sitename': 'W3SVC1', 's-ip': '10.0.0.5',
      'cs-method': 'GET', 'cs-uri-stem': '/ews/', 's-port': '443', 'cs-username': '-', 'c-ip': `192.0.2.${n % 7}`, 'cs(User-Agent)': ua,
      'sc-status': '200', 'crypt-protocol': proto, 'Crypt_Protocol': proto, 'crypt-cipher': '6610',
    };
    return s.split(' ').map((name) => byName[name] ?? '-').join(' ');
  };
  let schema: string = SCHEMAS[0];
  for (let b = 1; b <= blocks; b += 1) {
    const target = b * unit + ((b % 3) - 1); // one before, at, one after a boundary
    const next = SCHEMAS[b % SCHEMAS.length] as string;
    // Fill with records until the next #Fields line would start at `target`.
    for (;;) {
      const line = rec(schema, b % 2 === 0) + eol;
      if (text.length + line.length > target) break;
      text += line;
    }
    // Land exactly on `target` with one blank line of spaces (or a longer last line when only 1 byte is left).
    const gap = target - text.length;
    if (gap >= eol.length) text += `${' '.repeat(gap - eol.length)}${eol}`;
    else if (gap > 0) text = `${text.slice(0, -eol.length)}${' '.repeat(gap)}${eol}`;
    text += `#Fields: ${next}${eol}`;
    schema = next;
  }
  for (let i = 0; i < 5; i += 1) text += rec(schema, true) + eol;
  return text;
}
