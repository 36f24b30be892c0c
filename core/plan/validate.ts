import { normaliseKeyPath } from '../regfile/index.js';
import { foldName } from '../regfile/index.js';
import type { Plan, PlanError } from './model.js';

/**
 * The checks every consumer of a plan runs before it writes anything (applyPlan, the .reg and PowerShell
 * renderers): a plan may come from JSON (the bridge) or be built by hand, so nothing in it is trusted.
 * Text that cannot be made safe is rejected rather than escaped: NUL, and every line terminator (CR, LF,
 * NEL U+0085, LS U+2028, PS U+2029), which would end a .reg line, a PowerShell line or a comment.
 */
const UNSAFE = /[\0\r\n\u0085\u2028\u2029]/;
const HIVES = new Set(['HKEY_LOCAL_MACHINE', 'HKEY_CURRENT_USER']);
const KB_ID = /^KB[0-9]{1,10}$/;
const RESTARTS = new Set(['none', 'apps', 'reboot']);

const show = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s);

/** null when `text` is safe, else the error. */
export function unsafeText(text: unknown, path: string, what: string): PlanError | null {
  if (typeof text !== 'string') return { code: 'BadData', path, message: `${what} must be a string` };
  const hit = UNSAFE.exec(text);
  if (hit === null) return null;
  const code = hit[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { code: 'UnsafeText', path, message: `${what} ${show(text)} contains U+${code} (NUL or a line break), which no .reg file or script can hold safely` };
}

/** The key path normalised (`HKLM\...` -> `HKEY_LOCAL_MACHINE\...`), or the error: only HKLM and HKCU, never a bare hive. */
export function checkKey(key: unknown, path: string): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: PlanError } {
  const bad = unsafeText(key, path, 'the key path');
  if (bad !== null) return { ok: false, error: bad };
  const norm = normaliseKeyPath(key as string);
  if (!norm.ok) return { ok: false, error: { code: 'BadKey', path, message: norm.error } };
  const slash = norm.value.indexOf('\\');
  const hive = slash < 0 ? norm.value : norm.value.slice(0, slash);
  if (!HIVES.has(hive)) return { ok: false, error: { code: 'BadKey', path, message: `${show(norm.value)}: a plan writes only under HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER` } };
  if (slash < 0) return { ok: false, error: { code: 'BadKey', path, message: `${show(norm.value)}: a plan cannot write values directly under a hive` } };
  return { ok: true, value: norm.value };
}

const SSL_KEY = /\\SECURITYPROVIDERS\\SCHANNEL\\PROTOCOLS\\SSL [23]\.0\\(CLIENT|SERVER)$/;
const MASK_VALUES = new Set(['DEFAULTSECUREPROTOCOLS', 'SECUREPROTOCOLS']);

/**
 * A plan may come from outside (JSON through the bridge), so the rule "SSL 2.0/3.0 are never enabled" is
 * checked here too, not only by the planner's construction: no Enabled other than 0 and no DisabledByDefault=0
 * under an SSL protocol key, and no SSL bit (0x8, 0x20) in a WinHTTP/WinINet protocol mask.
 */
export function enablesSsl(key: string, name: string, data: number): string | null {
  const k = foldName(key);
  const n = foldName(name);
  if (SSL_KEY.test(k) && ((n === 'ENABLED' && data !== 0) || (n === 'DISABLEDBYDEFAULT' && data === 0))) {
    return `${show(key)} ${name}=${data} would enable SSL, which TLS365 never writes`;
  }
  if (MASK_VALUES.has(n) && (data & 0x28) !== 0) {
    return `${name}=0x${data.toString(16).toUpperCase()} under ${show(key)} has an SSL bit (0x8 or 0x20), which TLS365 never writes`;
  }
  return null;
}

/**
 * Every problem of a plan's changes, updates and restart, in order; [] when the plan can be applied and
 * rendered. Two changes to the same value (names compare case-insensitively, as Windows does) conflict.
 */
/**
 * The target of a plan that becomes a script or a .reg file: a build number (or null) and an architecture
 * (or null), nothing else, since both are written into the artefact.
 */
export function validateTarget(plan: Plan): readonly PlanError[] {
  const target: unknown = (plan as { target?: unknown }).target;
  if (typeof target !== 'object' || target === null) return [{ code: 'BadData', path: 'target', message: 'a plan names the machine it was made for: target { build, x64 }' }];
  const { build, x64 } = target as { build?: unknown; x64?: unknown };
  const errors: PlanError[] = [];
  if (build !== null && (typeof build !== 'number' || !Number.isInteger(build) || build < 0 || build > 999999)) errors.push({ code: 'BadData', path: 'target.build', message: 'the build must be a whole number from 0 to 999999, or null' });
  if (x64 !== null && typeof x64 !== 'boolean') errors.push({ code: 'BadData', path: 'target.x64', message: 'x64 must be true, false or null' });
  return errors;
}

export function validatePlan(plan: Plan): readonly PlanError[] {
  const errors: PlanError[] = [];
  const raw: unknown = plan;
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { changes?: unknown }).changes)) {
    return [{ code: 'BadData', path: '$', message: 'a plan must be an object with a changes array' }];
  }
  const seen = new Map<string, number>();
  plan.changes.forEach((c, i) => {
    const at = `changes[${i}]`;
    const change: unknown = c;
    if (typeof change !== 'object' || change === null) {
      errors.push({ code: 'BadData', path: at, message: 'a change must be an object' });
      return;
    }
    const key = checkKey(c.key, `${at}.key`);
    if (!key.ok) errors.push(key.error);
    const name = unsafeText(c.name, `${at}.name`, 'the value name');
    if (name !== null) errors.push(name);
    const op: unknown = c.op;
    const data: unknown = (c as { data?: unknown }).data;
    if (op === 'set-dword') {
      const d = data;
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 0xffffffff) errors.push({ code: 'BadData', path: `${at}.data`, message: 'a DWORD must be an integer from 0 to 4294967295' });
    } else if (op === 'set-string') {
      const bad = unsafeText(data, `${at}.data`, 'the string data');
      if (bad !== null) errors.push(bad);
    } else if (op !== 'delete-value') {
      errors.push({ code: 'BadOp', path: `${at}.op`, message: `${show(String(op))} is not a plan operation (set-dword, set-string, delete-value)` });
    }
    if (key.ok && name === null && op === 'set-dword' && typeof data === 'number') {
      const ssl = enablesSsl(key.value, c.name, data);
      if (ssl !== null) errors.push({ code: 'EnablesSsl', path: at, message: ssl });
    }
    if (key.ok && name === null) {
      const id = `${foldName(key.value)}\0${foldName(c.name)}`;
      const first = seen.get(id);
      if (first !== undefined) errors.push({ code: 'Conflict', path: at, message: `changes[${first}] already writes ${show(c.name)} under ${show(key.value)}: a plan touches each value once` });
      else seen.set(id, i);
    }
  });
  const updates: unknown = plan.updates;
  if (!Array.isArray(updates)) errors.push({ code: 'BadData', path: 'updates', message: 'updates must be an array' });
  else {
    plan.updates.forEach((u, i) => {
      const kb: unknown = u.kb;
      if (typeof kb !== 'string' || !KB_ID.test(kb)) errors.push({ code: 'BadData', path: `updates[${i}].kb`, message: `${show(String(kb))} is not a KB id such as KB3140245` });
    });
  }
  const restart: unknown = plan.restart;
  if (typeof restart !== 'string' || !RESTARTS.has(restart)) errors.push({ code: 'BadData', path: 'restart', message: 'restart must be none, apps or reboot' });
  return errors;
}
