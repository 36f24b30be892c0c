import { fail, ok, type Result } from '../model/result.js';
import { encodeUtf16le, foldName, renderRegFile, type RegKey, type RegValueEntry } from '../regfile/index.js';
import { validateBackup } from './apply.js';
import type { Backup, Plan, PlanError } from './model.js';
import { checkKey, validatePlan, validateTarget } from './validate.js';

/**
 * A plan, or a backup, as a regedit "Version 5.00" file (renderRegFile's exact format: CRLF, blank line after
 * each section) plus the UTF-16LE bytes with BOM that regedit itself writes. Fixed comment lines follow the
 * header; nothing from the plan ever goes into a comment. Names and data are escaped by renderRegFile;
 * text it cannot hold (NUL, line breaks) is refused by validatePlan before.
 */
export interface RenderedReg {
  readonly text: string;
  readonly bytes: Uint8Array;
}

const HEADER = 'Windows Registry Editor Version 5.00';

export function withComments(text: string, comments: readonly string[]): RenderedReg {
  const body = text.slice(HEADER.length);
  const out = `${HEADER}\r\n${comments.map((c) => `; ${c}`).join('\r\n')}${body}`;
  return { text: out, bytes: encodeUtf16le(out) };
}

export const renderErrors = (errors: readonly { key: string; value?: string; message: string }[]): PlanError[] =>
  errors.map((e) => ({ code: 'UnsafeText', path: e.value === undefined ? e.key : `${e.key}\\${e.value}`, message: e.message }));

/** Groups values by key (first appearance order), `"name"=-` for deletions. */
export function sections(items: readonly { key: string; name: string; value: RegValueEntry['value'] | null }[]): RegKey[] {
  const byKey = new Map<string, { path: string; values: RegValueEntry[]; deletedValues: string[] }>();
  for (const it of items) {
    const f = foldName(it.key);
    const s = byKey.get(f) ?? { path: it.key, values: [], deletedValues: [] };
    byKey.set(f, s);
    if (it.value === null) s.deletedValues.push(it.name);
    else s.values.push({ name: it.name, value: it.value });
  }
  return [...byKey.values()];
}

/** The plan as a .reg file to import with regedit (updates are named in a comment: a .reg file cannot install them). */
export function renderPlanReg(plan: Plan): Result<RenderedReg, readonly PlanError[]> {
  const errors = [...validatePlan(plan), ...validateTarget(plan)];
  if (errors.length > 0) return fail(errors);
  const keys = sections(plan.changes.map((c) => {
    const key = checkKey(c.key, '');
    return {
      key: key.ok ? key.value : c.key,
      name: c.name,
      value: c.op === 'delete-value' ? null : c.op === 'set-dword' ? { type: 'REG_DWORD' as const, data: c.data } : { type: 'REG_SZ' as const, data: c.data },
    };
  }));
  const r = renderRegFile({ keys });
  if (!r.ok) return fail(renderErrors(r.errors));
  const comments = [
    'TLS365 remediation plan. Import as an administrator with: reg.exe import <this file> /reg:64',
    '(/reg:64: a 32-bit reg.exe, as ConfigMgr task sequences run it, would put SOFTWARE values in the 32-bit view).',
    `Changes: ${plan.changes.length}. Restart afterwards: ${plan.restart}.`,
    // A .reg file cannot check where it is imported: it says which machine its values are for (validated numbers only).
    `For machines of ${plan.target.build === null ? 'the build of the machine it was made for' : `build ${plan.target.build}`}, ${plan.target.x64 === null ? 'of its architecture' : plan.target.x64 ? '64-bit' : '32-bit'} only: it holds that machine's exact values.`,
    ...(plan.updates.length > 0 ? [`Not in this file, install first: ${plan.updates.map((u) => u.kb).join(', ')}.`] : []),
  ];
  return ok(withComments(r.text, comments));
}

/**
 * The backup as a .reg file that restores the prior state: `[-key]` for each key the plan created (the
 * topmost one of each created branch; nothing under it is written again), `"name"=-` for values that did
 * not exist, the prior type and data for the others.
 */
export function renderBackupReg(backup: Backup): Result<RenderedReg, readonly PlanError[]> {
  const errors = validateBackup(backup);
  if (errors.length > 0) return fail(errors);
  const created = backup.createdKeys.map((k) => foldName(k));
  const under = (key: string, roots: readonly string[]): boolean => { const f = foldName(key); return roots.some((r) => f === r || f.startsWith(`${r}\\`)); };
  const tops = backup.createdKeys.filter((k) => !created.some((r) => foldName(k).startsWith(`${r}\\`)));
  const topsFolded = tops.map((k) => foldName(k));
  // Last write first is how undo works; for a .reg file each value appears once, with its oldest prior state.
  const firstState = new Map<string, { key: string; name: string; value: RegValueEntry['value'] | null }>();
  for (const e of backup.entries) {
    if (under(e.key, topsFolded)) continue;
    const id = `${foldName(e.key)}\0${foldName(e.name)}`;
    if (!firstState.has(id)) firstState.set(id, { key: e.key, name: e.name, value: e.before });
  }
  const r = renderRegFile({ deletedKeys: tops, keys: sections([...firstState.values()]) });
  if (!r.ok) return fail(renderErrors(r.errors));
  return ok(withComments(r.text, [
    'TLS365 backup: importing this file restores the values a TLS365 plan changed (and removes the keys it created).',
    'Import as an administrator with: reg.exe import <this file> /reg:64 (a 32-bit reg.exe would use the 32-bit view).',
  ]));
}
