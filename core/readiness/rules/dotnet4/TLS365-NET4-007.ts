import { NDP_V4_FULL_KEY } from '../../paths.js';
import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { RELEASE_45, prelude } from '../dotnet/common.js';
import { isOutput, release } from './common.js';

/**
 * TLS365-NET4-007: `NDP\v4\Full` exists but `Release` is absent or below 4.5: only .NET Framework 4.0 is installed,
 * which has no TLS 1.2 (docs/domain-facts.md 10.5; facts 4.3) [DOTNET-VER]; Unknown when `Release` is not a DWORD.
 */
export const NET4_007: Rule = {
  id: 'TLS365-NET4-007',
  title: '.NET Framework 4.0 only (no Release value, or below 4.5)',
  severity: ['Fail'],
  components: ['DotNet4', 'DotNet4_32'],
  sources: [SRC.DOTNET_VER],
  evaluate(m) {
    const p = prelude(m, 'v4');
    if (p.kind === 'done') return p.out;
    const r = release(m, p);
    if (isOutput(r)) return [r];
    if (r.kind === 'known' && r.value >= RELEASE_45) return [];
    const found = r.kind === 'known' ? `Release is ${r.value}` : 'Release is absent';
    return [finding(NET4_007, 'Fail', p.views.map((v) => v.component),
      `${NDP_V4_FULL_KEY} exists but ${found}: only .NET Framework 4.0 is installed, which has no TLS 1.2 support.`,
      { text: 'Install .NET Framework 4.8 (or 4.8.1), then reboot.', changes: [], updates: [], restart: 'reboot' })];
  },
  fix: 'Install .NET Framework 4.8 (or 4.8.1), then reboot.',
};
