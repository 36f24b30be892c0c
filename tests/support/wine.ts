import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from './bridge-client.js';

/**
 * The Windows tier's harness: runs the Windows build of pwsh (and Wine's own regedit/reg) in the Wine prefix
 * that scripts/windows-tier.js sets up, against Wine's real Win32 registry. What it cares about, from the
 * recipe in tests/windows/README.md:
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

/**
 * A slot is one Wine prefix with its own wine server, so that several Windows machines can run side by side.
 * Slot 0 is the prefix setup made; slot n is .tools/wine/prefix-<n>, a copy of it whose files are hard links
 * (Wine writes its registry by replacing the hive files, which the reset below does too, so nothing written
 * in one slot reaches another).
 */
export type Slot = number;

export function prefixOf(slot: Slot): string {
  if (slot === 0) return layout.prefix;
  const prefix = `${layout.prefix}-${slot}`;
  if (!existsSync(join(prefix, 'system.reg'))) {
    rmSync(prefix, { recursive: true, force: true });
    const r = spawnSync('cp', ['-al', layout.prefix, prefix], { stdio: 'pipe', encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`could not make Wine slot ${slot} (cp -al ${layout.prefix} ${prefix}): ${r.stderr}`);
    for (const hive of layout.hives) { rmSync(join(prefix, hive), { force: true }); copyFileSync(join(layout.pristine, hive), join(prefix, hive)); }
  }
  return prefix;
}

const envOf = (slot: Slot, extra: Record<string, string> = {}): NodeJS.ProcessEnv => tier.wineEnv({ ...extra, WINEPREFIX: prefixOf(slot) });

/** Stops the slot's wine server (and every Windows process in it) and waits until it is gone. */
export function stopWine(slot: Slot = 0): void {
  spawnSync('wineserver', ['-k'], { env: envOf(slot), stdio: 'ignore' });
  spawnSync('wineserver', ['-w'], { env: envOf(slot), stdio: 'ignore', timeout: 60_000 });
}

/** Puts the slot's registry back as it was right after setup (under a second). */
export function resetRegistry(slot: Slot = 0): void {
  stopWine(slot);
  const prefix = prefixOf(slot);
  for (const hive of layout.hives) { rmSync(join(prefix, hive), { force: true }); copyFileSync(join(layout.pristine, hive), join(prefix, hive)); }
}

interface RunOptions { env?: Record<string, string>; timeoutMs?: number; slot?: Slot }

function wineCommand(program: string, args: readonly string[], out: string, err: string): string[] {
  return ['-qec', ['wine', program, ...args].map(sh).join(' ') + ` >${sh(out)} 2>${sh(err)}`, '/dev/null'];
}

function collect(scratch: string, code: number): WineRun {
  const out = join(scratch, 'out');
  const err = join(scratch, 'err');
  return {
    code,
    stdout: existsSync(out) ? readFileSync(out, 'utf8') : '',
    stderr: cleanStderr(existsSync(err) ? readFileSync(err, 'utf8') : ''),
  };
}

/** Runs a Windows program of the prefix (a path Wine understands, e.g. C:\\windows\\regedit.exe) with arguments. */
export function runWine(program: string, args: readonly string[], options: RunOptions = {}): WineRun {
  const slot = options.slot ?? 0;
  const scratch = mkdtempSync(join(tmpdir(), 'tls365-wine-'));
  try {
    const r = spawnSync('script', wineCommand(program, args, join(scratch, 'out'), join(scratch, 'err')), {
      env: envOf(slot, options.env ?? {}), stdio: ['ignore', 'ignore', 'pipe'], timeout: options.timeoutMs ?? 600_000, encoding: 'utf8',
    });
    if (r.error !== undefined || r.signal !== null) {
      stopWine(slot);
      throw new Error(`wine ${program} did not finish (${r.error?.message ?? r.signal}); stopped the wine server`);
    }
    return collect(scratch, r.status ?? -1);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** runWine without blocking, so several slots run at once. */
export function runWineAsync(program: string, args: readonly string[], options: RunOptions = {}): Promise<WineRun> {
  const slot = options.slot ?? 0;
  const scratch = mkdtempSync(join(tmpdir(), 'tls365-wine-'));
  return new Promise<WineRun>((resolvePromise, reject) => {
    const child = spawn('script', wineCommand(program, args, join(scratch, 'out'), join(scratch, 'err')), { env: envOf(slot, options.env ?? {}), stdio: 'ignore' });
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, options.timeoutMs ?? 600_000);
    child.on('error', (e) => { clearTimeout(timer); rmSync(scratch, { recursive: true, force: true }); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (signal !== null) { stopWine(slot); reject(new Error(`wine ${program} did not finish (${signal}); stopped the wine server of slot ${slot}`)); return; }
        resolvePromise(collect(scratch, code ?? -1));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

/**
 * Runs a PowerShell script file under the Windows pwsh 7.6.9: `pwsh.exe -NoProfile -NonInteractive -File <script> <args>`.
 * TLS365_NODE points at Node for Windows unless the caller sets env itself.
 */
export function runWindowsPwsh(script: string, args: readonly string[] = [], options: RunOptions = {}): WineRun {
  return runWine(toWindowsPath(layout.pwsh), pwshArgs(script, args), { ...options, env: pwshEnv(options) });
}

export function runWindowsPwshAsync(script: string, args: readonly string[] = [], options: RunOptions = {}): Promise<WineRun> {
  return runWineAsync(toWindowsPath(layout.pwsh), pwshArgs(script, args), { ...options, env: pwshEnv(options) });
}

const pwshArgs = (script: string, args: readonly string[]): string[] => ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', toWindowsPath(resolve(script)), ...args];
const pwshEnv = (options: RunOptions): Record<string, string> => ({ TLS365_NODE: windowsNode, NO_COLOR: '1', TERM: 'dumb', ...(options.env ?? {}) });

/** `regedit /s <file>`: Wine's regedit, as an admin double-clicking a .reg would. */
/**
 * Wine now and then fails to start regedit itself ("Application could not be started ... ShellExecuteEx failed:
 * Internal error", seen once in a fresh-clone run, in a before-all hook that mocha's --retries does not cover). Such
 * a run imported nothing, so it is started once more, and the retry is written to stderr so that the log shows it.
 * Any other failure, or a second one, is returned as it is.
 */
const notStarted = (r: WineRun): boolean => r.code !== 0 && /could not be started|ShellExecuteEx failed/.test(r.stdout);
const noteRetry = (file: string, r: WineRun): void => { process.stderr.write(`      (regedit /s ${file}: Wine did not start it (${r.stdout.trim().split(/\r?\n/)[0] ?? ''}); started once more)\n`); };

export function regeditImport(file: string, slot: Slot = 0): WineRun {
  const first = runWine('regedit', ['/s', toWindowsPath(resolve(file))], { slot });
  if (!notStarted(first)) return first;
  noteRetry(file, first);
  return runWine('regedit', ['/s', toWindowsPath(resolve(file))], { slot });
}

export async function regeditImportAsync(file: string, slot: Slot = 0): Promise<WineRun> {
  const first = await runWineAsync('regedit', ['/s', toWindowsPath(resolve(file))], { slot });
  if (!notStarted(first)) return first;
  noteRetry(file, first);
  return runWineAsync('regedit', ['/s', toWindowsPath(resolve(file))], { slot });
}

/** `reg export <key> <file> /y` (UTF-16LE "Version 5.00"); returns null when the key does not exist. */
export function regExport(key: string, slot: Slot = 0): Buffer | null {
  const scratch = mkdtempSync(join(tmpdir(), 'tls365-regexport-'));
  try {
    const file = join(scratch, 'export.reg');
    const r = runWine('reg', ['export', key, toWindowsPath(file), '/y'], { slot });
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

/** How many Wine slots run side by side: TLS365_WINE_SLOTS, else one per core (at most 4). */
export function slotCount(): number {
  const asked = Number(process.env['TLS365_WINE_SLOTS'] ?? '');
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return Math.max(1, Math.min(4, cpus().length));
}

/**
 * Runs work(item, slot) for every item, at most one item per slot at a time, and returns each item's outcome
 * (a value, or the error it threw) in the order of the items.
 */
export async function inSlots<T, R>(items: readonly T[], work: (item: T, slot: Slot) => Promise<R>): Promise<({ ok: true; value: R } | { ok: false; error: Error })[]> {
  const outcomes: ({ ok: true; value: R } | { ok: false; error: Error })[] = new Array(items.length);
  let next = 0;
  const worker = async (slot: Slot): Promise<void> => {
    while (next < items.length) {
      const i = next;
      next += 1;
      try { outcomes[i] = { ok: true, value: await work(items[i]!, slot) }; } catch (e) { outcomes[i] = { ok: false, error: e instanceof Error ? e : new Error(String(e)) }; }
    }
  };
  await Promise.all(Array.from({ length: Math.min(slotCount(), Math.max(1, items.length)) }, (_, slot) => worker(slot)));
  return outcomes;
}
