import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real TLS servers on loopback for the probe tests: `openssl s_server` (Debian's openssl, in the base image)
 * with a throwaway self-signed certificate, limited to the protocol options a test chooses. Only 127.0.0.1.
 */
export interface TlsServer {
  readonly port: number;
  stop(): Promise<void>;
}

let certDir: string | null = null;
function certificate(): { cert: string; key: string } {
  if (certDir === null) {
    certDir = mkdtempSync(join(tmpdir(), 'tls365-cert-'));
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
      '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
    process.once('exit', () => { if (certDir !== null) rmSync(certDir, { recursive: true, force: true }); });
  }
  return { cert: join(certDir, 'cert.pem'), key: join(certDir, 'key.pem') };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `openssl s_server` on 127.0.0.1 with extra options such as ['-tls1_2'] or ['-cipher', 'DEFAULT@SECLEVEL=0']. */
export async function startOpensslServer(options: readonly string[]): Promise<TlsServer> {
  const { cert, key } = certificate();
  const port = await freePort();
  const child: ChildProcess = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', cert, '-key', key, ...options], {
    stdio: ['pipe', 'pipe', 'pipe'],
    shell: false,
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`openssl s_server did not start: ${out}`)), 10_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('ACCEPT')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`openssl s_server exited (${code}): ${out}`)); });
  });
  return {
    port,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}

/** A plain TCP server on 127.0.0.1 whose connections `onConnection` handles (an HTTP port, an SMTP banner, garbage). */
export async function startServer(onConnection: (socket: Socket) => void): Promise<TlsServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    stop: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A TCP server that accepts and never speaks: handshakes against it time out. */
export async function startSilentServer(): Promise<TlsServer & { server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    // accept and say nothing; remembered so stop() can close them
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    server,
    stop: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
