import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isOne, tls12ClientBlocksFamily } from '../dotnet/common.js';
import { SDTV } from './common.js';

/**
 * TLS365-NET35-005: the Schannel TLS 1.2 client is not usable by default, so .NET 3.5 cannot negotiate TLS 1.2 (when
 * only off by default: in the views whose `SystemDefaultTlsVersions` is 1) (docs/domain-facts.md 10.6; facts 3.3, 4.1,
 * 5) [DOTNET-TLS].
 */
export const NET35_005: Rule = {
  id: 'TLS365-NET35-005',
  title: '.NET 3.5 cannot use TLS 1.2 because the Schannel TLS 1.2 client is not usable by default',
  severity: ['Fail'],
  components: ['DotNet35', 'DotNet35_32'],
  sources: [SRC.DOTNET_TLS],
  evaluate: (m) =>
    // OffByDefault only matters to apps that follow the OS default, i.e. SystemDefaultTlsVersions = 1 (absent is 0 on 3.5).
    tls12ClientBlocksFamily(NET35_005, m, 'v35', isOne, (v, _sdtv, offByDefault) => (offByDefault
      ? `and ${v.key} ${SDTV} is 1 (${v.label}), so .NET 3.5 apps follow that default and will not offer TLS 1.2.`
      : `so no .NET 3.5 app in the ${v.label} can negotiate TLS 1.2.`)),
  fix: 'Switch the Schannel TLS 1.2 client on (Enabled=1, DisabledByDefault=0 under TLS 1.2\\Client) and reboot; where Schannel lacks TLS 1.2, install KB4019276 first (Server 2008 SP2) or upgrade the operating system.',
};
