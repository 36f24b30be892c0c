import type { Component, ComponentStatus, RuleId, Severity } from '../readiness/model.js';
import type { Role } from '../readiness/rule.js';
import type { RegValue } from '../regfile/index.js';

/**
 * The remediation plan as plain data (JSON-serialisable, readonly): what Set-Tls365Protocols applies, what
 * Export-Tls365Remediation renders (.reg, standalone script, SCCM Configuration Item pair) and what
 * Undo-Tls365Change reverses through a Backup.
 */
export const PLAN_SCHEMA = 'tls365.plan/1';
export const BACKUP_SCHEMA = 'tls365.backup/1';

/** Protocols a plan can turn on. TLS 1.2 is always part of the target; SSL 2.0/3.0 cannot even be named. */
/** The protocols a plan can turn on (`-Protocol`); TLS 1.0/1.1 only through allowLegacy, SSL never. */
export const PLAN_PROTOCOLS = ['Tls12', 'Tls13'] as const;
export type PlanProtocol = (typeof PLAN_PROTOCOLS)[number];

export interface PlanOptions {
  /** Default ['Tls12']. 'Tls13' is planned only where the OS has TLS 1.3 (else a warning, no change). */
  readonly protocols?: readonly PlanProtocol[];
  /** Turn TLS 1.0/1.1 and SSL 2.0/3.0 off for client and server, and drop them from the protocol masks. Default false. */
  readonly disableLegacy?: boolean;
  /**
   * The only way a plan may switch TLS 1.0/1.1 ON (Enabled=1, DisabledByDefault=0, and their mask bits):
   * with it the plan writes them on and carries a loud `legacy-enabled` warning. Default false. SSL 2.0/3.0
   * are never enabled, whatever the options. Exclusive with disableLegacy.
   */
  readonly allowLegacy?: boolean;
  /** Limit the plan to the registry values these components own. Default: every component. */
  readonly components?: readonly Component[];
  /** Roles forced as with Get-Tls365Readiness -Role (Exchange consistency rules apply when Exchange is detected or forced). */
  readonly roles?: readonly Role[];
  /** The day the endpoint profiles are judged on (YYYY-MM-DD): the plan adds the suites they need then and after. Absent: no endpoint needs. */
  readonly asOf?: string;
  /** Endpoint profile ids (default: every profile), with asOf. */
  readonly endpoints?: readonly string[];
}

/** The options as the planner used them, defaults filled in. */
export interface PlanSettings {
  readonly protocols: readonly PlanProtocol[];
  readonly disableLegacy: boolean;
  readonly allowLegacy: boolean;
  readonly components: readonly Component[];
  readonly roles: readonly Role[];
  readonly asOf?: string;
  readonly endpoints?: readonly string[];
}

export type Restart = 'none' | 'apps' | 'reboot';

/** What a change does to one value. A key that does not exist is created (with its parents) by a set. */
export type PlanOp =
  | { readonly op: 'set-dword'; readonly data: number }
  | { readonly op: 'set-string'; readonly data: string }
  | { readonly op: 'delete-value' };

export type PlanChange = PlanOp & {
  /** Full key path, hive spelled out (`HKEY_LOCAL_MACHINE\...`); both registry views spelled out (Wow6432Node). */
  readonly key: string;
  /** Value name ('' is the default value). */
  readonly name: string;
  /** The value in the snapshot the plan was made from; null = absent. */
  readonly before: RegValue | null;
  /** The key does not exist in the snapshot: the write creates it. */
  readonly createsKey: boolean;
  /** The component that owns this value (the `components` option selects by owner). */
  readonly owner: Component;
  /** The owner, then every component whose findings this change fixes. */
  readonly components: readonly Component[];
  /** Ids of the findings this change fixes (or, where the plan also lists updates, works towards). */
  readonly fixes: readonly RuleId[];
  readonly restart: Exclude<Restart, 'none'>;
  /** Why the planner wants this value (the target state it belongs to). */
  readonly reason: string;
};

