import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Bounded, regular-file-only reads for the bridge's inputs (registry images, snapshots, log heads). A path is
 * opened without blocking (O_NONBLOCK where the platform has it, so a FIFO with no writer cannot hang the
 * bridge), checked to be a regular file on the open descriptor (no race with a rename), and read only up to a
 * limit checked before reading: a device such as /dev/zero or an oversized file costs nothing and fails alone.
 */

/**
 * Largest registry image or snapshot read (bytes). Measured (README "Limits"): a .reg export of a machine with
 * 40,000 servicing packages (each with its dozen values and Owners subkey) is 72 MiB and peaks the bridge at
 * 0.53 GB; 130,000 packages, about three times the most a long-serviced server holds, is 233 MiB and peaks at
 * 1.38 GB in 12 s. 256 MiB accepts both and bounds a single file's cost at about 1.5 GB.
 */
export const MAX_IMAGE_BYTES = 256 * 1024 * 1024;

export type FileFailure = { readonly ok: false; readonly code: 'FileUnreadable' | 'NotAFile' | 'FileTooLarge'; readonly message: string };
export type Opened = { readonly ok: true; readonly fd: number; readonly stats: Stats } | FileFailure;

const NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mib = (n: number): string => `${Math.round(n / (1024 * 1024))} MiB`;

/** Opens a regular file for reading, or says what the path is instead (`what`: 'a log file'). The caller closes the descriptor. */
export function openRegularFile(path: string, what: string): Opened {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'EISDIR') return { ok: false, code: 'NotAFile', message: `${path}: is a folder, not ${what}; give the file itself (wildcards such as <folder>\\*.reg work)` };
    return { ok: false, code: 'FileUnreadable', message: `${path}: cannot read the file (${code})` };
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    return { ok: false, code: 'NotAFile', message: `${path}: is ${kindOf(stats)}, not ${what}; only regular files are read` };
  }
  return { ok: true, fd, stats };
}

/** The whole of a regular file of at most `limit` bytes, or why not (checked before reading a byte). */
export function readBoundedFile(path: string, limit: number, what: string): { readonly ok: true; readonly bytes: Buffer } | FileFailure {
  const opened = openRegularFile(path, what);
  if (!opened.ok) return opened;
  try {
    if (opened.stats.size > limit) {
      return { ok: false, code: 'FileTooLarge', message: `${path}: ${opened.stats.size.toLocaleString('en-US')} bytes is more than the ${mib(limit)} ${what} may have (a machine with 130,000 servicing packages exports to about 233 MiB); export only the keys TLS365 reads, or collect a snapshot with Get-Tls365Snapshot.ps1` };
    }
    // Read to the end, but never past the limit: a file that grows while it is read is refused, not followed.
    const chunks: Buffer[] = [];
    let total = 0;
    const block = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(64 * 1024, opened.stats.size + 1)));
    for (;;) {
      const n = readSync(opened.fd, block, 0, block.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) return { ok: false, code: 'FileTooLarge', message: `${path}: grew past the ${mib(limit)} ${what} may have while it was read` };
      chunks.push(Buffer.from(block.subarray(0, n)));
    }
    const [only] = chunks;
    return { ok: true, bytes: chunks.length === 1 && only !== undefined ? only : Buffer.concat(chunks, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code: 'FileUnreadable', message: `${path}: cannot read the file (${code})` };
  } finally {
    closeSync(opened.fd);
  }
}
