import { writeValues } from '../../core/plan/image.js';
import { evaluateSnapshot } from '../../core/readiness/evaluate.js';
import type { MachineSnapshot } from '../../core/readiness/snapshot.js';
import { machineFacts } from '../../core/readiness/facts.js';
import { familyOf, type OsFamily } from '../../core/desired/families.js';
import { imageCases } from './desired-cases.js';

/** A machine with fixed REG_DWORD values written (the Reg and Group Policy channels' values). */
export function withDwords(snapshot: MachineSnapshot, values: readonly { key: string; name: string; data: number }[]): MachineSnapshot {
  const { image } = writeValues({ format: 'v5', keys: snapshot.registry, deletedKeys: [] }, values.map((v) => ({ key: v.key, name: v.name, value: { type: 'REG_DWORD' as const, data: v.data } })));
  return { ...snapshot, registry: image.keys };
}

/**
 * Components not Ready, but those that wait only for an update (every Fail/Warn finding on them names one): a file
 * cannot install KB4019276 on Server 2008 SP2, and says so in its header.
 */
export function notReadyButForUpdates(s: MachineSnapshot): string[] {
  const r = evaluateSnapshot(s);
  return r.components.filter((c) => c.status !== 'Ready' && c.status !== 'NotApplicable').filter((c) => {
    const on = r.findings.filter((f) => f.severity !== 'Info' && f.components.includes(c.name));
    return on.length === 0 || on.some((f) => f.missingUpdates.length === 0 && (f.fix?.updates.length ?? 0) === 0);
  }).map((c) => `${c.name}=${c.status}`);
}

/**
 * The acceptance images and samples the fixed-value channels (Reg, GroupPolicy) are held to: registry-only gaps (no
 * update missing, nothing Unknown), an OS family, no Exchange (the files say they are not for Exchange servers).
 * `skipped`: the images with a configured cipher-suite list the fixed values do not fix (the files say so; the
 * script channels fix them), named so that a new one is seen.
 */
export function fixedValueImages(): { readonly images: readonly { name: string; snapshot: MachineSnapshot; family: OsFamily }[]; readonly skipped: readonly string[] } {
  const images: { name: string; snapshot: MachineSnapshot; family: OsFamily }[] = [];
  const skipped: string[] = [];
  for (const c of imageCases()) {
    const m = machineFacts(c.snapshot);
    const before = evaluateSnapshot(c.snapshot);
    if (m.os === null || m.x64 === null || before.missingUpdates.length > 0 || before.components.some((x) => x.status === 'Unknown')) continue;
    const family = familyOf(m.os.build, m.os.isServer, m.x64);
    if (family === null || m.products.exchange !== null) continue;
    if (before.findings.some((x) => /^TLS365-SCHANNEL-01[45]$/.test(x.ruleId) && x.severity !== 'Info')) { skipped.push(c.name); continue; }
    images.push({ name: c.name, snapshot: c.snapshot, family });
  }
  return { images, skipped };
}

export const CIPHER_LIST_IMAGES = ['A23-server2019-hardened-gpo-3des-rc4.reg', 'A24-server2019-hardened-gpo-rsa-gcm-only.reg'];
