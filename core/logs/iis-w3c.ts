import { PROTOCOLS, type Protocol } from '../protocols/names.js';
import { decodeAlgId, decodeCryptProtocol } from './codes.js';
import { firstForwarded, isLoopback, normalizeIp } from './ip.js';
import { addDays, clockSeconds, isDate, normalizeClock } from './time.js';
import { longLineMessage, MAX_LOG_LINE, type LongLine } from './lines.js';
import { scanSimple, tokenizeW3c } from './tokenize.js';
import type {
  AlgId, IisHitEvent, InternalReason, LogEvent, LogParser, MalformedEvent, NoTlsFieldEvent, ParserStats, PlainEvent,
} from './types.js';

/**
 * Incremental parser for IIS W3C extended logs (docs/log-formats.md section 1; docs/domain-facts.md 9.1). The caller decodes bytes
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
 * one name (docs/log-formats.md 1.5 and 5.19; docs/domain-facts.md 9.1). `date-local`/`time-local` are IIS Advanced Logging's.
 * The forwarded-for names are those docs/log-formats.md 1.5 reports seen in the field.
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
  /** Column names for fields, tried before the defaults (docs/log-formats.md 5.19). */
  readonly fieldMap?: Partial<Record<IisField, string>>;
  /**
   * The `#Fields` value to use for a file that starts without directives (a cut or continuation file,
   * docs/log-formats.md 5.7), for example the last schema seen in the same directory. Without it such records are
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
  /**
   * Start inside a file rather than at its beginning, from the state another parser reported there with
   * `state()`: for a reader that splits one large file into line-aligned byte ranges and parses them apart.
   * `stateUse()` then tells which parts of this starting state the lines actually read (`iisStateFits`).
   */
  readonly state?: IisParserState;
}

/**
 * Where an IIS parser stands between two lines of a file, as plain data (it can be posted to a worker
 * thread). Schemas are keys: the column names, normalised (`normName`), joined by one space.
 */
export interface IisParserState {
  /** The `#Fields` in force; absent before the file's first `#Fields`. */
  readonly fields?: string;
  /** Every distinct `#Fields` of the file so far, first seen first (for records of an earlier schema). */
  readonly schemas: readonly string[];
  /** The schema of records before the file's first `#Fields` (the option, or the previous file's last one). */
  readonly carried?: string;
  /** Date bookkeeping for schemas without a `date` column (docs/log-formats.md 5.18): last `#Date`, last clock, days since. */
  readonly baseDate?: string;
  readonly lastClock?: number;
  readonly dayOffset: number;
}

/**
 * What the lines read since the parser was created took from its starting state, besides `fields` (which
 * almost every record reads), and what they changed. A range parsed from an assumed state gives exactly the
 * events of a single pass when the parts it read were right (`iisStateFits`).
 */
export interface IisStateUse {
  /** A record came before any `#Fields` and was read with (or refused for lack of) the carried schema. */
  readonly carried: boolean;
  /** A record's value count did not match, and the earlier schemas of the file were searched. */
  readonly schemas: boolean;
  /** A record without a date column took its date from the starting date bookkeeping. */
  readonly date: boolean;
  /** The `#Fields` keys set since the start, first seen first. */
  readonly fieldsSeen: readonly string[];
  /** A `#Date` directive reset the date bookkeeping since the start. */
  readonly dateSet: boolean;
}

/** The IIS parser: a LogParser whose position inside a file can be saved and checked (see `state`). */
export interface IisParser extends LogParser {
  /** The state after the last line pushed, for the parser of the next range of the same file. */
  state(): IisParserState;
  stateUse(): IisStateUse;
}

/** The state at the start of a file (what `beginFile` leaves), with the schema carried from the file before. */
export function iisFileStartState(carried: string | undefined, date?: string): IisParserState {
  return { schemas: [], dayOffset: 0, ...(carried === undefined ? {} : { carried }), ...(date === undefined ? {} : { baseDate: date }) };
}

