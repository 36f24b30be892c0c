import { formatHex } from '../../../protocols/dword.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, RECOMMENDED_DSP, dspChanges, winHttpViews } from './common.js';
import { both, build } from './scope.js';

/**
 * TLS365-WINHTTP-011 (both): on Windows Server 2008 SP2, WinHTTP needs KB4019276 and a further WinHTTP update that no
 * Microsoft source read names (docs/domain-facts.md 10.2; facts 5) [KB4467770] [DOTNET-TLS].
 */
export const WINHTTP_011: Rule = {
  id: 'TLS365-WINHTTP-011',
  title: 'WinHTTP on Windows Server 2008 SP2 needs further updates for TLS 1.2',
  severity: ['Warn'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB4467770, SRC.DOTNET_TLS],
  evaluate(m) {
    const b = build(m);
    const components = both(m);
    if ((b !== 6002 && b !== 6003) || m.os?.isServer !== true || components.length === 0) return [];
    const kb = m.updates.state('KB4019276');
    const missing = kb.kind === 'not-detected' ? ['KB4019276'] : [];
    return [finding(WINHTTP_011, 'Warn', components,
      `Build ${b} (Windows Server 2008 SP2): WinHTTP needs KB4019276 (${kb.kind === 'detected' ? 'detected' : kb.kind === 'not-detected' ? 'not detected' : 'cannot be checked'}) for TLS 1.2 in Schannel and a further WinHTTP update that no Microsoft source read names (KB4467770 documents ${DSP} with 0x200/0x800, but which OS it targets is unconfirmed), so TLS365 cannot confirm WinHTTP uses TLS 1.2 here.`,
      {
        text: `Install KB4019276${kb.kind === 'detected' ? ' (already detected)' : ''} and the WinHTTP update for Server 2008 SP2, set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views, then reboot.`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: kb.kind === 'detected' ? [] : ['KB4019276'],
        restart: 'reboot',
      }, missing)];
  },
  fix: 'Install KB4019276 and the WinHTTP update for Server 2008 SP2, set DefaultSecureProtocols = 0x00000A00 in both registry views, then reboot.',
};
