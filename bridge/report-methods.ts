import { writeFileSync } from 'node:fs';
import { failureKind, renderReportHtml, summarize, type ReportChange, type ReportFailure, type ReportFinding, type ReportMachine } from '../core/index.js';
import type { Handler, Outcome, ReportParts } from './dispatch.js';
import { entryId, entryOf, takeEntry } from './session-store.js';
import { invalid, isRecord, type Checked } from './params.js';

/**
 * The fleet report methods. The module streams its TLS365.Readiness objects (as PowerShell serialises them)
 * and its ErrorRecords in batches with report.add, then report.write renders the core's HTML and writes it to
 * the one path named (or returns it). A report lives in the session between the two calls; at most
 * MAX_OPEN_REPORTS are kept (a pipeline stopped with Ctrl+C never calls report.write), oldest dropped first.
 *
 * Input is validated field by field (-32602 naming the path). PowerShell unwraps one-element arrays and
 * writes absent arrays as null, so a string where a list is expected is a list of one and null is empty;
 * Windows PowerShell 5.1's {"value": [...], "Count": n} form of an array is read as the array.
 */
export const MAX_OPEN_REPORTS = 8;
export const MAX_REPORT_BATCH = 5000;

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
  const v = r.value['Value'];
  if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number') return invalid(`${path}.Value`, 'must be a string, a number or null');
  return { ok: true, value: { action: action.value, key: key.value, name: name.value, value: v ?? null } };
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
  return { ok: true, value: { ruleId: ruleId.value, severity: severity.value, components: components.value, message: message.value, fix } };
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
  if (!components.ok) return components;
  if (!findings.ok) return findings;
  if (!missing.ok) return missing;
  return {
    ok: true,
    value: {
      computerName: computerName.value, source: source.value, os: { name: osName.value, build: build ?? null }, ready: m['Ready'],
      components: components.value, findings: findings.value, missingUpdates: missing.value,
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

/** report.add {report, machines?: [Readiness], failures?: [{Target, ErrorId, Message}]} -> {machines, failures} so far. */
export const reportAdd: Handler = (params, session) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const id = entryId(params, 'report');
  if (!id.ok) return id;
  const machines = list(machine)(params['machines'], 'params.machines');
  if (!machines.ok) return machines;
  const failures = list(failure)(params['failures'], 'params.failures');
  if (!failures.ok) return failures;
  if (machines.value.length + failures.value.length > MAX_REPORT_BATCH) return invalid('params', `at most ${MAX_REPORT_BATCH} machines and failures per report.add`);
  session.reports ??= new Map<string, ReportParts>();
  const parts = entryOf(session.reports, id.value, MAX_OPEN_REPORTS, () => ({ machines: [], failures: [] }));
  parts.machines.push(...machines.value);
  parts.failures.push(...failures.value);
  return ok({ machines: parts.machines.length, failures: parts.failures.length });
};

/**
 * report.write {report, title, generatedAt, path?, expect?: {machines, failures}} -> {ok: true, path, bytes, summary}
 * or, without path, {ok: true, html, summary}; a file that cannot be written is {ok: false, error: {code:
 * 'FileUnwritable', file, message}}, and a report that does not hold what `expect` says was sent is
 * {ok: false, error: {code: 'Incomplete', ...}} with nothing written.
 * The report is dropped from the session either way.
 */
export const reportWrite: Handler = (params, session) => {
  if (!isRecord(params)) return invalid('params', 'must be an object');
  const id = entryId(params, 'report');
  if (!id.ok) return id;
  const title = str(params['title'], 'params.title');
  if (!title.ok) return title;
  const generatedAt = str(params['generatedAt'], 'params.generatedAt');
  if (!generatedAt.ok) return generatedAt;
  const path = params['path'];
  if (path !== undefined && path !== null && (typeof path !== 'string' || path === '')) return invalid('params.path', 'must be a non-empty string or null');
  const parts = takeEntry(session.reports, id.value) ?? { machines: [], failures: [] };
  // The module says how many it sent: a bridge restarted between report.add and report.write (or a report
  // dropped as the oldest) would otherwise render a partial page that looks whole.
  const expect = params['expect'];
  if (expect !== undefined) {
    if (!isRecord(expect) || !Number.isInteger(expect['machines']) || !Number.isInteger(expect['failures'])) return invalid('params.expect', 'must be {machines, failures} (integers)');
    if (expect['machines'] !== parts.machines.length || expect['failures'] !== parts.failures.length) {
      return ok({ ok: false, error: { code: 'Incomplete', file: typeof path === 'string' ? path : null, message: `the bridge holds ${parts.machines.length} of ${String(expect['machines'])} machines and ${parts.failures.length} of ${String(expect['failures'])} failures for this report (it was restarted or the report was dropped); nothing was written` } });
    }
  }
  const input = { title: title.value, generatedAt: generatedAt.value, machines: parts.machines, failures: parts.failures };
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
