import { extname } from 'node:path';
import {
  evaluateFacts, exchangeFleetSignature, fleetFindings, machineFacts, readRegSnapshot, snapshotFromJson, snapshotFromJsonText,
  type Component, type EvaluateOptions, type FleetSignature, type MachineSnapshot, type Role,
} from '../core/index.js';
import { visible } from '../core/model/visible.js';
import { alignFixes } from '../core/plan/align-fixes.js';
import { planFromEvaluation } from '../core/plan/plan.js';
import { effectiveSettings } from '../core/readiness/origins.js';
import { tlsSettings } from '../core/readiness/settings.js';
import { COMPONENTS } from '../core/readiness/model.js';
import { ROLES } from '../core/readiness/roles.js';
import type { Handler } from './dispatch.js';
import { findingShape, toPowerShellShape } from './readiness-shape.js';
import { endpointOptionsOf } from './endpoint-options.js';
import { invalid, isRecord, streamItems, type Checked } from './params.js';
import { MAX_IMAGE_BYTES, readBoundedFile } from './files.js';

/** Most machines per readiness request: replies stay a few MB, which Windows PowerShell 5.1 parses comfortably. */
export const MAX_READINESS_ITEMS = 5000;

/** A per-item failure: `file` as given (the caller's target), `message` and `errors` for display (control characters as \xHH). */
export interface ItemError { code: string; file: string | null; line: number | null; message: string; errors: readonly string[] }
/**
 * `warnings`: what the user should know about an input that was still read (`file:line: message`, for display),
 * such as bytes that were not valid in a .reg file's encoding; present only when there are some.
 */
type ItemResult = { ok: true; readiness: unknown; fleet?: FleetSignature; warnings?: readonly string[] } | { ok: false; error: ItemError };
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
  const judged = endpointOptionsOf(raw, 'params.options');
  if (!judged.ok) return judged;
  return { ok: true, value: { roles, discovery, ...judged.value } };
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

/** Evaluates one machine; with `fleet`, an Exchange server that TLS365-EXCH-009 groups also gets its signature. */
function evaluate(snapshot: MachineSnapshot, options: EvaluateOptions, fleet: boolean): ItemResult {
  const m = machineFacts(snapshot);
  const verdict = evaluateFacts(m, options);
  // What Set-Tls365Protocols with its defaults would write, and the findings' fixes told as it writes them
  // (issue 17, item 2): the plan reuses this evaluation, so each machine is evaluated twice, not three times.
  // A machine with no Fail or Warn finding gets an empty plan (the planner's changes fix findings or mirror a
  // value the machine already has wrong; tests/core/plan/align-fixes.test.ts holds this on every image), so its
  // plan is not made: 6 of 10 machines in the bench, half the plan's cost.
  const settings = tlsSettings(m);
  const needsPlan = verdict.findings.some((f) => f.severity === 'Fail' || f.severity === 'Warn');
  const plan = needsPlan ? planFromEvaluation(snapshot, m, verdict, options, { roles: options.roles, ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.endpoints === undefined ? {} : { endpoints: options.endpoints }) }) : null;
  const effective = effectiveSettings(m);
  const asOf = options.asOf ?? null;
  const readiness = plan === null ? toPowerShellShape(verdict, [], settings, effective, asOf)
    : plan.ok ? toPowerShellShape(alignFixes(verdict, plan.value), plan.value.changes, settings, effective, asOf) : toPowerShellShape(verdict, null, settings, effective, asOf);
  const signature = fleet ? exchangeFleetSignature(m, options) : null;
  return signature === null ? { ok: true, readiness } : { ok: true, readiness, fleet: signature };
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
 * readiness.evaluate {items: [{path} | {snapshot, origin?}], options?: {roles, discovery}, fleet?: boolean}
 *   -> {results: [{ok: true, readiness, fleet?: signature} | {ok: false, error: {code, file, line, message, errors}}]}, in item order;
 *   readiness is in the PowerShell object shape (readiness-shape.ts).
 * One unreadable or malformed input is that item's failure; every other machine is still evaluated. With
 * `stream: true`, each result is an `item` notification as it is known (params.ts, streamItems).
 *
 * With `fleet: true`, each Exchange server that TLS365-EXCH-009 can group also gets `fleet`: its signature (its
 * name and the raw settings the rule compares). The module keeps the signatures of one command and asks
 * readiness.fleet once: nothing is kept here between requests, so a bridge restarted between batches loses nothing.
 */
export const readinessEvaluate: Handler = (params, _session, notify) => {
  const record = isRecord(params) ? params : {};
  const options = optionsOf(record);
  if (!options.ok) return options;
  const rawFleet = record['fleet'] ?? false;
  if (typeof rawFleet !== 'boolean') return invalid('params.fleet', 'must be true or false');
  const fleet = rawFleet;
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

const KNOWN_COMPONENTS: ReadonlySet<string> = new Set<string>(COMPONENTS);

/** A signature as readiness.evaluate gave it, back from the module: checked field by field. */
function signatureOf(raw: unknown, path: string): Checked<FleetSignature> {
  if (!isRecord(raw) || typeof raw['name'] !== 'string' || !Array.isArray(raw['settings'])) return invalid(path, 'must be {name, settings} as readiness.evaluate returned it');
  const settings: FleetSignature['settings'][number][] = [];
  for (let i = 0; i < raw['settings'].length; i += 1) {
    const x = raw['settings'][i] as unknown;
    if (!isRecord(x) || typeof x['label'] !== 'string' || typeof x['value'] !== 'string' || typeof x['component'] !== 'string' || !KNOWN_COMPONENTS.has(x['component'])) {
      return invalid(`${path}.settings[${i}]`, 'must be {label, component, value} (strings; component a TLS365 component)');
    }
    settings.push({ label: x['label'], component: x['component'] as Component, value: x['value'] });
  }
  return { ok: true, value: { name: raw['name'], settings } };
}

/**
 * readiness.fleet {members: [signature]} -> {results: [{index, finding}]}: TLS365-EXCH-009 across the Exchange
 * servers of one command, from the signatures readiness.evaluate returned with their results; `index` is the
 * member's position, findings are in the TLS365.Finding shape. Pure: it keeps and needs nothing else.
 */
export const readinessFleet: Handler = (params) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const members = params['members'];
  if (!Array.isArray(members)) return invalid('params.members', 'must be an array of signatures');
  const signatures: FleetSignature[] = [];
  for (let i = 0; i < members.length; i += 1) {
    const sig = signatureOf(members[i], `params.members[${i}]`);
    if (!sig.ok) return sig;
    signatures.push(sig.value);
  }
  const results = fleetFindings(signatures).map((f) => ({ index: f.index, finding: findingShape(f.finding) }));
  return { ok: true, result: { results } };
};
