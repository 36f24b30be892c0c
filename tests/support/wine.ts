import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './bridge-client.js';

/**
 * The Windows tier's harness: runs the Windows build of pwsh (and Wine's own regedit/reg) in the Wine prefix
 * that scripts/windows-tier.js sets up, against Wine's real Win32 registry. What it cares about, from the
 * recipe in the design's stack.md section 9:
 * - the Windows pwsh exits 0 with no output when stdin is not a terminal, so it runs under `script` (a pty),
 *   with stdout and stderr redirected to files: they come back clean, and the exit code is pwsh's own;
 * - scripts run with -File (no quoting through `script -c` beyond one single-quoted path per argument);
 * - every pwsh run prints one harmless `Read access denied for device L"\\??\\Z:\\"` line to stderr: dropped;
 * - the registry is put back between tests by stopping the wine server and copying the hive files saved
 *   right after the prefix was made.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tier = require(join(repoRoot, 'scripts', 'windows-tier.js')) as {
  layout: { prefix: string; pristine: string; pwsh: string; node: string; stamp: string; hives: string[] };
  wineEnv: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
  toWindowsPath: (p: string) => string;
};

export const layout = tier.layout;
export const toWindowsPath = tier.toWindowsPath;
export const windowsNode = toWindowsPath(layout.node);
export const windowsRepo = toWindowsPath(repoRoot);

export interface WineRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Why the tier cannot run here, or null when it can. Tests fail with this text; they never skip. */
export function tierProblem(): string | null {
  if (process.platform !== 'linux') return 'the Windows tier runs on Linux under Wine';
  if (!existsSync('/usr/bin/wine')) return 'Wine is not installed (npm test\'s setup installs wine and wine64 with apt-get; see .tools/logs/apt-get-wine.log)';
  if (!existsSync(layout.stamp)) return `the Wine prefix was not set up (run node scripts/setup.js --test; logs in .tools/logs): ${layout.stamp} is missing`;
  if (!existsSync(layout.pwsh)) return `${layout.pwsh} is missing`;
  if (!existsSync(layout.node)) return `${layout.node} is missing`;
  return null;
}

export function assertTier(): void {
  const problem = tierProblem();
  if (problem !== null) throw new Error(`Windows tier unavailable: ${problem}`);
}

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const HARMLESS = /^wine: Read access denied for device L"\\\\\?\?\\\\Z:\\\\".*$/;

function cleanStderr(text: string): string {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !HARMLESS.test(l)).join('\n');
}

/** Stops the prefix's wine server (and every Windows process in it) and waits until it is gone. */
export function stopWine(): void {
  spawnSync('wineserver', ['-k'], { env: tier.wineEnv(), stdio: 'ignore' });
  spawnSync('wineserver', ['-w'], { env: tier.wineEnv(), stdio: 'ignore', timeout: 60_000 });
}

/** Puts the registry back as it was right after setup (under a second). */
export function resetRegistry(): void {
  stopWine();
  for (const hive of layout.hives) copyFileSync(join(layout.pristine, hive), join(layout.prefix, hive));
}

/** Runs a Windows program of the prefix (a path Wine understands, e.g. C:\\windows\\regedit.exe) with arguments. */
export function runWine(program: string, args: readonly string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): WineRun {
  const scratch = mkdtempSync(join(tmpdir(), 'tls365-wine-'));
  const out = join(scratch, 'out');
  const err = join(scratch, 'err');
  try {
    const command = ['wine', program, ...args].map(sh).join(' ') + ` >${sh(out)} 2>${sh(err)}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], {
      env: tier.wineEnv(options.env ?? {}), stdio: ['ignore', 'ignore', 'pipe'], timeout: options.timeoutMs ?? 600_000, encoding: 'utf8',
    });
    if (r.error !== undefined || r.signal !== null) {
      stopWine();
      throw new Error(`wine ${program} did not finish (${r.error?.message ?? r.signal}); stopped the wine server`);
    }
    return {
      code: r.status ?? -1,
      stdout: existsSync(out) ? readFileSync(out, 'utf8') : '',
      stderr: cleanStderr(existsSync(err) ? readFileSync(err, 'utf8') : ''),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs a PowerShell script file under the Windows pwsh 7.6.9: `pwsh.exe -NoProfile -NonInteractive -File <script> <args>`.
 * TLS365_NODE points at Node for Windows unless the caller sets env itself.
 */
export function runWindowsPwsh(script: string, args: readonly string[] = [], options: { env?: Record<string, string>; timeoutMs?: number } = {}): WineRun {
  const env = { TLS365_NODE: windowsNode, ...(options.env ?? {}) };
  return runWine(toWindowsPath(layout.pwsh), ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', toWindowsPath(resolve(script)), ...args], { ...options, env });
}

/** `regedit /s <file>`: Wine's regedit, as an admin double-clicking a .reg would. */
export function regeditImport(file: string): WineRun {
  return runWine('regedit', ['/s', toWindowsPath(resolve(file))]);
}

/** `reg export <key> <file> /y` (UTF-16LE "Version 5.00"); returns null when the key does not exist. */
export function regExport(key: string): Buffer | null {
  const scratch = mkdtempSync(join(tmpdir(), 'tls365-regexport-'));
  try {
    const file = join(scratch, 'export.reg');
    const r = runWine('reg', ['export', key, toWindowsPath(file), '/y']);
    if (r.code !== 0 || !existsSync(file)) return null;
    return readFileSync(file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A scratch folder for one test, with a helper to write a UTF-8 (BOM) script there. */
export function scratchDir(): { dir: string; write: (name: string, text: string) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tls365-wintier-'));
  return {
    dir,
    write: (name, text) => { const p = join(dir, name); writeFileSync(p, `\ufeff${text}`, 'utf8'); return p; },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
