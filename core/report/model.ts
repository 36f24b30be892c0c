/**
 * The fleet report's input, as plain data: what Get-Tls365Readiness returned for each machine (in the core's
 * words) plus one entry per machine that could not be evaluated (unreachable, collection failed, bad image).
 * The bridge builds these from the module's TLS365.Readiness objects and ErrorRecords.
 */
export type MachineVerdict = 'Ready' | 'NotReady' | 'Unknown';

export interface ReportChange {
  readonly action: string;
  readonly key: string;
  readonly name: string;
  readonly value: string | number | null;
  /** The change as a command to paste (the object's Command); null for objects made before it existed. */
  readonly command: string | null;
}

export interface ReportFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly components: readonly string[];
  readonly message: string;
  readonly fix: {
    readonly text: string;
    readonly changes: readonly ReportChange[];
    readonly updates: readonly string[];
    readonly restart: string;
  } | null;
  /** Endpoint rules (TLS365-ENDPOINT-001..003) only: which endpoint, and from which day it breaks; absent or null otherwise. */
  readonly endpoint?: ReportEndpoint | null;
}

/** A finding's Endpoint ({Id, Name, BreaksOn}): breaksOn is YYYY-MM-DD ('0000-01-01': it never could). */
export interface ReportEndpoint {
  readonly id: string;
  readonly name: string;
  readonly breaksOn: string;
}

export interface ReportMachine {
  readonly computerName: string;
  readonly source: string;
  readonly os: { readonly name: string; readonly build: number | null };
  readonly ready: boolean;
  readonly components: readonly { readonly name: string; readonly status: string; readonly reason: string }[];
  readonly findings: readonly ReportFinding[];
  readonly missingUpdates: readonly string[];
  /** Its TLS settings as 'label=value' (TlsSettings, core/readiness/settings.ts); empty when the object has none. */
  readonly settings: readonly string[];
  /**
   * What is in effect per component and where it comes from (the object's Effective, core/readiness/origins.ts;
   * issue 16 item 2); empty for objects made before it existed.
   */
  readonly effective: readonly ReportEffective[];
}

/** One setting in effect: origin is OsDefault, PatchDefault, Local or GroupPolicy; where and note may be null. */
export interface ReportEffective {
  readonly component: string;
  readonly setting: string;
  readonly value: string;
  readonly origin: string;
  readonly where: string | null;
  readonly note: string | null;
}

/** A machine with no readiness result. `Unreachable` is a remoting failure; `Failed` anything else. */
export interface ReportFailure {
  readonly target: string;
  readonly kind: 'Unreachable' | 'Failed';
  readonly errorId: string;
  readonly message: string;
}

export interface ReportInput {
  readonly title: string;
  /** ISO 8601 time the report was made; the caller supplies it (the core has no clock). */
  readonly generatedAt: string;
  readonly machines: readonly ReportMachine[];
  readonly failures: readonly ReportFailure[];
  /** The day (YYYY-MM-DD) the endpoint profiles were judged on, when the caller knows it (ConvertTo-Tls365Report -AsOf). */
  readonly asOf?: string | null;
}
