/**
 * The wire contract between the PowerShell module and the bridge: JSON-RPC 2.0, one JSON value per line
 * (NDJSON) over stdio, ASCII only on the wire. Module and bridge must speak the same PROTOCOL_VERSION;
 * `hello` is the first request of every session.
 */
export const PROTOCOL_VERSION = 1;

/** Default cap on one request line, in bytes (before the newline). `--max-line-bytes` lowers it for tests. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/** JSON-RPC 2.0 standard codes, and TLS365's own in the server range -32000..-32099. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  VersionMismatch: -32001,
  LineTooLong: -32002,
  HandshakeRequired: -32003,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type RequestId = string | number | null;

export interface RpcError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly data?: unknown;
}

export type Response =
  | { readonly jsonrpc: '2.0'; readonly id: RequestId; readonly result: unknown }
  | { readonly jsonrpc: '2.0'; readonly id: RequestId; readonly error: RpcError };

export interface Request {
  readonly method: string;
  readonly params: unknown;
  /** Absent for a notification, which gets no response. */
  readonly id?: RequestId;
}

export const errorResponse = (id: RequestId, code: ErrorCode, message: string, data?: unknown): Response => ({
  jsonrpc: '2.0',
  id,
  error: data === undefined ? { code, message } : { code, message, data },
});

export const resultResponse = (id: RequestId, result: unknown): Response => ({ jsonrpc: '2.0', id, result });

/**
 * Serialises a message as one ASCII line: every character above 0x7E becomes a \uXXXX escape, so neither
 * side ever meets a code page or a BOM (Windows PowerShell 5.1 reads redirected streams in the console's).
 */
export function toAsciiLine(message: unknown): string {
  return `${JSON.stringify(message).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
