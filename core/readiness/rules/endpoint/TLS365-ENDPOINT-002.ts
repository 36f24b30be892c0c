import { judge, WARN_DAYS } from '../../../endpoints/judge.js';
import { ESRC } from '../../../endpoints/sources.js';
import type { Severity } from '../../model.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { citeText, endpointFix, missingText, noFixText, ref, restsOnSecondary, stateText, tls12Note } from './common.js';

/**
 * TLS365-ENDPOINT-002 (Warn) and -003 (Info): the machine reaches an endpoint family on the judged day but will not
 * after an announced change: within WARN_DAYS (90) days a Warn, later an Info, each naming the date and what
 * is missing. One finding per endpoint, for its first breaking change.
 */
export function laterBreaks(id: 'TLS365-ENDPOINT-002' | 'TLS365-ENDPOINT-003', severity: Extract<Severity, 'Warn' | 'Info'>): Rule {
  const rule: Rule = {
    id,
    title: severity === 'Warn' ? `Will stop reaching a Microsoft endpoint within ${WARN_DAYS} days` : `Will stop reaching a Microsoft endpoint after an announced change more than ${WARN_DAYS} days away`,
    severity: [severity],
    components: ['SChannelClient'],
    sources: [SRC.M365_ENC, ESRC.CURVES_1607, SRC.HC_CIPHER],
    applies: (_m, options) => options.asOf !== undefined,
    evaluate: (m, options) => {
      const j = judge(m, options);
      if (j.kind !== 'ok') return [];
      const out: RuleOutput[] = [];
      for (const r of j.results) {
        if (r.now !== null && r.now.reach.kind !== 'reachable') continue; // ENDPOINT-001 already fails it
        const first = r.later.find((e) => e.reach.kind !== 'reachable');
        if (first === undefined || first.reach.kind === 'reachable') continue;
        if ((first.inDays <= WARN_DAYS) !== (severity === 'Warn')) continue;
        const fix = endpointFix(m, options, j, r.profile, first.era);
        const f = finding(rule, severity, ['SChannelClient'],
          `${r.profile.name} will stop accepting this machine on ${first.era.from}, in ${first.inDays} day(s) (${first.era.change}): ${missingText(first.reach.missing, first.era)}.${restsOnSecondary(first.reach.missing, first.era) ? ' This rests on a fact Microsoft has not published (a secondary source only).' : ''} In effect: ${stateText(j)}.${tls12Note(j)}${fix === null ? ` ${noFixText(j)}` : ''} ${citeText(first.era)}`,
          fix, fix === null ? [] : fix.updates);
        out.push(f.kind === 'finding' ? { ...f, finding: { ...f.finding, endpoint: ref(r.profile, first.era.from) } } : f);
      }
      return out;
    },
    fix: 'Before the date: put the suites the endpoint will accept at the top of the cipher-suite list (or enable the curve, or install the update that adds them); where this Windows version has none, plan the upgrade.',
  };
  return rule;
}

export const ENDPOINT_002: Rule = laterBreaks('TLS365-ENDPOINT-002', 'Warn');
