import { PROTOCOLS, type Protocol } from '../protocols/names.js';
import { decodeAlgId, decodeCryptProtocol, IIS_PROTOCOL_CODES } from './codes.js';
import type { FieldIndex, Schema } from './iis-w3c-fields.js';
import type { ParseState } from './iis-w3c-state.js';
import { forwardedClient, isLoopback, normalizeIp } from './ip.js';
import { addDays, clockSeconds, isDate, normalizeClock } from './time.js';
import { scanSimple, tokenizeW3c } from './tokenize.js';
import type { AlgId, IisHitEvent, InternalReason, LogEvent, MalformedEvent, NoTlsFieldEvent, PlainEvent } from './types.js';

/**
 * Record decoding of the IIS W3C parser (iis-w3c.ts): a record's tokens against the schema in force (or an
 * earlier one of the file with its token count), then one event: `hit`, `plain` or `no-tls-field`.
 */

/**
 * The tokens of the current record: either boundaries in `text` (fast path, nothing sliced until a column
 * is read) or, for quoted/tabbed/oddly spaced lines, the token list.
 */
export interface TokenView {
  text: string;
  starts: Int32Array;
  count: number;
  list: readonly string[] | undefined;
}

/** What every event of a record carries, read once per record (scratch: one per parser). */
export interface RecordBase {
  time: string | undefined;
  /** The TCP peer (c-ip, normalised): always the client, the party IIS negotiated TLS with. */
  clientIp: string;
  clientIpRaw: string;
  /** The forwarded-for value as logged (a hit also gets the client behind the peer it names, `forwardedClient`). */
  forwardedFor: string | undefined;
  site: string | undefined;
  port: number | undefined;
  internal: InternalReason | undefined;
}

export const newTokenView = (): TokenView => ({ text: '', starts: new Int32Array(64), count: 0, list: undefined });

export const newRecordBase = (): RecordBase => ({
  time: undefined, clientIp: '-', clientIpRaw: '-', forwardedFor: undefined, site: undefined, port: undefined, internal: undefined,
});


/** The crypt-protocol codes of the known protocols not in `only`; null without `only`. */
export function skipCodesFor(only: readonly Protocol[] | undefined): ReadonlySet<string> | null {
  return only === undefined ? null : new Set(PROTOCOLS.filter((p) => !only.includes(p)).map((p) => IIS_PROTOCOL_CODES[p]));
}

/**
 * The `onlyProtocols` pre-filter: true when the record's crypt-protocol is the code of an unselected known
 * protocol. A simple line with the schema's token count: the column is its token, which is what fieldAt
 * returns; the boundaries then serve `record` too. Any other line: fieldAt decides.
 */
export function skipsRecord(p: ParseState, schema: Schema, text: string): boolean {
  const v = scanInto(p, text);
  const k = schema.idx.protocol;
  const code = v.count === schema.count ? text.slice(v.starts[k] ?? 0, (v.starts[k + 1] ?? 0) - 1) : fieldAt(text, k, schema.count);
  return code !== undefined && (p.skipCodes as ReadonlySet<string>).has(bareCode(code));
}

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

/** Token boundaries of `text` into the parser's view (the fast path; -1 when the line needs the full tokenizer). */
function scanInto(p: ParseState, text: string): TokenView {
  const v = p.view;
  v.text = text;
  v.list = undefined;
  v.count = scanSimple(text, v);
  return v;
}

export function malformed(p: ParseState, lineNo: number, text: string, fields: Omit<MalformedEvent, 'kind' | 'format' | 'source' | 'line' | 'excerpt'>): MalformedEvent {
  p.counts.malformed += 1;
  if (fields.recovered === true) p.counts.recovered += 1;
  return { kind: 'malformed', format: 'IisW3C', source: p.source, line: lineNo, excerpt: text.slice(0, 200), ...fields };
}

/** `scanned`: the view already holds the boundaries of `text` (`skipsRecord` scanned it). */
export function record(p: ParseState, text: string, lineNo: number, scanned: boolean): LogEvent[] {
  if (p.schema === undefined) p.usedCarried = true;
  const current = p.schema ?? p.carried;
  if (current === undefined) {
    return [malformed(p, lineNo, text, {
      reason: 'no-schema',
      message: `${p.source} line ${lineNo}: record before any #Fields directive and no schema given; line skipped`,
    })];
  }
  const v = scanned ? p.view : scanInto(p, text);
  if (v.count < 0) tokenizeInto(v, text, current.count);
  if (v.count === current.count) return [toEvent(p, v, current, lineNo)];
  return countMismatch(p, v, current, text, lineNo);
}

