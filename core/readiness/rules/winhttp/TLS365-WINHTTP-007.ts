import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BIT, DSP } from './common.js';
import { eachDword, named, setDsp } from './per-view.js';

/**
 * TLS365-WINHTTP-007 (per view): DefaultSecureProtocols still offers TLS 1.0 (0x80) or TLS 1.1 (0x200), which
 * Microsoft 365 refuses; harmless while TLS 1.2 is offered too (docs/domain-facts.md 10.2; facts 1.1) [SEED]
 * [M365-ENC]. Info.
 */
export const WINHTTP_007: Rule = {
  id: 'TLS365-WINHTTP-007',
  title: 'WinHTTP DefaultSecureProtocols still enables TLS 1.0 or TLS 1.1',
  severity: ['Info'],
  components: ['WinHttp', 'WinHttp32'],
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
  fix: 'Optional: once nothing needs TLS 1.0/1.1, set DefaultSecureProtocols to TLS 1.2 (and TLS 1.3 where set) only in the view\'s WinHttp key and reboot.',
};
