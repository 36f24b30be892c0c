import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import {
  createIisByteFilter, createLineSplitter, detectFormat, filteredLineText,
  type IisByteFilter, type LogParser, type SplitLine,
} from '../core/index.js';
import { isUtf8Iis, looksBinary, readHead, type Head } from './logs-head.js';
import { countBytes, parserFor, readError, take, type ScanState } from './logs-scan-state.js';
import { isZlibError } from './logs-unit.js';

/**
 * The single pass over one file, on this thread: gunzips `.gz` (by magic bytes), decodes UTF-8 (or UTF-16LE
 * with a BOM), splits lines in chunks of 1 MiB and feeds this thread's parser of the file's format. IIS logs
 * in UTF-8 go through the core's byte pre-filter instead. A file that cannot be read, is not a log, or ends
 * inside a gzip stream is reported in `fileErrors`; what was read before the error still counts.
 */

const CHUNK = 1024 * 1024;
/** Lines held back to detect the format of a file read with `Auto` when the head did not decide. */
const DETECT_LINES = 20;

/** One file being read: its parser once the format is known, and the first lines while it is not. */
interface FileRead {
  readonly s: ScanState;
  readonly file: string;
  parser: LogParser | null;
  format: string;
  readonly early: SplitLine[];
  lineNo: number;
}

export async function scanOnMain(s: ScanState, i: number, file: string): Promise<void> {
  const head = checkedHead(s, file);
  if (head === null) return;
  const o = s.o;
  // Hot path for IIS logs in UTF-8/ASCII: raw bytes go through the core's byte pre-filter and only the
  // lines it keeps are decoded and parsed (most TLS 1.2 records are never decoded at all).
  const byteFilter = s.onlyProtocols !== null && isUtf8Iis(head, o.format) ? createIisByteFilter(s.onlyProtocols, o.fieldMap) : null;
  const r: FileRead = {
    s, file, early: [], lineNo: 0,
    parser: byteFilter !== null ? parserFor(s, 'IisW3C', file) : o.format === 'Auto' ? null : parserFor(s, o.format, file),
    format: byteFilter !== null ? 'IisW3C' : o.format === 'Auto' ? 'Unknown' : o.format,
  };
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  raw.on('data', (chunk: Buffer | string) => countBytes(s, chunk.length, file, i));
  let known: boolean;
  try {
    const stream = head.gz ? raw.pipe(createGunzip()) : raw;
    known = byteFilter !== null ? await readFiltered(r, byteFilter, stream) : await readText(r, head.utf16, stream);
  } catch (e) {
    // Keep what was read before the damage, even lines still waiting for format detection.
    if (r.parser === null && r.early.length > 0) adoptDetected(r);
    const message = e instanceof Error ? e.message : String(e);
    const code = head.gz && isZlibError(e) ? 'Truncated' : 'Unreadable';
    s.fileErrors.push({ file, code, message: readError(file, code, r.lineNo, message) });
    return;
  } finally {
    raw.destroy();
  }
  if (!known) {
    s.fileErrors.push({ file, code: 'UnknownFormat', message: `${file}: not an IIS W3C or Exchange SMTP protocol log (use -Format to force one)` });
    return;
  }
  s.files.push({ file, format: r.format, bytes: s.sizes[i] ?? 0, lines: r.lineNo });
}

/** The head of a file that can be read as a log; null when it cannot (the error is reported). */
function checkedHead(s: ScanState, file: string): Head | null {
  const first = readHead(file);
  if (!first.ok) {
    s.fileErrors.push(first.error);
    return null;
  }
  const head = first.head;
  if (head.zip) {
    s.fileErrors.push({ file, code: 'UnsupportedArchive', message: `${file}: a zip archive; extract it first (gzip files are read directly)` });
    return null;
  }
  if (looksBinary(head)) {
    const what = head.gz ? 'a gzip file whose content is binary data' : 'binary data';
    s.fileErrors.push({ file, code: 'NotText', message: `${file}: ${what} (NUL bytes and no line end in the first 64 KiB), not a log; give the IIS W3C or Exchange SMTP protocol log files themselves` });
    return null;
  }
  return head;
}

/** Through the byte pre-filter: only the lines it keeps are decoded, numbered as in the file. */
async function readFiltered(r: FileRead, byteFilter: IisByteFilter, stream: AsyncIterable<unknown>): Promise<boolean> {
  const parser = r.parser as LogParser;
  const lineDecoder = new TextDecoder('utf-8');
  const decode = (b: Uint8Array): string => lineDecoder.decode(b);
  const feedBytes = (lines: ReturnType<IisByteFilter['push']>): void => {
    for (const l of lines) take(r.s, parser.pushLine(filteredLineText(l, decode), l.lineNo));
    if (lines.length > 0) r.lineNo = (lines[lines.length - 1] as { lineNo: number }).lineNo;
  };
  for await (const chunk of stream) feedBytes(byteFilter.push(chunk as Buffer));
  feedBytes(byteFilter.end());
  r.s.filterSkipped += byteFilter.skipped();
  return true;
}

/** Decoded text, split into lines; false when the format is `Auto` and the first lines are no known log. */
async function readText(r: FileRead, utf16: boolean, stream: AsyncIterable<unknown>): Promise<boolean> {
  const decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8');
  const splitter = createLineSplitter();
  for await (const chunk of stream) {
    if (!feedLines(r, splitter.push(decoder.decode(chunk as Buffer, { stream: true })))) return false;
  }
  const tail = decoder.decode();
  if (!feedLines(r, [...splitter.push(tail), ...splitter.end()])) return false;
  return r.parser !== null || adoptDetected(r);
}

function feedLines(r: FileRead, lines: readonly SplitLine[]): boolean {
  for (const line of lines) {
    if (r.parser === null) {
      r.early.push(line);
      if (r.early.length < DETECT_LINES) continue;
      if (!adoptDetected(r)) return false;
      continue;
    }
    r.lineNo += 1;
    take(r.s, r.parser.pushLine(line, r.lineNo));
  }
  return true;
}

/**
 * The format detected from the lines held back: its parser takes them, numbered from the file's start.
 * False when they are no known log (the file is then reported, and nothing of it counts).
 */
function adoptDetected(r: FileRead): boolean {
  const d = detectFormat(r.early.map((l) => (typeof l === 'string' ? l : l.head)));
  if (d.format === 'Unknown') return false;
  const parser = parserFor(r.s, d.format, r.file);
  r.format = d.format;
  r.parser = parser;
  for (const l of r.early.splice(0)) {
    r.lineNo += 1;
    take(r.s, parser.pushLine(l, r.lineNo));
  }
  return true;
}
