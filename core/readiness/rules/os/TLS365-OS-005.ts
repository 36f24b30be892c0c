import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { ALL } from './common.js';

/**
 * TLS365-OS-005: a restart is pending (Component Based Servicing RebootPending, Windows Update RebootRequired:
 * the key exists), and Schannel, WinHTTP and .NET settings and installed updates take effect only after one
 * (docs/domain-facts.md 5.1, 10.1) [CM-PREREQ] [HC-REBOOT] [TLSREG-2023] [CM-CLIENT]. Warn on every component: the
 * verdicts read the registry as written, which is the machine after the restart; a Warn never makes one NotReady.
 * Says nothing when no marker is present, also when the input cannot tell (facts.ts RebootReading).
 */
export const OS_005: Rule = {
  id: 'TLS365-OS-005',
  title: 'A restart is pending',
  severity: ['Warn'],
  components: ALL,
  sources: [SRC.CM_PREREQ, SRC.HC_REBOOT, SRC.TLSREG_2023, SRC.CM_CLIENT],
  evaluate(m) {
    const found = m.reboot.filter((r) => r.state === 'present').map((r) => `${r.marker.label} (${r.marker.key})`);
    if (found.length === 0) return [];
    return [finding(OS_005, 'Warn', ALL,
      `A restart is pending: ${found.join(' and ')} ${found.length === 1 ? 'exists' : 'exist'}. Schannel, WinHTTP and .NET registry settings, and installed updates such as KB3140245, take effect only after a restart: this verdict reads the registry as written, so it describes the machine as it will be after the restart, and until then the machine may still behave otherwise.`,
      { text: 'Restart the machine, then evaluate it again.', changes: [], updates: [], restart: 'reboot' })];
  },
  fix: 'Restart the machine, then evaluate it again.',
};
