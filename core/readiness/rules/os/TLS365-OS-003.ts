import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { ALL } from './common.js';

/**
 * TLS365-OS-003: the build is not in TLS365's OS table, so its per-OS defaults come from the nearest known
 * Windows version (docs/domain-facts.md 10.1; facts 3.2) [TLS365]. Info.
 */
export const OS_003: Rule = {
  id: 'TLS365-OS-003',
  title: 'The Windows build is not in TLS365\'s OS table',
  severity: ['Info'],
  components: ALL,
  sources: [SRC.TLSCONV],
  evaluate(m) {
    if (m.os === null || m.os.knownBuild) return [];
    return [finding(OS_003, 'Info', ALL,
      `Build ${m.os.build} (CurrentBuildNumber in HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion) is not in TLS365's OS table, so its per-OS defaults are taken from the nearest known Windows version and may be off.`,
      null)];
  },
  fix: 'None: informational.',
};
