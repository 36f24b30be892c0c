import type { MachineFacts } from '../../readiness/facts.js';
import { schannelProtocolKey, type Role, type SchannelProtocol } from '../../readiness/paths.js';
import { numberIn, readDword } from '../../readiness/registry.js';
import { tls13Bar } from '../../readiness/rules/exchange/common.js';
import { isAadc } from '../../readiness/rules/products/common.js';
import { hcTls } from '../../readiness/rules/exchange/healthchecker.js';
import {
  deleteValue, legacyConsent, offValue, turnLegacyOn, turnOff, turnOn, warning, type Intent, type LegacyTls, type TargetContext, type ValueName,
} from '../intent.js';

/**
 * The Schannel part of the target state (docs/domain-facts.md 3.1-3.3, 7, 10.4, 10.7):
 * - TLS 1.2: Client and Server Enabled=1, DisabledByDefault=0, always both roles and both values (3.3 step 4),
 *   on every OS that can have TLS 1.2 (Server 2008 SP2 included: the values wait for KB4019276), whenever it
 *   is not already on by default with nothing written (tls12Why).
 * - TLS 1.3: on when asked for and the OS has it; off on an Exchange server below HealthChecker's bar
 *   (EXCH-004); else left as it is.
 * - TLS 1.0/1.1: off with disableLegacy, on with allowLegacy (its consent), else left as it is.
 * - SSL 2.0/3.0: off where on, where their values are malformed, and everywhere with disableLegacy; never on.
 * "Left as it is" still repairs what can be repaired without turning anything on: a value of another type
 * than REG_DWORD is rewritten when it clearly means "off" and deleted otherwise (TLS365 already ignores it),
 * and a "half disabled" Enabled=0/DisabledByDefault=0 pair gets DisabledByDefault=1. On an Exchange server a
 * TLS 1.0/1.1 that HealthChecker reads as Disabled gets its missing DisabledByDefault=1 (EXCH-005).
 */
const ROLES: readonly Role[] = ['Client', 'Server'];
const SSL: readonly SchannelProtocol[] = ['SSL 3.0', 'SSL 2.0'];
const LEGACY: readonly LegacyTls[] = ['TLS 1.0', 'TLS 1.1'];


const dwordOf = (m: MachineFacts, key: string, name: ValueName): number | null => {
  const r = readDword(m.reg, key, name);
  return r.kind === 'dword' ? r.value : null;
};

/** Values of another type, or a contradicting pair (SCHANNEL-010, -012). */
function malformed(m: MachineFacts, p: SchannelProtocol, role: Role): boolean {
  const key = schannelProtocolKey(p, role);
  const wrong = (['Enabled', 'DisabledByDefault'] as const).some((n) => { const v = m.reg.value(key, n); return v !== undefined && v.type !== 'REG_DWORD'; });
  const en = dwordOf(m, key, 'Enabled');
  const dbd = dwordOf(m, key, 'DisabledByDefault');
  return wrong || (en === 0 && dbd === 0) || (en !== null && en !== 0 && dbd !== null && dbd !== 0);
}

