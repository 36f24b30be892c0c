import type { ScriptKind } from './render-script.js';

/**
 * The forms a plan is exported in (`Export-Tls365Remediation -Format`, `plan.render`): a `.reg` file, the
 * standalone apply script, and the Configuration Manager discovery and remediation pair.
 */
export const EXPORT_FORMATS = { Reg: 'reg', Script: 'apply', SccmDiscovery: 'sccm-discovery', SccmRemediation: 'sccm-remediation' } as const satisfies Readonly<Record<string, ScriptKind | 'reg'>>;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
