import { writeFileSync } from 'node:fs';
import { failureKind, renderReportHtml, summarize, type ReportChange, type ReportEffective, type ReportEndpoint, type ReportFailure, type ReportFinding, type ReportMachine } from '../core/index.js';
import { dayValue } from '../core/endpoints/dates.js';
import type { Handler, Outcome } from './dispatch.js';
import { readBoundedFile } from './files.js';
import { invalid, isRecord, type Checked } from './params.js';

/**
 * The fleet report method. The module spools its TLS365.Readiness objects (as PowerShell serialises them) and
 * its ErrorRecords to a file as they come, one JSON line per batch ({machines, failures}); report.write reads
 * that spool, renders the core's HTML and writes it to the one path named (or returns it). One call, nothing
 * kept between requests (issue 14): a bridge restarted while the pipeline ran loses nothing.
 *
 * Input is validated field by field (-32602 naming the path). PowerShell unwraps one-element arrays and
 * writes absent arrays as null, so a string where a list is expected is a list of one and null is empty;
 * Windows PowerShell 5.1's {"value": [...], "Count": n} form of an array is read as the array.
 */
/** Most machines and failures in one spool line (a batch of the module's). */
export const MAX_REPORT_BATCH = 5000;
/** The largest spool read: 200,000 machines at about 5 KB each. */
export const MAX_SPOOL_BYTES = 1024 * 1024 * 1024;

const ok = (result: unknown): Outcome => ({ ok: true, result });
type Reader<T> = (x: unknown, path: string) => Checked<T>;

const str: Reader<string> = (x, path) => (typeof x === 'string' ? { ok: true, value: x } : invalid(path, 'must be a string'));
const optStr: Reader<string> = (x, path) => (x === null || x === undefined ? { ok: true, value: '' } : str(x, path));
/** Windows PowerShell 5.1's ConvertTo-Json can write an ETS-wrapped array as {"value": [...], "Count": n}. */
const wrappedArray = (x: unknown): readonly unknown[] | null =>
  (isRecord(x) && Array.isArray(x['value']) && typeof x['Count'] === 'number' && Object.keys(x).length === 2 ? x['value'] : null);

const list = <T>(read: Reader<T>): Reader<T[]> => (x, path) => {
  const items = x === null || x === undefined ? [] : Array.isArray(x) ? x : wrappedArray(x) ?? [x];
  const out: T[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const r = read(items[i], `${path}[${i}]`);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
};
const record = (x: unknown, path: string): Checked<Record<string, unknown>> => (isRecord(x) ? { ok: true, value: x } : invalid(path, 'must be an object'));

const change: Reader<ReportChange> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const action = str(r.value['Action'], `${path}.Action`);
  const key = str(r.value['Key'], `${path}.Key`);
  const name = optStr(r.value['Name'], `${path}.Name`);
  if (!action.ok) return action;
  if (!key.ok) return key;
  if (!name.ok) return name;
  const command = optStr(r.value['Command'], `${path}.Command`);
  if (!command.ok) return command;
  const v = r.value['Value'];
  if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number') return invalid(`${path}.Value`, 'must be a string, a number or null');
  return { ok: true, value: { action: action.value, key: key.value, name: name.value, value: v ?? null, command: command.value === '' ? null : command.value } };
};

/** A day written YYYY-MM-DD ('0000-01-01' included: an endpoint that never accepted the machine). */
const day: Reader<string> = (x, path) => (typeof x === 'string' && (x === '0000-01-01' || dayValue(x) !== null) ? { ok: true, value: x } : invalid(path, 'must be a day written YYYY-MM-DD'));

/** A finding's Endpoint (TLS365-ENDPOINT-001..003): {Id, Name, BreaksOn}, or null (absent in objects made before it existed). */
const endpoint: Reader<ReportEndpoint | null> = (x, path) => {
  if (x === null || x === undefined) return { ok: true, value: null };
  if (!isRecord(x)) return invalid(path, 'must be an object {Id, Name, BreaksOn} or null');
  const id = str(x['Id'], `${path}.Id`);
  const name = optStr(x['Name'], `${path}.Name`);
  const breaksOn = day(x['BreaksOn'], `${path}.BreaksOn`);
  if (!id.ok) return id;
  if (id.value === '') return invalid(`${path}.Id`, 'must be an endpoint profile id, not empty');
  if (!name.ok) return name;
  if (!breaksOn.ok) return breaksOn;
  return { ok: true, value: { id: id.value, name: name.value || id.value, breaksOn: breaksOn.value } };
};

