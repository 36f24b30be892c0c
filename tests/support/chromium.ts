import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Headless Debian Chromium for the report test (installed by `npm test`'s setup: scripts/setup.js --test).
// Every run gets a new empty profile and the flags that keep it off the network: this machine's network is
// closed, and without them Chromium keeps trying to reach Google's services.
export const CHROMIUM = process.env['TLS365_CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions', '--hide-scrollbars', '--force-device-scale-factor=1'];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the report test renders in Debian's chromium, which 'npm test' installs (scripts/setup.js --test, apt-get as root)`);
  }
}

function run(args: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'tls365-chromium-'));
  try {
    return execFileSync(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM after the page's scripts ran (Chromium's --dump-dom), for a file and an optional #fragment. */
export function dumpDom(file: string, fragment = ''): string {
  return run(['--dump-dom', `${pathToFileURL(file).href}${fragment}`]);
}

export function screenshot(file: string, png: string, width: number, height: number): void {
  run([`--window-size=${width},${height}`, `--screenshot=${png}`, pathToFileURL(file).href]);
}
