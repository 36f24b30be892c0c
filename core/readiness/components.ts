import type { MachineFacts } from './facts.js';
import type { Component } from './model.js';
import { netFxKey } from './paths.js';

/**
 * Whether a component can be judged before any rule runs: NotApplicable (not on this machine), Unknown
 * (the input lacks the keys its rules read: never a guess), or evaluate. docs/domain-facts.md "Conventions" and 10.5/10.6.
 */
export type Base = { readonly kind: 'evaluate' } | { readonly kind: 'NotApplicable' | 'Unknown'; readonly reason: string };

const evaluate: Base = { kind: 'evaluate' };
const na = (reason: string): Base => ({ kind: 'NotApplicable', reason });
const unknown = (reason: string): Base => ({ kind: 'Unknown', reason });

const NO_OS = 'the input has no OS build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion), so the per-OS defaults are unknown';
const NO_ARCH = 'the input cannot tell a 64-bit OS from a 32-bit one (no Wow6432Node, no PROCESSOR_ARCHITECTURE)';
const NO_SCHANNEL = 'the input has no SCHANNEL key (HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL), which decides whether TLS 1.2 is usable';

export function componentBase(m: MachineFacts, c: Component): Base {
  const base = componentBaseOf(m, c);
  return base.kind === 'Unknown' && m.unreadableNote !== '' ? unknown(base.reason + m.unreadableNote) : base;
}

function componentBaseOf(m: MachineFacts, c: Component): Base {
  if (m.os === null) return unknown(NO_OS);
  // Server 2008 SP2 has TLS 1.1/1.2 in Schannel only with KB4019276 [DOTNET-TLS]: when the input cannot say
  // whether it is installed, nothing that rests on Schannel's TLS 1.2 can be judged.
  if (m.os.osClass === 'ws2008sp2' && m.updates.state('KB4019276').kind === 'unknown') {
    return unknown('the input has no hotfix list or CBS packages, so whether KB4019276 (TLS 1.1/1.2 for Schannel on Server 2008 SP2) is installed is unknown');
  }
  const needsSchannel = (inner: Base): Base => (inner.kind === 'evaluate' && !m.coverage.schannel ? unknown(NO_SCHANNEL) : inner);
  switch (c) {
    case 'WinHttp':
    case 'WinHttp32': {
      const view = c === 'WinHttp' ? '64' : '32';
      if (m.x64 === null) return unknown(NO_ARCH);
      if (view === '64' && !m.x64) return na('32-bit OS: its single registry view is reported as WinHttp32');
      if (!m.coverage.winHttp(view)) return unknown(`the input has no Internet Settings key in the ${view === '64' ? 'native' : 'Wow6432Node'} view`);
      return needsSchannel(evaluate);
    }
    case 'WinInet':
      if (!m.coverage.winInet) return unknown('the input has no Internet Settings key (HKLM or HKCU)');
      return needsSchannel(evaluate);
    case 'SChannelClient':
    case 'SChannelServer':
      return m.coverage.schannel ? evaluate : unknown(NO_SCHANNEL);
    case 'DotNet4':
    case 'DotNet4_32': {
      if (!m.coverage.dotnet) return unknown('the input has no .NET Framework keys (NET Framework Setup\\NDP)');
      if (m.dotnet4.installed === false) return na('.NET Framework 4.x is not installed (no NDP\\v4\\Full key)');
      if (m.x64 === null) return unknown(NO_ARCH);
      if (c === 'DotNet4' && !m.x64) return na('32-bit OS: its single registry view is reported as DotNet4_32');
      if (c === 'DotNet4_32' && m.x64 && !m.reg.hasKey(netFxKey('32', true, 'v4.0.30319'))) {
        return na('no 32-bit .NET 4 runtime key (Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319)');
      }
      return needsSchannel(evaluate);
    }
    case 'DotNet35':
    case 'DotNet35_32':
      if (!m.coverage.dotnet) return unknown('the input has no .NET Framework keys (NET Framework Setup\\NDP)');
      if (m.dotnet35.installed === false) return na('.NET Framework 3.5 is not installed (NDP\\v3.5 Install is not 1)');
      if (m.x64 === null) return unknown(NO_ARCH);
      if (c === 'DotNet35' && !m.x64) return na('32-bit OS: its single registry view is reported as DotNet35_32');
      return needsSchannel(evaluate);
  }
}
