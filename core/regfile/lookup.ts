import { foldName, normaliseKeyPath } from './paths.js';
import type { RegImage, RegKey, RegValue } from './types.js';

/**
 * Indexes built on first use and kept per image/key object (images are immutable data, so a cache keyed by
 * identity is safe); the image itself stays plain data.
 */
const keyIndexes = new WeakMap<RegImage, ReadonlyMap<string, RegKey>>();
const valueIndexes = new WeakMap<RegKey, ReadonlyMap<string, RegValue>>();

function keyIndex(image: RegImage): ReadonlyMap<string, RegKey> {
  let index = keyIndexes.get(image);
  if (index === undefined) {
    const map = new Map<string, RegKey>();
    for (const key of image.keys) {
      const fold = foldName(key.path);
      if (!map.has(fold)) map.set(fold, key);
    }
    index = map;
    keyIndexes.set(image, index);
  }
  return index;
}

/**
 * The key at `path` (case-insensitive; HKLM, HKCU, HKCR, HKU, HKCC accepted), or undefined when the image
 * has no `[path]` section or the path is not a registry path.
 */
export function getKey(image: RegImage, path: string): RegKey | undefined {
  const norm = normaliseKeyPath(path);
  return norm.ok ? keyIndex(image).get(foldName(norm.value)) : undefined;
}

/** The value `name` of the key at `path`, both case-insensitive; '' is the default value (`@`). */
export function getValue(image: RegImage, path: string, name: string): RegValue | undefined {
  const key = getKey(image, path);
  if (key === undefined) return undefined;
  let index = valueIndexes.get(key);
  if (index === undefined) {
    const map = new Map<string, RegValue>();
    for (const entry of key.values) {
      const fold = foldName(entry.name);
      if (!map.has(fold)) map.set(fold, entry.value);
    }
    index = map;
    valueIndexes.set(key, index);
  }
  return index.get(foldName(name));
}

/**
 * Names of the direct children of `path` that the image holds, in file order, spelt as first seen. A key
 * the image only implies (`[A\B\C]` implies A\B) counts: subkeys(image, 'A') includes 'B'.
 */
export function subkeys(image: RegImage, path: string): readonly string[] {
  const norm = normaliseKeyPath(path);
  if (!norm.ok) return [];
  const prefix = `${foldName(norm.value)}\\`;
  const seen = new Map<string, string>();
  for (const key of image.keys) {
    if (key.path.length <= prefix.length || !foldName(key.path.slice(0, prefix.length)).startsWith(prefix)) continue;
    const rest = key.path.slice(prefix.length);
    const slash = rest.indexOf('\\');
    const child = slash < 0 ? rest : rest.slice(0, slash);
    const fold = foldName(child);
    if (!seen.has(fold)) seen.set(fold, child);
  }
  return Array.from(seen.values());
}

/** True when the image deletes `path` itself or one of its ancestors with a `[-key]` line. */
export function isKeyDeleted(image: RegImage, path: string): boolean {
  const norm = normaliseKeyPath(path);
  if (!norm.ok) return false;
  const fold = foldName(norm.value);
  return image.deletedKeys.some((d) => {
    const f = foldName(d);
    return fold === f || fold.startsWith(`${f}\\`);
  });
}
