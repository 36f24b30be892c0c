import { foldName } from '../regfile/index.js';
import type { RegImage, RegKey, RegValue, RegValueEntry } from '../regfile/index.js';
import { BACKUP_SCHEMA, type Backup, type BackupEntry } from './model.js';

/**
 * Value edits on a registry image, purely: a new image comes back, the input is never changed. An image here
 * is the state of a registry: a key exists when it is listed or when a key below it is listed (a .reg export
 * implies every parent). Writing a value into a key that is not listed adds a section for it at the end;
 * values that exist are replaced where they stand, new ones are appended, so that restoring the backup puts
 * back the very same image (same order, same spelling), which renders byte-identical.
 */
export interface ValueEdit {
  /** Normalised full key path. */
  readonly key: string;
  readonly name: string;
  /** null deletes the value. */
  readonly value: RegValue | null;
}

interface Section {
  readonly path: string;
  values: RegValueEntry[];
  deletedValues: string[];
}

interface Work {
  readonly sections: Section[];
  readonly index: Map<string, number>;
  /** Folded paths of every key that exists: listed, or a parent of a listed one. */
  readonly present: Set<string>;
}

function addPresent(present: Set<string>, path: string): void {
  let folded = foldName(path);
  while (!present.has(folded)) {
    present.add(folded);
    const slash = folded.lastIndexOf('\\');
    if (slash < 0) return;
    folded = folded.slice(0, slash);
  }
}

function load(keys: readonly RegKey[]): Work {
  const sections: Section[] = keys.map((k) => ({ path: k.path, values: [...k.values], deletedValues: [...k.deletedValues] }));
  const index = new Map<string, number>();
  const present = new Set<string>();
  sections.forEach((s, i) => {
    const f = foldName(s.path);
    if (!index.has(f)) index.set(f, i);
    addPresent(present, s.path);
  });
  return { sections, index, present };
}

const freeze = (w: Work): RegKey[] => w.sections.map((s) => ({ path: s.path, values: s.values, deletedValues: s.deletedValues }));

/** The keys on the way to `path` (hive excluded, parents first). */
function lineage(path: string): string[] {
  const parts = path.split('\\');
  const out: string[] = [];
  for (let i = 2; i <= parts.length; i += 1) out.push(parts.slice(0, i).join('\\'));
  return out;
}

function setValue(section: Section, name: string, value: RegValue): void {
  const f = foldName(name);
  const at = section.values.findIndex((e) => foldName(e.name) === f);
  if (at >= 0) section.values[at] = { name: (section.values[at] as RegValueEntry).name, value };
  else section.values.push({ name, value });
}

/** Applies the edits in order and records, for each, what it replaced: the backup that `restoreValues` takes. */
export function writeValues(image: RegImage, edits: readonly ValueEdit[]): { readonly image: RegImage; readonly backup: Backup } {
  const w = load(image.keys);
  const entries: BackupEntry[] = [];
  const createdKeys: string[] = [];
  const addedSections: string[] = [];
  for (const edit of edits) {
    const f = foldName(edit.key);
    let at = w.index.get(f);
    const section = at === undefined ? undefined : w.sections[at];
    const index = section === undefined ? -1 : section.values.findIndex((e) => foldName(e.name) === foldName(edit.name));
    const existing = section?.values[index];
    const deletedAt = section === undefined ? -1 : section.deletedValues.findIndex((n) => foldName(n) === foldName(edit.name));
    entries.push({
      key: edit.key, name: existing?.name ?? (deletedAt >= 0 && section !== undefined ? (section.deletedValues[deletedAt] as string) : edit.name), before: existing?.value ?? null,
      index: existing === undefined ? null : index, deletedIndex: edit.value !== null && deletedAt >= 0 ? deletedAt : null,
    });
    if (edit.value === null) {
      if (section !== undefined && existing !== undefined) section.values = section.values.filter((e) => e !== existing);
      continue;
    }
    if (at === undefined) {
      for (const k of lineage(edit.key)) if (!w.present.has(foldName(k))) createdKeys.push(k);
      addPresent(w.present, edit.key);
      at = w.sections.push({ path: edit.key, values: [], deletedValues: [] }) - 1;
      w.index.set(f, at);
      addedSections.push(edit.key);
    }
    const target = w.sections[at] as Section;
    if (deletedAt >= 0) target.deletedValues = target.deletedValues.filter((_, i) => i !== deletedAt);
    setValue(target, edit.name, edit.value);
  }
  return {
    image: { format: image.format, keys: freeze(w), deletedKeys: image.deletedKeys },
    backup: { schema: BACKUP_SCHEMA, entries, createdKeys, addedSections },
  };
}

/**
 * Puts back what the backup recorded, last write first: values that did not exist are deleted, the others
 * get their prior type and data back; then the sections the writes added are removed when they are empty
 * again (no values, no deletions), which also removes the keys the writes created.
 */
export function restoreValues(image: RegImage, backup: Backup): RegImage {
  const w = load(image.keys);
  for (const entry of [...backup.entries].reverse()) {
    const f = foldName(entry.key);
    let at = w.index.get(f);
    if (entry.before === null) {
      const section = at === undefined ? undefined : w.sections[at];
      if (section === undefined) continue;
      section.values = section.values.filter((e) => foldName(e.name) !== foldName(entry.name));
      if (entry.deletedIndex !== null && !section.deletedValues.some((n) => foldName(n) === foldName(entry.name))) {
        section.deletedValues.splice(Math.min(entry.deletedIndex, section.deletedValues.length), 0, entry.name);
      }
      continue;
    }
    if (at === undefined) {
      at = w.sections.push({ path: entry.key, values: [], deletedValues: [] }) - 1;
      w.index.set(f, at);
    }
    const section = w.sections[at] as Section;
    if (section.values.some((e) => foldName(e.name) === foldName(entry.name)) || entry.index === null) setValue(section, entry.name, entry.before);
    else section.values.splice(Math.min(entry.index, section.values.length), 0, { name: entry.name, value: entry.before });
  }
  const drop = new Set<string>();
  for (const path of backup.addedSections) {
    const at = w.index.get(foldName(path));
    const s = at === undefined ? undefined : w.sections[at];
    if (s !== undefined && s.values.length === 0 && s.deletedValues.length === 0) drop.add(foldName(path));
  }
  const kept = w.sections.filter((s) => !drop.has(foldName(s.path)));
  return { format: image.format, keys: kept.map((s) => ({ path: s.path, values: s.values, deletedValues: s.deletedValues })), deletedKeys: image.deletedKeys };
}
