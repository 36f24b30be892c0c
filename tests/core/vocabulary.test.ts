import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVocabularyPsd1, VOCABULARY } from '../../core/vocabulary';

/** The module's parameter words come from the core's lists (issue 14, item 2): one home each. */
describe('module/TLS365.Vocabulary.psd1: the words the module accepts, generated from the core', () => {
  it('is current (npm run build && node scripts/module-data.js rewrites it)', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'module', 'TLS365.Vocabulary.psd1'), 'utf8');
    assert.equal(file, renderVocabularyPsd1(), 'module/TLS365.Vocabulary.psd1 is stale: npm run build && node scripts/module-data.js');
  });

  it('holds the lists the core checks against, with no word twice', () => {
    assert.deepEqual(VOCABULARY['Component'], ['WinHttp', 'WinHttp32', 'WinInet', 'SChannelClient', 'SChannelServer', 'DotNet4', 'DotNet4_32', 'DotNet35', 'DotNet35_32']);
    assert.deepEqual(VOCABULARY['Role'], ['Exchange', 'ConfigMgr', 'AzureADConnect', 'Office']);
    assert.deepEqual(VOCABULARY['ExportFormat'], ['Reg', 'Script', 'SccmDiscovery', 'SccmRemediation', 'IntuneDetection', 'IntuneRemediation', 'GroupPolicy']);
    for (const [name, words] of Object.entries(VOCABULARY)) assert.equal(new Set(words.map((w) => w.toLowerCase())).size, words.length, name);
  });

  it('quotes words for PowerShell (a single quote is doubled)', () => {
    assert.match(renderVocabularyPsd1(), /^ {4}Role = @\('Exchange', 'ConfigMgr', 'AzureADConnect', 'Office'\)$/m);
  });
});
