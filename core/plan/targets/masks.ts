import { formatHex, parseDword } from '../../protocols/dword.js';
import { HKCU, HKLM, WININET_KEYS } from '../../readiness/paths.js';
import { readDword } from '../../readiness/registry.js';
import { DSP, readDsp, winHttpDefaultMask, winHttpViews } from '../../readiness/rules/winhttp/common.js';
import { BIT, LEGACY_BITS, composeMask, legacyBits, legacyConsent, warning, type Intent, type TargetContext } from '../intent.js';

/**
 * The protocol masks of the target state: WinHTTP `DefaultSecureProtocols` in both views (docs/domain-facts.md 2, 10.2)
 * and WinINet `SecureProtocols` (1.4, 10.3). A mask the plan writes is built by composeMask: TLS 1.2 always,
 * TLS 1.3 when asked for on an OS that has it (or already there), TLS 1.0/1.1 as the settings say; SSL and
 * unknown bits are dropped. A view without the value starts from the other view's explicit value, else from
 * the OS default; TLS 1.0/1.1 bits are kept from there (never added without allowLegacy). Once one view
 * holds a value (or gets one), the other gets one too: the value lives in both views or in none.
 */

/** WinHTTP's pre-8.1 default, SSL 3.0 + TLS 1.0 [WINHTTP-FLAGS]; [CM-CLIENT]; for 2008 SP2 unconfirmed (docs/domain-facts.md 2.2). */
const PRE_81_DEFAULT = 0xa0;
/** What IE / WinINet offered by default on Windows 7 and 8 before TLS 1.1/1.2 were switched on (SSL 3.0 + TLS 1.0); the exact default is unconfirmed (docs/domain-facts.md 1.4), TLS 1.0 is in every one. */
export const WININET_ASSUMED_DEFAULT = 0xa0;
const WININET_POLICY = `${HKLM}\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings`;
const TLS_BITS = LEGACY_BITS | BIT.Tls12 | BIT.Tls13;

export function winHttpIntents(ctx: TargetContext): Intent[] {
  const { m, settings } = ctx;
  const os = m.os;
  if (os === null || m.x64 === null || os.osClass === 'legacyNoTls12') return [];
  const consent = legacyConsent(settings);
  const def = winHttpDefaultMask(m) ?? PRE_81_DEFAULT;
  // Where WinHTTP's default lacks TLS 1.2 (7600/7601/9200 and 2008 SP2), the value must be written (KB3140245
  // makes 7601/9200 read it; 2008 SP2 and 7600 get it ready for their updates): derived from the rule's own default.
  const needsValue = (def & BIT.Tls12) === 0;
  const tls13 = settings.protocols.includes('Tls13') && os.tls13Capable;
  const out: Intent[] = [];
  const views = winHttpViews(m).filter((v) => m.coverage.winHttp(v.view));
  // The admin's explicit value in one view is what an absent twin starts from (KB3140245: it "must also be added" under Wow6432Node).
  const explicit = views.map((v) => readDsp(m, v)).find((r) => r.kind === 'dword');
  const planned = views.map((v) => {
    const r = readDsp(m, v);
    const raw = m.reg.value(v.key, DSP);
    const parsed = raw !== undefined && (raw.type === 'REG_SZ' || raw.type === 'REG_EXPAND_SZ') ? parseDword(raw.data) : null;
    const base = r.kind === 'dword' ? r.value : parsed !== null && parsed.ok ? parsed.value : explicit?.kind === 'dword' ? explicit.value : def;
    const target = composeMask(legacyBits(settings, base, consent), tls13 || (base & BIT.Tls13) !== 0);
    const write = r.kind === 'dword' ? r.value !== target : r.kind === 'wrong-type' ? true : needsValue || (target & ~def & TLS_BITS) !== 0;
    return { v, r, target, write };
  });
  // Both views or none: once one view holds a value, an absent twin gets one too.
  const anyExplicit = planned.some((p) => p.write || p.r.kind === 'dword');
  const finals: { label: string; value: number }[] = [];
  for (const { v, r, target, write: alone } of planned) {
    const write = alone || (anyExplicit && r.kind === 'absent');
    const label = v.view === '64' ? 'native view' : m.x64 ? 'Wow6432Node view' : 'only view';
    if (write) {
      const from = r.kind === 'dword' ? formatHex(r.value) : r.kind === 'absent' ? (explicit?.kind === 'dword' ? `absent (the other view has ${formatHex(explicit.value)})` : `absent (OS default ${formatHex(def)})`) : `a ${r.type}`;
      out.push({
        key: v.key, name: DSP, want: { op: 'set-dword', data: target }, owner: v.component, phase: v.view === '64' ? 30 : 31, restart: 'reboot',
        reason: `WinHTTP ${DSP} (${label}) ${from} -> ${formatHex(target)}: TLS 1.2, no SSL, TLS 1.0/1.1 ${settings.disableLegacy ? 'dropped' : consent !== null ? 'on (allowLegacy)' : 'kept only where already offered'}; set in both views`,
      });
    }
    const final = write ? target : r.kind === 'dword' ? r.value : null;
    if (final !== null) finals.push({ label, value: final });
  }
  const [a, b] = finals;
  if (a !== undefined && b !== undefined && a.value !== b.value) {
    ctx.warn(warning('views-differ', `WinHTTP ${DSP} ends up ${formatHex(a.value)} in the ${a.label} and ${formatHex(b.value)} in the ${b.label}: both include TLS 1.2, but 32-bit and 64-bit applications get different TLS 1.0/1.1 sets (the plan keeps each view's own TLS 1.0/1.1 choice).`, ['WinHttp', 'WinHttp32']));
  }
  return out;
}

export function winInetIntents(ctx: TargetContext): Intent[] {
  const { m, settings } = ctx;
  const os = m.os;
  if (os === null || !m.coverage.winInet || os.osClass === 'legacyNoTls12') return [];
  const consent = legacyConsent(settings);
  const out: Intent[] = [];
  let anySet = false;
  const add = (key: string, from: string, base: number, phase: number): void => {
    const target = composeMask(legacyBits(settings, base, consent), (base & BIT.Tls13) !== 0);
    if (from !== 'absent' && target === base) return;
    out.push({
      key, name: 'SecureProtocols', want: { op: 'set-dword', data: target }, owner: 'WinInet', phase, restart: 'apps',
      reason: `WinINet SecureProtocols ${from} -> ${formatHex(target)}: TLS 1.2, no SSL`,
    });
    if (key.startsWith(`${HKCU}\\`)) {
      ctx.warn(warning('current-user', `WinINet SecureProtocols under ${key} applies to the user who runs the plan (or imports the .reg file) only; other users keep theirs (a script run by SCCM writes SYSTEM's). Use the machine policy (${WININET_POLICY}) for every user.`, ['WinInet']));
    }
  };
  WININET_KEYS.forEach((loc, i) => {
    const r = readDword(m.reg, loc.key, 'SecureProtocols');
    if (r.kind !== 'dword') return;
    anySet = true;
    add(loc.key, formatHex(r.value), r.value, 40 + i);
  });
  // WININET-003: nothing set on 7601/9200, where the default is undocumented: write the machine policy.
  if (!anySet && (os.build === 7601 || os.build === 9200)) add(WININET_POLICY, 'absent', WININET_ASSUMED_DEFAULT, 40);
  return out;
}
