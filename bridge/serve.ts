import type { Readable, Writable } from 'node:stream';
import { dispatchLine, type MethodTable, type Session } from './dispatch.js';
import { createLineSplitter, type LineEvent } from './lines.js';
import { ErrorCode, errorResponse, toAsciiLine } from './protocol.js';

export interface ServeOptions {
  readonly methods: MethodTable;
  readonly maxLineBytes: number;
}

/**
 * Serves JSON-RPC over a pair of streams: one reply line per request line, in request order.
 * Resolves when the input has ended and every reply has been written. Testable with in-memory streams.
 */
export function serve(input: Readable, output: Writable, diagnostics: Writable, options: ServeOptions): Promise<void> {
  const { methods, maxLineBytes } = options;
  const session: Session = { handshaken: false };
  const splitter = createLineSplitter(maxLineBytes);
  const write = (message: unknown): void => {
    output.write(toAsciiLine(message));
  };

  let queue: Promise<void> = Promise.resolve();
  const handle = (ev: LineEvent): void => {
    queue = queue.then(async () => {
      switch (ev.kind) {
        case 'line': {
          if (ev.text.trim() === '') return;
          const reply = await dispatchLine(ev.text, methods, session, (method, params) => write({ jsonrpc: '2.0', method, params }));
          if (reply !== undefined) write(reply);
          return;
        }
        case 'tooLong':
          write(errorResponse(null, ErrorCode.LineTooLong, `request line of ${ev.bytes} bytes exceeds the limit of ${maxLineBytes} bytes`, {
            bytes: ev.bytes,
            limit: maxLineBytes,
          }));
          return;
        case 'truncated':
          diagnostics.write(`tls365 bridge: input ended inside a request (${ev.bytes} bytes without a newline); not executed\n`);
          write(errorResponse(null, ErrorCode.ParseError, `input ended inside a request (${ev.bytes} bytes without a final newline)`, {
            reason: 'truncated',
            bytes: ev.bytes,
          }));
          return;
      }
    });
  };

  return new Promise((resolve) => {
    input.on('data', (chunk: Buffer | string) => splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).forEach(handle));
    input.on('end', () => {
      splitter.end().forEach(handle);
      void queue.then(() => resolve());
    });
  });
}
