import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, PlanChange } from '../../../core/plan/index.js';
import { snapshotFromReg } from '../../../core/readiness/from-reg.js';
import type { Finding } from '../../../core/readiness/model.js';
import type { MachineSnapshot } from '../../../core/readiness/snapshot.js';
import { foldName, parseRegFile, renderRegFile, type RegImage, type RegKey, type RegValue } from '../../../core/regfile/index.js';

/**
 * Shared by the plan tests: the 33 acceptance images and the example machines as parsed images and
 * snapshots, and checks written independently of the planner (what "turns a protocol on" means is decided
 * here again, from the change and the snapshot, not taken from core/plan).
 */
export const ACCEPTANCE_DIR = join(__dirname, '..', '..', 'fixtures', 'acceptance');
export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples');

export interface Machine {
  readonly file: string;
  readonly image: RegImage;
  readonly snapshot: MachineSnapshot;
}

export function load(dir: string, file: string): Machine {
  const bytes = readFileSync(join(dir, file));
  const parsed = parseRegFile(bytes, file);
  assert.ok(parsed.ok, `${file} does not parse`);
  const snap = snapshotFromReg(bytes, file);
  assert.ok(snap.ok);
  return { file, image: parsed.image, snapshot: snap.value };
}

export const regFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.reg')).sort();
export const acceptance = (): Machine[] => regFiles(ACCEPTANCE_DIR).map((f) => load(ACCEPTANCE_DIR, f));
/** The case id (A01..A33) of an acceptance file. */
export const caseId = (file: string): string => file.slice(0, 3);

export const snapshotOf = (base: MachineSnapshot, image: RegImage): MachineSnapshot => ({ ...base, registry: image.keys });

export function render(image: RegImage): string {
  const r = renderRegFile(image);
  assert.ok(r.ok, JSON.stringify(r));
  return r.text;
}

export const findingKey = (f: Finding): string => `${f.ruleId}|${f.components.join(',')}`;

// ------------------------------------------------------------------------------------------ "turns on"

const PROTOCOL_KEY = /\\SecurityProviders\\SCHANNEL\\Protocols\\(SSL 2\.0|SSL 3\.0|TLS 1\.0|TLS 1\.1|TLS 1\.2|TLS 1\.3)\\(Client|Server)$/i;

export function protocolOf(key: string): string | null {
  const m = PROTOCOL_KEY.exec(key);
  return m?.[1]?.toUpperCase() ?? null;
}

function dword(v: RegValue | null | undefined): number | null {
  return v?.type === 'REG_DWORD' ? v.data : null;
}

/**
 * A Schannel change that moves a protocol towards "on": Enabled written non-zero, DisabledByDefault written
 * 0, or an "off" DWORD (Enabled 0, DisabledByDefault non-zero) deleted or overwritten.
 */
export function schannelTurnsOn(c: PlanChange): boolean {
  if (protocolOf(c.key) === null) return false;
  const before = dword(c.before);
  if (c.op === 'delete-value') return (c.name.toUpperCase() === 'ENABLED' && before === 0) || (c.name.toUpperCase() === 'DISABLEDBYDEFAULT' && before !== null && before !== 0);
  if (c.op !== 'set-dword') return true;
  if (c.name.toUpperCase() === 'ENABLED') return c.data !== 0;
  if (c.name.toUpperCase() === 'DISABLEDBYDEFAULT') return c.data === 0;
  return true;
}

const MASK_NAMES = new Set(['DEFAULTSECUREPROTOCOLS', 'SECUREPROTOCOLS']);
export const isMask = (c: PlanChange): boolean => MASK_NAMES.has(c.name.toUpperCase());

/**
 * The TLS 1.0/1.1 bits a mask write may carry without allowLegacy: those of the value it replaces; for an
 * absent WinHTTP value, those of the other view's value in the snapshot (KB3140245: the same value in both
 * views), else of the OS default (0xAA0 from 8.1, 0x2800 on Windows 11 clients, 0xA0 before 8.1); for an
 * absent WinINet value, TLS 1.0 (every WinINet default has it).
 */
