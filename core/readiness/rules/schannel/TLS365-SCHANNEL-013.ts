import { FIPS_KEY, LSA_KEY } from '../../paths.js';
import { readDword } from '../../registry.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { dwordText } from './common.js';

/**
 * TLS365-SCHANNEL-013: the FIPS algorithm policy is enabled; it restricts Schannel to FIPS-approved suites, which
 * every suite Microsoft 365 supports is (docs/domain-facts.md 3.5, 10.4) [M365-ENC] [TLSREG-2019]. Info.
 */
export const SCHANNEL_013: Rule = {
  id: 'TLS365-SCHANNEL-013',
  title: 'FIPS algorithm policy is enabled',
  severity: ['Info'],
  components: ['SChannelClient'],
  sources: [SRC.M365_ENC, SRC.TLSREG_2019],
  evaluate: (m) => {
    // Vista / 2008 and later: Lsa\FipsAlgorithmPolicy Enabled; XP / 2003: DWORD FIPSAlgorithmPolicy under Lsa. The sub-key wins (3.5).
    const sub = readDword(m.reg, FIPS_KEY, 'Enabled');
    const old = readDword(m.reg, LSA_KEY, 'FIPSAlgorithmPolicy');
    const where = sub.kind === 'dword' ? { key: FIPS_KEY, name: 'Enabled', value: sub.value } : old.kind === 'dword' ? { key: LSA_KEY, name: 'FIPSAlgorithmPolicy', value: old.value } : null;
    if (where === null || where.value === 0) return [];
    return [finding(SCHANNEL_013, 'Info', ['SChannelClient'],
      `${where.key} ${where.name} = ${dwordText(where.value)}: FIPS mode restricts Schannel to FIPS-approved cipher suites; every suite Microsoft 365 supports qualifies, so this does not block Microsoft 365.`,
      null)];
  },
  fix: 'None: informational (every suite Microsoft 365 supports is FIPS-approved).',
};
