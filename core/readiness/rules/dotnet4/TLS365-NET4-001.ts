import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isZero, read, setOne } from '../dotnet/common.js';
import { RESTART_SUSC, SUSC, perView, setFix } from './common.js';

/**
 * TLS365-NET4-001: `SchUseStrongCrypto` = 0 under a view's `.NETFramework\v4.0.30319`: strong cryptography is off for
 * every .NET 4.x app there (docs/domain-facts.md 10.5; facts 4.1) [DOTNET-TLS].
 */
export const NET4_001: Rule = {
  id: 'TLS365-NET4-001',
  title: '.NET 4.x strong cryptography switched off (SchUseStrongCrypto = 0)',
  severity: ['Fail'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_TLS],
  evaluate(m) {
    return perView(m, (v) => {
      if (!isZero(read(m, v.key, SUSC))) return null;
      return finding(NET4_001, 'Fail', [v.component],
        `${v.key} ${SUSC} is 0 (${v.label}): strong cryptography is switched off for every .NET 4.x app there, so apps that choose their own protocols offer only SSL 3.0 and TLS 1.0 and weak algorithms such as RC4 are allowed again.`,
        setFix(`Set ${SUSC}=1 (DWORD) under ${v.key}, then ${RESTART_SUSC}.`, [setOne(v.key, SUSC)]));
    });
  },
  fix: 'Set SchUseStrongCrypto=1 (DWORD) under the view\'s v4.0.30319 key, then restart the .NET applications (a reboot is recommended).',
};
