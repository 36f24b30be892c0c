import { formatHex } from '../../../protocols/dword.js';
import type { MachineFacts } from '../../facts.js';
import type { Component } from '../../model.js';
import { finding, unknown, type Rule, type RuleOutput } from '../../rule.js';
import { SRC } from '../../sources.js';
import {
  BIT, DSP, RECOMMENDED_DSP, coveredViews, defaultPhrase, describeMask, dspChanges, readDsp, repairedMask, tls12ClientBlocked, viewLabel, winHttpViews,
} from './common.js';

/**
 * WinHTTP rules that depend on the OS build, KB3140245 and Schannel (docs/domain-facts.md 10.2): 002, 003, 004, 005,
 * 010, 011. "(both)" rules fire once, attached to every WinHTTP component of the machine.
 */

const KB = 'KB3140245';
const KB_BUILDS = new Set([7601, 9200]);
/** Windows 7 / Server 2008 R2 Service Pack 1: the prerequisite of KB3140245 on build 7600 (docs/domain-facts.md 2.3). */
const SP1_KB = 'KB976932';

const both = (m: MachineFacts): Component[] => winHttpViews(m).map((v) => v.component);
const build = (m: MachineFacts): number | null => m.os?.build ?? null;

export const WINHTTP_002: Rule = {
  id: 'TLS365-WINHTTP-002',
  title: 'WinHTTP DefaultSecureProtocols is set in the native view only (Windows 7 SP1 / Server 2012)',
  sources: [SRC.KB3140245, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    if (m.x64 !== true || b === null || !KB_BUILDS.has(b)) return [];
    const views = coveredViews(m);
    const native = views.find((v) => v.view === '64');
    const wow = views.find((v) => v.view === '32');
    if (native === undefined || wow === undefined) return [];
    const n = readDsp(m, native);
    const w = readDsp(m, wow);
    if (n.kind !== 'dword' || (n.value & BIT.Tls12) === 0 || w.kind === 'dword') return [];
    const data = repairedMask(n.value);
    return [finding(WINHTTP_002, 'Fail', [wow.component],
      `${wow.key} ${DSP} is ${w.kind === 'absent' ? 'absent' : `not a REG_DWORD (${w.type})`} while the native view has ${describeMask(n.value)}, so 32-bit WinHTTP applications on this 64-bit system keep ${defaultPhrase(m)} and cannot use TLS 1.2 (KB3140245: the value "must also be added" under Wow6432Node).`,
      {
        text: `Write the native view's protocols under Wow6432Node too: ${DSP} = ${formatHex(data)} in ${wow.key}, then reboot.`,
        changes: [{ op: 'set-dword', key: wow.key, name: DSP, data }],
        updates: [],
        restart: 'reboot',
      })];
  },
};

export const WINHTTP_003: Rule = {
  id: 'TLS365-WINHTTP-003',
  title: 'KB3140245 (WinHTTP DefaultSecureProtocols support) not detected on Windows 7 SP1 / Server 2008 R2 SP1 / Server 2012',
  sources: [SRC.KB3140245, SRC.SEED, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    const components = both(m);
    if (b === null || !KB_BUILDS.has(b) || components.length === 0) return [];
    const state = m.updates.state(KB);
    if (state.kind === 'unknown') {
      return [unknown(components, `WinHTTP on build ${b} needs ${KB}, and the input has no hotfix list or CBS packages to tell whether it is installed`)];
    }
    if (state.kind === 'detected') return [];
    return [finding(WINHTTP_003, 'Fail', components,
      `${KB} was not detected (hotfix list and CBS packages), and without it WinHTTP on ${m.os?.name ?? `build ${b}`} ignores ${DSP} and keeps ${defaultPhrase(m)}, so Office and other WinHTTP applications cannot use TLS 1.2.`,
      {
        text: `Install ${KB} (not detected here; a later monthly rollup may already contain it), then set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views and reboot.`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: [KB],
        restart: 'reboot',
      }, [KB])];
  },
};

export const WINHTTP_004: Rule = {
  id: 'TLS365-WINHTTP-004',
  title: 'WinHTTP cannot get TLS 1.2 by default on Windows 7 / Server 2008 R2 without SP1',
  sources: [SRC.KB3140245],
  evaluate(m) {
    const components = both(m);
    if (build(m) !== 7600 || components.length === 0) return [];
    return [finding(WINHTTP_004, 'Fail', components,
      `Build 7600 (Windows 7 / Server 2008 R2 without Service Pack 1): ${KB} applies to SP1 only, so WinHTTP keeps ${defaultPhrase(m)} and cannot use TLS 1.2 by default.`,
      {
        text: `Install Service Pack 1 (${SP1_KB}), then ${KB}, then set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views and reboot (see TLS365-OS-004).`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: [SP1_KB, KB],
        restart: 'reboot',
      })];
  },
};

