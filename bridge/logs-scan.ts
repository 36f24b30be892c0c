import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import {
  createAggregator, createExchangeSmtpParser, createIisByteFilter, createIisParser, createLineSplitter, detectFormat, IIS_FIELDS,
  protocolFromName, type HitEvent, type IisField, type LogEvent, type LogParser, type Protocol,
} from '../core/index.js';
import type { Handler, Notify, Outcome } from './dispatch.js';
import { invalid, isRecord } from './params.js';

/**
 * logs.scan: the streaming reader behind Find-Tls365LegacyClient. The I/O edge only: it opens each file,
 * gunzips `.gz` by magic bytes, decodes UTF-8 (or UTF-16LE with a BOM), splits lines in chunks of 1 MiB and
 * feeds the pure core parsers and one aggregator. Memory stays flat whatever the file size: no file and no
 * hit list is held (except the capped `-Detailed` hits). Progress goes to the client as `progress`
 * notifications (bytes and files). A file that cannot be read, is not a log, or ends inside a gzip stream
 * is reported in `fileErrors`, and the scan goes on; what was read before the error still counts.
 */
export const MAX_LOG_FILES = 100_000;
const CHUNK = 1024 * 1024;
const PROGRESS_EVERY = 8 * 1024 * 1024;
type Format = 'Auto' | 'IisW3C' | 'ExchangeSmtpReceive' | 'ExchangeSmtpSend';
const FORMATS: readonly Format[] = ['Auto', 'IisW3C', 'ExchangeSmtpReceive', 'ExchangeSmtpSend'];

interface ScanOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly fieldMap: Partial<Record<IisField, string>>;
  readonly protocols: readonly string[];
  readonly since?: string;
  readonly until?: string;
  readonly maxHits: number;
}

interface FileError { readonly file: string; readonly code: string; readonly message: string }
interface FileDone { readonly file: string; readonly format: string; readonly bytes: number; readonly lines: number }

function optionsOf(params: unknown): { ok: true; value: ScanOptions } | ReturnType<typeof invalid> {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const paths = params['paths'];
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_LOG_FILES || !paths.every((p) => typeof p === 'string' && p.length > 0)) {
    return invalid('params.paths', `must be 1 to ${MAX_LOG_FILES} file paths`);
  }
  const format = params['format'] ?? 'Auto';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return invalid('params.format', `must be one of ${FORMATS.join(', ')}`);
  const rawMap = params['fieldMap'] ?? {};
  if (!isRecord(rawMap)) return invalid('params.fieldMap', 'must be an object of field -> column name');
  const fieldMap: Partial<Record<IisField, string>> = {};
  for (const [k, v] of Object.entries(rawMap)) {
    const field = IIS_FIELDS.find((f) => f.toLowerCase() === k.toLowerCase());
    if (field === undefined || typeof v !== 'string' || v.trim() === '') return invalid(`params.fieldMap.${k}`, `keys are ${IIS_FIELDS.join(', ')}; values are column names`);
    fieldMap[field] = v.trim();
  }
  const protocols = params['protocols'] ?? ['Tls10', 'Tls11'];
  if (!Array.isArray(protocols) || !protocols.every((p) => typeof p === 'string')) return invalid('params.protocols', 'must be an array of protocol names');
  const since = params['since'];
  const until = params['until'];
  if (since !== undefined && typeof since !== 'string') return invalid('params.since', 'must be an ISO 8601 string');
  if (until !== undefined && typeof until !== 'string') return invalid('params.until', 'must be an ISO 8601 string');
  const maxHits = params['maxHits'] ?? 0;
  if (typeof maxHits !== 'number' || !Number.isInteger(maxHits) || maxHits < 0 || maxHits > 1_000_000) return invalid('params.maxHits', 'must be 0 to 1000000');
  return {
    ok: true,
    value: { paths: paths as string[], format: format as Format, fieldMap, protocols: protocols as string[], maxHits, ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) },
  };
}

