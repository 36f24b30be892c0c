import type { Component } from '../readiness/model.js';
import type { PlanProtocol } from '../plan/model.js';

/**
 * A desired state (issue 15, item 1): what every machine it reaches should end up with, not one machine's
 * diff. It is the planner's settings without a machine: TLS 1.2 on for every component, TLS 1.3 where asked
 * for and the OS has it, TLS 1.0/1.1 turned off (disableLegacy), on (allowLegacy) or left as each machine has
 * them, SSL 2.0/3.0 never on. The artefacts evaluate it on each target (the script channels, with the same
 * per-OS rules as the core: core/desired/interpreter-text.ts) or per OS family (Reg, GroupPolicy).
 */
export const DESIRED_SCHEMA = 'tls365.desired/1';

export interface DesiredState {
  readonly schema: typeof DESIRED_SCHEMA;
  readonly protocols: readonly PlanProtocol[];
  readonly disableLegacy: boolean;
  readonly allowLegacy: boolean;
  readonly components: readonly Component[];
}

/** What a script artefact would write on one machine, as the reference (desiredChanges) computes it. */
export interface DesiredWrite {
  readonly key: string;
  readonly name: string;
  readonly kind: 'DWord' | 'String' | 'Delete';
  readonly data: number | string | null;
  readonly owner: Component;
}

/** A machine the desired state cannot be evaluated on: nothing is written there, and the artefact says why. */
export interface DesiredRefusal {
  readonly kind: 'refused';
  readonly why: string;
}

/** The outcome on one machine: the writes in order, and the updates that hold some values back (reported, not written). */
export interface DesiredOutcome {
  readonly kind: 'writes';
  readonly writes: readonly DesiredWrite[];
  readonly held: readonly { readonly kb: string; readonly key: string; readonly name: string }[];
}