const finding: Reader<ReportFinding> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const f = r.value;
  const ruleId = str(f['RuleId'], `${path}.RuleId`);
  const severity = str(f['Severity'], `${path}.Severity`);
  const components = list(str)(f['Component'], `${path}.Component`);
  const message = optStr(f['Message'], `${path}.Message`);
  if (!ruleId.ok) return ruleId;
  if (!severity.ok) return severity;
  if (!components.ok) return components;
  if (!message.ok) return message;
  const rawFix = f['Fix'];
  let fix: ReportFinding['fix'] = null;
  if (rawFix !== null && rawFix !== undefined) {
    const fr = record(rawFix, `${path}.Fix`);
    if (!fr.ok) return fr;
    const text = optStr(fr.value['Text'], `${path}.Fix.Text`);
    const changes = list(change)(fr.value['Changes'], `${path}.Fix.Changes`);
    const updates = list(str)(fr.value['Updates'], `${path}.Fix.Updates`);
    const restart = optStr(fr.value['Restart'], `${path}.Fix.Restart`);
    if (!text.ok) return text;
    if (!changes.ok) return changes;
    if (!updates.ok) return updates;
    if (!restart.ok) return restart;
    fix = { text: text.value, changes: changes.value, updates: updates.value, restart: restart.value || 'none' };
  }
  const ep = endpoint(f['Endpoint'], `${path}.Endpoint`);
  if (!ep.ok) return ep;
  // Without an Endpoint the finding is as it always was (no `endpoint` key): older objects render the same.
  return { ok: true, value: { ruleId: ruleId.value, severity: severity.value, components: components.value, message: message.value, fix, ...(ep.value === null ? {} : { endpoint: ep.value }) } };
};

const component: Reader<ReportMachine['components'][number]> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const name = str(r.value['Name'], `${path}.Name`);
  const status = str(r.value['Status'], `${path}.Status`);
  const reason = optStr(r.value['Reason'], `${path}.Reason`);
  if (!name.ok) return name;
  if (!status.ok) return status;
  if (!reason.ok) return reason;
  return { ok: true, value: { name: name.value, status: status.value, reason: reason.value } };
};

/** A string, or null (absent is null too). */
const strOrNull: Reader<string | null> = (x, path) => (x === null || x === undefined ? { ok: true, value: null } : str(x, path));

/** One TLS365.EffectiveSetting: {Component, Setting, Value, Origin} strings, {Where, Note} a string or null. */
const effective: Reader<ReportEffective> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const e = r.value;
  const componentName = str(e['Component'], `${path}.Component`);
  const setting = str(e['Setting'], `${path}.Setting`);
  const value = str(e['Value'], `${path}.Value`);
  const origin = str(e['Origin'], `${path}.Origin`);
  const where = strOrNull(e['Where'], `${path}.Where`);
  const note = strOrNull(e['Note'], `${path}.Note`);
  if (!componentName.ok) return componentName;
  if (!setting.ok) return setting;
  if (!value.ok) return value;
  if (!origin.ok) return origin;
  if (!where.ok) return where;
  if (!note.ok) return note;
  return { ok: true, value: { component: componentName.value, setting: setting.value, value: value.value, origin: origin.value, where: where.value, note: note.value } };
};

/** One TLS365.Readiness object as PowerShell's ConvertTo-Json writes it. */
export const machine: Reader<ReportMachine> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const m = r.value;
  const computerName = str(m['ComputerName'], `${path}.ComputerName`);
  const source = optStr(m['Source'], `${path}.Source`);
  if (!computerName.ok) return computerName;
  if (!source.ok) return source;
  const os = isRecord(m['OS']) ? m['OS'] : {};
  const osName = optStr(os['Name'], `${path}.OS.Name`);
  if (!osName.ok) return osName;
  const build = os['Build'];
  if (build !== null && build !== undefined && (typeof build !== 'number' || !Number.isInteger(build))) return invalid(`${path}.OS.Build`, 'must be an integer or null');
  if (typeof m['Ready'] !== 'boolean') return invalid(`${path}.Ready`, 'must be true or false');
  const components = list(component)(m['Components'], `${path}.Components`);
  const findings = list(finding)(m['Findings'], `${path}.Findings`);
  const missing = list(str)(m['MissingUpdates'], `${path}.MissingUpdates`);
  // Objects made before TlsSettings existed (Import-Clixml of an older run) have none: they are not grouped.
  const settings = list(str)(m['TlsSettings'], `${path}.TlsSettings`);
  // Likewise Effective (issue 16 item 2): absent or null is none, and the details show no "In effect" table.
  const inEffect = list(effective)(m['Effective'], `${path}.Effective`);
  if (!components.ok) return components;
  if (!findings.ok) return findings;
  if (!missing.ok) return missing;
  if (!settings.ok) return settings;
  if (!inEffect.ok) return inEffect;
  return {
    ok: true,
    value: {
      computerName: computerName.value, source: source.value, os: { name: osName.value, build: build ?? null }, ready: m['Ready'],
      components: components.value, findings: findings.value, missingUpdates: missing.value, settings: settings.value, effective: inEffect.value,
    },
  };
};

