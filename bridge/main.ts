/**
 * The TLS365 bridge process: wiring only. Serves JSON-RPC on stdin/stdout (see protocol.ts); stderr
 * carries rare diagnostics. Exits 0 when stdin ends, after answering what it read: the one cleanup that
 * also works when the PowerShell host is killed. It executes nothing from its input: no eval, no child
 * processes, a fixed method table.
 */
import { createMethodTable } from './methods.js';
import { DEFAULT_MAX_LINE_BYTES } from './protocol.js';
import { serve } from './serve.js';

function parseArgs(argv: readonly string[]): { maxLineBytes: number } | string {
  let maxLineBytes = DEFAULT_MAX_LINE_BYTES;
  for (let i = 0; i < argv.length; i += 1) {
    const next = argv[i + 1];
    if (argv[i] === '--max-line-bytes' && next !== undefined && /^[1-9][0-9]{0,9}$/.test(next)) {
      maxLineBytes = Number(next);
      i += 1;
    } else {
      return `unknown argument ${JSON.stringify(argv[i])}; usage: main.js [--max-line-bytes N]`;
    }
  }
  return { maxLineBytes };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  process.stderr.write(`tls365 bridge: ${args}\n`);
  process.exit(2);
}
process.stdout.on('error', () => process.exit(0)); // the reader went away: nobody is left to answer
void serve(process.stdin, process.stdout, process.stderr, { methods: createMethodTable(args.maxLineBytes), maxLineBytes: args.maxLineBytes })
  .then(() => process.stdout.write('', () => process.exit(0)));
