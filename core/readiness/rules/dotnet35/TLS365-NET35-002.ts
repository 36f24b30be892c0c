import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { familyComponents, prelude } from '../dotnet/common.js';
import { SDTV, net35UpdateFor } from './common.js';

/**
 * TLS365-NET35-002: below build 10240, the .NET 3.5 "TLS System Default Versions" update for this OS is not detected
 * (docs/domain-facts.md 10.6; facts 4.4, 5) [DOTNET-TLS]; Unknown when the input has no hotfix list or CBS packages.
 */
export const NET35_002: Rule = {
  id: 'TLS365-NET35-002',
  title: '.NET 3.5 TLS System Default Versions update not detected',
  severity: ['Warn'],
  components: ['DotNet35', 'DotNet35_32'],
  sources: [SRC.DOTNET_TLS],
  evaluate(m) {
    const p = prelude(m, 'v35');
    if (p.kind === 'done') return p.out;
    const comps = p.views.map((v) => v.component);
    if (m.os === null) return [unknown(familyComponents('v35'), 'the input has no OS build, so the .NET 3.5 update this OS needs is unknown')];
    const need = net35UpdateFor(m.os);
    if (need === null) return [];
    const state = m.updates.state(need.kb);
    if (state.kind === 'detected') return [];
    if (state.kind === 'unknown') return [unknown(comps, `the input has no hotfix list or CBS packages, so it cannot tell whether ${need.kb} (.NET 3.5 TLS System Default Versions for ${need.os}) is installed`)];
    const sp1 = m.os.build === 7600 ? 'Install Service Pack 1, then ' : 'Install ';
    return [finding(NET35_002, 'Warn', comps,
      `${need.kb}, the update that lets .NET 3.5 use TLS 1.2 and honour ${SDTV} on ${need.os}, was not detected (a later .NET rollup may include it without naming it).`,
      { text: `${sp1}${need.kb} (or confirm that an installed .NET rollup includes it), then reboot.`, changes: [], updates: [need.kb], restart: 'reboot' },
      [need.kb])];
  },
  fix: 'Install the .NET 3.5 TLS System Default Versions update for this OS (KB3154517, KB3154518, KB3154519 or KB3154520), or confirm that an installed .NET rollup includes it, then reboot.',
};
