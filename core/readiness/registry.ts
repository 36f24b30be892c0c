import { foldName, normaliseKeyPath } from '../regfile/index.js';
import type { RegKey, RegValue } from '../regfile/index.js';

/**
 * A read-only, indexed view of the registry keys in a snapshot. Built once per machine: lookups are
 * map reads, not scans (a CBS `Packages` key alone can hold thousands of subkeys).
 * A key exists if the snapshot lists it or any key below it (a .reg export implies every ancestor).
 */
export interface RegistryIndex {
  hasKey(path: string): boolean;
  /**
   * The snapshot lists this key itself, not only a key below it: a .reg export of it (or of an ancestor) holds its
   * whole subtree, so a subkey it lacks is absent, whereas a narrower export below it says nothing about its other subkeys.
   */
  listed(path: string): boolean;
  value(path: string, name: string): RegValue | undefined;
  /** Names (as spelled) of the direct subkeys of `path` that the snapshot holds. */
  subkeys(path: string): readonly string[];
}

/** What a rule sees when it reads a DWORD: absent, a DWORD, or a value of another type (reported, never coerced). */
export type DwordRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'dword'; readonly value: number }
  | { readonly kind: 'wrong-type'; readonly type: string };

/** A REG_DWORD of exactly 1 (the "on" of SchUseStrongCrypto, SystemDefaultTlsVersions and their kin). */
export const isOne = (r: DwordRead): boolean => r.kind === 'dword' && r.value === 1;

/**
 * Lookup paths come from a small fixed set (the rules' constant paths), so their folded form is memoised:
 * normalising and folding on every read was the evaluation's main cost. Bounded, so odd inputs cannot grow it.
 */
const FOLDED = new Map<string, string>();
const fold = (path: string): string => {
  const hit = FOLDED.get(path);
  if (hit !== undefined) return hit;
  const n = normaliseKeyPath(path);
  const folded = foldName(n.ok ? n.value : path);
  if (FOLDED.size > 20_000) FOLDED.clear();
  FOLDED.set(path, folded);
  return folded;
};

export function indexRegistry(keys: readonly RegKey[]): RegistryIndex {
  const byPath = new Map<string, Map<string, RegValue>>();
  const present = new Set<string>();
  const children = new Map<string, Map<string, string>>();
  for (const key of keys) {
    // Folding maps each UTF-16 unit to one unit, so backslashes sit at the same offsets in both spellings.
    const folded = foldName(key.path);
    let values = byPath.get(folded);
    if (values === undefined) {
      values = new Map();
      byPath.set(folded, values);
    }
    for (const v of key.values) values.set(foldName(v.name), v.value);
    // Register the key and its ancestors, deepest first, stopping at the first one already known
    // (its ancestors are known too).
    let end = folded.length;
    while (end > 0 && !present.has(folded.slice(0, end))) {
      present.add(folded.slice(0, end));
      const slash = folded.lastIndexOf('\\', end - 1);
      if (slash < 0) break;
      const parent = folded.slice(0, slash);
      let kids = children.get(parent);
      if (kids === undefined) {
        kids = new Map();
        children.set(parent, kids);
      }
      const name = key.path.slice(slash + 1, end);
      const foldedName = folded.slice(slash + 1, end);
      if (!kids.has(foldedName)) kids.set(foldedName, name);
      end = slash;
    }
  }
  return {
    hasKey: (path) => present.has(fold(path)),
    listed: (path) => byPath.has(fold(path)),
    value: (path, name) => byPath.get(fold(path))?.get(foldName(name)),
    subkeys: (path) => [...(children.get(fold(path))?.values() ?? [])],
  };
}

export function readDword(reg: RegistryIndex, path: string, name: string): DwordRead {
  const v = reg.value(path, name);
  if (v === undefined) return { kind: 'absent' };
  if (v.type === 'REG_DWORD') return { kind: 'dword', value: v.data };
  return { kind: 'wrong-type', type: v.type };
}

export function readString(reg: RegistryIndex, path: string, name: string): string | undefined {
  const v = reg.value(path, name);
  if (v === undefined) return undefined;
  if (v.type === 'REG_SZ' || v.type === 'REG_EXPAND_SZ') return v.data;
  if (v.type === 'REG_MULTI_SZ') return v.data.join(',');
  return undefined;
}

/** The number a value of another type than REG_DWORD clearly holds ("1", "0x0", a big-endian DWORD, a small QWORD), else null. */
export function numberIn(v: RegValue): number | null {
  switch (v.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ': {
      const t = v.data.trim();
      if (!/^(0x[0-9a-f]{1,8}|[0-9]{1,10})$/i.test(t)) return null;
      const n = Number(t);
      return n <= 0xffffffff ? n : null;
    }
    case 'REG_DWORD_BIG_ENDIAN':
      return v.data;
    case 'REG_QWORD':
      return v.number !== undefined && v.number <= 0xffffffff ? v.number : null;
    case 'REG_DWORD': // callers read a REG_DWORD themselves and ask only about the other types
    case 'REG_MULTI_SZ':
    case 'REG_BINARY':
    case 'REG_NONE':
    case 'REG_OTHER':
    default:
      return null;
  }
}