/** "Left as it is": only repairs that turn nothing on (see the module comment). */
function keep(m: MachineFacts, p: SchannelProtocol, role: Role, exchangeDisabled: boolean): Intent[] {
  const key = schannelProtocolKey(p, role);
  const out: Intent[] = [];
  const after: Record<ValueName, number | null> = { Enabled: dwordOf(m, key, 'Enabled'), DisabledByDefault: dwordOf(m, key, 'DisabledByDefault') };
  for (const name of ['Enabled', 'DisabledByDefault'] as const) {
    const v = m.reg.value(key, name);
    if (v === undefined || v.type === 'REG_DWORD') continue;
    const n = numberIn(v);
    const meansOff = name === 'Enabled' ? n === 0 : n !== null && n !== 0;
    if (meansOff) {
      out.push(offValue(p, role, name, `${name} is a ${v.type} holding ${String(n)}: rewritten as the REG_DWORD it means`));
      after[name] = name === 'Enabled' ? 0 : 1;
    } else {
      out.push(deleteValue(p, role, name, `${name} is a ${v.type}, which Schannel does not document and TLS365 ignores: deleted, so the state TLS365 reported stays`));
      after[name] = null;
    }
  }
  if (after.Enabled === 0 && after.DisabledByDefault === 0) out.push(offValue(p, role, 'DisabledByDefault', `${p} is disabled (Enabled=0) but DisabledByDefault=0 contradicts it: completed as off`));
  else if (exchangeDisabled && after.DisabledByDefault === null) out.push(offValue(p, role, 'DisabledByDefault', `Exchange: ${p} is disabled and HealthChecker wants DisabledByDefault defined (EXCH-005)`));
  return out;
}

/**
 * Why TLS 1.2 is written explicitly, or null when it is on by default for both roles with nothing written
 * (or already written as 1/0): then writing it would change nothing but cost a reboot. Explicit values are
 * written where TLS 1.2 is not on for a role, where its values are incomplete or malformed, on Exchange and
 * Azure AD Connect hosts (their guidance wants them defined [EX-TLS]; [AADC]), and with disableLegacy (TLS 1.2
 * is then all that is left, written as the hardening guides write it).
 */
function tls12Why(ctx: TargetContext): string | null {
  const { m, settings } = ctx;
  if (settings.disableLegacy) return 'TLS 1.0/1.1 are being turned off';
  if (ctx.exchange) return 'Exchange wants every TLS 1.0-1.2 value defined (EXCH-005)';
  if (isAadc(m, settings.roles)) return 'Azure AD Connect requires explicit TLS 1.2 values (AADC-001)';
  for (const role of ROLES) {
    const r = m.schannel('TLS 1.2', role);
    if (r.state !== 'On') return `it is ${r.state === 'OffByDefault' ? 'off by default' : r.state === 'Disabled' ? 'disabled' : 'not supported yet'} for the ${role.toLowerCase()} role`;
    const clean = (r.enabled.kind === 'absent' && r.disabledByDefault.kind === 'absent') || (r.enabled.kind === 'dword' && r.enabled.value === 1 && r.disabledByDefault.kind === 'dword' && r.disabledByDefault.value === 0);
    if (!clean) return `the ${role.toLowerCase()} values are incomplete or not written as 1/0`;
  }
  return null;
}

function tls13(ctx: TargetContext): Intent[] {
  const { m, settings } = ctx;
  const os = m.os;
  if (os === null) return [];
  const requested = settings.protocols.includes('Tls13');
  const on = (reason: string): Intent[] => ROLES.flatMap((r) => turnOn('TLS 1.3', r, reason));
  const off = (reason: string): Intent[] => ROLES.flatMap((r) => turnOff('TLS 1.3', r, reason));
  const left = (): Intent[] => ROLES.flatMap((r) => keep(m, 'TLS 1.3', r, false));
  if (ctx.exchange) {
    const bar = tls13Bar(m);
    const hc = hcTls(m.reg, 'TLS 1.3');
    if (bar === 'above') {
      if (requested) return on('TLS 1.3 asked for; Exchange 2019 CU15 / SE on Server 2022 or later supports it');
      if (hc.misconfigured || hc.halfDisabled) {
        return hc.client.enabled || hc.server.enabled
          ? on('Exchange: TLS 1.3 Client and Server must agree (EXCH-001/002); it is on for one of them')
          : off('Exchange: TLS 1.3 Client and Server must agree (EXCH-001/002)');
      }
      return left();
    }
    if (requested) {
      ctx.warn(warning('tls13-exchange', bar === 'below'
        ? 'TLS 1.3 was asked for, but HealthChecker supports TLS 1.3 on Exchange only on Windows Server 2022 or later with Exchange 2019 CU15 or Exchange SE: the plan keeps TLS 1.3 off on this Exchange server.'
        : 'TLS 1.3 was asked for, but the input has no Exchange build (ExchangeServer\\v15\\Setup), so whether this Exchange server supports TLS 1.3 is unknown: the plan does not change TLS 1.3.', ['SChannelClient', 'SChannelServer']));
    }
    if (bar === 'below' && hc.configuration !== 'Disabled') return off('Exchange below 2019 CU15 / SE on Server 2022: TLS 1.3 must be disabled (EXCH-004)');
    return left();
  }
  if (requested && os.tls13Capable) return on('TLS 1.3 asked for and supported by this OS');
  if (requested) {
    ctx.warn(warning('tls13-unsupported', `TLS 1.3 was asked for, but ${os.name} (build ${os.build}) has no TLS 1.3 in Schannel (Windows Server 2022 and Windows 11 are the first): the plan does not change TLS 1.3 here.`, ['SChannelClient', 'SChannelServer']));
  }
  return left();
}

