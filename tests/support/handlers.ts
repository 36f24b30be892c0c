import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Handler, Session } from '../../bridge/dispatch.js';

/** The acceptance images and the bundled example machines (tests/fixtures/acceptance, examples/). */
export const ACCEPTANCE = join(__dirname, '..', 'fixtures', 'acceptance');
export const EXAMPLES = join(__dirname, '..', '..', 'examples');

const session: Session = { handshaken: true };
const silent = (): void => undefined;

/** Calls a bridge method handler in this process (no bridge process); asserts the request was well formed. */
export async function runHandler(handler: Handler, params: unknown): Promise<any> {
  const r = await handler(params, session, silent);
  assert.ok(r.ok, JSON.stringify(r));
  return r.result;
}
