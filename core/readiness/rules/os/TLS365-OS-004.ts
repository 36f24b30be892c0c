import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { ALL } from './common.js';

/**
 * TLS365-OS-004: Windows 7 / Server 2008 R2 without Service Pack 1 (build 7600): KB3140245 applies to SP1 only
 * (docs/domain-facts.md 10.1; facts 5) [KB3140245].
 */

/** Windows 7 / Server 2008 R2 Service Pack 1, the prerequisite of KB3140245 [KB3140245]. */
const SP1_KB = 'KB976932';

export const OS_004: Rule = {
  id: 'TLS365-OS-004',
  title: 'Windows 7 / Server 2008 R2 without Service Pack 1',
  severity: ['Fail'],
  components: ALL,
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
  fix: 'Install Service Pack 1 (KB976932) and reboot, then install KB3140245 and set DefaultSecureProtocols.',
};