export function schannelIntents(ctx: TargetContext): Intent[] {
  const { m, settings } = ctx;
  const os = m.os;
  if (os === null || !m.coverage.schannel) return [];
  const out: Intent[] = [];
  const consent = legacyConsent(settings);

  if (os.osClass === 'legacyNoTls12') {
    ctx.warn(warning('os-unsupported', `${os.name} (build ${os.build}) has no TLS 1.2 at all: no registry change makes it ready; upgrade the operating system.`));
  } else {
    const why = tls12Why(ctx);
    if (why !== null) for (const role of ROLES) out.push(...turnOn('TLS 1.2', role, `TLS 1.2 on for client and server, both values explicit (docs/domain-facts.md 3.3 step 4): ${why}`));
  }
  out.push(...tls13(ctx));

  // Remote Desktop on Windows 7 / Server 2008 R2 speaks TLS 1.0 only until KB3080079 ("Update to add RDS support for
  // TLS 1.1 and TLS 1.2 in Windows 7 or Windows Server 2008 R2", support.microsoft.com/kb/3080079): turning TLS 1.0
  // off without it cuts RDP to the machine.
  if (settings.disableLegacy && os.build === 7601 && m.updates.state('KB3080079').kind !== 'detected') {
    const known = m.updates.state('KB3080079').kind === 'unknown' ? 'whether it is installed is unknown from this input' : 'it was not detected';
    ctx.warn(warning('rdp-tls10', `-DisableLegacy turns TLS 1.0 off, and Remote Desktop on ${os.name} speaks only TLS 1.0 until KB3080079 is installed (${known}): RDP connections to this machine would fail. Install KB3080079 first.`, ['SChannelServer']));
  }
  for (const p of LEGACY) {
    const exchangeDisabled = ctx.exchange && hcTls(m.reg, p).disabled;
    for (const role of ROLES) {
      if (settings.disableLegacy) out.push(...turnOff(p, role, `disableLegacy: ${p} off for client and server`));
      else if (consent !== null) {
        if (m.schannel(p, role).state !== 'NotSupported') out.push(...turnLegacyOn(p, role, consent, `allowLegacy: ${p} written on for client and server`));
      } else out.push(...keep(m, p, role, exchangeDisabled));
    }
  }

  for (const p of SSL) {
    for (const role of ROLES) {
      const on = m.schannel(p, role).state === 'On';
      if (settings.disableLegacy || on || malformed(m, p, role)) {
        const why = settings.disableLegacy ? 'disableLegacy' : on ? `${p} is on for the ${role.toLowerCase()} role (SCHANNEL-006/007)` : `${p} values are malformed (SCHANNEL-010/012)`;
        out.push(...turnOff(p, role, `${why}: ${p} off; SSL is never turned on`));
      }
    }
  }
  return out;
}
