import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { describe, isOne, read, setOne } from '../dotnet/common.js';
import { RESTART_SUSC, SUSC, perView } from './common.js';

/**
 * TLS365-NET35-003: `SchUseStrongCrypto` is not 1 in a view, so .NET 3.5 apps that ask for TLS explicitly run without
 * strong cryptography (docs/domain-facts.md 10.6; facts 4.1) [DOTNET-TLS] [EX-TLS].
 */
export const NET35_003: Rule = {
  id: 'TLS365-NET35-003',
  title: '.NET 3.5 strong cryptography not switched on (SchUseStrongCrypto not 1)',
  severity: ['Warn'],
  components: ['DotNet35', 'DotNet35_32'],
  sources: [SRC.DOTNET_TLS, SRC.EX_TLS],
  evaluate: (m) =>
    perView(m, (v) => {
      const susc = read(m, v.key, SUSC);
      if (isOne(susc)) return null;
      return finding(NET35_003, 'Warn', [v.component],
        `${v.key} ${SUSC} is ${describe(susc)} (${v.label}): .NET 3.5 apps that ask for TLS explicitly run without strong cryptography, so weak algorithms such as RC4 stay allowed.`,
        { text: `Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, changes: [setOne(v.key, SUSC)], updates: [], restart: 'apps' });
    }),
  fix: 'Set SchUseStrongCrypto=1 (DWORD) under the view\'s v2.0.50727 key, then restart the .NET 3.5 applications (a reboot is recommended).',
};
