/**
 * The TLS365 bridge process: wiring only. stdin lines -> dispatch -> stdout lines. stdout carries protocol
 * and nothing else; stderr carries rare diagnostics. Exits 0 when stdin ends (after answering what it
 * read), which is the one cleanup that also works when the PowerShell host is killed.
 * It executes nothing from its input: no eval, no child processes, a fixed method table.
 */
import { dispatchLine, type Session } from './dispatch.js';
import { createLineSplitter, type LineEvent } from './lines.js';
import { createMethodTable } from './methods.js';
import { DEFAULT_MAX_LINE_BYTES, ErrorCode, errorResponse, toAsciiLine } from './protocol.js';

function parseArgs(argv: readonly string[]): { maxLineBytes: number } {
  let maxLineBytes = DEFAULT_MAX_LINE_BYTES;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--max-line-bytes' && next !== undefined && /^[1-9][0-9]{0,9}$/.test(next)) {
      maxLineBytes = Number(next);
      i += 1;
    } else {
      process.stderr.write(`tls365 bridge: unknown argument ${JSON.stringify(arg)}; usage: main.js [--max-line-bytes N]\n`);
      process.exit(2);
    }
  }
  return { maxLineBytes };
}

function main(): void {
  const { maxLineBytes } = parseArgs(process.argv.slice(2));
  const methods = createMethodTable(maxLineBytes);
  const session: Session = { handshaken: false };
  const splitter = createLineSplitter(maxLineBytes);
  const write = (message: unknown): void => {
    process.stdout.write(toAsciiLine(message));
  };

  // One line at a time, in order: replies leave in the order requests came.
  let queue: Promise<void> = Promise.resolve();
  const handle = (ev: LineEvent): void => {
    queue = queue.then(async () => {
      switch (ev.kind) {
        case 'line': {
          if (ev.text.trim() === '') return;
          const reply = await dispatchLine(ev.text, methods, session);
          if (reply !== undefined) write(reply);
          return;
        }
        case 'tooLong':
          write(errorResponse(null, ErrorCode.LineTooLong, `request line of ${ev.bytes} bytes exceeds the limit of ${maxLineBytes} bytes`, {
            bytes: ev.bytes, limit: maxLineBytes,
          }));
          return;
        case 'truncated':
          process.stderr.write(`tls365 bridge: input ended inside a request (${ev.bytes} bytes without a newline); not executed\n`);
          write(errorResponse(null, ErrorCode.ParseError, `input ended inside a request (${ev.bytes} bytes without a final newline)`, {
            reason: 'truncated', bytes: ev.bytes,
          }));
          return;
      }
    });
  };

  process.stdin.on('data', (chunk: Buffer) => splitter.push(chunk).forEach(handle));
  process.stdin.on('end', () => {
    splitter.end().forEach(handle);
    void queue.then(() => process.stdout.write('', () => process.exit(0)));
  });
  process.stdout.on('error', () => process.exit(0)); // the reader went away: nobody is left to answer
}

main();
