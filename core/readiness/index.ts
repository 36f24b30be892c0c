/** Readiness: snapshot schema, sources of snapshots, and the evaluation. */
export { evaluateFacts, evaluateSnapshot } from './evaluate.js';
export { machineFacts, type MachineFacts } from './facts.js';
export { EXCH_009, exchangeFleetFindings, exchangeFleetMember, exchangeFleetSignature, fleetFindings, type FleetSignature } from './rules/exchange/TLS365-EXCH-009.js';
export { readRegSnapshot, snapshotFromJson, snapshotFromJsonText, snapshotFromReg, type InputError, type RegSnapshot, type SnapshotTextError } from './from-reg.js';
export { SNAPSHOT_SCHEMA, validateSnapshot, type MachineSnapshot, type SnapshotSource } from './snapshot.js';
export { COMPONENTS, type Component, type ComponentStatus, type ComponentVerdict, type Finding, type Fix, type Readiness, type RegChange, type Severity } from './model.js';
export type { EvaluateOptions, Role } from './rule.js';
export { RULES } from './rules/index.js';
export { renderRuleCatalogue } from './catalogue.js';
