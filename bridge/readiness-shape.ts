import type { Finding, Readiness } from '../core/index.js';
import type { PlanChange } from '../core/plan/model.js';
import type { RegValue } from '../core/regfile/index.js';
import type { EffectiveSetting } from '../core/readiness/origins.js';
import type { TlsSetting } from '../core/readiness/settings.js';
import { visible } from '../core/model/visible.js';
import { asRegChange } from '../core/plan/align-fixes.js';
import { changeCommand } from '../core/plan/change-command.js';

/**
 * The readiness result in the exact shape of the PowerShell objects (TLS365.Readiness and its parts), so the
 * module only stamps type names on what ConvertFrom-Json gives it instead of rebuilding every object in
 * script (the module's main cost at fleet scale). Presentation only: no rule logic here.
 */
export function toPowerShellShape(r: Readiness, changes: readonly PlanChange[] | null = null, settings: readonly TlsSetting[] = [], effective: readonly EffectiveSetting[] = [], asOf: string | null = null): unknown {
  return {
    ComputerName: r.computerName,
    Source: r.source,
    OS: { Name: r.os.name, Build: r.os.build, UBR: r.os.ubr },
    Ready: r.ready,
    NotReady: r.components.filter((c) => c.status === 'NotReady').map((c) => c.name),
    Unknown: r.components.filter((c) => c.status === 'Unknown').map((c) => c.name),
    FailCount: r.findings.filter((f) => f.severity === 'Fail').length,
    WarnCount: r.findings.filter((f) => f.severity === 'Warn').length,
    MissingUpdates: r.missingUpdates,
    Changes: changes === null ? null : changes.map(plannedChangeShape),
    Components: r.components.map((c) => ({ Name: c.name, Status: c.status, Reason: c.reason })),
    Findings: r.findings.map(findingShape),
    TlsSettings: settings.map((x) => `${x.label}=${visible(x.value)}`),
    // What is in effect per component and where it comes from (issue 16 item 2): OS or patch-level default, local, Group Policy.
    // The day the endpoint profiles were judged on (YYYY-MM-DD; null when they were not judged).
    AsOf: asOf,
    Effective: effective.map((e) => ({ Component: e.component, Setting: e.setting, Value: visible(e.value), Origin: e.origin, Where: e.where === null ? null : visible(e.where), Note: e.note === null ? null : visible(e.note) })),
  };
}

const regData = (v: RegValue | null): unknown => (v === null ? null : typeof v.data === 'string' ? visible(v.data) : Array.isArray(v.data) ? v.data.map((x) => (typeof x === 'string' ? visible(x) : x)) : v.data);

/** One change of the plan Set-Tls365Protocols would make, as a TLS365.PlannedChange. */
function plannedChangeShape(c: PlanChange): unknown {
  return {
    Key: visible(c.key), Name: visible(c.name), Before: regData(c.before),
    After: c.op === 'delete-value' ? null : c.op === 'set-string' ? visible(c.data) : c.data,
    Command: changeCommand(asRegChange(c)), Fixes: c.fixes, Reason: c.reason, Restart: c.restart,
  };
}

/** One finding as a TLS365.Finding (also what readiness.fleet sends for EXCH-009). */
export function findingShape(f: Finding): unknown {
  return {
    RuleId: f.ruleId,
    Severity: f.severity,
    Component: f.components,
    Message: f.message,
    Fix: f.fix === null ? null : {
      Text: f.fix.text,
      // The core keeps changes exact (a plan writes them); shown here, a string built from the input (a cipher-suite
      // list) shows control characters as \xHH like every other text of the result.
      Changes: f.fix.changes.map((c) => ({
        Action: c.op, Key: visible(c.key), Name: visible(c.name), Value: c.op === 'delete-value' ? null : c.op === 'set-string' ? visible(c.data) : c.data,
        // The change as a command an admin can paste (reg.exe, or PowerShell when a part needs its quoting).
        Command: changeCommand(c),
      })),
      Updates: f.fix.updates,
      Restart: f.fix.restart,
    },
    Sources: f.sources,
    // Endpoint rules: which endpoint and from which day (the report counts machines per endpoint and date).
    Endpoint: f.endpoint === undefined ? null : { Id: f.endpoint.id, Name: f.endpoint.name, BreaksOn: f.endpoint.breaksOn },
  };
}
