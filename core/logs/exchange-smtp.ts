import { detach } from './aggregate-lists.js';
import { algIdFromConstant, smtpProtocol } from './codes.js';
import { cleanLine } from './iis-w3c.js';
import { isLoopback, normalizeIp, splitEndpoint } from './ip.js';
import { longLineMessage, MAX_LOG_LINE, type LongLine } from './lines.js';
import { normalizeIsoUtc } from './time.js';
import { parseCsvLine } from './tokenize.js';
import type { AlgId, LogEvent, LogParser, MalformedEvent, ParserStats, SmtpHitEvent } from './types.js';

/**
 * Incremental parser for Exchange SMTP Receive/Send protocol logs (docs/log-formats.md section 2; docs/domain-facts.md 9.3).
 * Emits one `hit` per `TLS protocol SP_PROT_... negotiation succeeded` row, with the session's first
 * EHLO/HELO name. Only rows that can matter are CSV-parsed: those containing `SP_PROT`, EHLO/HELO
 * commands and disconnects (docs/log-formats.md 5.28). Open sessions are the only state that grows; they are removed
 * on disconnect and capped (oldest dropped first).
 */

/** The column list of every Exchange 2007-2019 protocol log (docs/log-formats.md 2.2; [EX-PROTOLOG]). */
export const SMTP_DEFAULT_FIELDS = [
  'date-time', 'connector-id', 'session-id', 'sequence-number', 'local-endpoint', 'remote-endpoint', 'event', 'data', 'context',
] as const;

export interface SmtpParserOptions {
  readonly source: string;
  /**
   * The Exchange server the files come from. Session ids are unique per server only (docs/log-formats.md 5.24); the
   * server is otherwise taken from the connector id's `SERVER\` prefix, which send connectors lack.
   */
  readonly server?: string;
  /** Most sessions kept open at once (default 100,000); beyond it the oldest is forgotten. */
  readonly maxOpenSessions?: number;
}

/**
 * The matcher docs/log-formats.md 2.4 suggests, applied to `context` and then `data`: `SP_PROT_` or `SP_PROT-`
 * (Microsoft's page prints the hyphen form, real logs the underscore; docs/domain-facts.md 9.3), `_SERVER`/`_CLIENT`.
 */
const TLS_ROW = /TLS protocol (SP_PROT[-_](PCT1|SSL2|SSL3|TLS1_0|TLS1_1|TLS1_2|TLS1_3|TLS1|DTLS1_0|DTLS1_2)[-_](SERVER|CLIENT)) negotiation succeeded/;
const ALGORITHMS = /using bulk encryption algorithm (\S+) with strength (\d+) bits, MAC hash algorithm (\S+) with strength (\d+) bits and key exchange algorithm (\S+) with strength (\d+) bits/;
const HELO = /^(?:EHLO|HELO)[ \t]+(\S+)/i;
const HELO_HINT = /,<,"?(?:EHLO|HELO)[ \t]/i;

