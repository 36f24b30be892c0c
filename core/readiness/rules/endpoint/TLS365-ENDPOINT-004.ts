import { judge } from '../../../endpoints/judge.js';
import { ESRC } from '../../../endpoints/sources.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';

/**
 * TLS365-ENDPOINT-004 (Info): the endpoint checks could not be made (no OS build, no SCHANNEL key in the input, or a
 * build TLS365 has no cipher-suite list for). Says so instead of guessing; never changes a verdict.
 */
export const ENDPOINT_004: Rule = {
  id: 'TLS365-ENDPOINT-004',
  title: 'Endpoint checks not possible',
  severity: ['Info'],
  components: ['SChannelClient'],
  sources: [SRC.HC_CIPHER, ESRC.CURVES_1607],
  applies: (_m, options) => options.asOf !== undefined,
  evaluate: (m, options) => {
    const j = judge(m, options);
    if (j.kind !== 'unknown') return [];
    return [finding(ENDPOINT_004, 'Info', ['SChannelClient'], `The Microsoft endpoint profiles were not checked: ${j.reason}.`, null)];
  },
  fix: 'None: collect the machine with the collector (or an export that holds the SCHANNEL and cipher-suite keys) and evaluate it again.',
};
