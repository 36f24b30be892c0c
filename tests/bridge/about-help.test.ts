import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

// scripts/about.js is CommonJS without types: its three functions are all this test needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const about = require('../../scripts/about.js') as { ABOUT_FILE: string; aboutBytes: (t: string) => Buffer; aboutText: (bundledNode?: boolean) => string; readManifest: () => { functions: string[] } };

describe('en-US/about_TLS365.help.txt: the about topic lives in the repository (issue 17, item 4)', () => {
  it('is current: the manifest description and every exported command with its synopsis (node scripts/module-data.js rewrites it)', () => {
    const committed = readFileSync(about.ABOUT_FILE);
    assert.ok(committed.equals(about.aboutBytes(about.aboutText(false))), 'en-US/about_TLS365.help.txt is stale: npm run build && node scripts/module-data.js');
    const text = committed.toString('utf8');
    assert.match(text, /^TOPIC\n {4}about_TLS365\n/);
    for (const name of about.readManifest().functions) assert.match(text, new RegExp(`\\n {8}${name}\\n {12}\\S`), name);
    assert.doesNotMatch(text, /node\/node\.exe/, 'the repository copy does not claim a bundled node.exe');
    assert.match(about.aboutText(true), /node\/node\.exe/, 'the Windows package says it carries one');
  });
});