/** The schema a file leaves to the next one (the last `#Fields`, else what it was itself given). */
export function iisCarriedAfter(state: IisParserState): string | undefined {
  return state.fields ?? state.carried;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether lines parsed from `assumed` gave exactly what they give from `actual` (the state a single pass
 * has at that line): the schema in force must be the same, and so must every other part the lines read.
 */
export function iisStateFits(assumed: IisParserState, actual: IisParserState, use: IisStateUse): boolean {
  if (assumed.fields !== actual.fields) return false;
  if (use.carried && assumed.carried !== actual.carried) return false;
  if (use.schemas && !sameList(assumed.schemas, actual.schemas)) return false;
  if (use.date && (assumed.baseDate !== actual.baseDate || assumed.lastClock !== actual.lastClock || assumed.dayOffset !== actual.dayOffset)) return false;
  return true;
}

/**
 * The state after a range, from the true state before it (`before`) and what the range's parser reported
 * (`after`, `use`), when the range fitted (`iisStateFits`): the range's own changes on top of `before`.
 */
export function iisStateAfter(before: IisParserState, after: IisParserState, use: IisStateUse): IisParserState {
  const schemas = [...before.schemas];
  for (const k of use.fieldsSeen) if (!schemas.includes(k)) schemas.push(k);
  const fields = use.fieldsSeen.length > 0 ? after.fields : before.fields;
  const date = use.dateSet || use.date ? after : before;
  return {
    schemas, dayOffset: date.dayOffset,
    ...(fields === undefined ? {} : { fields }),
    ...(before.carried === undefined ? {} : { carried: before.carried }),
    ...(date.baseDate === undefined ? {} : { baseDate: date.baseDate }),
    ...(date.lastClock === undefined ? {} : { lastClock: date.lastClock }),
  };
}

/**
 * The schema key of a `#Fields` directive line exactly as the parser reads it (BOMs, leading blanks and a
 * trailing CR allowed, directive name case-insensitive), or undefined for any other line.
 */
export function fieldsDirectiveKey(line: string): string | undefined {
  const text = cleanLine(line);
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first += 1;
  if (text.charCodeAt(first) !== 35) return undefined;
  const d = splitDirective(first === 0 ? text : text.slice(first));
  return d.name === 'fields' ? keyOf(splitFields(d.value)) : undefined;
}

function splitDirective(text: string): { name: string; value: string } {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text.slice(1) : text.slice(1, colon)).trim().toLowerCase();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  return { name, value };
}

const keyOf = (names: readonly string[]): string => names.map(normName).join(' ');
const namesOf = (key: string): string[] => (key === '' ? [] : key.split(' '));

/** crypt-protocol as IIS logs it (SChannel server constants, docs/domain-facts.md 9.1), per vocabulary protocol. */
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


