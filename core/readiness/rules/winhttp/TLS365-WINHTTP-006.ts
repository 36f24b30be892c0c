import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT, DSP, repairedMask } from './common.js';
import { eachDword, named, setDsp } from './per-view.js';

/**
 * TLS365-WINHTTP-006 (per view): DefaultSecureProtocols enables SSL 2.0 (0x8) or SSL 3.0 (0x20), which Microsoft
 * calls outdated and insecure (docs/domain-facts.md 10.2; facts 1.1) [SEED].
 */
export const WINHTTP_006: Rule = {
  id: 'TLS365-WINHTTP-006',
  title: 'WinHTTP DefaultSecureProtocols enables SSL 2.0 or SSL 3.0',
  severity: ['Warn'],
  components: ['WinHttp', 'WinHttp32'],
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
  fix: 'Remove the SSL bits (0x8, 0x20) from DefaultSecureProtocols in the view\'s WinHttp key, then reboot.',
};
