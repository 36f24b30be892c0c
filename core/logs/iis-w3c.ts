import { PROTOCOLS, type Protocol } from '../protocols/names.js';
import { decodeAlgId, decodeCryptProtocol } from './codes.js';
import { firstForwarded, isLoopback, normalizeIp } from './ip.js';
import { addDays, clockSeconds, isDate, normalizeClock } from './time.js';
import { scanSimple, tokenizeW3c } from './tokenize.js';
import type {
  AlgId, IisHitEvent, InternalReason, LogEvent, LogParser, MalformedEvent, NoTlsFieldEvent, ParserStats, PlainEvent,
} from './types.js';

/**
 * Incremental parser for IIS W3C extended logs (logs.md section 1; rules.md 9.1). The caller decodes bytes
 * (UTF-8, code page, gzip) and feeds one line at a time; the parser keeps only the current schema, the
 * schemas seen earlier in the same file and a few counters, so memory does not grow with the file.
 */

/** The logical fields TLS365 reads; `fieldMap` maps any of them to the column name an admin chose. */
export const IIS_FIELDS = [
  'date', 'time', 'clientIp', 'serverIp', 'serverPort', 'method', 'uri', 'username', 'userAgent', 'site',
  'status', 'win32Status', 'protocol', 'cipher', 'hash', 'keyExchange', 'forwardedFor',
] as const;
export type IisField = (typeof IIS_FIELDS)[number];

/**
 * Column names recognised without a mapping. Names are compared case-insensitively with `_` read as `-`,
 * so `crypt-protocol`, `Crypt-Protocol`, `crypt_protocol` and the server-variable name `CRYPT_PROTOCOL` are
 * one name (logs.md 1.5 and 5.19; rules.md 9.1). `date-local`/`time-local` are IIS Advanced Logging's.
 * The forwarded-for names are those logs.md 1.5 reports seen in the field.
 */
export const IIS_DEFAULT_NAMES: { readonly [F in IisField]: readonly string[] } = {
  date: ['date', 'date-local'],
  time: ['time', 'time-local'],
  clientIp: ['c-ip'],
  serverIp: ['s-ip'],
  serverPort: ['s-port'],
  method: ['cs-method'],
  uri: ['cs-uri-stem'],
  username: ['cs-username'],
  userAgent: ['cs(user-agent)'],
  site: ['s-sitename'],
  status: ['sc-status'],
  win32Status: ['sc-win32-status'],
  protocol: ['crypt-protocol'],
  cipher: ['crypt-cipher', 'crypt-cipher-alg-id'],
  hash: ['crypt-hash', 'crypt-hash-alg-id'],
  keyExchange: ['crypt-keyexchange', 'crypt-keyexchange-alg-id'],
  forwardedFor: ['x-forwarded-for', 'cs(x-forwarded-for)', 'originalip', 'originalclientip'],
};

export interface IisParserOptions {
  /** Names the file in events (a path or `archive.zip!u_ex240501.log`). */
  readonly source: string;
  /** Column names for fields, tried before the defaults (logs.md 5.19). */
  readonly fieldMap?: Partial<Record<IisField, string>>;
  /**
   * The `#Fields` value to use for a file that starts without directives (a cut or continuation file,
   * logs.md 5.7), for example the last schema seen in the same directory. Without it such records are
   * `malformed` with reason `no-schema`.
   */
  readonly fields?: string;
  /** `YYYY-MM-DD` for records of a file with no `date` column and no `#Date` directive. */
  readonly date?: string;
  /** Server ports that mean HTTPS for `no-tls-field` events; default 443 and 444 (Exchange back end). */
  readonly httpsPorts?: readonly number[];
  /**
   * Speed: when given, a plain record (single-space separated, the schema's field count, no quotes) whose
   * crypt-protocol field is the code of a known protocol NOT in this list is left unparsed and counted in
   * `stats().skipped`. Selected, unknown and odd lines are parsed as usual, so nothing the caller asked for
   * is lost; only the per-protocol totals of unselected protocols are no longer counted.
   */
  readonly onlyProtocols?: readonly Protocol[];
}

/** crypt-protocol as IIS logs it (SChannel server constants, rules.md 9.1), per vocabulary protocol. */
const PROTOCOL_CODES: Readonly<Record<Protocol, string>> = { Ssl2: '4', Ssl3: '10', Tls10: '40', Tls11: '100', Tls12: '400', Tls13: '1000' };

/**
 * The text of field `k` when the line is plain single-space separated with exactly `count` fields and no
 * quotes; otherwise undefined (the caller then parses the line in full). One pass, no allocation but the result.
 */
