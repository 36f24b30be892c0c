import { fail, ok, type Result } from '../model/result.js';

/** Root keys by upper-case spelling: full names and the abbreviations reg.exe and PowerShell use. */
const HIVES: ReadonlyMap<string, string> = new Map([
  ['HKEY_LOCAL_MACHINE', 'HKEY_LOCAL_MACHINE'],
  ['HKLM', 'HKEY_LOCAL_MACHINE'],
  ['HKEY_CURRENT_USER', 'HKEY_CURRENT_USER'],
  ['HKCU', 'HKEY_CURRENT_USER'],
  ['HKEY_CLASSES_ROOT', 'HKEY_CLASSES_ROOT'],
  ['HKCR', 'HKEY_CLASSES_ROOT'],
  ['HKEY_USERS', 'HKEY_USERS'],
  ['HKU', 'HKEY_USERS'],
  ['HKEY_CURRENT_CONFIG', 'HKEY_CURRENT_CONFIG'],
  ['HKCC', 'HKEY_CURRENT_CONFIG'],
  ['HKEY_DYN_DATA', 'HKEY_DYN_DATA'],
]);

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The case-folded form Windows compares key and value names by: each UTF-16 code unit upper-cased on its
 * own (so 'ß' stays 'ß', unlike String#toUpperCase, which would make it 'SS'). Only for comparison.
 */
export function foldName(name: string): string {
  if (ASCII.test(name)) return name.toUpperCase();
  let out = '';
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charAt(i);
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out;
}

/**
 * `HKLM\Software\X` -> `HKEY_LOCAL_MACHINE\Software\X`: the hive spelled out in capitals (HKLM, HKCU,
 * HKCR, HKU, HKCC accepted, any case), the rest kept as written. An unknown hive or an empty name
 * (`A\\B`, a trailing backslash) is an error message.
 */
export function normaliseKeyPath(path: string): Result<string, string> {
  if (path === '') return fail('the key path is empty');
  const slash = path.indexOf('\\');
  const root = slash < 0 ? path : path.slice(0, slash);
  const hive = HIVES.get(root.toUpperCase());
  if (hive === undefined) {
    return fail(
      `"${root}" is not a registry root key (expected HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, ` +
        'HKEY_USERS, HKEY_CURRENT_CONFIG or HKLM, HKCU, HKCR, HKU, HKCC)',
    );
  }
  if (slash < 0) return ok(hive);
  const rest = path.slice(slash + 1);
  if (rest === '' || rest.endsWith('\\')) return fail(`the key path "${path}" ends with a backslash`);
  if (rest.startsWith('\\') || rest.includes('\\\\')) return fail(`the key path "${path}" has an empty key name (two backslashes in a row)`);
  return ok(`${hive}\\${rest}`);
}

/** True for a path that is only a root key (`HKEY_LOCAL_MACHINE`), which regedit cannot delete. */
export function isRootKey(normalisedPath: string): boolean {
  return !normalisedPath.includes('\\');
}
