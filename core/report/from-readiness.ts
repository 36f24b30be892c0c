import type { Readiness } from '../readiness/model.js';
import type { ReportMachine } from './model.js';

/** A core readiness result as a report machine (used where the core's own results feed a report directly). */
export function reportMachineFrom(r: Readiness): ReportMachine {
  return {
    computerName: r.computerName,
    source: r.source,
    os: { name: r.os.name, build: r.os.build },
    ready: r.ready,
    components: r.components.map((c) => ({ name: c.name, status: c.status, reason: c.reason })),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      components: f.components,
      message: f.message,
      fix: f.fix === null ? null : {
        text: f.fix.text,
        changes: f.fix.changes.map((c) => ({ action: c.op, key: c.key, name: c.name, value: c.op === 'delete-value' ? null : c.data })),
        updates: f.fix.updates,
        restart: f.fix.restart,
      },
    })),
    missingUpdates: r.missingUpdates,
  };
}