/** The full tokenizer, for a line the fast scan refused: with quotes, or without when that gives the schema's count. */
function tokenizeInto(v: TokenView, text: string, count: number): void {
  let list = tokenizeW3c(text, true);
  if (list.length !== count && text.indexOf('"') >= 0) {
    const bare = tokenizeW3c(text, false);
    if (bare.length === count) list = bare;
  }
  v.list = list;
  v.count = list.length;
}

/** A record whose value count is not the schema's: read with the latest earlier schema of the file that fits, else skipped. */
function countMismatch(p: ParseState, v: TokenView, current: Schema, text: string, lineNo: number): LogEvent[] {
  const n = v.count;
  p.usedSchemas = true;
  let earlier: Schema | undefined;
  for (let i = p.schemas.length - 1; i >= 0; i -= 1) {
    const s = p.schemas[i];
    if (s !== undefined && s !== current && s.count === n) { earlier = s; break; }
  }
  const what = n < current.count ? 'fewer' : 'more';
  if (earlier !== undefined) {
    return [
      malformed(p, lineNo, text, {
        reason: 'field-count',
        message: `${p.source} line ${lineNo}: ${n} values for ${current.count} fields (${what}); read with an earlier #Fields of this file that has ${n}`,
        expected: current.count,
        actual: n,
        recovered: true,
      }),
      toEvent(p, v, earlier, lineNo),
    ];
  }
  return [malformed(p, lineNo, text, {
    reason: 'field-count',
    message: `${p.source} line ${lineNo}: ${n} values for ${current.count} fields (${what}); line skipped`,
    expected: current.count,
    actual: n,
  })];
}

function timeOf(p: ParseState, tokens: TokenView, s: Schema): string | undefined {
  const clockText = value(tokens, s.idx.time);
  if (clockText === undefined) return undefined;
  const clock = normalizeClock(clockText);
  if (clock === undefined) return undefined;
  const zone = s.local ? '' : 'Z';
  if (s.idx.date >= 0) {
    const date = value(tokens, s.idx.date);
    return date !== undefined && isDate(date) ? `${date}T${clock}${zone}` : undefined;
  }
  if (!p.dateSet) p.usedDate = true;
  if (p.baseDate === undefined) return undefined;
  // No date column: the date of the last #Date, moved on a day when the clock goes back by more than
  // 12 hours (midnight; docs/log-formats.md 5.18). Smaller steps back are unsorted records, not a new day.
  const seconds = clockSeconds(clock);
  if (p.lastClock !== undefined && seconds < p.lastClock - 43200) p.dayOffset += 1;
  else if (p.lastClock !== undefined && seconds > p.lastClock + 43200 && p.dayOffset > 0) p.dayOffset -= 1;
  p.lastClock = seconds;
  const date = addDays(p.baseDate, p.dayOffset);
  return date === undefined ? undefined : `${date}T${clock}${zone}`;
}

function toEvent(p: ParseState, tokens: TokenView, s: Schema, lineNo: number): LogEvent {
  const idx = s.idx;
  const b = p.base;
  b.time = timeOf(p, tokens, s);
  // The client is always c-ip: the crypt-* fields (server variables CRYPT_PROTOCOL, ...) describe the TLS session
  // of the connection IIS accepted, i.e. with its TCP peer. A load balancer that adds X-Forwarded-For has ended
  // the client's TLS itself; the addresses it forwards are clients behind it, kept apart (docs/log-formats.md 1.5).
  const cRaw = value(tokens, idx.clientIp);
  b.clientIp = cRaw === undefined ? '-' : normalizeIp(cRaw);
  b.clientIpRaw = cRaw ?? '-';
  b.forwardedFor = idx.forwardedFor >= 0 ? value(tokens, idx.forwardedFor) : undefined;
  b.site = value(tokens, idx.site);
  b.port = toNumber(value(tokens, idx.serverPort));
  b.internal = b.port === 444 ? 'exchange-backend' : isLoopback(b.clientIp) ? 'loopback' : undefined;
  if (idx.protocol < 0) return noTlsFieldEvent(p, b, lineNo);
  const protocolText = value(tokens, idx.protocol);
  if (protocolText === undefined) return plainEvent(p, b, lineNo);
  return hitEvent(p, b, tokens, idx, protocolText, lineNo);
}

