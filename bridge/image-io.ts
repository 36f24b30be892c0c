import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * How the remediation methods write files so that nothing is lost (issue 12, "Nothing lost on images"):
 *
 * - `writeAtomic`: the new bytes go to a temporary file in the same folder (created exclusively, flushed to
 *   disk) that is then renamed over the target. A bridge killed at any moment leaves the old file or the new
 *   one, never an empty or cut-off file.
 * - `createExclusive`: a backup file is created, never opened: a file, or a (dangling) symbolic link, already at
 *   that path is EEXIST, so a planted link cannot redirect the backup.
 * - `lockImage`: `<image>.tls365-lock`, created exclusively, held for the whole read-plan-write-verify of one
 *   image, so two TLS365 commands changing one image cannot both write (the second is refused, naming the
 *   lock). The lock names its process and host; a lock whose process is gone on this host is stale and taken over.
 */

/** Writes `bytes` to `path` through a temporary file in its folder and a rename. Throws the errno error. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.tls365-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try { unlinkSync(temp); } catch { /* the error that counts is the write's */ }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    try { unlinkSync(temp); } catch { /* as above */ }
    throw e;
  }
}

/** Creates `path` with `bytes`; fails with EEXIST when anything (a file, a link, even a dangling one) is there. */
export function createExclusive(path: string, bytes: Uint8Array | string): void {
  const fd = openSync(path, 'wx');
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether this process may write `path` (a read-only file is found before anything is written). */
export function canWrite(path: string): { ok: true } | { ok: false; code: string } {
  try {
    accessSync(path, constants.W_OK);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EACCES' };
  }
}

export type ImageLock = { readonly ok: true; release(): void } | { readonly ok: false; readonly message: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the image's lock, or says who holds it. */
export function lockImage(image: string): ImageLock {
  const lock = `${image}.tls365-lock`;
  const me = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      createExclusive(lock, me);
      return { ok: true, release: () => { try { unlinkSync(lock); } catch { /* already gone */ } } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        return { ok: false, message: `${image}: cannot create its lock file ${lock} (${(e as NodeJS.ErrnoException).code ?? String(e)}); nothing was changed` };
      }
    }
    let holder: { pid?: unknown; host?: unknown; at?: unknown } = {};
    try { holder = JSON.parse(readFileSync(lock, 'utf8')) as typeof holder; } catch { holder = {}; }
    const stale = typeof holder.pid === 'number' && holder.host === hostname() && !alive(holder.pid);
    if (!stale || attempt > 0) {
      const who = typeof holder.pid === 'number' ? `process ${holder.pid} on ${String(holder.host)} since ${String(holder.at)}` : 'another process';
      return { ok: false, message: `${image}: another TLS365 change holds this image (${who}, lock file ${lock}); nothing was changed. Run the command again when it is done; if no TLS365 command is running, delete the lock file` };
    }
    try { unlinkSync(lock); } catch { /* taken by someone else: the next attempt says so */ }
  }
  return { ok: false, message: `${image}: its lock file ${lock} could not be taken; nothing was changed` };
}
