import {
  ErrorCode, PROTOCOL_VERSION, errorResponse, resultResponse,
  type Request, type RequestId, type Response, type RpcError,
} from './protocol.js';

export interface Session {
  /** Set by a successful `hello`; every other method is refused until then. */
  handshaken: boolean;
}

export type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: RpcError };

/** Sends a JSON-RPC notification (no id) to the client before the reply, e.g. progress of a long scan. */
export type Notify = (method: string, params: unknown) => void;

export type Handler = (params: unknown, session: Session, notify: Notify) => Outcome | Promise<Outcome>;

const silent: Notify = () => undefined;

/** A fixed method table. A Map, never an object index, so `__proto__` or `constructor` are just unknown names. */
export type MethodTable = ReadonlyMap<string, Handler>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

type Envelope = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly response: Response };

function readEnvelope(x: unknown): Envelope {
  if (!isObject(x)) return { ok: false, response: errorResponse(null, ErrorCode.InvalidRequest, 'a request must be a JSON object') };
  const rawId = x['id'];
  const hasId = Object.prototype.hasOwnProperty.call(x, 'id');
  const idValid = rawId === null || typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId));
  const id: RequestId = hasId && idValid ? rawId : null;
  if (hasId && !idValid) return { ok: false, response: errorResponse(null, ErrorCode.InvalidRequest, 'id must be a string, a number or null') };
  if (x['jsonrpc'] !== '2.0') return { ok: false, response: errorResponse(id, ErrorCode.InvalidRequest, 'jsonrpc must be "2.0"') };
  const method = x['method'];
  if (typeof method !== 'string' || method.length === 0) {
    return { ok: false, response: errorResponse(id, ErrorCode.InvalidRequest, 'method must be a non-empty string') };
  }
  const params = x['params'];
  if (params !== undefined && !isObject(params) && !Array.isArray(params)) {
    return { ok: false, response: errorResponse(id, ErrorCode.InvalidRequest, 'params must be an object or an array') };
  }
  const request: Request = hasId ? { method, params, id } : { method, params };
  return { ok: true, request };
}

async function runOne(x: unknown, methods: MethodTable, session: Session, notify: Notify): Promise<Response | undefined> {
  const env = readEnvelope(x);
  if (!env.ok) return env.response;
  const { request } = env;
  const reply = (r: Response): Response | undefined => (request.id === undefined ? undefined : r);
  const id = request.id ?? null;
  const handler = methods.get(request.method);
  if (handler === undefined) {
    return reply(errorResponse(id, ErrorCode.MethodNotFound, `unknown method ${JSON.stringify(request.method.slice(0, 100))}`));
  }
  if (!session.handshaken && request.method !== 'hello') {
    return reply(errorResponse(id, ErrorCode.HandshakeRequired, `call hello with protocol ${PROTOCOL_VERSION} before ${request.method}`, {
      reason: 'handshakeRequired',
    }));
  }
  try {
    const outcome = await handler(request.params ?? {}, session, notify);
    return reply(outcome.ok ? resultResponse(id, outcome.result) : errorResponse(id, outcome.error.code, outcome.error.message, outcome.error.data));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return reply(errorResponse(id, ErrorCode.InternalError, `${request.method} failed: ${message}`));
  }
}

/**
 * Answers one line: a request, a notification (no answer) or a JSON-RPC batch (an array; answered with an
 * array of the non-notification replies, in order). Returns the parsed responses, not yet serialised.
 */
export async function dispatchLine(text: string, methods: MethodTable, session: Session, notify: Notify = silent): Promise<Response | Response[] | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return errorResponse(null, ErrorCode.ParseError, `not JSON: ${detail}`);
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return errorResponse(null, ErrorCode.InvalidRequest, 'a batch must not be empty');
    const replies: Response[] = [];
    for (const item of parsed) {
      const r = await runOne(item, methods, session, notify);
      if (r !== undefined) replies.push(r);
    }
    return replies.length === 0 ? undefined : replies;
  }
  return runOne(parsed, methods, session, notify);
}