export function allowedLegacyBits(c: PlanChange, snapshot: MachineSnapshot, build: number, win11Client: boolean): number {
  const before = dword(c.before);
  if (before !== null) return before & 0x280;
  if (c.name.toUpperCase() === 'DEFAULTSECUREPROTOCOLS') {
    const twinKey = /\\Wow6432Node\\/i.test(c.key) ? c.key.replace(/\\Wow6432Node\\/i, '\\') : c.key.replace(/^(HKEY_LOCAL_MACHINE\\SOFTWARE\\)/i, '$1Wow6432Node\\');
    const twin = snapshot.registry.find((k) => foldName(k.path) === foldName(twinKey))?.values.find((v) => foldName(v.name) === 'DEFAULTSECUREPROTOCOLS');
    const twinValue = dword(twin?.value);
    if (twinValue !== null) return twinValue & 0x280;
    if (build >= 22000 && win11Client) return 0;
    return build >= 9600 ? 0x280 : 0x80;
  }
  return 0x80;
}

/** Every SSL 2.0/3.0 bit or key a plan could switch on. */
export function sslTurnedOn(plan: Plan): PlanChange[] {
  return plan.changes.filter((c) => {
    const p = protocolOf(c.key);
    if (p === 'SSL 2.0' || p === 'SSL 3.0') return schannelTurnsOn(c);
    if (isMask(c)) return c.op !== 'set-dword' || (c.data & 0x28) !== 0;
    return false;
  });
}

// ------------------------------------------------------------------------------------------ images

/** The image's values as a set of `KEY\0NAME` -> value JSON, for comparisons that ignore order. */
export function valueSet(keys: readonly RegKey[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of keys) for (const v of k.values) out.set(`${foldName(k.path)}\0${foldName(v.name)}`, JSON.stringify(v.value));
  return out;
}

/** Applies a parsed .reg file (a patch) to a state image the way regedit imports it: [-key] deletions first, then sections. */
export function importReg(state: RegImage, patch: RegImage): RegImage {
  const gone = (path: string): boolean => patch.deletedKeys.some((d) => { const f = foldName(d); const p = foldName(path); return p === f || p.startsWith(`${f}\\`); });
  const keys = state.keys.filter((k) => !gone(k.path)).map((k) => ({ path: k.path, values: [...k.values], deletedValues: [...k.deletedValues] }));
  for (const p of patch.keys) {
    let k = keys.find((x) => foldName(x.path) === foldName(p.path));
    if (k === undefined) {
      k = { path: p.path, values: [], deletedValues: [] };
      keys.push(k);
    }
    const target = k;
    for (const name of p.deletedValues) target.values = target.values.filter((v) => foldName(v.name) !== foldName(name));
    for (const v of p.values) {
      const at = target.values.findIndex((x) => foldName(x.name) === foldName(v.name));
      if (at >= 0) target.values[at] = v;
      else target.values.push(v);
    }
  }
  return { format: 'v5', keys, deletedKeys: [] };
}

/** Everything that means something to PowerShell, .reg files or a terminal, and the quote look-alikes. */
export const INJECTIONS: readonly string[] = [
  "'", "''", "a'b", '"', '"$(Stop-Computer -Force)"', '$(Stop-Computer -Force)', '$env:TEMP', '${x}', '@(1)', '`', '`$x', '`n', ';', '; Remove-Item C:\\ -Recurse',
  '|', '&', '&&', '#', '<#', '#>', "@'", "'@", '{0}', '%s', '\u2018', '\u2019', '\u201A', '\u201B', '\u2018$(x)\u2019', '\u201C', '\u201D', '\u201E',
  '\u00e9', '\u00a0', '\u2013', '\uFEFF', '\u{1F600}', '\t', ']', '[', 'x\\y',
];
