export type { MachineVerdict, ReportChange, ReportEffective, ReportEndpoint, ReportFailure, ReportFinding, ReportInput, ReportMachine } from './model.js';
export { failureKind, machineVerdict, summarize, type ComponentCounts, type FindingGroup, type OsCounts, type ReportSummary } from './summary.js';
export { escapeHtml } from './escape.js';
export { CLIENT_SCRIPT, CLIENT_SCRIPT_SHA256 } from './client-script.js';
export { renderReportHtml } from './render-html.js';
export { differenceFromFirst, settingsGroups, type SettingsGroup, type SettingsGroups } from './settings-groups.js';
export { breakDateText, endpointGroups, type EndpointBreak, type EndpointGroup, type EndpointGroups, type EndpointMachine } from './endpoint-groups.js';
