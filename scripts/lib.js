'use strict';
// Shared helpers for the project scripts (setup, test, demo, bench). Plain Node, no dependencies:
// these run before npm packages exist. Child processes are spawned with argument arrays, never a shell.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const toolsBin = path.join(root, '.tools', 'bin');
const PWSH_VERSION = '7.6.9';
const PESTER_VERSION = '5.9.1';
const pesterManifest = path.join(root, '.tools', 'nuget', 'pester', PESTER_VERSION, 'tools', 'Pester.psd1');

/** The environment every child gets: the local pwsh wrapper first on PATH, no dotnet chatter. */
function childEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${toolsBin}${path.delimiter}${process.env.PATH ?? ''}`,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    ...extra,
  };
}

function run(cmd, args, options = {}) {
  const { env, ...rest } = options;
  return spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...rest, env: childEnv(env), shell: false });
}

/** The pwsh wrapper that setup writes (a shell script on Linux/macOS). */
function pwshPath() {
  return path.join(toolsBin, process.platform === 'win32' ? 'pwsh.cmd' : 'pwsh');
}

function exists(p) {
  try { fs.accessSync(p); return true; } catch { return false; }
}

module.exports = { root, toolsBin, PWSH_VERSION, PESTER_VERSION, pesterManifest, childEnv, run, pwshPath, exists };
