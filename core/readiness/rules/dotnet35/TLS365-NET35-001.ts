import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { describe, isOne, read, setOne } from '../dotnet/common.js';
import { RESTART_APPS, SDTV, net35UpdateFor, perView } from './common.js';

/**
 * TLS365-NET35-001: `SystemDefaultTlsVersions` is not 1 under a view's `.NETFramework\v2.0.50727`, so .NET 3.5 apps
 * there use the protocols .NET picks (SSL 3.0 and TLS 1.0) instead of the OS defaults (docs/domain-facts.md 10.6; facts
 * 4.1) [DOTNET-TLS] [CM-CLIENT].
 */
export const NET35_001: Rule = {
  id: 'TLS365-NET35-001',
  title: '.NET 3.5 does not use the OS default protocols (SystemDefaultTlsVersions not 1)',
  severity: ['Fail'],
  components: ['DotNet35', 'DotNet35_32'],
  sources: [SRC.DOTNET_TLS, SRC.CM_CLIENT],
  evaluate: (m) =>
    perView(m, (v, views) => {
      const sdtv = read(m, v.key, SDTV);
      if (isOne(sdtv)) return null;
      // The catalogue's fix sets the value in both views, which keeps them aligned (NET35-004).
      const ordered = [v, ...views.filter((o) => o !== v)];
      const needsKb = m.os !== null && net35UpdateFor(m.os) !== null ? ' (it takes effect only with the .NET 3.5 TLS update for this OS, see TLS365-NET35-002)' : '';
      return finding(NET35_001, 'Fail', [v.component],
        `${v.key} ${SDTV} is ${describe(sdtv)} (${v.label}): .NET 3.5 apps there use the protocols .NET picks (SSL 3.0 and TLS 1.0) instead of the OS defaults, so they do not negotiate TLS 1.2.`,
        {
          text: `Set ${SDTV}=1 (DWORD) under ${ordered.map((o) => o.key).join(' and ')}${needsKb}, then ${RESTART_APPS}.`,
          changes: ordered.map((o) => setOne(o.key, SDTV)), updates: [], restart: 'apps',
        });
    }),
  fix: 'Set SystemDefaultTlsVersions=1 (DWORD) under v2.0.50727 in every view, then restart the .NET 3.5 applications.',
};
