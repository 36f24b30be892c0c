import { join } from 'node:path';
import { PowerShell } from 'node-powershell';
import { repoRoot } from './bridge-client.js';

// The e2e tests' pwsh: the local tool wrapper (7.6.9) with the module imported. Command text is fixed; data
// goes through files. Paths are embedded only as single-quoted literals with quotes doubled
// (node-powershell's own templates do not escape `$(...)`).
export const pwsh = join(repoRoot, '.tools', 'bin', process.platform === 'win32' ? 'pwsh.cmd' : 'pwsh');
export const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const manifest = literal(join(repoRoot, 'TLS365.psd1'));

/** A long-lived pwsh with the module imported. TERM=dumb: otherwise pwsh's console host wraps output in
 * keypad-mode escapes (ESC[?1h ESC[?1l). */
export async function startModuleShell(): Promise<PowerShell> {
  const ps = new PowerShell({
    executable: pwsh,
    executableOptions: { '-NoProfile': true, '-NonInteractive': true },
    spawnOptions: { env: { ...process.env, TERM: 'dumb', NO_COLOR: '1' } },
    invocationTimeout: 60_000,
  });
  await ps.invoke(`$ErrorActionPreference = 'Stop'; Import-Module ${manifest} -Force`);
  return ps;
}
