import { extname } from 'node:path';
import {
  evaluateFacts, exchangeFleetFindings, exchangeFleetMember, machineFacts, readRegSnapshot, snapshotFromJson, snapshotFromJsonText,
  type EvaluateOptions, type MachineSnapshot, type Role,
} from '../core/index.js';
import { visible } from '../core/model/visible.js';
import type { FleetParts, Handler } from './dispatch.js';
import { entryId, entryOf, takeEntry } from './session-store.js';
import { findingShape, toPowerShellShape } from './readiness-shape.js';
import { invalid, isRecord, streamItems, type Checked } from './params.js';
import { MAX_IMAGE_BYTES, readBoundedFile } from './files.js';

/** Most machines per readiness request: replies stay a few MB, which Windows PowerShell 5.1 parses comfortably. */
export const MAX_READINESS_ITEMS = 5000;

const ROLES: readonly Role[] = ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'];

/** A per-item failure: `file` as given (the caller's target), `message` and `errors` for display (control characters as \xHH). */
export interface ItemError { code: string; file: string | null; line: number | null; message: string; errors: readonly string[] }
/**
 * `warnings`: what the user should know about an input that was still read (`file:line: message`, for display),
 * such as bytes that were not valid in a .reg file's encoding; present only when there are some.
 */
type ItemResult = { ok: true; readiness: unknown; fleetKey?: number; warnings?: readonly string[] } | { ok: false; error: ItemError };
export type SnapshotRead = { ok: true; snapshot: MachineSnapshot; warnings?: readonly string[] } | { ok: false; error: ItemError };

function optionsOf(params: Record<string, unknown>): Checked<EvaluateOptions> {
  const raw = params['options'] ?? {};
  if (!isRecord(raw)) return invalid('params.options', 'must be an object');
  const roles = raw['roles'] ?? [];
  if (!Array.isArray(roles) || !roles.every((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r))) {
    return invalid('params.options.roles', `must be an array of ${ROLES.join(', ')}`);
  }
  const discovery = raw['discovery'] ?? false;
  if (typeof discovery !== 'boolean') return invalid('params.options.discovery', 'must be a boolean');
  return { ok: true, value: { roles, discovery } };
}

/**
 * A snapshot file's text by its byte order mark: UTF-16LE (what Windows PowerShell 5.1's Out-File and Set-Content
 * -Encoding Unicode write), UTF-16BE, or UTF-8 with or without one. The BOM is dropped.
 */
function jsonText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return body.swap16().toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Whether the first character after any byte order mark is '{' (a snapshot whatever its name), without decoding the file. */
export function startsLikeJson(b: Buffer): boolean {
  if (b[0] === 0x7b) return true;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b[3] === 0x7b;
  if (b[0] === 0xff && b[1] === 0xfe) return b[2] === 0x7b && b[3] === 0x00;
  if (b[0] === 0xfe && b[1] === 0xff) return b[2] === 0x00 && b[3] === 0x7b;
  return false;
}

