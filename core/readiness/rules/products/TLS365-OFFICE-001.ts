import type { Component, RegChange } from '../../model.js';
import { schannelProtocolKey, winHttpKey } from '../../paths.js';
import { readDword } from '../../registry.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import { views } from '../exchange/common.js';
import { DSP, DSP_FIX, dword, hex, NO_ARCH, NO_SCHANNEL, show, TLS12 } from './common.js';

/**
 * TLS365-OFFICE-001: Office on Windows 7 SP1 talks to Microsoft 365 through WinHTTP, so it uses TLS 1.2 only when
 * WinHTTP does [SEED]: KB3140245 installed, `DefaultSecureProtocols` with 0x800 in the view, and the Schannel TLS 1.2
 * client not disabled. This repeats the WinHTTP family's Fail conditions for 7601 (WINHTTP-001/003/005/010; WINHTTP-002
 * is the 32-bit case of 005) instead of reading their verdict, which a rule cannot see; WinHTTP warnings alone do not
 * make Office fail. Office detection is unconfirmed (docs/domain-facts.md 8): `-Role Office` only.
 */
export const OFFICE_001: Rule = {
  id: 'TLS365-OFFICE-001',
  title: 'Office on Windows 7 SP1: WinHTTP cannot use TLS 1.2',
  severity: ['Fail'],
  components: ['WinHttp', 'WinHttp32'],
  sources: [SRC.SEED, SRC.KB3140245],
  applies: (_m, o) => o.roles.includes('Office'),
  evaluate: (m) => {
    if (m.os === null || m.os.build !== 7601) return [];
    if (m.x64 === null) return [unknown(['WinHttp', 'WinHttp32'], NO_ARCH)];
    const x64 = m.x64;
    const vs = views(x64);
    const kb = m.updates.state('KB3140245');
    if (kb.kind === 'unknown') return [unknown(vs.map((v) => v.winHttp), 'the input has no hotfix list or CBS packages, so KB3140245 cannot be checked')];
    if (!m.coverage.schannel) return [unknown(vs.map((v) => v.winHttp), NO_SCHANNEL)];
    const global: string[] = [];
    const changes: RegChange[] = [];
    if (kb.kind === 'not-detected') global.push('KB3140245 was not detected');
    const client = m.schannel('TLS 1.2', 'Client');
    if (client.state === 'Disabled' || client.state === 'NotSupported') {
      const key = schannelProtocolKey('TLS 1.2', 'Client');
      global.push(`${key} has Enabled=${show(client.enabled)}`);
      changes.push(dword(key, 'Enabled', 1), dword(key, 'DisabledByDefault', 0));
    }
    const out: RuleOutput[] = [];
    const perView: string[] = [];
    const comps: Component[] = [];
    for (const v of vs) {
      if (!m.coverage.winHttp(v.view)) {
        out.push(unknown([v.winHttp], `the input has no Internet Settings key in the ${v.label} view`));
        continue;
      }
      const key = winHttpKey(v.view, x64);
      const r = readDword(m.reg, key, DSP);
      // A value of another type is WINHTTP-009's (Warn, effect unconfirmed): not a Fail here.
      const lacks = r.kind === 'absent' || (r.kind === 'dword' && (r.value & TLS12) === 0);
      if (lacks) {
        perView.push(`${key}\\${DSP} is ${show(r)}`);
        changes.push(dword(key, DSP, DSP_FIX));
      }
      if (lacks || global.length > 0) comps.push(v.winHttp);
    }
    if (comps.length === 0) return out;
    const missing = kb.kind === 'not-detected' ? ['KB3140245'] : [];
    const steps = [
      ...(missing.length > 0 ? ['install KB3140245 (a later rollup may already contain it)'] : []),
      ...(perView.length > 0 ? [`set ${DSP}=${hex(DSP_FIX)} where it lacks TLS 1.2`] : []),
      ...(changes.some((c) => c.name === 'Enabled') ? ['enable the TLS 1.2 Schannel client (Enabled=1, DisabledByDefault=0)'] : []),
    ];
    const text = `${steps.join(', ')}, then restart the computer.`;
    out.push(finding(OFFICE_001, 'Fail', comps,
      `Office on ${m.os.name} connects to Microsoft 365 through WinHTTP, which here cannot use TLS 1.2 (${[...global, ...perView].join('; ')}), so Office cannot connect to Microsoft 365, which refuses TLS 1.0 and 1.1.`,
      { text: text.charAt(0).toUpperCase() + text.slice(1), changes, updates: missing, restart: 'reboot' },
      missing));
    return out;
  },
  fix: 'Install KB3140245 if it is not detected, set DefaultSecureProtocols=0xA00 where it lacks TLS 1.2 and enable the TLS 1.2 Schannel client where it is off, then restart the computer.',
};