function fieldAt(text: string, k: number, count: number): string | undefined {
  let spaces = 0;
  let start = k === 0 ? 0 : -1;
  let end = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) return undefined;
    if (c === 32) {
      spaces += 1;
      if (spaces === k) start = i + 1;
      else if (spaces === k + 1) end = i;
    }
  }
  if (spaces !== count - 1 || start < 0) return undefined;
  return text.slice(start, end < 0 ? text.length : end);
}


type FieldIndex = { [F in IisField]: number };

interface Schema {
  readonly key: string;
  readonly count: number;
  readonly idx: FieldIndex;
  /** The time column is `time-local`: event times carry no `Z`. */
  readonly local: boolean;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export const normName = (name: string): string => name.toLowerCase().replace(/_/g, '-');

const HEALTH_PROBE = /healthmailbox|amprobe|activemonitoring|msexchmon|_probe\//i;

export function createIisParser(options: IisParserOptions): LogParser {
  const mapped: Partial<Record<IisField, string>> = {};
  for (const f of IIS_FIELDS) {
    const name = options.fieldMap?.[f];
    if (name !== undefined && name.trim() !== '') mapped[f] = normName(name.trim());
  }
  const httpsPorts = new Set<number>(options.httpsPorts ?? [443, 444]);
  const optionDate = options.date !== undefined && isDate(options.date) ? options.date : undefined;

  let source = options.source;
  /** Schema in force, and every distinct schema of the current file (for stale-schema records). */
  let schema: Schema | undefined;
  let schemas: Schema[] = [];
  /** Schema for records before any `#Fields` of the file: the option, then the previous file's last one. */
  let carried: Schema | undefined = options.fields === undefined ? undefined : buildSchema(splitFields(options.fields));
  let baseDate = optionDate;
  let lastClock: number | undefined;
  let dayOffset = 0;

  const view: TokenView = { text: '', starts: new Int32Array(64), count: 0, list: undefined };
  const only = options.onlyProtocols;
  const skipCodes = only === undefined ? null : new Set(PROTOCOLS.filter((p) => !only.includes(p)).map((p) => PROTOCOL_CODES[p]));
  const counts: Writable<ParserStats> = {
    lines: 0, blank: 0, directives: 0, records: 0, hits: 0, plain: 0, noTlsField: 0, malformed: 0, recovered: 0, skipped: 0,
  };

  function buildSchema(names: readonly string[]): Schema {
    const lower = names.map(normName);
    const idx = {} as FieldIndex;
    for (const f of IIS_FIELDS) {
      const want = mapped[f];
      let at = want === undefined ? -1 : lower.indexOf(want);
      for (const candidate of IIS_DEFAULT_NAMES[f]) {
        if (at >= 0) break;
        at = lower.indexOf(candidate);
      }
      idx[f] = at;
    }
    const timeName = idx.time >= 0 ? lower[idx.time] ?? '' : '';
    return { key: lower.join(' '), count: names.length, idx, local: timeName.endsWith('-local') };
  }

  function setFields(value: string): void {
    const names = splitFields(value);
    const key = names.map(normName).join(' ');
    if (schema !== undefined && schema.key === key) return;
    const known = schemas.find((s) => s.key === key);
    if (known !== undefined) {
      schema = known;
      return;
    }
    schema = buildSchema(names);
    schemas.push(schema);
  }

  function setDate(value: string): void {
    const date = value.slice(0, 10);
    if (!isDate(date)) return;
    baseDate = date;
    dayOffset = 0;
    const clock = normalizeClock(value.slice(10).trim());
    lastClock = clock === undefined ? undefined : clockSeconds(clock);
  }

  function directive(text: string): void {
    counts.directives += 1;
    const colon = text.indexOf(':');
    const name = (colon < 0 ? text.slice(1) : text.slice(1, colon)).trim().toLowerCase();
    const value = colon < 0 ? '' : text.slice(colon + 1).trim();
    if (name === 'fields') setFields(value);
    else if (name === 'date' || name === 'start-date') setDate(value);
  }

  function malformed(lineNo: number, text: string, fields: Omit<MalformedEvent, 'kind' | 'format' | 'source' | 'line' | 'excerpt'>): MalformedEvent {
    counts.malformed += 1;
    if (fields.recovered === true) counts.recovered += 1;
    return { kind: 'malformed', format: 'IisW3C', source, line: lineNo, excerpt: text.slice(0, 200), ...fields };
  }

  function record(text: string, lineNo: number): LogEvent[] {
    const current = schema ?? carried;
    if (current === undefined) {
      return [malformed(lineNo, text, {
        reason: 'no-schema',
        message: `${source} line ${lineNo}: record before any #Fields directive and no schema given; line skipped`,
      })];
    }
    const v = view;
    v.text = text;
    v.list = undefined;
    v.count = scanSimple(text, v);
    if (v.count < 0) {
      let list = tokenizeW3c(text, true);
      if (list.length !== current.count && text.indexOf('"') >= 0) {
        const bare = tokenizeW3c(text, false);
        if (bare.length === current.count) list = bare;
      }
      v.list = list;
      v.count = list.length;
    }
    if (v.count === current.count) return [toEvent(v, current, lineNo)];
    const n = v.count;
    let earlier: Schema | undefined;
    for (let i = schemas.length - 1; i >= 0; i -= 1) {
      const s = schemas[i];
      if (s !== undefined && s !== current && s.count === n) { earlier = s; break; }
    }
    const what = n < current.count ? 'fewer' : 'more';
    if (earlier !== undefined) {
      return [
        malformed(lineNo, text, {
          reason: 'field-count',
          message: `${source} line ${lineNo}: ${n} values for ${current.count} fields (${what}); read with an earlier #Fields of this file that has ${n}`,
          expected: current.count,
          actual: n,
          recovered: true,
        }),
        toEvent(v, earlier, lineNo),
      ];
    }
    return [malformed(lineNo, text, {
      reason: 'field-count',
      message: `${source} line ${lineNo}: ${n} values for ${current.count} fields (${what}); line skipped`,
      expected: current.count,
      actual: n,
    })];
  }

  function timeOf(tokens: TokenView, s: Schema): string | undefined {
    const clockText = value(tokens, s.idx.time);
    if (clockText === undefined) return undefined;
    const clock = normalizeClock(clockText);
    if (clock === undefined) return undefined;
    const zone = s.local ? '' : 'Z';
    if (s.idx.date >= 0) {
      const date = value(tokens, s.idx.date);
      return date !== undefined && isDate(date) ? `${date}T${clock}${zone}` : undefined;
    }
    if (baseDate === undefined) return undefined;
    // No date column: the date of the last #Date, moved on a day when the clock goes back by more than
    // 12 hours (midnight; logs.md 5.18). Smaller steps back are unsorted records, not a new day.
    const seconds = clockSeconds(clock);
    if (lastClock !== undefined && seconds < lastClock - 43200) dayOffset += 1;
    else if (lastClock !== undefined && seconds > lastClock + 43200 && dayOffset > 0) dayOffset -= 1;
    lastClock = seconds;
    const date = addDays(baseDate, dayOffset);
    return date === undefined ? undefined : `${date}T${clock}${zone}`;
  }

  function toEvent(tokens: TokenView, s: Schema, lineNo: number): LogEvent {
    const idx = s.idx;
    const time = timeOf(tokens, s);
    const cRaw = value(tokens, idx.clientIp);
    const peer = cRaw === undefined ? '-' : normalizeIp(cRaw);
    let clientIp = peer;
    let clientIpRaw = cRaw ?? '-';
    let viaProxy = false;
    const xff = idx.forwardedFor >= 0 ? value(tokens, idx.forwardedFor) : undefined;
    if (xff !== undefined) {
      const first = firstForwarded(xff);
      if (first !== undefined) {
        clientIpRaw = first;
        clientIp = normalizeIp(first);
        viaProxy = true;
      }
    }
    const site = value(tokens, idx.site);
    const port = toNumber(value(tokens, idx.serverPort));
    let internal: InternalReason | undefined = port === 444 ? 'exchange-backend' : isLoopback(peer) ? 'loopback' : undefined;

    if (idx.protocol < 0) {
      counts.noTlsField += 1;
      const e: Writable<NoTlsFieldEvent> = {
        kind: 'no-tls-field', format: 'IisW3C', source, line: lineNo, clientIp,
        https: port === undefined ? 'unknown' : httpsPorts.has(port) ? 'yes' : 'no',
      };
      if (time !== undefined) e.time = time;
      if (site !== undefined) e.site = site;
      if (port !== undefined) e.serverPort = port;
      if (internal !== undefined) e.internal = internal;
      return e;
    }
    const protocolText = value(tokens, idx.protocol);
    if (protocolText === undefined) {
      counts.plain += 1;
      const e: Writable<PlainEvent> = { kind: 'plain', format: 'IisW3C', source, line: lineNo, clientIp };
      if (time !== undefined) e.time = time;
      if (site !== undefined) e.site = site;
      if (port !== undefined) e.serverPort = port;
      if (internal !== undefined) e.internal = internal;
      return e;
    }
    counts.hits += 1;
    const code = decodeCryptProtocol(protocolText);
    const e: Writable<IisHitEvent> = {
      kind: 'hit', format: 'IisW3C', source, line: lineNo, clientIp, clientIpRaw,
      protocol: code.protocol, protocolCode: code.code, protocolLabel: code.label, legacy: code.legacy,
    };
    if (time !== undefined) e.time = time;
    if (viaProxy) e.peerIp = peer;
    if (xff !== undefined) e.forwardedFor = xff;
    const cipher = alg(tokens, idx.cipher);
    if (cipher !== undefined) e.cipher = cipher;
    const hash = alg(tokens, idx.hash);
    if (hash !== undefined) e.hash = hash;
    const kx = alg(tokens, idx.keyExchange);
    if (kx !== undefined) e.keyExchange = kx;
    const ua = value(tokens, idx.userAgent);
    if (ua !== undefined) e.userAgent = ua;
    const user = value(tokens, idx.username);
    if (user !== undefined) e.username = user;
    const method = value(tokens, idx.method);
    if (method !== undefined) e.method = method;
    const uri = value(tokens, idx.uri);
    if (uri !== undefined) e.uri = uri;
    if (site !== undefined) e.site = site;
    const serverIp = value(tokens, idx.serverIp);
    if (serverIp !== undefined) e.serverIp = serverIp;
    if (port !== undefined) e.serverPort = port;
    const status = toNumber(value(tokens, idx.status));
    if (status !== undefined) e.status = status;
    const win32 = toNumber(value(tokens, idx.win32Status));
    if (win32 !== undefined) e.win32Status = win32;
    if (isHealthProbe(ua) || isHealthProbe(user)) internal = 'health-probe';
    if (internal !== undefined) e.internal = internal;
    return e;
  }

  return {
    pushLine(line: string, lineNo: number): LogEvent[] {
      counts.lines += 1;
      const text = cleanLine(line);
      let first = 0;
      while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first += 1;
      if (first === text.length) {
        counts.blank += 1;
        return [];
      }
      if (text.charCodeAt(first) === 35) {
        directive(first === 0 ? text : text.slice(first));
        return [];
      }
      counts.records += 1;
      if (skipCodes !== null && schema !== undefined && schema.idx.protocol >= 0) {
        const code = fieldAt(text, schema.idx.protocol, schema.count);
        if (code !== undefined && skipCodes.has(code.replace(/^0x/i, '').toLowerCase())) {
          counts.skipped += 1;
          return [];
        }
      }
      return record(text, lineNo);
    },
    end(): LogEvent[] {
      return [];
    },
    beginFile(next: string): void {
      carried = schema ?? carried;
      schema = undefined;
      schemas = [];
      baseDate = optionDate;
      lastClock = undefined;
      dayOffset = 0;
      source = next;
    },
    stats(): ParserStats {
      return { ...counts };
    },
  };
}

/** Removes BOMs at the start (logs.md 5.1, also mid-file after concatenation) and trailing CRs (5.2). */
export function cleanLine(line: string): string {
  let start = 0;
  while (start < line.length && line.charCodeAt(start) === 0xfeff) start += 1;
  let end = line.length;
  while (end > start && line.charCodeAt(end - 1) === 13) end -= 1;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

export function splitFields(value: string): string[] {
  return value.split(/[ \t]+/).filter((n) => n !== '');
}

/**
 * The tokens of the current record: either boundaries in `text` (fast path, nothing sliced until a column
 * is read) or, for quoted/tabbed/oddly spaced lines, the token list.
 */
interface TokenView {
  text: string;
  starts: Int32Array;
  count: number;
  list: readonly string[] | undefined;
}

/** A token, or undefined for an absent column, `-` (no value; logs.md 5.10) or an empty quoted value. */
function value(v: TokenView, i: number): string | undefined {
  if (i < 0 || i >= v.count) return undefined;
  let t: string | undefined;
  if (v.list !== undefined) t = v.list[i];
  else {
    const start = v.starts[i] ?? 0;
    const end = (v.starts[i + 1] ?? v.text.length + 1) - 1;
    if (end - start === 1 && v.text.charCodeAt(start) === 45) return undefined;
    t = v.text.slice(start, end);
  }
  return t === undefined || t === '-' || t === '' ? undefined : t;
}

function alg(tokens: TokenView, i: number): AlgId | undefined {
  const t = value(tokens, i);
  return t === undefined ? undefined : decodeAlgId(t);
}

/** Non-negative integers as JavaScript numbers: 2148074254 stays 2148074254 (logs.md 5.17). */
function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.length > 15) return undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(text);
}

function isHealthProbe(text: string | undefined): boolean {
  return text !== undefined && HEALTH_PROBE.test(text);
}

/** For display only: IIS writes `+` for every space in user agents and other header values (logs.md 5.11). */
export function plusToSpace(text: string): string {
  return text.replace(/\+/g, ' ');
}