interface Columns {
  count: number;
  dateTime: number;
  connector: number;
  session: number;
  local: number;
  remote: number;
  event: number;
  data: number;
  context: number;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function columnsOf(names: readonly string[]): Columns {
  const lower = names.map((n) => n.trim().toLowerCase());
  return {
    count: lower.length,
    dateTime: lower.indexOf('date-time'),
    connector: lower.indexOf('connector-id'),
    session: lower.indexOf('session-id'),
    local: lower.indexOf('local-endpoint'),
    remote: lower.indexOf('remote-endpoint'),
    event: lower.indexOf('event'),
    data: lower.indexOf('data'),
    context: lower.indexOf('context'),
  };
}

const DEFAULT_COLUMNS = columnsOf(SMTP_DEFAULT_FIELDS);

export function createExchangeSmtpParser(options: SmtpParserOptions): LogParser {
  let source = options.source;
  let columns = DEFAULT_COLUMNS;
  /** From `#Log-type` (any case; docs/log-formats.md 2.2, docs/domain-facts.md 9.3): names the format of malformed events. */
  let logFormat: 'ExchangeSmtpReceive' | 'ExchangeSmtpSend' = 'ExchangeSmtpReceive';
  const maxSessions = Math.max(1, options.maxOpenSessions ?? 100_000);
  /** (server, session-id) -> first EHLO/HELO name. */
  const sessions = new Map<string, string>();
  const counts: Writable<ParserStats> = {
    lines: 0, blank: 0, directives: 0, records: 0, hits: 0, plain: 0, noTlsField: 0, malformed: 0, recovered: 0, skipped: 0,
  };

  function directive(text: string): void {
    counts.directives += 1;
    const colon = text.indexOf(':');
    if (colon < 0) return;
    const name = text.slice(1, colon).trim().toLowerCase();
    if (name === 'fields') {
      const names = text.slice(colon + 1).split(',').map((n) => n.trim()).filter((n) => n !== '');
      if (names.length > 0) columns = columnsOf(names);
    } else if (name === 'log-type') {
      logFormat = /send/i.test(text.slice(colon + 1)) ? 'ExchangeSmtpSend' : 'ExchangeSmtpReceive';
    }
    // #Software, #Version, #Date: not needed. #Date may even be later than the
    // first record (docs/log-formats.md 2.2), so it is never used as a bound.
  }

  function col(cols: readonly string[], i: number): string | undefined {
    if (i < 0) return undefined;
    const v = cols[i];
    return v === undefined || v === '' ? undefined : v;
  }

  function sessionKey(cols: readonly string[]): string | undefined {
    const id = col(cols, columns.session);
    if (id === undefined) return undefined;
    return `${serverOf(col(cols, columns.connector)) ?? ''}\u0000${id}`;
  }

  function serverOf(connector: string | undefined): string | undefined {
    if (options.server !== undefined) return options.server;
    if (connector === undefined) return undefined;
    const slash = connector.indexOf('\\');
    return slash > 0 ? connector.slice(0, slash) : undefined;
  }

  function remember(key: string, name: string): void {
    if (sessions.has(key)) return;
    if (sessions.size >= maxSessions) {
      const oldest = sessions.keys().next();
      if (oldest.done !== true) sessions.delete(oldest.value);
    }
    sessions.set(detach(key), detach(name));
  }

  function malformed(lineNo: number, text: string, fields: Omit<MalformedEvent, 'kind' | 'format' | 'source' | 'line' | 'excerpt'>): MalformedEvent {
    counts.malformed += 1;
    return { kind: 'malformed', format: logFormat, source, line: lineNo, excerpt: text.slice(0, 200), ...fields };
  }

  function record(text: string, lineNo: number): LogEvent[] {
    const hasProt = text.indexOf('SP_PROT') >= 0;
    if (!hasProt && text.indexOf(',-,') < 0 && !HELO_HINT.test(text)) return [];
    let cols = parseCsvLine(text);
    if (cols.length > columns.count && columns.count > 0) {
      // Surplus columns are folded into the last one, the context (docs/log-formats.md 2.3 and 5.22).
      cols = [...cols.slice(0, columns.count - 1), cols.slice(columns.count - 1).join(',')];
    }
    if (cols.length < columns.count) {
      return hasProt
        ? [malformed(lineNo, text, {
          reason: 'field-count',
          message: `${source} line ${lineNo}: ${cols.length} columns for ${columns.count} fields; TLS row skipped`,
          expected: columns.count,
          actual: cols.length,
        })]
        : [];
    }
    const event = col(cols, columns.event);
    const key = sessionKey(cols);
    if (event === '<' && key !== undefined) {
      const m = HELO.exec(col(cols, columns.data) ?? '');
      if (m?.[1] !== undefined) remember(key, m[1]);
    }
    const out: LogEvent[] = [];
    if (hasProt) out.push(tlsRow(cols, key, text, lineNo));
    if (event === '-' && key !== undefined) sessions.delete(key);
    return out;
  }

  function tlsRow(cols: readonly string[], key: string | undefined, text: string, lineNo: number): LogEvent {
    const context = col(cols, columns.context) ?? '';
    const data = col(cols, columns.data) ?? '';
    let m = TLS_ROW.exec(context);
    let sentence = context;
    if (m === null) {
      m = TLS_ROW.exec(data);
      sentence = data;
    }
    const token = m?.[1];
    const proto = m?.[2];
    const role = m?.[3];
    if (m === null || token === undefined || proto === undefined || role === undefined) {
      return malformed(lineNo, text, {
        reason: 'tls-row',
        message: `${source} line ${lineNo}: mentions SP_PROT but is not a "TLS protocol ... negotiation succeeded" row`,
      });
    }
    counts.hits += 1;
    const code = smtpProtocol(proto, token);
    const remoteText = col(cols, columns.remote);
    const endpoint = remoteText === undefined ? undefined : splitEndpoint(remoteText);
    const clientIp = endpoint === undefined || endpoint.address === '' ? '-' : normalizeIp(endpoint.address);
    const e: Writable<SmtpHitEvent> = {
      kind: 'hit',
      format: role === 'SERVER' ? 'ExchangeSmtpReceive' : 'ExchangeSmtpSend',
      source, line: lineNo, clientIp, clientIpRaw: endpoint?.address ?? '-',
      protocol: code.protocol, protocolCode: code.code, protocolLabel: code.label, legacy: code.legacy,
      role: role === 'SERVER' ? 'server' : 'client',
    };
    const time = normalizeIsoUtc(col(cols, columns.dateTime) ?? '');
    if (time !== undefined) e.time = time;
    if (endpoint?.port !== undefined) e.clientPort = endpoint.port;
    const a = ALGORITHMS.exec(sentence);
    if (a !== null) {
      const cipher = algorithm(a[1], a[2]);
      if (cipher !== undefined) e.cipher = cipher;
      const hash = algorithm(a[3], a[4]);
      if (hash !== undefined) e.hash = hash;
      const kx = algorithm(a[5], a[6]);
      if (kx !== undefined) e.keyExchange = kx;
    }
    if (key !== undefined) {
      const name = sessions.get(key);
      if (name !== undefined) e.ehloName = name;
    }
    const connector = col(cols, columns.connector);
    if (connector !== undefined) e.connector = connector;
    const server = serverOf(connector);
    if (server !== undefined) e.server = server;
    const session = col(cols, columns.session);
    if (session !== undefined) e.sessionId = session;
    const local = col(cols, columns.local);
    if (local !== undefined) e.localEndpoint = local;
    if (clientIp !== '-' && isLoopback(clientIp)) e.internal = 'loopback';
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
      if (text.trim() === '') {
        counts.blank += 1;
        return [];
      }
      if (text.charCodeAt(0) === 35) {
        directive(text);
        return [];
      }
      counts.records += 1;
      return record(text, lineNo);
    },
    end(): LogEvent[] {
      return [];
    },
    beginFile(next: string): void {
      source = next;
      columns = DEFAULT_COLUMNS;
      logFormat = 'ExchangeSmtpReceive';
    },
    stats(): ParserStats {
      return { ...counts };
    },
  };
}

function algorithm(name: string | undefined, bits: string | undefined): AlgId | undefined {
  if (name === undefined) return undefined;
  return algIdFromConstant(name, bits === undefined ? undefined : Number(bits));
}
