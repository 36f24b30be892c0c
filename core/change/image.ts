import { getKey, getValue, subkeys, type RegImage, type RegValue } from '../regfile/index.js';
import { BACKUP_SCHEMA, type Backup, type Plan } from '../plan/model.js';
import { applyPlan } from '../plan/apply.js';
import type { PlanError } from '../plan/model.js';
import { fail, ok, type Result } from '../model/result.js';
import { CHANGE_SCHEMA, type ChangeRecord, type ChangeTarget } from './record.js';
import type { RestoreReads } from './transaction.js';
import { createdKeysToCheck } from './transaction.js';

/**
 * The registry-image back end's pure part: an image is changed in memory (core/plan/image.ts writes the values
 * and records where each stood, so that the restore puts back the same bytes), and described by the same
 * ChangeRecord as a live change. The bridge (bridge/plan-methods.ts) does the file I/O: the lock, the backup
 * files, the write through a temporary file, the read-back.
 */

/** The plan applied to an image: the new image and the record of the change (target filled by the caller). */
export function changeImage(image: RegImage, plan: Plan, target: ChangeTarget, createdAt: string): Result<{ readonly image: RegImage; readonly record: ChangeRecord }, readonly PlanError[]> {
  const applied = applyPlan(image, plan);
  if (!applied.ok) return fail(applied.error);
  const b = applied.value.backup;
  const entries = b.entries.map((e, i) => {
    const c = plan.changes[i];
    const after: RegValue | null = c === undefined || c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD', data: c.data } : { type: 'REG_SZ', data: c.data };
    return { ...e, after };
  });
  return ok({ image: applied.value.image, record: { schema: CHANGE_SCHEMA, target, createdAt, entries, createdKeys: b.createdKeys, addedSections: b.addedSections } });
}

/** The record as the image restore (core/plan/image.ts restoreValues) takes it. */
export const backupOf = (record: ChangeRecord): Backup =>
  ({ schema: BACKUP_SCHEMA, entries: record.entries, createdKeys: record.createdKeys, addedSections: record.addedSections });

/** An image holds a key when it lists it or a key below it. */
export const imageHasKey = (image: RegImage, key: string): boolean => getKey(image, key) !== undefined || subkeys(image, key).length > 0;

/** The values of the record's entries as an image holds them (null: absent), in entry order. */
export const imageValues = (image: RegImage, record: ChangeRecord): readonly (RegValue | null)[] =>
  record.entries.map((e) => getValue(image, e.key, e.name) ?? null);

/** What judgeRestore needs from an image after a restore. */
export const imageRestoreReads = (image: RegImage, record: ChangeRecord): RestoreReads =>
  ({ values: imageValues(image, record), keysLeft: createdKeysToCheck(record).map((k) => imageHasKey(image, k)) });