function noTlsFieldEvent(p: ParseState, b: RecordBase, lineNo: number): NoTlsFieldEvent {
  p.counts.noTlsField += 1;
  const e: Writable<NoTlsFieldEvent> = {
    kind: 'no-tls-field', format: 'IisW3C', source: p.source, line: lineNo, clientIp: b.clientIp,
    https: b.port === undefined ? 'unknown' : p.httpsPorts.has(b.port) ? 'yes' : 'no',
  };
  addPlace(e, b);
  return e;
}

function plainEvent(p: ParseState, b: RecordBase, lineNo: number): PlainEvent {
  p.counts.plain += 1;
  const e: Writable<PlainEvent> = { kind: 'plain', format: 'IisW3C', source: p.source, line: lineNo, clientIp: b.clientIp };
  addPlace(e, b);
  return e;
}

function addPlace(e: Writable<PlainEvent | NoTlsFieldEvent>, b: RecordBase): void {
  if (b.time !== undefined) e.time = b.time;
  if (b.site !== undefined) e.site = b.site;
  if (b.port !== undefined) e.serverPort = b.port;
  if (b.internal !== undefined) e.internal = b.internal;
}

function hitEvent(p: ParseState, b: RecordBase, tokens: TokenView, idx: FieldIndex, protocolText: string, lineNo: number): IisHitEvent {
  p.counts.hits += 1;
  const code = decodeCryptProtocol(protocolText);
  const e: Writable<IisHitEvent> = {
    kind: 'hit', format: 'IisW3C', source: p.source, line: lineNo, clientIp: b.clientIp, clientIpRaw: b.clientIpRaw,
    protocol: code.protocol, protocolCode: code.code, protocolLabel: code.label, legacy: code.legacy,
  };
  if (b.time !== undefined) e.time = b.time;
  if (b.forwardedFor !== undefined) {
    e.forwardedFor = b.forwardedFor;
    const behind = forwardedClient(b.forwardedFor);
    if (behind !== undefined) e.forwardedClient = behind;
  }
  const cipher = alg(tokens, idx.cipher);
  if (cipher !== undefined) e.cipher = cipher;
  const hash = alg(tokens, idx.hash);
  if (hash !== undefined) e.hash = hash;
  const kx = alg(tokens, idx.keyExchange);
  if (kx !== undefined) e.keyExchange = kx;
  addRequest(e, tokens, idx, b);
  const internal = isHealthProbe(e.userAgent) || isHealthProbe(e.username) ? 'health-probe' : b.internal;
  if (internal !== undefined) e.internal = internal;
  return e;
}

/** The request's own columns, in the order a hit event lists them. */
function addRequest(e: Writable<IisHitEvent>, tokens: TokenView, idx: FieldIndex, b: RecordBase): void {
  const ua = value(tokens, idx.userAgent);
  if (ua !== undefined) e.userAgent = ua;
  const user = value(tokens, idx.username);
  if (user !== undefined) e.username = user;
  const method = value(tokens, idx.method);
  if (method !== undefined) e.method = method;
  const uri = value(tokens, idx.uri);
  if (uri !== undefined) e.uri = uri;
  if (b.site !== undefined) e.site = b.site;
  const serverIp = value(tokens, idx.serverIp);
  if (serverIp !== undefined) e.serverIp = serverIp;
  if (b.port !== undefined) e.serverPort = b.port;
  const status = toNumber(value(tokens, idx.status));
  if (status !== undefined) e.status = status;
  const win32 = toNumber(value(tokens, idx.win32Status));
  if (win32 !== undefined) e.win32Status = win32;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

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

const HEALTH_PROBE = /healthmailbox|amprobe|activemonitoring|msexchmon|_probe\//i;

function isHealthProbe(text: string | undefined): boolean {
  return text !== undefined && HEALTH_PROBE.test(text);
}
