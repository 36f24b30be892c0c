import { formatHex, parseDword } from '../../../protocols/dword.js';
import type { MachineFacts } from '../../facts.js';
import type { RegChange } from '../../model.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import {
  BIT, DSP, KNOWN_BITS, RECOMMENDED_DSP, coveredViews, describeMask, readDsp, repairedMask, viewLabel, type WinHttpView,
} from './common.js';

/**
 * WinHTTP rules about the DefaultSecureProtocols value itself (docs/domain-facts.md 10.2): 001, 006, 007, 008, 009, 012,
 * 013. All are "per view": one finding per registry view, attached to that view's component.
 */

type PerView = (m: MachineFacts, v: WinHttpView, value: number, at: string) => RuleOutput | null;

/** Runs `check` for every covered view whose DefaultSecureProtocols is a REG_DWORD. */
function eachDword(m: MachineFacts, check: PerView): RuleOutput[] {
  const out: RuleOutput[] = [];
  for (const v of coveredViews(m)) {
    const r = readDsp(m, v);
    if (r.kind !== 'dword') continue;
    const o = check(m, v, r.value, `${v.key} ${DSP} = ${describeMask(r.value)} in ${viewLabel(v, m)}`);
    if (o !== null) out.push(o);
  }
  return out;
}

/** `SSL 2.0 and SSL 3.0`: the labels of the given bits that are set. */
const named = (value: number, bits: readonly (readonly [number, string])[]): string =>
  bits.filter(([b]) => (value & b) !== 0).map(([, l]) => l).join(' and ');

const setDsp = (v: WinHttpView, data: number): RegChange => ({ op: 'set-dword', key: v.key, name: DSP, data });

export const WINHTTP_001: Rule = {
  id: 'TLS365-WINHTTP-001',
  title: 'WinHTTP DefaultSecureProtocols is set without TLS 1.2',
  sources: [SRC.SEED, SRC.KB3140245],
  evaluate(m) {
    return eachDword(m, (_, v, value, at) => ((value & BIT.Tls12) !== 0 ? null : finding(WINHTTP_001, 'Fail', [v.component],
      `${at} has no TLS 1.2 bit (0x800), so applications that use WinHTTP's default protocols (Office among them) cannot negotiate TLS 1.2 with Microsoft 365.`,
      {
        text: `Set ${DSP} to ${formatHex(RECOMMENDED_DSP)} (TLS 1.1 + TLS 1.2; 0x00000800 or 0x00000A80 also work) in this view, then reboot.`,
        changes: [setDsp(v, RECOMMENDED_DSP)],
        updates: [],
        restart: 'reboot',
      })));
  },
};

export const WINHTTP_006: Rule = {
  id: 'TLS365-WINHTTP-006',
  title: 'WinHTTP DefaultSecureProtocols enables SSL 2.0 or SSL 3.0',
  sources: [SRC.SEED],
  evaluate(m) {
    return eachDword(m, (_, v, value, at) => ((value & (BIT.Ssl2 | BIT.Ssl3)) === 0 ? null : finding(WINHTTP_006, 'Warn', [v.component],
      `${at} enables ${named(value, [[BIT.Ssl2, 'SSL 2.0'], [BIT.Ssl3, 'SSL 3.0']])}, which Microsoft calls outdated and insecure (KB3009008).`,
      {
        text: `Remove the SSL bits (0x8, 0x20): set ${DSP} to ${formatHex(repairedMask(value))} in this view, then reboot.`,
        changes: [setDsp(v, repairedMask(value))],
        updates: [],
        restart: 'reboot',
      })));
  },
};

export const WINHTTP_007: Rule = {
  id: 'TLS365-WINHTTP-007',
  title: 'WinHTTP DefaultSecureProtocols still enables TLS 1.0 or TLS 1.1',
  sources: [SRC.SEED, SRC.M365_ENC],
  evaluate(m) {
    return eachDword(m, (_, v, value, at) => {
      if ((value & (BIT.Tls10 | BIT.Tls11)) === 0) return null;
      const tls12Only = (value & BIT.Tls13) | BIT.Tls12;
      return finding(WINHTTP_007, 'Info', [v.component],
        `${at} still offers ${named(value, [[BIT.Tls10, 'TLS 1.0'], [BIT.Tls11, 'TLS 1.1']])}, which Microsoft 365 refuses${(value & BIT.Tls12) !== 0 ? '; harmless while TLS 1.2 is also offered' : ''}.`,
        {
          text: `Optional: once nothing this machine talks to needs TLS 1.0/1.1, set ${DSP} to ${formatHex(tls12Only)} in this view and reboot.`,
          changes: [setDsp(v, tls12Only)],
          updates: [],
          restart: 'reboot',
        });
    });
  },
};

