import { judge } from '../../../endpoints/judge.js';
import { ESRC } from '../../../endpoints/sources.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { citeText, endpointFix, missingText, noFixText, ref, restsOnSecondary, stateText, tls12Note } from './common.js';

/**
 * TLS365-ENDPOINT-001: on the judged day (`-AsOf`, default today) the machine's Schannel client cannot complete a
 * handshake with an endpoint family (core/endpoints/profiles.ts): no protocol, suite or curve in common with what the
 * endpoint accepts (core/endpoints/verdict.ts). Fail on SChannelClient; Warn when the verdict rests on a fact only a
 * secondary source gives (common.ts, restsOnSecondary).
 */
export const ENDPOINT_001: Rule = {
  id: 'TLS365-ENDPOINT-001',
  title: 'Cannot reach a Microsoft endpoint on the judged day',
  severity: ['Fail', 'Warn'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC, ESRC.CURVES_1607, SRC.HC_CIPHER],
  applies: (_m, options) => options.asOf !== undefined,
  evaluate: (m, options) => {
    const j = judge(m, options);
    if (j.kind !== 'ok') return [];
    const out: RuleOutput[] = [];
    for (const r of j.results) {
      if (r.now === null || r.now.reach.kind === 'reachable') continue;
      const era = r.now.era;
      const since = era.from === '0000-01-01' ? '' : ` (since ${era.from}: ${era.change})`;
      const fix = endpointFix(m, options, j, r.profile, era);
      const secondary = restsOnSecondary(r.now.reach.missing, era);
      const f = finding(ENDPOINT_001, secondary ? 'Warn' : 'Fail', ['SChannelClient'],
        `${r.profile.name} cannot be reached on ${j.asOf}${since}: ${missingText(r.now.reach.missing, era)}.${secondary ? ' This rests on a fact Microsoft has not published (a secondary source only), so it is a warning, not a failure.' : ''} In effect: ${stateText(j)}.${tls12Note(j)}${fix === null ? ` ${noFixText(j)}` : ''} ${citeText(era)}`,
        fix, fix === null ? [] : fix.updates);
      out.push(f.kind === 'finding' ? { ...f, finding: { ...f.finding, endpoint: ref(r.profile, era.from) } } : f);
    }
    return out;
  },
  fix: 'Put the suites the endpoint accepts (those this Windows version has) at the top of the cipher-suite list, enable an accepted curve, or install the update that adds them; where this Windows version has none, only an upgrade helps.',
};