/** One ErrorRecord, reduced by the module to {Target, ErrorId, Message}. */
export const failure: Reader<ReportFailure> = (x, path) => {
  const r = record(x, path);
  if (!r.ok) return r;
  const target = optStr(r.value['Target'], `${path}.Target`);
  const errorId = optStr(r.value['ErrorId'], `${path}.ErrorId`);
  const message = optStr(r.value['Message'], `${path}.Message`);
  if (!target.ok) return target;
  if (!errorId.ok) return errorId;
  if (!message.ok) return message;
  return { ok: true, value: { target: target.value || '(unknown)', kind: failureKind(errorId.value), errorId: errorId.value, message: message.value } };
};

/** The spool's batches, checked line by line; an error names the spool, the line and the field. */
type Spool = { readonly kind: 'read'; readonly machines: ReportMachine[]; readonly failures: ReportFailure[] } | { readonly kind: 'problem'; readonly code: 'SpoolUnreadable' | 'SpoolMalformed'; readonly message: string };

function readSpool(spool: string): Spool {
  const read = readBoundedFile(spool, MAX_SPOOL_BYTES, 'a report spool');
  if (!read.ok) return { kind: 'problem', code: 'SpoolUnreadable', message: read.message };
  const machines: ReportMachine[] = [];
  const failures: ReportFailure[] = [];
  const lines = read.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const text = (lines[i] as string).trim();
    if (text === '') continue;
    let batch: unknown;
    try {
      batch = JSON.parse(text);
    } catch (e) {
      return { kind: 'problem', code: 'SpoolMalformed', message: `${spool}:${i + 1}: not JSON (${e instanceof Error ? e.message : String(e)})` };
    }
    if (!isRecord(batch)) return { kind: 'problem', code: 'SpoolMalformed', message: `${spool}:${i + 1}: a batch is an object {machines, failures}` };
    const m = list(machine)(batch['machines'], `${spool}:${i + 1}: machines`);
    if (!m.ok) return { kind: 'problem', code: 'SpoolMalformed', message: m.error.message };
    const f = list(failure)(batch['failures'], `${spool}:${i + 1}: failures`);
    if (!f.ok) return { kind: 'problem', code: 'SpoolMalformed', message: f.error.message };
    if (m.value.length + f.value.length > MAX_REPORT_BATCH) return { kind: 'problem', code: 'SpoolMalformed', message: `${spool}:${i + 1}: at most ${MAX_REPORT_BATCH} machines and failures per batch` };
    machines.push(...m.value);
    failures.push(...f.value);
  }
  return { kind: 'read', machines, failures };
}

/**
 * report.write {spool, title, generatedAt, path?, asOf?} -> {ok: true, path, bytes, summary} or, without path,
 * {ok: true, html, summary}. `spool` is the module's file of batches (JSON lines {machines?, failures?}). A spool
 * that cannot be read or holds a malformed batch is {ok: false, error: {code: 'SpoolUnreadable' | 'SpoolMalformed',
 * file, message}} naming the line and field, and nothing is written; a file that cannot be written is
 * {ok: false, error: {code: 'FileUnwritable', file, message}}. `asOf` (YYYY-MM-DD or null) is the day the endpoint
 * profiles were judged on (Get-Tls365Readiness -AsOf): the endpoint section then counts the days left to each date.
 */
export const reportWrite: Handler = (params) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const spool = str(params['spool'], 'params.spool');
  if (!spool.ok) return spool;
  const title = str(params['title'], 'params.title');
  if (!title.ok) return title;
  const generatedAt = str(params['generatedAt'], 'params.generatedAt');
  if (!generatedAt.ok) return generatedAt;
  const path = params['path'];
  if (path !== undefined && path !== null && (typeof path !== 'string' || path === '')) return invalid('params.path', 'must be a non-empty string or null');
  const rawAsOf = params['asOf'];
  let asOf: string | null = null;
  if (rawAsOf !== undefined && rawAsOf !== null) {
    if (typeof rawAsOf !== 'string' || dayValue(rawAsOf) === null) return invalid('params.asOf', 'must be a day written YYYY-MM-DD, or null');
    asOf = rawAsOf;
  }
  const parts = readSpool(spool.value);
  if (parts.kind === 'problem') return ok({ ok: false, error: { code: parts.code, file: spool.value, message: `${parts.message}; nothing was written` } });
  const input = { title: title.value, generatedAt: generatedAt.value, machines: parts.machines, failures: parts.failures, asOf };
  const html = renderReportHtml(input);
  const s = summarize(parts.machines, parts.failures);
  const summary = { Machines: s.machines.total, Ready: s.machines.Ready, NotReady: s.machines.NotReady, Unknown: s.machines.Unknown, Unreachable: s.machines.Unreachable, Failed: s.machines.Failed };
  if (typeof path !== 'string') return ok({ ok: true, html, summary });
  const bytes = Buffer.from(html, 'utf8');
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    return ok({ ok: false, error: { code: 'FileUnwritable', file: path, message: `${path}: cannot write the report (${code})` } });
  }
  return ok({ ok: true, path, bytes: bytes.length, summary });
};
