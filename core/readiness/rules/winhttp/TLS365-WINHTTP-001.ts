import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT, DSP, RECOMMENDED_DSP } from './common.js';
import { eachDword, setDsp } from './per-view.js';

/**
 * TLS365-WINHTTP-001 (per view): DefaultSecureProtocols is a REG_DWORD without the TLS 1.2 bit 0x800, so WinHTTP
 * applications that use the default protocols cannot negotiate TLS 1.2 (docs/domain-facts.md 10.2; facts 1.1, 2)
 * [SEED] [KB3140245].
 */
export const WINHTTP_001: Rule = {
  id: 'TLS365-WINHTTP-001',
  title: 'WinHTTP DefaultSecureProtocols is set without TLS 1.2',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
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
  fix: 'Set DefaultSecureProtocols to 0x00000A00 (TLS 1.1 + TLS 1.2) in the view\'s WinHttp key, then reboot.',
};