/** The first 64 KiB of a file: magic bytes, and enough lines to detect the format before streaming. */
function firstBytes(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(64 * 1024);
    const n = readSync(fd, b, 0, b.length, 0);
    return b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The format of a UTF-8/ASCII log from its first bytes (gzip: what the first bytes inflate to), or 'Unknown'. */
function formatFromHead(head: Buffer, gz: boolean): string {
  let text: Buffer = head;
  if (gz) {
    try {
      text = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch {
      return 'Unknown';
    }
  }
  const lines = text.toString('utf8').split('\n').slice(0, 20).map((l) => l.replace(/\r$/, ''));
  return detectFormat(lines).format;
}

export const logsScan: Handler = async (params, _session, notify: Notify): Promise<Outcome> => {
  const opts = optionsOf(params);
  if (!opts.ok) return opts;
  const o = opts.value;
  const agg = createAggregator({ protocols: o.protocols, ...(o.since === undefined ? {} : { since: o.since }), ...(o.until === undefined ? {} : { until: o.until }) });
  if (!agg.ok) return invalid('params', agg.error.message);
  const aggregator = agg.value;
  const fileErrors: FileError[] = [];
  const files: FileDone[] = [];
  const hits: HitEvent[] = [];
  const parsers = new Map<string, LogParser>();
  // IIS pre-filter: records carrying only unselected known protocols are not parsed (see IisParserOptions).
  const selected = o.protocols.map((p) => protocolFromName(p));
  const onlyProtocols = selected.every((p): p is Protocol => p !== undefined) ? selected : null;
  const parserFor = (format: string, source: string): LogParser => {
    let p = parsers.get(format);
    if (p === undefined) {
      p = format === 'IisW3C' ? createIisParser({ source, fieldMap: o.fieldMap, ...(onlyProtocols === null ? {} : { onlyProtocols }) }) : createExchangeSmtpParser({ source });
      parsers.set(format, p);
    } else {
      p.beginFile(source);
    }
    return p;
  };
  const take = (events: readonly LogEvent[]): void => {
    aggregator.addAll(events);
    if (o.maxHits > 0) for (const e of events) if (e.kind === 'hit' && hits.length < o.maxHits) hits.push(e);
  };

  const sizes = o.paths.map((p) => { try { return statSync(p).size; } catch { return 0; } });
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  let sinceProgress = 0;
  let filterSkipped = 0;

  for (let i = 0; i < o.paths.length; i += 1) {
    const file = o.paths[i] as string;
    notify('progress', { file, filesDone: i, filesTotal: o.paths.length, bytesDone, bytesTotal });
    let head: Buffer;
    try {
      head = firstBytes(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      fileErrors.push({ file, code: 'Unreadable', message: `${file}: cannot read the file (${code})` });
      continue;
    }
    const gz = head[0] === 0x1f && head[1] === 0x8b;
    if (head[0] === 0x50 && head[1] === 0x4b) {
      fileErrors.push({ file, code: 'UnsupportedArchive', message: `${file}: a zip archive; extract it first (gzip files are read directly)` });
      continue;
    }
    const utf16 = !gz && head[0] === 0xff && head[1] === 0xfe;
    const decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8');
    const splitter = createLineSplitter();
    const raw = createReadStream(file, { highWaterMark: CHUNK });
    const stream = gz ? raw.pipe(createGunzip()) : raw;
    raw.on('data', (chunk: Buffer | string) => {
      const n = typeof chunk === 'string' ? chunk.length : chunk.length;
      bytesDone += n;
      sinceProgress += n;
      if (sinceProgress >= PROGRESS_EVERY) {
        sinceProgress = 0;
        notify('progress', { file, filesDone: i, filesTotal: o.paths.length, bytesDone, bytesTotal });
      }
    });
    // Hot path for IIS logs in UTF-8/ASCII: raw bytes go through the core's byte pre-filter and only the
    // lines it keeps are decoded and parsed (most TLS 1.2 records are never decoded at all).
    const iis = !utf16 && onlyProtocols !== null && (o.format === 'IisW3C' || (o.format === 'Auto' && formatFromHead(head, gz) === 'IisW3C'));
    const byteFilter = iis && onlyProtocols !== null ? createIisByteFilter(onlyProtocols, o.fieldMap) : null;
    let parser: LogParser | null = byteFilter !== null ? parserFor('IisW3C', file) : o.format === 'Auto' ? null : parserFor(o.format, file);
    let format = byteFilter !== null ? 'IisW3C' : o.format === 'Auto' ? 'Unknown' : o.format;
    const early: string[] = [];
    let lineNo = 0;
    const feed = (lines: readonly string[]): boolean => {
      for (const line of lines) {
        if (parser === null) {
          early.push(line);
          if (early.length < 20) continue;
          const d = detectFormat(early);
          if (d.format === 'Unknown') return false;
          format = d.format;
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
          continue;
        }
        lineNo += 1;
        take(parser.pushLine(line, lineNo));
      }
      return true;
    };
    let known = true;
    try {
      if (byteFilter !== null && parser !== null) {
        const p: LogParser = parser;
        const lineDecoder = new TextDecoder('utf-8');
        const feedBytes = (lines: ReturnType<typeof byteFilter.push>): void => {
          for (const l of lines) take(p.pushLine(lineDecoder.decode(l.bytes), l.lineNo));
          if (lines.length > 0) lineNo = (lines[lines.length - 1] as { lineNo: number }).lineNo;
        };
        for await (const chunk of stream) feedBytes(byteFilter.push(chunk as Buffer));
        feedBytes(byteFilter.end());
        filterSkipped += byteFilter.skipped();
      } else {
        for await (const chunk of stream) {
          if (!feed(splitter.push(decoder.decode(chunk as Buffer, { stream: true })))) { known = false; break; }
        }
      }
      if (known && byteFilter === null) {
        const tail = decoder.decode();
        known = feed([...splitter.push(tail), ...splitter.end()]);
      }
      if (known && parser === null) {
        const d = detectFormat(early);
        if (d.format === 'Unknown') known = false;
        else {
          format = d.format;
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
        }
      }
    } catch (e) {
      // Keep what was read before the damage, even lines still waiting for format detection.
      if (parser === null && early.length > 0) {
        const d = detectFormat(early);
        if (d.format !== 'Unknown') {
          parser = parserFor(d.format, file);
          for (const l of early.splice(0)) { lineNo += 1; take(parser.pushLine(l, lineNo)); }
        }
      }
      const message = e instanceof Error ? e.message : String(e);
      const code = gz && /unexpected end|incorrect header|invalid/i.test(message) ? 'Truncated' : 'Unreadable';
      fileErrors.push({ file, code, message: `${file}: ${code === 'Truncated' ? 'the compressed stream is damaged or cut off' : 'reading failed'} after line ${lineNo} (${message}); the lines before it were counted` });
      raw.destroy();
      continue;
    } finally {
      raw.destroy();
    }
    if (!known) {
      fileErrors.push({ file, code: 'UnknownFormat', message: `${file}: not an IIS W3C or Exchange SMTP protocol log (use -Format to force one)` });
      continue;
    }
    files.push({ file, format, bytes: sizes[i] ?? 0, lines: lineNo });
  }
  for (const p of parsers.values()) take(p.end());
  notify('progress', { file: null, filesDone: o.paths.length, filesTotal: o.paths.length, bytesDone, bytesTotal });
  const skipped = filterSkipped + [...parsers.values()].reduce((n, p) => n + p.stats().skipped, 0);
  return { ok: true, result: { ...aggregator.result(), files, fileErrors, hits, skipped } };
};