export const WINHTTP_005: Rule = {
  id: 'TLS365-WINHTTP-005',
  title: 'KB3140245 is installed but DefaultSecureProtocols is absent',
  sources: [SRC.KB3140245, SRC.WINHTTP_FLAGS, SRC.CM_CLIENT],
  evaluate(m) {
    const b = build(m);
    if (b === null || !KB_BUILDS.has(b) || m.updates.state(KB).kind !== 'detected') return [];
    const out: RuleOutput[] = [];
    for (const v of coveredViews(m)) {
      const r = readDsp(m, v);
      if (r.kind === 'dword') continue;
      out.push(finding(WINHTTP_005, 'Fail', [v.component],
        `${v.key} ${DSP} is ${r.kind === 'absent' ? 'absent' : `not a REG_DWORD (${r.type})`} in ${viewLabel(v, m)}, so even with ${KB} installed WinHTTP keeps ${defaultPhrase(m)} and cannot use TLS 1.2 (KB3140245: "If the registry entry is not present, WinHTTP will use the existing operating system defaults"; Configuration Manager also says to create the value); note that the Microsoft 365 guidance says the contrary ("unless you have to customize what secure protocols are enabled or restricted, this key is not required"), which TLS365 does not follow.`,
        {
          text: `Set ${DSP} = ${formatHex(RECOMMENDED_DSP)} (TLS 1.1 + TLS 1.2) in this view, then reboot.`,
          changes: r.kind === 'absent'
            ? [{ op: 'set-dword', key: v.key, name: DSP, data: RECOMMENDED_DSP }]
            : [{ op: 'delete-value', key: v.key, name: DSP }, { op: 'set-dword', key: v.key, name: DSP, data: RECOMMENDED_DSP }],
          updates: [],
          restart: 'reboot',
        }));
    }
    return out;
  },
};

export const WINHTTP_010: Rule = {
  id: 'TLS365-WINHTTP-010',
  title: 'Schannel disables (or lacks) TLS 1.2 for clients, which WinHTTP cannot override',
  sources: [SRC.KB3140245],
  evaluate(m) {
    const components = both(m);
    if (components.length === 0) return [];
    const blocked = tls12ClientBlocked(m, components);
    if (blocked === null) return [];
    if (blocked.kind === 'unknown') return [blocked.output];
    return [finding(WINHTTP_010, 'Fail', components,
      `${blocked.what}; Schannel wins over WinHTTP's ${DSP}, so WinHTTP cannot negotiate TLS 1.2.`,
      blocked.fix, blocked.missing)];
  },
};

export const WINHTTP_011: Rule = {
  id: 'TLS365-WINHTTP-011',
  title: 'WinHTTP on Windows Server 2008 SP2 needs further updates for TLS 1.2',
  sources: [SRC.KB4467770, SRC.DOTNET_TLS],
  evaluate(m) {
    const b = build(m);
    const components = both(m);
    if ((b !== 6002 && b !== 6003) || m.os?.isServer !== true || components.length === 0) return [];
    const kb = m.updates.state('KB4019276');
    const missing = kb.kind === 'not-detected' ? ['KB4019276'] : [];
    return [finding(WINHTTP_011, 'Warn', components,
      `Build ${b} (Windows Server 2008 SP2): WinHTTP needs KB4019276 (${kb.kind === 'detected' ? 'detected' : kb.kind === 'not-detected' ? 'not detected' : 'cannot be checked'}) for TLS 1.2 in Schannel and a further WinHTTP update that no Microsoft source read names (KB4467770 documents ${DSP} with 0x200/0x800, but which OS it targets is unconfirmed), so TLS365 cannot confirm WinHTTP uses TLS 1.2 here.`,
      {
        text: `Install KB4019276${kb.kind === 'detected' ? ' (already detected)' : ''} and the WinHTTP update for Server 2008 SP2, set ${DSP} = ${formatHex(RECOMMENDED_DSP)} in both registry views, then reboot.`,
        changes: dspChanges(m, winHttpViews(m)),
        updates: kb.kind === 'detected' ? [] : ['KB4019276'],
        restart: 'reboot',
      }, missing)];
  },
};