/** An update the plan needs but cannot install: reported, never faked. */
export interface PlanUpdate {
  readonly kb: string;
  readonly ruleIds: readonly RuleId[];
  readonly components: readonly Component[];
  /** The fix text of the first finding that names it. */
  readonly text: string;
}

export type PlanWarningCode =
  | 'legacy-enabled'
  | 'tls13-unsupported'
  | 'tls13-exchange'
  | 'decision-needed'
  | 'current-user'
  | 'scope-split'
  | 'cipher-limit'
  | 'rdp-tls10'
  | 'views-differ'
  | 'cipher-policy'
  | 'policy-managed'
  | 'input-incomplete'
  | 'os-unsupported'
  | 'introduced-finding';

export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly message: string;
  readonly components: readonly Component[];
  readonly ruleIds: readonly RuleId[];
}

/**
 * A Fail or Warn finding that still fires once the plan is applied, and why: an update is missing, the fix is
 * not a registry change (OS or .NET upgrade), its component is outside `components`, or the options decline
 * the change (TLS 1.0/1.1 on or off needs the admin's decision).
 */
export interface PlanUnresolved {
  readonly ruleId: RuleId;
  readonly severity: Exclude<Severity, 'Info'>;
  readonly components: readonly Component[];
  readonly why: 'update' | 'not-registry' | 'out-of-scope' | 'declined';
  readonly message: string;
}

/** Component status before the plan and as the plan predicts it after (the snapshot re-evaluated with the changes). */
export interface PlanComponent {
  readonly name: Component;
  readonly before: ComponentStatus;
  readonly after: ComponentStatus;
}

/**
 * The machine a plan was made for, as its snapshot says (the OS build, CurrentBuildNumber; the architecture,
 * PROCESSOR_ARCHITECTURE): a plan is that machine's exact values, so the scripts it becomes refuse to run on
 * another build or architecture (issue 15). null: the snapshot did not say.
 */
export interface PlanTarget {
  readonly build: number | null;
  readonly x64: boolean | null;
}

export interface Plan {
  readonly schema: typeof PLAN_SCHEMA;
  readonly computerName: string;
  readonly target: PlanTarget;
  readonly settings: PlanSettings;
  /** Ordered (turn on before turning off), one entry per value, never a no-op. */
  readonly changes: readonly PlanChange[];
  readonly updates: readonly PlanUpdate[];
  readonly restart: Restart;
  readonly warnings: readonly PlanWarning[];
  readonly unresolved: readonly PlanUnresolved[];
  readonly components: readonly PlanComponent[];
}

export type PlanErrorCode = 'BadOption' | 'UnsafeText' | 'BadKey' | 'BadData' | 'BadOp' | 'Conflict' | 'BadBackup' | 'EnablesSsl';

/** Why a plan (or a backup) cannot be made, applied or rendered. `path` points into the input, e.g. `changes[3].name`. */
export interface PlanError {
  readonly code: PlanErrorCode;
  readonly path: string;
  readonly message: string;
}

/** The prior state of one value a plan touched. */
export interface BackupEntry {
  /** Full, normalised key path. */
  readonly key: string;
  /** Spelled as the value was (as the plan spells it when the value did not exist). */
  readonly name: string;
  /** null: the value did not exist (undo deletes it again). */
  readonly before: RegValue | null;
  /** Image bookkeeping: where the value stood among its key's values; null when it did not exist. */
  readonly index: number | null;
  /** Image bookkeeping: where the name stood in the key's `"name"=-` list of the image (a .reg patch); null when it was not there. */
  readonly deletedIndex: number | null;
}

export interface Backup {
  readonly schema: typeof BACKUP_SCHEMA;
  /** One per touched value, in the order they were written. */
  readonly entries: readonly BackupEntry[];
  /** Keys that did not exist before (parents first): undo removes them again when they are left empty. */
  readonly createdKeys: readonly string[];
  /** Image bookkeeping: key sections applyPlan added to the image (created, or existing only as a parent of listed keys). */
  readonly addedSections: readonly string[];
}
