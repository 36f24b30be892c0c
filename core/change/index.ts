/**
 * The change engine, pure: one transaction model (record, ordered writes, read-back check, rollback, undo
 * decision, restore judgement) for registry images and the live registry. See transaction.ts.
 */
export { CHANGE_SCHEMA, sameValue, valueShown, valueText, type ChangeEntry, type ChangeRecord, type ChangeTarget } from './record.js';
export { checkValue, fromKind, readChangeRecord } from './read-record.js';
export {
  beginChange, changeRows, checkWrites, createdKeysToCheck, judgeRestore, opSummary, rollbackOps, undoDecision,
  type PriorRead, type RegOp, type RestoreReads, type UndoDecision, type UndoOptions, type UndoRefusal, type ValueProblem,
} from './transaction.js';
export { backupOf, changeImage, imageHasKey, imageRestoreReads, imageValues } from './image.js';