/** A crypt-protocol value without `0x`, lower case (`0X400` -> `400`). */
function bareCode(code: string): string {
  const c1 = code.charCodeAt(1);
  const bare = code.charCodeAt(0) === 48 && (c1 === 120 || c1 === 88) ? code.slice(2) : code;
  return bare.toLowerCase();
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

export function createIisParser(options: IisParserOptions): IisParser {
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
  /** What the lines read of the starting state (see IisStateUse). */
  let usedCarried = false;
  let usedSchemas = false;
  let usedDate = false;
  let dateSet = false;
  const fieldsSeen: string[] = [];

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

  if (options.state !== undefined) {
    const st = options.state;
    schemas = st.schemas.map((k) => buildSchema(namesOf(k)));
    if (st.fields !== undefined) {
      const key = st.fields;
      schema = schemas.find((s) => s.key === key);
      if (schema === undefined) {
        schema = buildSchema(namesOf(key));
        schemas.push(schema);
      }
    }
    carried = st.carried === undefined ? undefined : buildSchema(namesOf(st.carried));
    baseDate = st.baseDate;
    lastClock = st.lastClock;
    dayOffset = st.dayOffset;
  }

  function setFields(value: string): void {
    const names = splitFields(value);
    const key = keyOf(names);
    if (!fieldsSeen.includes(key)) fieldsSeen.push(key);
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
    dateSet = true;
    const clock = normalizeClock(value.slice(10).trim());
    lastClock = clock === undefined ? undefined : clockSeconds(clock);
  }

  function directive(text: string): void {
    counts.directives += 1;
    const { name, value } = splitDirective(text);
    if (name === 'fields') setFields(value);
    else if (name === 'date' || name === 'start-date') setDate(value);
  }

  function malformed(lineNo: number, text: string, fields: Omit<MalformedEvent, 'kind' | 'format' | 'source' | 'line' | 'excerpt'>): MalformedEvent {
    counts.malformed += 1;
    if (fields.recovered === true) counts.recovered += 1;
    return { kind: 'malformed', format: 'IisW3C', source, line: lineNo, excerpt: text.slice(0, 200), ...fields };
  }

  /** Token boundaries of `text` into `view` (the fast path; -1 when the line needs the full tokenizer). */
  function scanInto(text: string): TokenView {
    const v = view;
    v.text = text;
    v.list = undefined;
    v.count = scanSimple(text, v);
    return v;
  }

  /** `scanned`: `view` already holds the boundaries of `text` (pushLine scanned it for the skip check). */
  function record(text: string, lineNo: number, scanned: boolean): LogEvent[] {
    if (schema === undefined) usedCarried = true;
    const current = schema ?? carried;
    if (current === undefined) {
      return [malformed(lineNo, text, {
        reason: 'no-schema',
        message: `${source} line ${lineNo}: record before any #Fields directive and no schema given; line skipped`,
      })];
    }
    const v = scanned ? view : scanInto(text);
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
    usedSchemas = true;
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
    if (!dateSet) usedDate = true;
    if (baseDate === undefined) return undefined;
    // No date column: the date of the last #Date, moved on a day when the clock goes back by more than
    // 12 hours (midnight; docs/log-formats.md 5.18). Smaller steps back are unsorted records, not a new day.
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
    pushLine(line: string | LongLine, lineNo: number): LogEvent[] {
      counts.lines += 1;
      if (typeof line !== 'string') {
        counts.records += 1;
        return [malformed(lineNo, line.head, { reason: 'too-long', message: longLineMessage(source, lineNo, line), expected: MAX_LOG_LINE, actual: line.length })];
      }
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
        // A simple line with the schema's token count: the column is its token, which is what fieldAt
        // returns; the boundaries then serve record() too. Any other line: fieldAt decides.
        const v = scanInto(text);
        const k = schema.idx.protocol;
        const code = v.count === schema.count ? text.slice(v.starts[k] ?? 0, (v.starts[k + 1] ?? 0) - 1) : fieldAt(text, k, schema.count);
        if (code !== undefined && skipCodes.has(bareCode(code))) {
          counts.skipped += 1;
          return [];
        }
        return record(text, lineNo, true);
      }
      return record(text, lineNo, false);
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
    state(): IisParserState {
      return {
        schemas: schemas.map((x) => x.key), dayOffset,
        ...(schema === undefined ? {} : { fields: schema.key }),
        ...(carried === undefined ? {} : { carried: carried.key }),
        ...(baseDate === undefined ? {} : { baseDate }),
        ...(lastClock === undefined ? {} : { lastClock }),
      };
    },
    stateUse(): IisStateUse {
      return { carried: usedCarried, schemas: usedSchemas, date: usedDate, fieldsSeen: [...fieldsSeen], dateSet };
    },
  };
}

/** Removes BOMs at the start (docs/log-formats.md 5.1, also mid-file after concatenation) and trailing CRs (5.2). */
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

/** A token, or undefined for an absent column, `-` (no value; docs/log-formats.md 5.10) or an empty quoted value. */
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

/** Non-negative integers as JavaScript numbers: 2148074254 stays 2148074254 (docs/log-formats.md 5.17). */
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

/** For display only: IIS writes `+` for every space in user agents and other header values (docs/log-formats.md 5.11). */
export function plusToSpace(text: string): string {
  return text.replace(/\+/g, ' ');
}
