import { CBS_PACKAGES_KEY, PRODUCT_UPDATES_KEY, PRODUCT_UPDATES_KEY_32 } from './paths.js';
import { readDword, type RegistryIndex } from './registry.js';

/**
 * KB detection (docs/domain-facts.md section 5). A KB is "detected" from the live hotfix list, from an installed CBS
 * package, from a product update key, or (live only) from a file version at or above the fixing build.
 * Without any of those inputs the answer is "unknown"; with them but no match it is "not-detected" (never
 * "missing": a later rollup may carry the fix without naming the KB).
 */
export type KbState =
  | { readonly kind: 'detected'; readonly how: string }
  | { readonly kind: 'not-detected' }
  | { readonly kind: 'unknown' };

/** CBS CurrentState values that mean installed (0x70 Installed, 0x80 Permanent) or superseded (0x50) [CBS-STATES]. */
export const INSTALLED_STATES = new Set([0x70, 0x80]);
export const SUPERSEDED = 0x50;

/** `Package_for_KB3140245~...`, `Package_3_for_KB3140245~...`, `Package_for_KB3140245_RTM~...`; never a longer number. */
const CBS_NAME = /^Package_(?:[^~]*_)?for_KB([0-9]+)(?=[~_]|$)/i;

export interface UpdateFacts {
  /** Input exists to decide about KBs (a hotfix list, or the CBS Packages key). */
  readonly covered: boolean;
  readonly state: (kb: string) => KbState;
}

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10));
  const pb = b.split('.').map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** File-version evidence for KBs that replace a system file (docs/domain-facts.md 2.3, thresholds [unconfirmed] from DrDAV). */
export const FILE_EVIDENCE: readonly { kb: string; build: number; file: string; min: string }[] = [
  { kb: 'KB3140245', build: 7601, file: 'winhttp.dll', min: '6.1.7601.23375' },
  { kb: 'KB3140245', build: 9200, file: 'winhttp.dll', min: '6.2.9200.21797' },
];

export function readUpdates(reg: RegistryIndex, hotfixes: readonly string[] | null, fileVersions: Readonly<Record<string, string>>, build: number | null): UpdateFacts {
  const cbsCovered = reg.hasKey(CBS_PACKAGES_KEY);
  const byKb = new Map<string, { installed: boolean; superseded: boolean }>();
  if (cbsCovered) {
    for (const name of reg.subkeys(CBS_PACKAGES_KEY)) {
      const m = CBS_NAME.exec(name);
      if (m?.[1] === undefined) continue;
      const kb = `KB${m[1]}`;
      const state = readDword(reg, `${CBS_PACKAGES_KEY}\\${name}`, 'CurrentState');
      const s = byKb.get(kb) ?? { installed: false, superseded: false };
      if (state.kind === 'dword' && INSTALLED_STATES.has(state.value)) s.installed = true;
      if (state.kind === 'dword' && state.value === SUPERSEDED) s.superseded = true;
      byKb.set(kb, s);
    }
  }
  // KB-named keys two or three levels under Updates (Updates\<product>\KB..., Updates\<product>\<release>\KB...),
  // in both registry views: 32-bit installers (.NET Framework updates among them) write under WOW6432Node.
  const productKbs = new Set<string>();
  const kbName = (name: string): string | null => { const m = /^KB([0-9]+)$/i.exec(name); return m?.[1] === undefined ? null : `KB${m[1]}`; };
  for (const root of [PRODUCT_UPDATES_KEY, PRODUCT_UPDATES_KEY_32]) {
    for (const product of reg.subkeys(root)) {
      for (const sub of reg.subkeys(`${root}\\${product}`)) {
        const kb = kbName(sub);
        if (kb !== null) { productKbs.add(kb); continue; }
        for (const deeper of reg.subkeys(`${root}\\${product}\\${sub}`)) {
          const k = kbName(deeper);
          if (k !== null) productKbs.add(k);
        }
      }
    }
  }
  const hot = new Set((hotfixes ?? []).map((h) => h.toUpperCase()));
  const covered = hotfixes !== null || cbsCovered;
  return {
    covered,
    state(kbIn) {
      const kb = kbIn.toUpperCase();
      if (hot.has(kb)) return { kind: 'detected', how: 'hotfix list' };
      const cbs = byKb.get(kb);
      if (cbs?.installed) return { kind: 'detected', how: 'CBS package installed' };
      if (cbs?.superseded) return { kind: 'detected', how: 'CBS package superseded by a later update' };
      if (productKbs.has(kb)) return { kind: 'detected', how: 'product update key' };
      for (const e of FILE_EVIDENCE) {
        const v = fileVersions[e.file];
        if (e.kb === kb && e.build === build && v !== undefined && compareVersions(v, e.min) >= 0) {
          return { kind: 'detected', how: `${e.file} ${v} >= ${e.min}` };
        }
      }
      return covered ? { kind: 'not-detected' } : { kind: 'unknown' };
    },
  };
}
