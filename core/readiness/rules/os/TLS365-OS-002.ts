import type { Component } from '../../model.js';
import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isSp2Build } from './common.js';

/**
 * TLS365-OS-002: Windows Server 2008 SP2 has TLS 1.1/1.2 in Schannel only with KB4019276 (docs/domain-facts.md 10.1;
 * facts 5, 6) [DOTNET-TLS]; Unknown when the input has no hotfix list or CBS packages.
 */
const SCHANNEL: readonly Component[] = ['SChannelClient', 'SChannelServer'];
const KB4019276 = 'KB4019276';

export const OS_002: Rule = {
  id: 'TLS365-OS-002',
  title: 'Windows Server 2008 SP2 without KB4019276 (TLS 1.1/1.2 for Schannel)',
  severity: ['Fail'],
  components: SCHANNEL,
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
  fix: 'Install KB4019276 and reboot, then enable TLS 1.2 in Schannel (Enabled = 1, DisabledByDefault = 0).',
};