/** Reads one image file into a snapshot: the only I/O here. `.json` (or text starting with `{`) is a snapshot, anything else a `.reg` export. */
export function readImage(path: string): SnapshotRead {
  const read = readBoundedFile(path, MAX_IMAGE_BYTES, 'a registry image or snapshot');
  if (!read.ok) return { ok: false, error: { code: read.code, file: path, line: null, message: visible(read.message), errors: [] } };
  const bytes = read.bytes;
  const looksJson = extname(path).toLowerCase() === '.json' || startsLikeJson(bytes);
  if (looksJson) {
    const snap = snapshotFromJsonText(jsonText(bytes), path);
    if (!snap.ok) {
      const { kind, ...error } = snap.error;
      return { ok: false, error: { code: kind === 'malformed' ? 'SnapshotMalformed' : 'SnapshotInvalid', ...error } };
    }
    // A snapshot read from a file is an image of that machine, whoever collected it.
    return { ok: true, snapshot: { ...snap.value, source: 'Image' } };
  }
  const snap = readRegSnapshot(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  if (!snap.ok) return { ok: false, error: { code: 'ImageMalformed', ...snap.error } };
  const { snapshot, warnings } = snap.value;
  return warnings.length === 0 ? { ok: true, snapshot } : { ok: true, snapshot, warnings };
}

/** At most this many fleets (readiness.evaluate calls with `fleet`) wait for readiness.fleet; the oldest is dropped. */
export const MAX_OPEN_FLEETS = 8;

/** Evaluates one machine; an Exchange server of a fleet is also kept for EXCH-009 and its result carries its key. */
function evaluate(snapshot: MachineSnapshot, options: EvaluateOptions, fleet: FleetParts | null): ItemResult {
  const m = machineFacts(snapshot);
  const readiness = toPowerShellShape(evaluateFacts(m, options));
  if (fleet === null || !exchangeFleetMember(m, options)) return { ok: true, readiness };
  fleet.members.push(m);
  return { ok: true, readiness, fleetKey: fleet.members.length - 1 };
}

/**
 * snapshot.read {items: [{path}]} -> {results: [{ok: true, snapshot} | {ok: false, error}]}: an image file as a
 * TLS365 snapshot (for `Get-Tls365Readiness -Snapshot`, and to turn .reg exports into snapshot files).
 */
export const snapshotRead: Handler = (params, _session, notify) => streamItems(params, MAX_READINESS_ITEMS, notify, (item, path) => {
  const file = item['path'];
  return typeof file === 'string' ? { ok: true, value: readImage(file) } : invalid(`${path}.path`, 'must be a string');
});

/**
 * readiness.evaluate {items: [{path} | {snapshot, origin?}], options?: {roles, discovery}, fleet?: id}
 *   -> {results: [{ok: true, readiness, fleetKey?} | {ok: false, error: {code, file, line, message, errors}}]}, in item order;
 *   readiness is in the PowerShell object shape (readiness-shape.ts).
 * One unreadable or malformed input is that item's failure; every other machine is still evaluated. With
 * `stream: true`, each result is an `item` notification as it is known (params.ts, streamItems).
 *
 * With `fleet`, the batches of one command form a fleet: each Exchange server that TLS365-EXCH-009 can group
 * is kept (its derived facts, not its result) and its result carries a `fleetKey`; readiness.fleet then gives
 * the EXCH-009 findings of the whole fleet, which the module attaches before it writes those servers' results.
 */
export const readinessEvaluate: Handler = (params, session, notify) => {
  const record = isRecord(params) ? params : {};
  const options = optionsOf(record);
  if (!options.ok) return options;
  let fleet: FleetParts | null = null;
  if (record['fleet'] !== undefined) {
    const id = entryId(record, 'fleet');
    if (!id.ok) return id;
    session.fleets ??= new Map<string, FleetParts>();
    fleet = entryOf(session.fleets, id.value, MAX_OPEN_FLEETS, () => ({ members: [], options: options.value }));
  }
  return streamItems(params, MAX_READINESS_ITEMS, notify, (item, path): Checked<ItemResult> => {
    if (typeof item['path'] === 'string') {
      const read = readImage(item['path']);
      if (!read.ok) return { ok: true, value: read };
      const done = evaluate(read.snapshot, options.value, fleet);
      return { ok: true, value: read.warnings === undefined || !done.ok ? done : { ...done, warnings: read.warnings } };
    }
    if (item['snapshot'] === undefined) return invalid(path, 'must have a path (string) or a snapshot (object)');
    const origin = typeof item['origin'] === 'string' ? item['origin'] : path;
    const snap = snapshotFromJson(item['snapshot'], origin);
    return { ok: true, value: snap.ok ? evaluate(snap.value, options.value, fleet) : { ok: false, error: { code: 'SnapshotInvalid', ...snap.error } } };
  });
};

/**
 * readiness.fleet {fleet} -> {members, results: [{fleetKey, finding}]}: TLS365-EXCH-009 across every Exchange
 * server the fleet's readiness.evaluate calls kept, findings in the TLS365.Finding shape. The fleet is dropped.
 * An unknown fleet (nothing kept, or dropped as the oldest) has no members and no findings.
 */
export const readinessFleet: Handler = (params, session) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const id = entryId(params, 'fleet');
  if (!id.ok) return id;
  const parts = takeEntry(session.fleets, id.value);
  if (parts === undefined) return { ok: true, result: { members: 0, results: [] } };
  const results = exchangeFleetFindings(parts.members, parts.options).map((f) => ({ fleetKey: f.index, finding: findingShape(f.finding) }));
  return { ok: true, result: { members: parts.members.length, results } };
};
