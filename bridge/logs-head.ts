import { closeSync, readSync } from 'node:fs';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { detectFormat, sniffCompression } from '../core/index.js';
import { openRegularFile } from './files.js';
import type { Format } from './logs-options.js';
import type { FileError } from './logs-scan-state.js';

/**
 * The first 64 KiB of a log file, which decide how logs.scan reads it: compression by magic bytes (the core's
 * `sniffCompression`), UTF-16LE by its BOM, binary data, and the format of a UTF-8/ASCII log.
 */
export interface Head {
  readonly bytes: Buffer;
  readonly gz: boolean;
  readonly zip: boolean;
  readonly utf16: boolean;
}

/**
 * The head of a file: magic bytes, and enough lines to detect the format before streaming. Opened without
 * blocking and checked to be a regular file, so a FIFO or a device is refused at once.
 */
export function readHead(file: string): { ok: true; head: Head } | { ok: false; error: FileError } {
  const opened = openRegularFile(file, 'a log file');
  if (!opened.ok) return { ok: false, error: { file, code: opened.code === 'NotAFile' ? 'NotAFile' : 'Unreadable', message: opened.message } };
  try {
    const b = Buffer.alloc(64 * 1024);
    const n = readSync(opened.fd, b, 0, b.length, 0);
    return { ok: true, head: headOf(b.subarray(0, n)) };
  } catch (e) {
    return { ok: false, error: { file, code: 'Unreadable', message: `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'EIO'})` } };
  } finally {
    closeSync(opened.fd);
  }
}

function headOf(bytes: Buffer): Head {
  const compression = sniffCompression(bytes);
  const gz = compression === 'gzip';
  return { bytes, gz, zip: compression === 'zip', utf16: !gz && bytes[0] === 0xff && bytes[1] === 0xfe };
}

/** The first bytes of the text: the head itself, or what a gzip head inflates to (null: it does not). */
function textOfHead(head: Head): Buffer | null {
  if (!head.gz) return head.bytes;
  try {
    return gunzipSync(head.bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** The format of a UTF-8/ASCII log from its first bytes (gzip: what the first bytes inflate to), or 'Unknown'. */
function formatFromHead(head: Head): string {
  const text = textOfHead(head);
  if (text === null) return 'Unknown';
  const lines = text.toString('utf8').split('\n').slice(0, 20).map((l) => l.replace(/\r$/, ''));
  return detectFormat(lines).format;
}

/** An IIS log in UTF-8/ASCII (forced, or detected from the head): read through the core's byte pre-filter. */
export function isUtf8Iis(head: Head, format: Format): boolean {
  return !head.utf16 && (format === 'IisW3C' || (format === 'Auto' && formatFromHead(head) === 'IisW3C'));
}

/**
 * Binary data, not a text log: NUL bytes and not one newline in the first 64 KiB of text (a log's directives
 * and records are short lines). NULs after a newline are left to the parsers: IIS leaves runs of them in a
 * log cut by a crash, and the lines around them still count.
 */
export function looksBinary(head: Head): boolean {
  const text = textOfHead(head);
  if (text === null || head.utf16 || text.length === 0) return false;
  return text.indexOf(10) < 0 && text.indexOf(0) >= 0;
}
