import type { Finding, Readiness } from '../core/index.js';
import { visible } from '../core/model/visible.js';

/**
 * The readiness result in the exact shape of the PowerShell objects (TLS365.Readiness and its parts), so the
 * module only stamps type names on what ConvertFrom-Json gives it instead of rebuilding every object in
 * script (the module's main cost at fleet scale). Presentation only: no rule logic here.
 */
export function toPowerShellShape(r: Readiness): unknown {
  return {
    ComputerName: r.computerName,
    Source: r.source,
    OS: { Name: r.os.name, Build: r.os.build, UBR: r.os.ubr },
    Ready: r.ready,
    Components: r.components.map((c) => ({ Name: c.name, Status: c.status, Reason: c.reason })),
    Findings: r.findings.map(findingShape),
    MissingUpdates: r.missingUpdates,
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
      })),
      Updates: f.fix.updates,
      Restart: f.fix.restart,
    },
    Sources: f.sources,
  };
}