export const WINHTTP_008: Rule = {
  id: 'TLS365-WINHTTP-008',
  title: 'WinHTTP DefaultSecureProtocols has bits that are no protocol',
  sources: [SRC.SEED, SRC.KB3140245, SRC.WINHTTP_FLAGS, SRC.TLSCONV],
  evaluate(m) {
    return eachDword(m, (_, v, value, at) => ((value & ~KNOWN_BITS) >>> 0 === 0 ? null : finding(WINHTTP_008, 'Warn', [v.component],
      `${at} sets bits outside the known protocol bits ${formatHex(KNOWN_BITS)} (SSL 2.0 to TLS 1.3), so it is not the value Microsoft documents and may not mean what was intended.`,
      {
        text: `Rewrite ${DSP} with known TLS bits only: ${formatHex(repairedMask(value))} in this view, then reboot.`,
        changes: [setDsp(v, repairedMask(value))],
        updates: [],
        restart: 'reboot',
      })));
  },
};

export const WINHTTP_009: Rule = {
  id: 'TLS365-WINHTTP-009',
  title: 'WinHTTP DefaultSecureProtocols is not a REG_DWORD',
  sources: [SRC.KB3140245],
  evaluate(m) {
    const out: RuleOutput[] = [];
    for (const v of coveredViews(m)) {
      const r = readDsp(m, v);
      if (r.kind !== 'wrong-type') continue;
      const raw = m.reg.value(v.key, DSP);
      const parsed = raw !== undefined && (raw.type === 'REG_SZ' || raw.type === 'REG_EXPAND_SZ') ? parseDword(raw.data) : null;
      const data = parsed !== null && parsed.ok ? repairedMask(parsed.value) : RECOMMENDED_DSP;
      out.push(finding(WINHTTP_009, 'Warn', [v.component],
        `${v.key} ${DSP} in ${viewLabel(v, m)} is a ${r.type}, not the REG_DWORD bitmap KB3140245 defines, so WinHTTP probably ignores it and keeps its OS default.`,
        {
          text: `Delete ${DSP} and create it again as a REG_DWORD = ${formatHex(data)} in this view, then reboot.`,
          changes: [{ op: 'delete-value', key: v.key, name: DSP }, setDsp(v, data)],
          updates: [],
          restart: 'reboot',
        }));
    }
    return out;
  },
};

export const WINHTTP_012: Rule = {
  id: 'TLS365-WINHTTP-012',
  title: 'WinHTTP DefaultSecureProtocols overrides a native default that already has TLS 1.2',
  sources: [SRC.WINHTTP_FLAGS],
  evaluate(m) {
    if (m.os === null || m.os.build < 9600) return [];
    return eachDword(m, (_, v, __, at) => finding(WINHTTP_012, 'Info', [v.component],
      `${at} overrides WinHTTP's default protocol list, which already includes TLS 1.2 on this Windows version (8.1 / Server 2012 R2 and later).`,
      null));
  },
};

export const WINHTTP_013: Rule = {
  id: 'TLS365-WINHTTP-013',
  title: 'WinHTTP DefaultSecureProtocols asks for TLS 1.3 on a Windows version without it',
  sources: [SRC.PROTOCOLS],
  evaluate(m) {
    if (m.os === null || m.os.build >= 20348) return [];
    const build = m.os.build;
    return eachDword(m, (_, v, value, at) => ((value & BIT.Tls13) === 0 ? null : finding(WINHTTP_013, 'Info', [v.component],
      `${at} includes TLS 1.3 (0x2000), which Schannel supports only from Windows Server 2022 / Windows 11, so the bit has no effect on build ${build}.`,
      null)));
  },
};
