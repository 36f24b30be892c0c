
/**
 * The readiness model: components, findings and fixes, as plain data. Component names and statuses are the
 * public contract of Get-Tls365Readiness (issue 4) and never change.
 */
export const COMPONENTS = [
  'WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32',
] as const;
export type Component = (typeof COMPONENTS)[number];

export type Severity = 'Fail' | 'Warn' | 'Info';
export type ComponentStatus = 'Ready' | 'NotReady' | 'Unknown' | 'NotApplicable';

/** Rule ids are stable forever (docs/domain-facts.md section 10); retired ids are never reused. */
export type RuleId = `TLS365-${string}-${number}${number}${number}`;

/** A registry change that fixes a finding. Paths are full (`HKEY_LOCAL_MACHINE\...`). */
export type RegChange =
  | { readonly op: 'set-dword'; readonly key: string; readonly name: string; readonly data: number }
  | { readonly op: 'set-string'; readonly key: string; readonly name: string; readonly data: string }
  | { readonly op: 'delete-value'; readonly key: string; readonly name: string };

export interface Fix {
  /** What an admin reads: one or two sentences, imperative. */
  readonly text: string;
  /** The exact registry writes, in order; empty when the fix is not a registry change (install an update). */
  readonly changes: readonly RegChange[];
  /** Updates to install (KB ids), reported and never faked. */
  readonly updates: readonly string[];
  /** What has to be restarted for the change to take effect. */
  readonly restart: 'none' | 'reboot' | 'apps';
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** The component(s) whose verdict this finding counts against. */
  readonly components: readonly Component[];
  readonly message: string;
  readonly fix: Fix | null;
  /** KB ids this finding names as needed and not detected: they make up MissingUpdates. */
  readonly missingUpdates: readonly string[];
  /** Source tags (docs/domain-facts.md section 0) behind this finding. */
  readonly sources: readonly string[];
  /** Endpoint rules only: which endpoint, and from which day the machine cannot reach it (the report counts by these). */
  readonly endpoint?: EndpointRef;
}

export interface EndpointRef {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM-DD from which it breaks (for a Fail: the start of the era in force; '0000-01-01' when it never could). */
  readonly breaksOn: string;
}

export interface ComponentVerdict {
  readonly name: Component;
  readonly status: ComponentStatus;
  readonly reason: string;
}

export interface OsSummary {
  readonly name: string;
  readonly build: number | null;
  readonly ubr: number | null;
}

export interface Readiness {
  readonly computerName: string;
  readonly source: 'Local' | 'Image' | 'Remote';
  readonly origin: string | null;
  readonly os: OsSummary;
  readonly ready: boolean;
  readonly components: readonly ComponentVerdict[];
  readonly findings: readonly Finding[];
  readonly missingUpdates: readonly string[];
}
