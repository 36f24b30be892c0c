import type { MachineFacts } from '../../facts.js';
import type { Component, Finding } from '../../model.js';
import { finding, type EvaluateOptions, type Rule } from '../../rule.js';
import { visible } from '../../../model/visible.js';
import { shownFinding } from '../../shown.js';
import { SRC } from '../../sources.js';
import { netSettingLabel, schannelSettingLabel, tlsSettings, type TlsSetting } from '../../settings.js';
import { isExchange } from './common.js';
import { NET_VALUES } from './healthchecker.js';

/**
 * TLS365-EXCH-009 (docs/domain-facts.md 10.7): Exchange servers in one batch must run the same TLS configuration. As
 * HealthChecker's Extended Protection prerequisite check does [HC-EP], servers are grouped by their raw
 * TLS 1.0-1.2 Client/Server `Enabled` / `DisabledByDefault` values and their .NETv4 `SystemDefaultTlsVersions`
 * / `SchUseStrongCrypto` values in both views (absent is a value of its own); more than one group gives every
 * grouped server one Warn. It needs the whole batch, so it is not in RULES and its per-machine `evaluate` finds
 * nothing: the bridge runs it through the fleet functions below (exchangeFleetSignature, then fleetFindings).
 *
 * Machines whose input lacks SCHANNEL or .NET keys, or cannot tell 32 from 64 bit, are left out: their
 * settings are unknown, not different.
 */
export const EXCH_009: Rule = {
  id: 'TLS365-EXCH-009',
  title: 'Exchange: servers in the batch differ in TLS 1.0-1.2 / .NET 4 settings',
  severity: ['Warn'],
  components: ['SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32'],
  sources: [SRC.HC_EP],
  applies: isExchange,
  evaluate: () => [],
  fix: 'Apply the same TLS 1.0-1.2 Client/Server values and .NET 4 values on every Exchange server, then restart each changed server.',
};

/**
 * The settings EXCH-009 compares: HealthChecker's subset [HC-EP] of the machine's TLS settings (settings.ts, which
 * the fleet report groups every machine by, issue 16, item 3): TLS 1.0-1.2 Client/Server Enabled and
 * DisabledByDefault, and .NET v4.0.30319 SystemDefaultTlsVersions / SchUseStrongCrypto in each view.
 */
const HC_LABELS: ReadonlySet<string> = new Set([
  ...(['TLS 1.0', 'TLS 1.1', 'TLS 1.2'] as const).flatMap((p) => (['Client', 'Server'] as const).flatMap((r) => (['Enabled', 'DisabledByDefault'] as const).map((n) => schannelSettingLabel(p, r, n)))),
  ...['native', 'Wow6432Node', 'only'].flatMap((v) => NET_VALUES.map((n) => netSettingLabel('v4.0.30319', v, n))),
]);

function settings(m: MachineFacts): readonly TlsSetting[] {
  return tlsSettings(m).filter((x) => HC_LABELS.has(x.label));
}

function nameOf(m: MachineFacts): string {
  if (m.computerName !== null) return m.computerName;
  const last = (m.snapshot.origin ?? '').split(/[\\/]/).pop() ?? '';
  const stem = last.replace(/\.[^.]*$/, '');
  return stem === '' ? 'unknown' : stem;
}

/** Whether EXCH-009 groups this machine: an Exchange server (detected or by -Role) whose settings are all known. */
export function exchangeFleetMember(m: MachineFacts, options: EvaluateOptions): boolean {
  return isExchange(m, options) && m.coverage.schannel && m.coverage.dotnet && m.x64 !== null;
}

/**
 * What EXCH-009 compares of one Exchange server: its name and its raw settings (a few dozen short strings). The
 * bridge returns it with the server's result, so the fleet check is a pure call over signatures and no
 * machine's facts are kept between requests (issue 14). null: the machine is not grouped.
 */
export interface FleetSignature {
  readonly name: string;
  readonly settings: readonly { readonly label: string; readonly component: Component; readonly value: string }[];
}

export function exchangeFleetSignature(m: MachineFacts, options: EvaluateOptions): FleetSignature | null {
  return exchangeFleetMember(m, options) ? { name: nameOf(m), settings: settings(m) } : null;
}

/** One Warn per grouped server when the batch holds more than one configuration; `index` is the machine's position in `machines`. */
export function exchangeFleetFindings(machines: readonly MachineFacts[], options: EvaluateOptions = { roles: [] }): readonly { index: number; computerName: string; finding: Finding }[] {
  const signed = machines.map((m, index) => ({ index, signature: exchangeFleetSignature(m, options) }));
  const members = signed.filter((x): x is { index: number; signature: FleetSignature } => x.signature !== null);
  return fleetFindings(members.map((x) => x.signature)).map((f) => ({ ...f, index: (members[f.index] as { index: number }).index }));
}

/** EXCH-009 over signatures (every one a grouped server): one Warn per server when they hold more than one configuration; `index` is its position in `signatures`. */
export function fleetFindings(signatures: readonly FleetSignature[]): readonly { index: number; computerName: string; finding: Finding }[] {
  const servers = signatures.map((sig, index) => ({ index, name: sig.name, settings: sig.settings }));
  const groups = new Map<string, typeof servers>();
  for (const s of servers) {
    const sig = s.settings.map((x) => `${x.label}=${x.value}`).join('|');
    groups.set(sig, [...(groups.get(sig) ?? []), s]);
  }
  if (groups.size <= 1) return [];

  const groupList = [...groups.values()];
  const out: { index: number; computerName: string; finding: Finding }[] = [];
  groupList.forEach((members, gi) => {
    for (const s of members) {
      // The settings where some other server holds a different value than this one.
      const differs = s.settings.filter((mine) => servers.some((o) => o.settings.find((x) => x.label === mine.label)?.value !== mine.value));
      const components = [...new Set(differs.map((d) => d.component))];
      const peers = members.filter((x) => x !== s).map((x) => x.name);
      const out1 = finding(EXCH_009, 'Warn', components,
        `The ${servers.length} Exchange servers in this batch have ${groupList.length} different TLS 1.0-1.2 / .NET 4 configurations and this one is in group ${gi + 1}${peers.length > 0 ? ` with ${peers.join(', ')}` : ' alone'}; it differs from others in ${differs.map((d) => `${d.label} (here ${d.value})`).join(', ')}, and HealthChecker's Extended Protection check requires every Exchange server to run the same TLS configuration.`,
        { text: 'Apply the same TLS 1.0-1.2 Client/Server values and .NET 4 values on every Exchange server (the other EXCH findings give the recommended values), then restart each changed server.', changes: [], updates: [], restart: 'reboot' });
      // Reported as evaluateFacts reports: the other servers' names are shown with control characters as \xHH.
      if (out1.kind === 'finding') out.push({ index: s.index, computerName: visible(s.name), finding: shownFinding(out1.finding) });
    }
  });
  return out;
}
