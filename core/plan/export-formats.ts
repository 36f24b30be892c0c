import type { ScriptKind } from './render-script.js';

/**
 * The forms a plan is exported in (`Export-Tls365Remediation -Format`, `plan.render`): a `.reg` file, the
 * standalone apply script, the Configuration Manager discovery and remediation pair, and the Intune
 * remediations pair (detection and remediation).
 */
export const EXPORT_FORMATS = {
  Reg: 'reg', Script: 'apply', SccmDiscovery: 'sccm-discovery', SccmRemediation: 'sccm-remediation',
  IntuneDetection: 'intune-detection', IntuneRemediation: 'intune-remediation',
} as const satisfies Readonly<Record<string, ScriptKind | 'reg'>>;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
