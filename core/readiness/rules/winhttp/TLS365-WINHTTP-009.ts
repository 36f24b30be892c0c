import { formatHex, parseDword } from '../../../protocols/dword.js';
import { finding, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { DSP, RECOMMENDED_DSP, coveredViews, readDsp, repairedMask, viewLabel } from './common.js';
import { setDsp } from './per-view.js';

/**
 * TLS365-WINHTTP-009 (per view): DefaultSecureProtocols is not the REG_DWORD bitmap KB3140245 defines, so WinHTTP
 * probably ignores it (docs/domain-facts.md 10.2) [KB3140245].
 */
export const WINHTTP_009: Rule = {
  id: 'TLS365-WINHTTP-009',
  title: 'WinHTTP DefaultSecureProtocols is not a REG_DWORD',
  severity: ['Warn'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.KB3140245],
  evaluate(m) {
    const out: RuleOutput[] = [];
    for (const v of coveredViews(m)) {
      const r = readDsp(m, v);
      if (r.kind !== 'wrong-type') continue;
      const raw = m.reg.value(v.key, DSP);
      const parsed = raw !== undefined && (raw.type === 'REG_SZ' || raw.type === 'REG_EXPAND_SZ') ? parseDword(raw.data) : null;
      const data = parsed !== null && parsed.ok ? repairedMask(parsed.value) : RECOMMENDED_DSP;
      out.push(finding(WINHTTP_009, 'Warn', [v.component],
        `${v.key} ${DSP} in ${viewLabel(v, m)} is a ${r.type}, not the REG_DWORD bitmap KB3140245 defines, so WinHTTP probably ignores it and keeps its OS default.`,
        {
          text: `Delete ${DSP} and create it again as a REG_DWORD = ${formatHex(data)} in this view, then reboot.`,
          changes: [{ op: 'delete-value', key: v.key, name: DSP }, setDsp(v, data)],
          updates: [],
          restart: 'reboot',
        }));
    }
    return out;
  },
  fix: 'Delete DefaultSecureProtocols and create it again as a REG_DWORD in the view\'s WinHttp key, then reboot.',
};
