import { machineFacts } from '../readiness/facts.js';
import { BUILD_NAMES } from '../readiness/os.js';
import { ENVIRONMENT_KEY, OS_KEY, schannelProtocolKey } from '../readiness/paths.js';
import { readString } from '../readiness/registry.js';
import { DSP, dspHonoured } from '../readiness/rules/winhttp/common.js';
import type { MachineSnapshot } from '../readiness/snapshot.js';
import { foldName } from '../regfile/index.js';
import { planRemediation } from '../plan/plan.js';
import type { PlanChange } from '../plan/model.js';
import type { DesiredOutcome, DesiredRefusal, DesiredState, DesiredWrite } from './model.js';

/**
 * What a desired-state script writes on one machine, computed by the core: the planner's changes for the
 * state's settings (planRemediation: the same per-OS rules Set-Tls365Protocols applies; the cipher-suite list as
 * SCHANNEL-014/015 need it, without an endpoint day, which the scripts do not judge), without
 *  - the values an update must come first for (issue 15: "nothing written where the OS needs an update
 *    first (reported instead)"): WinHTTP's DefaultSecureProtocols where WinHTTP does not read it yet
 *    (dspHonoured: KB3140245 on 7601/9200, Service Pack 1 first on 7600, KB4019276 on Server 2008 SP2), and
 *    Schannel's TLS 1.1/1.2 values on Server 2008 SP2 without KB4019276.
 * It is the reference the PowerShell interpreter of the scripts is tested against, value by value and in
 * order (tests/e2e/desired-differential.test.ts), and it refuses exactly the machines the scripts refuse.
 */

/** Why the scripts refuse a machine, read as they read it (and as the collector does): or null. */
export function desiredRefusal(snapshot: MachineSnapshot): DesiredRefusal | null {
  const reg = machineFacts(snapshot).reg;
  const text = readString(reg, OS_KEY, 'CurrentBuildNumber') ?? readString(reg, OS_KEY, 'CurrentBuild');
  if (text === undefined || !/^\s*[0-9]{4,6}\s*$/.test(text)) return { kind: 'refused', why: 'its build cannot be read (CurrentBuildNumber)' };
  const arch = readString(reg, ENVIRONMENT_KEY, 'PROCESSOR_ARCHITECTURE');
  if (arch === undefined || arch.trim() === '') return { kind: 'refused', why: 'its architecture cannot be read (PROCESSOR_ARCHITECTURE)' };
  const build = Number(text.trim());
  if (!BUILD_NAMES.has(build)) return { kind: 'refused', why: `build ${build} is not in this artefact's table of Windows builds` };
  return null;
}

const KB3140245 = 'KB3140245';
const KB4019276 = 'KB4019276';
const SP1 = 'KB976932';
/** Server 2008 SP2 with KB4019276: WinHTTP still needs an update no Microsoft source TLS365 read names (TLS365-WINHTTP-011). */
export const WINHTTP_2008_UPDATE = 'the WinHTTP update for Server 2008 SP2 (see TLS365-WINHTTP-011)';

/** The update a change waits for on this machine, or null. */
function heldBy(change: PlanChange, build: number, honoured: boolean | null, kb4019276: boolean): string | null {
  if (foldName(change.name) === foldName(DSP) && /\\Internet Settings\\WinHttp$/i.test(change.key) && honoured !== true) {
    if (build === 6002 || build === 6003) return kb4019276 ? WINHTTP_2008_UPDATE : KB4019276;
    return build === 7600 ? SP1 : KB3140245;
  }
  if ((build === 6002 || build === 6003) && !kb4019276) {
    const held = (['TLS 1.1', 'TLS 1.2'] as const).flatMap((p) => [schannelProtocolKey(p, 'Client'), schannelProtocolKey(p, 'Server')]).map(foldName);
    if (held.includes(foldName(change.key))) return KB4019276;
  }
  return null;
}

const kindOf = (c: PlanChange): DesiredWrite['kind'] => (c.op === 'set-dword' ? 'DWord' : c.op === 'set-string' ? 'String' : 'Delete');

export function desiredOutcome(snapshot: MachineSnapshot, state: DesiredState): DesiredOutcome | DesiredRefusal {
  const refused = desiredRefusal(snapshot);
  if (refused !== null) return refused;
  const m = machineFacts(snapshot);
  const plan = planRemediation(snapshot, { protocols: state.protocols, disableLegacy: state.disableLegacy, allowLegacy: state.allowLegacy, components: state.components });
  if (!plan.ok) return { kind: 'refused', why: plan.error.map((e) => e.message).join('; ') };
  const build = m.os?.build ?? 0;
  const honoured = dspHonoured(m);
  const kb4019276 = m.updates.state(KB4019276).kind === 'detected';
  const writes: DesiredWrite[] = [];
  const held: { kb: string; key: string; name: string }[] = [];
  for (const c of plan.value.changes) {
    const kb = heldBy(c, build, honoured, kb4019276);
    if (kb !== null) { held.push({ kb, key: c.key, name: c.name }); continue; }
    writes.push({ key: c.key, name: c.name, kind: kindOf(c), data: c.op === 'delete-value' ? null : c.data, owner: c.owner });
  }
  return { kind: 'writes', writes, held };
}
