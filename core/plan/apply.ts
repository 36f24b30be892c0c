import { fail, ok, type Result } from '../model/result.js';
import type { RegImage, RegValue } from '../regfile/index.js';
import { restoreValues, writeValues, type ValueEdit } from './image.js';
import { BACKUP_SCHEMA, type Backup, type Plan, type PlanError } from './model.js';
import { checkKey, unsafeText, validatePlan } from './validate.js';

/**
 * Applying a plan to a registry image and undoing it, purely: the same thing Set-Tls365Protocols and
 * Undo-Tls365Change do to a live registry, on data. The backup records every value the plan touched with
 * its prior state (absent, or type and data) and the keys the plan created, so that
 * undo(applyPlan(image, plan).image, backup) is the original image, down to the bytes renderRegFile writes.
 */
export interface Applied {
  readonly image: RegImage;
  readonly backup: Backup;
}

export function applyPlan(image: RegImage, plan: Plan): Result<Applied, readonly PlanError[]> {
  const errors = validatePlan(plan);
  if (errors.length > 0) return fail(errors);
  const edits: ValueEdit[] = plan.changes.map((c) => {
    const key = checkKey(c.key, '');
    const value: RegValue | null = c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD', data: c.data } : { type: 'REG_SZ', data: c.data };
    return { key: key.ok ? key.value : c.key, name: c.name, value };
  });
  return ok(writeValues(image, edits));
}

const VALUE_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_DWORD_BIG_ENDIAN', 'REG_QWORD', 'REG_BINARY', 'REG_NONE', 'REG_OTHER']);

/**
 * The image Set wrote, made again from a backup's original image and the values it says Set wrote (keys
 * checked as a plan's are): the same edits in the same order give the same image, so its rendered bytes must
 * hash to what the backup recorded. A backup whose original bytes were swapped for another image cannot pass.
 */
export function replayWrites(image: RegImage, written: readonly { readonly key: string; readonly name: string; readonly value: RegValue | null }[]): RegImage {
  return writeValues(image, written.map((w) => {
    const key = checkKey(w.key, '');
    return { key: key.ok ? key.value : w.key, name: w.name, value: w.value };
  })).image;
}

/** The problems of a backup (it may come back from JSON); [] when undo can use it. */
export function validateBackup(backup: Backup): readonly PlanError[] {
  const raw: unknown = backup;
  const errors: PlanError[] = [];
  if (typeof raw !== 'object' || raw === null || backup.schema !== BACKUP_SCHEMA || !Array.isArray(backup.entries) || !Array.isArray(backup.createdKeys) || !Array.isArray(backup.addedSections)) {
    return [{ code: 'BadBackup', path: '$', message: `a backup is an object with schema "${BACKUP_SCHEMA}", entries, createdKeys and addedSections` }];
  }
  backup.entries.forEach((e, i) => {
    const key = checkKey(e.key, `entries[${i}].key`);
    if (!key.ok) errors.push(key.error);
    const name = unsafeText(e.name, `entries[${i}].name`, 'the value name');
    if (name !== null) errors.push(name);
    const before: unknown = e.before;
    if (before !== null && (typeof before !== 'object' || !VALUE_TYPES.has(String((before as { type?: unknown }).type)))) {
      errors.push({ code: 'BadBackup', path: `entries[${i}].before`, message: 'before must be null (absent) or a registry value {type, data}' });
    }
    for (const field of ['index', 'deletedIndex'] as const) {
      const at: unknown = e[field];
      if (at !== null && (typeof at !== 'number' || !Number.isInteger(at) || at < 0)) errors.push({ code: 'BadBackup', path: `entries[${i}].${field}`, message: `${field} must be null or an index` });
    }
  });
  [...backup.createdKeys, ...backup.addedSections].forEach((k, i) => {
    const key = checkKey(k, `keys[${i}]`);
    if (!key.ok) errors.push(key.error);
  });
  return errors;
}

/** Restores what the backup recorded: values that did not exist are deleted again, keys the plan created and left empty are removed. */
export function undo(image: RegImage, backup: Backup): Result<RegImage, readonly PlanError[]> {
  const errors = validateBackup(backup);
  if (errors.length > 0) return fail(errors);
  return ok(restoreValues(image, backup));
}
