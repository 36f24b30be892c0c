import { PROFILES } from './endpoints/profiles.js';
import { LOG_FORMATS } from './logs/types.js';
import { EXPORT_FORMATS } from './plan/export-formats.js';
import { PLAN_PROTOCOLS } from './plan/model.js';
import { psQuote } from './plan/ps-literal.js';
import { LAYOUTS } from './protocols/layouts.js';
import { PROTOCOLS } from './protocols/names.js';
import { COMPONENTS } from './readiness/model.js';
import { ROLES } from './readiness/roles.js';

/**
 * The words the module's parameters accept, each list read from its one home in the core. The module cannot
 * import TypeScript, so module/TLS365.Vocabulary.psd1 is generated from this (`npm run build && node
 * scripts/module-data.js`); tests/core/vocabulary.test.ts fails when that file is stale. Keys are what the module's
 * parameters name in `Assert-Tls365Vocabulary -Name`.
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  /** Readiness components (`-Component`). */
  Component: COMPONENTS,
  /** Roles (`-Role`). */
  Role: ROLES,
  /** Microsoft endpoint profiles (`Get-Tls365Readiness -Endpoint`, `Test-Tls365Connection -Endpoint`). */
  Endpoint: PROFILES.map((p) => p.id),
  /** Protocol names (`-Protocol` of the mask, probe and log commands). */
  Protocol: PROTOCOLS,
  /** What a plan turns on (`-Protocol` of Set and Export). */
  PlanProtocol: PLAN_PROTOCOLS,
  /** Protocol-mask layouts (`-Layout`). */
  MaskLayout: LAYOUTS,
  /** Log formats (`Find-Tls365LegacyClient -Format`); `Auto` detects each file's. */
  LogFormat: ['Auto', ...LOG_FORMATS],
  /** Remediation export formats (`Export-Tls365Remediation -Format`). */
  ExportFormat: Object.keys(EXPORT_FORMATS),
};

/** module/TLS365.Vocabulary.psd1: a PowerShell data file (Windows PowerShell 5.1 reads it with Import-PowerShellDataFile). */
export function renderVocabularyPsd1(): string {
  const lines = [
    '# Generated from core/vocabulary.ts by `npm run build && node scripts/module-data.js`; do not edit.',
    '# The words the module\'s parameters accept (Assert-Tls365Vocabulary), each from its one home in the core.',
    '@{',
    ...Object.entries(VOCABULARY).map(([name, words]) => `    ${name} = @(${words.map(psQuote).join(', ')})`),
    '}',
    '',
  ];
  return lines.join('\n');
}
