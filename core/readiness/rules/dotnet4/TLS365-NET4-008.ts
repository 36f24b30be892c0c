import type { Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { describe, isZero, tls12ClientBlocksFamily } from '../dotnet/common.js';
import { SDTV } from './common.js';

/**
 * TLS365-NET4-008: the Schannel TLS 1.2 client is not usable by default, so .NET 4.x cannot negotiate TLS 1.2 (when
 * only off by default: in the views whose `SystemDefaultTlsVersions` is not 0) (docs/domain-facts.md 10.5; facts 3.3,
 * 4.1, 5) [DOTNET-TLS] [EX-TLS].
 */
export const NET4_008: Rule = {
  id: 'TLS365-NET4-008',
  title: '.NET 4.x cannot use TLS 1.2 because the Schannel TLS 1.2 client is not usable by default',
  severity: ['Fail'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_TLS, SRC.EX_TLS],
  evaluate: (m) =>
    // OffByDefault only hurts apps that follow the OS default: SystemDefaultTlsVersions not explicitly 0.
    tls12ClientBlocksFamily(NET4_008, m, 'v4', (sdtv) => !isZero(sdtv), (v, sdtv, offByDefault) => (offByDefault
      ? `and ${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}), so .NET 4.x apps that follow the OS default will not offer TLS 1.2.`
      : `so no .NET 4.x app in the ${v.label} can negotiate TLS 1.2.`)),
  fix: 'Switch the Schannel TLS 1.2 client on (Enabled=1, DisabledByDefault=0 under TLS 1.2\\Client) and reboot; where Schannel lacks TLS 1.2, install KB4019276 first (Server 2008 SP2) or upgrade the operating system.',
};
