import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { ALL, isSp2Build } from './common.js';

/**
 * TLS365-OS-001: the Windows version has no TLS 1.2 in Schannel (below build 6002, or Vista SP2), so every
 * component fails (docs/domain-facts.md 10.1; facts 3.2, 6) [PROTOCOLS] [DOTNET-TLS].
 */
export const OS_001: Rule = {
  id: 'TLS365-OS-001',
  title: 'The Windows version does not support TLS 1.2',
  severity: ['Fail'],
  components: ALL,
  sources: [SRC.PROTOCOLS, SRC.DOTNET_TLS],
  evaluate(m) {
    if (m.os === null) return [];
    const { build, isServer, name } = m.os;
    if (isSp2Build(build) && isServer === null) {
      // docs/domain-facts.md 6: Vista and Server 2008 SP2 share the build; without InstallationType, ProductName or
      // ProductType the input cannot tell them apart, and only the server can get TLS 1.2.
      return [unknown(ALL, `build ${build} is Windows Vista SP2 (no TLS 1.2) or Windows Server 2008 SP2 (TLS 1.2 with KB4019276), and the input has no InstallationType, ProductName or ProductType to tell which`)];
    }
    if (build >= 6002 && !(isSp2Build(build) && isServer === false)) return [];
    return [finding(OS_001, 'Fail', ALL,
      `${name} (build ${build}, HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion) does not support TLS 1.2 in Schannel, so nothing on this machine can connect to Microsoft 365 once TLS 1.0/1.1 are refused.`,
      { text: 'Upgrade the operating system to a Windows version that supports TLS 1.2 (Windows 10 / Server 2016 or later is recommended).', changes: [], updates: [], restart: 'none' })];
  },
  fix: 'Upgrade the operating system to a Windows version that supports TLS 1.2.',
};
