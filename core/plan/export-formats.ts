import type { ScriptKind } from './render-script.js';

/**
 * The forms a plan or a desired state is exported in (`Export-Tls365Remediation -Format`, `plan.render`,
 * `desired.render`): a `.reg` file (a desired state: one per OS family), the standalone apply script, the
 * Configuration Manager discovery and remediation pair, the Intune remediations pair (detection and
 * remediation), and a Group Policy Preferences Registry.xml (a desired state only: one machine's plan is not
 * what a GPO deploys).
 */
export const EXPORT_FORMATS = {
  Reg: 'reg', Script: 'apply', SccmDiscovery: 'sccm-discovery', SccmRemediation: 'sccm-remediation',
  IntuneDetection: 'intune-detection', IntuneRemediation: 'intune-remediation', GroupPolicy: 'gpp',
} as const satisfies Readonly<Record<string, ScriptKind | 'reg' | 'gpp'>>;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
