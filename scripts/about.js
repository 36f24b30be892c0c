'use strict';
// The about_TLS365 help topic (issue 17, item 4): generated from the manifest's description and each exported
// command's .SYNOPSIS, kept in the repository as en-US/about_TLS365.help.txt (node scripts/module-data.js writes
// it; tests/bridge/about-help.test.ts fails when it is stale), so the module has it when imported from a clone,
// and every package ships it (npm run package; --windows adds the bundled-Node paragraph).
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib.js');
const { NODE_WIN_VERSION } = require('./node-windows.js');

function die(msg) {
  throw new Error(`about_TLS365: ${msg}`);
}

function readManifest() {
  const text = fs.readFileSync(path.join(root, 'TLS365.psd1'), 'utf8');
  const version = /^\s*ModuleVersion\s*=\s*'([0-9]+(?:\.[0-9]+){1,3})'/m.exec(text);
  const description = /^\s*Description\s*=\s*'((?:[^']|'')*)'/m.exec(text);
  const functions = /^\s*FunctionsToExport\s*=\s*@\(([^)]*)\)/m.exec(text);
  if (!version || !description || !functions) die('TLS365.psd1: could not read ModuleVersion, Description or FunctionsToExport');
  const names = [...functions[1].matchAll(/'([A-Za-z]+-[A-Za-z0-9]+)'/g)].map((m) => m[1]);
  if (names.length === 0) die('TLS365.psd1: FunctionsToExport lists no function');
  return { version: version[1], description: description[1].replace(/''/g, "'"), functions: names };
}

function wrap(text, indent, width = 76) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) { lines.push(indent + line); line = word; }
    else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

function synopsis(name) {
  const file = path.join(root, 'module', 'Public', `${name}.ps1`);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const m = /\.SYNOPSIS[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*\.[A-Z]+/.exec(text);
  if (!m) die(`module/Public/${name}.ps1: no .SYNOPSIS for the about topic`);
  return m[1].replace(/\s+/g, ' ').trim();
}

function aboutHelp(manifest, nodeRange, bundledNode) {
  const commands = manifest.functions.map((name) => `        ${name}\n${wrap(synopsis(name), '            ')}`).join('\n\n');
  const firstSentence = /^.*?[.?](?=\s|$)/.exec(manifest.description);
  const text = `TOPIC
    about_TLS365

SHORT DESCRIPTION
${wrap(firstSentence ? firstSentence[0] : manifest.description, '    ')}

LONG DESCRIPTION
${wrap(manifest.description, '    ')}

    TLS365 ${manifest.version} exports these commands:

${commands}

${wrap(`The rules run in a Node.js bridge, bridge/tls365-bridge.js in the module folder. It starts on the first command that needs it, never on import, and needs Node ${nodeRange} on the machine that runs the module (set TLS365_NODE to choose the node executable). Machines that are only read over remoting never need Node.`, '    ')}${bundledNode ? `\n\n${wrap(`This package carries Node.js ${NODE_WIN_VERSION} for Windows x64 (node/node.exe, see node/NOTICE.txt). On Windows the module uses it unless TLS365_NODE names another node executable, so it needs no Node installed.`, '    ')}` : ''}

    For each command's parameters and examples, run Get-Help <command> -Full.

SEE ALSO
${manifest.functions.map((name) => `    ${name}`).join('\n')}
`;
  return text;
}

/** The Node range the module needs, in words, from package.json's engines ("20 or later"). */
function nodeRange() {
  const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines?.node ?? '>=20';
  return /^>=\s*([0-9]+)(?:\.0)*$/.test(engines) ? `${/[0-9]+/.exec(engines)[0]} or later` : engines;
}

/** The topic's text; `bundledNode`: the Windows package's paragraph about its own node.exe. */
function aboutText(bundledNode = false) {
  return aboutHelp(readManifest(), nodeRange(), bundledNode);
}

/** ASCII stays BOM-less; anything else gets a BOM so Windows PowerShell 5.1 does not read it as ANSI. */
function aboutBytes(text) {
  return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'ascii') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

const ABOUT_FILE = path.join(root, 'en-US', 'about_TLS365.help.txt');

module.exports = { ABOUT_FILE, aboutBytes, aboutText, readManifest };
