/**
 * Remediation planning, pure: Set-Tls365Protocols, Undo-Tls365Change and Export-Tls365Remediation rest on it.
 *
 *   planRemediation(snapshot, options)  -> Plan (registry changes, updates, restart, warnings, unresolved)
 *   applyPlan(image, plan)              -> { image, backup }      undo(image, backup) -> the prior image
 *   rewriteRefusal(parsed)              -> why an image file may not be written back (bytes read as U+FFFD), or null
 *   renderPlanReg(plan) / renderBackupReg(backup)               -> .reg text + UTF-16LE bytes
 *   renderApplyScript / renderSccmDiscoveryScript / renderSccmRemediationScript / renderIntune*Script(plan) -> PowerShell text
 *
 * Every function returns errors as data (Result); nothing throws for bad input.
 */
export {
  BACKUP_SCHEMA, PLAN_SCHEMA,
  type Backup, type BackupEntry, type Plan, type PlanChange, type PlanComponent, type PlanError, type PlanErrorCode, type PlanOp, type PlanOptions,
  type PlanProtocol, type PlanSettings, type PlanTarget, type PlanUnresolved, type PlanUpdate, type PlanWarning, type PlanWarningCode, type Restart,
} from './model.js';
export { planRemediation } from './plan.js';
export { planSettings } from './options.js';
export { applyPlan, replayWrites, undo, validateBackup, type Applied } from './apply.js';
export { rewriteRefusal, type RewriteRefusal } from './rewrite.js';
export { validatePlan } from './validate.js';
export { renderBackupReg, renderPlanReg, type RenderedReg } from './render-reg.js';
export { renderApplyScript, renderScript, renderSccmDiscoveryScript, renderSccmRemediationScript, renderIntuneDetectionScript, renderIntuneRemediationScript, type ScriptKind } from './render-script.js';
export { psLiteral, psQuote } from './ps-literal.js';
export { changeCommand } from './change-command.js';
export { backupTrustProblems, enablesLegacySsl, inPlanScope, type TrustProblem } from './backup-trust.js';
