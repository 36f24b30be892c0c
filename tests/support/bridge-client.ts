import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const bridgeScript = join(repoRoot, 'dist', 'bridge', 'main.js');

export interface Reply {
  readonly jsonrpc: '2.0';
  readonly id: string | number | null;
  readonly result?: any;
  readonly error?: { code: number; message: string; data?: any };
}

/**
 * A small Node client for the real bridge process, for tests and benchmarks: spawns `node dist/bridge/main.js`
 * (no shell), sends raw lines, and collects reply lines. Timeouts use setTimeout so tests can fake the clock.
 */
export interface BridgeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every line received so far, parsed. */
  readonly lines: Reply[];
  readonly stderr: () => string;
  sendRaw(text: string): void;
  /** Resolves with the next reply line, rejects after timeoutMs or when the bridge exits first. */
  next(timeoutMs?: number): Promise<Reply>;
  request(method: string, params?: unknown, timeoutMs?: number): Promise<Reply>;
  /** Sends a request and reads lines up to its reply: the notifications that came first, and the reply. */
  call(method: string, params?: unknown, timeoutMs?: number): Promise<{ reply: Reply; notes: any[] }>;
  exited: Promise<number | null>;
  close(): Promise<number | null>;
}

export function startBridge(args: readonly string[] = []): BridgeProcess {
  const child = spawn(process.execPath, [bridgeScript, ...args], { stdio: ['pipe', 'pipe', 'pipe'], shell: false });
  const lines: Reply[] = [];
  const waiters: ((r: Reply | null) => void)[] = [];
  let buffered = '';
  let err = '';
  let nextId = 1;
  let read = 0;
  let ended = false;
  child.stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      lines.push(JSON.parse(line) as Reply);
      const w = waiters.shift();
      if (w) { read += 1; w(lines[read - 1] ?? null); }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    ended = true;
    for (const w of waiters.splice(0)) w(null);
    resolve(code);
  }));

  const next = (timeoutMs = 10_000): Promise<Reply> => new Promise((resolve, reject) => {
    if (read < lines.length) { read += 1; resolve(lines[read - 1] as Reply); return; }
    if (ended) { reject(new Error(`bridge exited before replying; stderr: ${err}`)); return; }
    const timer = setTimeout(() => {
      const i = waiters.indexOf(settle);
      if (i !== -1) waiters.splice(i, 1);
      reject(new Error(`no reply within ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = (r: Reply | null): void => {
      clearTimeout(timer);
      if (r === null) reject(new Error(`bridge exited before replying; stderr: ${err}`));
      else resolve(r);
    };
    waiters.push(settle);
  });

  return {
    child,
    lines,
    stderr: () => err,
    sendRaw: (text) => { child.stdin.write(text); },
    next,
    request(method, params, timeoutMs) {
      const id = nextId;
      nextId += 1;
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
      return next(timeoutMs);
    },
    async call(method, params, timeoutMs) {
      const id = nextId;
      nextId += 1;
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
      const notes: any[] = [];
      for (;;) {
        const line = await next(timeoutMs);
        if ('id' in line && line.id === id) return { reply: line, notes };
        notes.push(line);
      }
    },
    exited,
    close() {
      child.stdin.end();
      return exited;
    },
  };
}

/** Starts a bridge and completes the handshake. */
export async function startReadyBridge(args: readonly string[] = []): Promise<BridgeProcess> {
  const b = startBridge(args);
  const hello = await b.request('hello', { protocol: 1 });
  if (hello.error) throw new Error(`handshake failed: ${JSON.stringify(hello.error)}`);
  return b;
}
