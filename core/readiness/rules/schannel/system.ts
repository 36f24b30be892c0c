import { FIPS_KEY, LSA_KEY, SCHANNEL_KEY } from '../../paths.js';
import { readDword } from '../../registry.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { BOTH_ROLES, dwordText, valueText, withSchannel } from './common.js';

/**
 * SCHANNEL-013 (FIPS policy) and SCHANNEL-017 (event logging for discovery): machine-wide Schannel values,
 * docs/domain-facts.md 3.5 and 10.4. Both are Info.
 */
export const schannel013: Rule = {
  id: 'TLS365-SCHANNEL-013',
  title: 'FIPS algorithm policy is enabled',
  sources: [SRC.M365_ENC, SRC.TLSREG_2019],
  evaluate: (m) => {
    // Vista / 2008 and later: Lsa\FipsAlgorithmPolicy Enabled; XP / 2003: DWORD FIPSAlgorithmPolicy under Lsa. The sub-key wins (3.5).
    const sub = readDword(m.reg, FIPS_KEY, 'Enabled');
    const old = readDword(m.reg, LSA_KEY, 'FIPSAlgorithmPolicy');
    const where = sub.kind === 'dword' ? { key: FIPS_KEY, name: 'Enabled', value: sub.value } : old.kind === 'dword' ? { key: LSA_KEY, name: 'FIPSAlgorithmPolicy', value: old.value } : null;
    if (where === null || where.value === 0) return [];
    return [finding(schannel013, 'Info', ['SChannelClient'],
      `${where.key} ${where.name} = ${dwordText(where.value)}: FIPS mode restricts Schannel to FIPS-approved cipher suites; every suite Microsoft 365 supports qualifies, so this does not block Microsoft 365.`,
      null)];
  },
};

export const schannel017: Rule = {
  id: 'TLS365-SCHANNEL-017',
  title: 'Schannel does not log successful handshakes',
  sources: [SRC.TLSREG_2023],
  appliesTo: (_m, options) => options.discovery === true,
  evaluate: (m, options) => {
    if (options.discovery !== true) return [];
    return withSchannel(m, BOTH_ROLES, () => {
      const v = readDword(m.reg, SCHANNEL_KEY, 'EventLogging');
      if (v.kind === 'dword' && (v.value & 4) !== 0) return [];
      const found = v.kind === 'absent' ? 'EventLogging absent (default 1, errors only)' : valueText('EventLogging', v);
      return [finding(schannel017, 'Info', BOTH_ROLES,
        `${SCHANNEL_KEY} ${found}: without the informational bit (4) Schannel does not write event 36880 for successful handshakes, so the System log cannot show which clients still use TLS 1.0/1.1.`,
        { text: 'Set EventLogging=7 (errors, warnings and successful handshakes) for the discovery period, then restart the machine; watch the System log size.', changes: [{ op: 'set-dword', key: SCHANNEL_KEY, name: 'EventLogging', data: 7 }], updates: [], restart: 'reboot' })];
    });
  },
};

export const systemRules: readonly Rule[] = [schannel013, schannel017];
