import { finding, type Rule } from '../../rule.js';
import { SRC } from '../../sources.js';
import { eachDword } from './per-view.js';

/**
 * TLS365-WINHTTP-012 (per view): DefaultSecureProtocols overrides a native default that already has TLS 1.2 (Windows
 * 8.1 / Server 2012 R2 and later, build 9600+) (docs/domain-facts.md 10.2; facts 2.2) [WINHTTP-FLAGS]. Info.
 */
export const WINHTTP_012: Rule = {
  id: 'TLS365-WINHTTP-012',
  title: 'WinHTTP DefaultSecureProtocols overrides a native default that already has TLS 1.2',
  severity: ['Info'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.WINHTTP_FLAGS],
  evaluate(m) {
    if (m.os === null || m.os.build < 9600) return [];
    return eachDword(m, (_, v, __, at) => finding(WINHTTP_012, 'Info', [v.component],
      `${at} overrides WinHTTP's default protocol list, which already includes TLS 1.2 on this Windows version (8.1 / Server 2012 R2 and later).`,
      null));
  },
  fix: 'None: informational.',
};
