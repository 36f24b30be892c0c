import { finding, unknown, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { isExchange } from './common.js';

/**
 * TLS365-EXCH-010: Exchange on Windows Server 2012 (9200) or 2012 R2 (9600) also needs KB3161949 and KB2973337 for TLS
 * 1.2 (docs/domain-facts.md 7, 10.7) [EX-TLS]. Not tied to one component: the finding counts for the machine only
 * (MissingUpdates), never for a component verdict.
 */
const KBS = ['KB3161949', 'KB2973337'] as const;

export const EXCH_010: Rule = {
  id: 'TLS365-EXCH-010',
  title: 'Exchange on Server 2012 / 2012 R2: KB3161949 or KB2973337 not detected',
  severity: ['Warn'],
  components: [],
  sources: [SRC.EX_TLS],
  applies: isExchange,
  evaluate: (m) => {
    if (m.os === null || (m.os.build !== 9200 && m.os.build !== 9600)) return [];
    const states = KBS.map((kb) => ({ kb, state: m.updates.state(kb) }));
    const missing = states.filter((s) => s.state.kind === 'not-detected').map((s) => s.kb);
    const unknownKbs = states.filter((s) => s.state.kind === 'unknown').map((s) => s.kb);
    if (missing.length === 0) {
      return unknownKbs.length === 0 ? [] : [unknown([], `the input has no hotfix list or CBS packages, so ${unknownKbs.join(' and ')} (needed by Exchange on ${m.os.name}) cannot be checked`)];
    }
    return [finding(EXCH_010, 'Warn', [],
      `${missing.join(' and ')} ${missing.length > 1 ? 'were' : 'was'} not detected (hotfix list and HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages) on this Exchange server running ${m.os.name}, and Exchange's TLS guidance requires both on Server 2012 and 2012 R2 (a later rollup may already contain them).`,
      { text: `Install ${missing.join(' and ')} (unless a later rollup already contains ${missing.length > 1 ? 'them' : 'it'}), then restart the server.`, changes: [], updates: missing, restart: 'reboot' },
      missing)];
  },
  fix: 'Install KB3161949 and KB2973337 (unless a later rollup already contains them), then restart the server.',
};
