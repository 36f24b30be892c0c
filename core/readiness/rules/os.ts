import { COMPONENTS, type Component } from '../model.js';
import { finding, unknown, type Rule } from '../rule.js';
import { SRC } from '../sources.js';

/**
 * OS and update rules, TLS365-OS-001..004 (docs/domain-facts.md 10.1; facts 3.2, 5, 6). "all" means every component:
 * the evaluator drops the ones that are NotApplicable on this machine.
 */

const ALL: readonly Component[] = COMPONENTS;
const SCHANNEL: readonly Component[] = ['SChannelClient', 'SChannelServer'];
const KB4019276 = 'KB4019276';
/** Windows 7 / Server 2008 R2 Service Pack 1, the prerequisite of KB3140245 [KB3140245]. */
const SP1_KB = 'KB976932';

const isSp2Build = (b: number): boolean => b === 6002 || b === 6003;

export const OS_001: Rule = {
  id: 'TLS365-OS-001',
  title: 'The Windows version does not support TLS 1.2',
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
};

export const OS_002: Rule = {
  id: 'TLS365-OS-002',
  title: 'Windows Server 2008 SP2 without KB4019276 (TLS 1.1/1.2 for Schannel)',
  sources: [SRC.DOTNET_TLS],
  evaluate(m) {
    if (m.os === null || !isSp2Build(m.os.build) || m.os.isServer !== true) return [];
    const state = m.updates.state(KB4019276);
    if (state.kind === 'unknown') {
      return [unknown(SCHANNEL, `TLS 1.2 on Windows Server 2008 SP2 needs ${KB4019276}, and the input has no hotfix list or CBS packages to tell whether it is installed`)];
    }
    if (state.kind === 'detected') return [];
    return [finding(OS_002, 'Fail', SCHANNEL,
      `${KB4019276} was not detected (hotfix list and CBS packages) on Windows Server 2008 SP2 (build ${m.os.build}), and without it Schannel supports neither TLS 1.1 nor TLS 1.2.`,
      {
        text: `Install ${KB4019276} (not detected here; a later rollup may already contain it) and reboot, then enable TLS 1.2 in Schannel (Enabled = 1, DisabledByDefault = 0; see TLS365-SCHANNEL-003).`,
        changes: [],
        updates: [KB4019276],
        restart: 'reboot',
      }, [KB4019276])];
  },
};

export const OS_003: Rule = {
  id: 'TLS365-OS-003',
  title: 'The Windows build is not in TLS365\'s OS table',
  sources: [SRC.TLSCONV],
  evaluate(m) {
    if (m.os === null || m.os.knownBuild) return [];
    return [finding(OS_003, 'Info', ALL,
      `Build ${m.os.build} (CurrentBuildNumber in HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion) is not in TLS365's OS table, so its per-OS defaults are taken from the nearest known Windows version and may be off.`,
      null)];
  },
};

export const OS_004: Rule = {
  id: 'TLS365-OS-004',
  title: 'Windows 7 / Server 2008 R2 without Service Pack 1',
  sources: [SRC.KB3140245],
  evaluate(m) {
    if (m.os === null || m.os.build !== 7600) return [];
    return [finding(OS_004, 'Fail', ALL,
      `Build 7600 is Windows 7 / Server 2008 R2 without Service Pack 1: KB3140245 (TLS 1.1/1.2 as WinHTTP defaults) applies to SP1 only, so this machine cannot be made ready for TLS 1.2 as it is.`,
      {
        text: `Install Service Pack 1 (${SP1_KB}) and reboot, then install KB3140245 and set DefaultSecureProtocols (see TLS365-WINHTTP-004).`,
        changes: [],
        updates: [SP1_KB, 'KB3140245'],
        restart: 'reboot',
      })];
  },
};

export const osRules: readonly Rule[] = [OS_001, OS_002, OS_003, OS_004];
