/**
 * The roles a machine can be evaluated as (`-Role`), in addition to what is detected: each scopes a family of
 * product rules (Exchange, Configuration Manager, Azure AD Connect, Office). The one list of them: the rules,
 * the planner, the bridge's checks and the module's parameters (module/TLS365.Vocabulary.psd1) read it here.
 */
export const ROLES = ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'] as const;
export type Role = (typeof ROLES)[number];
