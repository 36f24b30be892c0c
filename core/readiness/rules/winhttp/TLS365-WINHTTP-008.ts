import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, KNOWN_BITS, repairedMask } from './common.js';
import { eachDword, setDsp } from './per-view.js';

/**
 * TLS365-WINHTTP-008 (per view): DefaultSecureProtocols sets bits outside the known protocol bits 0x2AA8 (SSL 2.0
 * to TLS 1.3), so it is not a value Microsoft documents (docs/domain-facts.md 10.2; facts 1.1) [SEED] [KB3140245]
 * [WINHTTP-FLAGS] [TLS365].
 */
export const WINHTTP_008: Rule = {
  id: 'TLS365-WINHTTP-008',
  title: 'WinHTTP DefaultSecureProtocols has bits that are no protocol',
  severity: ['Warn'],
  components: ['WinHttp', 'WinHttp32'],
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
  fix: 'Rewrite DefaultSecureProtocols with known TLS bits only in the view\'s WinHttp key, then reboot.',
};
